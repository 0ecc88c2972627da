"""What a SELECT result looks like beyond its table: a timeline of its dated rows, a bar chart
of its numbers, a graph of its node-edge rows (plain Python; pages/svg/result_views.py draws
them). The columns each view uses are found in the result, as the Wikidata Query Service's
views find theirs:

- Timeline: the first column whose values are dates (xsd:date, dateTime, gYear, gYearMonth,
  or text such as "2006", "2006-12", "1990/1993", "../2011"); each row is a mark, a bar for a
  stretch of time, labelled by the row's first text and linked to its first IRI; a column with
  a few distinct values colours the marks.
- BarChart: the first numeric column gives the bars' lengths, the row's first one or two other
  columns their labels (the second colours them when it has few values).
- Graph: the first two IRI columns are the nodes of an edge (a column named after one of
  them, `?personName`, `?personLabel`, is its label), the first other text column the edge's.

A view that finds nothing to draw says why (no date column, no numbers...).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from publisher.pages.periods import bounds

XSD = "http://www.w3.org/2001/XMLSchema#"
DATE_TYPES = {XSD + t for t in ("date", "dateTime", "gYear", "gYearMonth")}
NUMBER_TYPES = {
    XSD + t
    for t in (
        "integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger",
        "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedInt",
    )
}  # fmt: skip
DATE_TEXT = re.compile(r"-?\d{4}(-\d{2}(-\d{2})?)?")
INTERVAL = re.compile(r"(\.\.|-?\d{4}(?:-\d{2}(?:-\d{2})?)?)/(\.\.|-?\d{4}(?:-\d{2}(?:-\d{2})?)?)")
FEW = 10  # a column with at most this many distinct values may colour the marks

Row = Mapping[str, object]  # a solution: variable -> term (pyoxigraph's QuerySolution reads so)


@dataclass
class Mark:
    """One row of a timeline: when (fractional years, the end None for an instant)."""

    start: float
    end: float | None
    label: str
    when: str  # as the result wrote it
    iri: str | None = None
    group: str | None = None


@dataclass
class Timeline:
    marks: list[Mark]
    date_column: str
    label_column: str | None
    group_column: str | None
    undated: int = 0


@dataclass
class Bar:
    label: str
    value: float
    iri: str | None = None
    group: str | None = None


@dataclass
class BarChart:
    bars: list[Bar]
    value_column: str
    label_columns: list[str]
    group_column: str | None


@dataclass
class GraphEdge:
    source: str
    target: str
    label: str | None


@dataclass
class ResultGraph:
    nodes: dict[str, str]  # IRI -> label
    edges: list[GraphEdge]
    columns: tuple[str, str]
    edge_column: str | None
    weights: dict[str, int] = field(default_factory=dict)


def timeline(
    variables: Sequence[str], rows: Sequence[Row], labels: Mapping[str, list[ox.Literal]]
) -> Timeline | str:
    """The timeline of a result, or why there is none."""
    column = next((v for v in variables if any(_span(r.get(v)) for r in rows)), None)
    if column is None:
        return "no column holds dates (a date, a year, a month, or a period such as 1990/1993)"
    label_column = _first(variables, rows, _is_text, exclude={column})
    link_column = _first(variables, rows, lambda t: isinstance(t, ox.NamedNode))
    group = _group_column(variables, rows, {column, label_column})
    marks, undated = [], 0
    for row in rows:
        span = _span(row.get(column))
        if span is None:
            undated += 1
            continue
        iri = _iri(row.get(link_column)) if link_column else None
        label = _shown(row.get(label_column), labels) if label_column else None
        marks.append(
            Mark(
                span[0],
                span[1],
                label or (_shown(row.get(link_column), labels) if link_column else "") or "",
                _lexical(row.get(column)),
                iri,
                _shown(row.get(group), labels) if group else None,
            )
        )
    if not marks:
        return "no row has a date"
    return Timeline(marks, column, label_column, group, undated)


def bar_chart(
    variables: Sequence[str], rows: Sequence[Row], labels: Mapping[str, list[ox.Literal]]
) -> BarChart | str:
    value_column = next(
        (v for v in variables if any(_number(r.get(v)) is not None for r in rows)), None
    )
    if value_column is None:
        return "no column holds numbers"
    others = [v for v in variables if v != value_column and any(r.get(v) is not None for r in rows)]
    # Names before IRIs: `?name` reads better than `?proposition` when both are there.
    texts = [v for v in others if any(_is_text(r.get(v)) for r in rows)]
    iris = [v for v in others if v not in texts]
    label_columns = [v for v in (texts + iris) if v != value_column][:2]
    link_column = iris[0] if iris else None
    group = (
        label_columns[1]
        if len(label_columns) == 2 and _distinct(rows, label_columns[1]) <= FEW
        else None
    )
    bars: list[Bar] = []
    for row in rows:
        value = _number(row.get(value_column))
        if value is None:
            continue
        parts = [_shown(row.get(c), labels) for c in label_columns if c != group]
        bars.append(
            Bar(
                " · ".join(p for p in parts if p) or str(len(bars) + 1),
                value,
                _iri(row.get(link_column)) if link_column else None,
                _shown(row.get(group), labels) if group else None,
            )
        )
    return BarChart(bars, value_column, label_columns, group)


def result_graph(
    variables: Sequence[str], rows: Sequence[Row], labels: Mapping[str, list[ox.Literal]]
) -> ResultGraph | str:
    nodes_columns = [v for v in variables if any(isinstance(r.get(v), ox.NamedNode) for r in rows)]
    if len(nodes_columns) < 2:
        return "fewer than two columns hold IRIs (a graph needs one for each end of an edge)"
    source, target = nodes_columns[0], nodes_columns[1]
    named = {
        v: next(
            (c for c in variables if c != v and c.startswith(v) and c[len(v) :][:1].isupper()), None
        )
        for v in (source, target)
    }
    used = {source, target, *(c for c in named.values() if c)}
    # A label column of a node also counts the columns that extend its name (?personNameAr).
    used |= {c for c in variables for n in named.values() if n and c.startswith(n)}
    edge_column = next(
        (v for v in variables if v not in used and any(_is_text(r.get(v)) for r in rows)), None
    )
    nodes: dict[str, str] = {}
    weights: dict[str, int] = {}
    edges = []
    for row in rows:
        a, b = row.get(source), row.get(target)
        if not (isinstance(a, ox.NamedNode) and isinstance(b, ox.NamedNode)):
            continue
        for term, column in ((a, source), (b, target)):
            name_column = named[column]
            shown = _shown(row.get(name_column), labels) if name_column else None
            nodes.setdefault(term.value, shown or _shown(term, labels))
            weights[term.value] = weights.get(term.value, 0) + 1
        edge = GraphEdge(
            a.value, b.value, _shown(row.get(edge_column), labels) if edge_column else None
        )
        if edge not in edges:
            edges.append(edge)
    if not edges:
        return "no row holds two IRIs"
    return ResultGraph(nodes, edges, (source, target), edge_column, weights)


def _span(term: object) -> tuple[float, float | None] | None:
    """Where a date or a period starts and ends in fractional years (end None: an instant)."""
    if not isinstance(term, ox.Literal):
        return None
    text = term.value.strip()
    if term.datatype.value in DATE_TYPES or DATE_TEXT.fullmatch(text):
        found = bounds(text[:10] if "T" in text else text)
        return (found[0], None) if found else None
    if match := INTERVAL.fullmatch(text):
        start = bounds(match.group(1)) if match.group(1) != ".." else None
        end = bounds(match.group(2)) if match.group(2) != ".." else None
        if start is None and end is None:
            return None
        first = start[0] if start else (end[0] if end else 0.0)
        last = end[1] if end else (start[1] if start else None)
        return first, last
    return None


def _number(term: object) -> float | None:
    if isinstance(term, ox.Literal) and term.datatype.value in NUMBER_TYPES:
        try:
            return float(term.value)
        except ValueError:
            return None
    return None


def _is_text(term: object) -> bool:
    return (
        isinstance(term, ox.Literal)
        and term.datatype.value not in NUMBER_TYPES | DATE_TYPES
        and _span(term) is None
        and bool(term.value.strip())
    )


def _iri(term: object) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None


def _lexical(term: object) -> str:
    return term.value if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode) else ""


def _shown(term: object, labels: Mapping[str, list[ox.Literal]]) -> str:
    """A term as a reader sees it: a literal's text, an IRI's label (English first) or the
    last part of the IRI."""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        found = labels.get(term.value)
        if found:
            return found[0].value
        return term.value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return ""


def _first(
    variables: Sequence[str],
    rows: Sequence[Row],
    test: Callable[[object], bool],
    exclude: set[str] | None = None,
) -> str | None:
    """The first column (not excluded) with a value that passes `test`."""
    skip = exclude or set()
    return next((v for v in variables if v not in skip and any(test(r.get(v)) for r in rows)), None)


def _distinct(rows: Sequence[Row], column: str) -> int:
    return len({_lexical(r.get(column)) for r in rows if r.get(column) is not None})


def _group_column(
    variables: Sequence[str], rows: Sequence[Row], exclude: set[str | None]
) -> str | None:
    """A text column with a few distinct values (2 to FEW), to colour marks by."""
    for v in variables:
        if v in exclude:
            continue
        if any(_is_text(r.get(v)) for r in rows) and 2 <= _distinct(rows, v) <= FEW:
            return v
    return None
