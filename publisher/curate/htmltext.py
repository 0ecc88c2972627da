"""The readable text of an HTML page, one paragraph per line, with the page furniture dropped.

Uses the standard library's html.parser (tolerant of the broken markup real pages have).

* Dropped with everything inside: script, style, noscript, template, head (its title is kept
  apart), nav, header, footer, aside, form, button, select, iframe, svg, and any element with
  `hidden`, `aria-hidden="true"` or a landmark role of page furniture (navigation, banner,
  contentinfo, complementary, search).
* When the page has a <main> element, only its content is kept; otherwise, when it has exactly
  one <article>, only that article. Elsewhere the whole body is kept.
* Block elements (p, div, h1-h6, li, tr, blockquote, br, ...) end a line; runs of whitespace
  inside a line become one space (line breaks in the source too, except inside <pre>); empty
  lines are dropped. Character references are decoded.

The result is the document text as the corpus stores it: paragraphs on their own lines, no
blank lines, a final newline; the text layer (boilerplate, sentences) takes it from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "iframe",
        "svg",
        "canvas",
        "object",
        "embed",
        "audio",
        "video",
        "map",
        "dialog",
    ]
)
SKIPPED_ROLES = frozenset(
    ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"]
)
BLOCKS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "td",
        "th",
        "caption",
        "blockquote",
        "section",
        "article",
        "main",
        "figure",
        "figcaption",
        "pre",
        "address",
        "hr",
        "br",
        "center",
        "details",
        "summary",
        "fieldset",
        "legend",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_SPACE = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class PageText:
    """What an HTML page says: its text, its title (the first <h1>, else <title>), its
    language and its canonical address."""

    text: str
    title: str | None
    language: str | None
    canonical: str | None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, starts a skipped part)
        self.skipping = 0
        self.in_title = False
        self.title: list[str] = []
        self.heading: list[str] | None = None  # the first <h1> while it is open, then done
        self.heading_done = False
        self.language: str | None = None
        self.canonical: str | None = None
        # Text pieces with the region they belong to: (text or "\n", in <main>, article number)
        self.pieces: list[tuple[str, bool, int | None]] = []
        self.main_depth = 0
        self.articles = 0
        self.article_stack: list[int] = []

    def _skips(self, tag: str, attrs: dict[str, str | None]) -> bool:
        return (
            tag in SKIPPED
            or "hidden" in attrs
            or (attrs.get("aria-hidden") or "").lower() == "true"
            or (attrs.get("role") or "").lower() in SKIPPED_ROLES
        )

    def _add(self, text: str) -> None:
        article = self.article_stack[-1] if self.article_stack else None
        self.pieces.append((text, self.main_depth > 0, article))

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): v for k, v in attributes}
        if tag == "html" and attrs.get("lang"):
            self.language = attrs["lang"]
        if tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            self.canonical = attrs.get("href")
        if tag == "title" and not self.title:
            # The page title lives in <head>, which is otherwise skipped (an <svg> title is not it).
            self.in_title = all(t == "head" for t, skip in self.stack if skip)
        if tag in VOID:
            if tag in ("br", "hr") and not self.skipping:
                self._add("\n")
            return
        skip = self._skips(tag, attrs)
        self.stack.append((tag, skip))
        if skip:
            self.skipping += 1
        if self.skipping:
            return
        if tag == "main":
            self.main_depth += 1
        if tag == "article":
            self.articles += 1
            self.article_stack.append(self.articles)
        if tag == "h1" and not self.heading_done:
            self.heading = []
        if tag in BLOCKS:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in VOID or not any(t == tag for t, _ in self.stack):
            return  # a stray end tag
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skipping -= 1
            elif not self.skipping:
                if open_tag in BLOCKS:
                    self._add("\n")
                if open_tag == "h1" and self.heading is not None:
                    self.heading_done = True
                if open_tag == "main":
                    self.main_depth -= 1
                if open_tag == "article" and self.article_stack:
                    self.article_stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            if self.heading is not None and not self.heading_done:
                self.heading.append(data)
            # A line break in the source is a space, except inside <pre>.
            preformatted = any(t == "pre" for t, _ in self.stack)
            self._add(data if preformatted else _SPACE.sub(" ", data))


def _lines(pieces: list[str]) -> str:
    lines = ("".join(pieces)).split("\n")
    kept = [_SPACE.sub(" ", line).strip() for line in lines]
    return "".join(line + "\n" for line in kept if line)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB, if any."""
    match = _CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def extract_text(html: str) -> PageText:
    """The text of a page (see the module docstring for what is kept)."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    pieces = parser.pieces
    if any(in_main for _, in_main, _ in pieces):
        chosen = [text for text, in_main, _ in pieces if in_main]
    elif parser.articles == 1:
        chosen = [text for text, _, article in pieces if article == 1]
    else:
        chosen = [text for text, _, _ in pieces]
    # A <title> usually carries the site's name ("Headline | Site"); the <h1> is the headline.
    heading = _SPACE.sub(" ", "".join(parser.heading or [])).strip()
    title = heading or _SPACE.sub(" ", "".join(parser.title)).strip() or None
    language = parser.language.split("-")[0].lower() if parser.language else None
    return PageText(_lines(chosen), title, language, parser.canonical)
