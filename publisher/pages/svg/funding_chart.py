"""The funding chart: one mark per claim, amount against time, coloured by original source.

What each mark says is drawn, not smoothed over: a yearly rate is a circle and a one-off sum
a diamond (a sum of unstated rate a square); an approximate sum is hollow; a range of sums is
a bar from its least to its most and an "up to" sum a dashed bar from zero; a time that spans
years is a line across them, dashed when approximate, with an arrow where it is open; claims
with no date stand in their own column. Every mark links to its claim.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from typing import TypedDict

from publisher.pages.funding import Funding, FundingFigure
from publisher.pages.periods import extent
from publisher.pages.svg import colour, document, nice_step, tag, text

WIDTH, HEIGHT = 960, 460
LEFT, RIGHT, TOP, BOTTOM = 84, 24, 24, 56
UNDATED = 90  # width of the column of undated claims
LEGEND_ROW = 20

Scale = Callable[[float], float]  # a year or an amount to its coordinate


class _Paint(TypedDict):
    fill: str
    stroke: str
    stroke_width: float


def funding_svg(data: Funding, link: Callable[[str], str]) -> str:
    """The chart as a complete <svg> document; `link` maps a claim IRI to the mark's href."""
    figures = data.figures
    dated = [f for f in figures if _years(f) != (None, None)]
    years = [y for f in dated for y in _years(f) if y is not None]
    first = math.floor(min(years)) - 1 if years else 2000
    last = math.ceil(max(years)) + 1 if years else 2025
    top_value = max([_top(f) for f in figures] + [1.0]) * 1.1
    legend_height = LEGEND_ROW * (len(data.sources) + 4) + 24
    height = HEIGHT + legend_height
    plot_right = WIDTH - RIGHT - UNDATED
    plot_bottom = HEIGHT - BOTTOM

    def x(year: float) -> float:
        return LEFT + (year - first) / (last - first) * (plot_right - 12 - LEFT)

    def y(value: float) -> float:
        return plot_bottom - value / top_value * (plot_bottom - TOP)

    parts = [_axes(first, last, top_value, x, y, plot_right, plot_bottom)]
    colours = {source: colour(n) for n, source in enumerate(data.sources)}
    places = _places(figures, x, y, plot_right)
    for figure in figures:
        cx, cy = places[figure.claim.iri]
        source_name = data.name(figure.source).best
        paint = colours[figure.source]
        parts.append(_mark(figure, source_name, cx, cy, paint, x, y, link, plot_right))
    parts.append(_legend(data, colours, HEIGHT + 4))
    label = f"Funding figures: {len(figures)} claims, amount in US dollars against time"
    return document(WIDTH, height, "".join(parts), label)


def _years(figure: FundingFigure) -> tuple[float | None, float | None]:
    return extent(figure.claim.when)


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


def _places(
    figures: list[FundingFigure], x: Scale, y: Scale, plot_right: float
) -> dict[str, tuple[float, float]]:
    """Each mark's centre; marks that would fall on one spot are spread side by side."""
    spots: dict[tuple[int, int], list[FundingFigure]] = defaultdict(list)
    centres = {}
    for figure in figures:
        start, end = _years(figure)
        if start is not None and end is not None:
            cx = x((start + end) / 2)
        elif start is not None:
            cx = x(start)
        elif end is not None:
            cx = x(end)
        else:
            cx = plot_right + UNDATED / 2
        centres[figure.claim.iri] = (cx, y(_centre(figure)))
        spots[(round(cx / 6), round(centres[figure.claim.iri][1] / 6))].append(figure)
    for members in spots.values():
        for n, figure in enumerate(members):
            cx, cy = centres[figure.claim.iri]
            centres[figure.claim.iri] = (cx + (n - (len(members) - 1) / 2) * 13, cy)
    return centres


def _axes(
    first: int,
    last: int,
    top_value: float,
    x: Scale,
    y: Scale,
    plot_right: float,
    plot_bottom: float,
) -> str:
    out = [
        tag("rect", x=LEFT, y=TOP, width=plot_right - LEFT, height=plot_bottom - TOP,
            fill="#fbfbfb", stroke="#cccccc"),
        tag("rect", x=plot_right, y=TOP, width=UNDATED, height=plot_bottom - TOP,
            fill="#f1f1f1", stroke="#cccccc"),
        tag("text", text("no date"), x=plot_right + UNDATED / 2, y=plot_bottom + 18,
            text_anchor="middle", font_size=12, fill="#444444"),
    ]  # fmt: skip
    step = nice_step(top_value)
    value = 0.0
    while value <= top_value:
        out.append(tag("line", x1=LEFT, x2=plot_right + UNDATED, y1=y(value), y2=y(value),
                       stroke="#e3e3e3"))  # fmt: skip
        out.append(tag("text", text(_money(value)), x=LEFT - 6, y=y(value) + 4,
                       text_anchor="end", font_size=12, fill="#444444"))  # fmt: skip
        value += step
    year_step = max(1, int(nice_step(last - first, 10)))
    year = first - first % year_step + year_step
    while year < last:
        out.append(tag("line", x1=x(year), x2=x(year), y1=plot_bottom, y2=plot_bottom + 5,
                       stroke="#666666"))  # fmt: skip
        out.append(tag("text", text(str(year)), x=x(year), y=plot_bottom + 18,
                       text_anchor="middle", font_size=12, fill="#444444"))  # fmt: skip
        year += year_step
    out.append(tag("text", text("US dollars"), x=16, y=(TOP + plot_bottom) / 2, font_size=12,
                   fill="#444444", text_anchor="middle",
                   transform=f"rotate(-90 16 {(TOP + plot_bottom) / 2:.0f})"))  # fmt: skip
    out.append(tag("text", text("year the figure is for"), x=(LEFT + plot_right) / 2,
                   y=plot_bottom + 40, text_anchor="middle", font_size=12, fill="#444444"))  # fmt: skip
    return "".join(out)


