"""Lexical checks on SPARQL text, done before a store sees it.

pyoxigraph evaluates SERVICE by fetching the remote endpoint, which this server must never do,
and its query parser only says "syntax error" for an update. Both questions are answered on the
text with strings, IRIs and comments blanked out, so a keyword inside them does not count.
"""

from __future__ import annotations

import re

_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
# A keyword, not part of a variable (?service), a prefixed name (ex:service) or a longer word.
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)
# After blanking, a prologue is keywords, prefix names and the spaces left by the IRIs.
_PROLOGUE = re.compile(r"\s*(?:(?:BASE|PREFIX\s+[\w.-]*:)(?=\s)\s*)*", re.IGNORECASE)
_UPDATE_START = re.compile(
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)


def blank_out(sparql: str) -> str:
    """The text with string literals, IRIs and comments replaced by spaces."""
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), sparql)


def uses_service(sparql: str) -> bool:
    """True when the query has a SERVICE clause."""
    return bool(_SERVICE.search(blank_out(sparql)))


def is_update(sparql: str) -> bool:
    """True when the text, after its prologue, starts like a SPARQL Update operation."""
    text = blank_out(sparql)
    prologue = _PROLOGUE.match(text)
    return bool(_UPDATE_START.match(text, prologue.end() if prologue else 0))
