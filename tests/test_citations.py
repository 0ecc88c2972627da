"""Claims link the references their evidence sentence carries (cito:citesAsEvidence), and each
reference is an entity with what the reference list gives."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest

from publisher.corpus.load import load_corpus
from publisher.graph.citing import cited_numbers
from publisher.textlayer import Gazetteer, analyse
from publisher.textlayer.gazetteer import gazetteer_of

ROOT = Path(__file__).resolve().parent.parent
B = "http://127.0.0.1:8080/"
CITO = "http://purl.org/spar/cito/citesAsEvidence"
MARKER = re.compile(r"\[\s*(\d+)\s*\]")
RUN_AFTER = re.compile(r"(?:[ \t]*\[\s*\d+\s*\])+")


def _cited(store: pyoxigraph.Store) -> dict[str, set[int]]:
    """Claim id -> the numbers of the citations it links, read from the release."""
    found: dict[str, set[int]] = {}
    query = f"""SELECT ?claim ?number WHERE {{ GRAPH ?g {{
        ?claim <{CITO}> ?citation . }} GRAPH ?h {{ ?citation <{B}def/citationNumber> ?number }} }}"""
    for row in store.query(query):
        found.setdefault(row["claim"].value.rsplit("/", 1)[-1], set()).add(int(row["number"].value))
    return found


def test_every_claim_whose_sentence_carries_a_marker_links_its_citations(
    release_store: pyoxigraph.Store,
) -> None:
    corpus, _ = load_corpus(ROOT)
    gazetteer = gazetteer_of(corpus)
    cited = _cited(release_store)
    layers = {d.id: analyse(d.text, d.language, gazetteer) for d in corpus.documents.values()}
    checked = 0
    for claim in corpus.claims.values():
        layer = layers[claim.document]
        sentences = [
            s
            for s in layer.sentences
            if not s.in_boilerplate and s.start < claim.end and claim.start < s.end
        ]
        if not sentences:
            continue  # anchored in a caption (boilerplate): no sentence, no marker
        text = layer.text
        # The markers of the evidence sentences, read from the text itself; a run of markers
        # right after a sentence's end belongs to it.
        after = RUN_AFTER.match(text, sentences[-1].end)
        reach = after.end() if after else sentences[-1].end
        markers = {int(n) for n in MARKER.findall(text[sentences[0].start : reach])}
        if not markers:
            assert claim.id not in cited, f"{claim.id} cites {cited.get(claim.id)} without a marker"
            continue
        checked += 1
        assert cited.get(claim.id), f"{claim.id}: its sentence carries {markers}, it links none"
        assert cited[claim.id] <= markers, (claim.id, cited[claim.id], markers)
    assert checked >= 60


def test_a_claim_links_the_reference_after_its_clause(release_store: pyoxigraph.Store) -> None:
    cited = _cited(release_store)
    # «... الحق في الدفاع عن نفسها»، واصفًا ... «غير مسبوق في قسوته». [11]: the condolences
    # earlier in the sentence are [10], not this claim's.
    assert cited["rhr-putin-israel-right-to-defend"] == {11}
    assert cited["rhr-putin-condemned-gaza-bombing"] == {12}
    assert cited["rhr-commentators-closer-to-hamas"] == {15, 16, 17}
    assert cited["rhr-lavrov-likened-war-aims-2023-12"] == {24, 25}


def test_a_reference_is_an_entity_with_title_outlet_and_date(
    release_store: pyoxigraph.Store,
) -> None:
    citation = f"<{B}id/citation/russia-hamas-relations-ar-wikipedia/18>"
    rows = list(
        release_store.query(
            f"""SELECT ?title ?publisher ?date ?entry WHERE {{ GRAPH ?g {{
              {citation} a <{B}def/Citation> ; <http://purl.org/dc/terms/title> ?title ;
                <http://purl.org/dc/terms/publisher> ?publisher ;
                <http://purl.org/dc/terms/date> ?date ; <{B}def/entryInText> true ;
                <http://purl.org/dc/terms/bibliographicCitation> ?entry .
              <{B}id/claim/rhr-state-media-backed-hamas> <{CITO}> {citation} }} }}"""
        )
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["title"].value == "In a Worldwide War of Words, Russia, China and Iran Back Hamas"
    assert row["publisher"].value == "The New York Times"
    assert row["date"].value == "2023-11-03"


def test_a_marker_without_a_reference_list_still_names_its_reference(
    release_store: pyoxigraph.Store,
) -> None:
    """The Arabic Iran–Hamas article came without its reference list: its markers give
    citations with their number only."""
    citation = f"<{B}id/citation/iran-hamas-relations-ar-wikipedia/10>"
    answer = release_store.query(
        f"""ASK {{ GRAPH ?g {{ {citation} a <{B}def/Citation> ;
            <{B}def/citationNumber> 10 ; <{B}def/entryInText> false .
            <{B}id/claim/ihr-quds-force-trained-500> <{CITO}> {citation} .
            <{B}id/document/iran-hamas-relations-ar-wikipedia> <{B}def/cites> {citation} }} }}"""
    )
    assert bool(answer)


@pytest.mark.parametrize(
    "quote, expected",
    [
        ("Iran funds Hamas", [1]),  # the marker after its clause
        ("Russia hosts Hamas", [2]),  # the marker that ends the sentence
        ("Qatar pays salaries", [3, 4]),  # a run of markers after the sentence
        ("no marker here", []),
        ("Egypt mediates", [5]),  # no marker after it: the sentence's own marker
    ],
)
def test_the_rule_on_any_document(quote: str, expected: list[int]) -> None:
    text = (
        "Iran funds Hamas,[1] and Russia hosts Hamas.[2] Qatar pays salaries. [3][4]\n"
        "There is no marker here.\n"
        "Officials said,[5] Egypt mediates.\n"
    )
    layer = analyse(text, "en", Gazetteer())
    start = text.index(quote)
    assert cited_numbers(layer, start, start + len(quote)) == expected
