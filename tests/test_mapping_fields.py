"""The fields of a claim beyond who, what and whom: places of a transfer, counts other than
money, and what drafting leaves on a claim; read, checked with file and line, published as RDF
that the shapes accept."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from publisher.build.pipeline import build_graph
from publisher.corpus.load import load_corpus
from publisher.errors import InputError
from publisher.rdf.iris import Minter
from publisher.rdf.namespaces import SCHEMA
from publisher.rdf.terms import triples_of

from .conftest import BASE

CLAIMS = "data/claims/iran-hamas-relations-ar-wikipedia.yaml"
ANCHOR = "  - id: ihr-iran-arms-hamas\n"
MINT = Minter(BASE)
SUP = MINT.sup


def _insert(project: Path, text: str) -> Path:
    path = project / CLAIMS
    content = path.read_text(encoding="utf-8")
    assert ANCHOR in content
    path.write_text(content.replace(ANCHOR, text + ANCHOR, 1), encoding="utf-8")
    return path


def _claim(ident: str, extra: str, status: str = "") -> str:
    return (
        f"  - id: {ident}\n"
        "    subject: iran\n"
        "    relation: weapons-supply\n"
        "    object: hamas\n"
        "    quote: إيران تدعم حماس بالتمويل و الأسلحة و التدريب\n"
        "    start: 306\n"
        "    end: 350\n"
        f"{extra}{status}"
    )


FULL = (
    "    origin: iran\n"
    "    route: [damascus, lebanon]\n"
    "    destination: beirut\n"
    "    quantities:\n"
    "      - {kind: fighter, min: 1000, max: 9999, approximate: true, label: آلاف}\n"
    "      - {kind: rocket, value: 500}\n"
    "    drafter: suggest 2\n"
    "    cues: [تدعم, الأسلحة]\n"
    "    confidence: 0.8\n"
)


@pytest.mark.slow  # a build of the project (warm: only the changed document is redone)
def test_transfer_places_quantities_and_the_drafter_are_published(warm_project: Path) -> None:
    project = warm_project
    _insert(project, _claim("test-full-transfer", FULL))
    built = build_graph(project, BASE)
    assert built.validation.conforms, [str(f) for f in built.validation.findings]
    graph = Graph()
    for part in built.parts:
        graph += list(triples_of(part.nquads))
    claim = MINT.claim("test-full-transfer")
    assert graph.value(claim, SUP.origin) == MINT.actor("iran")  # a state, as the country
    assert set(graph.objects(claim, SUP.via)) == {MINT.place("damascus"), MINT.actor("lebanon")}
    assert graph.value(claim, SUP.destination) == MINT.place("beirut")
    assert graph.value(claim, SUP.drafter) == Literal("suggest 2")
    quantities = {graph.value(q, SUP.quantityKind): q for q in graph.objects(claim, SUP.quantity)}
    fighters = quantities[URIRef(BASE + "def/quantity-kind/fighter")]
    assert (fighters, RDF.type, SCHEMA.QuantitativeValue) in graph
    assert graph.value(fighters, SCHEMA.minValue).toPython() == 1000
    assert graph.value(fighters, SCHEMA.maxValue).toPython() == 9999
    assert graph.value(fighters, SUP.approximate) == Literal(True)
    assert graph.value(fighters, RDFS.label) == Literal("آلاف", lang="ar")
    rockets = quantities[URIRef(BASE + "def/quantity-kind/rocket")]
    assert graph.value(rockets, SCHEMA.value).toPython() == 500
    assert graph.value(rockets, SUP.approximate) == Literal(False)


@pytest.mark.parametrize(
    "extra, message",
    [
        ("    origin: atlantis\n", "unknown place 'atlantis' as origin"),
        ("    route: [hamas]\n", "unknown place 'hamas' as route"),  # an actor, not a state
        ("    quantities:\n      - {kind: camels, value: 3}\n", "unknown quantity kind 'camels'"),
        ("    quantities:\n      - {kind: fighter}\n", "needs a value, or min and/or max"),
        ("    quantities:\n      - {kind: fighter, value: 3, unit: x}\n", "unknown key"),
        ("    confidence: 2\n", "confidence must be a number from 0 to 1"),
        ("    gap: the recipient is not named\n", "only a draft may have a gap"),
    ],
)
def test_bad_fields_are_named_with_file_and_line(project: Path, extra: str, message: str) -> None:
    path = _insert(project, _claim("test-bad-field", extra))
    with pytest.raises(InputError) as error:
        load_corpus(project)
    problems = [str(p) for p in error.value.problems]
    assert any(message in p and str(path) in p for p in problems), problems


def test_a_draft_may_name_its_gap_instead_of_a_role(project: Path) -> None:
    draft = (
        "  - id: test-draft-with-gap\n"
        "    subject: iran\n"
        "    relation: financial-support\n"
        "    quote: إيران تدعم حماس بالتمويل و الأسلحة و التدريب\n"
        "    start: 306\n"
        "    end: 350\n"
        "    gap: 'object: the recipient is not named in this sentence'\n"
        "    status: draft\n"
    )
    _insert(project, draft)
    corpus, _ = load_corpus(project)
    assert "test-draft-with-gap" in corpus.drafts
    assert "test-draft-with-gap" not in corpus.claims
