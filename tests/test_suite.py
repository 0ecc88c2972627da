"""The test suite's own rules: each helper module is imported under one name, the server
markers are found from the commands the tests start (tests/markers.py), and a test writing
into the checkout is noticed (tests/checkout.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import checkout, markers

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def test_every_module_of_the_suite_is_imported_under_its_package_name():
    """A helper imported both as `tests.web.fixture_release` and as `fixture_release` (a folder
    put on sys.path) is two modules with two copies of its state: every module under tests/
    is part of the `tests` package and is imported by that name only."""
    names: dict[Path, list[str]] = {}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and Path(file).resolve().is_relative_to(TESTS):
            names.setdefault(Path(file).resolve(), []).append(name)
    assert names, "no module of the suite is loaded"
    wrong = {
        str(path.relative_to(ROOT)): found
        for path, found in names.items()
        if len(found) != 1 or not (found[0] == "tests" or found[0].startswith("tests."))
    }
    assert wrong == {}
    packages = [p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts]
    assert all((p.parent / "__init__.py").exists() for p in packages), (
        "a folder of tests without __init__.py is imported under a bare name"
    )


@pytest.mark.parametrize(
    "argv, kind",
    [
        ([sys.executable, "-m", "publisher", "serve", "--port", "1"], "live"),
        (["/x/.venv/bin/publisher", "serve"], "live"),
        ([sys.executable, "-m", "publisher", "curate", "--port", "1"], "live"),
        ([sys.executable, "-m", "gunicorn", "publisher.web:create_app()"], "live"),
        (["/x/.venv/bin/gunicorn", "publisher.web:create_app()", "-w", "2"], "live"),
        (["/usr/bin/chromium", "--headless", "about:blank"], "live"),
        (["/x/.venv/bin/oxigraph", "serve", "--bind", "127.0.0.1:1"], "remote"),
        ([sys.executable, "-m", "publisher", "build", "--home", "x"], None),
        ([sys.executable, "-m", "publisher", "reload", "--pid-file", "x"], None),
        ([sys.executable, "-c", "print('serve')"], None),
        (["git", "status"], None),
    ],
)
def test_the_servers_a_command_starts(argv, kind):
    assert markers.server_kind(argv) == kind


def test_a_server_started_without_its_marker_is_noticed(request):
    """What the hooks in tests/conftest.py do around every test: the audit event of every new
    process gives its command line, and a server among them that the test has no marker for
    is named."""
    events = []

    def hook(event, args):
        if event == "subprocess.Popen" and events is not None:
            events.append(args)

    sys.addaudithook(hook)
    try:
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        assert [list(args[1]) for args in events] == [[sys.executable, "-c", "pass"]]
    finally:
        events = None  # an audit hook cannot be removed: it stops recording
    spawns = markers.Spawns()
    spawns._hook("subprocess.Popen", (None, ["/x/oxigraph", "serve"], None, None))
    spawns._hook("subprocess.Popen", (None, [sys.executable, "-c", "pass"], None, None))
    assert spawns.seen == [("remote", "/x/oxigraph serve")]
    assert markers.unmarked(request.node, spawns.seen) == ["remote: /x/oxigraph serve"]
    request.node.add_marker("remote")
    assert markers.unmarked(request.node, spawns.seen) == []


def test_a_new_file_in_the_checkout_is_noticed(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text(".cache/\n__pycache__/\n")
    (tmp_path / "kept.txt").write_text("kept\n")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "start"], check=True)
    before = checkout.snapshot(tmp_path)
    assert before == {}
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"")  # allowed
    assert checkout.changes(before, checkout.snapshot(tmp_path)) == []
    (tmp_path / ".cache" / "build").mkdir(parents=True)
    (tmp_path / ".cache" / "build" / "entry").write_text("cached")  # ignored by git, caught
    (tmp_path / "kept.txt").write_text("changed\n")
    assert checkout.changes(before, checkout.snapshot(tmp_path)) == [
        "new: .cache/",
        "new: kept.txt",
    ]
    # A folder that was already there is compared by its files.
    before = checkout.snapshot(tmp_path)
    (tmp_path / ".cache" / "build" / "another").write_text("cached")
    assert checkout.changes(before, checkout.snapshot(tmp_path)) == ["changed: .cache/"]