def _mark(
    figure: FundingFigure,
    source_name: str,
    cx: float,
    cy: float,
    paint: str,
    x: Scale,
    y: Scale,
    link: Callable[[str], str],
    plot_right: float,
) -> str:
    claim, amount = figure.claim, figure.claim.amount
    shapes = []
    start, end = _years(figure)
    dashed = "4 3" if claim.when and claim.when.approximate else None
    if start is not None or end is not None:
        left = x(start) if start is not None else LEFT + 2
        right = x(end) if end is not None else plot_right - 2
        if right - left > 4:
            shapes.append(tag("line", x1=left, x2=right, y1=cy, y2=cy, stroke=paint,
                              stroke_width=2.5, stroke_dasharray=dashed))  # fmt: skip
        if start is None:
            shapes.append(_arrow(left, cy, -1, paint))
        if end is None:
            shapes.append(_arrow(right, cy, 1, paint))
    if amount and amount.value is None:
        low = amount.minimum if amount.minimum is not None else 0.0
        high = amount.maximum if amount.maximum is not None else low
        upto = "5 3" if amount.minimum is None else None
        shapes.append(tag("line", x1=cx, x2=cx, y1=y(low), y2=y(high), stroke=paint,
                          stroke_width=5, stroke_dasharray=upto, stroke_opacity=0.6))  # fmt: skip
        for end_value in (low, high) if amount.minimum is not None else (high,):
            shapes.append(tag("line", x1=cx - 7, x2=cx + 7, y1=y(end_value), y2=y(end_value),
                              stroke=paint, stroke_width=2))  # fmt: skip
    hollow = bool(amount and amount.approximate)
    shapes.append(_shape(amount.rate if amount else None, cx, cy, paint, hollow))
    title = tag("title", text(f"{claim.english} Original source: {source_name}."))
    return tag(
        "a", title + "".join(shapes), href=link(claim.iri), class_="mark",
        data_claim=claim.iri, data_rate=amount.rate if amount else None,
    )  # fmt: skip


def _shape(rate: str | None, cx: float, cy: float, paint: str, hollow: bool) -> str:
    fill = "#ffffff" if hollow else paint
    common: _Paint = {"fill": fill, "stroke": paint, "stroke_width": 2.5}
    if rate == "one-off":
        points = f"{cx:.1f},{cy - 8:.1f} {cx + 8:.1f},{cy:.1f} {cx:.1f},{cy + 8:.1f} {cx - 8:.1f},{cy:.1f}"
        return tag("polygon", points=points, **common)
    if rate == "per-year":
        return tag("circle", cx=cx, cy=cy, r=6.5, **common)
    return tag("rect", x=cx - 6, y=cy - 6, width=12, height=12, **common)


def _arrow(px: float, py: float, way: int, paint: str) -> str:
    points = f"{px:.1f},{py:.1f} {px - way * 9:.1f},{py - 5:.1f} {px - way * 9:.1f},{py + 5:.1f}"
    return tag("polygon", points=points, fill=paint)


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
    keys = [
        ("circle", "a yearly rate"), ("polygon", "a one-off sum"), ("rect", "rate not stated"),
    ]  # fmt: skip
    column = LEFT
    for shape, words in keys:
        rate = {"circle": "per-year", "polygon": "one-off"}.get(shape)
        out.append(_shape(rate, column + 6, row - 4, "#555555", False))
        out.append(tag("text", text(words), x=column + 18, y=row, font_size=12, fill="#222222"))
        column += 150
    out.append(_shape("per-year", column + 6, row - 4, "#555555", True))
    out.append(tag("text", text("hollow: approximate sum"), x=column + 18, y=row, font_size=12,
                   fill="#222222"))  # fmt: skip
    column += 190
    out.append(tag("line", x1=column, x2=column + 26, y1=row - 4, y2=row - 4, stroke="#555555",
                   stroke_width=2.5, stroke_dasharray="4 3"))  # fmt: skip
    out.append(tag("text", text("dashed: approximate time"), x=column + 32, y=row, font_size=12,
                   fill="#222222"))  # fmt: skip
    row += LEGEND_ROW + 4
    out.append(tag("line", x1=LEFT + 6, x2=LEFT + 6, y1=row - 12, y2=row + 2, stroke="#555555",
                   stroke_width=5, stroke_opacity=0.6))  # fmt: skip
    out.append(tag("text", text("bar: a range of sums (least to most)"), x=LEFT + 18, y=row,
                   font_size=12, fill="#222222"))  # fmt: skip
    out.append(tag("line", x1=LEFT + 306, x2=LEFT + 306, y1=row - 12, y2=row + 2,
                   stroke="#555555", stroke_width=5, stroke_dasharray="5 3",
                   stroke_opacity=0.6))  # fmt: skip
    out.append(tag("text", text("dashed bar: “up to” a sum"), x=LEFT + 318, y=row,
                   font_size=12, fill="#222222"))  # fmt: skip
    out.append(_arrow(LEFT + 560, row - 4, 1, "#555555"))
    out.append(tag("text", text("arrow: the time is open on that side"), x=LEFT + 570, y=row,
                   font_size=12, fill="#222222"))  # fmt: skip
    return "".join(out)


def _money(value: float) -> str:
    if value >= 1e9:
        return f"${value / 1e9:g}B"
    if value >= 1e6:
        return f"${value / 1e6:g}M"
    return f"${value:,.0f}"
