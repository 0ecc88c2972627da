"""The store a server reads from, as the STORE setting names it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from publisher.errors import PublisherError
from publisher.store.embedded import EmbeddedStore
from publisher.store.interface import Store
from publisher.store.ondisk import store_folder
from publisher.store.remote import RemoteStore


def open_store(config: Mapping[str, Any], dataset_path: Path, digest: str | None = None) -> Store:
    """The store named by the STORE setting: `embedded` holds the release's dataset.nq in
    process; an http(s) URL is a SPARQL endpoint that `publisher load` has filled.

    The embedded store is the release's store folder on disk, opened read-only and shared by
    every process (ondisk.py), when EMBEDDED_STORE is `disk` and the N-Quads' SHA-256
    (`digest`, as verified) names it; else the N-Quads loaded into memory."""
    kind = str(config.get("STORE", "embedded"))
    if kind.startswith(("http://", "https://")):
        try:
            return RemoteStore(kind, timeout=float(config.get("STORE_TIMEOUT") or 10.0))
        except ValueError as error:
            raise PublisherError(f"STORE={kind!r}: {error}") from None
    if kind != "embedded":
        raise PublisherError(
            f"STORE={kind!r}: give 'embedded' or the http(s) URL of a SPARQL query endpoint"
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
        sandbox=_flag(config.get("QUERY_SANDBOX", True)),
        folder=folder,
    )


def _flag(value: object) -> bool:
    """A boolean setting, from Python or from the environment ("0", "false", "off", "no")."""
    if isinstance(value, str):
        return value.strip().lower() not in ("0", "false", "off", "no", "")
    return bool(value)
