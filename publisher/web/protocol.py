"""Reading a SPARQL 1.1 Protocol request: the operation, its dataset, or why it is refused.

Query via GET, via POST with a form body, or via POST with the query as the body. Anything else
is answered with a 4xx that says what was expected: a repeated `query`, a body that is not UTF-8,
a missing or unknown Content-Type. Updates, in any of their forms, are refused (read-only).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from flask import request
from werkzeug.exceptions import BadRequest, Forbidden, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
READ_ONLY = "This SPARQL service is read-only: updates are not accepted."


@dataclass
class Operation:
    """A query (None: no query, so the service description) and its protocol dataset."""

    query: str | None
    default_graph_uris: list[str] | None
    named_graph_uris: list[str] | None


def parse_request() -> Operation:
    """The operation of the current request; raises a 4xx HTTPException when it is malformed."""
    params = _pairs(request.query_string, "the URL")
    if request.method == "POST":
        kind = request.mimetype.lower()
        if kind == FORM:
            for name, values in _pairs(request.get_data(), "the form body").items():
                params.setdefault(name, []).extend(values)
        elif kind == QUERY:
            _utf8_charset()
            if "query" in params:
                raise BadRequest("The query is given twice: in the body and in the URL.")
            params["query"] = [_decode(request.get_data(), "the query body")]
        elif kind == UPDATE:
            raise Forbidden(READ_ONLY)
        else:
            got = f"Content-Type {request.mimetype!r}" if kind else "no Content-Type"
            raise UnsupportedMediaType(
                f"A SPARQL query by POST needs Content-Type {FORM} (with query=...) or {QUERY} "
                f"(the query as the body); this request has {got}."
            )
    if "update" in params:
        raise Forbidden(READ_ONLY)
    queries = params.get("query", [])
    if len(queries) > 1:
        raise BadRequest(
            f"The query parameter is given {len(queries)} times; give exactly one query."
        )
    default, named = params.get("default-graph-uri"), params.get("named-graph-uri")
    if default is None and named is None:
        return Operation(queries[0] if queries else None, None, None)
    return Operation(queries[0] if queries else None, default or [], named or [])


def _utf8_charset() -> None:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"The query must be sent in UTF-8, not {charset}.")


def _pairs(raw: bytes, where: str) -> dict[str, list[str]]:
    """name=value pairs, percent-decoded strictly as UTF-8 (a stray byte is a 400)."""
    pairs: dict[str, list[str]] = {}
    for piece in raw.split(b"&"):
        if not piece:
            continue
        name, _, value = piece.partition(b"=")
        key = _decode(unquote_to_bytes(name.replace(b"+", b" ")), where)
        pairs.setdefault(key, []).append(
            _decode(unquote_to_bytes(value.replace(b"+", b" ")), where)
        )
    return pairs


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(
            f"{where} is not valid UTF-8 (byte {error.start}); SPARQL requests are UTF-8."
        ) from None
