"""Claims as the pages show them: who, what relation, to whom, how much, when, said where.

One query shape serves every page (a document's claims, an actor's, the funding figures, a
single claim): the caller gives the pattern that selects ?claim, this module adds the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from publisher.pages.common import Name, local, names, prefixes, rows
from publisher.pages.wording import Amount, ClaimWords, When, arabic, english
from publisher.store.interface import Store

CLAIM_QUERY = """{prefixes}SELECT ?claim ?subject ?relation ?object ?document ?polarity ?hedged
  ?start ?end ?exact ?prefix ?suffix ?value ?min ?max ?currency ?rate ?amountApprox ?amountLabel
  ?instant ?begin ?finish ?timeApprox ?timeLabel ?proposition
WHERE {{
  {selector}
  GRAPH ?g {{
    ?claim a sup:Claim ; sup:subject ?subject ; sup:relation ?relation ; sup:statedIn ?document .
    OPTIONAL {{ ?claim sup:object ?object }}
    OPTIONAL {{ ?claim sup:polarity ?polarity }}
    OPTIONAL {{ ?claim sup:hedged ?hedged }}
    OPTIONAL {{ ?claim sup:proposition ?proposition }}
    OPTIONAL {{ ?claim prov:wasDerivedFrom/oa:hasSelector ?position .
               ?position oa:start ?start ; oa:end ?end }}
    OPTIONAL {{ ?claim prov:wasDerivedFrom/oa:hasSelector ?quote . ?quote oa:exact ?exact .
               OPTIONAL {{ ?quote oa:prefix ?prefix }} OPTIONAL {{ ?quote oa:suffix ?suffix }} }}
    OPTIONAL {{ ?claim sup:amount ?amount .
      OPTIONAL {{ ?amount schema:value ?value }} OPTIONAL {{ ?amount schema:minValue ?min }}
      OPTIONAL {{ ?amount schema:maxValue ?max }} OPTIONAL {{ ?amount schema:currency ?currency }}
      OPTIONAL {{ ?amount sup:rate ?rate }} OPTIONAL {{ ?amount sup:approximate ?amountApprox }}
      OPTIONAL {{ ?amount rdfs:label ?amountLabel }} }}
    OPTIONAL {{ ?claim sup:time ?time .
      OPTIONAL {{ ?time time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?instant }}
      OPTIONAL {{ ?time time:hasBeginning/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)
                  ?begin }}
      OPTIONAL {{ ?time time:hasEnd/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)
                  ?finish }}
      OPTIONAL {{ ?time sup:approximate ?timeApprox }}
      OPTIONAL {{ ?time rdfs:label ?timeLabel FILTER(LANGMATCHES(LANG(?timeLabel), "en")) }} }}
  }}
}} ORDER BY ?claim"""


class _ClaimRow(TypedDict):
    claim: str
    subject: str
    relation: str
    object: NotRequired[str]
    document: str
    polarity: NotRequired[str]
    hedged: NotRequired[bool]
    start: NotRequired[int]
    end: NotRequired[int]
    exact: NotRequired[str]
    prefix: NotRequired[str]
    suffix: NotRequired[str]
    value: NotRequired[float]
    min: NotRequired[float]
    max: NotRequired[float]
    currency: NotRequired[str]
    rate: NotRequired[str]
    amountApprox: NotRequired[bool]
    amountLabel: NotRequired[str]
    instant: NotRequired[str]
    begin: NotRequired[str]
    finish: NotRequired[str]
    timeApprox: NotRequired[bool]
    timeLabel: NotRequired[str]
    proposition: NotRequired[str]


@dataclass
class Claim:
    """One claim with what its sentence, its evidence and its marks need."""

    iri: str
    subject: str
    relation: str
    document: str
    object: str | None = None
    denied: bool = False
    hedged: bool = False
    proposition: str | None = None
    start: int | None = None
    end: int | None = None
    exact: str | None = None
    prefix: str = ""
    suffix: str = ""
    amount: Amount | None = None
    when: When | None = None
    names: dict[str, Name] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return local(self.iri)

    def name(self, iri: str | None) -> Name:
        return self.names.get(iri or "", Name(iri or ""))

    def words(self) -> ClaimWords:
        subject, obj, relation = (
            self.name(self.subject),
            self.name(self.object),
            self.name(self.relation),
        )
        return ClaimWords(
            subject_en=subject.best,
            subject_ar=subject.ar or subject.best,
            object_en=obj.best if self.object else None,
            object_ar=(obj.ar or obj.best) if self.object else None,
            relation=local(self.relation),
            relation_en=relation.en,
            relation_ar=relation.ar,
            amount=self.amount,
            when=self.when,
            denied=self.denied,
            hedged=self.hedged,
        )

    @property
    def english(self) -> str:
        return english(self.words())

    @property
    def arabic(self) -> str:
        return arabic(self.words())


def claim_query(base: str, selector: str) -> str:
    """The query of the claims that `selector` (a pattern binding ?claim) picks."""
    return CLAIM_QUERY.format(prefixes=prefixes(base), selector=selector)


def load_claims(store: Store, base: str, selector: str) -> list[Claim]:
    """The claims `selector` picks, in IRI order, with the names of everything they mention."""
    found: dict[str, Claim] = {}
    for row in rows(store, claim_query(base, selector), _ClaimRow):
        if row["claim"] not in found:
            found[row["claim"]] = _claim(row)
    claims = list(found.values())
    mentioned = [
        iri
        for c in claims
        for iri in (c.subject, c.object, c.relation, c.document, c.proposition)
        if iri
    ]
    known = names(store, base, mentioned)
    for claim in claims:
        claim.names = known
    return claims


def _claim(row: _ClaimRow) -> Claim:
    amount = None
    if any(k in row for k in ("value", "min", "max")):
        amount = Amount(
            value=row.get("value"),
            minimum=row.get("min"),
            maximum=row.get("max"),
            currency=str(row.get("currency", "USD")),
            rate=local(row["rate"]) if "rate" in row else None,
            approximate=bool(row.get("amountApprox", False)),
            phrase=row.get("amountLabel"),
        )
    when = None
    if any(k in row for k in ("instant", "begin", "finish")):
        when = When(
            instant=row.get("instant"),
            beginning=row.get("begin"),
            end=row.get("finish"),
            approximate=bool(row.get("timeApprox", False)),
            label=row.get("timeLabel"),
        )
    return Claim(
        iri=row["claim"],
        subject=row["subject"],
        relation=row["relation"],
        document=row["document"],
        object=row.get("object"),
        denied=str(row.get("polarity", "")).endswith("/denied"),
        hedged=bool(row.get("hedged", False)),
        proposition=row.get("proposition"),
        start=row.get("start"),
        end=row.get("end"),
        exact=row.get("exact"),
        prefix=row.get("prefix", ""),
        suffix=row.get("suffix", ""),
        amount=amount,
        when=when,
    )
