"""A store's SPARQL TSV answer of rows ?s ?p ?o ?g read as N-Quads, without a row in Python.

The server's own queries (descriptions) select quads as ?s ?p ?o ?g. Read as solutions, each
row costs a QuerySolution, four lookups and a Quad made in Python: about 5 us a row, a
quarter of a first description's time on a shared store. In SPARQL TSV every term is written
as in Turtle, so a row is an N-Quads line once its tabs are spaces and it ends with " .", and
pyoxigraph's N-Quads parser makes the quads (about 10 ms -> 7.5 ms for 1,100 rows, fetched
and read; benchmarks/README.md). Two differences are bridged: TSV may write a number or a
boolean bare (`42`, `1.5`, `1e3`, `true`), which only an object can be; those few are written
out as typed literals first. An unbound column, or anything N-Quads does not read (a triple
term, a literal subject), makes `nquads_of` answer None, and the caller reads the rows as
solutions.
"""

from __future__ import annotations

import re

import pyoxigraph

from publisher.rdf import namespaces
from publisher.store.results import QUADS

HEAD = "\t".join(f"?{name}" for name in QUADS).encode()  # ?s ?p ?o ?g
# An object written bare: after the predicate's tab, not an IRI, a literal or a blank node.
BARE = re.compile(rb'\t[^<"_\t\n]')
BARE_OBJECT = re.compile(rb'\t([^<"_\t\n][^\t\n]*)\t')


def nquads_of(tsv: bytes) -> list[pyoxigraph.Quad] | None:
    """The quads of a TSV answer whose columns are ?s ?p ?o ?g, or None when it cannot be
    read as N-Quads."""
    head, _, rows = tsv.partition(b"\n")
    if head.rstrip(b"\r") != HEAD:
        return None
    if rows and not rows.endswith(b"\n"):
        rows += b"\n"
    if BARE.search(rows):
        rows = BARE_OBJECT.sub(_typed, rows)
    text = rows.replace(b"\t", b" ").replace(b"\n", b" .\n")
    try:
        # Lenient: IRIs are not checked again; the store checked them when it took them in.
        quads = list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.N_QUADS, lenient=True))
    except (SyntaxError, ValueError):
        return None
    # An empty column (a variable without a value) moves the terms after it one place to the
    # left, so that a row read so has no graph, or does not read at all: looked for here, in
    # the quads, rather than as empty columns in the text (three searches for tabs, which
    # stop at every column: a quarter of the whole).
    if any(isinstance(quad.graph_name, pyoxigraph.DefaultGraph) for quad in quads):
        return None
    return quads


def _typed(found: re.Match[bytes]) -> bytes:
    """A bare number or boolean as the typed literal it abbreviates (Turtle's rules)."""
    value = found.group(1)
    if value in (b"true", b"false"):
        kind = "boolean"
    elif b"e" in value or b"E" in value:
        kind = "double"
    elif b"." in value:
        kind = "decimal"
    else:
        kind = "integer"
    return b'\t"' + value + f'"^^<{namespaces.iri("xsd:" + kind)}>\t'.encode()
