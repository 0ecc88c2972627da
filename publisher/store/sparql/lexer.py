"""The terminals of SPARQL 1.1 (section 19.8), read in one left-to-right scan.

At each position the current character decides which terminal may start there, and one
anchored match (or a loop that consumes as it goes) reads it. Every step consumes at least one
character, no pattern tries more than a fixed number of ways, and the two scans that may look
past the token they yield are bounded (an IRI runs at most to the next `<`; a run of name
characters that ends without a colon is remembered), so every character is looked at a fixed
number of times and a text of n characters is read in O(n). No pattern is ever tried at every
position. Where the grammar's terminals overlap, the longest match wins, as the grammar says
(`FROM:g` is one prefixed name, `?a<?b>` holds the IRI `<?b>`).

Whitespace is space, tab, CR and LF; a comment runs from `#` to the end of its line, and a line
ends at LF, at CR, or at CR LF. Lines and columns are counted that way, from 1.

`\\u` and `\\U` escapes are read only inside strings and IRIs, as SPARQL 1.2 does; outside them
SPARQL 1.1 would let them spell any character, a keyword included, so they are refused there.
Escapes are decoded: a token carries what it means, not how it was spelled.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from publisher.store.errors import QueryRefused, QuerySyntaxError

# Token kinds.
IRI = "IRI"  # value: the IRI, escapes decoded
PNAME = "PNAME"  # prefix, and value: the local part with its \-escapes resolved
BNODE = "BNODE"  # _:label
VAR = "VAR"  # ?name or $name
LANGTAG = "LANGTAG"  # @en-GB
NUMBER = "NUMBER"  # INTEGER, DECIMAL, DOUBLE, signed or not, as written
STRING = "STRING"  # value: the string's characters, escapes decoded
PUNCT = "PUNCT"  # { } ( ) [ ] . , ; * / | ^ ! ? = < > + - != <= >= && || ^^
WORD = "WORD"  # a keyword, a function name, `a`, or a word that is none of these


class Token(NamedTuple):
    kind: str
    text: str  # PUNCT, VAR, BNODE, LANGTAG, NUMBER as written; WORD in its canonical case
    line: int
    column: int
    value: str = ""  # IRI, STRING, PNAME local part (decoded); WORD as written
    prefix: str = ""  # PNAME only


# --- character classes (SPARQL 1.1, productions 164 to 173) --------------------------------

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_CHARS_U = _BASE + "_"
_CHARS = _CHARS_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"

# Names may hold dots but not end with one: a run of dots is taken (possessively) only when a
# name character follows it, so `ex:a.b.` is `ex:a.b` and `.`, read in one pass.
_PN_PREFIX = re.compile(f"[{_BASE}](?:[{_CHARS}]|\\.++(?=[{_CHARS}]))*+")
_PN_LOCAL = re.compile(
    f"(?:[{_CHARS_U}:0-9]|{_PLX})(?:[{_CHARS}:]|{_PLX}|\\.++(?=[{_CHARS}:]|{_PLX}))*+"
)
_BNODE_LABEL = re.compile(f"[{_CHARS_U}0-9](?:[{_CHARS}]|\\.++(?=[{_CHARS}]))*+")
_VARNAME = re.compile(f"[{_CHARS_U}0-9][{_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*+")
_NAME_START = re.compile(f"[{_BASE}]")
# A bare word: letters, digits and underscores (GROUP_CONCAT, SHA256), no dots or hyphens.
_BARE_WORD = re.compile(f"[{_BASE}][{_CHARS_U}0-9]*+")
_LOCAL_ESCAPE = re.compile(r"\\(.)")
_LANGTAG = re.compile(r"@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+")
_EXPONENT = r"[eE][+-]?[0-9]++"
_NUMBER = re.compile(
    rf"[+-]?(?:[0-9]++\.[0-9]*+{_EXPONENT}|[0-9]*+\.[0-9]++(?:{_EXPONENT})?|[0-9]++(?:{_EXPONENT})?)"
)
# An IRI runs to the first character an IRI may not hold; it is an IRI only if that is `>`.
# Two IRIs cannot overlap (`<` ends one), so every character is scanned at most twice.
_IRIREF = re.compile(r'<((?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*+)>')
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_WS = re.compile(r"[ \t\r\n]++")
_COMMENT = re.compile(r"#[^\r\n]*+")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_HEX8 = re.compile(r"[0-9A-Fa-f]{8}")
# What a string holds up to its next quote, backslash or (short strings) line end.
_SHORT = {q: re.compile(f"[^{q}\\\\\\r\\n]*+") for q in "\"'"}
_LONG = {q: re.compile(f"[^{q}\\\\]*+") for q in "\"'"}

_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_TWO = frozenset(("^^", "&&", "||", "!=", "<=", ">="))
_ONE = frozenset("{}()[].,;*/|^!?=<>+-")
_ALONE = frozenset("{}()[],;*/=")
_DIGITS = frozenset("0123456789")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def where(line: int, column: int) -> str:
    return f"line {line}, column {column}"


class Lexer:
    """The tokens of one text, in order; errors name the line and column of their cause."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line = 1
        self.line_start = 0  # offset of the first character of the current line
        self._no_colon_before = -1  # below this offset, a name run is known to end without `:`

    def __iter__(self) -> Iterator[Token]:
        text, size = self.text, len(self.text)
        pos = 0
        while pos < size:
            char = text[pos]
            if char == " ":
                pos += 1
            elif char in _ALONE:  # punctuation that begins no longer token: the common case
                yield Token(PUNCT, char, self.line, pos - self.line_start + 1)
                pos += 1
            elif char in _ASCII_LETTERS:  # a keyword, `a`, or a prefixed name
                token, pos = self._name(pos, self.line, pos - self.line_start + 1)
                yield token
            elif char == "." and text[pos + 1 : pos + 2] not in _DIGITS:
                yield Token(PUNCT, char, self.line, pos - self.line_start + 1)
                pos += 1
            elif char in "\t\r\n":
                end = _WS.match(text, pos).end()  # type: ignore[union-attr]
                self._lines(pos, end)
                pos = end
            elif char == "#":
                pos = _COMMENT.match(text, pos).end()  # type: ignore[union-attr]
            else:
                token, pos = self._token(char, pos)
                yield token

    def _lines(self, start: int, end: int) -> None:
        """Count the line breaks in text[start:end] (LF, CR, CR LF each one)."""
        span = self.text[start:end]
        breaks = span.count("\n") + span.count("\r") - span.count("\r\n")
        if breaks:
            self.line += breaks
            self.line_start = start + max(span.rfind("\n"), span.rfind("\r")) + 1

    def _error(self, message: str, pos: int) -> QuerySyntaxError:
        column = pos - self.line_start + 1
        return QuerySyntaxError(f"SPARQL syntax error at {where(self.line, column)}: {message}")

    def _token(self, char: str, pos: int) -> tuple[Token, int]:
        text = self.text
        line, column = self.line, pos - self.line_start + 1
        two = text[pos : pos + 2]
        nxt = two[1:]
        if char in "\"'":
            return self._string(char, pos, line, column)
        if char == "<":
            iri = _IRIREF.match(text, pos)
            if iri:
                return Token(IRI, "", line, column, self._iri(iri.group(1), pos)), iri.end()
        elif char in "?$":
            name = _VARNAME.match(text, pos + 1)
            if name:
                return Token(VAR, text[pos : name.end()], line, column), name.end()
            if char == "$":
                raise self._error("`$` must begin a variable name", pos)
        elif char in _DIGITS or (char in "+-." and self._number_follows(pos)):
            number = _NUMBER.match(text, pos)
            if number:
                return Token(NUMBER, number.group(), line, column), number.end()
        if two in _TWO:
            return Token(PUNCT, two, line, column), pos + 2
        if char in _ONE:
            return Token(PUNCT, char, line, column), pos + 1
        if char == ":":
            return self._pname(pos, pos, line, column)
        if char == "_":
            if nxt == ":":
                label = _BNODE_LABEL.match(text, pos + 2)
                if label:
                    return Token(BNODE, text[pos : label.end()], line, column), label.end()
            raise self._error("`_` must begin a blank node label such as `_:b1`", pos)
        if char == "@":
            tag = _LANGTAG.match(text, pos)
            if tag:
                return Token(LANGTAG, tag.group(), line, column), tag.end()
            raise self._error("`@` must begin a language tag such as `@en`", pos)
        if char == "\\":
            if nxt in ("u", "U"):
                raise QueryRefused(
                    "\\u and \\U escapes are accepted only inside strings and IRIs (SPARQL "
                    f"1.2), not at {where(line, column)}: outside them they could spell keywords"
                )
            raise self._error("a backslash outside a string, an IRI or a prefixed name", pos)
        if _NAME_START.match(text, pos):
            return self._name(pos, line, column)
        if char == "&":
            raise self._error("`&` must be doubled (`&&`)", pos)
        raise self._error(f"unexpected character U+{ord(char):04X}", pos)

    def _number_follows(self, pos: int) -> bool:
        """A sign or a dot at pos begins a number (`-1`, `+.5`, `.5`)."""
        text = self.text
        after = text[pos + 1 : pos + 2]
        if after and after in _DIGITS:
            return True
        third = text[pos + 2 : pos + 3]
        return text[pos] in "+-" and after == "." and bool(third) and third in _DIGITS

    def _name(self, pos: int, line: int, column: int) -> tuple[Token, int]:
        """A prefixed name (`ex:thing`) or a bare word (a keyword, `a`, or an unknown word).

        Which one is known only at the end of the name's run of characters (a colon there makes
        it a prefix). A run that ended without a colon is remembered, so that the words inside
        it (`a-b-c-…`) do not scan it again: the text is still read once.
        """
        text = self.text
        if pos >= self._no_colon_before:
            run = _PN_PREFIX.match(text, pos)
            end = run.end() if run else pos
            if text.startswith(":", end):
                return self._pname(pos, end, line, column)
            self._no_colon_before = end
        word = _BARE_WORD.match(text, pos)
        raw = word.group() if word else text[pos]
        if raw == "a":
            canonical = raw
        elif raw.upper() in ("TRUE", "FALSE"):
            canonical = raw.lower()
        else:
            canonical = raw.upper()
        return Token(WORD, canonical, line, column, raw), pos + len(raw)

    def _pname(self, pos: int, colon: int, line: int, column: int) -> tuple[Token, int]:
        text = self.text
        local = _PN_LOCAL.match(text, colon + 1)
        end = local.end() if local else colon + 1
        value = _LOCAL_ESCAPE.sub(r"\1", text[colon + 1 : end])
        return Token(PNAME, text[pos:end], line, column, value, text[pos:colon]), end

    def _iri(self, raw: str, pos: int) -> str:
        """The IRI between `<` and `>`, its \\u escapes decoded; an escape may not spell what an
        IRI cannot hold."""
        if "\\" not in raw:
            return raw
        value = _UCHAR.sub(lambda m: self._codepoint(m.group(1) or m.group(2), pos), raw)
        bad = _IRI_FORBIDDEN.search(value)
        if bad:
            raise self._error(
                f"an IRI cannot hold U+{ord(bad.group()):04X}, even written as an escape", pos
            )
        return value

    def _codepoint(self, digits: str, pos: int) -> str:
        code = int(digits, 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise self._error(f"the escape \\u{digits} is not a Unicode character", pos)
        return chr(code)

    def _string(self, quote: str, pos: int, line: int, column: int) -> tuple[Token, int]:
        """A string in any of its four forms, read to its closing quote by a loop in which
        each step consumes at least one character."""
        text = self.text
        long = text.startswith(quote * 3, pos)
        plain = (_LONG if long else _SHORT)[quote]
        i = pos + (3 if long else 1)
        parts: list[str] = []
        while True:
            run = plain.match(text, i)
            if run is not None:
                parts.append(run.group())
                i = run.end()
            char = text[i : i + 1]
            if char == "\\":
                decoded, i = self._escape(i)
                parts.append(decoded)
            elif char == quote:
                if not long:
                    i += 1
                    break
                if text.startswith(quote * 3, i):
                    i += 3
                    break
                parts.append(quote)  # one or two quotes inside a long string
                i += 1
            else:  # the end of the text, or of the line in a short string
                raise QuerySyntaxError(
                    f"SPARQL syntax error at {where(line, column)}: the string opened there is "
                    + ("never closed" if long or not char else "not closed on its line")
                )
        if long:
            self._lines(pos, i)
        return Token(STRING, "", line, column, "".join(parts)), i

    def _escape(self, i: int) -> tuple[str, int]:
        """The character a backslash escape in a string stands for, and where the escape ends."""
        text = self.text
        letter = text[i + 1 : i + 2]
        if letter in _ECHAR and letter:
            return _ECHAR[letter], i + 2
        if letter in ("u", "U"):
            width = 4 if letter == "u" else 8
            digits = text[i + 2 : i + 2 + width]
            if (_HEX4 if width == 4 else _HEX8).fullmatch(digits):
                return self._codepoint(digits, i), i + 2 + width
        raise self._error(f"`\\{letter}` is not an escape SPARQL knows", i)


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a SPARQL text, read lazily: an error is raised when the scan reaches it."""
    return iter(Lexer(text))


def quote_string(value: str) -> str:
    """The one way a string is written: double quotes, ECHAR escapes, no \\u escapes."""
    return '"' + value.translate(_STRING_ESCAPES) + '"'


def iri_problem(value: str) -> str | None:
    """Why `value` cannot be written between `<` and `>`, or None when it can."""
    bad = _IRI_FORBIDDEN.search(value)
    return f"it holds U+{ord(bad.group()):04X}" if bad else None


_STRING_ESCAPES = str.maketrans(
    {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
)
