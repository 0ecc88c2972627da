"""A document's text as HTML, with its spans (evidence, mentions, boilerplate, citation
markers) marked from their code-point offsets.

Spans may nest and overlap, so the text is cut at every span boundary and the open elements
are kept on a stack: an element that must close while another opened after it is still open
closes that one too, and reopens it afterwards (the usual way to draw overlapping ranges with
well-formed HTML). Links never nest: a span that would put a link inside a link is drawn as a
plain element, and the links to a claim's page (numbered like footnotes) are written where
the evidence ends with every link closed around them. Every character of the text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

# Which element of two that start together goes outside: longer spans, then by kind.
KIND_ORDER = {"boilerplate": 0, "evidence": 1, "mention": 2, "citation": 3}


@dataclass(frozen=True)
class Span:
    """A marked range [start, end) of the text; `target` is an IRI or a fragment (#...)."""

    start: int
    end: int
    kind: str  # "evidence" | "mention" | "boilerplate" | "citation"
    target: str | None = None
    title: str = ""
    refs: tuple[tuple[int, str, str], ...] = field(default=())  # (number, claim IRI, title)


def render(text: str, spans: list[Span], link: Callable[[str], str]) -> Markup:
    """`text` as escaped HTML with `spans` marked; `link` maps an IRI to its href."""
    usable = sorted(
        {s for s in spans if 0 <= s.start < s.end <= len(text)},
        key=lambda s: (s.start, -s.end, KIND_ORDER.get(s.kind, 9), s.target or ""),
    )
    boundaries = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[int] = set()  # spans already opened once (their first fragment has the id)
    pending = list(usable)
    for here, following in zip(boundaries, [*boundaries[1:], None], strict=True):
        ending = [s for s in stack if s.end <= here]
        refs = [r for s in usable if s.end == here for r in s.refs]
        if ending or refs:
            # Close down to the deepest element that must close (or everything, to write refs
            # outside any link), then reopen what continues.
            depth = 0 if refs else min(stack.index(s) for s in ending)
            reopen = [s for s in stack[depth:] if s.end > here]
            for _ in stack[depth:]:
                out.append(_close(stack.pop(), stack))
            out.extend(_ref(number, iri, title, link) for number, iri, title in refs)
            for span in reopen:
                out.append(_open(span, stack, link, opened))
        while pending and pending[0].start == here:
            out.append(_open(pending.pop(0), stack, link, opened))
        if following is not None:
            out.append(str(escape(text[here:following])))
    while stack:
        out.append(_close(stack.pop(), stack))
    return Markup("".join(out))


def _is_link(span: Span, outer: list[Span]) -> bool:
    """A span is drawn as a link when it has a target and no link is open around it."""
    links = [s for s in outer if s.kind in ("mention", "citation") and s.target]
    return span.kind in ("mention", "citation") and bool(span.target) and not links


def _open(span: Span, stack: list[Span], link: Callable[[str], str], opened: set[int]) -> str:
    title = f' title="{escape(span.title)}"' if span.title else ""
    first = id(span) not in opened
    opened.add(id(span))
    if span.kind == "evidence":
        claims = " ".join(iri for _, iri, _ in span.refs)
        anchor = f' id="evidence-{span.start}-{span.end}"' if first else ""
        tag = f'<mark class="evidence"{anchor} data-claims="{escape(claims)}"{title}>'
    elif span.target and _is_link(span, stack):  # (a link has a target)
        href = span.target if span.target.startswith("#") else link(span.target)
        tag = f'<a class="{span.kind}" href="{escape(href)}"{title}>'
    else:
        tag = f'<span class="{escape(span.kind)}"{title}>'
    stack.append(span)
    return tag


def _close(span: Span, below: list[Span]) -> str:
    if span.kind == "evidence":
        return "</mark>"
    return "</a>" if _is_link(span, below) else "</span>"


def _ref(number: int, iri: str, title: str, link: Callable[[str], str]) -> str:
    return (
        f'<sup class="claim-ref"><a href="{escape(link(iri))}" title="{escape(title)}"'
        f' data-claim="{escape(iri)}">{number}</a></sup>'
    )
