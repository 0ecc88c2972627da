"""Claims in words: amounts, times, polarity and hedging in English and Arabic, and a phrase
for every relation type of the scheme."""

from __future__ import annotations

import re
from pathlib import Path

from publisher.pages.wording import PHRASES, Amount, ClaimWords, When, arabic, english

ROOT = Path(__file__).resolve().parents[2]


def words(**changes) -> ClaimWords:
    base = {
        "subject_en": "Iran", "subject_ar": "إيران", "object_en": "Hamas", "object_ar": "حماس",
        "relation": "financial-support",
    }  # fmt: skip
    return ClaimWords(**{**base, **changes})


def test_every_relation_type_has_a_phrase():
    scheme = (ROOT / "ontology" / "relation-types.ttl").read_text(encoding="utf-8")
    types = set(re.findall(r"def/relation/([a-z-]+)>\s*\n\s*a skos:Concept", scheme))
    assert types and types <= set(PHRASES)


def test_amounts_and_times():
    yearly = words(amount=Amount(value=1e8, rate="per-year", approximate=True), when=When("2020"))
    assert english(yearly) == "Iran gave about $100 million a year to Hamas in 2020."
    assert arabic(yearly) == "يفيد الادعاء بتقديم إيران نحو 100 مليون دولار سنويًا إلى حماس في 2020."
    upto = words(amount=Amount(maximum=1e8, rate="per-year"), when=When(beginning="2006"))
    assert "up to $100 million a year" in english(upto) and "from 2006 on" in english(upto)
    assert "ما يصل إلى 100 مليون دولار" in arabic(upto) and "منذ 2006" in arabic(upto)
    pledge = words(relation="pledge-financial-aid", amount=Amount(value=2.5e8, rate="one-off"),
                   when=When("2006-12"))  # fmt: skip
    assert english(pledge) == "Iran pledged $250 million (one-off) to Hamas in December 2006."
    assert "ديسمبر 2006" in arabic(pledge) and "دفعةً واحدة" in arabic(pledge)
    dated = words(relation="meeting", when=When("2023-10-02"))
    assert english(dated) == "Iran met Hamas on 2 October 2023."


def test_polarity_and_hedging():
    assert english(words(denied=True)) == "Iran did not give financial support to Hamas."
    assert arabic(words(denied=True)).startswith("ينفي الادعاء تقديم إيران")
    assert english(words(hedged=True)) == "Iran reportedly gave financial support to Hamas."
    assert "بصيغة غير جازمة" in arabic(words(hedged=True))


def test_unknown_relation_falls_back_to_labels():
    unknown = words(relation="new-type", relation_en="new kind", relation_ar="نوع جديد")
    assert "new kind" in english(unknown) and "نوع جديد" in arabic(unknown)
