"""Marked-up text from offsets: nested and overlapping spans give well-formed HTML, every
character escaped and kept, links never nested."""

from __future__ import annotations

import random

import pytest

from publisher.pages.markup import Span, render
from tests.pages.dom import parse
from tests.pages.helpers import text_without


def _link(iri: str) -> str:
    return "/go/" + iri


def _check(text: str, spans: list[Span]):
    html = str(render(text, spans, _link))
    tree = parse(f"<div>{html}</div>")  # fails on badly nested markup
    div = tree.find("div")
    assert text_without(div, "claim-ref") == text
    for a in div.find_all("a"):
        assert not any(up.tag == "a" for up in a.ancestors())
    for span in spans:
        if span.kind == "evidence":
            marks = [
                m for m in div.find_all("mark")
                if m.get("data-claims") == " ".join(i for _, i, _ in span.refs)
            ]  # fmt: skip
            assert (
                "".join(text_without(m, "claim-ref") for m in marks) == text[span.start : span.end]
            )
    return div


def test_characters_are_escaped():
    text = "<script>alert(\"x\")</script> & 'quotes' حماس"
    div = _check(
        text, [Span(0, 8, "evidence", refs=((1, "c1", "<b>"),)), Span(31, 35, "mention", "a")]
    )
    assert not div.find_all("script")
    assert div.find("sup", cls="claim-ref").find("a").get("title") == "<b>"


def test_overlapping_and_nested_spans():
    text = "Iran gave Hamas money and weapons in 2006."
    spans = [
        Span(0, 21, "evidence", refs=((1, "c1", "one"),)),
        Span(10, 33, "evidence", refs=((2, "c2", "two"),)),
        Span(0, 4, "mention", "iran"),
        Span(10, 15, "mention", "hamas"),
        Span(5, 40, "boilerplate"),
    ]
    div = _check(text, spans)
    refs = [a.get("data-claim") for a in div.find_all("a") if a.get("data-claim")]
    assert refs == ["c1", "c2"]  # each at the end of its evidence
    assert {a.get("href") for a in div.find_all("a", cls="mention")} == {"/go/iran", "/go/hamas"}


def test_a_link_inside_a_link_is_drawn_plain():
    div = _check("abcdef", [Span(0, 6, "mention", "x"), Span(2, 4, "citation", "#citation-1")])
    assert len(div.find_all("a")) == 1 and div.find("span", cls="citation")


def test_spans_outside_the_text_are_ignored():
    _check(
        "abc", [Span(2, 9, "mention", "x"), Span(-1, 2, "mention", "y"), Span(1, 1, "mention", "z")]
    )


@pytest.mark.parametrize("seed", range(25))
def test_random_spans(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice("ab <&>\"'حماس\n") for _ in range(60))
    kinds = ["evidence", "mention", "boilerplate", "citation"]
    spans = []
    for n in range(rng.randint(1, 12)):
        start = rng.randrange(0, 59)
        end = rng.randint(start + 1, 60)
        kind = rng.choice(kinds)
        refs = ((n, f"claim{n}", f"t{n}"),) if kind == "evidence" else ()
        spans.append(Span(start, end, kind, f"t{n}" if kind != "evidence" else None, refs=refs))
    _check(text, spans)
