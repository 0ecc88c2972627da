"""One dialect per SPARQL engine: how to list graphs, count, load, keep to the release's
graphs, and what to write back in its answers (dialect.py). Which engine a store is, is told
by the STORE URL (`virtuoso+http://...`) or read from its `Server` header (`detect`)."""

from __future__ import annotations

from publisher.store.engines.dialect import SPARQL11, Engine
from publisher.store.engines.oxigraph import OXIGRAPH
from publisher.store.engines.virtuoso import VIRTUOSO

ENGINES: dict[str, Engine] = {engine.name: engine for engine in (SPARQL11, OXIGRAPH, VIRTUOSO)}


def detect(server: str | None) -> Engine:
    """The engine a `Server` header names (`Virtuoso/07.20.3229 (Linux)`, `Oxigraph/0.5.13`);
    plain SPARQL 1.1 for any other or none."""
    product = (server or "").strip().split("/", 1)[0].lower()
    return ENGINES.get(product, SPARQL11) if product != SPARQL11.name else SPARQL11


def split_url(store: str) -> tuple[Engine | None, str]:
    """`virtuoso+http://host/sparql` -> (the Virtuoso dialect, `http://host/sparql`); a plain
    URL -> (None, itself), the engine then being detected on first use."""
    scheme, sep, rest = store.partition("+")
    if sep and scheme in ENGINES and rest.startswith(("http://", "https://")):
        return ENGINES[scheme], rest
    return None, store


__all__ = ["ENGINES", "OXIGRAPH", "SPARQL11", "VIRTUOSO", "Engine", "detect", "split_url"]
