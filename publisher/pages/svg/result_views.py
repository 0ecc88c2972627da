"""The query page's views of a result, drawn on the server as SVG (no script needed): a
timeline, a bar chart, a graph (pages/result_views.py finds what each draws)."""

from __future__ import annotations

import math
from collections.abc import Callable

from publisher.pages.layout import place_labels, positions, text_width
from publisher.pages.result_views import BarChart, ResultGraph, Timeline
from publisher.pages.svg import colour, document, nice_step, tag, text

WIDTH = 960
LANE = 22
AXIS = 34
LEGEND_ROW = 20
MOST_MARKS = 400
MOST_BARS = 80
FONT = 12


def timeline_svg(view: Timeline, link: Callable[[str], str]) -> str:
    marks = sorted(view.marks, key=lambda m: (m.start, m.end or m.start))[:MOST_MARKS]
    groups = sorted({m.group for m in marks if m.group})
    colours = {g: colour(n) for n, g in enumerate(groups)}
    first = math.floor(min(m.start for m in marks))
    last = math.ceil(max((m.end or m.start + 0.05) for m in marks))
    if last - first < 2:
        first, last = first - 1, last + 1
    left, right = 16, WIDTH - 16

    def x(year: float) -> float:
        return left + (year - first) / (last - first) * (right - left)

    lanes_top = AXIS + 8
    plot_bottom = lanes_top + len(marks) * LANE
    parts = [tag("rect", x=0, y=0, width=WIDTH, height=plot_bottom + 8, fill="#fcfcfc",
                 stroke="#dddddd")]  # fmt: skip
    step = max(1, int(nice_step(last - first, 10)))
    year = first - first % step
    while year <= last:
        if year >= first:
            parts.append(tag("line", x1=x(year), x2=x(year), y1=AXIS - 6, y2=plot_bottom,
                             stroke="#e6e6e6"))  # fmt: skip
            parts.append(tag("text", text(str(year)), x=x(year), y=AXIS - 10, font_size=FONT,
                             text_anchor="middle", fill="#444444"))  # fmt: skip
        year += step
    for n, mark in enumerate(marks):
        y = lanes_top + n * LANE + LANE / 2
        paint = colours.get(mark.group or "", "#0072B2")
        start = x(mark.start)
        end = x(mark.end) if mark.end is not None else None
        if end is not None and end - start > 4:
            shape = tag("rect", x=start, y=y - 5, width=end - start, height=10, rx=3, fill=paint,
                        fill_opacity=0.85)  # fmt: skip
            after = end
        else:
            shape = tag("circle", cx=start, cy=y, r=5, fill=paint)
            after = start
        label = mark.label if len(mark.label) <= 110 else mark.label[:107] + "…"
        words = f"{mark.when} · {label}"
        width = text_width(words, FONT)
        if after + 8 + width <= WIDTH - 4:
            words_tag = tag("text", text(words), x=after + 8, y=y + 4, font_size=FONT,
                            fill="#222222")  # fmt: skip
        else:
            before = start - 8
            words_tag = tag("text", text(words), x=max(before, width + 4), y=y + 4,
                            font_size=FONT, fill="#222222", text_anchor="end")  # fmt: skip
        title = tag(
            "title", text(f"{mark.when}: {mark.label}" + (f" ({mark.group})" if mark.group else ""))
        )
        content = title + shape + words_tag
        parts.append(
            tag("a", content, href=link(mark.iri), class_="mark", data_when=mark.when)
            if mark.iri
            else tag("g", content, class_="mark", data_when=mark.when)
        )
    parts.append(_legend(groups, colours, plot_bottom + 26, view.group_column))
    height = plot_bottom + 16 + (len(groups) + 1) * LEGEND_ROW if groups else plot_bottom + 12
    label = f"Timeline of {len(marks)} rows by ?{view.date_column}"
    return document(WIDTH, height, "".join(parts), label)


