"""A remote store's own SPARQL results, cut at the caps without being parsed.

Parsing a store's answer into terms and writing it again cost as much as the store's own work
for answers of a few thousand rows (benchmarks/README.md). Where the store writes the format
the client asked for, its bytes are sent on as they are, and only counted:

* SPARQL TSV: one row per line (line breaks in literals are escaped), so rows are lines;
* SPARQL JSON as Oxigraph writes it (no white space between tokens): a row starts at `,{"`
  followed by a variable name, which cannot occur inside a string (there a quote is escaped,
  and a closing quote is followed by `,`, `}`, `:` or `]`); a row with no binding (`{}`) is
  counted, where one may be, with the strings taken out first.

The caps are those of Chunks (results.py): rows, and bytes of the answer as it is sent (for
JSON, its own bytes, more than TSV's for the same rows); a cut answer ends with whole rows
and its format's closing, and says so in `QueryResult.cut`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from typing import IO

from publisher.rdf import formats
from publisher.store.errors import AnswerTooLarge, QueryTimeout
from publisher.store.results import Caps, Chunks, Cut, QueryResult

READ = 64 * 1024
HEAD_LIMIT = 1024 * 1024  # an opening longer than this is not Oxigraph's: the answer is parsed
JSON_HEAD = re.compile(rb'\{"head":\{"vars":(\[[^\]]*\])\},"results":\{"bindings":\[')
JSON_CLOSING = b"]}}"
ROW = re.compile(rb',\{"[^,}:\]]')  # a row with a binding starts here (module docstring)
STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
ROW_OR_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|,\{')


def tsv_solutions(response: IO[bytes], caps: Caps, deadline: float, *, passed: bool) -> QueryResult:
    """A streamed result over the store's TSV, cut at whole lines; `passed`: the client gets
    these bytes as they are (else they are its TSV stream, which the writers convert)."""
    head = response.readline()
    if head.rstrip() in (b"true", b"false"):  # an ASK's answer, as Oxigraph writes it in TSV
        return QueryResult("boolean", boolean=head.rstrip() == b"true")
    if not head.endswith(b"\n"):
        raise ValueError("a TSV answer without its line of variables")
    variables = tuple(v.removeprefix("?") for v in head.decode().rstrip("\r\n").split("\t") if v)
    # A line longer than the byte cap is cut there: it is over the cap, whole or not.
    longest = caps.bytes + 1 if caps.bytes is not None else -1
    lines = iter(lambda: response.readline(longest), b"")
    chunks = Chunks(head, lines, caps, deadline=deadline)
    result = QueryResult(
        "solutions", variables=variables, written=formats.RESULTS_TSV if passed else None
    )

    def read() -> Iterator[bytes]:
        yield from chunks
        result.cut = chunks.cut

    result.chunks = read()
    return result


def json_opening(response: IO[bytes]) -> tuple[bytes, re.Match[bytes] | None]:
    """What was read of a JSON answer, and the match of Oxigraph's opening of solutions in it
    (None: another engine's layout, or a boolean; the caller parses what was read and the
    rest)."""
    read = b""
    while len(read) < HEAD_LIMIT:
        block = response.read1(4096) if hasattr(response, "read1") else response.read(4096)
        if not block:
            break
        read += block
        found = JSON_HEAD.match(read)
        if found or b'"bindings"' in read:
            return read, found
    return read, JSON_HEAD.match(read)


def json_solutions(
    response: IO[bytes], read: bytes, opening: re.Match[bytes], caps: Caps, deadline: float
) -> QueryResult:
    """A streamed result of the store's JSON as it is (its opening already `read`), cut at the
    caps after whole rows."""
    variables = tuple(json.loads(opening.group(1)))
    result = QueryResult("solutions", variables=variables, written=formats.RESULTS_JSON)
    head, rest = read[: opening.end()], read[opening.end() :]

    def read_all() -> Iterator[bytes]:
        rows, size = 0, len(head) + len(JSON_CLOSING)
        yield head
        carry, ended, first, too_long = rest, False, True, False
        while not ended:
            if time.monotonic() > deadline:
                raise QueryTimeout("the query ran past the time limit and was stopped")
            block = _read(response)
            ended = not block
            carry += block
            if ended:
                if not carry.endswith(JSON_CLOSING):
                    raise ValueError("a JSON answer that does not end as SPARQL results do")
                piece, carry = carry[: -len(JSON_CLOSING)], b""
            else:
                split = _last_row_start(carry)
                if split <= 0:
                    # One long row so far: read on, unless it cannot fit in the byte cap.
                    if caps.bytes is None or size + len(carry) <= caps.bytes:
                        continue
                    piece, too_long = b"", True
                else:
                    piece, carry = carry[:split], carry[split:]
            count = _rows(piece, first)
            cut = _cut(caps, rows, size, piece, count, first)
            if too_long:  # the row in the carry, unfinished, is over the byte cap already
                cut = 0, Cut("bytes", caps.bytes or 0)
            if cut is not None:
                at, result.cut = cut
                if rows == 0 and at == 0 and result.cut.reason == "bytes":
                    raise AnswerTooLarge(
                        f"the first row of the answer alone is over the limit of {caps.bytes} "
                        "bytes an answer may have; select less of it (e.g. SUBSTR of a long "
                        "literal)"
                    )
                yield piece[:at] + JSON_CLOSING
                return
            rows, size, first = rows + count, size + len(piece), False
            if piece:
                yield piece
        yield JSON_CLOSING

    result.chunks = read_all()
    return result


def _read(response: IO[bytes]) -> bytes:
    """The next READ bytes of the response (fewer at its end): a store sends its answer in
    small pieces (a kilobyte and a half, Oxigraph), each of which would cost a turn here."""
    return response.read(READ)


def _last_row_start(data: bytes) -> int:
    """Where the last row that surely starts a row (`,{"` and a name) begins, or -1."""
    end = len(data)
    while (at := data.rfind(b',{"', 0, end)) >= 0:
        if ROW.match(data, at):
            return at
        end = at
    return -1


def _rows(piece: bytes, first: bool) -> int:
    """The rows that start in `piece`, which begins and ends between rows."""
    if b"{}" in piece:  # an empty row, or `{}` in a string: strings out, then count exactly
        bare = STRING.sub(b"", piece)
        return bare.count(b",{") + (1 if first and bare.startswith(b"{") else 0)
    return len(ROW.findall(piece)) + (1 if first and piece.startswith(b"{") else 0)


def _cut(
    caps: Caps, rows: int, size: int, piece: bytes, count: int, first: bool
) -> tuple[int, Cut] | None:
    """Where in `piece` the answer is cut, and why, when a cap is met within it."""
    over_rows = caps.rows is not None and rows + count > caps.rows
    over_bytes = caps.bytes is not None and size + len(piece) > caps.bytes
    if not (over_rows or over_bytes):
        return None
    starts = [0] if first and piece.startswith(b"{") else []
    starts += [m.start() for m in ROW_OR_STRING.finditer(piece) if m.group() == b",{"]
    starts.append(len(piece))  # the end of the last row
    # starts[i] is where row rows+i begins (and row rows+i-1 ends).
    for index, at in enumerate(starts):
        if caps.rows is not None and rows + index >= caps.rows and index < len(starts) - 1:
            return at, Cut("rows", caps.rows)
        if caps.bytes is not None and size + at > caps.bytes:
            return starts[max(index - 1, 0)], Cut("bytes", caps.bytes)
    return None
