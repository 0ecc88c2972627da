"""What the workbench's pickers offer: actors, places, relation types, events, propositions and
quantity kinds found by name in either language, Arabic spelling forgiven as on the public search: names and queries folded
by the text layer (publisher/textlayer/arabic.py), clitic prefixes read off (وحماس is حماس).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from publisher.corpus.model import Corpus
from publisher.corpus.vocabulary import Vocabulary
from publisher.textlayer.arabic import fold, strip_prefixes

KINDS = ("actor", "place", "relation", "event", "proposition", "quantity-kind")
CONCEPTS = ("relation", "quantity-kind")  # kinds whose choices are concepts of the ontology
LIMIT = 20


@dataclass(frozen=True)
class Choice:
    id: str
    en: str
    ar: str
    note: str = ""  # an actor's type, a relation type's definition


def concept_choices(ontology: Path, vocabulary: Vocabulary, scheme: str) -> list[Choice]:
    """Every concept of a scheme (relation, quantity-kind) with its labels in English and
    Arabic (ontology/*.ttl)."""
    graph = Graph()
    for path in sorted(ontology.glob("*.ttl")):
        graph.parse(path, format="turtle")
    known = vocabulary.concepts.get(scheme, frozenset())
    labels: dict[str, dict[str, str]] = {}
    for concept, label in graph.subject_objects(SKOS.prefLabel):
        ident = str(concept).rsplit("/", 1)[-1]
        if ident in known and f"/{scheme}/" in str(concept) and isinstance(label, Literal):
            labels.setdefault(ident, {})[label.language or "en"] = str(label)
    return [
        Choice(i, labels.get(i, {}).get("en", i), labels.get(i, {}).get("ar", ""))
        for i in sorted(known)
    ]


def choices(corpus: Corpus, concepts: list[Choice], kind: str) -> list[Choice]:
    """What a picker of `kind` offers; `concepts` are the scheme's for a kind of CONCEPTS."""
    if kind in CONCEPTS:
        return concepts
    if kind == "event":
        return [Choice(e.id, e.names.en, e.names.ar, e.type) for e in corpus.events.values()]
    if kind == "proposition":
        return [Choice(p.id, p.names.en, p.names.ar) for p in corpus.propositions.values()]
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
    things: dict[str, dict[str, Any]] = {
        "actor": corpus.actors,
        "place": corpus.actors,
        "event": corpus.events,
        "proposition": corpus.propositions,
    }
    thing = things[kind].get(choice.id) if kind in things else None
    if thing is None and kind == "place":
        place = corpus.places.get(choice.id)
        names += [*place.names.aliases_en, *place.names.aliases_ar] if place else []
    elif thing is not None:
        names += [*thing.names.aliases_en, *thing.names.aliases_ar]
    return [n for n in names if n]


def pick(corpus: Corpus, concepts: list[Choice], kind: str, query: str) -> list[Choice]:
    """The choices of `kind` whose names answer `query`, best first (all when it is empty)."""
    offered = choices(corpus, concepts, kind)
    if not query.strip():
        return sorted(offered, key=lambda c: c.id)[:LIMIT]
    scored = []
    for choice in offered:
        score = max(name_score(query, name) for name in _names(corpus, choice, kind))
        if score:
            scored.append((-score, choice.id, choice))
    return [choice for *_, choice in sorted(scored)[:LIMIT]]


def name_score(query: str, name: str) -> int:
    """How well `name` answers `query`: 100 the same words (95 once clitics are dropped), 80 the
    query's words begin the name, 60 every query word is a word of the name, 40 every query
    word begins a name word, 0 no match."""
    asked, named = _words(query), _words(name)
    if not named:
        return 0
    if asked == named:
        return 100
    if len(asked) == len(named) and all(
        n in _readings(q) for q, n in zip(asked, named, strict=True)
    ):
        return 95
    if named[: len(asked)] == asked:
        return 80
    name_words = set().union(*(_readings(w) for w in named))
    query_readings = [_readings(w) for w in asked]
    if all(r & name_words for r in query_readings):
        return 60
    if all(any(n.startswith(q) for q in r for n in name_words) for r in query_readings):
        return 40
    return 0


def _words(text: str) -> list[str]:
    """The folded words of a text (punctuation and dashes separate words)."""
    folded = fold(text)
    return "".join(c if c.isalnum() else " " for c in folded).split()


def _readings(word: str) -> set[str]:
    """A word and the word without a leading conjunction or preposition (وحماس -> حماس)."""
    return {stem for _, stem in strip_prefixes(word)}
