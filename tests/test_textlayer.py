"""The automatic text layer on the real documents of data/documents and on small strings."""

from __future__ import annotations

import dataclasses
import itertools
import random
from pathlib import Path

import pytest
import yaml

from publisher.textlayer import (
    BOILERPLATE_KINDS,
    AmountMention,
    DateMention,
    Gazetteer,
    TextLayer,
    analyse,
)
from publisher.textlayer.amounts import find_amounts
from publisher.textlayer.boilerplate import find_boilerplate
from publisher.textlayer.candidates import _overlaps, _Taken
from publisher.textlayer.citations import find_citations, find_markers
from publisher.textlayer.dates import find_dates
from publisher.textlayer.quantities import find_counts
from publisher.textlayer.relative import find_relative, resolve
from publisher.textlayer.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "data" / "documents"
LANGUAGES = {"000": "ar", "001": "ar", "002": "ar", "003": "en", "004": "ar"}


def _names(data: dict):
    for section in ("actors", "places"):
        for item in data.get(section) or ():
            for lang, name in (item.get("name") or {}).items():
                yield item["id"], lang, name
            for lang, names in (item.get("aliases") or {}).items():
                for name in names or ():
                    yield item["id"], lang, name


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    with open(ROOT / "data" / "actors.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return Gazetteer.from_names(_names(data))


def _read(prefix: str) -> str:
    (path,) = DOCS.glob(f"{prefix}_*.txt")
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def layers(gazetteer: Gazetteer) -> dict[str, TextLayer]:
    return {p: analyse(_read(p), lang, gazetteer) for p, lang in LANGUAGES.items()}


def _spans(layer: TextLayer, kind: str) -> list[str]:
    t = layer.text
    return [t[b.start : b.end] for b in layer.boilerplate if b.kind == kind]


# --- invariants on every document -----------------------------------------------------------


@pytest.mark.parametrize("prefix", sorted(LANGUAGES))
def test_every_span_is_what_it_claims(layers: dict[str, TextLayer], prefix: str) -> None:
    layer = layers[prefix]
    text = layer.text
    assert text == _read(prefix)  # the text is kept exactly as received
    for m in layer.mentions:
        assert text[m.start : m.end] == m.surface
    for c in layer.candidate_actors:
        assert text[c.start : c.end] == c.surface
    for c in layer.citations:
        assert text[c.start : c.end] == c.text
    for s in layer.sentences:
        chunk = text[s.start : s.end]
        assert chunk and chunk == chunk.strip()
        assert any(ch.isalnum() for ch in chunk)
    for mk in layer.citation_markers:
        chunk = text[mk.start : mk.end]
        assert chunk.startswith("[") and chunk.endswith("]")
        for n in mk.numbers:
            assert str(n) in chunk
    for b in layer.boilerplate:
        assert b.kind in BOILERPLATE_KINDS
        assert 0 <= b.start < b.end <= len(text)
        assert text[b.start : b.end] == text[b.start : b.end].strip()
    for d in layer.dates:
        assert text[d.start : d.end].strip() == text[d.start : d.end]
    for group in (
        layer.sentences,
        layer.mentions,
        layer.dates,
        layer.amounts,
        layer.citations,
        layer.citation_markers,
        layer.candidate_actors,
    ):
        starts = [x.start for x in group]
        assert starts == sorted(starts)


@pytest.mark.parametrize("prefix", sorted(LANGUAGES))
def test_spans_of_one_kind_do_not_overlap(layers: dict[str, TextLayer], prefix: str) -> None:
    layer = layers[prefix]
    for group in (layer.sentences, layer.mentions, layer.dates, layer.amounts):
        for a, b in itertools.pairwise(group):
            assert a.end <= b.start
    for kind in BOILERPLATE_KINDS:
        spans = [b for b in layer.boilerplate if b.kind == kind]
        for a, b in itertools.pairwise(spans):
            assert a.end <= b.start


def test_analyse_is_deterministic(gazetteer: Gazetteer) -> None:
    text = _read("004")
    assert analyse(text, "ar", gazetteer) == analyse(text, "ar", gazetteer)


def test_layer_is_frozen(layers: dict[str, TextLayer]) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        layers["000"].mentions = ()  # type: ignore[misc]


# --- mentions ---------------------------------------------------------------------------------


def test_004_putin_and_hamas(layers: dict[str, TextLayer]) -> None:
    layer = layers["004"]
    body = [m for m in layer.mentions if not m.in_boilerplate]
    putin = [m.surface for m in body if m.entity_id == "vladimir-putin"]
    assert putin.count("بوتين") >= 5
    assert "فلاديمير بوتين" in putin  # longest match keeps the full name together
    hamas = {m.surface for m in body if m.entity_id == "hamas"}
    assert {"حماس", "حركة حماس"} <= hamas
    # "ببوتين": the span excludes the preposition
    i = layer.text.index("ببوتين")
    assert any(m.start == i + 1 and m.entity_id == "vladimir-putin" for m in body)


def test_000_irgc_longest_match_and_clitics(layers: dict[str, TextLayer]) -> None:
    layer = layers["000"]
    text = layer.text
    i = text.index("الحرس الثوري الإيراني")
    m = next(m for m in layer.mentions if m.start == i)
    assert m.entity_id == "irgc" and m.surface == "الحرس الثوري الإيراني"
    assert not any(m.entity_id == "iran" and i <= m.start < i + 21 for m in layer.mentions)
    # "لحماس" -> hamas, the span excludes "ل"
    j = text.index("لحماس")
    m = next(m for m in layer.mentions if m.start == j + 1)
    assert (m.entity_id, m.surface) == ("hamas", "حماس")
    # "وحماس" and "لـ إيران"
    k = text.index("وحماس")
    assert any(m.start == k + 1 and m.entity_id == "hamas" for m in layer.mentions)
    k = text.index("لـ إيران")
    assert any(m.start == k + 3 and m.entity_id == "iran" for m in layer.mentions)
    # glued words: "العاصمة القطريةالدوحة" and "الولايات المتحدةواسرائيل"
    ids = {m.entity_id for m in layer.mentions}
    assert {"doha", "united-states", "israel", "ali-khamenei", "yasser-arafat"} <= ids


def test_003_english_mentions(layers: dict[str, TextLayer]) -> None:
    layer = layers["003"]
    by_surface = {m.surface: m.entity_id for m in layer.mentions}
    assert by_surface["Islamic Revolutionary Guard Corps"] == "irgc"
    assert by_surface["IRGC"] == "irgc"
    assert by_surface["Islamic Republic of Iran"] == "iran"
    assert by_surface["U.S. Department of State"] == "us-state-department"
    assert by_surface["Izz ad-Din al-Qassam Brigades"] == "qassam-brigades"
    # demonyms are not mentions; whole words only
    assert "Iranian" not in by_surface and "Israeli" not in by_surface
    text = layer.text
    for m in layer.mentions:
        after = text[m.end : m.end + 1]
        assert not after.isalnum()


def test_002_names_and_aliases(layers: dict[str, TextLayer]) -> None:
    ids = [m.entity_id for m in layers["002"].mentions]
    for expected in (
        "ebrahim-raisi",
        "hossein-amir-abdollahian",
        "irna",
        "associated-press",
        "khaled-abdel-majid",
        "popular-struggle-front",
        "usip",
        "khader-adnan",
    ):
        assert expected in ids


def test_shared_name_gets_alternatives() -> None:
    g = Gazetteer.from_names([("iran-government", "en", "Tehran"), ("tehran", "en", "Tehran")])
    (m,) = g.find("Officials in Tehran said.")
    assert m.entity_id == "iran-government" and m.alternatives == ("tehran",)


def test_english_matching_rules() -> None:
    g = Gazetteer.from_names(
        [("us", "en", "US"), ("us", "en", "U.S."), ("iran", "en", "Iran"), ("hamas", "en", "Hamas")]
    )
    assert [m.surface for m in g.find("Tell us about the US and U.S. policy")] == ["US", "U.S."]
    assert [m.surface for m in g.find("Iranian support; Iran's role; Hamas-Iran ties")] == [
        "Iran",
        "Hamas",
        "Iran",
    ]
    assert [m.surface for m in g.find("HAMAS and hamas")] == ["HAMAS", "hamas"]


# --- boilerplate ------------------------------------------------------------------------------


def test_004_boilerplate(layers: dict[str, TextLayer]) -> None:
    layer = layers["004"]
    assert _spans(layer, "edit-marker") == ["[عدل]"] * 6
    nav = _spans(layer, "navigation")
    assert "انتقل إلى المحتوى" in nav
    assert "من ويكيبيديا، الموسوعة الحرة" in nav
    assert "انظر أيضا" in nav
    assert "العلاقات بين روسيا وحماس" in nav  # the title repeated
    assert "حركة حماس روسيا" in nav  # a line of names only
    assert _spans(layer, "maintenance-banner") == [
        "هذه المقالة يتيمة. ساعد بإضافة وصلة إليها في مقالة متعلقة بها"
    ]
    (caption,) = _spans(layer, "image-caption")
    assert caption.split("\n") == ["لقاء بين روسيا وحماس في 19 سبتمبر 2022"] * 3
    (refs,) = _spans(layer, "reference-list")
    assert refs.startswith("المراجع[عدل]") and refs.endswith("Palestine Chronicle. 28 ديسمبر 2023.")
    # the first title line is content, not boilerplate
    first = layer.text.index("العلاقات بين روسيا وحماس")
    assert not layer.in_boilerplate(first, first + 10)
    # sentences: headings lose their edit markers; boilerplate sentences are flagged
    sents = {layer.text[s.start : s.end]: s.in_boilerplate for s in layer.sentences}
    assert sents["التاريخ"] is False
    assert sents["انتقل إلى المحتوى"] is True
    assert "التاريخ[عدل]" not in sents


def test_003_link_spam_and_promotion(layers: dict[str, TextLayer]) -> None:
    layer = layers["003"]
    spam = "\n".join(_spans(layer, "link-spam"))
    assert "- Unveiling The Tragic Cause Of Jennifer Butlers Demise" in spam
    assert "- Peter Zeihans Wife Who Is She" in spam
    assert "¿Qué es Hamás? - The New York Times" in spam
    assert "What you need to know about Hamas" in spam
    assert "How much of a shift is the new Hamas policy document? - BBC News" in spam
    assert "The events of October 7, 2023" not in spam  # the paragraph between the lists
    (promo,) = _spans(layer, "promotion")
    assert promo.startswith("We encourage you to share your thoughts")
    assert promo.endswith("to deepen your understanding.")
    # the article body is not boilerplate
    assert not layer.in_boilerplate(0, 40)
    assert not any(b.kind == "link-spam" and b.start < 15000 for b in layer.boilerplate)


def test_000_maintenance_banner(layers: dict[str, TextLayer]) -> None:
    layer = layers["000"]
    (banner,) = _spans(layer, "maintenance-banner")
    assert banner.startswith("إن وجهات النظر المعروضة في هذه المقالة غير متوازنة")
    assert banner.endswith("(نقاش)")
    assert [b.kind for b in layer.boilerplate] == ["maintenance-banner"]


def test_001_navigation(layers: dict[str, TextLayer]) -> None:
    assert _spans(layers["001"], "navigation") == ["اخترنا لك"]
    assert layers["002"].boilerplate == ()


def test_generic_rules_on_small_documents() -> None:
    doc = (
        "Some Title\n"
        "From Wikipedia, the free encyclopedia\n"
        "A cat on a mat\nA cat on a mat\n"
        "Body text here. More text.[edit]\n"
        "See also[edit]\n"
        "Cats\nDogs\n"
        "References[edit]\n"
        '1. ^ "A title". Site. 2020.\n'
        '2. ^ a b "Another". Other Site (in French). 3 May 2021. Retrieved 2022-01-02.\n'
    )
    kinds = {(doc[b.start : b.end], b.kind) for b in find_boilerplate(doc)}
    assert ("From Wikipedia, the free encyclopedia", "navigation") in kinds
    assert ("A cat on a mat\nA cat on a mat", "image-caption") in kinds
    assert ("[edit]", "edit-marker") in kinds
    assert ("See also", "navigation") in kinds
    assert ("Cats", "navigation") in kinds and ("Dogs", "navigation") in kinds
    assert not any(k == "navigation" and s == "Some Title" for s, k in kinds)
    (ref,) = [b for b in find_boilerplate(doc) if b.kind == "reference-list"]
    cits = find_citations(doc, [(ref.start, ref.end)])
    assert [(c.number, c.title, c.publisher, c.date, c.accessed, c.backlinks) for c in cits] == [
        (1, "A title", "Site", "2020", None, 1),
        (2, "Another", "Other Site", "2021-05-03", "2022-01-02", 2),
    ]


# --- citations --------------------------------------------------------------------------------


def test_004_citations(layers: dict[str, TextLayer]) -> None:
    layer = layers["004"]
    assert [c.number for c in layer.citations] == list(range(1, 26))
    c2 = layer.citation(2)
    assert c2.title.startswith("Рассказываем об истории")
    assert (c2.publisher, c2.date, c2.accessed, c2.backlinks) == (
        "Meduza",
        "2021-03-21",
        "2023-11-30",
        1,
    )
    c1 = layer.citation(1)
    assert (c1.title, c1.publisher, c1.date) == (
        "Why Russia and Hamas Are Growing Closer",
        "Carnegie Endowment for International Peace",
        "2023-10-25",
    )
    # the "^ ا ب" entries: two backlinks, and two markers in the body
    assert [c.number for c in layer.citations if c.backlinks == 2] == [5, 11]
    c11 = layer.citation(11)
    assert c11.title.startswith("Putin Says Israel Has Right") and c11.publisher == "WSJ"
    assert c11.date is None and c11.accessed == "2023-11-30"
    assert layer.citation(22).date == "2023-11-26"  # not the archive date, not the access date
    markers11 = [m for m in layer.citation_markers if 11 in m.numbers]
    assert len(markers11) == 2
    assert all(layer.text[m.start : m.end] == "[11]" for m in markers11)
    assert layer.citation(markers11[0].numbers[0]).number == 11
    # runs of markers and markers with a space inside the bracket or before it
    assert any(m.numbers == (15, 16, 17) for m in layer.citation_markers)
    i = layer.text.index("طالبان [2]")
    assert any(m.start == i + 7 and m.numbers == (2,) for m in layer.citation_markers)
    # no marker is read inside the reference list itself
    refs = next(b for b in layer.boilerplate if b.kind == "reference-list")
    assert all(m.start < refs.start for m in layer.citation_markers)


def test_000_markers_without_reference_list(layers: dict[str, TextLayer]) -> None:
    layer = layers["000"]
    assert layer.citations == ()
    nums = [m.numbers for m in layer.citation_markers]
    assert (1,) in nums and (5, 6) in nums and (10,) in nums
    assert layer.citation(1) is None


def test_marker_forms() -> None:
    text = "one.[3] two [ 2] three[5][6] four[7, 8] five[9–11]"
    assert [m.numbers for m in find_markers(text)] == [(3,), (2,), (5, 6), (7, 8), (9, 10, 11)]


# --- sentences --------------------------------------------------------------------------------


def _sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentence_rules() -> None:
    assert _sents("The U.S. gave $3.5 million. Mr. Smith agreed! Did he? Yes") == [
        "The U.S. gave $3.5 million.",
        "Mr. Smith agreed!",
        "Did he?",
        "Yes",
    ]
    assert _sents("See No. 5 here. John F. Kennedy spoke.") == [
        "See No. 5 here.",
        "John F. Kennedy spoke.",
    ]
    assert _sents("events of October 7, 2023.Iran as Hamas's Key Patron") == [
        "events of October 7, 2023.",
        "Iran as Hamas's Key Patron",
    ]
    assert _sents("visit tass.com today.") == ["visit tass.com today."]
    assert _sents("قال: «نعم.»[4] ثم ذهب؟ نعم.\n\nعنوان\n  سطر  ") == [
        "قال: «نعم.»[4]",
        "ثم ذهب؟",
        "نعم.",
        "عنوان",
        "سطر",
    ]
    assert _sents("قسوته». [11] كما أدان") == ["قسوته». [11]", "كما أدان"]


def test_003_glued_heading_is_its_own_sentence(layers: dict[str, TextLayer]) -> None:
    layer = layers["003"]
    sents = [layer.text[s.start : s.end] for s in layer.sentences]
    assert "Iran as Hamas's Key Patron: Financial and Military Aid" in sents
    assert any(s.endswith("on October 7, 2023.") for s in sents)


# --- dates ------------------------------------------------------------------------------------


def _dates(text: str) -> list[tuple[str, str, str]]:
    return [(text[d.start : d.end], d.value, d.precision) for d in find_dates(text)]


def test_date_forms() -> None:
    assert _dates("في ديسمبر 2006 ثم") == [("ديسمبر 2006", "2006-12", "year-month")]
    assert _dates("في 7 أكتوبر 2023") == [("7 أكتوبر 2023", "2023-10-07", "date")]
    assert _dates("on October 7, 2023.") == [("October 7, 2023", "2023-10-07", "date")]
    assert _dates("26 يناير 2006") == [("26 يناير 2006", "2006-01-26", "date")]
    assert _dates("Retrieved 2023-11-30.") == [("2023-11-30", "2023-11-30", "date")]
    assert _dates("21 Mar 2021") == [("21 Mar 2021", "2021-03-21", "date")]
    assert _dates("مايو 2021") == [("مايو 2021", "2021-05", "year-month")]
    assert _dates("كانون الثاني 2020 وتشرين الأول 2019") == [
        ("كانون الثاني 2020", "2020-01", "year-month"),
        ("تشرين الأول 2019", "2019-10", "year-month"),
    ]
    assert _dates("٧ أكتوبر ٢٠٢٣") == [("٧ أكتوبر ٢٠٢٣", "2023-10-07", "date")]
    assert _dates("in 1987 and 2006م and لعام 2011") == [
        ("1987", "1987", "year"),
        ("2006م", "2006", "year"),
        ("عام 2011", "2011", "year"),
    ]
    assert _dates("قتل 1200 شخص و2000 دولار") == []


def test_decades() -> None:
    (d,) = find_dates("في أوائل التسعينيات، أجرى")
    assert (d.value, d.precision, d.begin_year, d.end_year, d.approximate) == (
        "1990/1993",
        "interval",
        1990,
        1993,
        True,
    )
    (d,) = find_dates("It was in the early 1990s that")
    assert (d.value, d.begin_year, d.end_year) == ("1990/1993", 1990, 1993)
    assert [(x.begin_year, x.end_year) for x in find_dates("الثمانينيات والتسعينيات")] == [
        (1980, 1989),
        (1990, 1999),
    ]
    assert [(x.begin_year, x.end_year) for x in find_dates("the 1990s, mid-1980s")] == [
        (1990, 1999),
        (1984, 1986),
    ]
    (d,) = find_dates("العقد الأول من القرن الحادي والعشرين")
    assert (d.begin_year, d.end_year) == (2000, 2009)


def test_document_dates(layers: dict[str, TextLayer]) -> None:
    def values(p: str) -> list[tuple[str, str]]:
        layer = layers[p]
        return [(layer.text[d.start : d.end], d.value) for d in layer.dates]

    assert ("ديسمبر 2006", "2006-12") in values("000")
    assert ("7 أكتوبر 2023", "2023-10-07") in values("000")
    assert ("أوائل التسعينيات", "1990/1993") in values("000")
    assert ("October 7, 2023", "2023-10-07") in values("003")
    assert ("early 1990s", "1990/1993") in values("003")
    assert ("مايو 2021", "2021-05") in values("002")
    # dates inside the reference list are flagged as boilerplate
    ref_dates = [d for d in layers["004"].dates if d.value == "2023-11-30"]
    assert ref_dates and all(d.in_boilerplate for d in ref_dates)


# --- amounts ----------------------------------------------------------------------------------


def _amount(a: AmountMention) -> tuple:
    return (a.value, a.minimum, a.maximum, a.currency, a.rate, a.approximate)


def test_000_amounts(layers: dict[str, TextLayer]) -> None:
    layer = layers["000"]
    got = [(layer.text[a.start : a.end], _amount(a)) for a in layer.amounts]
    assert got == [
        ("حوالي 100 مليون دولار سنويا", (100_000_000, None, None, "USD", "per-year", True)),
        ("350 مليون دولار سنويًا", (350_000_000, None, None, "USD", "per-year", False)),
        ("30 مليون دولار سنويا", (30_000_000, None, None, "USD", "per-year", False)),
        ("250 مليون دولار", (250_000_000, None, None, "USD", None, False)),  # one-off
        ("نحو 250 مليون دولار في العام", (250_000_000, None, None, "USD", "per-year", True)),
    ]


def test_003_amounts(layers: dict[str, TextLayer]) -> None:
    layer = layers["003"]
    got = [(layer.text[a.start : a.end], _amount(a)) for a in layer.amounts]
    assert got == [
        ("about $100 million annually", (100_000_000, None, None, "USD", "per-year", True)),
        ("tens of millions of dollars", (None, 10_000_000, 99_999_999, "USD", None, True)),
    ]


def test_002_upper_bound(layers: dict[str, TextLayer]) -> None:
    (a,) = layers["002"].amounts
    assert layers["002"].text[a.start : a.end] == "ما يصل إلى 100 مليون دولار سنويًا"
    assert _amount(a) == (None, None, 100_000_000, "USD", "per-year", False)


def test_amount_forms() -> None:
    def one(text: str) -> tuple:
        (a,) = find_amounts(text)
        return (text[a.start : a.end], *_amount(a))

    assert one("paid $1.5 billion a year") == (
        "$1.5 billion a year",
        1_500_000_000,
        None,
        None,
        "USD",
        "per-year",
        False,
    )
    assert one("up to 20 million dollars per year") == (
        "up to 20 million dollars per year",
        None,
        None,
        20_000_000,
        "USD",
        "per-year",
        False,
    )
    assert one("more than $5m") == ("more than $5m", None, 5_000_000, None, "USD", None, False)
    assert one("بنحو ٣٠ مليون دولار سنويًا") == (
        "نحو ٣٠ مليون دولار سنويًا",
        30_000_000,
        None,
        None,
        "USD",
        "per-year",
        True,
    )
    assert one("عشرات الملايين من الدولارات") == (
        "عشرات الملايين من الدولارات",
        None,
        10_000_000,
        99_999_999,
        "USD",
        None,
        True,
    )
    assert one("100 مليون دولار في العام 2020")[5] is None  # "in the year 2020", not a rate
    assert find_amounts("قتل 1200 إسرائيلي و500 مقاتل") == ()


# --- candidate actors -------------------------------------------------------------------------


def test_candidate_actors(gazetteer: Gazetteer) -> None:
    text = "التقى الرئيس الإيراني مسعود بزشكيان في طهران مع زعيم حماس إسماعيل هنية."
    layer = analyse(text, "ar", gazetteer)
    assert [c.surface for c in layer.candidate_actors] == ["مسعود بزشكيان"]
    text = "The Supreme National Security Council met Abdel Fattah el-Sisi and Ali Khamenei in October."
    layer = analyse(text, "en", gazetteer)
    assert [c.surface for c in layer.candidate_actors] == [
        "Supreme National Security Council",
        "Abdel Fattah el-Sisi",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the title's own words ("العام للحركة") are not the name
        ("وقال الأمين العام للحركة رمضان عبد الله شلح إن الدعم مستمر.", "رمضان عبد الله شلح"),
        # "بن" and "آل" join a word to the name; "آل" is no article
        ("وكان أمير قطر آنذاك حمد بن خليفة آل ثاني في غزة.", "حمد بن خليفة آل ثاني"),
    ],
)
def test_arabic_names_after_titles_are_whole(gazetteer: Gazetteer, text: str, name: str) -> None:
    layer = analyse(text, "ar", gazetteer)
    assert [c.surface for c in layer.candidate_actors] == [name]


