"""The funding chart: one mark per claim, amount against the year the figure is for, coloured by
the original source of the figure.

The years are columns, one per year that a figure is for (or that a period ends in), in order,
with a gap shown where years without figures are left out; a mark stands in the column of its
year, and the marks of one year stand side by side inside that column, never in a neighbour's
place. What each mark says is drawn, not smoothed over:

- shape: a yearly rate is a circle, a one-off sum a diamond, a sum of unstated rate a square;
- an approximate sum is hollow; a hedged claim ("reportedly") has a dashed outline and a pale
  fill; a denied claim is struck through with a cross;
- a range of sums is a bar from its least to its most, an "up to" sum a dashed bar from zero;
- a figure for a period stands in the column where the period begins, and a thin line of its
  own, below the mark, runs to the column where it ends; a period open at its start ("until
  2012") stands where it ends, with an arrow pointing back, one open at its end has an arrow
  pointing on. No line is shared by two claims, so two claims are never drawn as one.

Claims with no date stand in their own column. Every mark links to its claim.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

from publisher.pages.funding import Funding, FundingFigure
from publisher.pages.periods import extent
from publisher.pages.svg import colour, document, nice_step, tag, text

WIDTH = 960
LEFT, RIGHT, TOP, BOTTOM = 84, 16, 24, 60
PLOT_HEIGHT = 440
GAP = 26  # the width of a gap between columns whose years are not next to each other
SLOT = 22  # the width one mark takes in its column
LEGEND_ROW = 20
UNDATED = "no date"


class _Paint(TypedDict):
    fill: str
    stroke: str
    stroke_width: float
    fill_opacity: float
    stroke_dasharray: str | None


@dataclass(frozen=True)
class Column:
    key: int | str  # a year, or UNDATED
    left: float
    width: float

    @property
    def centre(self) -> float:
        return self.left + self.width / 2


@dataclass(frozen=True)
class Place:
    """Where one claim's mark goes: its column, its x and y, and the end of its period."""

    column: Column
    x: float
    y: float
    until: Column | None  # the column where its period ends (another than its own)
    open_start: bool
    open_end: bool


def funding_svg(data: Funding, link: Callable[[str], str]) -> str:
    """The chart as a complete <svg> document; `link` maps a claim IRI to the mark's href."""
    figures = data.figures
    top_value = max([_top(f) for f in figures] + [1.0]) * 1.1
    plot_bottom = TOP + PLOT_HEIGHT

    def y(value: float) -> float:
        return plot_bottom - value / top_value * (plot_bottom - TOP)

    columns = _columns(figures)
    places = _places(figures, columns, y)
    parts = [_axes(columns, top_value, y, plot_bottom)]
    colours = {source: colour(n) for n, source in enumerate(data.sources)}
    spans = _span_offsets(figures, places)
    for figure in figures:
        parts.append(
            _mark(figure, data.name(figure.source).best, places[figure.claim.iri],
                  spans.get(figure.claim.iri, 0.0), colours[figure.source], y, link)
        )  # fmt: skip
    legend_top = plot_bottom + BOTTOM + 4
    parts.append(_legend(data, colours, legend_top))
    height = legend_top + LEGEND_ROW * (len(data.sources) + 6) + 12
    label = f"Funding figures: {len(figures)} claims, amount in US dollars by year"
    return document(WIDTH, height, "".join(parts), label)


def _year(figure: FundingFigure) -> tuple[int | None, int | None]:
    """The first and last year a figure is for (either None when its period is open there)."""
    start, end = extent(figure.claim.when)
    first = math.floor(start) if start is not None else None
    last = math.ceil(end) - 1 if end is not None else None
    return first, last


def _columns(figures: list[FundingFigure]) -> dict[int | str, Column]:
    """One column per year a figure is for or a period ends in, in order, each wide enough for
    the marks it holds; a gap between years that are not next to each other; then the column
    of the undated."""
    holds: defaultdict[int | str, int] = defaultdict(int)
    ends: set[int] = set()
    for figure in figures:
        first, last = _year(figure)
        if first is None and last is None:
            holds[UNDATED] += 1
        else:
            holds[first if first is not None else last or 0] += 1
            if first is not None and last is not None and last != first:
                ends.add(last)
    years = sorted({k for k in holds if isinstance(k, int)} | ends)
    gaps = sum(1 for a, b in itertools.pairwise(years) if b - a > 1)
    keys: list[int | str] = [*years, *([UNDATED] if UNDATED in holds else [])]
    wanted = {k: max(holds.get(k, 0), 1) * SLOT + 24 for k in keys}
    room = WIDTH - LEFT - RIGHT - gaps * GAP
    scale = min(room / max(sum(wanted.values()), 1), 3.0)
    columns: dict[int | str, Column] = {}
    x = float(LEFT)
    previous = None
    for key in keys:
        if isinstance(key, int) and previous is not None and key - previous > 1:
            x += GAP
        width = wanted[key] * scale
        columns[key] = Column(key, x, width)
        x += width
        previous = key if isinstance(key, int) else previous
    return columns


