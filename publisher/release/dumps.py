"""The dataset files of a release, assembled from the graphs' parts (see parts.py).

dataset.nq, dataset.trig, dataset.jsonld and dataset-rdf12.trig (and their .gz) are
concatenations of the parts in graph order, byte for byte what serialising all quads at once
gives. dataset.ttl merges every graph into one set of triples in (subject, predicate, object)
order: it is the parts' Turtle subject blocks in subject order, a subject found in several
graphs being written again from all its triples.

A file is given as the byte strings it is the concatenation of (`Segments`): the parts' own
bytes, never copied into one 300 MB string, hashed and written one after the other
(writer.py). Its gzip copy is the parts' gzip members (a gzip file may hold several, read as
their concatenation); that of dataset.ttl is made of members of runs of subject blocks cut
where the content says (`turtle_runs`), each compressed once and cached by its digest, so that a
release after a one-document change compresses only the runs that document's subjects are in.

`union_blocks`, `with_id` and `turtle_runs` say what dataset.ttl is, one subject at a time; the
release is made by `union_runs` (union.py), which gives the same bytes with a Python step per
span of one part's blocks instead of per subject (a test compares the two).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Sequence

import pyoxigraph as ox

from publisher.files import Buffer
from publisher.rdf.terms import serialised
from publisher.release.files import RDF12, gzipped
from publisher.release.parts import GraphPart, TurtleIndex, compress, trig_header
from publisher.release.union import RUN_CUT, merged_block, union_turtle

Segments = list[Buffer]  # a file as the byte strings it is the concatenation of
Blocks = list[tuple[bytes, bytes]]  # the union Turtle's (subject, block) in subject order
# The .gz member of a run of Turtle blocks, by the run's SHA-256: a cache of the build (or
# nothing: then every run is compressed).
Members = Callable[[bytes, Buffer], bytes]


def concatenated_files(parts: Sequence[GraphPart], prefixes: dict[str, str]) -> dict[str, Segments]:
    """Every dump that is the parts' own bytes one after the other, known before the union
    Turtle is merged: dataset.{nq,trig,jsonld} and dataset-rdf12.trig, and their .gz."""
    parts = _in_order(parts)
    header = _header(prefixes)
    gz_header = compress(header)
    return {
        "dataset.nq": [p.sections["nq"] for p in parts],
        "dataset.trig": [header, *(p.sections["trig"] for p in parts)],
        "dataset.jsonld": _array([p.sections["jsonld"] for p in parts], b"[", b",", b"]"),
        RDF12: [header, *(p.sections["rdf12"] for p in parts)],
        gzipped("dataset.nq"): [p.sections["nq.gz"] for p in parts],
        gzipped("dataset.trig"): [gz_header, *(p.sections["trig.gz"] for p in parts)],
        gzipped(RDF12): [gz_header, *(p.sections["rdf12.gz"] for p in parts)],
        gzipped("dataset.jsonld"): _array(
            [p.sections["jsonld.gz"] for p in parts],
            compress(b"["),
            compress(b","),
            compress(b"]"),
        ),
    }


def union_runs(
    parts: Sequence[GraphPart],
    prefixes: dict[str, str],
    placeholder: bytes = b"",
    release_id: bytes = b"",
) -> Segments:
    """dataset.ttl as runs (`turtle_runs`), with `release_id` in place of `placeholder`:
    merged a span at a time (union.py), the bytes of `turtle_runs(with_id(union_blocks(...)))`."""
    union = union_turtle(parts, prefixes, placeholder)
    return list(union.runs(turtle_header(prefixes), placeholder, release_id))


def turtle_header(prefixes: dict[str, str]) -> bytes:
    """The @prefix lines of dataset.ttl."""
    return _header(prefixes, ox.RdfFormat.TURTLE)


def dataset_files(
    parts: Sequence[GraphPart],
    prefixes: dict[str, str],
    turtle: Segments | None = None,
    members: Members | None = None,
) -> dict[str, Segments]:
    """Every dump of the release and its .gz, from parts in any order; `turtle` is the union
    Turtle's runs when the caller has them already (the one file that is not a concatenation),
    `members` gives the gzip member of a run of them (see the module docstring)."""
    files = concatenated_files(parts, prefixes)
    files["dataset.ttl"] = union_runs(parts, prefixes) if turtle is None else turtle
    files |= {
        gzipped("dataset.ttl"): [
            members(hashlib.sha256(run).digest(), run) if members else compress(run)
            for run in files["dataset.ttl"]
        ],
    }
    return files


def turtle_runs(blocks: Blocks, prefixes: dict[str, str]) -> Segments:
    """dataset.ttl as runs of subject blocks, the first after the @prefix lines, each cut
    before a block whose subject's CRC-32 is 0 modulo RUN_CUT: where a cut falls depends on
    that block alone, so a change in one document moves no cut far from its own subjects and
    the runs elsewhere stay the same bytes (their gzip members are reused)."""
    runs, run = [], [_header(prefixes, ox.RdfFormat.TURTLE)]
    for subject, block in blocks:
        if zlib.crc32(subject) % RUN_CUT == 0 and len(run) > 1:
            runs.append(b"".join(run))
            run = []
        run.append(block)
    return [*runs, b"".join(run)]


def with_id(blocks: Blocks, placeholder: bytes, release_id: bytes) -> Blocks:
    """The blocks with the release id written in place of its placeholder."""
    return [
        (s.replace(placeholder, release_id), b.replace(placeholder, release_id))
        if placeholder in b or placeholder in s
        else (s, b)
        for s, b in blocks
    ]


def _in_order(parts: Sequence[GraphPart]) -> list[GraphPart]:
    return sorted((p for p in parts if p.triples), key=lambda p: p.graph)


def _array(items: list[Buffer], open_: bytes, comma: bytes, close: bytes) -> Segments:
    """[open_, a, comma, b, comma, c, close]: a JSON array of the parts' objects."""
    out: Segments = [open_]
    for index, item in enumerate(items):
        out += [comma, item] if index else [item]
    return [*out, close]


def union_blocks(parts: Sequence[GraphPart], prefixes: dict[str, str]) -> Blocks:
    """Every graph's triples as Turtle subject blocks in subject order, from the parts'
    blocks; a subject with triples in several graphs (a claim is also the subject of
    sup:conflictsWith in the reference graph) is written again from the union of its
    triples (with `prefixes`, those the parts were made with)."""
    found: dict[bytes, list[tuple[bytes, memoryview, int]]] = {}
    for part in parts:
        body, cut = part.sections["ttl"], len(f" <{part.graph}> .")
        nquads = memoryview(part.sections["nq"])  # sliced without copying: read only to merge
        index = TurtleIndex.of(part)
        body_ends, nquads_ends = index.body_ends, index.nquads_ends
        for subject, body_start, body_end, nquads_start, nquads_end in zip(
            index.subjects, [0, *body_ends], body_ends, [0, *nquads_ends], nquads_ends, strict=False
        ):
            found.setdefault(subject, []).append(
                (bytes(body[body_start:body_end]), nquads[nquads_start:nquads_end], cut)
            )
    return [
        (subject, blocks[0][0] if len(blocks) == 1 else merged_block(blocks, prefixes))
        for subject in sorted(found)
        for blocks in (found[subject],)
    ]


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
