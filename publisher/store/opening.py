"""The store a server reads from, as the STORE setting names it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from publisher.errors import PublisherError, ReleaseError
from publisher.release.files import SUMS
from publisher.release.reader import QUADS, open_release, parse_sums
from publisher.settings import flag
from publisher.store import holding
from publisher.store.embedded import EmbeddedStore
from publisher.store.engines import split_url
from publisher.store.interface import Store
from publisher.store.ondisk import store_folder
from publisher.store.remote import RemoteStore

log = logging.getLogger(__name__)


def open_store(config: Mapping[str, Any], dataset_path: Path, digest: str | None = None) -> Store:
    """The store named by the STORE setting: `embedded` loads the release's dataset.nq in
    process; an http(s) URL is a SPARQL endpoint that `publisher load` has filled (the engine
    named before it, `virtuoso+http://...`, or found out from the store's answers).

    Several URLs (separated by spaces) are stores of which each may hold a release: the server
    serves the release (the one whose dataset.nq this is) from the first that holds it whole,
    checked now, so that a new release loaded into the store not in service becomes visible at
    the reload that opens it (blue-green). A remote store is kept to the release's graphs.

    The embedded store is the release's store folder on disk, opened read-only and shared by
    every process (ondisk.py), when EMBEDDED_STORE is `disk` and the N-Quads' SHA-256
    (`digest`, as verified) names it; else the N-Quads loaded into memory."""
    kind = str(config.get("STORE", "embedded"))
    urls = kind.split()
    if urls and all(split_url(url)[1].startswith(("http://", "https://")) for url in urls):
        wanted = _expected(dataset_path)
        stores = [_remote(url, config, wanted) for url in urls]
        if len(stores) == 1:
            return stores[0]  # asked on first use: a server starts while its store is down
        if wanted is None:
            raise ReleaseError(
                f"{dataset_path.parent} is not a release whose graphs can be read, so no store "
                "can be chosen for it"
            )
        return holding.choose(stores, wanted)
    if kind != "embedded":
        raise PublisherError(
            f"STORE={kind!r}: give 'embedded' or the http(s) URL of a SPARQL query endpoint "
            "(several, separated by spaces, for blue-green releases)"
        )
    held = str(config.get("EMBEDDED_STORE", "memory"))
    if held not in ("disk", "memory"):
        raise PublisherError(f"EMBEDDED_STORE={held!r}: give 'disk' or 'memory'")
    folder = None
    if held == "disk" and digest is not None and config.get("STATE_DIR"):
        folder = store_folder(dataset_path, digest, Path(str(config["STATE_DIR"])) / "stores")
    return EmbeddedStore(
        dataset_path,
        workers=int(config.get("QUERY_WORKERS") or 0),
        memory_mb=int(config.get("QUERY_MEMORY") or 0) or None,
        sandbox=flag(config.get("QUERY_SANDBOX", True)),
        folder=folder,
    )


def build_ahead(config: Mapping[str, Any], link: Path) -> threading.Thread | None:
    """Start building the store folder of the release at `link` in a thread, from its N-Quads
    as its SHA256SUMS names them, while the caller verifies the release: the two together take
    the time of the longer one. None when there is nothing to build (not the store on disk, or
    the folder is built already). The folder is only ever named by the SHA-256 of what was
    loaded into it (ondisk.py), so a release that fails its checks gets no usable folder; the
    caller still opens only the folder its verified digest names. Join the thread before
    forking: it holds the store lock while it builds."""
    if str(config.get("STORE", "embedded")) != "embedded" or not config.get("STATE_DIR"):
        return None
    if str(config.get("EMBEDDED_STORE", "memory")) != "disk":
        return None
    try:
        listed, _ = parse_sums((link / SUMS).read_bytes())
    except OSError:
        return None  # the checks that follow say what is wrong
    digest = listed.get(QUADS)
    root = Path(str(config["STATE_DIR"])) / "stores"
    if digest is None or (root / digest / "CURRENT").is_file():
        return None
    source = link.resolve() / QUADS

    def build() -> None:
        try:
            store_folder(source, digest, root)
        except (OSError, PublisherError) as error:  # opening the verified release says why
            log.info("the store folder of %s was not built ahead: %s", link, error)

    thread = threading.Thread(target=build, name="store-ahead", daemon=True)
    thread.start()
    return thread


def _remote(url: str, config: Mapping[str, Any], wanted: holding.Expected | None) -> RemoteStore:
    engine, endpoint = split_url(url)
    try:
        return RemoteStore(
            endpoint,
            timeout=float(config.get("STORE_TIMEOUT") or 10.0),
            engine=engine,
            graphs=wanted.graphs if wanted is not None else None,
        )
    except ValueError as error:
        raise PublisherError(f"STORE={url!r}: {error}") from None


def _expected(dataset_path: Path) -> holding.Expected | None:
    """What the release of `dataset_path` expects of a store (its graphs and counts); None
    when that file is not in a release folder (then the store is not kept to any graphs)."""
    try:
        release = open_release(dataset_path.parent, verify=False)
    except ReleaseError as error:
        log.warning("%s: %s; queries are not kept to the release's graphs", dataset_path, error)
        return None
    return holding.expected(release)
