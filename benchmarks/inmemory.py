"""The naive Python publisher: the same queries on rdflib's own in-memory store, in process.

Run by the harness in a child process (`python -m benchmarks.inmemory dataset.nq queries/`):
it loads dataset.nq into an rdflib Dataset whose default graph is the union of its graphs (as
the publisher's endpoint promises), runs each query `--count` times within a time budget, and
prints JSON. A query still running after `--timeout` seconds is stopped (SIGALRM) and reported
as timed out: rdflib evaluates in Python, so the alarm interrupts it.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import time
from pathlib import Path

from rdflib import Dataset

from publisher.web.examples import render


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("queries", type=Path)
    parser.add_argument("--count", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--budget", type=float, default=60)
    parser.add_argument("--only", default="", help="query names (comma-separated), else all")
    parser.add_argument(
        "--base", default="http://127.0.0.1:8080/", help="the base the dataset was minted under"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(args.dataset, format="nquads")
    result: dict = {
        "load_seconds": round(time.perf_counter() - started, 3),
        "triples": len(dataset),
        "queries": {},
    }
    signal.signal(signal.SIGALRM, _alarm)
    only = {name for name in args.only.split(",") if name}
    for path in sorted(args.queries.glob("*.rq")):
        if only and path.stem not in only:
            continue
        # The examples declare no prefix the endpoint predeclares: rdflib is given them.
        text = render(path.read_text(encoding="utf-8"), args.base)
        samples, rows, timed_out, error = [], None, False, None
        begun = time.perf_counter()
        while len(samples) < args.count and (
            not samples or time.perf_counter() - begun < args.budget
        ):
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            try:
                t0 = time.perf_counter()
                rows = len(list(dataset.query(text)))
                samples.append(time.perf_counter() - t0)
            except Timeout:
                timed_out = True
                break
            except Exception as failure:
                error = f"{type(failure).__name__}: {failure}"[:300]
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        result["queries"][path.stem] = {
            "samples": samples,
            "rows": rows,
            "timed_out": timed_out,
            "error": error,
        }
    result["peak_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
