"""Coverage: which sentences of a document may state a relation, and how each is accounted for.

A candidate sentence is a content sentence of the text layer (not boilerplate) that names two
or more known actors and holds a relation cue of the cue lexicon (a cue inside an actor's name
is part of the name, not a cue; where the lexicon makes a money amount a cue, an amount is
one). It is the same test the drafter applies before drafting a claim, and this one function
decides it for the coverage report (`publisher coverage`) and for the build, which publishes
each candidate sentence and the release's coverage (docs/model.md).

A candidate is accounted for by the claims anchored in it (their quote overlaps it) or, when
it has none, by a curator's coverage note (`coverage:` in the mapping file) with a reason from
the coverage-reasons scheme: background, repeats, opinion-without-actor, ...
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Protocol

from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from publisher.corpus.model import Claim, CoverageNote, Document
from publisher.rdf.iris import Minter
from publisher.rdf.terms import TripleSink
from publisher.textlayer import TextLayer


class _Found(Protocol):
    """A phrase found in the text (the cue lexicon's matches)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class PhraseFinder(Protocol):
    """What the coverage needs of a cue lexicon: its phrases found in a text."""

    def find_all(self, text: str) -> Sequence[_Found]: ...


@dataclass(frozen=True)
class Candidate:
    """A sentence [start, end) with two or more known actors and a relation cue."""

    start: int
    end: int
    actors: tuple[str, ...]
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Accounting:
    """A candidate sentence, the confirmed claims anchored in it, and the curator's note."""

    candidate: Candidate
    claims: tuple[str, ...]
    note: CoverageNote | None

    @property
    def accounted(self) -> bool:
        return bool(self.claims) or self.note is not None


def candidate_sentences(
    layer: TextLayer,
    actor_ids: Iterable[str],
    relation_cues: PhraseFinder,
    amounts_are_cues: bool = False,
) -> list[Candidate]:
    """The candidate sentences of a document, in text order."""
    known = set(actor_ids)
    text = layer.text
    mentions = [m for m in layer.mentions if not m.in_boilerplate]
    actors = [m for m in mentions if m.entity_id in known]
    cues = [
        c
        for c in relation_cues.find_all(text)
        if not any(c.start < m.end and m.start < c.end for m in mentions)
    ]
    if amounts_are_cues:
        cues += [a for a in layer.amounts if not a.in_boilerplate]
    found = []
    for sentence in layer.sentences:
        if sentence.in_boilerplate:
            continue
        start, end = sentence.start, sentence.end
        named = sorted({m.entity_id for m in actors if start <= m.start and m.end <= end})
        words = sorted({text[c.start : c.end] for c in cues if start <= c.start and c.end <= end})
        if len(named) >= 2 and words:
            found.append(Candidate(start, end, tuple(named), tuple(words)))
    return found


def account(
    candidates: Sequence[Candidate], claims: Iterable[Claim], notes: Iterable[CoverageNote]
) -> list[Accounting]:
    """Each candidate with the claims whose quote overlaps it and the note that covers it."""
    claims, notes = list(claims), list(notes)
    result = []
    for candidate in candidates:
        anchored = tuple(
            sorted(c.id for c in claims if c.start < candidate.end and candidate.start < c.end)
        )
        note = next((n for n in notes if n.start < candidate.end and candidate.start < n.end), None)
        result.append(Accounting(candidate, anchored, note))
    return result


@dataclass(frozen=True)
class Coverage:
    """One document's coverage in numbers, kept with its graph for the release's measures."""

    candidates: int
    with_claims: int
    with_reason: int
    unaccounted: tuple[tuple[int, int], ...]

    def pack(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True).encode()

    @classmethod
    def unpack(cls, data: bytes) -> Coverage:
        raw = json.loads(data)
        return cls(
            raw["candidates"],
            raw["with_claims"],
            raw["with_reason"],
            tuple((int(s), int(e)) for s, e in raw["unaccounted"]),
        )


def summarise(accounting: Sequence[Accounting]) -> Coverage:
    """The counts of a document's accounting."""
    return Coverage(
        len(accounting),
        sum(1 for a in accounting if a.claims),
        sum(1 for a in accounting if not a.claims and a.note is not None),
        tuple((a.candidate.start, a.candidate.end) for a in accounting if not a.accounted),
    )


def add_coverage(
    graph: TripleSink, document: Document, accounting: Sequence[Accounting], mint: Minter
) -> None:
    """Each candidate sentence as a sup:CandidateSentence with its cues and the claims anchored
    in it (sup:hasClaim), or the curator's reason (sup:coverageReason) and note."""
    sup = mint.term
    for item in accounting:
        candidate = item.candidate
        node = mint.span(document.id, candidate.start, candidate.end)
        graph.add((node, RDF.type, sup("CandidateSentence")))
        for cue in candidate.cues:
            graph.add((node, sup("relationCue"), Literal(cue, lang=document.language)))
        for claim in item.claims:
            graph.add((node, sup("hasClaim"), mint.claim(claim)))
        if not item.claims and item.note is not None:
            reason = mint.concept("coverage-reason", item.note.reason)
            graph.add((node, sup("coverageReason"), reason))
            if item.note.note:
                graph.add((node, RDFS.comment, Literal(item.note.note, lang="en")))
