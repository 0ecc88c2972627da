"""Checks on SPARQL text before any store sees it: what must never run, and what is too big.

pyoxigraph evaluates SERVICE by fetching the remote endpoint, which this server must never do;
its query parser only says "syntax error" for an update; and its parser and evaluator recurse
without a bound, so a few thousand nested groups or chained operators overflow the stack. These
questions are answered on the text with strings, IRIs and comments blanked out, so that a
keyword inside them does not count.

SPARQL 1.1 (section 19.2) lets `\\u0053ERVICE` stand for SERVICE anywhere, while pyoxigraph
follows SPARQL 1.2 and reads such escapes only inside strings and IRIs; a remote store may do
either. So every check is made on both readings of the text, and escapes outside strings and
IRIs are refused outright.

The dataset clauses (FROM, FROM NAMED) are read lexically and their IRIs resolved by pyoxigraph
itself, on a query made of the prologue and those IRIs alone: prefixes and BASE then give
exactly the IRIs the store would use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph

from publisher.store.errors import QueryRefused, UpdateRefused

_STRING = (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
)
_IRI = r"<[^<>\"{}|^`\\\x00-\x20]*>"
_COMMENT = r"#[^\n]*"
_OPAQUE = re.compile(f"{_STRING}|{_IRI}|{_COMMENT}", re.DOTALL)
# Strings and comments only: the IRIs stay, to be read after FROM.
_TEXTUAL = re.compile(f"{_IRI}|{_STRING}|{_COMMENT}", re.DOTALL)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ESCAPE_LEFT = re.compile(r"\\[uU]")

# A keyword, not part of a variable (?service), a prefixed name (ex:service) or a longer word.
# `?o .SERVICE <x> {}` is a keyword after a dot, and `SERVICE:x {}` the keyword before the
# prefixed name `:x`; erring on the side of refusing (`ex:a.service` counts too).
_SERVICE = re.compile(
    r"(?<![\w:?$\-\\])SERVICE(?:(?![\w:\-])|(?=:[^\s{}()<>]*\s*\{))", re.IGNORECASE
)
# `FROM:g` is the keyword before `:g`; only those outside every group are dataset clauses.
_FROM = re.compile(r"(?<![\w:?$.\-\\])FROM(?![\w\-])", re.IGNORECASE)
_NAMED = re.compile(r"\s*NAMED(?![\w:\-])", re.IGNORECASE)
_SOURCE = re.compile(
    r"\s*(<[^<>\"{}|^`\\\x00-\x20]*>|(?:[^\s{}()<>,;\[\]\"'#:]*):(?:\\.|[^\s{}()<>,;\[\]\"'#\\])*)"
)
# After blanking, a prologue is keywords, prefix names and the spaces left by the IRIs.
_PROLOGUE = re.compile(r"\s*(?:(?:BASE|PREFIX\s+[^\s:]*:)(?=\s)\s*)*", re.IGNORECASE)
_UPDATE_START = re.compile(
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)
_VALUES = re.compile(r"(?<![\w:?$])VALUES(?![\w:])", re.IGNORECASE)
# What makes a node of the parse tree: operators, separators, groups and pattern keywords.
_NODE = re.compile(
    r"&&|\|\||[{(\[.;,|/!^*+\-<>=]"
    r"|(?<![\w:?$])(?:UNION|OPTIONAL|MINUS|FILTER|BIND|GRAPH|EXISTS|SERVICE)(?![\w:])",
    re.IGNORECASE,
)
_OPEN, _CLOSE = "{([", "})]"


@dataclass(frozen=True)
class Limits:
    """How big a query may be: characters, bracket depth, and nodes (operators and patterns)."""

    max_length: int = 100_000
    max_depth: int = 64
    max_nodes: int = 1000


def check(sparql: str, limits: Limits = Limits()) -> None:
    """Refuse (QueryRefused, UpdateRefused) what must not reach a store; return when it may."""
    if len(sparql) > limits.max_length:
        raise QueryRefused(
            f"the query is {len(sparql)} characters long; the limit is {limits.max_length}"
        )
    if _ESCAPE_LEFT.search(blank_out(sparql)):
        raise QueryRefused(
            "\\u and \\U escapes are accepted only inside strings and IRIs (SPARQL 1.2); "
            "outside them they could spell keywords"
        )
    for text in _readings(sparql):
        if is_update(text):
            raise UpdateRefused("this SPARQL service is read-only: updates are not accepted")
        if uses_service(text):
            raise QueryRefused(
                "SERVICE (federated query) is not supported: this service never fetches "
                "other endpoints"
            )
    depth, nodes = (
        max(values) for values in zip(*map(complexity, _readings(sparql)), strict=False)
    )
    if depth > limits.max_depth:
        raise QueryRefused(
            f"the query is too complex: its groups and brackets nest {depth} deep; "
            f"the limit is {limits.max_depth}"
        )
    if nodes > limits.max_nodes:
        raise QueryRefused(
            f"the query is too complex: it has {nodes} operators and patterns; "
            f"the limit is {limits.max_nodes}"
        )


def unescape(sparql: str) -> str:
    """The text with \\u and \\U codepoint escapes replaced, as SPARQL 1.1 does before parsing."""

    def replace(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else match.group(0)

    return _CODEPOINT.sub(replace, sparql)


def _readings(sparql: str) -> list[str]:
    """The text as pyoxigraph reads it and, when it has escapes, as SPARQL 1.1 reads it."""
    unescaped = unescape(sparql)
    return [sparql] if unescaped == sparql else [sparql, unescaped]


def blank_out(sparql: str) -> str:
    """The text with string literals, IRIs and comments replaced by spaces (same offsets)."""
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), sparql)


def _blank_textual(sparql: str) -> str:
    """The text with strings and comments replaced by spaces, IRIs kept (same offsets)."""
    return _TEXTUAL.sub(
        lambda m: m.group(0) if m.group(0)[0] == "<" else " " * len(m.group(0)), sparql
    )


def uses_service(sparql: str) -> bool:
    """True when the query has a SERVICE clause."""
    return bool(_SERVICE.search(blank_out(sparql)))


def is_update(sparql: str) -> bool:
    """True when the text, after its prologue, starts like a SPARQL Update operation."""
    text = blank_out(sparql)
    prologue = _PROLOGUE.match(text)
    return bool(_UPDATE_START.match(text, prologue.end() if prologue else 0))


def complexity(sparql: str) -> tuple[int, int]:
    """(deepest bracket nesting, number of operators and patterns), VALUES data not counted."""
    text = blank_out(sparql)
    depth = deepest = 0
    for char in text:
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth -= 1
    return deepest, len(_NODE.findall(_without_values(text)))


def _without_values(text: str) -> str:
    """The text with the data blocks of VALUES clauses removed (rows are data, not patterns)."""
    pieces, position = [], 0
    for match in _VALUES.finditer(text):
        if match.start() < position:
            continue
        start = text.find("{", match.end())
        end = text.find("}", start) if start >= 0 else -1
        if end < 0:
            break
        pieces.append(text[position : match.end()])
        position = end + 1
    pieces.append(text[position:])
    return "".join(pieces)


def dataset_graphs(sparql: str, base_iri: str | None = None) -> list[str]:
    """The IRIs named by FROM and FROM NAMED, resolved as the store would resolve them."""
    graphs: list[str] = []
    for text in _readings(sparql):
        blank = blank_out(text)
        prologue = _PROLOGUE.match(blank)
        start = prologue.end() if prologue else 0
        found = [m for m, depth in _with_depth(blank, _FROM.finditer(blank, start)) if not depth]
        if not found:
            continue
        readable = _blank_textual(text)
        sources = []
        for match in found:
            position = match.end()
            named = _NAMED.match(readable, position)
            if named:
                position = named.end()
            source = _SOURCE.match(readable, position)
            if not source or not source.group(1):
                raise QueryRefused(
                    "FROM must be followed by the IRI of a graph of this service "
                    f"(at character {match.start()})"
                )
            sources.append(source.group(1))
        graphs += _resolve(text[:start], sources, base_iri)
    return list(dict.fromkeys(graphs))


def _with_depth(blank: str, matches):
    """Each match with the number of groups open where it starts (one pass over the text)."""
    depth = position = 0
    for match in matches:
        depth += blank.count("{", position, match.start()) - blank.count(
            "}", position, match.start()
        )
        position = match.start()
        yield match, depth


def _resolve(prologue: str, sources: list[str], base_iri: str | None) -> list[str]:
    probe = f"{prologue}\nSELECT ?g WHERE {{ VALUES ?g {{ {' '.join(sources)} }} }}"
    try:
        rows = pyoxigraph.Store().query(probe, base_iri=base_iri)
        return [row["g"].value for row in rows]
    except (SyntaxError, ValueError, OSError) as error:
        raise QueryRefused(
            f"the FROM clause names something that is not an IRI ({error})"
        ) from None
