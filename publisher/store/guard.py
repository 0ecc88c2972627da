"""One reading of every query from outside: what the store evaluates is what was checked.

A query is read once, token by token, as the SPARQL 1.1 grammar defines its terminals
(store/sparql/lexer.py, one linear scan). On that reading the guard refuses what must never
run (SERVICE, updates, words that are not SPARQL 1.1, such as Virtuoso's `DEFINE`) and what is
too big (length, bracket depth, operators and patterns: all counted on the token stream, never
by recursion). From the same reading it writes the query the store is given instead of the
user's text:

- comments dropped, tokens separated by single spaces (none between a function and its `(`), a
  line break wherever the user's text had one between tokens (so the store's line numbers are
  the user's lines);
- prefixed names written as full IRIs (`ex:p\\#` is `<http://example/p#>`), the PREFIX
  declarations dropped; a prefix not declared is looked up in the dataset's own prefixes;
- keywords in upper case, strings in one form (`"…"` with ECHAR escapes, never `\\u`), IRIs
  written `<…>` with their escapes decoded;
- BASE declarations kept; FROM and FROM NAMED removed and returned, resolved, as the dataset,
  for the caller to give the store through the protocol (default-graph-uri, named-graph-uri).

Whatever a store would make of the user's text (a comment ended by a lone CR, a `\\u0053`
outside a string, `\\#` in a prefixed name), it never sees that text: it sees a text in which
every token is spelled one way and nothing is hidden, and no check depends on how a store
would read a corner of the grammar. Nothing here runs pyoxigraph or any other parser.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from publisher.store.errors import QueryError, QueryRefused, QuerySyntaxError, UpdateRefused
from publisher.store.sparql import lexer
from publisher.store.sparql.iri import is_absolute, resolve
from publisher.store.sparql.lexer import (
    IRI,
    NUMBER,
    PNAME,
    PUNCT,
    STRING,
    WORD,
    Token,
    iri_problem,
    quote_string,
    where,
)

FORMS = frozenset(("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"))
# The operations of SPARQL 1.1 Update: refused wherever they appear.
UPDATES = frozenset(("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE"))
UPDATES |= {"ADD", "WITH"}
# The built-in functions and aggregates of SPARQL 1.1: words that a `(` follows.
FUNCTIONS = frozenset(
    (
        *("COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"),
        *("STR", "LANG", "LANGMATCHES", "DATATYPE", "BOUND", "IRI", "URI", "BNODE", "RAND"),
        *("ABS", "CEIL", "FLOOR", "ROUND", "CONCAT", "STRLEN", "UCASE", "LCASE"),
        *("ENCODE_FOR_URI", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER"),
        *("YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "NOW"),
        *("UUID", "STRUUID", "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "COALESCE", "IF"),
        *("STRLANG", "STRDT", "SAMETERM", "ISIRI", "ISURI", "ISBLANK", "ISLITERAL"),
        *("ISNUMERIC", "REGEX", "SUBSTR", "REPLACE"),
    )
)
# Every word of the SPARQL 1.1 Query grammar: keywords, functions, `a` and the booleans.
KEYWORDS = FUNCTIONS | {
    *("BASE", "PREFIX", "SELECT", "CONSTRUCT", "DESCRIBE", "ASK", "DISTINCT", "REDUCED"),
    *("AS", "FROM", "NAMED", "WHERE", "ORDER", "BY", "ASC", "DESC", "LIMIT", "OFFSET"),
    *("VALUES", "UNDEF", "GROUP", "HAVING", "UNION", "OPTIONAL", "MINUS", "GRAPH"),
    *("SERVICE", "SILENT", "BIND", "FILTER", "EXISTS", "NOT", "IN", "SEPARATOR"),
    *("a", "true", "false"),
}
# What makes a node of the parse tree: operators, separators, groups and pattern keywords.
_NODE_WORDS = frozenset(("UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "GRAPH", "EXISTS"))
_NODE_PUNCT = frozenset("{([.;,|/!^*+-<>=") | {"!=", "<=", ">=", "&&", "||", "^^"}
_OPEN = {"{": "}", "(": ")", "[": "]"}
_CLOSE = frozenset(_OPEN.values())
_SHAPED = frozenset((PUNCT, WORD, NUMBER))

READ_ONLY = "this SPARQL service is read-only: updates are not accepted"
NO_SERVICE = (
    "SERVICE (federated query) is not supported: this service never fetches other endpoints"
)


@dataclass(frozen=True)
class Limits:
    """How big a query may be: characters, bracket depth, and nodes (operators and patterns)."""

    max_length: int = 100_000
    max_depth: int = 64
    max_nodes: int = 1000


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed the checks, as the store must be given it."""

    text: str  # what the store evaluates: the normalised query
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    default_graphs: list[str]  # the query's FROM clauses, resolved
    named_graphs: list[str]  # its FROM NAMED clauses, resolved

    @property
    def has_dataset(self) -> bool:
        """True when the query named its dataset (FROM or FROM NAMED)."""
        return bool(self.default_graphs or self.named_graphs)


