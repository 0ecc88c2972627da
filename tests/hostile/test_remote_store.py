"""Remote-store failures: `publisher serve --store URL` in front of a SPARQL server that
misbehaves on purpose (slow, huge, malformed, redirecting to a private address, pointing at
remote JSON-LD contexts). Each answer is a clean 5xx or a flagged cut, nothing leaks, the server
recovers as soon as the store does, and no canary is ever reached."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote

import pytest

from tests.hostile.conftest import LIMITS, ROW_CAP, TIME_LIMIT, assert_safe, release_state
from tests.liveserver import LiveServer
from tests.markers import starts

# Bounds on how long a server takes: `make test` runs these with no second worker beside them.
pytestmark = pytest.mark.timing

EMPTY = {"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": []}}
ROW = b'{"s":{"type":"uri","value":"http://example.org/s"},"p":{"type":"uri","value":"http://example.org/p"},"o":{"type":"literal","value":"x"}}'


class FakeStore:
    """A SPARQL endpoint on loopback whose behaviour the test chooses (`mode`)."""

    def __init__(self, canary: str, canary2: str) -> None:
        self.mode = "normal"
        self.canary, self.canary2 = canary, canary2
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                fake.answer(self, form.get("query", [""])[0])

            do_GET = do_POST

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # clients that hang up
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, handler: BaseHTTPRequestHandler, query: str) -> None:
        mode = self.mode
        if mode == "slow":
            time.sleep(3 * TIME_LIMIT)
        if mode == "redirect-private":
            return self._send(
                handler, 307, "text/plain", b"", {"Location": self.canary2 + "sparql"}
            )
        if mode == "error":
            return self._send(handler, 500, "text/html", b"<h1>java.lang.NullPointerException</h1>")
        if mode == "busy":
            return self._send(handler, 503, "text/plain", b"busy", {"Retry-After": "1"})
        if mode == "malformed":
            return self._send(
                handler, 200, "application/sparql-results+json", b'{"head": {"vars": ['
            )
        if mode == "wrong-type":
            return self._send(handler, 200, "image/png", b"\x89PNG\r\n")
        if mode == "remote-context":
            body = json.dumps({"@context": self.canary + "context.jsonld", "@id": "x:a", "p": "b"})
            return self._send(handler, 200, "application/ld+json", body.encode())
        if mode == "huge":
            handler.send_response(200)
            handler.send_header("Content-Type", "application/sparql-results+json")
            handler.end_headers()
            try:
                handler.wfile.write(b'{"head":{"vars":["s","p","o"]},"results":{"bindings":[' + ROW)
                for _ in range(200_000):  # some 25 MB of rows
                    handler.wfile.write((b"," + ROW) * 1)
                handler.wfile.write(b"]}}")
            except OSError:
                pass  # the server stopped reading at its row cap: as it should
            return None
        # normal: ASK is true, everything else is empty
        if "ASK" in query.upper():
            body = b'{"head": {}, "boolean": true}'
        else:
            body = json.dumps(EMPTY).encode()
        return self._send(handler, 200, "application/sparql-results+json", body)

    @staticmethod
    def _send(handler, status: int, media: str, body: bytes, headers=None) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", media)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)


@pytest.fixture(scope="module")
def fake_store(canary_listener, canary2_listener):
    fake = FakeStore(canary_listener.url(), canary2_listener.url())
    yield fake
    fake.close()


@pytest.fixture(scope="module")
@starts("live")
def remote_server(hostile_home, fake_store):
    with LiveServer(
        hostile_home, hostile_home / "release", env=LIMITS, store=fake_store.url
    ) as live:
        yield live


SELECT = "/sparql?query=" + quote("SELECT * WHERE { ?s ?p ?o } LIMIT 100000")
CONSTRUCT = "/sparql?query=" + quote("CONSTRUCT WHERE { ?s ?p ?o }")
CASES = [
    ("slow", SELECT, 503, "time limit"),
    ("huge", SELECT, 200, None),
    ("malformed", SELECT, 502, "broken"),
    ("wrong-type", SELECT, 502, "image/png"),
    ("error", SELECT, 502, "failed"),
    ("busy", SELECT, 503, "busy"),
    ("redirect-private", SELECT, 502, "redirect"),
    ("remote-context", CONSTRUCT, 502, "broken"),
]


@pytest.mark.parametrize("mode, path, status, words", CASES, ids=[c[0] for c in CASES])
def test_remote_store_failure(
    remote_server, fake_store, canary, canary2, mode, path, status, words
):
    before = release_state(remote_server.release)
    fake_store.mode = mode
    try:
        answer = remote_server.request("GET", path, {"Accept": "application/sparql-results+json"})
    finally:
        fake_store.mode = "normal"
    assert answer.seconds <= 1.1 * TIME_LIMIT + 0.5
    if words:
        assert words in answer.text
    if status == 503:
        # A busy store may answer later; a query past the time limit would be stopped again.
        assert (answer.header("Retry-After") is not None) == (mode == "busy"), mode
    if mode == "huge":
        assert answer.header("SPARQL-Results-Truncated")
        assert len(json.loads(answer.body)["results"]["bindings"]) == ROW_CAP
    assert "NullPointerException" not in answer.text  # the store's own words stay in the log
    assert_safe(remote_server, answer, status, before)


def test_no_private_address_was_reached(remote_server, fake_store, canary2):
    """On its own, whatever ran before: a redirect to a private address is refused, not
    followed, and nothing reaches that address even after a pause."""
    fake_store.mode = "redirect-private"
    try:
        answer = remote_server.request("GET", SELECT, {"Accept": "application/sparql-results+json"})
    finally:
        fake_store.mode = "normal"
    assert answer.status == 502 and "redirect" in answer.text
    canary2.assert_untouched(settle=0.5)
