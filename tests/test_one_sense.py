"""An ambiguous name (رئيسي: Raisi, or the adjective "main") is a mention only in a text that
also names its bearer unambiguously."""

from publisher.textlayer import analyse
from publisher.textlayer.gazetteer import Gazetteer

GAZETTEER = Gazetteer.from_names(
    [
        ("ebrahim-raisi", "ar", "إبراهيم رئيسي"),
        ("ebrahim-raisi", "ar", "رئيسي", True),
        ("iran", "ar", "إيران"),
    ]
)


def _raisi(text: str) -> list[str]:
    return [
        text[m.start : m.end]
        for m in analyse(text, "ar", GAZETTEER).mentions
        if m.entity_id == "ebrahim-raisi"
    ]


def test_common_word_alone_is_not_a_mention() -> None:
    assert _raisi("تعد إيران داعم رئيسي لحركة حماس.") == []


def test_after_the_full_name_the_short_name_counts() -> None:
    text = "التقى الرئيس الإيراني إبراهيم رئيسي بالقادة. وأكد رئيسي دعم إيران."
    assert _raisi(text) == ["إبراهيم رئيسي", "رئيسي"]


def test_unambiguous_names_are_unaffected() -> None:
    assert [m.entity_id for m in analyse("زارت إيران", "ar", GAZETTEER).mentions] == ["iran"]
