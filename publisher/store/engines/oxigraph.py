"""Oxigraph server (tested: 0.5.13, the `oxigraph` PyPI package), and its bulk path.

As a SPARQL endpoint it needs nothing of its own: started with `--union-default-graph` and
filled from the release alone, its union default graph is the release's, and RemoteStore then
sends no dataset with its queries (naming the graphs makes Oxigraph 2 to 10 times slower; it
does so only when the store holds other graphs too, or lacks the union).

What it does not do: stop a query at its own time limit. `--timeout-s` neither answers nor
stops a query that computes before its first row (a COUNT over a cartesian product still
used a core 30 s after a 2 s limit, 0.5.13; Oxigraph issue #1336). deploy/replicas.py
recycles a replica still busy with a query nobody waits for.

Its bulk path is `oxigraph load` into a fresh directory, which `oxigraph serve-read-only`
processes then serve (as many as wanted, on the one directory): `bulk_load` below.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph

from publisher.errors import PublisherError
from publisher.store.engines.dialect import GRAPH_SIZES, Engine


class Oxigraph(Engine):
    name = "oxigraph"
    title = "Oxigraph server"
    passes_results_through = True  # compact JSON, TSV as the standard says (0.5.13)
    posts_query_text = True


OXIGRAPH = Oxigraph()


def binary(given: str | None = None) -> str:
    """The `oxigraph` program: `given`, else the one next to this Python (pip's `oxigraph`
    package puts it there), else the one on PATH."""
    if given:
        return given
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise PublisherError(
            "no `oxigraph` program: install it (pip install oxigraph, or a release binary) "
            "or name it with --oxigraph"
        )
    return found


def bulk_load(dataset: Path, location: Path, program: str) -> None:
    """`oxigraph load` of the release's N-Quads into `location`, a directory that must not
    exist yet or be empty: a store is filled once, from one release, and then only read."""
    if location.exists() and (not location.is_dir() or any(location.iterdir())):
        raise PublisherError(
            f"{location} is not an empty directory: `oxigraph load` fills a fresh one (a store "
            "in service is never written; load the next release beside it)"
        )
    _run([program, "load", "--location", str(location), "--file", str(dataset)], location)


def graph_sizes(location: Path, program: str) -> dict[str, int]:
    """Triples per named graph of the store in `location`, read by the same program."""
    out = _run(
        [
            program,
            *("query", "--location", str(location)),
            *("--query", GRAPH_SIZES, "--results-format", "tsv"),
        ],
        location,
    )
    answer = pyoxigraph.parse_query_results(out, format=pyoxigraph.QueryResultsFormat.TSV)
    assert isinstance(answer, pyoxigraph.QuerySolutions)
    return {
        row["g"].value: int(row["n"].value)
        for row in answer
        if isinstance(row["g"], pyoxigraph.NamedNode) and row["n"] is not None
    }


def _run(command: list[str], location: Path) -> bytes:
    try:
        done = subprocess.run(command, capture_output=True, check=False)
    except OSError as error:
        raise PublisherError(f"cannot run {command[0]}: {error.strerror}") from None
    if done.returncode != 0:
        words = " ".join(done.stderr.decode("utf-8", "replace").split())[-500:]
        raise PublisherError(
            f"`oxigraph {command[1]}` on {location} failed ({done.returncode}): {words}"
        )
    return done.stdout
