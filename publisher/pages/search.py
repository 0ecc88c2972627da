"""Search by name in either language: actors (names and aliases), documents (titles) and
claims (their labels), forgiving Arabic spelling variants.

Names and query are folded with the text layer's own normalisation (hamza forms, taa marbuta,
alef maqsura, harakat, tatweel, Persian letters, case), and a leading conjunction or
preposition (و ف ب ك ل) may be dropped from a word, so حماس, حركة حماس, وحماس and "Hamas" all
find Hamas. Folding happens here, not in SPARQL, because no SPARQL function does it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

from publisher.pages.common import Name, names, prefixes, rows
from publisher.store.interface import Store
from publisher.textlayer.arabic import fold, strip_prefixes

NAMES_QUERY = """{prefixes}SELECT ?thing ?kind ?name WHERE {{
  {{ GRAPH ?g {{ ?thing a sup:Actor ; rdfs:label|skos:altLabel|foaf:name ?name }}
     BIND("actor" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?thing a sup:Document ; dcterms:title ?name }} BIND("document" AS ?kind) }}
  UNION {{ GRAPH ?g {{ ?thing a sup:Claim ; rdfs:label ?name }} BIND("claim" AS ?kind) }}
}} ORDER BY ?kind ?thing ?name"""


class _NameRow(TypedDict):
    thing: str
    kind: str
    name: str


KINDS = ("actor", "document", "claim")
LIMIT = 100  # results of one kind shown at most


@dataclass
class Hit:
    iri: str
    kind: str
    matched: str  # the name that matched, as written
    score: int
    name: Name


@dataclass
class SearchResult:
    query: str
    hits: dict[str, list[Hit]]  # kind -> best first, at most LIMIT
    totals: dict[str, int]
    queries: dict[str, str] = field(default_factory=dict)


def search(store: Store, base: str, text: str) -> SearchResult:
    """What matches `text` by name, best first within each kind."""
    query = NAMES_QUERY.format(prefixes=prefixes(base))
    words = _words(text)
    best: dict[str, tuple[int, str, str]] = {}
    if words:
        for row in rows(store, query, _NameRow):
            score = _score(words, _words(row["name"]))
            if score and score > best.get(row["thing"], (0, "", ""))[0]:
                best[row["thing"]] = (score, row["kind"], row["name"])
    known = names(store, base, list(best))
    hits: dict[str, list[Hit]] = {kind: [] for kind in KINDS}
    for iri, (score, kind, matched) in best.items():
        hits[kind].append(Hit(iri, kind, matched, score, known[iri]))
    totals = {kind: len(found) for kind, found in hits.items()}
    for found in hits.values():
        found.sort(key=lambda h: (-h.score, h.name.best.casefold(), h.iri))
        del found[LIMIT:]
    return SearchResult(text, hits, totals, {"names": query})


def _words(text: str) -> list[str]:
    """The folded words of a text (punctuation and dashes separate words)."""
    folded = fold(text)
    cleaned = "".join(c if c.isalnum() else " " for c in folded)
    return cleaned.split()


def _readings(word: str) -> set[str]:
    """A word and the word without a leading conjunction or preposition (وحماس -> حماس)."""
    return {stem for _, stem in strip_prefixes(word)}


def _score(query: list[str], name: list[str]) -> int:
    """How well a name answers the query: 100 the same words (95 once clitics are dropped),
    80 the query's words begin the
    name, 60 every query word is a word of the name, 40 every query word begins a name word,
    0 no match."""
    if not name:
        return 0
    if query == name:
        return 100
    if len(query) == len(name) and all(n in _readings(q) for q, n in zip(query, name, strict=True)):
        return 95  # the same words once a clitic is dropped (وحماس)
    if name[: len(query)] == query:
        return 80
    name_words = set().union(*(_readings(w) for w in name))
    query_readings = [_readings(w) for w in query]
    if all(r & name_words for r in query_readings):
        return 60
    if all(any(n.startswith(q) for q in r for n in name_words) for r in query_readings):
        return 40
    return 0


def name_score(query: str, name: str) -> int:
    """How well `name` answers `query` (0 to 100), folded as the search above folds them; the
    curators' workbench picks actors, places and relation types with it."""
    return _score(_words(query), _words(name))
