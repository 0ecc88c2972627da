"""Loading the whole corpus from a project folder and checking every cross-reference."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from publisher.corpus.document_files import read_document
from publisher.corpus.mapping import read_claims_file
from publisher.corpus.model import Claim, Conflict, Corpus, Series
from publisher.corpus.parsed import ParsedFiles, load_checked
from publisher.corpus.problems import Problems
from publisher.corpus.reference import (
    read_actors,
    read_conflicts,
    read_events,
    read_memberships,
    read_places,
    read_positions,
    read_propositions,
    read_sources,
)
from publisher.corpus.schema import FILES
from publisher.corpus.vocabulary import Vocabulary, read_vocabulary
from publisher.corpus.yamlsource import Located
from publisher.errors import Origin


class _DataFile:
    """One reference-data file, read once and checked against its shape (schema.py)."""

    def __init__(self, path: Path, problems: Problems, parsed: ParsedFiles | None) -> None:
        self.path = path
        self.content = (
            load_checked(path, FILES[path.name], path.name, problems, parsed)
            if path.exists()
            else None
        )

    def items(self, key: str) -> list[Located]:
        """The mappings listed under `key` (what is not a mapping was reported already)."""
        if not isinstance(self.content, dict) or not isinstance(self.content.get(key), list):
            return []
        return [item for item in self.content[key] if isinstance(item, Located)]


def load_corpus(home: Path, parsed: ParsedFiles | None = None) -> tuple[Corpus, Vocabulary]:
    """Read data/, check it against itself and the ontology; InputError lists every problem.
    With `parsed`, the data files' parsed forms are kept there and taken from there while
    a file's bytes are the same (parsed.py)."""
    data = home / "data"
    problems = Problems()
    corpus = Corpus()
    vocabulary = read_vocabulary(home / "ontology")

    seen_docs: dict[object, Located] = {}  # by the id as written, which may be missing
    for entry in _DataFile(data / "documents.yaml", problems, parsed).items("documents"):
        ident = entry.get("id")
        if ident in seen_docs:
            problems.add(entry.path, entry.line_of("id"), f"duplicate document id {ident!r}")
            continue
        seen_docs[ident] = entry
        document = read_document(entry, data, problems, corpus.warnings)
        if document:
            if not vocabulary.knows("document-kind", document.kind):
                problems.add(
                    entry.path,
                    entry.line_of("kind"),
                    f"unknown document kind {document.kind!r}",
                    f"one of {sorted(vocabulary.concepts.get('document-kind', []))}",
                )
            corpus.documents[document.id] = document
    checksums: dict[str, str] = {}
    for document in corpus.documents.values():
        assert document.origin is not None  # read_document gives each document its origin
        if document.sha256 in checksums:
            problems.add(
                document.origin.path,
                document.origin.line,
                f"document {document.id} has the same content as {checksums[document.sha256]}",
            )
        checksums[document.sha256] = document.id
    # Documents come first in the flow: if one cannot be read, everything that refers to it
    # would only repeat the problem, so stop here with the documents' own errors.
    problems.raise_if_any()

    # Reference ids share one namespace of names, so a claim's subject is never ambiguous.
    seen: dict[str, Located] = {}
    actors_file = _DataFile(data / "actors.yaml", problems, parsed)
    corpus.actors = read_actors(actors_file.items("actors"), problems, seen, corpus.warnings)
    corpus.places = read_places(actors_file.items("places"), problems, seen)
    corpus.positions = read_positions(actors_file.items("positions"), problems, {})
    corpus.memberships = read_memberships(actors_file.items("memberships"), problems)
    events = _DataFile(data / "events.yaml", problems, parsed).items("events")
    corpus.events = read_events(events, problems, seen)
    sources = _DataFile(data / "sources.yaml", problems, parsed).items("sources")
    corpus.sources = read_sources(sources, problems, seen)
    propositions = _DataFile(data / "propositions.yaml", problems, parsed).items("propositions")
    corpus.propositions = read_propositions(propositions, problems, {})

    claim_ids: dict[str, Located] = {}
    for path in sorted((data / "claims").glob("*.yaml")):
        mapping = read_claims_file(path, corpus.documents, problems, claim_ids, parsed)
        for claim in mapping.claims:
            corpus.claims[claim.id] = claim
        corpus.drafts.extend(mapping.drafts)
        for note in mapping.coverage:
            corpus.coverage.setdefault(note.document, []).append(note)
    conflicts = _DataFile(data / "conflicts.yaml", problems, parsed).items("conflicts")
    corpus.conflicts, corpus.series = read_conflicts(conflicts, problems, {})

    _check_references(corpus, vocabulary, problems)
    problems.raise_if_any()
    _derive_conflicts(corpus)
    return corpus, vocabulary


