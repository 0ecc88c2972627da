"""OpenLink Virtuoso 7.2 (tested: 7.2.5, Debian's `virtuoso-opensource`), and its quirks.

What it does differently, each measured on 7.2.5.3229 (tests/stores/):

- **System graphs in the default graph.** `virtrdf#`, `ldp#` and `localuriqaserver/sparql`
  are named graphs of its own, and its default graph is the union of every graph. Sending the
  release's graphs as the protocol dataset keeps them out, but Virtuoso then gets queries
  wrong: with seven default graphs or more (or a graph group), `?x a/rdfs:subClassOf* C ;
  rdfs:label ?l FILTER(LANG(?l) = 'ar')` has no solution (it has 120 over the union). So the
  store is kept to the release by its own graph-level security instead: the bulk loader
  (`bulk_load`) makes graphs unreadable to anonymous queries by default and grants read of the
  release's graphs, and the union default graph of `/sparql` is then the release's alone. A
  Virtuoso holding other readable graphs gets the protocol dataset (RemoteStore finds out),
  with the bug above.
- **Empty graph patterns.** `GRAPH ?g { }` gives one solution with ?g unbound (it crashed the
  catalogue), `ASK { GRAPH <g> { } }` is true for any IRI, and the same inside a UNION false
  for every graph; `FILTER EXISTS` alone in a group is always true, and a sub-select that
  projects an unbound variable is dropped: such patterns are rewritten into sub-selects that
  bind a triple of the graph (`rewrite`). What it costs: `SELECT *` over a query with
  `GRAPH <g> { }` has one more column (`empty_s0`).
- **Graphs outside the dataset.** Given a protocol dataset, `ASK { GRAPH <g> { ?s ?p ?o } }`
  is true and `COUNT(*)` of it 1 when <g> is not one of its named graphs (it compiles the
  pattern away as empty, then gets ASK and COUNT of nothing wrong): such a pattern is
  written `{ FILTER(false) }`, which it gets right. A dataset with no named graphs (or no
  default graph) is not told by leaving the list out, which Virtuoso takes as all its graphs,
  system graphs included, but by naming a graph that does not exist (`dataset`).
- **Slow DISTINCT over graphs.** `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }` took
  25 s on 20 thousand triples; the same with GROUP BY, milliseconds.
- **Values, not spellings.** Booleans come back as "1" and "0" (the release writes "true" and
  "false"), blank nodes are labelled `nodeID://b123` (not a blank node label at all in SPARQL
  JSON results): each is written back as the other stores give it (`fix_line`). dateTimes in
  UTC end with "Z", as Oxigraph (embedded or server) gives them too, whatever the release's
  spelling ("+00:00"): left as they are. Other spellings it changes and the release does not
  use: decimals ("1.50" is "1.5"), language tags (lower case), dateTimes with another offset
  (given back as "10:00:00 03:00").
- **Anytime answers.** At its time limit (`timeout` parameter, or MaxQueryExecutionTime) it
  answers 200 with what it found so far and `X-SQL-State: S1TAT`: a partial answer, never
  passed on as a whole one (`partial`). Its own limit does stop the work (the CPU is back to
  nothing at once), so the publisher sends its own wait as `timeout`.
- **Cost estimates.** A query it estimates to run past MaxQueryCostEstimationTime is refused
  at once (500, "The estimated execution time ... exceeds the limit"): answered as a query
  past the time limit (`too_heavy`).
- **DESCRIBE.** Its default gives the triples that point at the resource (and not its own);
  `define sql:describe-mode "CBD"` gives the Concise Bounded Description the embedded store
  gives, and is put before every DESCRIBE.
- **Zero-length paths.** Within `GRAPH ?g { ... }`, `?a rdf:rest* ?b` has no solution (nor
  `?`): there, a pattern `?a <p>* ?b` becomes one step or more, or none, spelled out
  (`rewrite`; the publisher's descriptions of shapes and lists need it). Elsewhere, a group
  that holds a UNION and a path with `*` (or `+`, `?`) has no solution at all (competency
  question 01: none instead of 22 rows); the same path alone in a sub-select is answered right,
  so each `s path* o` on its own is put in one (`{ SELECT ?s ?o WHERE { s path* o } }`).
  Spelled out there as within a graph, it crashed the server (competency question 05).
- **Blank nodes of lists within lists.** Even so, the one query of a description's blank nodes
  (four steps, each following a list to its end: `describe/queries.py`) misses some nodes of a
  list three steps away (AmountShape: the first member of an sh:or inside its sh:xone, which
  the list's rdf:rest* of length zero reaches), and with `+` paths in every combination instead
  it runs past 10 s. Its blank nodes keep their ids between queries (`nodeID://b123` names the
  node `b123` of an answer: `blank_node_iri`), so descriptions gather them step by step.
- **Separators.** A GROUP_CONCAT separator that is not ASCII comes out as "?" (`" ← "` joins
  with " ? "; other strings of a query keep their letters): such a separator becomes an ASCII
  placeholder, put back by REPLACE around the GROUP_CONCAT (`ascii_separators`).
- **Cost estimates.** With MaxQueryCostEstimationTime at Debian's 400 s, it refuses the
  publisher's own description of a SHACL shape (estimated 429 s; it runs in 2 s): set it to 0
  and let the time limit (the `timeout` parameter) stop queries.
- **Content negotiation.** Asked for SPARQL results and RDF at once (as the publisher asks
  other stores, which choose by the query form), it answers CONSTRUCT with a SPARQL JSON
  table of ?s ?p ?o: each form is asked for its own format (`accept`).
- **A cap on rows.** `ResultSetMaxRows` (10000 in Debian's virtuoso.ini) cuts every answer
  silently; the loader checks that the store gives a whole graph of the release.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Collection, Sequence
from email.message import Message
from pathlib import Path

from pyoxigraph import NamedNode

from publisher.errors import PublisherError
from publisher.store.engines.dialect import Engine
from publisher.store.errors import QueryError
from publisher.store.sparql import lexer
from publisher.store.sparql.iri import resolve
from publisher.store.sparql.lexer import IRI, PNAME, PUNCT, VAR, WORD

SYSTEM_GRAPHS = frozenset(
    (
        "http://www.openlinksw.com/schemas/virtrdf#",
        "http://www.w3.org/ns/ldp#",
        "http://localuriqaserver/sparql",
        "http://www.w3.org/2002/07/owl#",
    )
)
SYSTEM_PREFIXES = ("http://www.openlinksw.com/", "urn:virtuoso:")
# A graph no store holds: what Virtuoso is given for an empty list of graphs.
NO_GRAPH = "urn:x-publisher:no-graph"
FORMS = frozenset(("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"))
XSD = rb"http://www\.w3\.org/2001/XMLSchema#"
_BOOLEAN = {b"1": b"true", b"0": b"false"}
# SPARQL JSON results as Virtuoso writes them (one binding per line), its XML results, and
# N-Triples (graph answers). Each pattern is a few dozen bytes and never spans lines.
_FIXES: tuple[tuple[re.Pattern[bytes], object], ...] = (
    (re.compile(rb'("type": "bnode", "value": ")nodeID://'), rb"\1"),
    (re.compile(rb"<bnode>nodeID://"), b"<bnode>"),
    (
        re.compile(rb'("datatype": "' + XSD + rb'boolean", "value": ")([01])"'),
        lambda m: m[1] + _BOOLEAN[m[2]] + b'"',
    ),
    (
        re.compile(rb'(<literal datatype="' + XSD + rb'boolean">)([01])<'),
        lambda m: m[1] + _BOOLEAN[m[2]] + b"<",
    ),
    (
        re.compile(rb'"([01])"\^\^<' + XSD + rb"boolean>"),
        lambda m: b'"' + _BOOLEAN[m[1]] + b'"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    ),
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Virtuoso(Engine):
    name = "virtuoso"
    title = "Virtuoso 7"
    keep_to_release = (
        "load it with `publisher load --virtuoso-isql`, which makes only the release's graphs "
        "readable to anonymous queries (with the release's graphs as the dataset, Virtuoso 7.2 "
        "gets queries with property paths wrong)"
    )
    row_limit_setting = "ResultSetMaxRows ([SPARQL] of virtuoso.ini)"

    def graph_names_query(self) -> str:
        # SELECT DISTINCT ?g takes 25 s on 20 thousand triples; GROUP BY, milliseconds.
        return "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"

    def blank_node_iri(self, label: str) -> str | None:
        # Its blank nodes are stored nodes with an id, labelled `nodeID://<id>` in answers
        # (`fix_line` keeps the id) and named so in queries.
        return f"nodeID://{label}"

    def is_system_graph(self, graph: str) -> bool:
        return graph in SYSTEM_GRAPHS or graph.startswith(SYSTEM_PREFIXES)

    def rewrite(self, sparql: str, named: Collection[str] | None) -> str:
        text = rewritten(ascii_separators(sparql), named)
        if query_form(text) == "DESCRIBE":
            # Its own DESCRIBE gives the triples that point at the resource; the embedded
            # store's is its Concise Bounded Description, which Virtuoso has as a mode.
            text = f'define sql:describe-mode "CBD" {text}'
        return text

    def accept(self, sparql: str) -> str | None:
        # Asked for results and RDF at once, it answers CONSTRUCT as SPARQL JSON results (a
        # table of ?s ?p ?o); each query form is asked for its own format.
        form = query_form(sparql)
        if form in ("CONSTRUCT", "DESCRIBE"):
            return "application/n-triples"
        return "application/sparql-results+json" if form else None

    def dataset(
        self, default: list[str] | None, named: list[str] | None
    ) -> tuple[list[str] | None, list[str] | None]:
        # A list the protocol leaves out is empty (SPARQL 1.1 Protocol 2.1.4); Virtuoso takes
        # every graph of its own instead, system graphs included: it is given one that is not.
        if default is None and named is None:
            return None, None
        return default or [NO_GRAPH], named or [NO_GRAPH]

    def parameters(self, wait: float) -> list[tuple[str, str]]:
        # Its own limit, a little inside ours, so that its (partial, refused) answer comes
        # before the publisher gives up; it stops the work there (measured: CPU back to 0).
        return [("timeout", str(max(100, int(wait * 1000) - 100)))]

    def partial(self, headers: Message) -> str | None:
        if (headers.get("X-SQL-State") or "").strip() == "S1TAT":
            return " ".join((headers.get("X-SQL-Message") or "a partial answer").split())[:200]
        return None

    def too_heavy(self, detail: str) -> bool:
        return "estimated execution time" in detail and "exceeds the limit" in detail

    def fix_line(self, line: bytes) -> bytes:
        if b"nodeID://" not in line and b"XMLSchema#" not in line:
            return line
        for pattern, replacement in _FIXES:
            line = pattern.sub(replacement, line)  # type: ignore[call-overload]
        return line


def rewritten(sparql: str, named: Collection[str] | None) -> str:
    """`sparql` in forms Virtuoso evaluates as SPARQL 1.1 says, for a dataset whose named
    graphs are `named` (None: the store's own, not restricted):

    - `GRAPH <g> { ... }` with <g> not one of `named`, and `GRAPH ?g { ... }` when `named` is
      empty, match nothing: they become `{ FILTER(false) }` (Virtuoso answers ASK true and
      COUNT 1 over such a pattern, which its compiler finds empty);
    - `GRAPH ?g { }` becomes `{ SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g }`;
    - `GRAPH <g> { }` becomes `{ SELECT ?s WHERE { GRAPH <g> { ?s ?p ?o } } LIMIT 1 }`;
    - within `GRAPH ?g { ... }`, a triple pattern `?a <p>* ?b` (zero or more steps, which
      Virtuoso answers with nothing there) becomes `{ { ?a <p>+ ?b } UNION { SELECT DISTINCT
      ?a ?b WHERE { { ?a ?x ?y } UNION { ?y ?x ?a } BIND(?a AS ?b) } } }`: one step or more,
      or none (every term of the graph, as SPARQL 1.1 defines the path of length zero);
    - elsewhere, a triple pattern on its own whose path ends in `*` (`?a (<p>|<q>)* <c>`)
      becomes `{ SELECT ?a WHERE { ?a (<p>|<q>)* <c> } }`, its variables projected;

    (fresh variables), which is what they mean for a store that holds no empty graph. Read token
    by token (strings, IRIs and comments cannot fool it); a text the lexer refuses is returned
    as it is, for the store to refuse."""
    if "GRAPH" not in sparql.upper() and "*" not in sparql:
        return sparql
    scanned = _scan(sparql)
    if scanned is None:
        return sparql
    tokens, offset = scanned

    used = {t.text[1:] for t in tokens if t.kind == VAR}
    fresh = _fresh(used)
    triple = " ".join(f"?{v}" for v in fresh)
    within: list[int] = []  # where the GRAPH ?var patterns around this token close
    allowed = None if named is None else set(named)
    base: str | None = None
    pieces: list[str] = []
    done = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == WORD and token.text == "BASE" and index + 1 < len(tokens):
            base = resolve(tokens[index + 1].value, base)
        within = [end for end in within if end > index]
        if within and _star_path(tokens, index):
            a, b = tokens[index].text, tokens[index + 3].text
            path = sparql[offset(tokens[index + 1]) : offset(tokens[index + 2])].strip()
            used |= set(fresh)
            s0, p0, o0 = (f"?{v}" for v in _fresh(used))  # each its own: Virtuoso mixes them up
            used |= {s0[1:], p0[1:], o0[1:]}
            text = (
                f"{{ {{ {a} {path}+ {b} }} UNION {{ SELECT DISTINCT {a} {b} WHERE {{ "
                f"{{ {a} {p0} {o0} }} UNION {{ {s0} {p0} {a} }} BIND({a} AS {b}) }} }} }}"
            )
            begin, end = offset(token), offset(tokens[index + 3]) + len(b)
            breaks = len(_LINE_BREAK.findall(sparql[begin:end]))
            pieces += [sparql[done:begin], text, "\n" * breaks]
            done = end
            index += 4
            continue
        last = None if within else _path_pattern(tokens, index)
        if last is not None:
            ends = [tokens[index], tokens[last]]
            names = " ".join(dict.fromkeys(t.text for t in ends if t.kind == VAR))
            begin, end = offset(token), _end(sparql, offset(tokens[last]), tokens[last])
            pattern = sparql[begin:end]
            breaks = len(_LINE_BREAK.findall(pattern))
            text = f"{{ SELECT {names} WHERE {{ {' '.join(pattern.split())} }} }}"
            pieces += [sparql[done:begin], text, "\n" * breaks]
            done = end
            index = last + 1
            continue
        closing = _graph_pattern(tokens, index)
        if closing is None:
            index += 1
            continue
        name = tokens[index + 1]
        begin, end = offset(token), offset(tokens[closing]) + 1
        term = sparql[offset(name) : offset(tokens[index + 2])].strip()
        if allowed is not None and (
            (name.kind == IRI and resolve(name.value, base) not in allowed)
            or (name.kind == VAR and not allowed)
        ):
            text = "{ FILTER(false) }"
        elif closing == index + 3 and name.kind == VAR:
            text = f"{{ SELECT {term} WHERE {{ GRAPH {term} {{ {triple} }} }} GROUP BY {term} }}"
        elif closing == index + 3:
            text = f"{{ SELECT ?{fresh[0]} WHERE {{ GRAPH {term} {{ {triple} }} }} LIMIT 1 }}"
        else:
            if name.kind == VAR:
                within.append(closing)
            index += 3  # a graph pattern Virtuoso reads right: its inner patterns are looked at
            continue
        breaks = len(_LINE_BREAK.findall(sparql[begin:end]))  # the store's lines stay the user's
        pieces += [sparql[done:begin], text, "\n" * breaks]
        done = end
        index = closing + 1
    return "".join([*pieces, sparql[done:]]) if pieces else sparql


def _scan(sparql: str) -> tuple[list[lexer.Token], Callable[[lexer.Token], int]] | None:
    """The query's tokens and where each starts in the text, or None when the lexer refuses it
    (the store then refuses it too)."""
    try:
        tokens = list(lexer.tokens(sparql))
    except (QueryError, ValueError):
        return None
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(sparql)]

    def offset(token: lexer.Token) -> int:
        return starts[token.line - 1] + token.column - 1

    return tokens, offset


def ascii_separators(sparql: str) -> str:
    """`GROUP_CONCAT(x; separator="←")` as `REPLACE(GROUP_CONCAT(x; separator="~sep0~"),
    "~sep0~", "←")`, for each separator that is not ASCII (Virtuoso loses its letters)."""
    if "GROUP_CONCAT" not in sparql.upper() or sparql.isascii():
        return sparql
    scanned = _scan(sparql)
    if scanned is None:
        return sparql
    tokens, offset = scanned

    pieces: list[str] = []
    done = 0
    for index, token in enumerate(tokens[:-1]):
        if not (token.kind == WORD and token.text == "GROUP_CONCAT"):
            continue
        closing = _closing(tokens, index + 1)
        found = closing is not None and closing >= index + 4
        if not found or closing is None:
            continue
        key, equals, value = tokens[closing - 3 : closing]
        if not (
            key.kind == WORD
            and key.text == "SEPARATOR"
            and equals.text == "="
            and value.kind == lexer.STRING
            and not value.value.isascii()
        ):
            continue
        placeholder = next(f"~sep{n}~" for n in range(len(sparql) + 1) if f"~sep{n}~" not in sparql)
        replacement = value.value.replace("\\", "\\\\").replace("$", "\\$")
        pieces += [
            sparql[done : offset(token)],
            "REPLACE(",
            sparql[offset(token) : offset(value)],
            f'"{placeholder}"',
            sparql[offset(tokens[closing]) : offset(tokens[closing]) + 1],
            f', "{placeholder}", {_literal(replacement)})',
        ]
        done = offset(tokens[closing]) + 1
    return "".join([*pieces, sparql[done:]]) if pieces else sparql


def _closing(tokens: list[lexer.Token], index: int) -> int | None:
    """The index of the `)` that closes the `(` at `index`, or None."""
    if tokens[index].text != "(" or tokens[index].kind != PUNCT:
        return None
    depth = 0
    for at in range(index, len(tokens)):
        if tokens[at].kind == PUNCT and tokens[at].text == "(":
            depth += 1
        elif tokens[at].kind == PUNCT and tokens[at].text == ")":
            depth -= 1
            if depth == 0:
                return at
    return None


def _literal(text: str) -> str:
    """A SPARQL string literal of `text`."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r") + '"'


