"""What the app serves now: one release and the store over it, replaced whole by `reload`."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

from flask import Flask, current_app, g, has_request_context

from publisher.describe.labels import Labels
from publisher.errors import ReleaseError
from publisher.release.lastgood import Record, choose, describe, verified_quads
from publisher.release.reader import QUADS, WRITTEN, Release, ReleaseChanged
from publisher.release.verified import Verified
from publisher.release.writer import pin
from publisher.store.catalog import graph_sizes, summary
from publisher.store.errors import QueryError
from publisher.store.interface import Store
from publisher.store.opening import build_ahead, open_store
from publisher.web.rendered import Rendered

T = TypeVar("T")
Answer = tuple[bytes | str, list[tuple[str, str]]]
"""A rendered description: its body and its paging links (rel, URL); as kept, its body and the
headers that describe it (web/resources.py)."""


@dataclass
class Served:
    """What the app serves: one release and the store over it, replaced whole by `reload`.

    The store's catalogue (graph sizes, counts) is asked for on first use and kept once known,
    so that a worker starts, and stays up, while a remote store is down.
    """

    release: Release
    store: Store
    base: str
    cache_mb: int = 0
    refused: set[str] = field(default_factory=set)  # changed files already logged
    _remembered: dict[str, object] = field(default_factory=dict, repr=False)
    _remembering: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def refuse(self, changed: ReleaseChanged, logger: logging.Logger) -> None:
        """Log, once per file, that a file of the served release changed on disk."""
        name = changed.name
        if name in self.refused:
            return
        self.refused.add(name)
        logger.error(
            "release %s: %s; it is refused (503) until a new release is built and the "
            "server reloaded",
            self.release.name,
            changed,
        )

    @cached_property
    def rendered(self) -> Rendered[Answer]:
        """Descriptions rendered for this release (web/rendered.py): bodies and their headers."""
        return Rendered(self.cache_mb * 1024 * 1024, _answer_size)

    @cached_property
    def labels(self) -> Labels | None:
        """The labels descriptions ask for, kept for this release (describe/labels.py): an
        eighth of the budget of rendered descriptions, about 4 MB for the 4,000 different IRIs
        the descriptions of 60 actors mention at a million triples; none when that is 0."""
        return Labels(self.cache_mb * 1024 * 1024 // 8) if self.cache_mb > 0 else None

    @cached_property
    def names(self) -> Rendered[bool]:
        """Whether the store knows an IRI, as asked by dereferencing (a few bytes each)."""
        return Rendered(self.cache_mb * 1024 * 1024 // 16, lambda known: 1)

    def remember(self, key: str, make: Callable[[], T]) -> T:
        """What `make` gives, made once for this release (small things pages share: the
        actors and their names, the completions of the query editor, the search index)."""
        with self._remembering:
            if key not in self._remembered:
                self._remembered[key] = make()
            return cast(T, self._remembered[key])

    @cached_property
    def graphs(self) -> dict[str, int]:
        return graph_sizes(self.store)

    @cached_property
    def counts(self) -> dict[str, int]:
        return summary(self.store, self.base)


def _answer_size(answer: Answer) -> int:
    body, links = answer
    return len(body) * (4 if isinstance(body, str) else 1) + 200 * len(links)


def load(config: dict[str, Any], logger: logging.Logger) -> Served:
    """The release RELEASE_DIR points at, verified (publisher/release/reader.py), with a store
    over it; under gunicorn, the last good release instead when that one fails its checks
    (publisher/release/lastgood.py). The release folder is pinned, so that no build removes it
    while it is served."""
    state = config.get("STATE_DIR")
    ahead = build_ahead(config, Path(config["RELEASE_DIR"]))
    try:
        release = choose(
            Path(config["RELEASE_DIR"]),
            Record.from_environment(),
            logger,
            required=WRITTEN,
            verified=Verified(Path(str(state)) / "verified") if state else None,
        )
    finally:
        if ahead is not None:
            ahead.join()  # before the store's query workers are forked, even on refusal
    if release.base and release.base != config["BASE_IRI"]:
        logger.warning(
            "the release was minted under %s but BASE_IRI is %s: its IRIs will not "
            "dereference here",
            release.base,
            config["BASE_IRI"],
        )
    holder = pin(release.folder)
    try:
        store = _open_store(config, release)
    except BaseException:
        os.close(holder)
        raise
    fresh = Served(release, store, config["BASE_IRI"], int(config.get("RENDER_CACHE_MB") or 0))
    weakref.finalize(fresh, os.close, holder)
    return fresh


def _open_store(config: dict[str, Any], release: Release) -> Store:
    """The store over the release's N-Quads as they were verified: the embedded store loads
    them (from the gzip copy when the file changed since, see `verified_quads`), and is
    loaded again when the file changed while it was being read."""
    if str(config.get("STORE", "embedded")) != "embedded":
        return open_store(config, release.path(QUADS))  # a remote store reads no file
    for _ in range(2):
        with verified_quads(release) as source:
            store = open_store(config, source, release.files[QUADS].sha256)
        if source != release.path(QUADS) or QUADS not in release.changed():
            return store
        close = getattr(store, "close", None)
        if callable(close):
            close()
    raise ReleaseError(f"{release.path(QUADS)} keeps changing while it is being loaded")


_RELOADING = threading.Lock()


def reload(app: Flask) -> Served:
    """Serve the release the link points at now. Requests under way finish with the release
    they began with (see `served`); the old store and its workers go when the last one ends.
    A release that fails its checks raises, and the current one stays. So does the current
    release when a file of it changed on disk: it is verified again, served afresh if it
    passes (a file put back as it was), and refused otherwise."""
    with _RELOADING:
        current = _registered(app)
        if Path(app.config["RELEASE_DIR"]).resolve() == current.release.folder:
            changed = current.release.changed()
            if not changed:
                return current
            try:
                fresh = load(app.config, app.logger)
            except ReleaseError as error:
                raise ReleaseError(
                    f"the release on disk changed after it was verified ({describe(changed)}) "
                    f"and no longer passes its checks: {error}; those files are refused (503) "
                    "until a new release is built and the server reloaded"
                ) from None
        else:
            fresh = load(app.config, app.logger)
        # Asked now, not by the first visitor; a remote store that is down is asked again on
        # first use.
        with contextlib.suppress(QueryError):
            fresh.graphs, fresh.counts  # noqa: B018
        app.extensions["publisher"] = fresh
        return fresh


def served() -> Served:
    """What the app serves; within a request, what it served when the request began."""
    if not has_request_context():
        return _registered(current_app)
    held: Served | None = g.get("publisher_served")
    if held is None:
        held = g.publisher_served = _registered(current_app)
    return held


def _registered(app: Flask) -> Served:
    """What `create_app` or `reload` put in the app's extensions (Flask types them as Any)."""
    return cast(Served, app.extensions["publisher"])


def get_store() -> Store:
    """The store of the running app."""
    return served().store


def get_release() -> Release:
    """The release the running app serves."""
    return served().release