class _Need(Protocol):
    def __call__(self, ok: bool, origin: Origin, message: str, hint: str = "") -> None: ...


def _check_references(corpus: Corpus, vocabulary: Vocabulary, problems: Problems) -> None:
    actors, places, events = corpus.actors, corpus.places, corpus.events

    def need(ok: bool, origin: Origin, message: str, hint: str = "") -> None:
        if not ok:
            problems.add(origin.path, origin.line, message, hint)

    for actor in actors.values():
        for relation in ("part_of", "armed_wing_of", "unit_of", "government_of"):
            target = getattr(actor, relation)
            need(
                target is None or target in actors,
                actor.origin,
                f"actor {actor.id}: {relation} names unknown actor {target!r}",
            )
    for place in places.values():
        need(
            place.located_in is None or place.located_in in actors,
            place.origin,
            f"place {place.id}: unknown state {place.located_in!r}",
        )
    for document in corpus.documents.values():
        if document.publisher:
            assert document.origin is not None  # read_document gives each document its origin
            need(
                document.publisher in actors,
                document.origin,
                f"document {document.id}: unknown publisher {document.publisher!r}",
            )
            evidence = document.publisher_evidence
            need(
                bool(evidence and evidence in document.text),
                document.origin,
                f"document {document.id}: publisher_evidence must quote the text that shows the publisher",
            )
    for membership in corpus.memberships:
        origin = membership.origin
        need(
            membership.person in actors,
            origin,
            f"membership: unknown member {membership.person!r}",
        )
        need(
            membership.organisation in actors,
            origin,
            f"membership: unknown organisation {membership.organisation!r}",
        )
        need(
            membership.position in corpus.positions,
            origin,
            f"membership: unknown position {membership.position!r}",
        )
    for event in events.values():
        need(
            event.place is None or event.place in places,
            event.origin,
            f"event {event.id}: unknown place {event.place!r}",
        )
        for participant in event.participants:
            need(
                participant in actors,
                event.origin,
                f"event {event.id}: unknown participant {participant!r}",
            )
    for cited in corpus.sources.values():
        need(
            cited.author is None or cited.author in actors,
            cited.origin,
            f"source {cited.id}: unknown author {cited.author!r}",
        )
    for claim in corpus.claims.values():
        _check_claim(claim, corpus, vocabulary, need)
    for notes in corpus.coverage.values():
        for note in notes:
            need(
                vocabulary.knows("coverage-reason", note.reason),
                note.origin,
                f"coverage note [{note.start}, {note.end}): unknown reason {note.reason!r}",
                f"one of {sorted(vocabulary.concepts.get('coverage-reason', []))}",
            )
    for conflict in corpus.conflicts.values():
        known = True
        for claim_id in conflict.claims:
            known &= claim_id in corpus.claims
            need(
                claim_id in corpus.claims,
                conflict.origin,
                f"conflict {conflict.id}: unknown or draft claim {claim_id!r}",
            )
        if known:
            _check_conflict(conflict, corpus, need)
    in_conflict = {
        frozenset(pair)
        for conflict in corpus.conflicts.values()
        for pair in conflict.opposed_pairs()
    }
    for series in corpus.series.values():
        _check_series(series, corpus, in_conflict, need)


