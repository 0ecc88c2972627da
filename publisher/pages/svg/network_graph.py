"""The relation network as SVG: actors as circles sized by their claims, one curved arrow per
subject, object and relation type, as thick as the claims behind it and coloured by the
relation's family (support, ties, hostility: a few colours, not one per type).

Positions are networkx's spring layout and labels are placed where they overlap no other
label and no node (pages/layout.py); a label with no room is left out of the picture, its
node keeping its name as a tooltip. Several relation types between the same two actors are
drawn as arrows bowed apart, so that none hides another; each node links to its actor page
and each edge to its claims.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from publisher.pages.layout import Box, Label, place_labels, positions
from publisher.pages.network import OTHER, Edge, Network, family_of
from publisher.pages.svg import document, tag, text

WIDTH, GRAPH_HEIGHT, MARGIN = 960, 640, 70
LEGEND_ROW = 20
LABEL_SIZE = 12
FAMILY_COLOURS = {"support": "#0072B2", "ties": "#009E73", "hostility": "#D55E00", OTHER: "#7F7F7F"}


def network_svg(net: Network, link: Callable[[str], str], edge_link: Callable[[Edge], str]) -> str:
    """The network as a complete <svg> document."""
    places, order, labels = _arranged(net)
    families = net.present_families
    height = GRAPH_HEIGHT + 30 + len(families) * LEGEND_ROW
    defs = "".join(
        tag("marker", tag("path", d="M0,0 L10,5 L0,10 z", fill=colour), id=f"arrow-{family}",
            viewBox="0 0 10 10", refX=9, refY=5, markerWidth=5, markerHeight=5,
            orient="auto-start-reverse", markerUnits="strokeWidth")
        for family, colour in FAMILY_COLOURS.items()
    )  # fmt: skip
    parts = [tag("defs", defs)]
    parts.append(tag("rect", x=0, y=0, width=WIDTH, height=GRAPH_HEIGHT, fill="#fcfcfc",
                     stroke="#dddddd"))  # fmt: skip
    if not net.edges:
        parts.append(tag("text", text("No claims between actors match this filter."),
                         x=WIDTH / 2, y=GRAPH_HEIGHT / 2, text_anchor="middle", font_size=16,
                         fill="#555555"))  # fmt: skip
    bows = _bows(net.edges)
    for edge in net.edges:
        parts.append(_edge(edge, net, places, bows[edge], edge_link))
    for node in order:
        parts.append(_node(node, net, places, link, node == net.actor))
    for node in order:
        if node in labels:
            parts.append(_label(node, net, labels[node].x, labels[node].y, labels[node].anchor))
    parts.append(_legend(net, families, GRAPH_HEIGHT + 24))
    shown = len(labels)
    label = f"Relation network: {len(net.nodes)} actors, {len(net.edges)} relations" + (
        f"; {len(net.nodes) - shown} names left out for room" if shown < len(net.nodes) else ""
    )
    return document(WIDTH, height, "".join(parts), label)


def label_boxes(net: Network) -> dict[str, Box]:
    """The boxes of the labels as drawn (for tests: none overlaps another)."""
    return {node: label.box for node, label in _arranged(net)[2].items()}


def _arranged(
    net: Network,
) -> tuple[dict[str, tuple[float, float]], list[str], dict[str, Label]]:
    """Node positions, the nodes in drawing order (the centre first, then the busiest), and
    the labels that found room."""
    links: defaultdict[tuple[str, str], float] = defaultdict(float)
    for e in net.edges:
        links[(e.subject, e.object)] += e.weight
    places = positions(
        tuple(net.nodes),
        tuple((s, o, w) for (s, o), w in links.items()),
        WIDTH,
        GRAPH_HEIGHT,
        MARGIN,
    )
    order = sorted(net.nodes, key=lambda n: (n != net.actor, -net.nodes[n], n))
    labels = place_labels(
        [(n, *places[n], radius(net.nodes[n])) for n in order],
        {n: net.name(n).best for n in net.nodes},
        LABEL_SIZE,
        WIDTH,
        GRAPH_HEIGHT,
    )
    return places, order, labels


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
    family = family_of(edge.relation)
    path = tag("path", d=f"M{start[0]:.1f},{start[1]:.1f} Q{mx:.1f},{my:.1f} {end[0]:.1f},{end[1]:.1f}",
               fill="none", stroke=FAMILY_COLOURS[family], stroke_width=width,
               stroke_opacity=0.75, marker_end=f"url(#arrow-{family})")  # fmt: skip
    return tag("a", tag("title", text(title)) + path, href=edge_link(edge), class_="edge",
               data_relation=edge.relation, data_family=family, data_weight=edge.weight)  # fmt: skip


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    """The point `distance` from (x, y) in the direction of (tx, ty)."""
    length = max(math.hypot(tx - x, ty - y), 1e-6)
    return x + (tx - x) / length * distance, y + (ty - y) / length * distance


def _node(
    node: str,
    net: Network,
    places: dict[str, tuple[float, float]],
    link: Callable[[str], str],
    centre: bool,
) -> str:
    x, y = places[node]
    weight = net.nodes[node]
    name = net.name(node)
    title = name.best + (f" · {name.ar}" if name.ar else "") + f": {weight} claims"
    content = tag("title", text(title))
    content += tag("circle", cx=x, cy=y, r=radius(weight),
                   fill="#B8860B" if centre else "#203040", fill_opacity=0.85,
                   stroke="#ffffff", stroke_width=1.5)  # fmt: skip
    return tag("a", content, href=link(node), class_="node", data_actor=node)


def _label(node: str, net: Network, x: float, y: float, anchor: str) -> str:
    return tag("text", text(net.name(node).best), x=x, y=y, text_anchor=anchor,
               font_size=LABEL_SIZE, fill="#111111", stroke="#ffffff", stroke_width=3,
               paint_order="stroke", class_="label", data_actor=node)  # fmt: skip


def _legend(net: Network, families: list[str], top: float) -> str:
    out = []
    for n, family in enumerate(families):
        y = top + n * LEGEND_ROW
        name = net.family_name(family)
        types = sorted(
            {net.name(e.relation).best for e in net.edges if family_of(e.relation) == family}
        )
        count = sum(e.weight for e in net.edges if family_of(e.relation) == family)
        out.append(tag("line", x1=12, x2=36, y1=y - 4, y2=y - 4, stroke=FAMILY_COLOURS[family],
                       stroke_width=4))  # fmt: skip
        words = f"{name.en} ({count} claims): {', '.join(types)}"
        if len(words) > 140:
            words = words[:137] + "…"
        out.append(tag("text", text(words), x=42, y=y, font_size=12, fill="#222222"))
    return "".join(out)
