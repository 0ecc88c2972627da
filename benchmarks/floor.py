"""The least a Python front under gunicorn adds to a SPARQL query, measured.

`app` is a WSGI application of a few lines that sends each request's body on to an Oxigraph
server over a connection kept per thread and answers with the store's bytes: no protocol
checks, no limits, no quota, no Flask. Under the publisher's own gunicorn settings (the same
worker class, 2 workers of one thread, as the harness runs the publisher) it is the floor of
any front written in Python: what the publisher adds above it is the publisher's own part.

    python -m benchmarks.floor --home /tmp/bench/corpus-750 [--queries 10,03] [--count 100]

takes a home the harness built (its release and queries), starts an Oxigraph server on the
release, this floor and the publisher in its remote-store mode in front of it, and sends each
query to the three in turn (`httpbench.latencies_in_turn`), printing their medians and
ratios to the Oxigraph server. Numbers: benchmarks/README.md ("The floor of a Python front").
"""

from __future__ import annotations

import argparse
import http.client
import os
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.servers import FLOOR_STORE

_kept = threading.local()


def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
    """Send the request (a GET's query string, a POST's body) to the store named by
    FLOOR_STORE; answer with its answer."""
    store = urlsplit(os.environ[FLOOR_STORE])
    connection = getattr(_kept, "connection", None)
    if connection is None:
        connection = _kept.connection = http.client.HTTPConnection(store.hostname, store.port)
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    headers = {
        "Accept": environ.get("HTTP_ACCEPT", "*/*"),
        "Content-Type": environ.get("CONTENT_TYPE", "application/x-www-form-urlencoded"),
    }
    if environ["REQUEST_METHOD"] == "GET":
        connection.request(
            "GET", f"{store.path}?{environ.get('QUERY_STRING', '')}", headers=headers
        )
    else:
        connection.request("POST", store.path, body=body, headers=headers)
    answer = connection.getresponse()
    data = answer.read()
    kind = answer.headers.get("Content-Type", "application/octet-stream")
    start_response(f"{answer.status} {answer.reason}", [("Content-Type", kind)])
    return [data]


def main(argv: list[str] | None = None) -> int:
    from benchmarks import httpbench, servers
    from benchmarks.run import BASE, load_queries

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="a home the harness built")
    parser.add_argument("--queries", default="10", help="names' starts, comma-separated")
    parser.add_argument("--count", type=int, default=100, help="requests to each, in turn")
    args = parser.parse_args(argv)
    home: Path = args.home
    queries = load_queries(home / "queries", args.queries)
    dataset = (home / "release").resolve() / "dataset.nq"
    logs = home / "floor-logs"
    logs.mkdir(exist_ok=True)
    with (
        servers.oxigraph(dataset, log=logs / "oxigraph.log") as store,
        servers.floor(store.query_url, 2, log=logs / "floor.log") as floor,
        servers.publisher(home, BASE, 2, store=store.query_url) as publisher,
    ):
        print(
            "| query | Oxigraph server p50 | floor | publisher | floor / Oxigraph | "
            "publisher / Oxigraph |"
        )
        print("|---|---|---|---|---|---|")
        for name, text in queries.items():
            urls = (store.query_url, floor.query_url, publisher.query_url)
            series = httpbench.latencies_in_turn(
                [httpbench.sparql(url, text) for url in urls],
                args.count,
                warmup=2,
                budget=300,
                timeout=120,
            )
            answers = {(status, httpbench.rows(body)) for _, status, body in series}
            if len(answers) != 1 or next(iter(answers))[0] != 200:
                raise RuntimeError(f"{name}: the three answered differently: {answers}")
            p50 = [httpbench.percentiles(samples)["p50"] or 0.0 for samples, _, _ in series]
            print(
                f"| {name} | {p50[0]:.2f} ms | {p50[1]:.2f} ms | {p50[2]:.2f} ms | "
                f"{p50[1] / p50[0]:.2f}x | {p50[2] / p50[0]:.2f}x |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
