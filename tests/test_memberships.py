"""Roles and memberships a document states are claims anchored in its words, with their time;
the reference data keeps only what no document states."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from publisher.corpus.load import load_corpus
from publisher.errors import InputError

B = "http://127.0.0.1:8080/"
PREFIXES = f"""PREFIX sup: <{B}def/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time: <http://www.w3.org/2006/time#>
"""


def _rows(store: pyoxigraph.Store, query: str) -> list[dict[str, str]]:
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def test_every_stated_membership_has_its_evidence(release_store: pyoxigraph.Store) -> None:
    rows = _rows(
        release_store,
        """SELECT ?m ?exact ?document WHERE {
          ?m a org:Membership ; dcterms:source ?document .
          OPTIONAL { ?m a sup:Claim ; sup:statedIn ?document ;
                     prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact } }""",
    )
    assert len(rows) >= 25
    assert all(r.get("exact") for r in rows), [r["m"] for r in rows if not r.get("exact")]


def test_a_role_with_its_time_and_its_words(release_store: pyoxigraph.Store) -> None:
    rows = _rows(
        release_store,
        f"""SELECT ?exact ?begin ?role WHERE {{
          <{B}id/claim/hnp-qaddoumi-office-head-since-2011> a org:Membership ;
              org:member <{B}id/actor/khaled-qaddoumi> ; org:organization <{B}id/actor/hamas> ;
              org:role ?role ; org:memberDuring/time:hasBeginning/time:inXSDgYear ?begin ;
              prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact }}""",
    )
    assert rows == [
        {
            "exact": "القدومي الذي يترأس مكتب حماس في طهران منذ عام 2011",
            "begin": "2011",
            "role": f"{B}id/position/office-head",
        }
    ]


@pytest.mark.parametrize(
    "member, organisation",
    [
        ("khader-adnan", "palestinian-islamic-jihad"),  # stated, absent before
        ("hezbollah", "axis-of-resistance"),  # who belongs to an alliance
        ("qassam-brigades", "hamas"),  # the armed wing, as the English article states it
    ],
)
def test_memberships_the_text_states(
    release_store: pyoxigraph.Store, member: str, organisation: str
) -> None:
    assert release_store.query(
        PREFIXES
        + f"""ASK {{ ?claim a sup:Claim , org:Membership ;
            org:member <{B}id/actor/{member}> ; org:organization <{B}id/actor/{organisation}> .
            <{B}id/actor/{member}> org:memberOf <{B}id/actor/{organisation}> }}""",
        use_default_graph_as_union=True,
    )


def test_reference_data_keeps_only_what_no_document_states(project: Path) -> None:
    path = project / "data/actors.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "memberships: []",
            "memberships:\n  - {person: ismail-haniyeh, organisation: hamas, position: leader,"
            " source: hamas-iran-ties-en-opinion}",
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_corpus(project)
    assert any(
        "unknown key 'source'" in str(p) and "is a claim in data/claims" in str(p)
        for p in caught.value.problems
    )
