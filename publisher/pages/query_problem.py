"""Why a query was refused, said as a sentence with its line and column (plain Python).

The guard's own refusals already read as sentences ("SPARQL syntax error at line 1, column 16:
the `{` opened here is never closed"). The store's parser (pyoxigraph) says where it stopped
and lists what its grammar would have taken there, as rule names and Unicode ranges:
`error at 3:18: expected one of ABS, AVG, ..., ['A' ..= 'Z' | ...], [_]`. That list is turned
into words here ("an expression: a variable, a value, or a function such as ABS or STR"),
words no SPARQL 1.1 query may use are left out (LATERAL, SERVICE, SPARQL 1.2's hasLangDir),
and the position is moved back to the user's text: the store read the guard's normalised text,
whose lines are the user's lines but whose columns are not (store/guard.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from publisher.store.errors import QueryError
from publisher.store.guard import FUNCTIONS, KEYWORDS
from publisher.store.sparql.lexer import PNAME, PUNCT, WORD, Token, tokens

GUARD_AT = re.compile(r"at line (\d+), column (\d+): (.*)", re.DOTALL)
STORE_AT = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)", re.DOTALL)
RANGE = re.compile(r"\[[^\]]*\]", re.DOTALL)
UNBOUND = "The SELECT contains a variable that is unbound"
PUNCTUATION = {
    '"?"': "a variable",
    '"$"': "a variable",
    '"<"': "an IRI",
    '":"': "a prefixed name",
    '"\\""': "a string",
    '"\'"': "a string",
    '"_:"': "a blank node",
}
NOT_SERVED = {"SERVICE", "LATERAL"}  # refused here even though a grammar lists them


@dataclass
class QueryProblem:
    """What is wrong with a query, for the query page: a sentence, where, and the line."""

    message: str
    line: int | None = None
    column: int | None = None
    expected: list[str] = field(default_factory=list)
    source_line: str | None = None  # the user's line, to show with a caret under `column`
    syntax: bool = True  # a syntax error (else: refused for another reason, or a time-out)

    @property
    def where(self) -> str:
        if self.line is None:
            return ""
        return f"line {self.line}" + (f", column {self.column}" if self.column else "")


def explain(error: QueryError | str, query: str, normalised: str | None = None) -> QueryProblem:
    """The problem of `query` as the guard or the store reported it; `normalised` is the text
    the store was given (the guard's), when the store is the one that refused it."""
    text = str(error)
    syntax = "syntax error" in text.lower()
    if match := GUARD_AT.search(text):
        line, column = int(match.group(1)), int(match.group(2))
        return _located(match.group(3).strip(), line, column, query, [], syntax)
    if match := STORE_AT.search(text):
        line, column = int(match.group(1)), int(match.group(2))
        if normalised is not None:
            column = _user_column(query, normalised, line, column)
        expected, notes = _expected(match.group(3))
        token = _token_near(query, line, column)
        if (lacking := incomplete_triple(query, (line, column))) is not None:
            token, message = lacking
            message = f"at `{token.text}`: {message}"
            return _located(message, token.line, token.column, query, [], True)
        if UNBOUND in notes:
            message = (
                "a variable of SELECT is neither grouped nor aggregated: with GROUP BY, every "
                "selected variable must be in GROUP BY or inside an aggregate (COUNT, SAMPLE, "
                "GROUP_CONCAT...)"
            )
        elif token is not None and _names_without_as(query, token):
            message = f"near `{token.text}`: an expression is named with AS: `(… AS {token.text})`"
        else:
            message = _sentence(token, expected)
        if token is not None:
            line, column = token.line, token.column
        return _located(message, line, column, query, expected, True)
    return QueryProblem(text[0].upper() + text[1:] if text else text, syntax=syntax)


def _located(
    message: str, line: int, column: int, query: str, expected: list[str], syntax: bool
) -> QueryProblem:
    lines = query.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else None
    return QueryProblem(message, line, column, expected, source, syntax)


def _expected(listing: str) -> tuple[list[str], list[str]]:
    """pyoxigraph's list of expected things in words, and the sentences among them."""
    ranges = RANGE.findall(listing)
    rest = RANGE.sub("", listing)
    items = [i.strip() for i in rest.replace("\n", " ").split(",") if i.strip()]
    words: list[str] = []
    notes = [i for i in items if " " in i and not i.startswith('"')]
    functions = [i for i in items if i in FUNCTIONS]
    for item in items:
        if item in PUNCTUATION:
            _add(words, PUNCTUATION[item])
        elif item.startswith('"') and item.endswith('"') and len(item) > 2:
            _add(words, f"`{item[1:-1]}`")
        elif item in FUNCTIONS:
            continue
        elif item.upper() in KEYWORDS and item.upper() not in NOT_SERVED and item.isupper():
            _add(words, item)
    for found in ranges:
        if "'A'" in found or "'a'" in found:
            _add(words, "a name")
        elif "'0'" in found:
            _add(words, "a number")
    if functions:
        shown = ", ".join(functions[:3])
        words.insert(0, f"an expression (a variable, a value, or a function such as {shown})")
    return words, notes


def _add(words: list[str], word: str) -> None:
    if word not in words:
        words.append(word)


def _sentence(token: Token | None, expected: list[str]) -> str:
    here = f"near `{_spelled(token)}`" if token is not None else "at the start of the query"
    if expected:
        return f"{here}: expected {_or(expected)}"
    return f"{here}: this does not fit the SPARQL grammar here"


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def incomplete_triple(query: str, until: tuple[int, int] | None = None) -> tuple[Token, str] | None:
    """The first `.` or `}` (before `until`) that ends a triple pattern lacking its predicate or
    object, and what it lacks: the store's parser reports such a mistake further on, or at the
    end of the query. Only plain triple patterns are followed: expressions, VALUES blocks and
    keywords stop the count until the next `.`, `{` or `}`."""
    try:
        found = list(tokens(query))
    except QueryError:
        return None
    depth = 0  # inside ( ) or [ ]: one term
    braces: list[bool] = []  # for each open {, whether it holds triple patterns
    values_next = counting = False
    terms, needed = 0, 3
    skip = 0
    for token in found:
        if until is not None and (token.line, token.column) > until:
            break
        if skip:
            skip -= 1
            continue
        kind, text = token.kind, token.text
        if kind == PUNCT and text in ("(", "["):
            depth += 1
            continue
        if kind == PUNCT and text in (")", "]"):
            depth = max(depth - 1, 0)
            if depth == 0 and text == "]" and counting:
                terms += 1
            continue
        if depth:
            continue
        if kind == PUNCT and text == "^^":
            skip = 1
        elif kind == PUNCT and text == "{":
            braces.append(not values_next)
            counting, terms, needed, values_next = not values_next, 0, 3, False
        elif kind == PUNCT and text in ("}", ".", ";", ","):
            short = 0 < terms < needed or (needed == 1 and terms == 0 and text in ("}", "."))
            if counting and short:
                missing = "an object" if needed - terms == 1 else "a predicate and an object"
                return token, f"the triple pattern before it lacks {missing}"
            if text in (";", ","):
                terms, needed = 0, (2 if text == ";" else 1)
                continue
            if text == "}" and braces:
                braces.pop()
            counting, terms, needed = bool(braces and braces[-1]), 0, 3
        elif kind == PUNCT:
            counting = False
        elif kind == WORD and text != "a":
            counting = False
            values_next = text == "VALUES"
        elif counting and kind != "LANGTAG":
            terms += 1
    return None


def _token_near(query: str, line: int, column: int) -> Token | None:
    """The last token of `query` that starts before line:column (the store's parser stops
    just past what it could not take, or further on)."""
    last = None
    try:
        for token in tokens(query):
            if (token.line, token.column) >= (line, column):
                break
            last = token
    except QueryError:
        return None
    return last


def _names_without_as(query: str, token: Token) -> bool:
    """`(COUNT(?s) ?n)`: a variable right after the `)` of an expression, before a `)`."""
    if token.kind != "VAR":
        return False
    found = list(tokens(query))
    at = next((n for n, t in enumerate(found) if t == token), None)
    return (
        at is not None
        and 0 < at < len(found) - 1
        and found[at - 1].text == ")"
        and found[at + 1].text == ")"
    )


def _spelled(token: Token) -> str:
    if token.kind == "IRI":
        return f"<{token.value}>"
    if token.kind == "STRING":
        return f'"{token.value}"'
    return token.text or token.value


def _user_column(query: str, normalised: str, line: int, column: int) -> int:
    """The column in the user's text of the token at line:column of the normalised text.

    Lines are the same in both; on a line, the normalised text has the user's tokens in the
    same order, less PREFIX declarations (and FROM clauses, which are rare on a line that
    fails). The position is taken as the k-th token of the line, counted from its end when
    the counts differ only by what was dropped at the start."""
    try:
        theirs = [t for t in tokens(normalised) if t.line == line]
        ours = [t for t in tokens(query) if t.line == line]
    except QueryError:
        return column
    ours = _without_prefix_declarations(ours)
    after = [t for t in theirs if t.column >= column]
    if not after:  # at the end of the line
        return ours[-1].column + len(ours[-1].text or ours[-1].value) + 1 if ours else column
    from_end = len(after)
    if from_end <= len(ours):
        return ours[len(ours) - from_end].column
    return column


def _without_prefix_declarations(found: list[Token]) -> list[Token]:
    kept: list[Token] = []
    skip = 0
    for n, token in enumerate(found):
        if skip:
            skip -= 1
            continue
        following = found[n + 1] if n + 1 < len(found) else None
        if token.kind == WORD and token.text == "PREFIX" and following and following.kind == PNAME:
            skip = 2
            continue
        kept.append(token)
    return kept
