"""Loading the whole corpus from a project folder and checking every cross-reference."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from publisher.corpus.document_files import read_document
from publisher.corpus.mapping import read_claims_file
from publisher.corpus.model import Claim, Conflict, Corpus
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
from publisher.corpus.vocabulary import Vocabulary, read_vocabulary
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.errors import Origin


def _items(path: Path, key: str, problems: Problems) -> list[Located]:
    if not path.exists():
        return []
    content = load_yaml(path)
    if content is None:
        return []
    if not isinstance(content, dict) or not isinstance(content.get(key, []), list):
        problems.add(path, 1, f"expected a mapping with a '{key}:' list")
        return []
    return [item for item in content.get(key) or [] if isinstance(item, Located)]


def load_corpus(home: Path) -> tuple[Corpus, Vocabulary]:
    """Read data/, check it against itself and the ontology; InputError lists every problem."""
    data = home / "data"
    problems = Problems()
    corpus = Corpus()
    vocabulary = read_vocabulary(home / "ontology")

    seen_docs: dict[object, Located] = {}  # by the id as written, which may be missing
    for entry in _items(data / "documents.yaml", "documents", problems):
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
    actors_file = data / "actors.yaml"
    corpus.actors = read_actors(
        _items(actors_file, "actors", problems), problems, seen, corpus.warnings
    )
    corpus.places = read_places(_items(actors_file, "places", problems), problems, seen)
    corpus.positions = read_positions(_items(actors_file, "positions", problems), problems, {})
    corpus.memberships = read_memberships(_items(actors_file, "memberships", problems), problems)
    corpus.events = read_events(_items(data / "events.yaml", "events", problems), problems, seen)
    corpus.sources = read_sources(
        _items(data / "sources.yaml", "sources", problems), problems, seen
    )
    corpus.propositions = read_propositions(
        _items(data / "propositions.yaml", "propositions", problems), problems, {}
    )

    claim_ids: dict[str, Located] = {}
    for path in sorted((data / "claims").glob("*.yaml")):
        claims, drafts = read_claims_file(path, corpus.documents, problems, claim_ids)
        for claim in claims:
            corpus.claims[claim.id] = claim
        corpus.drafts.extend(drafts)
    corpus.conflicts = read_conflicts(
        _items(data / "conflicts.yaml", "conflicts", problems), problems, {}
    )

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
            membership.person in actors and actors[membership.person].type == "person",
            origin,
            f"membership: {membership.person!r} is not a person in actors",
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
        source = corpus.documents.get(membership.source)
        need(
            source is not None, origin, f"membership: unknown source document {membership.source!r}"
        )
        if source is not None:
            need(
                membership.quote in source.text,
                origin,
                f"membership: quote {membership.quote!r} does not occur in {source.file}",
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
    for conflict in corpus.conflicts.values():
        for claim_id in conflict.claims:
            need(
                claim_id in corpus.claims,
                conflict.origin,
                f"conflict {conflict.id}: unknown or draft claim {claim_id!r}",
            )


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
        )


def is_place(corpus: Corpus, ident: str) -> bool:
    """A place of the reference data, or a state (where a claim happens may be a country)."""
    actor = corpus.actors.get(ident)
    return ident in corpus.places or (actor is not None and actor.type == "state")
