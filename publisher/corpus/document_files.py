"""Reading the documents: decoded UTF-8 exactly as received, checksummed against metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

from publisher.corpus.model import Document
from publisher.corpus.problems import Problems
from publisher.corpus.yamlsource import Located
from publisher.errors import Origin, Problem

LANGUAGES = {"ar", "en"}


def decode_document(raw: bytes) -> str:
    """The text of a document file, or ValueError saying why it is not a readable text."""
    if not raw.strip():
        raise ValueError("the file is empty")
    if b"\x00" in raw:
        raise ValueError("the file is binary (it contains NUL bytes), not UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ValueError(
            f"not UTF-8: byte 0x{raw[error.start]:02x} at line {line} (byte offset {error.start}); "
            "convert the file to UTF-8"
        ) from None
    # A BOM is not part of the text; offsets would otherwise count it.
    return text[1:] if text.startswith("\ufeff") else text


def read_document(
    entry: Located, data_dir: Path, problems: Problems, warnings: list[Problem] | None = None
) -> Document | None:
    """One document from its metadata entry; problems are recorded, not raised. A title in
    one language may be recorded as missing (`ar: null`): it is a warning, and the title in
    the document's language stands in for it until a curator adds it."""
    where = entry.path
    missing = [
        key for key in ("id", "file", "sha256", "language", "kind", "title") if key not in entry
    ]
    if missing:
        problems.add(where, entry.line, f"document entry lacks {', '.join(missing)}")
        return None
    path = data_dir / str(entry["file"])
    if not path.is_file():
        problems.add(where, entry.line_of("file"), f"document file {path} does not exist")
        return None
    raw = path.read_bytes()
    try:
        text = decode_document(raw)
    except ValueError as error:
        problems.add(path, None, str(error), f"listed at {where}:{entry.line}")
        return None
    actual = hashlib.sha256(raw).hexdigest()
    if actual != entry["sha256"]:
        problems.add(
            where,
            entry.line_of("sha256"),
            f"checksum of {entry['file']} is {actual}, metadata says {entry['sha256']}",
            "documents are published exactly as received; restore the file or record the new one "
            "with `publisher add`",
        )
    if entry["language"] not in LANGUAGES:
        problems.add(
            where,
            entry.line_of("language"),
            f"language {entry['language']!r} is not one of {sorted(LANGUAGES)}",
        )
    title = dict(entry["title"]) if isinstance(entry["title"], dict) else {}
    missing = [lang for lang in ("en", "ar") if lang in title and title[lang] is None]
    if warnings is not None and len(missing) == 1:
        other = "ar" if missing[0] == "en" else "en"
        if title.get(other):
            warnings.append(
                Problem(
                    where,
                    entry.line_of("title"),
                    f"document {entry.get('id')}: no {'Arabic' if missing[0] == 'ar' else 'English'} "
                    f"title yet ({missing[0]}: null); its {other} title stands in for it",
                    "add the title in data/documents.yaml",
                )
            )
            title[missing[0]] = title[other]
    if not title.get("en") or not title.get("ar"):
        problems.add(where, entry.line_of("title"), "title needs both an 'en' and an 'ar' form")
    return Document(
        id=str(entry["id"]),
        path=path,
        file=str(entry["file"]),
        sha256=actual,
        language=str(entry["language"]),
        kind=str(entry["kind"]),
        title=title,
        added=str(entry.get("added", "")),
        text=text,
        publisher=entry.get("publisher"),
        publisher_evidence=entry.get("publisher_evidence"),
        url=entry.get("url"),
        origin=Origin(where, entry.line),
        published=None if entry.get("published") is None else str(entry["published"]),
        title_missing=tuple(missing) if warnings is not None else (),
    )
