"""`publisher suggest`, `confirm`, `reject`: drafting claims from cues, reviewing them, measuring
the drafter, and a new article going all the way to the SPARQL endpoint."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from publisher.cli import main
from publisher.corpus.load import load_corpus
from publisher.corpus.model import Document
from publisher.curate.suggest.drafting import draft_claims
from publisher.curate.suggest.evaluate import _matching, documented_tables, evaluate, markdown
from publisher.curate.suggest.lexicon import PhraseSet, load_lexicon
from publisher.curate.suggest.mapping_file import add_drafts, mapping_path
from publisher.curate.suggest.workspace import Workspace
from publisher.errors import InputError
from publisher.textlayer import Sentence
from tests.conftest import BASE, ROOT

NEW = Path(__file__).parent / "fixtures" / "new_documents"


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The repository's own corpus (read only)."""
    return Workspace.open(ROOT)


def draft(workspace: Workspace, text: str, language: str) -> list[tuple]:
    """(subject, relation, object) of the drafts of `text` read as a document of its own."""
    return [(d.subject, d.relation, d.object) for d in drafts_of(workspace, text, language)]


def drafts_of(workspace: Workspace, text: str, language: str):
    document = Document("t", Path("t.txt"), "t.txt", "", language, "news-report", {}, "", text)
    return draft_claims(
        document,
        workspace.layer(document),
        workspace.corpus.actors,
        workspace.lexicon(language),
        workspace.vocabulary.concepts["rate"],
    )


# --- the lexicon -------------------------------------------------------------------------------


def test_the_lexicon_knows_only_relation_types_of_the_ontology(workspace: Workspace) -> None:
    relations = workspace.vocabulary.concepts["relation"]
    for language in ("en", "ar"):
        lexicon = workspace.lexicon(language)
        named = {payload[0] for _, payload, _ in lexicon.relations.phrases}
        assert named <= relations and len(named) >= 20, language
        assert len(lexicon.negations) and len(lexicon.hedges) and len(lexicon.attribution)


@pytest.mark.parametrize(
    "content, message",
    [
        (
            "relations:\n  funding:\n    en: [fund]\n",
            "cues.yaml:2: unknown relation type 'funding'",
        ),
        (
            "relations:\n  meeting:\n    en: [met with the leaders of the]\n",
            "cues.yaml:3: cue 'met with the leaders of the' has more than 4 words",
        ),
        ("relations: {}\nnegations:\n  en: [not, no]\n", "cues.yaml:2: en: False is not a word"),
        ("cues: []\n", "cues.yaml:1: a cue lexicon needs 'relations:'"),
    ],
)
def test_a_bad_lexicon_is_reported_by_file_and_line(
    workspace: Workspace, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_lexicon(path, "en", workspace.vocabulary.concepts["relation"])
    assert message in str(caught.value)


def test_arabic_cues_match_through_normalisation_and_clitics() -> None:
    phrases = PhraseSet([("أدان*", ("condemnation",)), ("دعم", ("support",))])
    text = "وادانت الحكومة الهجوم، وأكدت دعمها. والدعم مستمر للدعم وبدعم، ويدعمون"
    found = {(text[m.start : m.end], m.payload[0]) for m in phrases.find(text)}
    assert found == {
        ("وادانت", "condemnation"),  # hamza-less spelling, conjunction و, any ending
        ("والدعم", "support"),  # و + article
        ("للدعم", "support"),  # ل + article = لل
        ("وبدعم", "support"),
    }  # not دعمها (no wildcard) nor يدعمون (a verb prefix is not a clitic)


def test_the_longest_cue_wins(workspace: Workspace) -> None:
    text = "قدمت إيران الدعم المالي لحماس"
    (match,) = [
        m for m in workspace.lexicon("ar").relations.find(text) if "دعم" in text[m.start : m.end]
    ]
    assert text[match.start : match.end] == "الدعم المالي"
    assert match.payload == ("financial-support", False)


# --- drafting rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Iran funds Hamas.", "en", ("iran", "financial-support", "hamas")),
        ("Hamas is funded by Iran.", "en", ("iran", "financial-support", "hamas")),
        ("Hamas received weapons from Iran.", "en", ("iran", "weapons-supply", "hamas")),
        ("The Iran-backed Hamas fired rockets.", "en", ("iran", "political-support", "hamas")),
        (
            "Iranian Foreign Minister Hossein Amir-Abdollahian met Hamas leader Ismail Haniyeh.",
            "en",
            ("hossein-amir-abdollahian", "meeting", "ismail-haniyeh"),
        ),
        (
            "التقى وزير الخارجية الإيراني حسين أمير عبد اللهيان بإسماعيل هنية في الدوحة.",
            "ar",
            ("hossein-amir-abdollahian", "meeting", "ismail-haniyeh"),
        ),
        ("ويتواصل دعم إيران لحماس منذ سنوات.", "ar", ("iran", "political-support", "hamas")),
        ("تعد حماس المدعومة من إيران أكبر الفصائل.", "ar", ("iran", "political-support", "hamas")),
        ("تلقت حماس أسلحة من إيران.", "ar", ("iran", "weapons-supply", "hamas")),
    ],
)
def test_subject_and_object_follow_word_order(
    workspace: Workspace, text: str, language: str, expected: tuple
) -> None:
    assert draft(workspace, text, language) == [expected]