def _places(
    figures: list[FundingFigure], columns: dict[int | str, Column], y: Callable[[float], float]
) -> dict[str, Place]:
    """Each mark's place: the marks of one column side by side inside it, in the order of the
    figures (time, amount, claim), those of one proposition next to each other."""
    members: defaultdict[int | str, list[FundingFigure]] = defaultdict(list)
    for figure in figures:
        first, last = _year(figure)
        key: int | str = (
            UNDATED
            if first is None and last is None
            else (first if first is not None else last or 0)
        )
        members[key].append(figure)
    places = {}
    for key, found in members.items():
        column = columns[key]
        found.sort(key=lambda f: (f.claim.proposition or "~", f.claim.iri))
        for n, figure in enumerate(found):
            x = column.left + (n + 0.5) * column.width / len(found)
            first, last = _year(figure)
            until = (
                columns.get(last)
                if first is not None and last is not None and last != first
                else None
            )
            places[figure.claim.iri] = Place(
                column, x, y(_centre(figure)), until,
                open_start=first is None and last is not None,
                open_end=first is not None and last is None,
            )  # fmt: skip
    return places


def _span_offsets(figures: list[FundingFigure], places: dict[str, Place]) -> dict[str, float]:
    """How far below its mark each period's line runs: lines that would meet are moved apart,
    so that no two claims ever share a line."""
    taken: list[tuple[float, float, float]] = []  # (left, right, y) of the lines drawn
    offsets = {}
    for figure in figures:
        place = places[figure.claim.iri]
        if place.until is None:
            continue
        left, right = place.x, place.until.centre
        offset = 10.0
        while any(
            abs(place.y + offset - ly) < 5 and left < lr and ll < right for ll, lr, ly in taken
        ):
            offset += 6
        taken.append((left, right, place.y + offset))
        offsets[figure.claim.iri] = offset
    return offsets


def _top(figure: FundingFigure) -> float:
    a = figure.claim.amount
    return (a.maximum or a.value or a.minimum or 0.0) if a else 0.0


def _centre(figure: FundingFigure) -> float:
    a = figure.claim.amount
    if a is None:
        return 0.0
    if a.value is not None:
        return a.value
    if a.minimum is not None and a.maximum is not None:
        return (a.minimum + a.maximum) / 2
    return a.maximum or a.minimum or 0.0


def _axes(
    columns: dict[int | str, Column], top_value: float, y: Callable[[float], float], bottom: float
) -> str:
    right = max((c.left + c.width for c in columns.values()), default=float(WIDTH - RIGHT))
    out = [tag("rect", x=LEFT, y=TOP, width=right - LEFT, height=bottom - TOP, fill="#ffffff",
               stroke="#cccccc")]  # fmt: skip
    previous: Column | None = None
    for n, column in enumerate(columns.values()):
        shade = "#f1f1f1" if column.key == UNDATED else ("#f7f7f7" if n % 2 else "#ffffff")
        out.append(tag("rect", x=column.left, y=TOP, width=column.width, height=bottom - TOP,
                       fill=shade, class_="year-column", data_year=column.key))  # fmt: skip
        out.append(tag("text", text(str(column.key)), x=column.centre, y=bottom + 18,
                       text_anchor="middle", font_size=12, fill="#333333"))  # fmt: skip
        if previous is not None and column.left - (previous.left + previous.width) > 1:
            middle = (previous.left + previous.width + column.left) / 2
            out.append(tag("text", text("⋯"), x=middle, y=bottom + 18, text_anchor="middle",
                           font_size=12, fill="#888888"))  # fmt: skip
            out.append(tag("line", x1=middle, x2=middle, y1=TOP, y2=bottom, stroke="#dddddd",
                           stroke_dasharray="2 4"))  # fmt: skip
        previous = column
    step = nice_step(top_value)
    value = 0.0
    while value <= top_value:
        out.append(tag("line", x1=LEFT, x2=right, y1=y(value), y2=y(value), stroke="#e3e3e3"))
        out.append(tag("text", text(_money(value)), x=LEFT - 6, y=y(value) + 4,
                       text_anchor="end", font_size=12, fill="#444444"))  # fmt: skip
        value += step
    out.append(tag("text", text("US dollars"), x=16, y=(TOP + bottom) / 2, font_size=12,
                   fill="#444444", text_anchor="middle",
                   transform=f"rotate(-90 16 {(TOP + bottom) / 2:.0f})"))  # fmt: skip
    out.append(tag("text", text("the year the figure is for (⋯ years with no figure left out)"),
                   x=(LEFT + right) / 2, y=bottom + 40, text_anchor="middle", font_size=12,
                   fill="#444444"))  # fmt: skip
    return "".join(out)


