"""Folding Arabic text for matching, the offset map, and Arabic clitics in name matching."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from publisher.textlayer.arabic import (
    NormalisedText,
    fold,
    normalise,
    proclitic_options,
    strip_prefixes,
)
from publisher.textlayer.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent

# --- normalise ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("أحمد", "احمد"),
        ("إيران", "ايران"),
        ("آية", "ايه"),
        ("ٱلله", "الله"),
        ("مصطفى", "مصطفي"),  # alef maqsura -> yaa
        ("حركة", "حركه"),  # taa marbuta -> haa
        ("مؤتمر", "موتمر"),  # hamza on waw
        ("رئيسي", "رييسي"),  # hamza on yaa
        ("حَمَاسٌ", "حماس"),  # harakat and tanween
        ("مُدَّة", "مده"),  # shadda
        ("سنويًا", "سنويا"),
        ("الرحمٰن", "الرحمن"),  # superscript alef U+0670
        ("حـــمـاس", "حماس"),  # tatweel
        ("\u200fإيران\u200e", "ايران"),  # bidi marks
        ("حما\u200cس", "حماس"),  # zero-width non-joiner
        ("ﺇﻳﺮﺍﻥ", "ايران"),  # presentation forms
        ("ﻻ", "لا"),  # lam-alef ligature -> two letters
        ("کی", "كي"),  # Persian kaf and yeh
        ("٢٠٢٣", "2023"),  # Arabic-Indic digits
        ("۱۹۹۰", "1990"),  # extended Arabic-Indic digits
        ("IRAN Iran", "iran iran"),  # Latin case folding
        ("Hamás", "hamas"),  # Latin accents
    ],
)
def test_fold_cases(raw: str, folded: str) -> None:
    assert fold(raw) == folded
    assert normalise(raw)[0] == folded  # fold is its own (kept) loop: the two agree


def test_fold_agrees_with_normalise_on_the_corpus() -> None:
    words = {
        word
        for path in sorted((ROOT / "data" / "documents").iterdir())
        for word in path.read_text(encoding="utf-8").split()
    }
    assert len(words) > 2000
    assert [w for w in sorted(words) if fold(w) != normalise(w)[0]] == []


def test_offset_map_shape_and_values() -> None:
    text = "\u200fوَإِيرَانُ"
    folded, offsets = normalise(text)
    assert folded == "وايران"
    assert len(offsets) == len(folded) + 1
    assert offsets[-1] == len(text)
    # every folded character points at the original character it came from
    assert offsets[:-1] == [1, 3, 5, 6, 8, 9]
    for i, ch in enumerate(folded):
        assert fold(text[offsets[i]]) == ch


def test_ligature_expands_to_two_folded_chars_with_one_origin() -> None:
    folded, offsets = normalise("سﻻم")
    assert folded == "سلام"
    assert offsets[:4] == [0, 1, 1, 2]


def test_to_original_covers_trailing_harakat_but_not_space() -> None:
    text = "قال حَمَاسٌ اليوم"
    nt = NormalisedText.of(text)
    i = nt.folded.index("حماس")
    s, e = nt.to_original(i, i + 4)
    assert text[s:e] == "حَمَاسٌ"


def test_word_final_letters_are_known() -> None:
    nt = NormalisedText.of("القطريةالدوحة")
    i = nt.folded.index("هالدوحه")
    assert nt.is_word_final(i)
    assert not nt.is_word_final(0)


def test_original_text_is_untouched() -> None:
    text = "إيرانُ"
    nt = NormalisedText.of(text)
    assert nt.original == text
    assert nt.folded == "ايران"
    assert unicodedata.normalize("NFC", nt.original) == text  # nothing was rewritten


# --- clitics --------------------------------------------------------------------------------


def test_proclitic_options() -> None:
    opts = proclitic_options()
    for o in ("و", "ف", "ب", "ك", "ل", "وب", "ول", "فل"):
        assert o in opts
    assert "ال" not in opts  # the article is part of names, never a clitic


@pytest.mark.parametrize(
    "word, reading",
    [
        ("وايران", (1, "ايران")),
        ("لايران", (1, "ايران")),
        ("بطهران", (1, "طهران")),
        ("لحماس", (1, "حماس")),
        ("والحرس", (1, "الحرس")),
        ("للجماعات", (1, "الجماعات")),  # ل + ال with the article's alef elided
        ("وبطهران", (2, "طهران")),
    ],
)
def test_strip_prefixes(word: str, reading: tuple[int, str]) -> None:
    assert reading in strip_prefixes(word)
    assert strip_prefixes(word)[0] == (0, word)  # the bare reading comes first


def test_strip_prefixes_with_known_stems() -> None:
    assert strip_prefixes("للجماعات", {"الجماعات"}) == [(1, "الجماعات")]
    assert strip_prefixes("بوتين", {"بوتين"}) == [(0, "بوتين")]


# --- Arabic name matching -------------------------------------------------------------------


@pytest.fixture(scope="module")
def small() -> Gazetteer:
    return Gazetteer.from_names(
        [
            ("iran", "ar", "إيران"),
            ("hamas", "ar", "حماس"),
            ("hamas", "ar", "حركة حماس"),
            ("irgc", "ar", "الحرس الثوري"),
            ("irgc", "ar", "الحرس الثوري الإيراني"),
            ("tehran", "ar", "طهران"),
            ("groups", "ar", "الجماعات الفلسطينية"),
            ("putin", "ar", "بوتين"),
            ("doha", "ar", "الدوحة"),
            ("us", "ar", "الولايات المتحدة"),
            ("israel", "ar", "اسرائيل"),
        ]
    )


@pytest.mark.parametrize(
    "text, surface, entity",
    [
        ("دعم وإيران", "إيران", "iran"),
        ("تمويلها لإيران", "إيران", "iran"),
        ("زيارة بطهران", "طهران", "tehran"),
        ("والحرس الثوري", "الحرس الثوري", "irgc"),
        ("تمويلها لحماس", "حماس", "hamas"),
        ("للجماعات الفلسطينية", "لجماعات الفلسطينية", "groups"),  # clitic ل excluded
        ("ببوتين", "بوتين", "putin"),
        ("بوتين", "بوتين", "putin"),  # a name that starts with a clitic letter
        ("الحرس الثوري الإيراني", "الحرس الثوري الإيراني", "irgc"),
        ("دعم حـماسٍ", "حـماسٍ", "hamas"),
        ("العاصمة القطريةالدوحة", "الدوحة", "doha"),  # glued after taa marbuta
    ],
)
def test_arabic_mentions_exclude_clitics(
    small: Gazetteer, text: str, surface: str, entity: str
) -> None:
    ms = small.find(text)
    assert [(m.surface, m.entity_id) for m in ms] == [(surface, entity)]
    m = ms[0]
    assert text[m.start : m.end] == surface


def test_glued_words_after_taa_marbuta(small: Gazetteer) -> None:
    text = "ضد الولايات المتحدةواسرائيل"
    assert [(m.surface, m.entity_id) for m in small.find(text)] == [
        ("الولايات المتحدة", "us"),
        ("اسرائيل", "israel"),
    ]


@pytest.mark.parametrize("text", ["حماسة كبيرة", "الحماس", "إيرانية", "الإيراني", "بإيرانيين"])
def test_no_match_inside_words(small: Gazetteer, text: str) -> None:
    assert small.find(text) == ()


def test_longest_match_wins(small: Gazetteer) -> None:
    ms = small.find("وقال الحرس الثوري الإيراني ولحركة حماس")
    assert [(m.surface, m.entity_id) for m in ms] == [
        ("الحرس الثوري الإيراني", "irgc"),
        ("حركة حماس", "hamas"),
    ]


def test_spelling_variants_match(small: Gazetteer) -> None:
    # hamza-less alef, taa marbuta written as haa, diacritics: all match the same names
    ms = small.find("ايران و حركه حَماس")
    assert [m.entity_id for m in ms] == ["iran", "hamas"]
