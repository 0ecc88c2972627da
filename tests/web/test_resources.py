"""Dereferencing: 303 from things, descriptions by content negotiation and suffix, graphs."""

from __future__ import annotations

import gzip

import pytest
import rdflib
from rdflib import RDF, RDFS, URIRef

from publisher.rdf import formats
from publisher.web import create_app
from tests.web.web_helpers import (
    BASE,
    FOAF,
    HYDRA,
    OA,
    PROV,
    SUP,
    actor_with_arabic_label,
    actor_with_claims,
    arabic_text,
    document_graph,
    parse,
    path,
    triples,
)

RDF_TYPES = [f.media_type for f in formats.RDF_FORMATS]


@pytest.fixture(scope="module")
def actor(store):
    return actor_with_arabic_label(store)


def test_thing_answers_303_to_its_description(client, actor):
    response = client.get(path(actor), headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/doc" + path(actor)


def test_ontology_term_answers_303(client):
    response = client.get("/def/Claim")
    assert response.status_code == 303
    assert response.headers["Location"] == "/doc/def/Claim"


@pytest.mark.parametrize("media_type", RDF_TYPES)
def test_description_in_every_rdf_format(client, actor, media_type):
    response = client.get("/doc" + path(actor), headers={"Accept": media_type})
    assert response.mimetype == media_type
    graph = triples(response)
    subject = URIRef(actor)
    labels = {o.language for o in graph.objects(subject, RDFS.label)}
    assert "ar" in labels
    assert (URIRef(BASE + "doc" + path(actor)), FOAF.primaryTopic, subject) in graph


def test_a_description_is_rendered_once_per_release_and_served_again(app, client, actor):
    from rdflib.compare import isomorphic

    from publisher.web.current import served

    with app.app_context():
        kept = served().rendered
    url = "/doc" + path(actor)
    first = client.get(url, headers={"Accept": "text/turtle"})
    hits = kept.hits
    again = client.get(url, headers={"Accept": "text/turtle"})
    assert kept.hits == hits + 1
    assert again.data == first.data and again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Link"] == first.headers["Link"]
    # Another format, or the same by its suffix (whose paging links carry the suffix), is
    # kept as another entry, with the same triples.
    for other in (
        client.get(url, headers={"Accept": "application/n-triples"}),
        client.get(url + ".ttl"),
    ):
        assert other.status_code == 200 and isomorphic(triples(other), triples(first))


def test_kept_descriptions_keep_the_headers_of_the_request_that_asked(app, client, actor):
    """Content-Location and Link are kept with a rendered description: each way of asking
    (negotiated or by suffix, the page as given) gets its own, the second time as the first."""
    doc = "/doc" + path(actor)
    asked = {
        (doc, "text/turtle"): (f"{doc}.ttl", f"<{doc}.nt>"),
        (doc + ".ttl", "text/turtle"): (None, f"<{doc}.nt>"),
        (doc + ".ttl", "application/n-triples"): (None, f"<{doc}.nt>"),
        (doc + "?page=1", "text/turtle"): (f"{doc}.ttl?page=1", f"<{doc}.nt?page=1>"),
        (doc + "?page=01", "text/turtle"): (f"{doc}.ttl?page=01", f"<{doc}.nt?page=01>"),
        ("/graph/reference", "text/turtle"): ("/graph/reference.ttl", "</graph/reference.nt>"),
        ("/graph/reference.ttl", "text/turtle"): (None, "</graph/reference.nt>"),
    }
    for _ in range(2):  # rendered, then kept
        for (url, accept), (location, alternate) in asked.items():
            response = client.get(url, headers={"Accept": accept})
            assert response.status_code == 200, url
            assert response.headers.get("Content-Location") == location, url
            assert f'{alternate}; rel="alternate"' in response.headers["Link"], url
            assert response.headers["Cache-Control"] == "public, max-age=300", url


def test_descriptions_share_the_labels_kept_for_the_release(app, client, store):
    """A description rendered again (in another format) takes the labels kept when it was
    first rendered instead of asking the store, and says what a description made without
    kept labels says, byte for byte."""
    from publisher import describe
    from publisher.web import jsonld
    from publisher.web.current import served

    with app.app_context():
        kept = served().labels
        page_size = app.config["PAGE_SIZE"]
    assert kept is not None
    thing = describe.describe(store, actor_with_claims(store), base=BASE).claims[0]
    url = "/doc" + path(thing)
    first = client.get(url, headers={"Accept": "application/n-quads"})
    asked = kept.asked
    again = client.get(url, headers={"Accept": "application/n-triples"})  # rendered anew
    assert kept.asked == asked
    fresh = describe.describe(store, thing, base=BASE, page_size=page_size).quads
    assert first.data == jsonld.serialize_quads(fresh, formats.N_QUADS, BASE)
    assert again.data == jsonld.serialize_quads(fresh, formats.N_TRIPLES, BASE)


@pytest.mark.parametrize("fmt", formats.RDF_FORMATS, ids=lambda f: f.suffix)
def test_description_by_suffix(client, actor, fmt):
    response = client.get(f"/doc{path(actor)}.{fmt.suffix}", headers={"Accept": "text/html"})
    assert response.mimetype == fmt.media_type
    assert "Accept" not in [v.strip() for v in response.headers.get("Vary", "").split(",")]
    assert (URIRef(actor), RDF.type, None) in triples(response)


@pytest.mark.parametrize("media_type", ["application/trig", "application/n-quads"])
def test_graph_aware_formats_carry_the_named_graphs(client, store, actor, media_type):
    dataset = parse(client.get("/doc" + path(actor), headers={"Accept": media_type}))
    graphs = {str(g) for _, _, _, g in dataset.quads((URIRef(actor), RDFS.label, None, None))}
    expected = {
        r["g"].value
        for r in store.query(
            f"SELECT ?g WHERE {{ GRAPH ?g {{ <{actor}> <{RDFS.label}> ?l }} }}"
        ).rows
    }
    assert graphs == expected


def test_html_description_marks_arabic(client, actor):
    response = client.get("/doc" + path(actor), headers={"Accept": "text/html"})
    assert response.mimetype == "text/html"
    body = response.get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in body
    assert "Traceback" not in body


def test_html_of_an_arabic_text_is_right_to_left(client, store):
    body = client.get("/doc" + path(arabic_text(store)), headers={"Accept": "text/html"}).get_data(
        as_text=True
    )
    assert 'dir="rtl"' in body


def test_actor_description_has_claims_evidence_and_sources(client, store):
    actor = actor_with_claims(store)
    graph = triples(client.get("/doc" + path(actor), headers={"Accept": "text/turtle"}))
    claims = set(graph.subjects(SUP.subject, URIRef(actor)))
    assert claims
    for claim in claims:
        assert graph.value(claim, SUP.statedIn) is not None
        exact = list(graph.objects(graph.value(claim, PROV.wasDerivedFrom), OA.hasSelector))
        assert any(graph.value(selector, OA.exact) for selector in exact)
        document = graph.value(claim, SUP.statedIn)
        assert graph.value(document, URIRef("http://purl.org/dc/terms/title")) is not None


def test_long_lists_are_paged(home, release_dir, store, store_config):
    app = create_app(
        {
            "TESTING": True,
            "HOME": str(home),
            "RELEASE_DIR": str(release_dir),
            "BASE_IRI": BASE,
            "PAGE_SIZE": 1,
            **store_config,
        }
    )
    client = app.test_client()
    actor = actor_with_claims(store, at_least=2)
    doc = f"{BASE}doc{path(actor)}"
    first = client.get("/doc" + path(actor), headers={"Accept": "text/turtle"})
    graph = triples(first)
    claims = set(graph.subjects(RDF.type, SUP.Claim))
    assert len(claims) == 1
    next_page = graph.value(URIRef(doc), HYDRA.next)
    assert next_page == URIRef(doc + "?page=2")
    assert 'rel="next"' in first.headers["Link"]
    second = triples(client.get(f"/doc{path(actor)}?page=2", headers={"Accept": "text/turtle"}))
    assert (URIRef(doc + "?page=2"), HYDRA.previous, URIRef(doc)) in second
    later = set(second.subjects(RDF.type, SUP.Claim))
    assert len(later) == 1 and later != claims
    assert client.get(f"/doc{path(actor)}?page=999").status_code == 404
    assert client.get(f"/doc{path(actor)}?page=zero").status_code == 400


def test_headers_of_a_negotiated_description(client, actor):
    response = client.get("/doc" + path(actor), headers={"Accept": "application/ld+json"})
    assert "Accept" in response.headers["Vary"]
    assert response.headers["Content-Location"] == f"/doc{path(actor)}.jsonld"
    links = response.headers["Link"]
    for fmt in formats.DESCRIPTION_FORMATS:
        if fmt is not formats.JSON_LD:
            assert (
                f'<{"/doc" + path(actor)}.{fmt.suffix}>; rel="alternate"; type="{fmt.media_type}"'
                in links
            )
    assert response.headers["ETag"].startswith('"') and not response.headers["ETag"].startswith(
        "W/"
    )
    assert response.headers["Last-Modified"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_conditional_requests_answer_304(client, actor):
    first = client.get("/doc" + path(actor), headers={"Accept": "text/turtle"})
    etag = first.headers["ETag"]
    again = client.get(
        "/doc" + path(actor), headers={"Accept": "text/turtle", "If-None-Match": etag}
    )
    assert again.status_code == 304
    since = client.get(
        "/doc" + path(actor),
        headers={"Accept": "text/turtle", "If-Modified-Since": first.headers["Last-Modified"]},
    )
    assert since.status_code == 304
    other = client.get(
        "/doc" + path(actor), headers={"Accept": "application/n-triples", "If-None-Match": etag}
    )
    assert other.status_code == 200 and other.headers["ETag"] != etag


def test_gzip_when_asked(client, actor):
    response = client.get(
        "/doc" + path(actor), headers={"Accept": "text/turtle", "Accept-Encoding": "gzip"}
    )
    assert response.headers["Content-Encoding"] == "gzip"
    graph = rdflib.Graph().parse(data=gzip.decompress(response.get_data()), format="turtle")
    assert (URIRef(actor), RDF.type, None) in graph
    etag = response.headers["ETag"]
    cached = client.get(
        "/doc" + path(actor),
        headers={"Accept": "text/turtle", "Accept-Encoding": "gzip", "If-None-Match": etag},
    )
    assert cached.status_code == 304


def test_head_and_options(client, actor):
    got = client.get("/doc" + path(actor), headers={"Accept": "text/turtle"})
    head = client.head("/doc" + path(actor), headers={"Accept": "text/turtle"})
    assert head.status_code == 200 and head.get_data() == b""
    assert head.headers["Content-Length"] == got.headers["Content-Length"]
    assert head.headers["ETag"] == got.headers["ETag"]
    options = client.options(
        "/doc" + path(actor),
        headers={"Origin": "http://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert options.status_code == 200
    assert "GET" in options.headers["Allow"]
    assert options.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in options.headers["Access-Control-Allow-Methods"]


def test_unsupported_type_gets_406_listing_formats(client, actor):
    response = client.get("/doc" + path(actor), headers={"Accept": "image/png"})
    assert response.status_code == 406
    body = response.get_data(as_text=True)
    for fmt in formats.DESCRIPTION_FORMATS:
        assert fmt.media_type in body


@pytest.mark.parametrize(
    "url",
    [
        "/id/actor/no-such-actor",
        "/doc/id/actor/no-such-actor",
        "/def/NoSuchTerm",
        "/graph/no-such-graph",
        "/nowhere",
        "/doc/elsewhere/x",
        "/id/actor/%3Cbad%3E",
        "/doc/id/actor/x%20y.ttl",
    ],
)
def test_unknown_iris_get_a_useful_404(client, url):
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert 'href="/"' in body and "/sparql" in body
    assert "Traceback" not in body


def test_404_search_hint(client):
    body = client.get("/id/actor/no-such-actor", headers={"Accept": "text/html"}).get_data(
        as_text=True
    )
    assert "Search the labels" in body and "query=" in body


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_named_graph_returns_its_content(client, store):
    graph_iri = document_graph(store)
    response = client.get(path(graph_iri), headers={"Accept": "application/n-quads"})
    assert response.status_code == 200
    dataset = parse(response)
    graphs = {str(g) for _, _, _, g in dataset.quads((None, None, None, None))}
    assert graphs == {graph_iri}
    count = store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
    ).rows[0]["n"]
    assert len(dataset.graph(URIRef(graph_iri))) == int(count.value)
    assert client.get(path(graph_iri) + ".ttl").mimetype == "text/turtle"


@pytest.mark.parametrize("iri", ["def/ontology", "def/Claim", "def/relation-types"])
def test_ontology_terms_and_scheme_dereference(client, iri):
    response = client.get(f"/{iri}")
    assert response.status_code == 303
    graph = triples(client.get(response.headers["Location"], headers={"Accept": "text/turtle"}))
    assert (URIRef(BASE + iri), RDF.type, None) in graph


def test_relation_scheme_lists_its_concepts(client):
    graph = triples(client.get("/doc/def/relation-types", headers={"Accept": "text/turtle"}))
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    assert set(graph.subjects(skos.inScheme, URIRef(BASE + "def/relation-types")))


def test_shapes_dereference_with_their_blank_nodes(client, store):
    from tests.web.web_helpers import find

    shape = find(store, "GRAPH ?g { ?x a sh:NodeShape ; sh:property ?p } FILTER(isIRI(?x))")
    response = client.get(path(shape))
    assert response.status_code == 303
    graph = triples(client.get(response.headers["Location"], headers={"Accept": "text/turtle"}))
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    properties = list(graph.objects(URIRef(shape), sh.property))
    assert properties and all(graph.value(p, sh.path) is not None for p in properties)
    assert client.get("/graph/shapes", headers={"Accept": "text/turtle"}).status_code == 200


def test_a_base_with_a_path_is_served_under_that_path(tmp_path):
    from tests.web.fixture_release import app_config, make_home

    base = "http://127.0.0.1:8080/kg/"
    home = make_home(tmp_path / "home", base)
    client = create_app(app_config(home, home / "release", BASE_IRI=base)).test_client()
    response = client.get("/kg/id/actor/iran")
    assert response.status_code == 303 and response.headers["Location"] == "/kg/doc/id/actor/iran"
    graph = triples(client.get("/kg/doc/id/actor/iran", headers={"Accept": "text/turtle"}))
    assert (URIRef(base + "id/actor/iran"), RDF.type, None) in graph
    assert 'href="/kg/sparql"' in client.get("/kg/").get_data(as_text=True)


@pytest.mark.parametrize(
    "client_name, expected",
    [
        ("RDFLIB_76", "text/turtle"),
        ("COMUNICA", "application/n-quads"),
        ("RAPPER", "application/rdf+xml"),
        ("FIREFOX", "text/html"),
        ("CHROME", "text/html"),
    ],
)
def test_real_clients_get_their_best_format(client, actor, client_name, expected):
    from tests.web import test_formats

    response = client.get(
        "/doc" + path(actor), headers={"Accept": getattr(test_formats, client_name)}
    )
    assert response.mimetype == expected
    if expected != "text/html":
        assert (URIRef(actor), RDF.type, None) in triples(response)


def test_routing_redirects_still_redirect(client):
    response = client.get("/download")
    assert response.status_code == 308 and response.headers["Location"].endswith("/download/")
