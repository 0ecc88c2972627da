"""Downloads, VoID and the home page."""

from __future__ import annotations

import gzip
import hashlib
import json

import pytest
import rdflib
from rdflib import RDF, URIRef

from tests.web.web_helpers import BASE, VOID, triples

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
MEDIA_TYPES = {
    "dataset.nq": "application/n-quads",
    "dataset.trig": "application/trig",
    "dataset.ttl": "text/turtle",
    "dataset.jsonld": "application/ld+json",
    "dataset.nq.gz": "application/gzip",
}


def test_listing_html_has_every_file_with_size_and_sha256(client, release_dir):
    body = client.get("/download/", headers={"Accept": "text/html"}).get_data(as_text=True)
    for line in (release_dir / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert name in body and digest in body
        assert str((release_dir / name).stat().st_size) in body


def test_listing_json(client, release_dir):
    listing = json.loads(
        client.get("/download/", headers={"Accept": "application/json"}).get_data()
    )
    files = {f["name"]: f for f in listing["files"]}
    assert (
        files["dataset.nq"]["sha256"]
        == hashlib.sha256((release_dir / "dataset.nq").read_bytes()).hexdigest()
    )
    assert files["dataset.nq"]["size"] == (release_dir / "dataset.nq").stat().st_size


def test_listing_turtle(client):
    graph = triples(client.get("/download/", headers={"Accept": "text/turtle"}))
    dump = URIRef(BASE + "download/dataset.nq")
    assert (dump, RDF.type, DCAT.Distribution) in graph
    assert graph.value(dump, DCAT.byteSize).toPython() > 0


@pytest.mark.parametrize("name, media_type", MEDIA_TYPES.items())
def test_files_have_their_media_type_and_sha256_etag(client, release_dir, name, media_type):
    with client.get(f"/download/{name}", headers={"Accept-Encoding": "gzip"}) as response:
        assert response.status_code == 200
        assert response.mimetype == media_type
        assert "Content-Encoding" not in response.headers
        content = (release_dir / name).read_bytes()
        assert response.get_data() == content
        assert response.headers["ETag"] == f'"{hashlib.sha256(content).hexdigest()}"'


def test_gzip_file_is_the_gzip_file(client, release_dir):
    with client.get("/download/dataset.nq.gz") as response:
        assert gzip.decompress(response.get_data()) == (release_dir / "dataset.nq").read_bytes()


def test_range_and_conditional(client, release_dir):
    with client.get("/download/dataset.nq", headers={"Range": "bytes=0-9"}) as partial:
        assert partial.status_code == 206
        assert partial.get_data() == (release_dir / "dataset.nq").read_bytes()[:10]
    with client.get("/download/dataset.nq") as whole:
        etag = whole.headers["ETag"]
    with client.get("/download/dataset.nq", headers={"If-None-Match": etag}) as cached:
        assert cached.status_code == 304


def test_unknown_file_is_404(client):
    assert client.get("/download/../release.json").status_code == 404
    assert client.get("/download/nope.txt").status_code == 404


@pytest.mark.parametrize(
    "accept", ["text/turtle", "application/ld+json", "application/n-triples", None]
)
def test_void(client, release_dir, accept):
    response = client.get("/.well-known/void", headers={"Accept": accept} if accept else {})
    graph = triples(response)
    dataset = URIRef(BASE + "id/dataset")
    assert (dataset, RDF.type, VOID.Dataset) in graph
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef(BASE + "sparql")
    assert str(graph.value(dataset, VOID.uriSpace)) == BASE
    assert graph.value(dataset, VOID.triples).toPython() > 0
    assert graph.value(dataset, URIRef("http://purl.org/dc/terms/license")) is not None
    dumps = set(graph.objects(dataset, VOID.dataDump))
    assert URIRef(BASE + "download/dataset.nq") in dumps
    for dump in dumps:
        assert dump.startswith(BASE + "download/")


def test_void_dumps_and_endpoint_resolve(client):
    graph = triples(client.get("/.well-known/void", headers={"Accept": "text/turtle"}))
    for dump in graph.objects(None, VOID.dataDump):
        with client.head("/" + dump[len(BASE) :]) as response:
            assert response.status_code == 200
    assert client.get("/sparql").status_code == 200


def test_home_page_summary_and_links(client, app, release_dir):
    body = client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    served = app.extensions["publisher"]
    manifest = json.loads((release_dir / "release.json").read_text())
    assert f'<dd class="triples">{manifest["triples"]}</dd>' in body
    assert f'<dd class="graphs">{len(served.graphs)}</dd>' in body
    for key in ("documents", "actors", "claims"):
        assert f">{served.counts[key]}</a></dd>" in body
        assert served.counts[key] > 0
    for link in (
        'href="/sparql"',
        'href="/download/"',
        'href="/.well-known/void"',
        'href="/def/ontology"',
    ):
        assert link in body
