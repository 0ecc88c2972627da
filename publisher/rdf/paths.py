"""One canonical spelling for every IRI path (the policy is in docs/operations.md, "Paths").

A path is canonical when it is in Unicode NFC; has no Arabic presentation forms (U+FB50 to
U+FDFF and U+FE70 to U+FEFE, replaced by the letters they present, as NFKC does), no tatweel
(U+0640), no bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
U+2069) and no zero-width characters (U+200B to U+200D, U+2060, U+FEFF); and has no empty
segment (`//`). Letters are never folded: alef with hamza or madda, alef maqsura, ta marbuta,
case and digits stay as written, since they can tell two names apart.

IRIs are minted canonical (a test checks every IRI of the release), and the server redirects
a request spelled otherwise to the canonical path, which answers 200 or 404: a thing never has
a second 200 document.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

TATWEEL = "\u0640"
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_DROPPED = dict.fromkeys(map(ord, TATWEEL + BIDI_CONTROLS + ZERO_WIDTH))
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_EMPTY_SEGMENTS = re.compile("/{2,}")
# What a path may keep unencoded in a Location header (RFC 3986 pchar and "/").
_SAFE = "/:@!$&'()*+,;=-._~"


def canonical(path: str) -> str:
    """The canonical spelling of a decoded request path."""
    text = path.translate(_DROPPED)
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = unicodedata.normalize("NFC", text)
    return _EMPTY_SEGMENTS.sub("/", text)


def is_canonical(path: str) -> bool:
    return canonical(path) == path


def location(path: str) -> str:
    """A path as it goes in a Location header: percent-encoded UTF-8, one leading slash."""
    return "/" + quote(path.lstrip("/\\"), safe=_SAFE)
