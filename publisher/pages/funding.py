"""The funding figures: every claim that gives a sum of money between actors, with its time
and the original source it comes from (the colour of its mark on the chart)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from publisher.pages.claims import Claim, claim_query, load_claims
from publisher.pages.common import Name, names, prefixes, rows, values_clause
from publisher.store.interface import Store

SELECTOR = "GRAPH ?gs { ?claim sup:amount ?amount }"

# The original source of a claim: the first link of its attribution chain, else the publisher
# of its document, else the document itself.
SOURCE_QUERY = """{prefixes}SELECT ?claim ?position ?agent ?publisher ?document WHERE {{
  {values}
  GRAPH ?g {{ ?claim sup:statedIn ?document .
    OPTIONAL {{ ?claim prov:qualifiedAttribution ?attribution .
               ?attribution prov:agent ?agent ; sup:chainPosition ?position }} }}
  OPTIONAL {{ GRAPH ?d {{ ?document dcterms:publisher ?publisher }} }}
}} ORDER BY ?claim ?position"""


class _SourceRow(TypedDict):
    claim: str
    position: NotRequired[int]
    agent: NotRequired[str]
    publisher: NotRequired[str]
    document: str


@dataclass
class FundingFigure:
    """One claim's figure and the source its colour stands for."""

    claim: Claim
    source: str
    source_kind: str  # "attribution" | "publisher" | "document"


@dataclass
class Funding:
    figures: list[FundingFigure]
    sources: list[str]  # in the order of their colours
    names: dict[str, Name]
    queries: dict[str, str] = field(default_factory=dict)

    @property
    def documents(self) -> set[str]:
        """The sources that are documents speaking for themselves (no attribution, no publisher)."""
        return {f.source for f in self.figures if f.source_kind == "document"}

    def name(self, iri: str) -> Name:
        return self.names.get(iri, Name(iri))


def funding(store: Store, base: str) -> Funding:
    """Every funding figure of the dataset, ordered by time, then amount, then claim."""
    claims = load_claims(store, base, SELECTOR)
    source_query = SOURCE_QUERY.format(
        prefixes=prefixes(base), values=values_clause("claim", [c.iri for c in claims])
    )
    first: dict[str, tuple[str, str]] = {}
    for row in rows(store, source_query, _SourceRow) if claims else []:
        if row["claim"] in first and first[row["claim"]][1] == "attribution":
            continue
        if "agent" in row:
            first[row["claim"]] = (row["agent"], "attribution")
        elif "publisher" in row:
            first[row["claim"]] = (row["publisher"], "publisher")
        else:
            first[row["claim"]] = (row["document"], "document")
    figures = [FundingFigure(c, *first.get(c.iri, (c.document, "document"))) for c in claims]
    figures.sort(key=_order)
    sources = sorted({f.source for f in figures})
    known = names(store, base, sources)
    for c in claims:
        known.update(c.names)
    return Funding(
        figures,
        sources,
        known,
        queries={"figures": claim_query(base, SELECTOR), "sources": source_query},
    )


def _order(figure: FundingFigure) -> tuple[str, float, str]:
    when, amount = figure.claim.when, figure.claim.amount
    start = (when.instant or when.beginning or when.end or "9999") if when else "9999"
    size = (amount.value or amount.maximum or amount.minimum or 0) if amount else 0
    return (start, size, figure.claim.iri)
