"""Shaping answers: choosing the format, validators (ETag, Last-Modified), alternates."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

from flask import Response, abort, request
from werkzeug.http import is_resource_modified
from werkzeug.wrappers import Response as BaseResponse

from publisher import __version__
from publisher.rdf.formats import Format
from publisher.web import negotiation
from publisher.web.current import get_release

R = TypeVar("R", bound=BaseResponse)

# How long a client or a shared cache may keep a page, a description or a query's answer
# without asking again: a reload can replace the release at any time, so a few minutes, after
# which the ETag (the release's digest) makes asking again cheap (304).
PAGE_MAX_AGE = 300
# Files whose URL names the release (its id is a digest of its content) never change.
IMMUTABLE_MAX_AGE = 365 * 24 * 3600


def choose(candidates: Sequence[Format], fixed: Format | None = None) -> Format:
    """`fixed` (from a URL suffix) or the best candidate for the Accept header; else 406."""
    if fixed is not None:
        return fixed
    chosen = negotiation.negotiate(request.headers.get("Accept"), candidates)
    if chosen is None:
        abort(
            406,
            description=f"None of the requested types is available here. Available: "
            f"{negotiation.available(candidates)}",
        )
    return chosen


def etag(*parts: object) -> str:
    """A strong validator: the release digest with what selects the representation (and the
    software version, since pages change with the templates)."""
    key = "\n".join(
        [
            __version__,
            get_release().digest,
            request.path,
            request.query_string.decode("latin-1"),
            *map(str, parts),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:40]


def keep(response: R, max_age: int = PAGE_MAX_AGE) -> R:
    """Cache-Control: public data, kept `max_age` seconds (immutable when it is a year); any
    directive set before (send_file's no-cache) is replaced."""
    # Written as one header: werkzeug's cache_control object parses and writes it again on
    # each of the three attributes set, a tenth of a kept description's time (benchmarks).
    immutable = ", immutable" if max_age >= IMMUTABLE_MAX_AGE else ""
    response.headers["Cache-Control"] = f"public, max-age={max_age}{immutable}"
    return response


def not_modified(tag: str) -> Response | None:
    """A 304 answer when the client's copy is current, before doing any work."""
    # Flask-Compress appends ":gzip" (or another coding) to the tag of a compressed copy.
    held = [t for t in request.if_none_match.as_set() if t == tag or t.startswith(tag + ":")]
    matched = held[0] if held else tag
    release = get_release()
    if is_resource_modified(request.environ, etag=matched, last_modified=release.last_modified):
        return None
    response = Response(status=304)
    response.set_etag(matched)
    response.last_modified = release.last_modified
    return keep(response)


def described_by(
    *,
    negotiated: bool,
    location: str,
    alternates: Sequence[tuple[Format, str]],
    links: Sequence[tuple[str, str]],
) -> list[tuple[str, str]]:
    """The Content-Location (of a negotiated answer) and Link headers of an answer: the same
    for every request of one resource, page and format, so the caller may keep them."""
    headers = [("Content-Location", location)] if negotiated else []
    values = [f'<{url}>; rel="alternate"; type="{fmt.media_type}"' for fmt, url in alternates]
    values += [f'<{url}>; rel="{rel}"' for rel, url in links]
    if values:
        headers.append(("Link", ", ".join(values)))
    return headers


def finish(
    response: Response,
    tag: str,
    *,
    negotiated: bool = False,
    headers: Sequence[tuple[str, str]] = (),
    weak: bool = False,
    max_age: int = PAGE_MAX_AGE,
) -> Response:
    """Add validators, Cache-Control and Vary to a 200 answer, and `headers` (those
    `described_by` makes)."""
    response.set_etag(tag, weak=weak)
    response.last_modified = get_release().last_modified
    keep(response, max_age)
    if negotiated:
        response.vary.add("Accept")
    for name, value in headers:
        response.headers[name] = value
    return response
