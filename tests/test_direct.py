"""The direct view (B graph/direct): one plain triple per (subject, relation, object) of the
affirmed claims, and the RDF 1.2 dump where each affirmed claim is a reifier of its triple and
Arabic text has its direction."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from publisher.corpus.load import load_corpus

ROOT = Path(__file__).resolve().parent.parent
B = "http://127.0.0.1:8080/"
DIRECT = f"<{B}graph/direct>"
REIFIES = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>"


def test_whom_does_iran_fund(release_store: pyoxigraph.Store) -> None:
    """A client that knows nothing of claims follows Iran → financial support → whom."""
    rows = list(
        release_store.query(
            f"""SELECT ?whom WHERE {{ GRAPH {DIRECT} {{
              <{B}id/actor/iran> <{B}def/direct/financial-support> ?whom }} }}"""
        )
    )
    found = [r["whom"].value.rsplit("/", 1)[-1] for r in rows]
    assert len(found) == len(set(found))  # one triple per pair, however many claims
    corpus, _ = load_corpus(ROOT)
    claims = [
        c
        for c in corpus.claims.values()
        if (c.subject, c.relation, c.polarity) == ("iran", "financial-support", "affirmed")
    ]
    assert len(claims) > len(found)  # several claims per pair, one triple
    assert set(found) == {c.object for c in claims}
    assert {"hamas", "palestinian-armed-groups", "palestinian-authority"} <= set(found)


def test_denied_claims_give_no_direct_triple(release_store: pyoxigraph.Store) -> None:
    # Hamas refused to back Assad (two denied claims, no affirmed one).
    assert not release_store.query(
        f"""ASK {{ GRAPH {DIRECT} {{ <{B}id/actor/hamas> <{B}def/direct/political-support>
            <{B}id/actor/syrian-government> }} }}"""
    )


def test_direct_properties_are_declared(release_store: pyoxigraph.Store) -> None:
    rows = list(
        release_store.query(
            f"""SELECT ?label WHERE {{ GRAPH {DIRECT} {{
              <{B}def/direct/financial-support> a <http://www.w3.org/2002/07/owl#ObjectProperty> ;
                <{B}def/relationType> <{B}def/relation/financial-support> ;
                <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }}"""
        )
    )
    assert {(r["label"].value, r["label"].language) for r in rows} == {
        ("financial support", "en"),
        ("دعم مالي", "ar"),
    }


@pytest.fixture(scope="module")
def rdf12(built_release: Path) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(path=str(built_release / "dataset-rdf12.trig"), format=pyoxigraph.RdfFormat.TRIG)
    return store


def test_the_rdf12_dump_has_one_reifier_per_affirmed_claim(
    rdf12: pyoxigraph.Store, release_store: pyoxigraph.Store
) -> None:
    rows = list(
        rdf12.query(
            f"""SELECT ?claim ?s ?p ?o WHERE {{ GRAPH ?g {{ ?claim {REIFIES} <<( ?s ?p ?o )>> }} }}"""
        )
    )
    reifiers = [r["claim"].value for r in rows]
    assert len(reifiers) == len(set(reifiers))  # one reifier each
    affirmed = {
        r["claim"].value
        for r in release_store.query(
            f"""SELECT ?claim WHERE {{ GRAPH ?g {{ ?claim a <{B}def/Claim> ;
                <{B}def/polarity> <{B}def/polarity/affirmed> }} }}"""
        )
    }
    assert set(reifiers) == affirmed
    # Each reified triple is the claim's subject and object, in the direct graph.
    for row in rows[:40]:
        claim = f"<{row['claim'].value}>"
        assert rdf12.query(
            f"""ASK {{ GRAPH ?g {{ {claim} <{B}def/subject> <{row["s"].value}> ;
                <{B}def/object> <{row["o"].value}> }}
              GRAPH {DIRECT} {{ <{row["s"].value}> <{row["p"].value}> <{row["o"].value}> }} }}"""
        )
    # The same quads as the RDF 1.1 dump, plus the reifiers.
    assert len(rdf12) == len(release_store) + len(rows)


def test_arabic_text_has_its_direction(rdf12: pyoxigraph.Store, built_release: Path) -> None:
    labels = list(
        rdf12.query(
            f"""SELECT ?label WHERE {{ GRAPH ?g {{ <{B}id/actor/hamas>
                <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }}"""
        )
    )
    arabic = [r["label"] for r in labels if (r["label"].language or "").startswith("ar")]
    assert arabic and all(a.direction == pyoxigraph.BaseDirection.RTL for a in arabic)
    assert "@ar--rtl" in (built_release / "dataset-rdf12.trig").read_text(encoding="utf-8")
    # The RDF 1.1 dumps stay RDF 1.1.
    for name in ("dataset.trig", "dataset.nq", "dataset.ttl"):
        text = (built_release / name).read_text(encoding="utf-8")
        assert "--rtl" not in text and "reifies" not in text and "<<(" not in text