def _mark(
    figure: FundingFigure,
    source_name: str,
    place: Place,
    span: float,
    paint: str,
    y: Callable[[float], float],
    link: Callable[[str], str],
) -> str:
    claim, amount = figure.claim, figure.claim.amount
    cx, cy = place.x, place.y
    shapes = []
    dashed_time = "4 3" if claim.when and claim.when.approximate else None
    if place.until is not None:
        end = place.until.centre
        ly = cy + span
        shapes.append(tag("path", d=f"M{cx:.1f},{cy + 7:.1f} L{cx:.1f},{ly:.1f} L{end:.1f},{ly:.1f} "
                          f"M{end:.1f},{ly - 4:.1f} L{end:.1f},{ly + 4:.1f}", fill="none",
                          stroke=paint, stroke_width=1.5, stroke_dasharray=dashed_time,
                          class_="period"))  # fmt: skip
    if place.open_start:
        shapes.append(_arrow(cx - 10, cy, -1, paint))
    if place.open_end:
        shapes.append(_arrow(cx + 10, cy, 1, paint))
    if amount and amount.value is None:
        low = amount.minimum if amount.minimum is not None else 0.0
        high = amount.maximum if amount.maximum is not None else low
        upto = "5 3" if amount.minimum is None else None
        shapes.append(tag("line", x1=cx, x2=cx, y1=y(low), y2=y(high), stroke=paint,
                          stroke_width=5, stroke_dasharray=upto, stroke_opacity=0.6))  # fmt: skip
        for end_value in (low, high) if amount.minimum is not None else (high,):
            shapes.append(tag("path", d=f"M{cx - 7:.1f},{y(end_value):.1f} H{cx + 7:.1f}",
                              stroke=paint, stroke_width=2))  # fmt: skip
    if claim.denied:
        shapes.append(tag("path", d=f"M{cx - 10:.1f},{cy - 10:.1f} L{cx + 10:.1f},{cy + 10:.1f} "
                          f"M{cx - 10:.1f},{cy + 10:.1f} L{cx + 10:.1f},{cy - 10:.1f}",
                          stroke="#9b1c1c", stroke_width=2.5, class_="denied"))  # fmt: skip
    shapes.append(
        _shape(amount.rate if amount else None, cx, cy, paint,
               hollow=bool(amount and amount.approximate), hedged=claim.hedged)
    )  # fmt: skip
    marks = [w for w, on in (("denied", claim.denied), ("hedged", claim.hedged)) if on]
    title = tag(
        "title",
        text(f"{claim.english} Original source: {source_name}."
             + (f" ({', '.join(marks)})" if marks else "")),
    )  # fmt: skip
    return tag(
        "a", title + "".join(shapes), href=link(claim.iri), class_="mark",
        data_claim=claim.iri, data_rate=amount.rate if amount else None,
        data_year=place.column.key, data_proposition=claim.proposition,
        data_denied="true" if claim.denied else None, data_hedged="true" if claim.hedged else None,
    )  # fmt: skip


def _shape(
    rate: str | None, cx: float, cy: float, paint: str, *, hollow: bool, hedged: bool
) -> str:
    common: _Paint = {
        "fill": "#ffffff" if hollow else paint,
        "stroke": paint,
        "stroke_width": 2.5,
        "fill_opacity": 0.35 if hedged and not hollow else 1.0,
        "stroke_dasharray": "3 2" if hedged else None,
    }
    if rate == "one-off":
        points = f"{cx:.1f},{cy - 8:.1f} {cx + 8:.1f},{cy:.1f} {cx:.1f},{cy + 8:.1f} {cx - 8:.1f},{cy:.1f}"
        return tag("polygon", points=points, **common)
    if rate == "per-year":
        return tag("circle", cx=cx, cy=cy, r=6.5, **common)
    return tag("rect", x=cx - 6, y=cy - 6, width=12, height=12, **common)