def test_known_names_are_not_candidates(layers: dict[str, TextLayer]) -> None:
    for layer in layers.values():
        for c in layer.candidate_actors:
            assert not any(m.start < c.end and c.start < m.end for m in layer.mentions)
            assert not layer.in_boilerplate(c.start, c.end)


def test_in_boilerplate_flags(layers: dict[str, TextLayer]) -> None:
    layer = layers["003"]
    flagged = [m for m in layer.mentions if m.in_boilerplate]
    assert any(m.surface == "Hamás" for m in flagged)  # inside the trailing link spam
    assert all(layer.in_boilerplate(m.start, m.end) for m in flagged)
    assert isinstance(layer.dates[0], DateMention)


# --- amounts: ranges, number words, duals, a slip in word order --------------------------------


@pytest.mark.parametrize(
    "text, written, expected",
    [
        (
            "Iran provides between US$50–100 million annually",
            "between US$50–100 million annually",
            (None, 50_000_000, 100_000_000, "USD", "per-year", False),
        ),
        (
            "between $100 million and $200 million",
            "between $100 million and $200 million",
            (None, 100_000_000, 200_000_000, "USD", None, False),
        ),
        (
            "بين 50 و100 مليون دولار",
            "بين 50 و100 مليون دولار",
            (None, 50_000_000, 100_000_000, "USD", None, False),
        ),
        ("two million dollars", "two million dollars", (2_000_000, None, None, "USD", None, False)),
        ("خمسة ملايين دولار", "خمسة ملايين دولار", (5_000_000, None, None, "USD", None, False)),
        ("مئة مليون دولار", "مئة مليون دولار", (100_000_000, None, None, "USD", None, False)),
        (
            "ملياري دولار سنويا",
            "ملياري دولار سنويا",
            (2_000_000_000, None, None, "USD", "per-year", False),
        ),
        ("نحو مليون دولار", "نحو مليون دولار", (1_000_000, None, None, "USD", None, True)),
        # The currency written on both sides of the scale: millions, not a few hundred dollars.
        (
            "تعهد بمبلغ 250 دولاراً مليون دولار لإصلاح",
            "250 دولاراً مليون دولار",
            (250_000_000, None, None, "USD", None, False),
        ),
    ],
)
def test_amount_ranges_words_and_order(text: str, written: str, expected: tuple) -> None:
    (a,) = find_amounts(text)
    assert (text[a.start : a.end], _amount(a)) == (written, expected)


