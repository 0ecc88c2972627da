"""The document page: the text in its language and direction, every claim's evidence marked
and linked to its claim, mentions and boilerplate marked, citations listed."""

from __future__ import annotations

import pytest

from tests.pages.dom import page
from tests.pages.helpers import (
    assert_queries_run,
    assert_rdf_links,
    doc_path,
    one,
    path,
    select,
    text_without,
    values,
)


@pytest.fixture(scope="module")
def arabic_document(store) -> str:
    """The Arabic document with the most claims."""
    return one(
        store,
        """SELECT ?d (COUNT(?c) AS ?n) WHERE {
          GRAPH ?g { ?d a sup:Document ; dcterms:language "ar"^^<http://www.w3.org/2001/XMLSchema#language> }
          GRAPH ?h { ?c sup:statedIn ?d } } GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1""",
        "d",
    )


def _text(store, document: str) -> str:
    return one(
        store, f"SELECT ?s WHERE {{ GRAPH ?g {{ <{document}> sup:hasText/nif:isString ?s }} }}", "s"
    )


def _evidence(store, document: str) -> dict[str, tuple[int, int, str]]:
    rows = select(
        store,
        f"""SELECT ?c ?start ?end ?exact WHERE {{ GRAPH ?g {{
          ?c sup:statedIn <{document}> ; prov:wasDerivedFrom/oa:hasSelector ?p, ?q .
          ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact }} }}""",
    )
    return {r["c"]: (int(r["start"]), int(r["end"]), r["exact"]) for r in rows}


def test_arabic_text_is_right_to_left_and_whole(client, store, arabic_document):
    tree = page(client, doc_path(arabic_document))
    text = tree.find("div", cls="text")
    assert text.get("dir") == "rtl" and text.get("lang") == "ar"
    # Every character of the stored text is on the page, in order, and nothing else is
    # (but the claim numbers): the markup was built from offsets without losing or adding text.
    assert text_without(text, "claim-ref") == _text(store, arabic_document)


def test_every_claim_is_marked_and_linked(client, store, arabic_document):
    tree = page(client, doc_path(arabic_document))
    text = tree.find("div", cls="text")
    evidence = _evidence(store, arabic_document)
    assert evidence
    linked = {a.get("data-claim"): a.get("href") for a in text.find_all("a") if a.get("data-claim")}
    assert set(linked) == set(evidence)
    for claim, href in linked.items():
        assert href == path(claim)
    marks = text.find_all("mark", cls="evidence")
    for claim, (start, end, exact) in evidence.items():
        fragments = [m for m in marks if claim in m.get("data-claims").split()]
        assert fragments, claim
        # The fragments of one span (cut where other spans overlap it) spell its quote.
        assert "".join(text_without(m, "claim-ref") for m in fragments) == exact
        assert any(m.get("id") == f"evidence-{start}-{end}" for m in fragments)


def test_links_never_nest(client, arabic_document):
    tree = page(client, doc_path(arabic_document))
    for a in tree.find_all("a"):
        assert not any(up.tag == "a" for up in a.ancestors()), a.attrs


def test_mentions_link_to_their_actors(client, store, arabic_document):
    tree = page(client, doc_path(arabic_document))
    actors = values(
        store,
        f"""SELECT ?a WHERE {{ GRAPH ?g {{ <{arabic_document}> sup:hasText ?t .
          ?m nif:referenceContext ?t ; a sup:ActorMention ; itsrdf:taIdentRef ?a }} }}""",
        "a",
    )
    assert actors
    linked = {a.get("href") for a in tree.find("div", cls="text").find_all("a", cls="mention")}
    assert linked == {path(a) for a in actors}


def test_boilerplate_is_marked(client, store):
    document = one(
        store,
        """SELECT ?d (COUNT(?b) AS ?n) WHERE { GRAPH ?g { ?d sup:hasText ?t .
          ?b nif:referenceContext ?t ; a sup:Boilerplate } } GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1""",
        "d",
    )
    spans = select(
        store,
        f"""SELECT ?b ?e WHERE {{ GRAPH ?g {{ <{document}> sup:hasText ?t .
          ?s nif:referenceContext ?t ; a sup:Boilerplate ; nif:beginIndex ?b ; nif:endIndex ?e }} }}""",
    )
    text = _text(store, document)
    covered = set()
    for span in spans:
        covered |= set(range(int(span["b"]), int(span["e"])))
    tree = page(client, doc_path(document))
    marked = "".join(
        text_without(e, "claim-ref")
        for e in tree.find("div", cls="text").find_all("span", cls="boilerplate")
        if not any("boilerplate" in up.classes for up in e.ancestors())
    )
    assert marked == "".join(text[i] for i in sorted(covered))


def test_citations_are_listed(client, store):
    document = one(
        store,
        """SELECT ?d (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?d sup:cites ?c } }
          GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1""",
        "d",
    )
    citations = values(
        store, f"SELECT ?c WHERE {{ GRAPH ?g {{ <{document}> sup:cites ?c }} }}", "c"
    )
    tree = page(client, doc_path(document))
    items = tree.find("ol", cls="citations").find_all("li")
    assert {a.get("href") for li in items for a in li.find_all("a")} == {path(c) for c in citations}
    # The citation markers in the text point at the list.
    targets = {a.get("href") for a in tree.find("div", cls="text").find_all("a", cls="citation")}
    assert targets and targets <= {f"#{li.get('id')}" for li in items}


def test_english_document_is_left_to_right(client, store):
    document = one(
        store,
        """SELECT ?d WHERE { GRAPH ?g { ?d a sup:Document ;
          dcterms:language "en"^^<http://www.w3.org/2001/XMLSchema#language> } } ORDER BY ?d LIMIT 1""",
        "d",
    )
    tree = page(client, doc_path(document) + ".html")
    assert tree.find("div", cls="text").get("dir") == "ltr"


def test_document_page_offers_its_data(client, arabic_document):
    tree = page(client, doc_path(arabic_document))
    assert_rdf_links(tree, arabic_document)
    assert_queries_run(client, tree)


def test_rdf_representations_are_unchanged(client, arabic_document):
    response = client.get(doc_path(arabic_document), headers={"Accept": "text/turtle"})
    assert response.mimetype == "text/turtle"
    assert arabic_document.encode() in response.get_data()


def test_generic_statements_page_stays_reachable(client, arabic_document):
    tree = page(client, doc_path(arabic_document) + ".html?view=statements")
    assert tree.find_all("table", cls="statements")


def test_documents_say_source_date_and_author_or_that_they_are_not_recorded(client, store):
    """Where the graph has a document's address, publication date or author the page shows
    it; where it has none, the page says it is not recorded (never a bare "not stated")."""
    documents = values(store, "SELECT ?d WHERE { GRAPH ?g { ?d a sup:Document } }", "d")
    with_source = values(
        store, "SELECT ?d WHERE { GRAPH ?g { ?d a sup:Document ; dcterms:source ?s } }", "d"
    )
    for document in documents:
        tree = page(client, doc_path(document))
        for field in ("publisher", "author", "issued", "source"):
            cell = tree.find("dd", cls=field)
            assert cell is not None and cell.text.strip(), (document, field)
        source = tree.find("dd", cls="source")
        assert bool(source.find_all("a")) == (document in with_source)
        assert "not stated in the text" not in tree.find("dl", cls="summary").text
