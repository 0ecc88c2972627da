"""A store's own SPARQL results counted and cut at the caps without being parsed
(publisher/store/passthrough.py): on answers written by pyoxigraph, whose JSON is Oxigraph's,
with the strings that could be mistaken for the start of a row."""

from __future__ import annotations

import io
import json
import time

import pyoxigraph as ox
import pytest

from publisher.rdf import formats
from publisher.store import passthrough
from publisher.store.errors import AnswerTooLarge
from publisher.store.results import Caps

TRICKY = [
    'a,{"b":{"type":"uri"}}',
    '},{"x":',
    "{}",
    ",{}",
    '"quoted" and \\ backslash \\"',
    "line\nbreak\ttab",
    "]}}",
    "عربي ,{",
]
QUERY = "SELECT ?a ?b ?n WHERE { VALUES (?a ?b ?n) { %s } }"


def _solutions(rows: int) -> ox.QuerySolutions:
    values = []
    for i in range(rows):
        text = TRICKY[i % len(TRICKY)].replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace("\n", "\\n").replace("\t", "\\t")
        if i % 5 == 4:
            values.append("(UNDEF UNDEF UNDEF)")  # a row with no binding: {} in JSON
        else:
            values.append(f'("{text}" <http://example.org/{i}> {i})')
    answer = ox.Store().query(QUERY % " ".join(values))
    assert isinstance(answer, ox.QuerySolutions)
    return answer


def _rows(data: bytes, fmt: formats.Format) -> list[tuple]:
    parsed = ox.parse_query_results(data, format=fmt.results)
    assert isinstance(parsed, ox.QuerySolutions)
    return [tuple(row[v] for v in ("a", "b", "n")) for row in parsed]


def _through(data: bytes, fmt: formats.Format, caps: Caps):
    body = io.BufferedReader(io.BytesIO(data), buffer_size=7)  # small reads: rows split
    deadline = time.monotonic() + 60
    if fmt is formats.RESULTS_JSON:
        read, opening = passthrough.json_opening(body)
        assert opening is not None
        result = passthrough.json_solutions(body, read, opening, caps, deadline)
    else:
        result = passthrough.tsv_solutions(body, caps, deadline, passed=True)
    out = b"".join(result.raw())
    return out, result


@pytest.mark.parametrize("fmt", [formats.RESULTS_JSON, formats.RESULTS_TSV], ids=["json", "tsv"])
@pytest.mark.parametrize("rows", [0, 1, 5, 40, 3000])
def test_a_whole_answer_passes_through_unchanged(fmt, rows, monkeypatch):
    monkeypatch.setattr(passthrough, "READ", 97)
    data = _solutions(rows).serialize(format=fmt.results)
    assert data is not None
    out, result = _through(data, fmt, Caps(rows=10_000, bytes=1 << 30))
    assert out == data and result.cut is None
    assert result.written is fmt and result.variables == ("a", "b", "n")


@pytest.mark.parametrize("fmt", [formats.RESULTS_JSON, formats.RESULTS_TSV], ids=["json", "tsv"])
@pytest.mark.parametrize("cap", [1, 2, 4, 5, 6, 17, 39])
def test_the_row_cap_cuts_after_whole_rows(fmt, cap, monkeypatch):
    monkeypatch.setattr(passthrough, "READ", 113)
    data = _solutions(40).serialize(format=fmt.results)
    assert data is not None
    out, result = _through(data, fmt, Caps(rows=cap))
    assert _rows(out, fmt) == _rows(data, fmt)[:cap]
    assert result.cut is not None and result.cut.reason == "rows" and result.cut.limit == cap


@pytest.mark.parametrize("fmt", [formats.RESULTS_JSON, formats.RESULTS_TSV], ids=["json", "tsv"])
@pytest.mark.parametrize("cap", [300, 1000, 4000])
def test_the_byte_cap_cuts_after_whole_rows(fmt, cap):
    data = _solutions(200).serialize(format=fmt.results)
    assert data is not None
    out, result = _through(data, fmt, Caps(bytes=cap))
    assert len(out) <= cap
    kept = _rows(out, fmt)
    assert kept == _rows(data, fmt)[: len(kept)] and len(kept) > 0
    assert result.cut is not None and result.cut.reason == "bytes"


def test_a_first_row_over_the_byte_cap_is_refused():
    long = ox.Store().query(f'SELECT ?a WHERE {{ BIND("{"x" * 5000}" AS ?a) }}')
    assert isinstance(long, ox.QuerySolutions)
    data = long.serialize(format=ox.QueryResultsFormat.JSON)
    assert data is not None
    with pytest.raises(AnswerTooLarge):
        _through(data, formats.RESULTS_JSON, Caps(bytes=1000))


def test_a_json_answer_in_another_layout_is_left_to_the_parser():
    spaced = json.dumps({"head": {"vars": ["a"]}, "results": {"bindings": []}}, indent=1)
    read, opening = passthrough.json_opening(io.BytesIO(spaced.encode()))
    assert opening is None and read == spaced.encode()
    boolean = b'{"head":{},"boolean":true}'
    assert passthrough.json_opening(io.BytesIO(boolean)) == (boolean, None)


def test_an_ask_in_tsv_is_a_boolean():
    result = passthrough.tsv_solutions(
        io.BytesIO(b"true"), Caps(), time.monotonic() + 9, passed=True
    )
    assert result.kind == "boolean" and result.boolean
