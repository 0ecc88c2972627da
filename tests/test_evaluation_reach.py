"""The reach of a sentence reader on the dev half (evaluation/drafting/reach.py): every dev
claim is counted once, in one kind, and the later rounds are told apart from the first."""

from __future__ import annotations

import pytest

from evaluation.drafting.reach import HOME, KINDS, reach
from publisher.curate.suggest.evalset import load_split


@pytest.mark.slow  # the text layer of every dev article
def test_every_dev_claim_is_counted_once_in_one_kind() -> None:
    table = reach(HOME)
    claims = sum(len(article.claims) for article in load_split(HOME, "dev"))
    assert sum(counts["claims"] for counts in table.values()) == claims
    for counts in table.values():
        assert sum(counts[kind] for kind in KINDS) == counts["claims"]
    assert {rounds for rounds, _ in table} == {"rounds 1-3", "rounds 4-5"}
    assert {language for _, language in table} == {"ar", "en"}
