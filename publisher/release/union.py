"""The union Turtle (dataset.ttl) merged from the parts' subject blocks, a span at a time.

The file is every part's subject blocks in subject order (dumps.py says how, one subject at a
time: `union_blocks`, `with_id`, `turtle_runs`). A million triples have some 160 thousand
subjects but only a few thousand places where the next subject comes from another part: a
document's subjects are mostly next to each other. So the subjects are sorted by C code
(`sorted` with a key, `map`, `itertools`), and the Python loops run once per *span*, a piece
of one part's Turtle between two such places, not once per subject; a span is a slice of the
part's bytes, not a copy. The bytes are those of dumps.py's per-subject functions, cuts of
the runs included (a test compares them).
"""

from __future__ import annotations

import operator
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress

import pyoxigraph as ox

from publisher.rdf.terms import serialised
from publisher.release.parts import GraphPart, TurtleIndex, turtle_body

RUN_CUT = 256  # on average one subject block in RUN_CUT ends a run (dumps.turtle_runs)


@dataclass
class UnionTurtle:
    """dataset.ttl in subject order: `spans[i]` holds the blocks of the subjects
    `starts[i]` to `starts[i + 1]` (indices in `subjects`, sorted and distinct)."""

    subjects: list[bytes]
    starts: list[int]
    spans: list[bytes | memoryview]
    # What `union_turtle` found of the subjects already (`_crc_hits`; `_holding` the
    # placeholder it was given), kept for `runs`, which a release asks for twice.
    crc_hits: list[int] | None = field(default=None, repr=False, compare=False)
    holding: tuple[bytes, list[int]] | None = field(default=None, repr=False, compare=False)
    # The runs `runs` made last, with their header and cuts: a release asks for the runs with
    # the placeholder, then with the id, whose cuts are nearly always the same (the id changes
    # a cut only where the subjects holding it are).
    made: tuple[bytes, list[int], list[bytes]] | None = field(
        default=None, repr=False, compare=False
    )

    def runs(self, header: bytes, placeholder: bytes = b"", release_id: bytes = b"") -> list[bytes]:
        """The file as runs of blocks, cut as dumps.turtle_runs cuts them, with `release_id`
        written for `placeholder` (as dumps.with_id does) when given."""
        if not self.subjects:
            return []
        cuts = _cuts(self._hits(placeholder, release_id))
        if self.made is not None and self.made[:2] == (header, cuts):
            runs = self.made[2]  # the same runs but where the id is written in
        else:
            runs = self._joined(header, cuts)
            self.made = (header, cuts, runs)
        if not placeholder:
            return list(runs)
        return [r.replace(placeholder, release_id) if placeholder in r else r for r in runs]

    def _joined(self, header: bytes, cuts: list[int]) -> list[bytes]:
        """The spans joined into runs, cut before the subjects `cuts`."""
        runs: list[bytes] = []
        run: list[bytes | memoryview] = [header]
        at = 0
        for start, span in zip(self.starts, self.spans, strict=True):
            if at < len(cuts) and cuts[at] == start:
                runs.append(b"".join(run))
                run, at = [], at + 1
            run.append(span)
        if at != len(cuts):
            raise ValueError("a run would be cut inside a span")  # union_turtle breaks there
        runs.append(b"".join(run))
        return runs

    def _hits(self, placeholder: bytes, release_id: bytes) -> list[int]:
        """The subjects (indices) that end a run when the run before is long enough: those
        whose CRC-32 is 0 modulo RUN_CUT, the placeholder replaced."""
        if self.crc_hits is None:
            self.crc_hits = _crc_hits(self.subjects)
        hits = self.crc_hits
        if not placeholder:
            return hits
        if self.holding is None or self.holding[0] != placeholder:
            self.holding = (placeholder, _holding(self.subjects, placeholder))
        changed = self.holding[1]
        replaced = {
            k: zlib.crc32(self.subjects[k].replace(placeholder, release_id)) % RUN_CUT == 0
            for k in changed
        }
        return sorted(
            {k for k in hits if k not in replaced} | {k for k, hit in replaced.items() if hit}
        )


# What `merged_block` is given of a subject found in several parts: for each, its Turtle
# block, its N-Quads lines, and the length of the graph's ` <graph> .` suffix on them.
Found = list[tuple[bytes, memoryview, int]]
Merge = Callable[[Found, dict[str, str]], bytes]