def test_a_year_after_a_clitic_is_a_year() -> None:
    text = "في عامي 2008 و2009"
    assert [(text[d.start : d.end], d.value) for d in find_dates(text)] == [
        ("2008", "2008"),
        ("2009", "2009"),
    ]
    assert find_dates("و20090") == ()


# --- relative time ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("Iran increased its funding last year", "2021-03-14", "2020"),
        ("وفي العام الماضي زادت إيران تمويلها", "2021", "2020"),
        ("a month later, Hamas received it", "2021-03", "2021-04"),
        ("two years later", "2019", "2021"),
        ("the following year", "2012", "2013"),
        ("وبعد شهرين", "2021-11", "2022-01"),
        ("Qatar hosted them on Saturday", "2021-05-12", "2021-05-08"),
        ("وبدأت قطر بعد ذلك بتقديم الدعم", "2009", {"from": "2009", "approximate": True}),
        ("a month later", "2021", None),  # the anchor is too coarse
        ("last year", None, None),  # no anchor: no time
    ],
)
def test_relative_times_resolve_against_their_anchor(text, anchor, expected) -> None:
    (found,) = find_relative(text)
    assert resolve(found, anchor) == expected


def test_counts_of_fighters_and_weapons() -> None:
    def counts(text: str) -> list[tuple]:
        return [
            (text[c.start : c.end], c.kind, c.value, c.minimum, c.maximum)
            for c in find_counts(text)
        ]

    assert counts("had sent 720 troops to fight") == [("720 troops", "fighter", 720, None, None)]
    assert counts("Three thousand Hezbollah militants trained") == [
        ("Three thousand Hezbollah militants", "fighter", 3000, None, None)
    ]
    assert counts("including 11,500 rockets") == [("11,500 rockets", "rocket", 11500, None, None)]
    assert counts("آلاف المقاتلين") == [("آلاف المقاتلين", "fighter", None, 1000, 9999)]
    assert counts("in 2006 rockets were fired") == []


def test_names_match_in_quotes_and_in_the_oblique_case() -> None:
    g = Gazetteer.from_names(
        [
            ("houthis", "ar", "الحوثيون"),
            ("tasnim", "ar", "وكالة تسنيم"),
            ("phoenix", "ar", "قناة فونيكس"),
        ]
    )
    text = "وتزود إيران الحوثيين. ووفقاً لوكالة “تسنيم” في تصريحات لقناة “فونيكس” الصينية"
    assert [(m.entity_id, text[m.start : m.end]) for m in g.find(text)] == [
        ("houthis", "الحوثيين"),
        ("tasnim", "وكالة “تسنيم"),
        ("phoenix", "قناة “فونيكس"),
    ]


def test_overlap_by_bisection_agrees_with_a_scan_of_every_span() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 30)) for a in rng.sample(range(400), rng.randint(0, 25))]
        taken = _Taken(spans)
        for _ in range(50):
            s = rng.randint(0, 420)
            e = s + rng.randint(1, 40)
            assert _overlaps(s, e, taken) == any(s < b and a < e for a, b in spans)
