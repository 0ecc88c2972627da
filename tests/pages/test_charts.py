"""The funding chart and the relation network: server-side SVG, one mark per claim, one edge
per subject, object and relation type, filters by relation type and period, a stable layout."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest

from tests.conftest import BASE
from tests.pages.dom import page
from tests.pages.helpers import assert_queries_run, path, select, values

SVG = "{http://www.w3.org/2000/svg}"
SHAPES = ("circle", "rect", "polygon")


def _funding_claims(store) -> dict[str, dict[str, str]]:
    rows = select(
        store,
        """SELECT ?c ?rate ?min ?max WHERE { GRAPH ?g { ?c sup:amount ?a .
          OPTIONAL { ?a sup:rate ?rate } OPTIONAL { ?a schema:minValue ?min }
          OPTIONAL { ?a schema:maxValue ?max } } }""",
    )
    return {r["c"]: r for r in rows}


def test_one_mark_per_funding_claim_each_linking_to_it(client, store):
    claims = _funding_claims(store)
    assert claims
    tree = page(client, "/funding")
    marks = tree.find("figure", cls="funding").find_all("a", cls="mark")
    assert len(marks) == len(claims)
    assert {m.get("data-claim") for m in marks} == set(claims)
    for mark in marks:
        assert mark.get("href") == path(mark.get("data-claim"))
        assert mark.find("title").text  # a tooltip: the claim in words


def test_rates_and_one_off_sums_are_told_apart(client, store):
    claims = _funding_claims(store)
    marks = page(client, "/funding").find("figure", cls="funding").find_all("a", cls="mark")
    for mark in marks:
        rate = claims[mark.get("data-claim")].get("rate", "").rsplit("/", 1)[-1] or None
        assert mark.get("data-rate") == rate
        shape = {"per-year": "circle", "one-off": "polygon", None: "rect"}[rate]
        assert mark.find_all(shape), (mark.get("data-claim"), rate)
    assert {m.get("data-rate") for m in marks} >= {"per-year", "one-off"}


def test_ranges_are_drawn_as_bars(client, store):
    claims = _funding_claims(store)
    ranged = {c for c, r in claims.items() if "min" in r or "max" in r}
    assert ranged
    for mark in page(client, "/funding").find_all("a", cls="mark"):
        bars = [line for line in mark.find_all("line") if line.get("x1") == line.get("x2")]
        assert bool(bars) == (mark.get("data-claim") in ranged)


def test_marks_are_coloured_by_original_source(client, store):
    claims = _funding_claims(store)
    sources = {
        r["c"]: r.get("agent", r["d"])
        for r in select(
            store,
            """SELECT ?c ?agent ?d WHERE { GRAPH ?g { ?c sup:amount ?x ; sup:statedIn ?d .
              OPTIONAL { ?c prov:qualifiedAttribution ?a . ?a sup:chainPosition 1 ; prov:agent ?agent } } }""",
        )
    }
    colour_of = {}
    for mark in page(client, "/funding").find_all("a", cls="mark"):
        shape = [e for e in mark.iter() if e.tag in SHAPES][-1]  # the marker is drawn last
        colour_of[mark.get("data-claim")] = shape.get("stroke")
    assert set(colour_of) == set(claims)
    by_source = defaultdict(set)
    for claim, colour in colour_of.items():
        by_source[sources[claim]].add(colour)
    # Publisher-less documents stand for themselves; several claims share a source.
    assert all(len(colours) == 1 for colours in by_source.values())
    colours = [next(iter(c)) for c in by_source.values()]
    assert len(set(colours)) == len(colours)


def _number(value: str) -> float:
    return float(value)


def test_one_column_per_year_each_mark_inside_its_own(client, store):
    """A mark stands inside the column of its year, never in a neighbour's place, and every
    column is one year (or the undated)."""
    root = ET.fromstring(client.get("/funding.svg").get_data())
    columns = {}
    for rect in root.iter(SVG + "rect"):
        if rect.get("class") == "year-column":
            left = _number(rect.get("x"))
            columns[rect.get("data-year")] = (left, left + _number(rect.get("width")))
    years = [k for k in columns if k != "no date"]
    assert years == sorted(years, key=int) and len(set(years)) == len(years)
    for mark in (a for a in root.iter(SVG + "a") if a.get("class") == "mark"):
        shape = [e for e in mark.iter() if e.tag in {SVG + s for s in SHAPES}][-1]
        x = _number(shape.get("cx") or shape.get("x") or shape.get("points").split(",")[0])
        left, right = columns[mark.get("data-year")]
        assert left <= x <= right + 6, (mark.get("data-claim"), x, left, right)


def test_no_line_is_shared_by_two_claims(client):
    """Periods run on lines of their own: no two period lines of different claims lie on one
    another (the two $250 million claims, a pledge and a yearly rate, were once one line)."""
    root = ET.fromstring(client.get("/funding.svg").get_data())
    lines = []
    for mark in (a for a in root.iter(SVG + "a") if a.get("class") == "mark"):
        for drawn in mark.iter(SVG + "path"):
            if drawn.get("class") == "period":
                moves = drawn.get("d").replace("M", " ").replace("L", " ").split()
                points = [tuple(map(float, p.split(","))) for p in moves]
                (x1, y), (x2, _) = points[1], points[2]
                lines.append((mark.get("data-claim"), min(x1, x2), max(x1, x2), y))
    for n, (claim, left, right, y) in enumerate(lines):
        for other, l2, r2, y2 in lines[n + 1 :]:
            assert not (abs(y - y2) < 4 and left < r2 and l2 < right), (claim, other)


def test_hedged_and_denied_claims_are_drawn_apart(client, store):
    hedged = values(
        store, "SELECT ?c WHERE { GRAPH ?g { ?c sup:amount ?a ; sup:hedged true } }", "c"
    )
    marks = page(client, "/funding").find("figure", cls="funding").find_all("a", cls="mark")
    for mark in marks:
        shape = [e for e in mark.iter() if e.tag in SHAPES][-1]
        is_hedged = mark.get("data-claim") in hedged
        assert (mark.get("data-hedged") == "true") == is_hedged
        assert (shape.get("stroke-dasharray") is not None) == is_hedged
        crossed = [p for p in mark.find_all("path") if "denied" in p.classes]
        assert bool(crossed) == (mark.get("data-denied") == "true")
    assert hedged, "the release has no hedged funding claim to draw"


def test_chart_downloads_as_svg(client, store):
    response = client.get("/funding.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    root = ET.fromstring(response.get_data())
    assert root.tag == SVG + "svg"
    marks = [a for a in root.iter(SVG + "a") if a.get("class") == "mark"]
    assert len(marks) == len(_funding_claims(store))
    # A file is read away from the site: its marks link to the claims' IRIs themselves.
    assert {a.get("href") for a in marks} == set(_funding_claims(store))


def test_funding_page_offers_its_data(client):
    assert_queries_run(client, page(client, "/funding"))


def _edges(store, relation: str | None = None) -> dict[tuple[str, str, str], set[str]]:
    where = f"VALUES ?r {{ <{BASE}def/relation/{relation}> }}" if relation else ""
    edges = defaultdict(set)
    for r in select(
        store,
        f"""SELECT ?c ?s ?o ?r WHERE {{ {where}
          GRAPH ?g {{ ?c a sup:Claim ; sup:subject ?s ; sup:object ?o ; sup:relation ?r }}
          GRAPH ?h {{ ?o a sup:Actor }} }}""",
    ):
        edges[(r["s"], r["o"], r["r"])].add(r["c"])
    return edges


def _drawn(tree) -> list:
    return tree.find("figure", cls="network").find_all("a", cls="edge")


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_network_edges_weighted_by_claims(client, store):
    edges = _edges(store)
    tree = page(client, "/network?family=all")
    drawn = _drawn(tree)
    assert len(drawn) == len(edges)
    assert sum(int(a.get("data-weight")) for a in drawn) == sum(len(c) for c in edges.values())
    actors = {a for s, o, _ in edges for a in (s, o)}
    nodes = tree.find("figure", cls="network").find_all("a", cls="node")
    assert {n.get("href") for n in nodes} == {path(a) for a in actors}


def test_network_filtered_by_relation_type(client, store):
    edges = _edges(store, "financial-support")
    assert edges
    drawn = _drawn(page(client, "/network?relation=financial-support"))
    assert len(drawn) == len(edges)
    assert {a.get("data-relation") for a in drawn} == {f"{BASE}def/relation/financial-support"}


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_network_filtered_by_period(client, store):
    everything = len(_drawn(page(client, "/network?family=all")))
    recent = page(client, "/network?family=all&from=2020&to=2024")
    drawn = _drawn(recent)
    assert 0 < len(drawn) < everything
    dated = values(
        store,
        """SELECT ?c WHERE { GRAPH ?g { ?c sup:time ?t .
          ?t (time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)
             |time:hasBeginning/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate) ?d
          FILTER(SUBSTR(STR(?d), 1, 4) >= "2020" && SUBSTR(STR(?d), 1, 4) <= "2024") } }""",
        "c",
    )
    table_claims = {
        a.get("href")
        for a in recent.find("table", cls="edges").find_all("a")
        if "/claim/" in a.get("href")
    }
    assert {path(c) for c in dated if any(c in v for v in _edges(store).values())} <= table_claims


@pytest.mark.parametrize(
    "query, named",
    [
        ("relation=no-such-type", "relation"),
        ("from=1990x", "from"),
        ("from=2020&to=2000", "from"),
        ("family=friends", "family"),
        ("actor=nobody", "actor"),
    ],
)
def test_network_refuses_bad_filters(client, query, named):
    for url in (f"/network?{query}", f"/network.svg?{query}"):
        response = client.get(url, headers={"Accept": "text/plain"})
        assert response.status_code == 400
        assert named in response.get_data(as_text=True)


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_network_layout_is_deterministic(client):
    from publisher.pages.layout import _positions

    first = client.get("/network.svg").get_data()
    _positions.cache_clear()  # computed afresh, not remembered
    again = client.get("/network.svg").get_data()
    assert first == again
    root = ET.fromstring(first)
    assert [a.get("class") for a in root.iter(SVG + "a")].count("edge") > 0


def test_network_page_offers_its_data(client):
    assert_queries_run(client, page(client, "/network?relation=financial-support"))


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_network_is_focused_by_default_on_support(client, store):
    from publisher.pages.network import FAMILIES

    support = {f"{BASE}def/relation/{r}" for r in FAMILIES["support"][2]}
    tree = page(client, "/network")
    drawn = _drawn(tree)
    assert drawn and {a.get("data-relation") for a in drawn} <= support
    assert len(drawn) < len(_edges(store))
    assert "support given or pledged" in tree.find("p", cls="focus").text
    # A few colours, one per family, not one per relation type.
    everything = _drawn(page(client, "/network?family=all"))
    colours = {a.find("path").get("stroke") for a in everything}
    assert len(colours) <= 4 < len({a.get("data-relation") for a in everything})


def test_network_around_an_actor(client, store):
    hamas = BASE + "id/actor/hamas"
    tree = page(client, "/network?actor=hamas")
    drawn = _drawn(tree)
    edges = {k: v for k, v in _edges(store).items() if hamas in k[:2]}
    neighbours = {a for s, o, _ in edges for a in (s, o)}
    assert {(a.get("data-relation")) for a in drawn} >= {r for _, _, r in edges}
    nodes = {
        n.get("data-actor") for n in tree.find("figure", cls="network").find_all("a", cls="node")
    }
    assert nodes == neighbours


@pytest.mark.parametrize("query", ["", "family=all", "actor=hamas", "actor=iran&family=support"])
@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_network_labels_never_overlap(client, store, query):
    from publisher.pages.network import network
    from publisher.pages.svg.network_graph import label_boxes

    families = [v for k, v in (p.split("=") for p in query.split("&") if p) if k == "family"]
    actor = next(
        (
            BASE + "id/actor/" + v
            for k, v in (p.split("=") for p in query.split("&") if p)
            if k == "actor"
        ),
        None,
    )
    boxes = list(label_boxes(network(store, BASE, families=families, actor=actor)).values())
    assert len(boxes) >= 5
    for n, one in enumerate(boxes):
        for other in boxes[n + 1 :]:
            assert not one.overlaps(other), (one, other)
    labels = (
        page(client, f"/network?{query}")
        .find("figure", cls="network")
        .find_all("text", cls="label")
    )
    assert len(labels) == len(boxes)