def union_turtle(
    parts: Sequence[GraphPart],
    prefixes: dict[str, str],
    placeholder: bytes = b"",
    merge: Merge | None = None,
) -> UnionTurtle:
    """The union Turtle of `parts` (any order), a subject with triples in several parts being
    written again from all of them (with `prefixes`, those the parts were made with) by
    `merge` (`merged_block`, or what gives its bytes); the subjects holding `placeholder` begin
    a span of their own, so that the runs can be cut where the id written in place of it
    says."""
    merge = merge or merged_block
    subjects: list[bytes] = []
    owner: list[int] = []
    body_starts, body_ends = array("q"), array("q")
    nquads_starts, nquads_ends = array("q"), array("q")
    bodies: list[memoryview] = []
    nquads: list[memoryview] = []
    suffixes: list[int] = []
    for part in parts:
        index = TurtleIndex.of(part)
        if not index.subjects:
            continue
        for firsts, lasts, offsets in (
            (body_starts, body_ends, index.body_ends),
            (nquads_starts, nquads_ends, index.nquads_ends),
        ):
            firsts.append(0)  # each part's offsets are its own
            firsts.extend(offsets[:-1])
            lasts.extend(offsets)
        subjects += index.subjects
        owner += [len(bodies)] * len(index.subjects)
        bodies.append(memoryview(part.sections["ttl"]))
        nquads.append(memoryview(part.sections["nq"]))
        suffixes.append(len(f" <{part.graph}> ."))
    if not subjects:
        return UnionTurtle([], [], [])
    order = sorted(range(len(subjects)), key=subjects.__getitem__)
    ordered = list(map(subjects.__getitem__, order))
    # A subject in several parts: its entries are next to each other in `order`.
    repeated = list(map(operator.eq, ordered[1:], ordered[:-1]))
    kept = [order[0], *compress(order[1:], map(operator.not_, repeated))]
    unique = list(map(subjects.__getitem__, kept))
    merged: dict[int, bytes] = {}
    if any(repeated):
        # The entries of each repeated subject: the run of equal subjects in `order`.
        first = {ordered[p]: p for p in compress(range(len(repeated)), repeated)}
        number = dict(zip(unique, range(len(unique)), strict=True))
        for subject, last in first.items():
            at = last
            while at > 0 and ordered[at - 1] == subject:
                at -= 1
            found = []
            while at < len(ordered) and ordered[at] == subject:
                e = order[at]
                found.append(
                    (
                        bytes(bodies[owner[e]][body_starts[e] : body_ends[e]]),
                        nquads[owner[e]][nquads_starts[e] : nquads_ends[e]],
                        suffixes[owner[e]],
                    )
                )
                at += 1
            merged[number[subject]] = merge(found, prefixes)
    owners = list(map(owner.__getitem__, kept))
    starts = list(map(body_starts.__getitem__, kept))
    ends = list(map(body_ends.__getitem__, kept))
    # A span ends where the next subject is in another part (or not right after in the same),
    # around each merged subject, and wherever a run may be cut.
    crc_hits = _crc_hits(unique)
    holding = _holding(unique, placeholder) if placeholder else []
    breaks = {0, *crc_hits, *merged, *(k + 1 for k in merged), *holding}
    breaks |= {
        k + 1
        for k in compress(
            range(len(unique) - 1),
            map(
                operator.or_,
                map(operator.ne, owners[1:], owners[:-1]),
                map(operator.ne, starts[1:], ends[:-1]),
            ),
        )
    }
    span_starts = sorted(k for k in breaks if k < len(unique))
    spans: list[bytes | memoryview] = []
    for start, end in zip(span_starts, [*span_starts[1:], len(unique)], strict=True):
        if start in merged:
            spans.append(merged[start])
        else:
            spans.append(bodies[owners[start]][starts[start] : ends[end - 1]])
    return UnionTurtle(unique, span_starts, spans, crc_hits, (placeholder, holding))


def merged_block(found: Found, prefixes: dict[str, str]) -> bytes:
    """The block of a subject from its N-Quads lines in every graph that has it: (block,
    N-Quads lines, length of the graph's ` <graph> .` suffix) for each."""
    lines = {
        line[:-cut] + b" ." for _, nquads, cut in found for line in nquads.tobytes().splitlines()
    }
    # The parsed quads are in the default graph: Turtle writes them as their triples.
    quads = ox.parse(b"\n".join(sorted(lines)), format=ox.RdfFormat.N_TRIPLES)
    return turtle_body(serialised(quads, ox.RdfFormat.TURTLE, prefixes))


def _crc_hits(subjects: list[bytes]) -> list[int]:
    return list(
        compress(
            range(len(subjects)),
            map(operator.not_, map(RUN_CUT.__rmod__, map(zlib.crc32, subjects))),
        )
    )


def _cuts(hits: list[int]) -> list[int]:
    """The subjects a run is cut before: a hit, when the run so far holds two things (the
    first run: the @prefix lines and a block; the others: two blocks)."""
    cuts, start = [], -1  # the first run counts its @prefix lines as one block before 0
    for k in hits:
        if k - start >= 2:
            cuts.append(k)
            start = k
    return cuts


def _holding(subjects: list[bytes], placeholder: bytes) -> list[int]:
    """Indices of the subjects that hold `placeholder`, found in one joined string."""
    joined = b"\n".join(subjects)
    if placeholder not in joined:
        return []
    offsets = list(accumulate((len(s) + 1 for s in subjects), initial=0))
    found, at = set(), joined.find(placeholder)
    while at != -1:
        found.add(bisect_right(offsets, at) - 1)
        at = joined.find(placeholder, at + 1)
    return sorted(found)
