"""On an Oxigraph server, /sparql sends the store's own JSON and TSV on as they are, cut at the
caps after whole rows (publisher/store/passthrough.py), and writes the other formats from its
TSV.
Every answer is parsed and compared with the embedded store's."""

from __future__ import annotations

import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pyoxigraph as ox
import pytest

from publisher.rdf import namespaces
from publisher.store import guard
from publisher.store.remote import RemoteStore
from publisher.web import create_app
from tests.remote.servers import OxigraphServer
from tests.web.fixture_release import BASE, app_config

pytestmark = pytest.mark.remote

JSON = "application/sparql-results+json"
TSV = "text/tab-separated-values"
XML = "application/sparql-results+xml"
CSV = "text/csv"
# Literals that look like the start of a JSON row, or like an empty one, and rows with no
# binding at all (`{}` in JSON, a line of tabs in TSV).
TRICKY = (
    'SELECT ?a ?b ?n WHERE { VALUES (?a ?b ?n) { ("x,{\\"b\\":{\\"type\\":" <urn:x:1> 1) '
    '(UNDEF UNDEF UNDEF) ("{}" <urn:x:2> 2) (",{}" UNDEF 3) ("line\\nbreak\\t\\"q\\"" <urn:x:4> 4) '
    '(UNDEF UNDEF UNDEF) ("]}}" <urn:x:5> 5) ("عربي ,{\\"" <urn:x:6> 6) } }'
)


def _rows(response) -> list[tuple]:
    fmt = ox.QueryResultsFormat.from_media_type(response.mimetype)
    answer = ox.parse_query_results(response.get_data(), format=fmt)
    if isinstance(answer, ox.QueryBoolean):
        return [(bool(answer),)]
    return [tuple(row) for row in answer]


def _ask(app, query: str, accept: str, **args):
    response = app.test_client().post(
        "/sparql", data={"query": query, **args}, headers={"Accept": accept}
    )
    body = response.get_data()
    response.close()
    return response, body


@pytest.fixture(scope="module")
def capped(built_home: Path, loaded_oxigraph: OxigraphServer):
    """Both stores, answers cut at 3 rows."""
    embedded = create_app(app_config(built_home, built_home / "release", ROW_CAP=3))
    remote = create_app(
        app_config(built_home, built_home / "release", ROW_CAP=3, STORE=loaded_oxigraph.query_url)
    )
    yield embedded, remote
    embedded.extensions["publisher"].store.close()


def test_json_is_the_stores_own_bytes(remote_app, loaded_oxigraph, built_home):
    query = (built_home / "queries" / "04-conflicts.rq").read_text(encoding="utf-8")
    response, body = _ask(remote_app, query, JSON)
    assert response.status_code == 200 and response.mimetype == JSON
    # What the store answers to the text the publisher sends it (the guard's, with the base).
    text = guard.check(
        query, base_iri=BASE + "sparql", prefixes=namespaces.query_prefixes(BASE)
    ).text
    request = urllib.request.Request(
        loaded_oxigraph.query_url,
        data=urlencode({"query": f"BASE <{BASE}sparql> {text}"}).encode(),
        headers={"Accept": JSON, "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=30) as direct:
        assert body == direct.read()
    assert len(_rows(response)) > 5


@pytest.mark.parametrize("accept", [JSON, TSV, XML])
def test_tricky_rows_are_the_embedded_stores(embedded_app, remote_app, accept):
    one, _ = _ask(embedded_app, TRICKY, accept)
    two, _ = _ask(remote_app, TRICKY, accept)
    assert one.status_code == two.status_code == 200
    assert _rows(two) == _rows(one) and len(_rows(two)) == 8


def test_csv_is_the_embedded_stores(embedded_app, remote_app):
    one, first = _ask(embedded_app, TRICKY, CSV)
    two, second = _ask(remote_app, TRICKY, CSV)
    assert one.status_code == two.status_code == 200
    assert second == first and second.count(b"\r\n") >= 9  # the head and 8 rows


@pytest.mark.parametrize("accept", [JSON, TSV, XML, CSV])
def test_the_row_cap_cuts_after_whole_rows(capped, accept):
    embedded, remote = capped
    one, first = _ask(embedded, TRICKY, accept)
    two, second = _ask(remote, TRICKY, accept)
    assert one.status_code == two.status_code == 200
    assert two.headers["SPARQL-Results-Truncated"] == "rows cut at 3"
    if accept == CSV:
        assert second == first
    else:
        assert _rows(two) == _rows(one) and len(_rows(two)) == 3


def test_the_byte_cap_cuts_json_after_whole_rows(built_home, loaded_oxigraph):
    app = create_app(
        app_config(
            built_home, built_home / "release", ANSWER_BYTES=900, STORE=loaded_oxigraph.query_url
        )
    )
    response, body = _ask(app, TRICKY, JSON)
    assert response.status_code == 200 and len(body) <= 900
    assert response.headers["SPARQL-Results-Truncated"] == "rows cut at 900 bytes"
    rows = _rows(response)
    assert 0 < len(rows) < 8
    whole, _ = _ask(create_app(app_config(built_home, built_home / "release")), TRICKY, JSON)
    assert rows == _rows(whole)[: len(rows)]


@pytest.mark.parametrize("accept", [JSON, TSV, XML, CSV])
@pytest.mark.parametrize(
    "query, expected", [("ASK { ?s ?p ?o }", True), ("ASK { <urn:no> ?p ?o }", False)]
)
def test_asks_are_answered_in_every_format(remote_app, accept, query, expected):
    response, body = _ask(remote_app, query, accept)
    assert response.status_code == 200
    if accept == CSV:
        assert body.strip() == (b"true" if expected else b"false")
    else:
        assert _rows(response) == [(expected,)]


def test_an_oxigraph_server_is_sent_the_query_text_and_asked_for_tsv():
    """Nothing percent-encoded (the text is the POST body), the answer asked in TSV (cheaper to
    parse than JSON), the dataset's graphs in the URL as the protocol says."""
    seen: list[tuple[str, str, str, bytes]] = []

    class Oxigraphish(BaseHTTPRequestHandler):
        server_version, sys_version = "Oxigraph/0.5.13", ""  # its Server header

        def log_message(self, *args) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append((self.path, self.headers["Content-Type"], self.headers["Accept"], body))
            answer = b"?s\n<urn:x:a>\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/tab-separated-values; charset=utf-8")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Oxigraphish)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    try:
        store = RemoteStore(f"http://127.0.0.1:{server.server_address[1]}/query")
        text = 'SELECT ?s WHERE { ?s ?p "é & ?" }'
        result = store.query(text, default_graph_uris=["urn:x:g"], named_graph_uris=[])
        assert [row["s"] for row in result.rows] == [ox.NamedNode("urn:x:a")]
        path, kind, accept, body = seen[-1]
        assert kind == "application/sparql-query" and body == text.encode()
        assert accept.startswith("text/tab-separated-values")
        assert parse_qs(urlsplit(path).query) == {"default-graph-uri": ["urn:x:g"]}
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
