"""The dataset files of a release, assembled from the graphs' parts (see parts.py).

dataset.nq, dataset.trig and dataset.jsonld (and their .gz) are concatenations of the parts in
graph order, byte for byte what serialising all quads at once gives. dataset.ttl merges every
graph into one set of triples in (subject, predicate, object) order: it is the parts' Turtle
subject blocks in subject order, a subject found in several graphs being written again from
all its triples.
"""

from __future__ import annotations

import pyoxigraph as ox

from publisher.rdf.terms import serialised
from publisher.release.parts import GraphPart, compress, trig_header, turtle_body


def dataset_files(
    parts: list[GraphPart], prefixes: dict[str, str], union: bytes | None = None
) -> dict[str, bytes]:
    """dataset.{nq,trig,ttl,jsonld} and the .gz of each, from parts in any order; `union` is
    dataset.ttl when the caller has it already (the one file that is not a concatenation)."""
    files = plain_files(parts, prefixes, union)
    parts = sorted((p for p in parts if p.triples), key=lambda p: p.graph)
    comma, open_, close = compress(b","), compress(b"["), compress(b"]")
    files |= {
        "dataset.nq.gz": b"".join(p.sections["nq.gz"] for p in parts),
        "dataset.trig.gz": compress(_header(prefixes))
        + b"".join(p.sections["trig.gz"] for p in parts),
        "dataset.jsonld.gz": open_ + comma.join(p.sections["jsonld.gz"] for p in parts) + close,
        "dataset.ttl.gz": compress(files["dataset.ttl"]),
    }
    return files


def plain_files(
    parts: list[GraphPart], prefixes: dict[str, str], union: bytes | None = None
) -> dict[str, bytes]:
    """dataset.{nq,trig,ttl,jsonld} without their .gz."""
    parts = sorted((p for p in parts if p.triples), key=lambda p: p.graph)
    return {
        "dataset.nq": b"".join(p.sections["nq"] for p in parts),
        "dataset.trig": _header(prefixes) + b"".join(p.sections["trig"] for p in parts),
        "dataset.jsonld": b"[" + b",".join(p.sections["jsonld"] for p in parts) + b"]",
        "dataset.ttl": union_turtle(parts, prefixes) if union is None else union,
    }


def union_turtle(parts: list[GraphPart], prefixes: dict[str, str]) -> bytes:
    """Every graph's triples as one Turtle document, from the parts' subject blocks; a
    subject with triples in several graphs (a claim is also the subject of sup:conflictsWith
    in the reference graph) is written again from the union of its triples."""
    blocks: dict[bytes, list[tuple[bytes, bytes, int]]] = {}
    for part in parts:
        body, nquads, cut = part.sections["ttl"], part.sections["nq"], len(f" <{part.graph}> .")
        at_body = at_nquads = 0
        for line in part.sections["ttl-index"].splitlines():
            subject, block, lines = line.rsplit(b" ", 2)
            end_body, end_nquads = at_body + int(block), at_nquads + int(lines)
            blocks.setdefault(subject, []).append(
                (body[at_body:end_body], nquads[at_nquads:end_nquads], cut)
            )
            at_body, at_nquads = end_body, end_nquads
    out = [_header(prefixes, ox.RdfFormat.TURTLE)]
    for subject in sorted(blocks):
        found = blocks[subject]
        out.append(found[0][0] if len(found) == 1 else _merged(found, prefixes))
    return b"".join(out) if len(out) > 1 else b""


def _merged(found: list[tuple[bytes, bytes, int]], prefixes: dict[str, str]) -> bytes:
    """The block of a subject from its N-Quads lines in every graph that has it."""
    lines = {line[:-cut] + b" ." for _, nquads, cut in found for line in nquads.splitlines()}
    triples = [q.triple for q in ox.parse(b"\n".join(sorted(lines)), format=ox.RdfFormat.N_TRIPLES)]
    return turtle_body(serialised(triples, ox.RdfFormat.TURTLE, prefixes))


def _header(prefixes: dict[str, str], fmt: ox.RdfFormat = ox.RdfFormat.TRIG) -> bytes:
    """The @prefix lines pyoxigraph writes before the first triple (the same for any data)."""
    probe = ox.Quad(
        ox.NamedNode("urn:x:s"),
        ox.NamedNode("urn:x:p"),
        ox.NamedNode("urn:x:o"),
        ox.NamedNode("urn:x:g"),
    )
    data = [probe] if fmt == ox.RdfFormat.TRIG else [probe.triple]
    return trig_header(serialised(data, fmt, prefixes))