def _check_conflict(conflict: Conflict, corpus: Corpus, need: _Need) -> None:
    """The kinds' rules (shapes/claims.ttl enforces them on the graph too): claims that tell
    one proposition with one polarity are one report, never two sides; a contradiction sets
    affirmed against denied; differing figures disagree on a figure, not on whether."""
    claims, origin, c = corpus.claims, conflict.origin, conflict.id
    for a, b in conflict.opposed_pairs():
        first, second = claims[a], claims[b]
        if a < b:
            need(
                not (
                    first.proposition
                    and first.proposition == second.proposition
                    and first.polarity == second.polarity
                ),
                origin,
                f"conflict {c}: {a} and {b} report one proposition ({first.proposition}) with "
                "one polarity: they agree, they cannot be on two sides",
                "a figure that differs is another proposition; a difference of wording "
                "(about, up to) is not a conflict",
            )
        if conflict.kind == "contradiction":
            need(
                first.polarity != second.polarity,
                origin,
                f"conflict {c}: a contradiction sets affirmed against denied, but {a} and {b} "
                f"on two sides are both {first.polarity}",
            )
        elif a < b:
            need(
                first.polarity == second.polarity,
                origin,
                f"conflict {c}: {a} is {first.polarity} and {b} {second.polarity}: that is a "
                "contradiction, not differing figures",
            )
    if conflict.kind == "contradiction":
        need(len(conflict.sides) == 2, origin, f"conflict {c}: a contradiction has two sides")


def _check_series(
    series: Series, corpus: Corpus, in_conflict: set[frozenset[str]], need: _Need
) -> None:
    """A series lists known claims that each have a time, in the order of their times; two
    claims of a series are a change over time, never also a conflict."""
    origin, s = series.origin, series.id
    previous: tuple[int, ...] | None = None
    for claim_id in series.claims:
        claim = corpus.claims.get(claim_id)
        need(claim is not None, origin, f"series {s}: unknown or draft claim {claim_id!r}")
        if claim is None:
            continue
        need(claim.time is not None, origin, f"series {s}: {claim_id} has no time to order by")
        key = _time_key(claim)
        if key is not None and previous is not None:
            need(
                previous <= key,
                origin,
                f"series {s}: {claim_id} comes before the claim listed ahead of it",
                "list a series in the order of its claims' times",
            )
        previous = key if key is not None else previous
    for a in series.claims:
        for b in series.claims:
            need(
                a >= b or frozenset((a, b)) not in in_conflict,
                origin,
                f"series {s}: {a} and {b} are also on two sides of a conflict",
                "a change over time is not a conflict: keep one of the two",
            )


def _time_key(claim: Claim) -> tuple[int, ...] | None:
    time = claim.time
    instant = None if time is None else (time.instant or time.begin or time.end)
    if instant is None:
        return None
    return tuple(int(part) for part in instant.value.lstrip("-").split("-"))


