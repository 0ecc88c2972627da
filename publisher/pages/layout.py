"""Where nodes and their labels go in a picture of a graph (plain Python over networkx).

Positions come from networkx's force-directed layout (Fruchterman-Reingold, `spring_layout`)
with a fixed seed and the nodes and edges given in a fixed order, so one input always gives one
picture. Labels are then placed one by one, the busiest node's first, at the first of several
spots around their node where their box overlaps no label already placed, no node and no
border; a label that fits nowhere is left out of the picture (its node keeps its name as a
tooltip and in the table under the picture), so that no two labels are ever drawn over each
other. Text widths are estimated from the number of characters (no font is measured on the
server), generously.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import networkx as nx

SEED = 7
CHAR_WIDTH = 0.62  # of the font size: an estimate a little wider than most sans-serif text


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.bottom <= other.top
            or other.bottom <= self.top
        )

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


@dataclass(frozen=True)
class Label:
    """A label's anchor point, its SVG text-anchor, and the box it takes."""

    x: float
    y: float
    anchor: str  # "start" | "middle" | "end"
    box: Box


def positions(
    nodes: tuple[str, ...],
    edges: tuple[tuple[str, str, float], ...],
    width: float,
    height: float,
    margin: float,
) -> dict[str, tuple[float, float]]:
    """Node positions inside the box (a margin all round), by networkx's spring layout."""
    return dict(_positions(tuple(sorted(nodes)), tuple(sorted(edges)), width, height, margin))


@functools.lru_cache(maxsize=64)
def _positions(
    nodes: tuple[str, ...],
    edges: tuple[tuple[str, str, float], ...],
    width: float,
    height: float,
    margin: float,
) -> tuple[tuple[str, tuple[float, float]], ...]:
    if not nodes:
        return ()
    if len(nodes) == 1:
        return ((nodes[0], (width / 2, height / 2)),)
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(nodes)
    for source, target, weight in edges:
        if source != target:
            held = graph.get_edge_data(source, target, {"weight": 0.0})["weight"]
            graph.add_edge(source, target, weight=held + weight)
    # ForceAtlas2: hubs push their many neighbours apart (repulsion by degree), gravity keeps
    # the small unconnected groups near the middle instead of off in a corner, and node sizes
    # keep circles from landing on each other.
    size = {n: 1.0 + math.sqrt(graph.degree(n, weight="weight")) for n in nodes}
    found = nx.forceatlas2_layout(
        graph,
        max_iter=400,
        scaling_ratio=4.0,
        gravity=1.0,
        strong_gravity=True,
        node_size=size,
        weight="weight",
        seed=SEED,
    )
    xs = [float(p[0]) for p in found.values()]
    ys = [float(p[1]) for p in found.values()]
    low_x, low_y = min(xs), min(ys)
    spread_x, spread_y = max(xs) - low_x, max(ys) - low_y
    inner_w, inner_h = width - 2 * margin, height - 2 * margin
    placed = []
    for node in nodes:
        x, y = (float(v) for v in found[node])
        px = margin + ((x - low_x) / spread_x * inner_w if spread_x > 1e-9 else inner_w / 2)
        py = margin + ((y - low_y) / spread_y * inner_h if spread_y > 1e-9 else inner_h / 2)
        placed.append((node, (round(px, 2), round(py, 2))))
    return tuple(placed)


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH + 4


def place_labels(
    nodes: list[tuple[str, float, float, float]],
    texts: dict[str, str],
    size: float,
    width: float,
    height: float,
    reserved: list[Box] | None = None,
) -> dict[str, Label]:
    """Labels that overlap nothing: `nodes` are (id, x, y, radius) in the order their labels
    are placed (most important first); a node whose label fits nowhere gets none."""
    taken = list(reserved or [])
    circles = [Box(x - r, y - r, x + r, y + r) for _, x, y, r in nodes]
    placed: dict[str, Label] = {}
    for node, x, y, r in nodes:
        text = texts.get(node, "")
        if not text:
            continue
        w, h = text_width(text, size), size * 1.25
        for label in _candidates(x, y, r, w, h, size):
            if not label.box.inside(width, height):
                continue
            if any(label.box.overlaps(b) for b in taken) or any(
                label.box.overlaps(c) for c in circles
            ):
                continue
            placed[node] = label
            taken.append(label.box)
            break
    return placed


def _candidates(x: float, y: float, r: float, w: float, h: float, size: float) -> list[Label]:
    """Spots around a node: below, above, right, left, then the four diagonals, then further."""
    spots = []
    for gap in (3.0, 10.0, 20.0):
        below = y + r + gap + size
        above = y - r - gap - size * 0.25
        middle = y + size * 0.35
        spots += [
            Label(x, below, "middle", Box(x - w / 2, below - size, x + w / 2, below - size + h)),
            Label(x, above, "middle", Box(x - w / 2, above - size, x + w / 2, above - size + h)),
            Label(x + r + gap, middle, "start",
                  Box(x + r + gap, middle - size, x + r + gap + w, middle - size + h)),
            Label(x - r - gap, middle, "end",
                  Box(x - r - gap - w, middle - size, x - r - gap, middle - size + h)),
            Label(x + r, below, "start", Box(x + r, below - size, x + r + w, below - size + h)),
            Label(x - r, below, "end", Box(x - r - w, below - size, x - r, below - size + h)),
            Label(x + r, above, "start", Box(x + r, above - size, x + r + w, above - size + h)),
            Label(x - r, above, "end", Box(x - r - w, above - size, x - r, above - size + h)),
        ]  # fmt: skip
    return spots
