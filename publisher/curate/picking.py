"""What the workbench's pickers offer: actors, places and relation types found by name in
either language, Arabic spelling forgiven as on the public search (publisher/pages/search.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from publisher.corpus.model import Corpus
from publisher.corpus.vocabulary import Vocabulary
from publisher.pages.search import name_score

KINDS = ("actor", "place", "relation")
LIMIT = 20


@dataclass(frozen=True)
class Choice:
    id: str
    en: str
    ar: str
    note: str = ""  # an actor's type, a relation type's definition


def relation_choices(ontology: Path, vocabulary: Vocabulary) -> list[Choice]:
    """Every relation type with its labels in English and Arabic (ontology/*.ttl)."""
    graph = Graph()
    for path in sorted(ontology.glob("*.ttl")):
        graph.parse(path, format="turtle")
    labels: dict[str, dict[str, str]] = {}
    for concept, label in graph.subject_objects(SKOS.prefLabel):
        ident = str(concept).rsplit("/", 1)[-1]
        if ident in vocabulary.concepts["relation"] and isinstance(label, Literal):
            labels.setdefault(ident, {})[label.language or "en"] = str(label)
    return [
        Choice(i, labels.get(i, {}).get("en", i), labels.get(i, {}).get("ar", ""))
        for i in sorted(vocabulary.concepts["relation"])
    ]


def choices(corpus: Corpus, relations: list[Choice], kind: str) -> list[Choice]:
    if kind == "relation":
        return relations
    if kind == "place":
        places = [Choice(p.id, p.names.en, p.names.ar, "place") for p in corpus.places.values()]
        states = [
            Choice(a.id, a.names.en, a.names.ar, "state")
            for a in corpus.actors.values()
            if a.type == "state"
        ]
        return places + states
    return [Choice(a.id, a.names.en, a.names.ar, a.type) for a in corpus.actors.values()]


def _names(corpus: Corpus, choice: Choice, kind: str) -> list[str]:
    names = [choice.id.replace("-", " "), choice.en, choice.ar]
    thing = corpus.actors.get(choice.id) if kind != "relation" else None
    if thing is None and kind == "place":
        place = corpus.places.get(choice.id)
        names += [*place.names.aliases_en, *place.names.aliases_ar] if place else []
    elif thing is not None:
        names += [*thing.names.aliases_en, *thing.names.aliases_ar]
    return [n for n in names if n]


def pick(corpus: Corpus, relations: list[Choice], kind: str, query: str) -> list[Choice]:
    """The choices of `kind` whose names answer `query`, best first (all when it is empty)."""
    offered = choices(corpus, relations, kind)
    if not query.strip():
        return sorted(offered, key=lambda c: c.id)[:LIMIT]
    scored = []
    for choice in offered:
        score = max(name_score(query, name) for name in _names(corpus, choice, kind))
        if score:
            scored.append((-score, choice.id, choice))
    return [choice for *_, choice in sorted(scored)[:LIMIT]]
