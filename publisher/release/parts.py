"""One named graph's share of the release files, made once and cached.

The release serialises quads sorted by (graph, subject, predicate, object), so each file is
the concatenation of its graphs' pieces in graph order: N-Quads lines; TriG blocks after one
prefix header (those of the RDF 1.2 TriG too, rdf12.py); JSON-LD graph objects joined by
commas inside one array. Each piece is also gzipped on its own: a gzip file may hold several members, read as their concatenation, so the
.gz files are assembled without compressing the whole dataset again. The union Turtle file
cannot be split by graph; it is made from every part's triples (assemble.py).
"""

from __future__ import annotations

import gzip
import json
import sys
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

import pyoxigraph as ox

from publisher.files import Buffer
from publisher.graph.direct import DirectStatement
from publisher.rdf import namespaces
from publisher.rdf.terms import release_order, serialised
from publisher.release.rdf12 import rdf12_block

FORMATS = ("nq", "trig", "jsonld", "rdf12")  # each also gzipped on its own
# The sections a release only concatenates, hashes, writes and slices (never searches or
# splits, but for the parts it makes itself): a build reads them from its cache as views of
# the cache file (build/cache.py), so a section is bytes or a memoryview (a `Buffer`).
BULK = frozenset({*FORMATS, *(f + ".gz" for f in FORMATS), "ttl"})
RDF_TYPE = f"<{namespaces.iri('rdf:type')}>"


def compress(data: Buffer) -> bytes:
    """A gzip member as release.py writes them: no time, no name, level 6."""
    return gzip.compress(data, compresslevel=6, mtime=0)


@dataclass(frozen=True)
class GraphPart:
    """A named graph's serialisations (see the module docstring) and its triple count."""

    graph: str
    triples: int
    sections: dict[str, Buffer]

    @property
    def nquads(self) -> bytes:
        """The N-Quads as bytes (a copy when they are a view of the cache: what reads all the
        parts' N-Quads uses `sections["nq"]`)."""
        nquads = self.sections["nq"]
        return nquads if isinstance(nquads, bytes) else nquads.tobytes()

    def small(self, name: str, default: bytes = b"") -> bytes:
        """A section that is never a view (not in BULK), as bytes."""
        assert name not in BULK, name
        found = self.sections.get(name, default)
        assert isinstance(found, bytes)
        return found

    def typed_nodes(self) -> dict[str, list[bytes]]:
        """Subject -> its rdf:type lines (N-Triples), read from the N-Quads."""
        suffix = f" <{self.graph}> .".encode()
        found: dict[str, list[bytes]] = {}
        for line in self.nquads.splitlines():
            subject, predicate, _ = line.split(b" ", 2)
            if predicate == RDF_TYPE.encode():
                found.setdefault(subject.decode(), []).append(line[: -len(suffix)] + b" .")
        return found

    def exports(self) -> dict[str, list[bytes]]:
        """Node -> its exported lines, for the nodes of this graph that other graphs point to:
        their rdf:type, and for claims their polarity and proposition (document_parts.py)."""
        found: dict[str, list[bytes]] = {}
        for line in self.small("exports").splitlines():
            found.setdefault(line.split(b" ", 1)[0].decode(), []).append(line)
        return found

    def pack(self) -> dict[str, Buffer]:
        return {"meta": json.dumps([self.graph, self.triples]).encode(), **self.sections}

    @classmethod
    def unpack(cls, sections: Mapping[str, Buffer]) -> GraphPart:
        found = dict(sections)
        graph, triples = json.loads(bytes(found.pop("meta")))
        return cls(graph, triples, found)


def make_part(
    name: str,
    quads: list[ox.Quad],
    prefixes: dict[str, str],
    statements: Sequence[DirectStatement] = (),
) -> GraphPart:
    """The part of graph `name` from its sorted quads; `statements` are the affirmed claims
    of this graph that its RDF 1.2 block reifies (rdf12.py)."""
    fmt = ox.RdfFormat
    nquads = serialised(quads, fmt.N_QUADS)
    trig = trig_body(serialised(quads, fmt.TRIG, prefixes))
    jsonld = serialised(quads, fmt.JSON_LD)
    jsonld = jsonld[1:-1] if quads else b""  # the graph object without the enclosing array
    if any(statement.graph != name for statement in statements):
        raise ValueError(f"a statement reified in {name} belongs to another graph")
    rdf12 = trig_body(rdf12_block(quads, statements, prefixes))
    sections: dict[str, Buffer] = {"nq": nquads, "trig": trig, "jsonld": jsonld, "rdf12": rdf12}
    for key in FORMATS:
        sections[key + ".gz"] = compress(sections[key])
    sections["ttl"], index = turtle_blocks(quads, nquads, prefixes)
    sections |= index.sections()
    return GraphPart(name, len(quads), sections)


