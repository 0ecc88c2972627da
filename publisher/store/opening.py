"""The store a server reads from, as the STORE setting names it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from publisher.errors import PublisherError
from publisher.store.embedded import EmbeddedStore
from publisher.store.interface import Store
from publisher.store.remote import RemoteStore


def open_store(config: Mapping[str, Any], dataset_path: Path) -> Store:
    """The store named by the STORE setting: `embedded` loads the release's dataset.nq in
    process; an http(s) URL is a SPARQL endpoint that `publisher load` has filled."""
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
    return EmbeddedStore(
        dataset_path,
        workers=int(config.get("QUERY_WORKERS") or 0),
        memory_mb=int(config.get("QUERY_MEMORY") or 0) or None,
        sandbox=_flag(config.get("QUERY_SANDBOX", True)),
    )


def _flag(value: object) -> bool:
    """A boolean setting, from Python or from the environment ("0", "false", "off", "no")."""
    if isinstance(value, str):
        return value.strip().lower() not in ("0", "false", "off", "no", "")
    return bool(value)