def bar_chart_svg(view: BarChart, link: Callable[[str], str]) -> str:
    bars = view.bars[:MOST_BARS]
    groups = sorted({b.group for b in bars if b.group})
    colours = {g: colour(n) for n, g in enumerate(groups)}
    label_width = min(420.0, max(text_width(b.label, FONT) for b in bars) + 12)
    top_value = max([b.value for b in bars] + [0.0])
    low_value = min([b.value for b in bars] + [0.0])
    span = (top_value - low_value) or 1.0
    left, right = label_width + 8, WIDTH - 70

    def x(value: float) -> float:
        return left + (value - low_value) / span * (right - left)

    top = AXIS
    parts = []
    step = nice_step(span, 6)
    tick = math.floor(low_value / step) * step
    bottom = top + len(bars) * LANE
    while tick <= top_value + 1e-9:
        parts.append(tag("line", x1=x(tick), x2=x(tick), y1=top - 6, y2=bottom, stroke="#e6e6e6"))
        parts.append(tag("text", text(_short(tick)), x=x(tick), y=top - 10, font_size=FONT,
                         text_anchor="middle", fill="#444444"))  # fmt: skip
        tick += step
    for n, bar in enumerate(bars):
        y = top + n * LANE
        paint = colours.get(bar.group or "", "#0072B2")
        most = int((label_width - 12) / (FONT * 0.62))
        label = bar.label if len(bar.label) <= most else bar.label[: max(most - 1, 1)] + "…"
        start, end = sorted((x(0.0), x(bar.value)))
        content = tag(
            "title",
            text(f"{bar.label}: {_short(bar.value)}" + (f" ({bar.group})" if bar.group else "")),
        )
        content += tag("text", text(label), x=label_width, y=y + LANE / 2 + 4, font_size=FONT,
                       text_anchor="end", fill="#222222")  # fmt: skip
        content += tag("rect", x=start, y=y + 3, width=max(end - start, 1), height=LANE - 6,
                       fill=paint, fill_opacity=0.85)  # fmt: skip
        content += tag("text", text(_short(bar.value)), x=end + 4, y=y + LANE / 2 + 4,
                       font_size=FONT, fill="#444444")  # fmt: skip
        parts.append(
            tag("a", content, href=link(bar.iri), class_="bar", data_value=bar.value)
            if bar.iri
            else tag("g", content, class_="bar", data_value=bar.value)
        )
    parts.append(_legend(groups, colours, bottom + 26, view.group_column))
    height = bottom + 16 + (len(groups) + 1) * LEGEND_ROW if groups else bottom + 12
    label = f"Bar chart of ?{view.value_column} for {len(bars)} rows"
    return document(WIDTH, height, "".join(parts), label)


def graph_svg(view: ResultGraph, link: Callable[[str], str]) -> str:
    height, margin = 600, 60
    places = positions(
        tuple(view.nodes),
        tuple((e.source, e.target, 1.0) for e in view.edges),
        WIDTH,
        height,
        margin,
    )

    def radius(node: str) -> float:
        return 5 + 2 * math.sqrt(view.weights.get(node, 1))

    parts = [
        tag("defs", tag("marker", tag("path", d="M0,0 L10,5 L0,10 z", fill="#55708a"),
                        id="result-arrow", viewBox="0 0 10 10", refX=9, refY=5, markerWidth=6,
                        markerHeight=6, orient="auto-start-reverse")),
        tag("rect", x=0, y=0, width=WIDTH, height=height, fill="#fcfcfc", stroke="#dddddd"),
    ]  # fmt: skip
    for edge in view.edges:
        (x1, y1), (x2, y2) = places[edge.source], places[edge.target]
        length = max(math.hypot(x2 - x1, y2 - y1), 1e-6)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        sx, sy = x1 + ux * radius(edge.source), y1 + uy * radius(edge.source)
        ex, ey = x2 - ux * (radius(edge.target) + 2), y2 - uy * (radius(edge.target) + 2)
        words = f"{view.nodes[edge.source]} → {view.nodes[edge.target]}" + (
            f": {edge.label}" if edge.label else ""
        )
        parts.append(tag("g", tag("title", text(words)) + tag(
            "line", x1=sx, y1=sy, x2=ex, y2=ey, stroke="#55708a", stroke_width=1.6,
            stroke_opacity=0.8, marker_end="url(#result-arrow)"), class_="edge"))  # fmt: skip
    order = sorted(view.nodes, key=lambda n: (-view.weights.get(n, 0), n))
    labels = place_labels(
        [(n, *places[n], radius(n)) for n in order], view.nodes, FONT, WIDTH, height
    )
    for node in order:
        x, y = places[node]
        content = tag("title", text(view.nodes[node])) + tag(
            "circle", cx=x, cy=y, r=radius(node), fill="#203040", fill_opacity=0.85,
            stroke="#ffffff", stroke_width=1.5)  # fmt: skip
        parts.append(tag("a", content, href=link(node), class_="node", data_iri=node))
    for node in order:
        if node in labels:
            spot = labels[node]
            parts.append(tag("text", text(view.nodes[node]), x=spot.x, y=spot.y,
                             text_anchor=spot.anchor, font_size=FONT, fill="#111111",
                             stroke="#ffffff", stroke_width=3, paint_order="stroke",
                             class_="label"))  # fmt: skip
    label = f"Graph of {len(view.nodes)} nodes and {len(view.edges)} edges"
    return document(WIDTH, height, "".join(parts), label)


def _legend(groups: list[str], colours: dict[str, str], top: float, column: str | None) -> str:
    if not groups:
        return ""
    out = [tag("text", text(f"colour: ?{column}"), x=16, y=top, font_size=FONT,
               font_weight="bold", fill="#222222")]  # fmt: skip
    for n, group in enumerate(groups):
        y = top + (n + 1) * LEGEND_ROW
        out.append(tag("rect", x=16, y=y - 10, width=12, height=12, fill=colours[group]))
        out.append(tag("text", text(group), x=34, y=y, font_size=FONT, fill="#222222"))
    return "".join(out)


def _short(value: float) -> str:
    if abs(value) >= 1e9:
        return f"{value / 1e9:g}B"
    if abs(value) >= 1e6:
        return f"{value / 1e6:g}M"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}"
