"""The SPARQL endpoint: protocol, dataset, result formats, service description, refusals."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote, urlencode

import pyoxigraph
import pytest
import rdflib
from markupsafe import escape
from rdflib import RDF, URIRef

from publisher.store.writers import serialize
from tests.web.web_helpers import BASE, SD, SUP, document_graph, results, triples

COUNT_CLAIMS = f"SELECT (COUNT(?c) AS ?n) WHERE {{ ?c a <{SUP.Claim}> }}"
CLAIM_GRAPHS = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?c a <{SUP.Claim}> }} }}"


def get(client, query: str, accept: str | None = None, **params):
    headers = {"Accept": accept} if accept else {}
    return client.get(
        "/sparql?" + urlencode({"query": query, **params}, doseq=True), headers=headers
    )


def test_get_post_form_and_post_direct_agree(client, store):
    expected = store.query(COUNT_CLAIMS).rows[0]["n"]
    answers = [
        get(client, COUNT_CLAIMS),
        client.post("/sparql", data={"query": COUNT_CLAIMS}),
        client.post("/sparql", data=COUNT_CLAIMS.encode(), content_type="application/sparql-query"),
    ]
    for response in answers:
        assert response.status_code == 200
        assert response.mimetype == "application/sparql-results+json"
        assert next(iter(results(response)))["n"] == expected


@pytest.mark.parametrize("accept", [None, "*/*", "application/sparql-results+json"])
def test_json_when_no_preference(client, accept):
    assert get(client, COUNT_CLAIMS, accept).mimetype == "application/sparql-results+json"


@pytest.mark.parametrize(
    "accept",
    [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/tab-separated-values",
    ],
)
def test_select_formats(client, store, accept):
    response = get(client, CLAIM_GRAPHS, accept)
    assert response.mimetype == accept
    got = {row["g"].value for row in results(response)}
    assert got == {row["g"].value for row in store.query(CLAIM_GRAPHS).rows}


def test_select_csv(client, store):
    response = get(client, CLAIM_GRAPHS, "text/csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert {r["g"] for r in rows} == {row["g"].value for row in store.query(CLAIM_GRAPHS).rows}


@pytest.mark.parametrize(
    "accept", ["application/sparql-results+json", "application/sparql-results+xml"]
)
def test_ask(client, accept):
    response = get(client, f"ASK {{ ?c a <{SUP.Claim}> }}", accept)
    assert bool(results(response)) is True


@pytest.mark.parametrize(
    "accept, fmt",
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("application/trig", "trig"),
        ("application/n-quads", "nquads"),
        (None, "turtle"),
    ],
)
def test_construct_in_every_rdf_format(client, accept, fmt):
    query = f"CONSTRUCT {{ ?c a <{SUP.Claim}> }} WHERE {{ ?c a <{SUP.Claim}> }}"
    response = get(client, query, accept)
    assert response.status_code == 200
    graph = triples(response)
    assert len(graph) > 0 and all(o == SUP.Claim for o in graph.objects(None, RDF.type))


# What SPARQL clients put in format= and output= (SPARQLWrapper sends its own name, then the
# media type), with the Accept header they send beside it.
CLIENT_FORMAT_NAMES = [
    (["json-ld", "application/ld+json"], "application/ld+json", "application/ld+json"),
    (["rdf+xml", "application/rdf+xml"], "application/rdf+xml", "application/rdf+xml"),
    (["xml"], "application/rdf+xml", "application/rdf+xml"),  # RDF/XML, for a graph
    (["turtle"], "application/n-triples", "application/n-triples"),  # N-Triples is Turtle
    (["turtle"], "text/turtle", "*/*"),
    (["n-triples"], "application/n-triples", None),
    (["application/n-quads"], "application/n-quads", None),
]


@pytest.mark.parametrize(("names", "expected", "accept"), CLIENT_FORMAT_NAMES)
def test_construct_in_the_format_a_client_names(client, names, expected, accept):
    query = f"CONSTRUCT {{ ?c a <{SUP.Claim}> }} WHERE {{ ?c a <{SUP.Claim}> }}"
    response = get(client, query, accept, format=names, output=names[0])
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == expected
    graph = triples(response)
    assert len(graph) > 0 and all(o == SUP.Claim for o in graph.objects(None, RDF.type))


def test_a_select_in_the_format_a_client_names(client, store):
    expected = {row["g"].value for row in store.query(CLAIM_GRAPHS).rows}
    for names, mimetype in [
        (["xml"], "application/sparql-results+xml"),  # SPARQL XML, for solutions
        (["tsv", "text/tab-separated-values"], "text/tab-separated-values"),
        (["application/sparql-results+json"], "application/sparql-results+json"),
    ]:
        response = get(client, CLAIM_GRAPHS, "*/*", output=names)
        assert response.mimetype == mimetype
        assert {row["g"].value for row in results(response)} == expected


def test_a_format_name_nobody_knows_is_refused_before_the_query_runs(client):
    response = get(client, CLAIM_GRAPHS, format="yaml")
    assert response.status_code == 400
    assert "format='yaml' is not a format of this endpoint" in response.get_data(as_text=True)
    graph = get(
        client, f"CONSTRUCT {{ ?c a <{SUP.Claim}> }} WHERE {{ ?c a <{SUP.Claim}> }}", format="csv"
    )
    assert graph.status_code == 400
    assert "cannot be written as CSV" in graph.get_data(as_text=True)


def test_describe(client, store):
    from tests.web.web_helpers import actor_with_arabic_label

    actor = actor_with_arabic_label(store)
    graph = triples(get(client, f"DESCRIBE <{actor}>", "text/turtle"))
    assert (URIRef(actor), RDF.type, None) in graph


def test_default_graph_is_the_union_and_graph_reaches_documents(client, store):
    graph_iri = document_graph(store)
    assert bool(results(get(client, f"ASK {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")))
    union = get(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    distinct = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    )
    assert next(iter(results(union)))["n"] == distinct.rows[0]["n"]


def test_protocol_dataset_is_honoured(client, store):
    graph_iri = document_graph(store)
    only = get(
        client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": graph_iri}
    )
    expected = store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
    ).rows[0]["n"]
    assert next(iter(results(only)))["n"] == expected
    named = get(
        client,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        **{"named-graph-uri": graph_iri},
    )
    assert {row["g"].value for row in results(named)} == {graph_iri}


def test_unknown_dataset_graph_is_a_400_naming_it(client):
    missing = "http://example.org/not-here"
    response = get(client, "ASK {}", **{"default-graph-uri": missing})
    assert response.status_code == 400
    assert missing in response.get_data(as_text=True)
    response = client.post(
        "/sparql?named-graph-uri=" + quote(missing, safe=""),
        data=b"ASK {}",
        content_type="application/sparql-query",
    )
    assert response.status_code == 400


def test_service_description(client, app):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = triples(response)
    services = list(graph.subjects(SD.endpoint, URIRef(BASE + "sparql")))
    assert len(services) == 1
    service = services[0]
    assert (service, RDF.type, SD.Service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    formats = set(graph.objects(service, SD.resultFormat))
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    assert URIRef("http://www.w3.org/ns/formats/Turtle") in formats
    dataset = graph.value(service, SD.defaultDataset)
    assert graph.value(dataset, SD.defaultGraph) is not None
    names = {str(graph.value(n, SD.name)) for n in graph.objects(dataset, SD.namedGraph)}
    assert names == set(app.extensions["publisher"].graphs)


def test_service_description_default_is_turtle_and_browsers_get_the_query_page(client):
    assert client.get("/sparql").mimetype == "text/turtle"
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.mimetype == "text/html"
    body = page.get_data(as_text=True)
    # The form sends the query by GET: every query has an address.
    assert '<form class="query-form" method="get" action="/sparql"' in body
    # the competency questions of queries/ are offered as ready examples
    assert "Whom does Iran support" in body and "Who met whom, where and when" in body


def test_query_page_examples_come_from_the_queries_folder(client, home):
    body = client.get("/query").get_data(as_text=True)
    titles = [
        line.split(":", 1)[1].strip()
        for p in sorted((home / "queries").glob("*.rq"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.startswith("# title:")
    ]
    assert all(escape(t) in body for t in titles)
    if not titles:
        assert "No example queries" in body


def test_examples_are_read_with_their_titles(tmp_path):
    from publisher.web.examples import read_examples

    assert read_examples(tmp_path / "missing", BASE) == []
    (tmp_path / "b.rq").write_text("# title: Second\n# title@ar: الثاني\n# a note\nASK {}\n")
    (tmp_path / "a-first.rq").write_text("SELECT * WHERE { ?s ?p ?o }\n")
    first, second = read_examples(tmp_path, BASE)
    assert (first.title, second.title, second.titles, second.notes) == (
        "a first",
        "Second",
        {"ar": "الثاني"},
        ["a note"],
    )
    assert second.query.endswith("ASK {}\n")


def test_html_results_table_links_resources(client, store):
    from tests.web.web_helpers import actor_with_arabic_label

    actor = actor_with_arabic_label(store)
    response = get(client, f"SELECT ?x WHERE {{ BIND(<{actor}> AS ?x) }}", "text/html")
    assert response.mimetype == "text/html"
    body = response.get_data(as_text=True)
    assert "<table" in body and f'href="/{actor[len(BASE) :]}"' in body


@pytest.mark.parametrize(
    "make",
    [
        lambda c: c.post("/sparql", data={"update": "CLEAR ALL"}),
        lambda c: c.post("/sparql", data=b"CLEAR ALL", content_type="application/sparql-update"),
        lambda c: get(c, "INSERT DATA { <http://a> <http://b> <http://c> }"),
        lambda c: c.get("/sparql?update=CLEAR%20ALL"),
        lambda c: get(c, "PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ex:p ?o }"),
    ],
)
def test_updates_are_refused(client, make):
    response = make(client)
    assert response.status_code == 403
    assert "read-only" in response.get_data(as_text=True)


def test_malformed_query_is_a_400_with_position(client):
    response = get(client, "SELECT * WHERE { ?s ?p }")
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    assert "1:" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "make, status",
    [
        (lambda c: c.post("/sparql", data=b"ASK {}", content_type="text/plain"), 415),
        (lambda c: c.post("/sparql", data=b"ASK {}"), 415),
        (lambda c: c.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D"), 400),
        (lambda c: c.post("/sparql?query=ASK%20%7B%7D", data={"query": "ASK {}"}), 400),
        (
            lambda c: c.post(
                "/sparql", data="ASK {}".encode("utf-16"), content_type="application/sparql-query"
            ),
            400,
        ),
        (
            lambda c: c.post(
                "/sparql",
                data=b"query=ASK%20%7B%FF%7D",
                content_type="application/x-www-form-urlencoded",
            ),
            400,
        ),
        (lambda c: c.get("/sparql?query=ASK%20%7B%FF%7D"), 400),
        (
            lambda c: c.post(
                "/sparql",
                data="ASK {}".encode("utf-16"),
                content_type="application/sparql-query; charset=UTF-16",
            ),
            415,
        ),
        (lambda c: c.put("/sparql?query=ASK%20%7B%7D"), 405),
        (
            lambda c: get(c, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"),
            400,
        ),
    ],
)
def test_bad_requests_get_clear_4xx(client, make, status):
    response = make(client)
    assert response.status_code == status
    body = response.get_data(as_text=True)
    assert body.strip() and "Traceback" not in body


def test_too_long_query_is_refused(home, release_dir, store_config):
    from publisher.web import create_app
    from tests.web.fixture_release import app_config

    app = create_app(app_config(home, release_dir, MAX_QUERY_LENGTH=20, **store_config))
    response = get(app.test_client(), "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert response.status_code == 400 and "limit is 20" in response.get_data(as_text=True)


def test_row_cap_cuts_and_flags(home, release_dir, store_config):
    from publisher.web import create_app
    from tests.web.fixture_release import app_config

    app = create_app(app_config(home, release_dir, ROW_CAP=3, **store_config))
    response = get(app.test_client(), "SELECT * WHERE { ?s ?p ?o }")
    assert len(list(results(response))) == 3
    assert "SPARQL-Results-Truncated" in response.headers


def test_service_words_inside_strings_and_iris_are_not_service():
    from publisher.store import guard

    assert guard.uses_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
    assert guard.uses_service("select * { service silent <http://x/> { } }")
    assert not guard.uses_service(
        'SELECT ?service { ?service <http://x/SERVICE> "SERVICE" } # SERVICE'
    )
    assert not guard.uses_service("PREFIX service: <http://x/> SELECT * { ?s service:p ?o }")
    assert guard.is_update(
        "PREFIX ex: <http://x/>\nBASE <http://y/>\nINSERT DATA { ex:a ex:b ex:c }"
    )
    assert guard.is_update("# comment\n  clear all")
    assert not guard.is_update("SELECT * { ?s ?p 'INSERT' }")


def test_query_result_round_trips_through_every_results_format(store):
    from publisher.rdf import formats

    result = store.query(
        f"SELECT ?c ?l WHERE {{ ?c a <{SUP.Claim}> OPTIONAL {{ ?c <{SUP.hedged}> ?l }} }}"
    )
    for fmt in (formats.RESULTS_JSON, formats.RESULTS_XML, formats.RESULTS_TSV):
        parsed = list(pyoxigraph.parse_query_results(serialize(result, fmt), format=fmt.writer))
        assert [r["c"] for r in parsed] == [r["c"] for r in result.rows]
    assert rdflib is not None


def test_html_results_never_link_unsafe_schemes(client):
    query = 'SELECT ?x WHERE { BIND(IRI("javascript:alert(1)") AS ?x) }'
    response = get(client, query, "text/html")
    body = response.get_data(as_text=True)
    assert 'href="javascript:' not in body
    # The query page runs its editor's scripts from this server alone: a javascript: URL
    # would need 'unsafe-inline', which the policy never allows.
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe" not in policy


def test_oversized_body_is_413(home, release_dir, store_config):
    from publisher.web import create_app
    from tests.web.fixture_release import app_config

    app = create_app(app_config(home, release_dir, MAX_QUERY_LENGTH=10, **store_config))
    body = b"ASK {}" + b" " * 70_000
    response = app.test_client().post("/sparql", data=body, content_type="application/sparql-query")
    assert response.status_code == 413
