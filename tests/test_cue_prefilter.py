"""A phrase's pattern runs on a text only when the text holds the strings the pattern needs
(publisher/curate/suggest/lexicon.py, `_needed`): the matches are those of running every
pattern, on every document and quote of the repository, in both languages."""

from __future__ import annotations

import pytest

from publisher.build.cues import load_cues
from publisher.corpus.load import load_corpus
from publisher.curate.suggest.lexicon import PhraseSet, _needed

from .conftest import ROOT

SETS = ("relations", "reversing", "negations", "hedges", "attribution", "transferred", "kinds")


def _every_pattern(phrases: PhraseSet[tuple[object, ...]], text: str) -> list[object]:
    saved = phrases.needed
    phrases.needed = [() for _ in saved]
    try:
        return list(phrases.find_all(text))
    finally:
        phrases.needed = saved


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_the_prefilter_finds_what_every_pattern_finds(language: str) -> None:
    corpus, vocabulary = load_corpus(ROOT)
    cues = load_cues(ROOT, vocabulary.concepts["relation"])
    assert cues is not None
    lexicon = cues.lexicons[language]
    texts = [d.text for d in corpus.documents.values() if d.language == language]
    texts += [
        c.quote for c in corpus.claims.values() if corpus.documents[c.document].language == language
    ]
    found = 0
    for name in SETS:
        phrases = getattr(lexicon, name)
        for text in texts:
            matches = phrases.find_all(text)
            assert matches == _every_pattern(phrases, text), (name, text[:60])
            found += len(matches)
    assert found > 50


def test_what_a_pattern_may_vary_is_not_needed() -> None:
    """An apostrophe may be either kind, the last letter of an Arabic cue (ة) may be written
    ت before a pronoun, a starred word may end otherwise."""
    assert _needed("Iran's backing") == ("iran", "s", "backing")
    assert _needed("arm*") == ("arm",)
    assert _needed("دعم الحركة") == ("دعم", "الحرك")
    phrases = PhraseSet([("علاقة", ())])
    assert [m.phrase for m in phrases.find_all("علاقتها بالحركة")] == ["علاقة"]
