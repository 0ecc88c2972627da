"""The home page: what the dataset is and holds, its documents and actors, and the release
being served with the result of its validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

import pyoxigraph as ox

from publisher.pages.common import Name, names, prefixes, rows
from publisher.rdf import namespaces
from publisher.release.files import REPORT
from publisher.release.reader import Release
from publisher.store.interface import Store

DOCUMENTS_QUERY = """{prefixes}SELECT ?document ?language ?kind ?publisher
  (SAMPLE(?url) AS ?source) (SAMPLE(?date) AS ?issued) (COUNT(DISTINCT ?claim) AS ?claims)
WHERE {{
  GRAPH ?g {{ ?document a sup:Document .
    OPTIONAL {{ ?document dcterms:language ?language }}
    OPTIONAL {{ ?document sup:documentKind ?kind }}
    OPTIONAL {{ ?document dcterms:publisher ?publisher }}
    OPTIONAL {{ ?document dcterms:source|schema:url ?url }}
    OPTIONAL {{ ?document dcterms:issued|dcterms:date|schema:datePublished ?date }} }}
  OPTIONAL {{ GRAPH ?c {{ ?claim sup:statedIn ?document }} }}
}} GROUP BY ?document ?language ?kind ?publisher ORDER BY ?document"""

ACTORS_QUERY = """{prefixes}SELECT ?actor (SAMPLE(?type) AS ?kind) (COUNT(DISTINCT ?claim) AS ?claims)
WHERE {{
  GRAPH ?g {{ ?actor a sup:Actor .
    OPTIONAL {{ ?actor a ?type FILTER(?type != sup:Actor && STRSTARTS(STR(?type), STR(sup:))) }} }}
  OPTIONAL {{ GRAPH ?c {{ ?claim sup:subject|sup:object ?actor }} }}
}} GROUP BY ?actor ORDER BY DESC(?claims) ?actor"""


class _DocumentRow(TypedDict):
    document: str
    language: NotRequired[str]
    kind: NotRequired[str]
    publisher: NotRequired[str]
    source: NotRequired[str]
    issued: NotRequired[str]
    claims: int


class _ActorRow(TypedDict):
    actor: str
    kind: NotRequired[str]
    claims: int


@dataclass
class DocumentEntry:
    iri: str
    language: str | None
    kind: str | None
    publisher: str | None
    claims: int
    source: str | None = None
    issued: str | None = None


@dataclass
class ActorEntry:
    iri: str
    kind: str | None
    claims: int


@dataclass
class Validation:
    """What the release's validation report says: conforms, and how many results of each
    severity (violations, warnings, infos)."""

    found: bool
    conforms: bool | None = None
    results: dict[str, int] = field(default_factory=dict)


@dataclass
class Home:
    documents: list[DocumentEntry]
    actors: list[ActorEntry]
    validation: Validation
    names: dict[str, Name]
    queries: dict[str, str] = field(default_factory=dict)

    def name(self, iri: str | None) -> Name:
        return self.names.get(iri or "", Name(iri or ""))


def home(store: Store, base: str, release: Release) -> Home:
    """The home page's tables and the served release's validation status."""
    pre = prefixes(base)
    documents = [
        DocumentEntry(
            r["document"],
            r.get("language"),
            r.get("kind"),
            r.get("publisher"),
            r["claims"],
            r.get("source"),
            r.get("issued"),
        )
        for r in rows(store, DOCUMENTS_QUERY.format(prefixes=pre), _DocumentRow)
    ]
    actors = [
        ActorEntry(r["actor"], r.get("kind"), r["claims"])
        for r in rows(store, ACTORS_QUERY.format(prefixes=pre), _ActorRow)
    ]
    mentioned = [
        *(d.iri for d in documents), *(d.kind for d in documents if d.kind),
        *(d.publisher for d in documents if d.publisher),
        *(a.iri for a in actors), *(a.kind for a in actors if a.kind),
    ]  # fmt: skip
    return Home(
        documents,
        actors,
        validation(release),
        names(store, base, mentioned),
        {
            "documents": DOCUMENTS_QUERY.format(prefixes=pre),
            "actors": ACTORS_QUERY.format(prefixes=pre),
        },
    )


def validation(release: Release) -> Validation:
    """The validation report shipped with the release (validation.ttl), summarised."""
    if REPORT not in release.kept:  # read when the release was verified, not from the disk now
        return Validation(found=False)
    try:
        triples = list(ox.parse(release.read(REPORT), format=ox.RdfFormat.TURTLE))
    except SyntaxError:
        return Validation(found=False)
    conforms = [
        t.object.value == "true"
        for t in triples
        if t.predicate.value == namespaces.iri("sh:conforms")
    ]
    results: dict[str, int] = {}
    for t in triples:
        if t.predicate.value == namespaces.iri("sh:resultSeverity"):
            severity = t.object.value.rsplit("#", 1)[-1]
            results[severity] = results.get(severity, 0) + 1
    return Validation(True, all(conforms) if conforms else None, dict(sorted(results.items())))