def test_no_draft_without_a_cue_or_a_second_actor(workspace: Workspace) -> None:
    assert draft(workspace, "Iran and Hamas.\nIran funds many groups.", "en") == []


def test_negation_hedge_amount_time_place_and_attribution(workspace: Workspace) -> None:
    (denied,) = drafts_of(workspace, "لم تمول روسيا حماس.", "ar")
    assert (denied.subject, denied.relation, denied.object, denied.polarity) == (
        "russia",
        "financial-support",
        "hamas",
        "denied",
    )
    (hedged,) = drafts_of(workspace, "Iran reportedly trains Hamas.", "en")
    assert (hedged.relation, hedged.hedged, hedged.polarity) == ("training", True, "affirmed")

    text = "In 2020, according to the State Department, Iran gave Hamas about $100 million a year."
    (funding,) = drafts_of(workspace, text, "en")
    assert (funding.subject, funding.relation, funding.object) == (
        "iran",
        "financial-support",
        "hamas",
    )
    assert funding.amount == {
        "value": 100000000,
        "currency": "USD",
        "rate": "per-year",
        "approximate": True,
    }
    assert funding.time == "2020"
    assert funding.attribution == (("us-state-department", "original-source"),)
    assert (funding.start, funding.end, funding.quote) == (0, len(text), text)

    (meeting,) = drafts_of(workspace, "Iran met Hamas in Doha in October 2023.", "en")
    assert (meeting.place, meeting.time) == ("doha", "2023-10")


# --- the mapping file, confirm and reject --------------------------------------------------------


def test_drafts_are_appended_to_a_curated_file_and_not_published(project: Path, capsys) -> None:
    path = project / "data" / "claims" / "raisi-damascus-ar-news.yaml"
    before = path.read_text(encoding="utf-8")
    curated = len(load_corpus(project)[0].claims)
    assert main(["suggest", "raisi-damascus-ar-news", "--home", str(project)]) == 0
    out = capsys.readouterr().out
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # the curators' text is untouched
    corpus, _ = load_corpus(project)  # every draft reads back: quote at its offsets
    drafted = [i for i in corpus.drafts if i.startswith("raisi-damascus-ar-news-draft-")]
    assert drafted and len(corpus.claims) == curated
    assert f"{len(drafted)} draft(s) written to" in out
    assert "already in the file" in out  # drafts equal to curated claims are not added

    # Again: nothing new.
    assert main(["suggest", "raisi-damascus-ar-news", "--home", str(project)]) == 0
    assert "0 draft(s) written" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == after


@pytest.mark.slow  # every confirm and reject checks the whole corpus
def test_confirm_edits_status_lines_only_and_reject_is_remembered(project: Path, capsys) -> None:
    workspace = Workspace.open(project)
    document = workspace.document("hamas-iran-ties-en-opinion")
    written = add_drafts(
        project, document, workspace.drafts(document), set(workspace.corpus.claims)
    )
    (first, _), (second, _) = written.added[:2]
    before = written.path.read_text(encoding="utf-8").split("\n")

    assert main(["confirm", document.id, first, "--home", str(project)]) == 0
    assert main(["reject", document.id, second, "--home", str(project)]) == 0
    after = written.path.read_text(encoding="utf-8").split("\n")
    changed = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    assert changed == [
        ("    status: draft", "    status: confirmed"),
        ("    status: draft", "    status: rejected"),
    ]
    corpus, _ = load_corpus(project)
    assert first in corpus.claims and second not in corpus.claims and second in corpus.drafts

    # A rejected draft is not drafted again; confirming twice says so.
    capsys.readouterr()
    assert main(["suggest", document.id, "--home", str(project)]) == 0
    assert "0 draft(s) written" in capsys.readouterr().out
    assert main(["confirm", document.id, first, "--home", str(project)]) == 0
    assert f"already confirmed: {first}" in capsys.readouterr().out

    # Rejecting a curated (confirmed) claim withdraws it: a status line is added under its id.
    curated = "hit-early-training"
    assert main(["reject", document.id, curated, "--home", str(project)]) == 0
    assert curated not in load_corpus(project)[0].claims