def query_form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of these words in the text."""
    try:
        for token in lexer.tokens(sparql):
            if token.kind == WORD and token.text in FORMS:
                return token.text
    except (QueryError, ValueError):
        pass
    return None


def _star_path(tokens: list[lexer.Token], index: int) -> bool:
    """Whether a triple pattern `?a <p>* ?b`, on its own, starts at `index`."""
    if index < 1 or index + 3 >= len(tokens):
        return False
    before, a, path, star, b = tokens[index - 1 : index + 4]
    after = tokens[index + 4] if index + 4 < len(tokens) else None
    return (
        before.kind == PUNCT
        and before.text in ("{", ".", ")")
        and a.kind == VAR
        and path.kind in (IRI, PNAME)
        and (star.kind, star.text) == (PUNCT, "*")
        and b.kind == VAR
        and not (after is not None and after.kind == PUNCT and after.text in (";", ",", "/", "|"))
    )


def _path_pattern(tokens: list[lexer.Token], index: int) -> int | None:
    """Where a triple pattern `s path* o` on its own that starts at `index` ends (the index of
    `o`), `path` being an IRI or a parenthesised path of IRIs, with at least one variable
    among `s` and `o`; None when there is none."""
    terms = (VAR, IRI, PNAME)
    if index < 1 or index + 3 >= len(tokens):
        return None
    before, subject = tokens[index - 1], tokens[index]
    if not (before.kind == PUNCT and before.text in ("{", ".", ")", "}") and subject.kind in terms):
        return None
    at = index + 1
    if tokens[at].kind in (IRI, PNAME):
        at += 1
    elif (tokens[at].kind, tokens[at].text) == (PUNCT, "("):
        depth = 0
        while at < len(tokens):
            token = tokens[at]
            if token.kind == PUNCT and token.text == "(":
                depth += 1
            elif token.kind == PUNCT and token.text == ")":
                depth -= 1
            elif not (token.kind in (IRI, PNAME) or token.text in ("|", "/", "^")):
                return None
            at += 1
            if depth == 0:
                break
    else:
        return None
    if at + 1 >= len(tokens) or (tokens[at].kind, tokens[at].text) != (PUNCT, "*"):
        return None
    last = at + 1
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if tokens[last].kind not in terms or VAR not in (subject.kind, tokens[last].kind):
        return None
    if after is not None and after.kind == PUNCT and after.text in (";", ",", "/", "|"):
        return None
    if after is not None and after.kind == WORD and after.text == "OPTION":
        return None
    return last


def _end(sparql: str, start: int, token: lexer.Token) -> int:
    """Where the text of `token`, which starts at `start`, ends (an IRI's text is not kept)."""
    return sparql.index(">", start) + 1 if token.kind == IRI else start + len(token.text)


def _graph_pattern(tokens: list[lexer.Token], index: int) -> int | None:
    """The index of the `}` that closes `GRAPH term {` starting at `index`, or None."""
    if index + 3 >= len(tokens):
        return None
    graph, name, opening = tokens[index : index + 3]
    if not (
        graph.kind == WORD
        and graph.text == "GRAPH"
        and name.kind in (VAR, IRI, PNAME)
        and (opening.kind, opening.text) == (PUNCT, "{")
    ):
        return None
    depth = 0
    for at in range(index + 2, len(tokens)):
        if tokens[at].kind == PUNCT and tokens[at].text == "{":
            depth += 1
        elif tokens[at].kind == PUNCT and tokens[at].text == "}":
            depth -= 1
            if depth == 0:
                return at
    return None


def _fresh(used: set[str]) -> tuple[str, str, str]:
    """Three variable names the query does not use."""
    suffix = 0
    while True:
        names = (f"empty_s{suffix}", f"empty_p{suffix}", f"empty_o{suffix}")
        if not used.intersection(names):
            return names
        suffix += 1


VIRTUOSO = Virtuoso()


def bulk_load(
    dataset: Path,
    graphs: Sequence[str],
    stale: Sequence[str],
    *,
    address: str,
    user: str,
    password: str,
    program: str = "isql-vt",
) -> None:
    """Virtuoso's bulk loader, through its SQL client `program` at `address` (host:port of its
    SQL port, 1111 by default): the release's `graphs` and the `stale` ones (of an earlier
    release) emptied first, then `dataset` (N-Quads, a path the server reads itself: its folder
    must be in DirsAllowed of virtuoso.ini) loaded by `ld_add` and `rdf_loader_run`; anonymous
    queries may then read the release's graphs and no other (graph-level security), and a
    checkpoint is made. The store answers a mix of the old and the new graphs while this runs:
    load a store that is not in service (blue-green)."""
    clear = [*graphs, *stale]
    path = str(dataset.resolve())
    script = [
        "log_enable(3,1);",
        *(f"SPARQL CLEAR GRAPH {NamedNode(graph)};" for graph in clear),
        *(f"DB.DBA.RDF_GRAPH_USER_PERMS_DEL({_sql(graph)}, 'nobody');" for graph in clear),
        f"DELETE FROM DB.DBA.load_list WHERE ll_file = {_sql(path)};",
        f"ld_add({_sql(path)}, {_sql(NO_GRAPH)});",
        "rdf_loader_run();",
        # Graph-level security: anonymous queries (`/sparql`) read the release's graphs alone.
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0);",
        *(f"DB.DBA.RDF_GRAPH_USER_PERMS_SET({_sql(graph)}, 'nobody', 1);" for graph in graphs),
        "checkpoint;",
        "SELECT concat('publisher-load:', cast(ll_state AS varchar), ':', "
        f"coalesce(ll_error, '')) FROM DB.DBA.load_list WHERE ll_file = {_sql(path)};",
    ]
    command = [program, address, user, password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF"]
    try:
        done = subprocess.run(
            command,
            input="\n".join(script).encode(),
            capture_output=True,
            check=False,
        )
    except OSError as error:
        raise PublisherError(
            f"cannot run {program} (Virtuoso's SQL client; Debian: virtuoso-opensource-7-bin): "
            f"{error.strerror}"
        ) from None
    errors = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0 or "*** Error" in errors:
        words = " ".join(errors.replace(password, "***").split())[:500]
        raise PublisherError(f"Virtuoso's bulk loader at {address} failed: {words}")
    states = [
        line.split(":", 2)
        for line in done.stdout.decode("utf-8", "replace").splitlines()
        if line.startswith("publisher-load:")
    ]
    if not states or states[-1][1] != "2" or states[-1][2].strip():
        why = states[-1][2].strip() if states else "it did not record the file"
        raise PublisherError(f"Virtuoso did not load {path}: {why or 'not finished'}")


def _sql(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
