"""RemoteStore through the Store interface, against the embedded store over the same release,
on an oxigraph server whose default graph is NOT the union of its graphs (as Fuseki's is not
by default): the store then names every graph as the protocol dataset of each query."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from publisher.errors import PublisherError
from publisher.store.embedded import EmbeddedStore
from publisher.store.opening import open_store
from publisher.store.remote import RemoteStore
from publisher.store.tsvquads import nquads_of
from tests.markers import starts
from tests.remote.servers import OxigraphServer
from tests.web.fixture_release import BASE, make_home

RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")

QUERIES = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    f"SELECT ?x ?label WHERE {{ ?x a <{BASE}def/Claim> ; ?p ?label }}",
    f"SELECT (COUNT(*) AS ?n) FROM <{BASE}graph/release> WHERE {{ ?s ?p ?o }}",
    f"ASK {{ <{BASE}id/actor/iran> ?p ?o }}",
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(isBlank(?s)) }",
    f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{BASE}graph/shapes> {{ ?s ?p ?o }} }}",
]


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return make_home(tmp_path_factory.mktemp("remote-store") / "home") / "release"


@pytest.fixture(scope="module")
@starts("remote")
def stores(release: Path, tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph"), union=False) as server:
        server.load(release)
        yield EmbeddedStore(release / "dataset.nq"), RemoteStore(server.query_url)


def answer(result):
    """A store-independent view of a result: rows or triples as a multiset, blank nodes
    canonicalised (triples) or blanked (rows)."""
    if result.kind == "boolean":
        return result.boolean
    if result.kind == "graph":
        dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in result.triples)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        return set(dataset)
    return result.variables, Counter(
        tuple("_:" if isinstance(r[v], ox.BlankNode) else str(r[v]) for v in result.variables)
        for r in result.rows
    )


@pytest.mark.parametrize("query", QUERIES)
def test_same_answers_without_a_union_default_graph(stores, query):
    embedded, remote = stores
    expected = answer(embedded.query(query))
    assert expected not in ((), False, set())
    assert answer(remote.query(query)) == expected


def test_the_store_names_every_graph_when_it_has_no_union(stores):
    _, remote = stores
    remote.query("ASK {}")
    assert remote._graphs is not None and BASE + "graph/ontology" in remote._graphs


def test_protocol_dataset_and_base_pass_through(stores):
    for store in stores:
        rows = store.query(
            "SELECT ?p WHERE { <id/actor/iran> ?p ?o }",
            default_graph_uris=[BASE + "graph/reference"],
            named_graph_uris=[],
            base_iri=BASE + "sparql",
        ).rows
        assert rows
    only = [BASE + "graph/release"]
    names = [
        answer(s.query("SELECT ?g WHERE { GRAPH ?g {} }", named_graph_uris=only)) for s in stores
    ]
    assert names[0] == names[1] == (("g",), Counter({(f"<{only[0]}>",): 1}))


def test_row_cap_cuts_the_remote_answer(stores):
    _, remote = stores
    result = remote.query("SELECT * WHERE { ?s ?p ?o }", row_cap=5)
    assert len(result.rows) == 5 and result.truncated


@pytest.mark.parametrize("value", ["oxigraph", "ftp://127.0.0.1/query", "http://"])
def test_a_bad_store_setting_is_a_clear_error(value, tmp_path):
    with pytest.raises(PublisherError, match="STORE="):
        open_store({"STORE": value}, tmp_path / "dataset.nq")


def test_serve_refuses_a_bad_store_option(capsys):
    from publisher.cli import build_parser

    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["serve", "--store", "fuseki"])
    assert stopped.value.code == 2
    assert "neither 'embedded' nor the http(s) URL" in capsys.readouterr().err
    args = build_parser().parse_args(["serve", "--store", "http://127.0.0.1:7878/query"])
    assert args.store == "http://127.0.0.1:7878/query"


def test_quads_of_descriptions_are_read_from_the_stores_tsv_as_n_quads(stores, monkeypatch):
    """The server's own quad queries (describe/queries.py) come back from an Oxigraph server as
    N-Quads made of its TSV (store/tsvquads.py), the same quads as the embedded store's."""
    from publisher.describe import queries as q
    from publisher.store import remote

    embedded, store = stores
    read: list[int] = []

    def spy(tsv: bytes):
        found = nquads_of(tsv)
        read.append(-1 if found is None else len(found))
        return found

    monkeypatch.setattr(remote, "nquads_of", spy)
    iris = [row["x"].value for row in embedded.query(QUERIES[2]).rows]
    actor = f"<{BASE}id/actor/iran>"
    asked = [
        q.subjects_triples(iris),
        q.labels([*iris, f"{BASE}id/actor/iran"], [RDFS_LABEL.value]),
        q.backlink_content(actor, iris),
        q.blank_nodes(f"<{BASE}def/AmountShape>"),
    ]

    def blanked(quads: list[ox.Quad]) -> Counter:
        # Each store labels blank nodes its own way: compared with the labels taken out.
        return Counter(
            tuple("_:" if isinstance(t, ox.BlankNode) else str(t) for t in quad) for quad in quads
        )

    for text in asked:
        assert blanked(store.quads(text)) == blanked(embedded.quads(text))
    assert len(read) == len(asked) and all(count >= 0 for count in read)  # none left to rows
    assert sum(read) > 0


def test_quads_fall_back_to_the_rows_when_the_tsv_is_not_n_quads(stores, monkeypatch):
    from publisher.describe import queries as q
    from publisher.store import remote

    embedded, store = stores
    monkeypatch.setattr(remote, "nquads_of", lambda tsv: None)  # as for a triple term
    iris = [row["x"].value for row in embedded.query(QUERIES[2]).rows]
    text = q.subjects_triples(iris)
    ours = store.quads(text)
    assert ours and sorted(map(str, ours)) == sorted(map(str, embedded.quads(text)))
