"""Relative IRIs resolved against a base (RFC 3986, section 5.2), without a parser of SPARQL.

An absolute IRI is kept as written, dot segments included, as pyoxigraph keeps it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# RFC 3986, appendix B; each group is a negated class, so the match cannot backtrack far.
_PARTS = re.compile(
    r"(?:([A-Za-z][A-Za-z0-9+.\-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.DOTALL
)


class _Parts(NamedTuple):
    scheme: str | None
    authority: str | None
    path: str
    query: str | None
    fragment: str | None


def _split(iri: str) -> _Parts:
    match = _PARTS.fullmatch(iri)
    if match is None:  # the pattern accepts every string; kept for the type checker
        raise ValueError(iri)
    scheme, authority, path, query, fragment = match.groups()
    return _Parts(scheme, authority, path, query, fragment)


def is_absolute(iri: str) -> bool:
    """True when the IRI has a scheme."""
    return _split(iri).scheme is not None


def resolve(reference: str, base: str | None) -> str:
    """The reference resolved against the base; unchanged when it is absolute, or when there is
    no absolute base to resolve it against."""
    ref = _split(reference)
    if ref.scheme is not None or base is None:
        return reference
    b = _split(base)
    if b.scheme is None:
        return reference
    authority: str | None
    query: str | None
    if ref.authority is not None:
        authority, path, query = ref.authority, remove_dot_segments(ref.path), ref.query
    else:
        authority = b.authority
        if ref.path == "":
            path = b.path
            query = ref.query if ref.query is not None else b.query
        else:
            if ref.path.startswith("/"):
                path = remove_dot_segments(ref.path)
            elif b.authority is not None and b.path == "":
                path = remove_dot_segments("/" + ref.path)
            else:
                path = remove_dot_segments(b.path[: b.path.rfind("/") + 1] + ref.path)
            query = ref.query
    text = f"{b.scheme}:"
    if authority is not None:
        text += f"//{authority}"
    text += path
    if query is not None:
        text += f"?{query}"
    if ref.fragment is not None:
        text += f"#{ref.fragment}"
    return text


def remove_dot_segments(path: str) -> str:
    """The path without `.` and `..` segments (RFC 3986, 5.2.4), in one pass over its segments."""
    if "." not in path:
        return path
    absolute = path.startswith("/")
    segments = path.split("/")[1:] if absolute else path.split("/")
    kept: list[str] = []
    last = len(segments) - 1
    for index, segment in enumerate(segments):
        if segment in (".", ".."):
            if segment == ".." and kept:
                kept.pop()
            if index == last:
                kept.append("")
        else:
            kept.append(segment)
    return ("/" if absolute else "") + "/".join(kept)