def test_confirm_refuses_what_the_build_would_refuse(project: Path, capsys) -> None:
    workspace = Workspace.open(project)
    document = workspace.document("raisi-damascus-ar-news")
    written = add_drafts(
        project, document, workspace.drafts(document), set(workspace.corpus.claims)
    )
    ident, draft = written.added[0]
    text = written.path.read_text(encoding="utf-8")
    block = text[text.index(f"- id: {ident}") :]
    broken = text.replace(block, block.replace(f"object: {draft.object}", "object: nobody", 1), 1)
    written.path.write_text(broken, encoding="utf-8")

    assert main(["confirm", document.id, ident, "--home", str(project)]) == 2
    err = capsys.readouterr().err
    assert "not confirmed" in err and "unknown actor or event 'nobody'" in err
    assert written.path.read_text(encoding="utf-8") == broken  # left as it was
    assert main(["confirm", document.id, "no-such-claim", "--home", str(project)]) == 2
    assert "no claim 'no-such-claim'" in capsys.readouterr().err


# --- the measurement ---------------------------------------------------------------------------


def test_matching_is_one_to_one() -> None:
    from types import SimpleNamespace as Item

    sentence = Sentence(0, 50)
    claims = [Item(subject="a", relation="r", object="b", start=5, end=20)] * 2
    one = [Item(subject="a", relation="r", object="b", start=0, end=50)]
    assert _matching(one, claims, [sentence], relation=True) == 1
    assert _matching(one * 3, claims, [sentence], relation=True) == 2
    other = [Item(subject="a", relation="x", object="b", start=0, end=50)]
    assert _matching(other, claims, [sentence], relation=True) == 0
    assert _matching(other, claims, [sentence], relation=False) == 1


def test_the_documented_numbers_are_reproduced(workspace: Workspace) -> None:
    """docs/suggest.md shows what `publisher suggest --evaluate` computes now."""
    documented = documented_tables(ROOT / "docs" / "suggest.md")
    assert documented is not None, "docs/suggest.md lacks the evaluation markers"
    assert documented == markdown(evaluate(workspace)), (
        "the numbers changed: run `publisher suggest --evaluate --update-docs` and explain why"
    )


# --- a new article, end to end -------------------------------------------------------------------


CLAIM_QUERY = """
PREFIX sup: <{base}def/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
CONSTRUCT {{
  ?claim sup:subject ?s ; sup:relation ?r ; sup:object ?o ; sup:statedIn ?doc ;
         prov:wasDerivedFrom ?evidence .
  ?evidence oa:hasSource ?text ; oa:hasSelector ?position , ?quote .
  ?position oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
  ?text nif:isString ?string .
}} WHERE {{
  ?claim sup:statedIn ?doc ; sup:subject ?s ; sup:relation ?r ; sup:object ?o ;
         prov:wasDerivedFrom ?evidence .
  ?evidence oa:hasSource ?text ; oa:hasSelector ?position , ?quote .
  ?position oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
  ?text nif:isString ?string .
  VALUES ?doc {{ {documents} }}
}}
"""


LAYER_QUERY = """
PREFIX sup: <{base}def/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
CONSTRUCT {{ ?span a ?kind ; itsrdf:taIdentRef ?actor ; sup:dateValue ?date }} WHERE {{
  <{base}id/document/{document}> sup:hasText ?text .
  ?span nif:referenceContext ?text ; a ?kind .
  VALUES ?kind {{ sup:Sentence sup:ActorMention sup:DateMention }}
  OPTIONAL {{ ?span itsrdf:taIdentRef ?actor }}
  OPTIONAL {{ ?span sup:dateValue ?date }}
}}
"""


def _serve(home: Path):
    """A test client of the app serving HOME's current release."""
    from publisher.web import create_app

    return create_app(
        {"TESTING": True, "HOME": str(home), "RELEASE_DIR": str(home / "release"), "BASE_IRI": BASE}
    ).test_client()


