"""The document page: its text in its own language and direction with the claims' evidence,
the actor mentions, the boilerplate and the citation markers marked, and its citations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from markupsafe import Markup

from publisher.describe.queries import iri_term
from publisher.pages.claims import Claim, claim_query, load_claims
from publisher.pages.common import Name, local, names, prefixes, rows
from publisher.pages.markup import Span, render
from publisher.store.interface import Store

RTL = ("ar", "fa", "he", "ur")

DOCUMENT_QUERY = """{prefixes}SELECT ?title ?language ?kind ?publisher ?sha256 ?file ?text ?string
  ?source ?issued ?author
WHERE {{ GRAPH ?g {{
  {doc} a sup:Document .
  OPTIONAL {{ {doc} dcterms:language ?language }}
  OPTIONAL {{ {doc} sup:documentKind ?kind }}
  OPTIONAL {{ {doc} dcterms:publisher ?publisher }}
  OPTIONAL {{ {doc} dcterms:source|schema:url ?source }}
  OPTIONAL {{ {doc} dcterms:issued|dcterms:date|schema:datePublished ?issued }}
  OPTIONAL {{ {doc} dcterms:creator|schema:author ?author }}
  OPTIONAL {{ {doc} sup:sha256 ?sha256 }}
  OPTIONAL {{ {doc} sup:hasText ?text . ?text nif:isString ?string }}
}} OPTIONAL {{ GRAPH ?r {{ {doc} sup:fileName ?file }} }} }} LIMIT 1"""

SPANS_QUERY = """{prefixes}SELECT ?span ?kind ?begin ?end ?target ?boilerplateKind WHERE {{
  GRAPH ?g {{
    ?span nif:referenceContext {text} ; a ?kind ; nif:beginIndex ?begin ; nif:endIndex ?end .
    VALUES ?kind {{ sup:ActorMention sup:Boilerplate sup:CitationMarker }}
    OPTIONAL {{ ?span itsrdf:taIdentRef|sup:refersTo ?target }}
    OPTIONAL {{ ?span sup:boilerplateKind ?boilerplateKind }}
  }}
}} ORDER BY ?begin ?end ?span"""

CITATIONS_QUERY = """{prefixes}SELECT ?citation ?number ?entry ?title ?publisher ?date WHERE {{
  GRAPH ?g {{
    {doc} sup:cites ?citation . ?citation sup:citationNumber ?number .
    OPTIONAL {{ ?citation dcterms:bibliographicCitation ?entry }}
    OPTIONAL {{ ?citation dcterms:title ?title }}
    OPTIONAL {{ ?citation dcterms:publisher ?publisher }}
    OPTIONAL {{ ?citation dcterms:date ?date }}
  }}
}} ORDER BY ?number"""


class _DocumentRow(TypedDict, total=False):
    source: str
    issued: str
    author: str
    title: str
    language: str
    kind: str
    publisher: str
    sha256: str
    file: str
    text: str
    string: str


class _SpanRow(TypedDict):
    span: str
    kind: str
    begin: int
    end: int
    target: NotRequired[str]
    boilerplateKind: NotRequired[str]


class _CitationRow(TypedDict):
    citation: str
    number: int
    entry: NotRequired[str]
    title: NotRequired[str]
    publisher: NotRequired[str]
    date: NotRequired[str]


@dataclass
class Citation:
    iri: str
    number: int
    entry: str | None
    title: str | None
    publisher: str | None
    date: str | None


@dataclass
class DocumentPage:
    iri: str
    name: Name
    language: str | None
    direction: str
    kind: Name | None
    publisher: Name | None
    source: str | None  # where the document was taken from (its URL)
    issued: str | None  # when it was published
    author: Name | None  # who wrote it (an actor of the dataset, or a name)
    sha256: str | None
    file: str | None
    text_iri: str | None
    text: Markup
    claims: list[tuple[int, Claim]]
    citations: list[Citation]
    counts: dict[str, int]
    queries: dict[str, str] = field(default_factory=dict)


def document_page(
    store: Store, base: str, iri: str, link: Callable[[str], str]
) -> DocumentPage | None:
    """The page of the document `iri`, or None when the store has no such document."""
    pre, doc = prefixes(base), iri_term(iri)
    found = rows(store, DOCUMENT_QUERY.format(prefixes=pre, doc=doc), _DocumentRow)
    if not found:
        return None
    row = found[0]
    selector = f"GRAPH ?gs {{ ?claim sup:statedIn {doc} }}"
    claims = load_claims(store, base, selector)
    claims.sort(key=lambda c: (c.start if c.start is not None else 1 << 30, c.iri))
    numbered = list(enumerate(claims, start=1))
    text_iri = row.get("text")
    span_rows = (
        rows(store, SPANS_QUERY.format(prefixes=pre, text=iri_term(text_iri)), _SpanRow)
        if text_iri
        else []
    )
    citation_rows = rows(store, CITATIONS_QUERY.format(prefixes=pre, doc=doc), _CitationRow)
    known = names(
        store,
        base,
        [
            iri,
            *(r["target"] for r in span_rows if r.get("target")),
            *(r["boilerplateKind"] for r in span_rows if r.get("boilerplateKind")),
            *(row[k] for k in ("kind", "publisher", "author") if k in row),
        ],
    )
    spans = _spans(span_rows, known) + _evidence(numbered)
    language = row.get("language")
    kinds: defaultdict[str, int] = defaultdict(int)
    for r in span_rows:
        kinds[local(r["kind"])] += 1
    return DocumentPage(
        iri=iri,
        name=known[iri],
        language=language,
        direction="rtl" if (language or "").split("-")[0] in RTL else "ltr",
        kind=known.get(row.get("kind", "")),
        publisher=known.get(row.get("publisher", "")),
        source=row.get("source"),
        issued=row.get("issued"),
        author=_author(row.get("author"), known),
        sha256=row.get("sha256"),
        file=row.get("file"),
        text_iri=text_iri,
        text=render(row.get("string", ""), spans, link),
        claims=numbered,
        citations=[
            Citation(
                r["citation"],
                r["number"],
                r.get("entry"),
                r.get("title"),
                r.get("publisher"),
                r.get("date"),
            )
            for r in citation_rows
        ],
        counts={
            "claims": len(claims),
            "mentions": kinds["ActorMention"],
            "boilerplate": kinds["Boilerplate"],
            "citation markers": kinds["CitationMarker"],
        },
        queries={
            "claims": claim_query(base, selector) if claims else "",
            "spans": SPANS_QUERY.format(prefixes=pre, text=iri_term(text_iri)) if text_iri else "",
            "citations": CITATIONS_QUERY.format(prefixes=pre, doc=doc) if citation_rows else "",
        },
    )


def _author(value: str | None, known: dict[str, Name]) -> Name | None:
    """The author: an actor with its names, or a name as the graph writes it."""
    if value is None:
        return None
    return known.get(value) or Name(value, en=value)


def _spans(span_rows: list[_SpanRow], known: dict[str, Name]) -> list[Span]:
    spans = []
    for r in span_rows:
        kind = local(r["kind"])
        target = r.get("target")
        if kind == "ActorMention":
            title = known[target].best if target in known else ""
            spans.append(Span(r["begin"], r["end"], "mention", target, title))
        elif kind == "CitationMarker":
            anchor = f"#citation-{local(target)}" if target else None
            spans.append(Span(r["begin"], r["end"], "citation", anchor, "citation"))
        else:
            kind_name = known.get(r.get("boilerplateKind", ""))
            title = f"boilerplate: {kind_name.best}" if kind_name else "boilerplate"
            spans.append(Span(r["begin"], r["end"], "boilerplate", None, title))
    return spans


def _evidence(numbered: list[tuple[int, Claim]]) -> list[Span]:
    """One evidence span per distinct range, carrying the numbered links of its claims."""
    by_range: dict[tuple[int, int], list[tuple[int, str, str]]] = defaultdict(list)
    for number, claim in numbered:
        if claim.start is not None and claim.end is not None:
            by_range[(claim.start, claim.end)].append((number, claim.iri, claim.english))
    return [
        Span(start, end, "evidence", None, "; ".join(t for _, _, t in refs), tuple(refs))
        for (start, end), refs in by_range.items()
    ]