def part_with_id(part: GraphPart, placeholder: bytes, release_id: bytes) -> GraphPart | None:
    """The part with `release_id` written in place of `placeholder` in every section (their
    gzip members made again), or None when that would change the order of its quads (then
    the part is to be made again with the id). The two have the same length, so no line,
    block or index entry changes length."""
    if len(placeholder) != len(release_id):
        raise ValueError("the id and its placeholder must have the same length")
    sections: dict[str, Buffer] = {
        key: bytes(data).replace(placeholder, release_id)  # a part made here: no copy
        for key, data in part.sections.items()
        if not key.endswith(".gz")
    }
    if sections["nq"] == part.sections["nq"]:
        return part
    quads = ox.parse(bytes(sections["nq"]), format=ox.RdfFormat.N_QUADS)
    keys = [release_order(q) for q in quads]
    if any(later < earlier for earlier, later in pairwise(keys)):
        return None
    for key in FORMATS:
        sections[key + ".gz"] = compress(sections[key])
    return GraphPart(part.graph, part.triples, sections)


@dataclass(frozen=True)
class TurtleIndex:
    """A part's Turtle subject blocks: each subject (its N-Triples form), and where its block
    ends in the Turtle and its lines in the N-Quads (byte offsets, each a running total).

    Kept in three sections (`sections`, `of`): the subjects one per line, and the offsets as
    64-bit little-endian integers, which a build reads back without parsing a number (the
    union Turtle of a release reads 160 thousand subjects' offsets at a million triples)."""

    subjects: list[bytes]
    body_ends: array[int]
    nquads_ends: array[int]

    def sections(self) -> dict[str, Buffer]:
        return {
            "ttl-subjects": b"\n".join(self.subjects),
            "ttl-ends": _little_endian(self.body_ends),
            "nq-ends": _little_endian(self.nquads_ends),
        }

    @classmethod
    def of(cls, part: GraphPart) -> TurtleIndex:
        subjects = part.small("ttl-subjects")
        return cls(
            subjects.split(b"\n") if subjects else [],
            _offsets(part.small("ttl-ends")),
            _offsets(part.small("nq-ends")),
        )


def _little_endian(offsets: array[int]) -> bytes:
    if sys.byteorder == "little":
        return offsets.tobytes()
    swapped = array("q", offsets)
    swapped.byteswap()
    return swapped.tobytes()


def _offsets(data: bytes) -> array[int]:
    offsets = array("q")
    offsets.frombytes(data)
    if sys.byteorder != "little":
        offsets.byteswap()
    return offsets


def turtle_blocks(
    quads: list[ox.Quad], nquads: bytes, prefixes: dict[str, str]
) -> tuple[bytes, TurtleIndex]:
    """Sorted quads of one graph as Turtle without its @prefix lines, and the index of its
    subject blocks (`TurtleIndex`).

    pyoxigraph writes a subject's triples as one block whose first line starts with the
    subject and whose other lines start with a tab (literals are escaped on one line), so the
    union Turtle of the release is these blocks merged in subject order (assemble.py)."""
    if not quads:
        return b"", TurtleIndex([], array("q"), array("q"))
    triples = [q.triple for q in quads]
    body = turtle_body(serialised(triples, ox.RdfFormat.TURTLE, prefixes))
    lines: dict[bytes, int] = {}
    for line in nquads.splitlines(keepends=True):
        subject = line.split(b" ", 1)[0]
        lines[subject] = lines.get(subject, 0) + len(line)
    starts = [0] + [m + 1 for m in _block_starts(body)]
    if len(starts) != len(lines):
        raise ValueError(f"{len(lines)} subjects but {len(starts)} Turtle blocks")
    return body, TurtleIndex(
        list(lines), array("q", [*starts[1:], len(body)]), array("q", accumulate(lines.values()))
    )


def _block_starts(body: bytes) -> Iterator[int]:
    """Offsets of the newlines after which a new subject block starts."""
    position = body.find(b"\n")
    while position != -1 and position + 1 < len(body):
        if body[position + 1 : position + 2] != b"\t":
            yield position
        position = body.find(b"\n", position + 1)


def turtle_body(serialised: bytes) -> bytes:
    return serialised[len(trig_header(serialised)) :]


def trig_body(serialised: bytes) -> bytes:
    """TriG without its @prefix lines, which every graph's serialisation repeats."""
    return serialised[len(trig_header(serialised)) :]


def trig_header(serialised: bytes) -> bytes:
    end = 0
    while serialised.startswith(b"@prefix", end):
        end = serialised.index(b"\n", end) + 1
    return serialised[:end]
