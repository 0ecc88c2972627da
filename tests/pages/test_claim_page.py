"""The claim page: the claim in words in both languages, the quote in context, who says so,
the same proposition in other documents, and the conflicting claims side by side."""

from __future__ import annotations

from tests.pages.dom import page
from tests.pages.helpers import (
    assert_queries_run,
    assert_rdf_links,
    doc_path,
    one,
    path,
    select,
    values,
)


def _labels(store, iri: str) -> dict[str, str]:
    rows = select(
        store, f"SELECT ?l (LANG(?l) AS ?lang) WHERE {{ GRAPH ?g {{ <{iri}> rdfs:label ?l }} }}"
    )
    return {r["lang"]: r["l"] for r in rows}


def test_claim_in_words_in_english_and_arabic(client, store):
    claim = one(
        store,
        """SELECT ?c WHERE { GRAPH ?g { ?c a sup:Claim ; sup:amount ?a ; sup:time ?t ;
          sup:subject ?s ; sup:object ?o } } ORDER BY ?c LIMIT 1""",
        "c",
    )
    row = select(
        store, f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ <{claim}> sup:subject ?s ; sup:object ?o }} }}"
    )[0]
    tree = page(client, doc_path(claim))
    words = tree.find("div", cls="in-words")
    english = words.find("p", cls="en").text
    arabic = words.find("p", lang="ar")
    assert arabic.get("dir") == "rtl"
    for actor in (row["s"], row["o"]):
        labels = _labels(store, actor)
        assert labels["en"] in english
        assert labels["ar"] in arabic.text
    # Generated from the parts, so richer than the stored label: the amount is in it.
    assert "$" in english and "دولار" in arabic.text


def test_evidence_quote_in_context(client, store):
    claim = one(store, "SELECT ?c WHERE { GRAPH ?g { ?c a sup:Claim } } ORDER BY ?c LIMIT 1", "c")
    quote = select(
        store,
        f"""SELECT ?exact ?prefix ?suffix WHERE {{ GRAPH ?g {{ <{claim}> prov:wasDerivedFrom/oa:hasSelector ?q .
          ?q oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix }} }}""",
    )[0]
    block = page(client, doc_path(claim)).find("blockquote", cls="evidence")
    assert block.find("mark").text == quote["exact"]
    assert block.text == f"…{quote['prefix']}{quote['exact']}{quote['suffix']}…"


def test_attribution_chain(client, store):
    claim = one(
        store,
        """SELECT ?c (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?c prov:qualifiedAttribution ?a } }
          GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT 1""",
        "c",
    )
    agents = values(
        store,
        f"SELECT ?x WHERE {{ GRAPH ?g {{ <{claim}> prov:qualifiedAttribution/prov:agent ?x }} }}",
        "x",
    )
    assert len(agents) >= 2
    chain = page(client, doc_path(claim)).find("ol", cls="attribution")
    items = chain.find_all("li")
    assert len(items) == len(agents) + 1  # the document, then each link of the chain
    linked = {a.get("href") for li in items[1:] for a in li.find_all("a")}
    assert {path(a) for a in agents} <= linked


def test_same_proposition_in_other_documents(client, store):
    row = select(
        store,
        """SELECT ?c ?p (COUNT(DISTINCT ?d2) AS ?n) WHERE {
          GRAPH ?g { ?c sup:proposition ?p ; sup:statedIn ?d }
          GRAPH ?h { ?c2 sup:proposition ?p ; sup:statedIn ?d2 } FILTER(?d2 != ?d)
        } GROUP BY ?c ?p ORDER BY DESC(?n) ?c LIMIT 1""",
    )[0]
    claim, proposition = row["c"], row["p"]
    others = values(
        store,
        f"""SELECT ?c2 WHERE {{ GRAPH ?g {{ <{claim}> sup:statedIn ?d }}
          GRAPH ?h {{ ?c2 sup:proposition <{proposition}> ; sup:statedIn ?d2 }} FILTER(?d2 != ?d) }}""",
        "c2",
    )
    tree = page(client, doc_path(claim))
    shown = {
        a.get("data-claim")
        for li in tree.find("ul", cls="same-proposition").find_all("li", cls="other-document")
        for a in li.find_all("a", cls="claim")
    }
    assert shown == others


def test_conflicting_claims_side_by_side(client, store):
    claim = one(
        store,
        """SELECT ?c (COUNT(?x) AS ?n) WHERE { GRAPH ?g { ?c sup:conflictsWith ?x } }
          GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT 1""",
        "c",
    )
    conflicting = values(
        store, f"SELECT ?x WHERE {{ GRAPH ?g {{ <{claim}> sup:conflictsWith ?x }} }}", "x"
    )
    tree = page(client, doc_path(claim))
    sections = tree.find_all("section", cls="conflict")
    assert sections
    shown = set()
    for section in sections:
        sides = section.find_all("div", cls="side")
        assert len(sides) >= 2
        assert len([s for s in sides if "this-side" in s.classes]) == 1
        shown |= {a.get("data-claim") for a in section.find_all("a", cls="claim")}
    assert conflicting <= shown


def test_claim_page_offers_its_data(client, store):
    claim = one(
        store,
        """SELECT ?c WHERE { GRAPH ?g { ?c sup:conflictsWith ?x } GRAPH ?h { ?c sup:proposition ?p } }
          ORDER BY ?c LIMIT 1""",
        "c",
    )
    tree = page(client, doc_path(claim))
    assert_rdf_links(tree, claim)
    assert_queries_run(client, tree)