def _arrow(px: float, py: float, way: int, paint: str) -> str:
    points = f"{px:.1f},{py:.1f} {px - way * 7:.1f},{py - 4:.1f} {px - way * 7:.1f},{py + 4:.1f}"
    return tag("polygon", points=points, fill=paint, class_="open")


def _legend(data: Funding, colours: dict[str, str], top: float) -> str:
    out = [tag("text", text("Original source (colour)"), x=LEFT, y=top + 14, font_size=13,
               font_weight="bold", fill="#222222")]  # fmt: skip
    row = top + 14
    for source in data.sources:
        row += LEGEND_ROW
        name = data.name(source)
        label = name.best + (f" · {name.ar}" if name.ar and name.ar != name.best else "")
        if source in data.documents:
            label = "the document itself: " + label
        out.append(tag("rect", x=LEFT, y=row - 10, width=12, height=12, fill=colours[source]))
        out.append(tag("text", text(label), x=LEFT + 20, y=row, font_size=12, fill="#222222"))
    row += LEGEND_ROW + 6
    keys: list[tuple[str | None, str, bool, bool]] = [
        ("per-year", "a yearly rate", False, False),
        ("one-off", "a one-off sum", False, False),
        (None, "rate not stated", False, False),
        ("per-year", "hollow: an approximate sum", True, False),
        ("per-year", "dashed, pale: a hedged claim", False, True),
    ]
    column = LEFT
    for rate, words, hollow, hedged in keys:
        out.append(_shape(rate, column + 6, row - 4, "#555555", hollow=hollow, hedged=hedged))
        out.append(tag("text", text(words), x=column + 18, y=row, font_size=12, fill="#222222"))
        column += 24 + len(words) * 7
    row += LEGEND_ROW + 4
    cx = LEFT + 6
    out.append(tag("path", d=f"M{cx - 7},{row - 11} L{cx + 7},{row + 3} M{cx - 7},{row + 3} "
                   f"L{cx + 7},{row - 11}", stroke="#9b1c1c", stroke_width=2.5))  # fmt: skip
    out.append(tag("text", text("crossed: a denied claim"), x=LEFT + 18, y=row, font_size=12,
                   fill="#222222"))  # fmt: skip
    out.append(tag("line", x1=LEFT + 206, x2=LEFT + 206, y1=row - 12, y2=row + 2,
                   stroke="#555555", stroke_width=5, stroke_opacity=0.6))  # fmt: skip
    out.append(tag("text", text("bar: a range of sums"), x=LEFT + 216, y=row, font_size=12,
                   fill="#222222"))  # fmt: skip
    out.append(tag("line", x1=LEFT + 376, x2=LEFT + 376, y1=row - 12, y2=row + 2,
                   stroke="#555555", stroke_width=5, stroke_dasharray="5 3",
                   stroke_opacity=0.6))  # fmt: skip
    out.append(tag("text", text("dashed bar: “up to” a sum"), x=LEFT + 386, y=row,
                   font_size=12, fill="#222222"))  # fmt: skip
    row += LEGEND_ROW + 4
    out.append(tag("path", d=f"M{LEFT},{row - 10} V{row - 4} H{LEFT + 40} M{LEFT + 40},{row - 8} "
                   f"V{row}", fill="none", stroke="#555555", stroke_width=1.5))  # fmt: skip
    out.append(tag("text", text("line under a mark: the figure is for a period, to the year "
                                "where the line ends"), x=LEFT + 48, y=row, font_size=12,
                   fill="#222222"))  # fmt: skip
    row += LEGEND_ROW
    out.append(_arrow(LEFT + 8, row - 4, -1, "#555555"))
    out.append(tag("text", text("arrow: the period is open on that side (“until 2012”)"),
                   x=LEFT + 18, y=row, font_size=12, fill="#222222"))  # fmt: skip
    return "".join(out)


def _money(value: float) -> str:
    if value >= 1e9:
        return f"${value / 1e9:g}B"
    if value >= 1e6:
        return f"${value / 1e6:g}M"
    return f"${value:,.0f}"