def _construct(client, query: str) -> rdflib.Graph:
    response = client.post("/sparql", data={"query": query}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/turtle"
    return rdflib.Graph().parse(data=response.get_data(as_text=True), format="turtle")


def _text_layer_in_endpoint(client, document: str) -> tuple[int, set[str], set[str]]:
    """Sentences, mentioned actor ids and date values of a document, from the endpoint."""
    graph = _construct(client, LAYER_QUERY.format(base=BASE, document=document))
    sup = rdflib.Namespace(BASE + "def/")
    its = rdflib.Namespace("http://www.w3.org/2005/11/its/rdf#")
    sentences = len(set(graph.subjects(rdflib.RDF.type, sup.Sentence)))
    actors = {str(a).rsplit("/", 1)[-1] for a in graph.objects(None, its.taIdentRef)}
    dates = {str(d) for d in graph.objects(None, sup.dateValue)}
    return sentences, actors, dates


def _claims_in_endpoint(client, documents: list[str]) -> dict[tuple, tuple]:
    """(subject, relation, object) -> (start, end, exact, text) of each claim of `documents`,
    asked of the SPARQL endpoint."""
    iris = " ".join(f"<{BASE}id/document/{d}>" for d in documents)
    graph = _construct(client, CLAIM_QUERY.format(base=BASE, documents=iris))
    sup, oa = rdflib.Namespace(BASE + "def/"), rdflib.Namespace("http://www.w3.org/ns/oa#")
    nif = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    found = {}
    for claim in graph.subjects(sup.subject, None):
        key = tuple(
            str(graph.value(claim, p)).rsplit("/", 1)[-1]
            for p in (sup.subject, sup.relation, sup.object)
        )
        evidence = graph.value(claim, prov.wasDerivedFrom)
        selectors = list(graph.objects(evidence, oa.hasSelector))
        position = next(s for s in selectors if graph.value(s, oa.start) is not None)
        quote = next(s for s in selectors if graph.value(s, oa.exact) is not None)
        text = graph.value(graph.value(evidence, oa.hasSource), nif.isString)
        found[key] = (
            int(graph.value(position, oa.start)),
            int(graph.value(position, oa.end)),
            str(graph.value(quote, oa.exact)),
            str(text),
        )
    return found


@pytest.mark.slow  # whole builds before and after the new article
def test_a_new_article_is_added_drafted_confirmed_and_published(project: Path, capsys) -> None:
    home = str(project)
    english, arabic = "irans-foreign-minister-meets-hamas-leader-en", "beirut-meeting-ar"
    assert (
        main(
            [
                "add",
                str(NEW / "iran-fm-meets-haniyeh-en.txt"),
                "--lang",
                "en",
                "--home",
                home,
                "--title-ar",
                "وزير الخارجية الإيراني يلتقي زعيم حماس في الدوحة",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "add",
                str(NEW / "iran-fm-meets-hezbollah-ar.html"),
                "--lang",
                "ar",
                "--home",
                home,
                "--id",
                arabic,
                "--title-en",
                "Amir-Abdollahian meets Nasrallah in Beirut",
            ]
        )
        == 0
    )
    assert main(["build", "--home", home]) == 0
    # Published with its text layer, and no claims yet.
    client = _serve(project)
    sentences, actors, dates = _text_layer_in_endpoint(client, english)
    assert sentences == 7 and "2023-10-14" in dates
    assert {"hossein-amir-abdollahian", "ismail-haniyeh", "hamas", "qatar"} <= actors
    sentences, actors, dates = _text_layer_in_endpoint(client, arabic)
    assert sentences == 6 and "2023-10-13" in dates
    assert {"hossein-amir-abdollahian", "hezbollah", "iran"} <= actors
    assert _claims_in_endpoint(client, [english, arabic]) == {}

    assert main(["suggest", english, "--home", home]) == 0
    assert main(["suggest", arabic, "--home", home]) == 0
    capsys.readouterr()
    wanted = {
        english: ("hossein-amir-abdollahian", "meeting", "ismail-haniyeh"),
        arabic: ("hossein-amir-abdollahian", "meeting", "hezbollah"),
    }
    confirmed, rejected = {}, {}
    for document, key in wanted.items():
        workspace = Workspace.open(project)
        drafts = {
            (d.subject, d.relation, d.object): d
            for d in workspace.drafts(workspace.document(document))
        }
        assert key in drafts, sorted(drafts)
        content = mapping_path(project, document).read_text(encoding="utf-8")
        ids = [
            line.split("id: ", 1)[1] for line in content.splitlines() if line.startswith("  - id: ")
        ]
        ident = next(i for i in ids if i == f"{document}-draft-{drafts[key].start}-meeting")
        assert main(["confirm", document, ident, "--home", home]) == 0
        confirmed[key] = drafts[key]
        other = next(i for i in ids if i != ident)
        assert main(["reject", document, other, "--home", home]) == 0
        rejected[document] = other
    assert main(["build", "--home", home]) == 0

    published = _claims_in_endpoint(_serve(project), [english, arabic])
    assert set(published) == set(confirmed)  # drafts and rejected ones are not published
    for key, draft in confirmed.items():
        start, end, exact, text = published[key]
        assert (start, end) == (draft.start, draft.end)
        assert text[start:end] == exact == draft.quote  # the evidence span matches the text
    source = (NEW / "iran-fm-meets-haniyeh-en.txt").read_text(encoding="utf-8")
    start, end, exact, _ = published[wanted[english]]
    assert source[start:end] == exact and exact.startswith("Iranian Foreign Minister")
