"""Conflict kinds: a contradiction sets affirmed against denied, differing figures disagree on a
figure, a change over time is an ordered series and no conflict; claims of one proposition
(with one polarity) are never on two sides; "the first since" affirms the event it describes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from publisher.corpus.load import load_corpus
from publisher.errors import InputError

B = "http://127.0.0.1:8080/"
PREFIXES = f"PREFIX sup: <{B}def/>\nPREFIX claim: <{B}id/claim/>\n"


def test_no_conflict_joins_reports_of_one_proposition(release_store: pyoxigraph.Store) -> None:
    rows = list(
        release_store.query(
            PREFIXES
            + """SELECT ?conflict ?a ?b WHERE {
              ?conflict a sup:Conflict ; sup:hasSide ?one , ?other . FILTER (?one != ?other)
              ?one sup:sideClaim ?a . ?other sup:sideClaim ?b .
              ?a sup:proposition ?p ; sup:polarity ?polarity .
              ?b sup:proposition ?p ; sup:polarity ?polarity . }""",
            use_default_graph_as_union=True,
        )
    )
    assert rows == []
    # ... and claims linked by sup:conflictsWith never report one proposition either.
    linked = list(
        release_store.query(
            PREFIXES
            + """SELECT ?a ?b WHERE { ?a sup:conflictsWith ?b .
              ?a sup:proposition ?p ; sup:polarity ?polarity .
              ?b sup:proposition ?p ; sup:polarity ?polarity . }""",
            use_default_graph_as_union=True,
        )
    )
    assert linked == []


def test_every_conflict_has_its_kind_and_the_kind_holds(release_store: pyoxigraph.Store) -> None:
    rows = list(
        release_store.query(
            PREFIXES
            + """SELECT ?conflict ?kind ?side ?polarity WHERE {
              ?conflict a sup:Conflict ; sup:conflictKind ?kind ; sup:hasSide ?side .
              ?side sup:sideClaim/sup:polarity ?polarity }""",
            use_default_graph_as_union=True,
        )
    )
    polarities: dict[tuple[str, str], dict[str, set[str]]] = {}
    for row in rows:
        key = (row["conflict"].value, row["kind"].value.rsplit("/", 1)[-1])
        polarities.setdefault(key, {}).setdefault(row["side"].value, set()).add(
            row["polarity"].value.rsplit("/", 1)[-1]
        )
    assert len(polarities) >= 5
    for (conflict, kind), sides in polarities.items():
        if kind == "contradiction":
            assert sorted(tuple(p) for p in sides.values()) == [("affirmed",), ("denied",)], (
                conflict
            )
        else:
            assert kind == "differing-figures"
            assert len(set().union(*sides.values())) == 1, conflict


def test_a_document_s_increase_is_an_ordered_series(release_store: pyoxigraph.Store) -> None:
    rows = list(
        release_store.query(
            PREFIXES
            + f"""SELECT ?position ?claim WHERE {{
              <{B}id/series/iran-yearly-funding-figures> a sup:ClaimSeries ;
                  sup:seriesItem ?item .
              ?item sup:seriesPosition ?position ; sup:itemClaim ?claim }} ORDER BY ?position""",
            use_default_graph_as_union=True,
        )
    )
    assert [(int(r["position"].value), r["claim"].value.rsplit("/", 1)[-1]) for r in rows] == [
        (1, "ihr-state-dept-100m"),
        (2, "ihr-israeli-source-350m"),
    ]
    assert not release_store.query(
        PREFIXES
        + "ASK { claim:ihr-state-dept-100m sup:conflictsWith claim:ihr-israeli-source-350m }",
        use_default_graph_as_union=True,
    )


def test_the_first_visit_since_2010_affirms_the_visit(release_store: pyoxigraph.Store) -> None:
    rows = list(
        release_store.query(
            PREFIXES
            + """SELECT ?polarity ?since ?event WHERE {
              claim:rdm-no-presidential-visit-since-2010 sup:polarity ?polarity ;
                  sup:firstSince ?since ; sup:aboutEvent ?event }""",
            use_default_graph_as_union=True,
        )
    )
    assert len(rows) == 1
    assert rows[0]["polarity"].value == f"{B}def/polarity/affirmed"
    assert rows[0]["since"].value == "2010"
    assert rows[0]["event"].value == f"{B}id/event/raisi-syria-visit-2023"
    assert not release_store.query(
        PREFIXES + "ASK { claim:rdm-no-presidential-visit-since-2010 sup:conflictsWith ?other }",
        use_default_graph_as_union=True,
    )


def _fails(project: Path, *words: str) -> None:
    with pytest.raises(InputError) as caught:
        load_corpus(project)
    problems = [str(p) for p in caught.value.problems]
    assert any(
        p.startswith(f"{project / 'data/conflicts.yaml'}:") and all(w in p for w in words)
        for p in problems
    ), problems


def _append(project: Path, entry: str) -> None:
    path = project / "data/conflicts.yaml"
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")


def test_reports_of_one_proposition_on_two_sides_are_refused(project: Path) -> None:
    """The conflict the careful reader found: "about" against "up to" the same figure."""
    _append(
        project,
        """  - id: state-department-figure-about-or-up-to
    kind: differing-figures
    aspect: amount
    sides:
      - [ihr-state-dept-100m, hit-state-dept-100m]
      - [rdm-state-dept-100m]
""",
    )
    _fails(project, "report one proposition (iran-funds-palestinian-groups-100m-2020)")


def test_a_contradiction_needs_affirmed_against_denied(project: Path) -> None:
    _append(
        project,
        """  - id: not-a-contradiction
    kind: contradiction
    aspect: time
    sides:
      - [ihr-hamas-refuses-to-back-assad]
      - [rdm-hamas-refuses-to-side-with-assad]
""",
    )
    _fails(project, "a contradiction sets affirmed against denied")


def test_a_series_is_in_time_order_and_no_conflict(project: Path) -> None:
    _append(
        project,
        """  - id: backwards
    kind: change-over-time
    series: [ihr-israeli-source-350m, ihr-state-dept-100m]
""",
    )
    _fails(project, "series backwards", "comes before the claim listed ahead of it")
