"""The claim page: the claim in words, its evidence in context, who said it (the attribution
chain), the other documents that report the same proposition, and the claims it conflicts
with, side by side."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from publisher.describe.queries import iri_term
from publisher.pages.claims import Claim, claim_query, load_claims
from publisher.pages.common import Name, names, prefixes, rows
from publisher.store.interface import Store

ATTRIBUTION_QUERY = """{prefixes}SELECT ?position ?agent ?role ?entity WHERE {{
  GRAPH ?g {{
    {claim} prov:qualifiedAttribution ?attribution . ?attribution prov:agent ?agent .
    OPTIONAL {{ ?attribution sup:chainPosition ?position }}
    OPTIONAL {{ ?attribution prov:hadRole ?role }}
    OPTIONAL {{ ?attribution prov:entity ?entity }}
  }}
}} ORDER BY ?position ?agent"""

DETAILS_QUERY = """{prefixes}SELECT ?comment ?source ?language WHERE {{
  GRAPH ?g {{ {claim} sup:statedIn ?document .
    OPTIONAL {{ {claim} rdfs:comment ?comment }}
    OPTIONAL {{ {claim} prov:hadPrimarySource ?source }} }}
  OPTIONAL {{ GRAPH ?d {{ ?document dcterms:language ?language }} }}
}}"""

CONFLICTS_QUERY = """{prefixes}SELECT ?conflict ?aspect ?note ?side ?other WHERE {{
  GRAPH ?g {{
    ?conflict sup:conflictingClaim {claim} ; sup:hasSide ?side . ?side sup:sideClaim ?other .
    OPTIONAL {{ ?conflict sup:conflictAspect ?aspect }}
    OPTIONAL {{ ?conflict rdfs:comment ?note FILTER(LANGMATCHES(LANG(?note), "en")) }}
  }}
}} ORDER BY ?conflict ?side ?other"""


class _AttributionRow(TypedDict):
    position: NotRequired[int]
    agent: str
    role: NotRequired[str]
    entity: NotRequired[str]


class _DetailsRow(TypedDict, total=False):
    comment: str
    source: str
    language: str


class _ConflictRow(TypedDict):
    conflict: str
    aspect: NotRequired[str]
    note: NotRequired[str]
    side: str
    other: str


@dataclass
class Attribution:
    position: int | None
    agent: str
    role: str | None
    entity: str | None


@dataclass
class ConflictSide:
    iri: str
    claims: list[Claim]
    holds_this: bool


@dataclass
class Conflict:
    iri: str
    aspect: str | None
    note: str | None
    sides: list[ConflictSide]


@dataclass
class ClaimPage:
    claim: Claim
    language: str | None
    comment: str | None
    attributions: list[Attribution]
    primary_sources: list[str]
    same_proposition: list[Claim]
    conflicts: list[Conflict]
    names: dict[str, Name]
    queries: dict[str, str] = field(default_factory=dict)

    def name(self, iri: str | None) -> Name:
        return self.names.get(iri or "", Name(iri or ""))


def claim_page(store: Store, base: str, iri: str) -> ClaimPage | None:
    """The page of the claim `iri`, or None when the store has no such claim."""
    pre, x = prefixes(base), iri_term(iri)
    found = load_claims(store, base, f"VALUES ?claim {{ {x} }}")
    if not found:
        return None
    claim = found[0]
    details = rows(store, DETAILS_QUERY.format(prefixes=pre, claim=x), _DetailsRow)
    attributions = [
        Attribution(r.get("position"), r["agent"], r.get("role"), r.get("entity"))
        for r in rows(store, ATTRIBUTION_QUERY.format(prefixes=pre, claim=x), _AttributionRow)
    ]
    same_selector = (
        f"GRAPH ?gp {{ ?claim sup:proposition {iri_term(claim.proposition)} }} "
        f"FILTER(?claim != {x})"
        if claim.proposition
        else None
    )
    same = load_claims(store, base, same_selector) if same_selector else []
    conflict_rows = rows(store, CONFLICTS_QUERY.format(prefixes=pre, claim=x), _ConflictRow)
    others = sorted({r["other"] for r in conflict_rows})
    by_iri = {
        c.iri: c
        for c in (
            load_claims(store, base, f"VALUES ?claim {{ {' '.join(map(iri_term, others))} }}")
            if others
            else []
        )
    }
    conflicts = _conflicts(conflict_rows, by_iri, iri)
    sources = sorted({r["source"] for r in details if "source" in r})
    mentioned = [
        claim.document,
        *(a.agent for a in attributions),
        *(a.role for a in attributions if a.role),
        *(a.entity for a in attributions if a.entity),
        *sources,
        *(c.document for c in same),
    ]
    known = {**claim.names, **names(store, base, [m for m in mentioned if m])}
    return ClaimPage(
        claim=claim,
        language=next((r["language"] for r in details if "language" in r), None),
        comment=next((r["comment"] for r in details if "comment" in r), None),
        attributions=attributions,
        primary_sources=sources,
        same_proposition=same,
        conflicts=conflicts,
        names=known,
        queries={
            "claim": claim_query(base, f"VALUES ?claim {{ {x} }}"),
            "attribution": ATTRIBUTION_QUERY.format(prefixes=pre, claim=x) if attributions else "",
            "same proposition": claim_query(base, same_selector) if same_selector and same else "",
            "conflicts": CONFLICTS_QUERY.format(prefixes=pre, claim=x) if conflicts else "",
        },
    )


def _conflicts(
    conflict_rows: list[_ConflictRow], by_iri: dict[str, Claim], iri: str
) -> list[Conflict]:
    grouped: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    about: dict[str, tuple[str | None, str | None]] = {}
    for r in conflict_rows:
        if r["other"] not in grouped[r["conflict"]][r["side"]]:
            grouped[r["conflict"]][r["side"]].append(r["other"])
        about[r["conflict"]] = (r.get("aspect"), r.get("note"))
    return [
        Conflict(
            conflict,
            *about[conflict],
            [
                ConflictSide(side, [by_iri[c] for c in members if c in by_iri], iri in members)
                for side, members in sorted(sides.items())
            ],
        )
        for conflict, sides in sorted(grouped.items())
    ]
