"""Which tests start servers, so that `make check` can leave them out (pyproject declares the
markers; tests/conftest.py applies and checks them).

`live`   starts a real server process on loopback: `publisher serve` or `publisher curate`,
         gunicorn, or a browser (Chromium), or the benchmark harness's servers.
`remote` starts a real oxigraph server (`oxigraph serve`).

A test gets them three ways: from a fixture declared with `@starts(...)` anywhere in its
fixture closure (tests/conftest.py marks it at collection), from a `pytest.param(...,
marks=...)` of a parametrized fixture that starts a server only for that parameter, or from an
explicit mark on a test or module that starts one itself. While the tests run, every process
they start is looked at (an audit hook on subprocess.Popen): a server started by a test that
lacks its marker fails that test, so a missing marker cannot go unnoticed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pytest

SERVER_MARKERS = ("live", "remote")
F = TypeVar("F", bound=Callable[..., Any])


def starts(*markers: str) -> Callable[[F], F]:
    """Declares that a fixture starts servers: every test using it, directly or through other
    fixtures, gets `markers`. Goes under @pytest.fixture."""
    unknown = set(markers) - set(SERVER_MARKERS)
    assert not unknown, f"unknown server markers {unknown}"

    def declare(function: F) -> F:
        function.starts_servers = markers  # type: ignore[attr-defined]
        return function

    return declare


def fixture_markers(item: pytest.Item) -> set[str]:
    """The server markers declared by the fixtures in an item's closure."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return set()
    found: set[str] = set()
    for name in item.fixturenames:  # the whole closure, not only the test's own arguments
        for definition in info.name2fixturedefs.get(name, ()):
            found.update(getattr(definition.func, "starts_servers", ()))
    return found


def server_kind(argv: Sequence[object]) -> str | None:
    """The marker a command needs: "live" for `publisher serve`, gunicorn, Chromium and the
    Python peers the benchmarks measure, "remote" for `oxigraph serve`, else None."""
    words = [os.path.basename(str(word)) for word in argv]
    if not words:
        return None
    program = words[0]
    if program.startswith("python") and len(words) > 2 and words[1] == "-m":
        program, words = words[2], words[2:]
    arguments = words[1:]
    if program in ("publisher", "publisher.cli") and arguments[:1] in (["serve"], ["curate"]):
        return "live"
    if program == "oxigraph" and arguments[:1] == ["serve"]:
        return "remote"
    if program in ("gunicorn", "uvicorn", "rdflib-endpoint", "rdflib_endpoint"):
        return "live"
    if program.startswith(("chromium", "chrome", "google-chrome")):
        return "live"
    return None


class Spawns:
    """Every server process started in this test process, as (marker, command)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if event != "subprocess.Popen":
            return
        _, argv, _, _ = args
        argv = [argv] if isinstance(argv, str | bytes | os.PathLike) else list(argv)
        kind = server_kind(argv)
        if kind is not None:
            self.seen.append((kind, " ".join(str(a) for a in argv)[:200]))

    def since(self, mark: int) -> list[tuple[str, str]]:
        return self.seen[mark:]


def unmarked(item: pytest.Item, started: list[tuple[str, str]]) -> list[str]:
    """The servers a test started without carrying their marker."""
    marks = {mark.name for mark in item.iter_markers()}
    return [f"{kind}: {command}" for kind, command in started if kind not in marks]
