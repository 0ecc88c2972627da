"""JSON-LD as people read it: compacted against a context this server serves (plain Python).

pyoxigraph writes expanded JSON-LD: every predicate a full IRI, every value an object, every
value in an array. The descriptions, graphs and catalogues the server renders are compacted
here against one context, `B context.jsonld`, which holds the dataset's prefix table
(publisher/rdf/namespaces.py) and nothing else: keys and IRIs become `prefix:name`, `rdf:type`
becomes `@type`, a plain string its bare value and an array of one its only member. Values
keep their datatype and language, so the compacted document expands to exactly the quads of
the expanded one (tests/web/test_jsonld.py checks it with rdflib and tests/external with
jsonld.js in safe mode).

The context is named by its URL, never inlined, so that a client fetches it once for every
description; it names no other context, so a processor following it never leaves this server.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, cast

import pyoxigraph as ox

from publisher.rdf import formats, namespaces
from publisher.rdf.formats import Format
from publisher.store import results

CONTEXT_PATH = "context.jsonld"
RDF_TYPE = namespaces.iri("rdf:type")
XSD_STRING = namespaces.iri("xsd:string")

Node = dict[str, Any]


def context(base: str) -> dict[str, str]:
    """The context's term definitions: each prefix of the dataset to its namespace."""
    return namespaces.query_prefixes(base)


def context_document(base: str) -> bytes:
    """The document served at `B context.jsonld`."""
    return json.dumps({"@context": context(base)}, ensure_ascii=False, indent=2).encode() + b"\n"


def context_url(base: str) -> str:
    return base + CONTEXT_PATH


def serialize_quads(quads: Iterable[ox.Quad], fmt: Format, base: str) -> bytes:
    """Quads in `fmt` with the dataset's prefixes; JSON-LD compacted."""
    body = results.serialize_quads(quads, fmt, namespaces.prefixes(base))
    return compact(body, base) if fmt is formats.JSON_LD else body


def serialize_triples(triples: Iterable[ox.Triple], fmt: Format, base: str) -> bytes:
    """Triples in `fmt` with the dataset's prefixes; JSON-LD compacted."""
    body = results.serialize_triples(triples, fmt, namespaces.prefixes(base))
    return compact(body, base) if fmt is formats.JSON_LD else body


def compact(expanded: bytes, base: str) -> bytes:
    """pyoxigraph's expanded JSON-LD, compacted against the served context."""
    nodes = json.loads(expanded)
    if isinstance(nodes, dict):
        nodes = [nodes]
    names = _Namer(context(base))
    document = {
        "@context": context_url(base),
        "@graph": [_node(cast(Node, node), names) for node in nodes],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode() + b"\n"


class _Namer:
    """Full IRIs to `prefix:name`, by the longest namespace that leaves a usable name."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self.prefixes = set(prefixes)

    def __call__(self, iri: str) -> str:
        if iri.startswith("_:"):
            return iri
        for prefix, namespace in self.namespaces:
            name = iri[len(namespace) :]
            # An empty name, or one starting with //, would read back as another IRI.
            if iri.startswith(namespace) and name and not name.startswith("//"):
                return f"{prefix}:{name}"
        if iri.split(":", 1)[0] in self.prefixes:
            raise ValueError(f"{iri!r} would read as a compact IRI")  # never in this dataset
        return iri


def _node(node: Node, name: _Namer) -> Node:
    out: Node = {}
    for key, value in node.items():
        if key == "@id":
            out["@id"] = name(value)
        elif key == "@graph":
            out["@graph"] = [_node(member, name) for member in value]
        elif key.startswith("@"):
            out[key] = value
        elif key == RDF_TYPE and all(set(v) == {"@id"} for v in value):
            types = [name(v["@id"]) for v in value]
            out["@type"] = types[0] if len(types) == 1 else types
        else:
            values = [_value(v, name) for v in value]
            out[name(key)] = values[0] if len(values) == 1 else values
    return out


def _value(value: Node, name: _Namer) -> object:
    if "@id" in value and len(value) == 1:
        return {"@id": name(value["@id"])}
    if "@value" in value:
        kind = value.get("@type")
        if "@language" not in value and (kind is None or kind == XSD_STRING):
            return value["@value"]
        if kind is not None:
            return {"@value": value["@value"], "@type": name(kind)}
        return dict(value)
    return _node(value, name)  # an embedded node (pyoxigraph writes none, but it is a node)