def check(
    sparql: str,
    *,
    base_iri: str | None = None,
    prefixes: Mapping[str, str] | None = None,
    limits: Limits = Limits(),
) -> CheckedQuery:
    """Read a query from outside once; refuse it (QueryRefused, UpdateRefused,
    QuerySyntaxError) or return the text the store is to evaluate, with the query's dataset.

    `base_iri` is the request's base, against which BASE and FROM IRIs resolve; `prefixes` are
    the prefixes a query may use without declaring them (the dataset's own).
    """
    if len(sparql) > limits.max_length:
        raise QueryRefused(
            f"the query is {len(sparql)} characters long; the limit is {limits.max_length}"
        )
    return _Reading(sparql, base_iri, prefixes or {}, limits).read()


def complexity(sparql: str) -> tuple[int, int]:
    """(deepest bracket nesting, number of operators and patterns), VALUES data not counted."""
    shape = _Shape(strict=False)
    for token in lexer.tokens(sparql):
        shape.feed(token)
    return shape.deepest, shape.nodes


def is_update(sparql: str) -> bool:
    """True when the text, after its prologue, starts like a SPARQL Update operation."""
    stream = lexer.tokens(sparql)
    try:
        for token in stream:
            if token.kind == WORD and token.text in ("BASE", "PREFIX"):
                for _ in range(1 if token.text == "BASE" else 2):
                    next(stream, None)
                continue
            return token.kind == WORD and token.text in UPDATES
    except QueryError:
        pass
    return False


def uses_service(sparql: str) -> bool:
    """True when the text, read as far as it can be, has the keyword SERVICE."""
    try:
        return any(t.kind == WORD and t.text == "SERVICE" for t in lexer.tokens(sparql))
    except QueryError:
        return False


class _Shape:
    """Bracket depth and the count of nodes, kept token by token (no recursion)."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.open: list[Token] = []
        self.deepest = 0
        self.nodes = 0
        self._values_next = False  # VALUES seen, its data block not opened yet
        self._values_depth = 0  # the depth of the VALUES data block being read, or 0

    def feed(self, token: Token) -> None:
        kind, text = token.kind, token.text
        if kind == PUNCT and text in _OPEN:
            self.open.append(token)
            self.deepest = max(self.deepest, len(self.open))
            if text == "{" and self._values_next:
                self._values_next = False
                self._values_depth = len(self.open)
        elif kind == PUNCT and text in _CLOSE:
            self._close(token)
            return
        elif kind == WORD and text == "VALUES":
            self._values_next = True
        if self._values_depth:
            return  # rows are data, not patterns
        if (
            (kind == PUNCT and text in _NODE_PUNCT)
            or (kind == WORD and text in _NODE_WORDS)
            or (kind == NUMBER and text[0] in "+-")  # `1+1`: the sign is an operator
        ):
            self.nodes += 1

    def _close(self, token: Token) -> None:
        opener = self.open[-1] if self.open else None
        if self.strict and opener is None:
            raise _syntax(token, f"`{token.text}` closes nothing")
        if self.strict and opener is not None and _OPEN[opener.text] != token.text:
            raise _syntax(
                token,
                f"`{token.text}` cannot close the `{opener.text}` opened at "
                f"{where(opener.line, opener.column)}",
            )
        if opener is not None:
            self.open.pop()
        if self._values_depth > len(self.open):
            self._values_depth = 0


def _syntax(token: Token | None, message: str) -> QuerySyntaxError:
    at = f" at {where(token.line, token.column)}" if token else ""
    return QuerySyntaxError(f"SPARQL syntax error{at}: {message}")


class _Writer:
    """The normalised text: tokens apart by one space, or by the line breaks of the original."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line = 1

    def write(self, text: str, line: int, attached: bool = False) -> None:
        if line > self.line:
            self.parts.append("\n" * (line - self.line))
            self.line = line
        elif self.parts and not attached:
            self.parts.append(" ")
        self.parts.append(text)

    def text(self) -> str:
        return "".join(self.parts)


