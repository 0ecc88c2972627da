"""The relation network as SVG: actors as circles sized by their claims, one curved arrow per
subject, object and relation type, as thick as the claims behind it and coloured by type.

Several relation types between the same two actors are drawn as arrows bowed apart, so that
none hides another; each node links to its actor page and each edge to its claims.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from publisher.pages.network import Edge, Network, layout
from publisher.pages.svg import colour, document, tag, text

WIDTH, GRAPH_HEIGHT, MARGIN = 960, 680, 90
LEGEND_ROW, LEGEND_COLUMNS = 20, 3


def network_svg(net: Network, link: Callable[[str], str], edge_link: Callable[[Edge], str]) -> str:
    """The network as a complete <svg> document."""
    places = layout(net, WIDTH, GRAPH_HEIGHT, MARGIN)
    colours = {r: colour(n) for n, r in enumerate(net.relation_types)}
    present = sorted({e.relation for e in net.edges}, key=net.relation_types.index)
    legend_rows = math.ceil(len(present) / LEGEND_COLUMNS)
    height = GRAPH_HEIGHT + 40 + legend_rows * LEGEND_ROW
    defs = "".join(
        tag("marker", tag("path", d="M0,0 L10,5 L0,10 z", fill=colours[r]), id=f"arrow-{n}",
            viewBox="0 0 10 10", refX=9, refY=5, markerWidth=5, markerHeight=5,
            orient="auto-start-reverse", markerUnits="strokeWidth")
        for n, r in enumerate(net.relation_types)
    )  # fmt: skip
    parts = [tag("defs", defs)] if defs else []
    parts.append(tag("rect", x=0, y=0, width=WIDTH, height=GRAPH_HEIGHT, fill="#fcfcfc",
                     stroke="#dddddd"))  # fmt: skip
    if not net.edges:
        parts.append(tag("text", text("No claims between actors match this filter."),
                         x=WIDTH / 2, y=GRAPH_HEIGHT / 2, text_anchor="middle", font_size=16,
                         fill="#555555"))  # fmt: skip
    bows = _bows(net.edges)
    for edge in net.edges:
        parts.append(
            _edge(edge, net, places, bows[edge], colours[edge.relation],
                  net.relation_types.index(edge.relation), edge_link)
        )  # fmt: skip
    for node, weight in net.nodes.items():
        parts.append(_node(node, weight, net, places, link))
    parts.append(_legend(present, net, colours, GRAPH_HEIGHT + 26))
    label = f"Relation network: {len(net.nodes)} actors, {len(net.edges)} relations"
    return document(WIDTH, height, "".join(parts), label)


def radius(weight: int) -> float:
    return 5 + 2.2 * math.sqrt(weight)


def _bows(edges: list[Edge]) -> dict[Edge, float]:
    """How far each edge bows from the straight line, so that parallel edges stay apart."""
    between: dict[tuple[str, ...], list[Edge]] = defaultdict(list)
    for edge in edges:
        between[tuple(sorted((edge.subject, edge.object)))].append(edge)
    bows = {}
    for members in between.values():
        for n, edge in enumerate(members):
            bows[edge] = (n - (len(members) - 1) / 2) * 9
    return bows


def _edge(
    edge: Edge,
    net: Network,
    places: dict[str, tuple[float, float]],
    bow: float,
    paint: str,
    number: int,
    edge_link: Callable[[Edge], str],
) -> str:
    (x1, y1), (x2, y2) = places[edge.subject], places[edge.object]
    # The bow is measured on the pair's canonical direction, so A->B and B->A bow apart.
    (ax, ay), (bx, by) = (
        sorted([(x1, y1), (x2, y2)]) if edge.subject != edge.object else ((x1, y1), (x1 + 1, y1))
    )
    length = max(math.hypot(bx - ax, by - ay), 1e-6)
    nx, ny = -(by - ay) / length, (bx - ax) / length
    mx, my = (x1 + x2) / 2 + nx * bow * 2, (y1 + y2) / 2 + ny * bow * 2
    start = _towards(x1, y1, mx, my, radius(net.nodes[edge.subject]) + 1)
    end = _towards(x2, y2, mx, my, radius(net.nodes[edge.object]) + 3)
    width = 1.2 + 1.4 * math.sqrt(edge.weight)
    subject, obj = net.name(edge.subject).best, net.name(edge.object).best
    relation = net.name(edge.relation)
    title = (
        f"{subject} → {obj}: {relation.best}"
        + (f" ({relation.ar})" if relation.ar else "")
        + f", {edge.weight} claim{'s' if edge.weight != 1 else ''}"
    )
    path = tag("path", d=f"M{start[0]:.1f},{start[1]:.1f} Q{mx:.1f},{my:.1f} {end[0]:.1f},{end[1]:.1f}",
               fill="none", stroke=paint, stroke_width=width, stroke_opacity=0.75,
               marker_end=f"url(#arrow-{number})")  # fmt: skip
    return tag("a", tag("title", text(title)) + path, href=edge_link(edge), class_="edge",
               data_relation=edge.relation, data_weight=edge.weight)  # fmt: skip


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    """The point `distance` from (x, y) in the direction of (tx, ty)."""
    length = max(math.hypot(tx - x, ty - y), 1e-6)
    return x + (tx - x) / length * distance, y + (ty - y) / length * distance


def _node(
    node: str,
    weight: int,
    net: Network,
    places: dict[str, tuple[float, float]],
    link: Callable[[str], str],
) -> str:
    x, y = places[node]
    name = net.name(node)
    r = radius(weight)
    title = name.best + (f" · {name.ar}" if name.ar else "") + f": {weight} claims"
    content = tag("title", text(title))
    content += tag("circle", cx=x, cy=y, r=r, fill="#203040", fill_opacity=0.85,
                   stroke="#ffffff", stroke_width=1.5)  # fmt: skip
    content += tag("text", text(name.best), x=x, y=y + r + 13, text_anchor="middle",
                   font_size=11, fill="#111111", stroke="#ffffff", stroke_width=3,
                   paint_order="stroke")  # fmt: skip
    return tag("a", content, href=link(node), class_="node", data_actor=node)


def _legend(present: list[str], net: Network, colours: dict[str, str], top: float) -> str:
    out = []
    column_width = WIDTH / LEGEND_COLUMNS
    for n, relation in enumerate(present):
        x = 12 + (n % LEGEND_COLUMNS) * column_width
        y = top + (n // LEGEND_COLUMNS) * LEGEND_ROW
        name = net.name(relation)
        count = sum(e.weight for e in net.edges if e.relation == relation)
        out.append(tag("line", x1=x, x2=x + 24, y1=y - 4, y2=y - 4, stroke=colours[relation],
                       stroke_width=4))  # fmt: skip
        out.append(tag("text", text(f"{name.best} ({count})"), x=x + 30, y=y, font_size=12,
                       fill="#222222"))  # fmt: skip
    return "".join(out)
