"""The W3C SPARQL 1.1 Protocol and Service Description tests, run against the app in process."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.namespace import RDF, Namespace

from publisher.release.writer import write_release
from publisher.web import create_app

HERE = Path(__file__).parent
PROTOCOL = HERE / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
BASE = "http://www.example/"
DATA = "http://kasei.us/2009/09/sparql/data/"
RESULT_FORMATS = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "text/csv": pyoxigraph.QueryResultsFormat.CSV,
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}


def _manifest() -> rdflib.Graph:
    return rdflib.Graph().parse(
        PROTOCOL / "manifest.ttl",
        format="turtle",
        publicID="http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest",
    )


MANIFEST = _manifest()
TESTS = {str(t).rsplit("#", 1)[-1]: t for t in MANIFEST.subjects(RDF.type, MF.ProtocolTest)}


def conformance_release(folder: Path) -> Path:
    """A release in `folder` holding data0-3 as named graphs (data0 has no file: see README),
    whole (a server refuses one that lacks any file a build writes), as a build writes it:
    folder -> release.d/conformance, with the gzip copies and SHA256SUMS."""
    quads = []
    for n in range(4):
        source = PROTOCOL / f"data{n}.nt"
        # data0.rdf has no file in the suite: the same one-triple shape as data1-3 (README).
        shape = f"<{DATA}data{n}.rdf> <{RDF.type}> <http://xmlns.com/foaf/0.1/Document> .\n"
        text = source.read_bytes() if source.exists() else shape.encode()
        graph = pyoxigraph.NamedNode(f"{DATA}data{n}.rdf")
        quads += [
            pyoxigraph.Quad(t.subject, t.predicate, t.object, graph)
            for t in pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_TRIPLES)
        ]
    fmt = pyoxigraph.RdfFormat
    files = {
        "dataset.nq": pyoxigraph.serialize(quads, format=fmt.N_QUADS),
        "dataset.trig": pyoxigraph.serialize(quads, format=fmt.TRIG),
        "dataset.ttl": pyoxigraph.serialize([q.triple for q in quads], format=fmt.TURTLE),
        "dataset.jsonld": pyoxigraph.serialize(quads, format=fmt.JSON_LD),
        "dataset-rdf12.trig": pyoxigraph.serialize(quads, format=fmt.TRIG),
        "release.json": json.dumps(
            {"release": BASE + "id/release/conformance", "base": BASE}
        ).encode(),
        "void.ttl": b"",
        "validation.ttl": b"",
    }
    write_release(folder, "conformance", files)
    return folder


def conformance_client(folder: Path, store: str | None = None):
    """A test client of the app over the release in `folder`, on `store` (None: embedded)."""
    config = {
        "TESTING": True,
        "HOME": str(folder.parent),
        "RELEASE_DIR": str(folder),
        "BASE_IRI": BASE,
    }
    if store is not None:
        config["STORE"] = store
    return create_app(config).test_client()


@pytest.fixture(
    scope="module", params=["embedded", pytest.param("remote", marks=pytest.mark.remote)]
)
def client(request, tmp_path_factory):
    """The app over the conformance release, on the embedded store and on an oxigraph server
    filled by `publisher load`."""
    folder = conformance_release(tmp_path_factory.mktemp("conformance") / "release")
    if request.param == "embedded":
        return conformance_client(folder)
    from tests.remote.servers import OxigraphServer

    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph")).start()
    request.addfinalizer(server.stop)
    server.load(folder)
    return conformance_client(folder, server.query_url)


def _requests(test) -> list:
    action = MANIFEST.value(test, MF.action)
    return list(rdflib.collection.Collection(MANIFEST, MANIFEST.value(action, HT.requests)))


def _send(client, request):
    path = str(MANIFEST.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {}
    header_list = MANIFEST.value(request, HT.headers)
    for header in rdflib.collection.Collection(MANIFEST, header_list) if header_list else []:
        headers[str(MANIFEST.value(header, HT.fieldName))] = str(
            MANIFEST.value(header, HT.fieldValue)
        )
    body = MANIFEST.value(request, HT.body)
    data = None
    if body is not None:
        encoding = str(MANIFEST.value(body, CNT.characterEncoding) or "UTF-8")
        data = str(MANIFEST.value(body, CNT.chars)).encode(encoding)
    content_type = headers.pop("content-type", None)
    method = str(MANIFEST.value(request, HT.methodName))
    return client.open(
        path,
        method=method,
        data=data,
        headers=headers,
        content_type=content_type,
        base_url=BASE.rstrip("/"),
    )


def _is_update(request) -> bool:
    """An update request: by its media type, its form field or its URL parameters."""
    path = str(MANIFEST.value(request, HT.absolutePath))
    body = MANIFEST.value(request, HT.body)
    chars = str(MANIFEST.value(body, CNT.chars)) if body is not None else ""
    header_list = MANIFEST.value(request, HT.headers)
    values = (
        [
            str(MANIFEST.value(h, HT.fieldValue))
            for h in rdflib.collection.Collection(MANIFEST, header_list)
        ]
        if header_list
        else []
    )
    return (
        any("sparql-update" in v for v in values)
        or chars.startswith("update=")
        or "update=" in path
        or "using-" in path
    )


def _check(response, expected) -> None:
    statuses = set(MANIFEST.objects(expected, MF.expectedStatus))
    status_class = {HTS.StatusCode2xx: 2, HTS.StatusCode3xx: 3, HTS.StatusCode4xx: 4}
    allowed = {status_class[s] for s in statuses}
    assert response.status_code // 100 in allowed, response.get_data(as_text=True)
    assert response.status_code != 500
    kind = MANIFEST.value(expected, MF.expectedFormat)
    if kind is None:
        return
    media_type = response.mimetype
    if str(kind) == "RDF":
        graph = rdflib.Graph().parse(data=response.get_data(), format=media_type)
        assert graph is not None
        return
    assert media_type in RESULT_FORMATS, media_type
    if str(kind) == "boolean":
        assert media_type in ("application/sparql-results+json", "application/sparql-results+xml")
    parsed = pyoxigraph.parse_query_results(response.get_data(), format=RESULT_FORMATS[media_type])
    boolean = MANIFEST.value(expected, MF.expectedBoolean)
    if str(kind) == "boolean":
        assert isinstance(parsed, pyoxigraph.QueryBoolean)
        if boolean is not None:
            assert bool(parsed) is boolean.toPython()
    else:
        assert isinstance(parsed, pyoxigraph.QuerySolutions)


@pytest.mark.parametrize("name", sorted(TESTS))
def test_protocol(client, name):
    """Each manifest test: its requests in order, checked against the expected responses."""
    requests = _requests(TESTS[name])
    for request in requests:
        response = _send(client, request)
        expected = MANIFEST.value(request, HT.resp)
        wants_success = (expected, MF.expectedStatus, HTS.StatusCode2xx) in MANIFEST
        if _is_update(request) and wants_success:
            # A read-only service: the update is refused cleanly, and what follows depends on it.
            assert response.status_code == 403
            assert "read-only" in response.get_data(as_text=True)
            return
        _check(response, expected)


def test_all_protocol_tests_present():
    assert len(TESTS) == 34


def _service_description(client) -> rdflib.Graph:
    response = client.get("/sparql", base_url=BASE.rstrip("/"))
    assert response.status_code == 200
    return rdflib.Graph().parse(data=response.get_data(), format=response.mimetype)


def test_sd_returns_rdf(client):
    """returns-rdf: GET on the endpoint without a query returns RDF."""
    assert len(_service_description(client)) > 0


def test_sd_has_endpoint_triple(client):
    """has-endpoint-triple: an sd:Service whose sd:endpoint is the endpoint's own URL."""
    graph = _service_description(client)
    services = set(graph.subjects(SD.endpoint, rdflib.URIRef(BASE + "sparql")))
    assert services and all((s, RDF.type, SD.Service) in graph for s in services)


def test_sd_conforms_to_schema(client):
    """conforms-to-schema: every sd:NamedGraph has an sd:name, datasets and graphs are typed."""
    graph = _service_description(client)
    named = list(graph.subjects(RDF.type, SD.NamedGraph))
    assert len(named) == 4
    assert all(graph.value(n, SD.name) is not None for n in named)
    for service in graph.subjects(RDF.type, SD.Service):
        dataset = graph.value(service, SD.defaultDataset)
        assert (dataset, RDF.type, SD.Dataset) in graph
        assert graph.value(dataset, SD.defaultGraph) is not None
    assert {str(graph.value(n, SD.name)) for n in named} == {f"{DATA}data{n}.rdf" for n in range(4)}