class _Reading:
    """One pass over the tokens of a query: checks, dataset and normalised text together."""

    def __init__(
        self, sparql: str, base_iri: str | None, prefixes: Mapping[str, str], limits: Limits
    ) -> None:
        self.tokens: Iterator[Token] = lexer.tokens(sparql)
        self.base = base_iri
        self.prefixes = prefixes
        self.declared: dict[str, str] = {}
        self.limits = limits
        self.shape = _Shape(strict=True)
        self.out = _Writer()
        self.where = False  # the query pattern has begun: no dataset clause from here
        self.default_graphs: list[str] = []
        self.named_graphs: list[str] = []

    def read(self) -> CheckedQuery:
        first = self._prologue()
        if first is None:
            raise _syntax(None, "the text holds no query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
        form = self._form(first)
        self._body(first)
        if self.shape.open:
            opener = self.shape.open[-1]
            raise _syntax(opener, f"the `{opener.text}` opened here is never closed")
        return CheckedQuery(
            self.out.text(),
            form,
            list(dict.fromkeys(self.default_graphs)),
            list(dict.fromkeys(self.named_graphs)),
        )

    def _next(self, after: Token, message: str, kind: str) -> Token:
        token = next(self.tokens, None)
        if token is None or token.kind != kind:
            raise _syntax(token or after, message)
        return token

    def _prologue(self) -> Token | None:
        """Read the BASE and PREFIX declarations; return the first token after them."""
        for token in self.tokens:
            if token.kind == WORD and token.text == "BASE":
                iri = self._next(token, "BASE must be followed by an IRI written <…>", IRI)
                self.base = resolve(iri.value, self.base)
                self.out.write("BASE", token.line)
                self.out.write(f"<{iri.value}>", iri.line)
            elif token.kind == WORD and token.text == "PREFIX":
                name = self._next(token, "PREFIX must be followed by a name such as `ex:`", PNAME)
                if name.value or not name.text.endswith(":"):
                    raise _syntax(name, "a prefix declared ends with its colon, as in `ex:`")
                iri = self._next(name, "a prefix is declared with an IRI written <…>", IRI)
                self.declared[name.prefix] = resolve(iri.value, self.base)
            else:
                return token
        return None

    def _form(self, token: Token) -> str:
        if token.kind == WORD:
            if token.text in UPDATES:
                raise UpdateRefused(READ_ONLY)
            if token.text in FORMS:
                return token.text
            self._known(token)
        raise _syntax(token, "a query begins with SELECT, ASK, CONSTRUCT or DESCRIBE")

    def _known(self, token: Token) -> None:
        if token.text not in KEYWORDS:
            word = token.value if token.value.isprintable() else ascii(token.value)
            raise QueryRefused(
                f"SPARQL syntax error at {where(token.line, token.column)}: `{word}` is "
                "not a keyword or function of SPARQL 1.1; the extensions of other stores (such "
                "as DEFINE) are not accepted, and a prefixed name needs its colon"
            )

    def _body(self, first: Token) -> None:
        limits, shape, out = self.limits, self.shape, self.out
        feed, write = shape.feed, out.write
        max_depth, max_nodes = limits.max_depth, limits.max_nodes
        previous: Token | None = None
        for token in itertools.chain((first,), self.tokens):
            kind, text, line, column, value, _ = token
            if kind == WORD:
                if text in UPDATES:
                    raise UpdateRefused(READ_ONLY)
                if text == "SERVICE":
                    raise QueryRefused(NO_SERVICE)
                if text not in KEYWORDS:
                    self._known(token)
                if text in ("BASE", "PREFIX"):
                    raise _syntax(token, f"{text} is only allowed at the start of the query")
                if text == "FROM":
                    self._dataset(token)
                    previous = token
                    continue
                if text == "WHERE" and not shape.open:
                    self.where = True
            elif (
                kind == PUNCT
                and text == "{"
                and not shape.open
                and not (previous and previous.kind == WORD and previous.text == "CONSTRUCT")
            ):
                self.where = True  # a group at the top: the pattern, or CONSTRUCT's template
            if kind in _SHAPED:  # the other tokens are never nodes nor brackets
                feed(token)
                if len(shape.open) > max_depth:
                    raise QueryRefused(
                        "the query is too complex: its groups and brackets nest deeper than "
                        f"{max_depth} (at {where(line, column)}); the limit is {max_depth}"
                    )
                if shape.nodes > max_nodes:
                    raise QueryRefused(
                        f"the query is too complex: it has more than {max_nodes} operators "
                        f"and patterns; the limit is {max_nodes}"
                    )
                # `CONCAT(`, `<f>(`: pyoxigraph wants no space between a function and its `(`.
                write(text, line, text == "(" and self._called(previous))
            elif kind == PNAME:
                write(f"<{self._expand(token, previous)}>", line)
            elif kind == IRI:
                write(f"<{value}>", line)
            elif kind == STRING:
                write(quote_string(value), line)
            else:
                write(text, line)
            previous = token

    @staticmethod
    def _called(previous: Token | None) -> bool:
        """True when a `(` after this token opens the arguments of a function."""
        return previous is not None and (
            previous.kind in (IRI, PNAME) or (previous.kind == WORD and previous.text in FUNCTIONS)
        )

    def _expand(self, token: Token, previous: Token | None = None) -> str:
        """The full IRI a prefixed name stands for."""
        namespace = self.declared.get(token.prefix)
        if namespace is None:
            namespace = self.prefixes.get(token.prefix)
        if namespace is None:
            hint = ""
            if (
                previous is not None
                and previous.text == "<"
                and (previous.line, previous.column + 1) == (token.line, token.column)
            ):
                hint = f" (or the IRI begun at {where(previous.line, previous.column)} lacks `>`)"
            raise _syntax(
                token,
                f"the prefix `{token.prefix}:` is not declared (PREFIX {token.prefix}: <…>) "
                f"and is not one of this dataset's{hint}",
            )
        iri = namespace + token.value
        problem = iri_problem(iri)
        if problem:
            raise _syntax(token, f"`{token.text}` does not make an IRI: {problem}")
        return iri

    def _dataset(self, keyword: Token) -> None:
        """A FROM or FROM NAMED clause: the graph is kept aside, the clause is not written."""
        if self.shape.open or self.where:
            raise _syntax(
                keyword,
                "FROM belongs to the dataset clause, after SELECT, ASK, CONSTRUCT or DESCRIBE "
                "and before the query pattern (WHERE), outside every group",
            )
        source = next(self.tokens, None)
        named = source is not None and source.kind == WORD and source.text == "NAMED"
        if named:
            source = next(self.tokens, None)
        if source is not None and source.kind == IRI:
            iri = source.value
        elif source is not None and source.kind == PNAME:
            iri = self._expand(source)
        else:
            raise _syntax(source or keyword, "FROM must be followed by the IRI of a graph")
        graph = resolve(iri, self.base)
        if not is_absolute(graph):
            raise _syntax(source, f"FROM <{iri}>: a relative IRI, and no base to resolve it")
        (self.named_graphs if named else self.default_graphs).append(graph)
