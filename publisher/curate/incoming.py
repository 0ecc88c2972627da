"""Reading a file a curator wants to add: UTF-8 plain text as received, or the text of an HTML
page; anything else is refused with the reason and what to do instead."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from publisher.corpus.document_files import decode_document
from publisher.curate.htmltext import declared_charset, extract_text
from publisher.errors import InputError, Problem

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
FORMATS = ("auto", "text", "html")
# Containers users save articles in that are not text; named so the refusal can say what to do.
_BINARY = {
    b"%PDF-": "a PDF file (PDF is not supported yet)",
    b"PK\x03\x04": "a ZIP container (a .docx, .odt or .epub file?)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (.doc)",
    b"{\\rtf": "an RTF file",
}


@dataclass(frozen=True)
class Source:
    """A file read for adding: the text the corpus will store, and the page it came from."""

    text: str
    stored: bytes  # the bytes written to data/documents/ (the text, UTF-8)
    format: str  # "text" or "html"
    original: bytes | None = None  # the HTML page as received
    title: str | None = None
    language: str | None = None
    canonical: str | None = None


def refuse(path: Path | str, message: str, hint: str = "") -> InputError:
    """The error refusing `path` (for the caller to raise): exit 2, no traceback."""
    return InputError([Problem(path, None, message, hint)])


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise refuse(path, "no such file")
    if path.is_dir():
        raise refuse(path, "is a folder, not a document file")
    try:
        return path.read_bytes()
    except OSError as error:
        raise refuse(path, f"cannot read the file: {error.strerror or error}") from None


def _decode_html(raw: bytes, path: Path) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        charset = "utf-8"
    else:
        charset = declared_charset(raw) or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        raise refuse(path, f"the page declares an unknown charset {charset!r}") from None
    try:
        return raw.decode(charset).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise refuse(
            path,
            f"not {charset}: byte 0x{raw[error.start]:02x} at line {line} "
            f"(byte offset {error.start})",
            "save the page as UTF-8, or declare its charset in <meta charset=...>",
        ) from None


def read_source(path: Path, fmt: str = "auto") -> Source:
    """The document in `path` as the corpus will store it; InputError saying why it cannot be."""
    if fmt not in FORMATS:
        raise refuse(path, f"unknown format {fmt!r}", f"one of {', '.join(FORMATS)}")
    raw = _read_bytes(path)
    for magic, what in _BINARY.items():
        if raw.startswith(magic):
            raise refuse(
                path, f"this is {what}", "save the article as UTF-8 plain text (.txt) and add that"
            )
    head = raw[:1024].lstrip(codecs.BOM_UTF8).lstrip().lower()
    looks_html = head.startswith((b"<!doctype html", b"<html")) or (
        path.suffix.lower() in HTML_SUFFIXES
    )
    if fmt == "html" or (fmt == "auto" and looks_html):
        if not raw.strip():
            raise refuse(path, "the file is empty")
        page = extract_text(_decode_html(raw, path))
        if not page.text.strip():
            raise refuse(
                path,
                "no text found in the page (after dropping scripts, navigation, header and footer)",
            )
        return Source(
            page.text,
            page.text.encode("utf-8"),
            "html",
            raw,
            page.title,
            page.language,
            page.canonical,
        )
    try:
        text = decode_document(raw)
    except ValueError as error:
        raise refuse(path, str(error)) from None
    return Source(text, raw, "text")