def _check_claim(claim: Claim, corpus: Corpus, vocabulary: Vocabulary, need: _Need) -> None:
    o, c = claim.origin, claim.id
    actors = corpus.actors
    gap = claim.drafting is not None and claim.drafting.gap is not None
    need(
        claim.subject in actors or (gap and not claim.subject),
        o,
        f"claim {c}: unknown actor {claim.subject!r} as subject",
        "add it to data/actors.yaml",
    )
    need(
        claim.object in actors or claim.object in corpus.events or (gap and not claim.object),
        o,
        f"claim {c}: unknown actor or event {claim.object!r} as object",
        "add it to data/actors.yaml or data/events.yaml",
    )
    need(
        vocabulary.knows("relation", claim.relation),
        o,
        f"claim {c}: unknown relation type {claim.relation!r}",
        "see ontology/relation-types.ttl",
    )
    if claim.relation == MEMBERSHIP:
        need(
            claim.position is not None and claim.object in actors,
            o,
            f"claim {c}: a membership names the position held (position:) in an organisation "
            "(object: an actor)",
            "a position of data/actors.yaml (positions:), e.g. leader, member",
        )
    need(
        claim.position is None or claim.relation == MEMBERSHIP,
        o,
        f"claim {c}: only a membership (relation: membership) has a position",
    )
    need(
        claim.position is None or claim.position in corpus.positions,
        o,
        f"claim {c}: unknown position {claim.position!r}",
        "see data/actors.yaml (positions:)",
    )
    for beneficiary in claim.beneficiaries:
        need(
            beneficiary in actors,
            o,
            f"claim {c}: unknown actor {beneficiary!r} in beneficiary_includes",
        )
    for key, place in (
        ("place", claim.place),
        ("origin", claim.origin_place),
        *(("route", step) for step in claim.route),
        ("destination", claim.destination),
    ):
        need(
            place is None or is_place(corpus, place),
            o,
            f"claim {c}: unknown place {place!r} as {key}",
            "a place of data/actors.yaml (places:), or a state's actor id",
        )
    for quantity in claim.quantities:
        need(
            vocabulary.knows("quantity-kind", quantity.kind),
            o,
            f"claim {c}: unknown quantity kind {quantity.kind!r}",
            f"one of {sorted(vocabulary.concepts.get('quantity-kind', []))}",
        )
    need(
        claim.event is None or claim.event in corpus.events,
        o,
        f"claim {c}: unknown event {claim.event!r}",
    )
    need(
        claim.proposition is None or claim.proposition in corpus.propositions,
        o,
        f"claim {c}: unknown proposition {claim.proposition!r}",
        "add it to data/propositions.yaml",
    )
    if claim.amount and claim.amount.rate is not None:
        need(
            vocabulary.knows("rate", claim.amount.rate),
            o,
            f"claim {c}: unknown rate {claim.amount.rate!r}",
        )
    for attribution in claim.attributions:
        need(
            attribution.agent in actors,
            o,
            f"claim {c}: unknown actor {attribution.agent!r} in attribution",
        )
        need(
            vocabulary.knows("attribution-role", attribution.role),
            o,
            f"claim {c}: unknown attribution role {attribution.role!r}",
        )
        need(
            attribution.source is None or attribution.source in corpus.sources,
            o,
            f"claim {c}: unknown source {attribution.source!r}",
            "add it to data/sources.yaml",
        )


MEMBERSHIP = "membership"  # the relation type of a position held or a membership


def _derive_conflicts(corpus: Corpus) -> None:
    """Claims of one proposition with opposite polarity contradict each other: link them.

    Curated conflicts (data/conflicts.yaml) cover the rest: different figures or dates.
    """
    by_proposition: dict[str, list[Claim]] = {}
    for claim in corpus.claims.values():
        if claim.proposition:
            by_proposition.setdefault(claim.proposition, []).append(claim)
    curated_pairs = {
        frozenset(pair)
        for conflict in corpus.conflicts.values()
        for pair in conflict.opposed_pairs()
    }
    for proposition, claims in sorted(by_proposition.items()):
        affirmed = sorted(c.id for c in claims if c.polarity == "affirmed")
        denied = sorted(c.id for c in claims if c.polarity == "denied")
        if not affirmed or not denied:
            continue
        if all(frozenset((a, d)) in curated_pairs for a in affirmed for d in denied):
            continue
        ident = f"{proposition}-affirmed-vs-denied"
        origin = corpus.propositions[proposition].origin
        corpus.conflicts[ident] = Conflict(
            ident,
            (tuple(affirmed), tuple(denied)),
            "occurrence",
            "Derived: claims of the same proposition, some affirming and some denying it.",
            origin,
            derived=True,
            kind="contradiction",
        )


def is_place(corpus: Corpus, ident: str) -> bool:
    """A place of the reference data, or a state (where a claim happens may be a country)."""
    actor = corpus.actors.get(ident)
    return ident in corpus.places or (actor is not None and actor.type == "state")
