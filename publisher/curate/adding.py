"""Adding a document to the corpus: copy it into data/documents/ and record it in
data/documents.yaml, so the next build publishes it with its text layer.

Plain text must be UTF-8 and is stored exactly as received (its checksum is its provenance).
An HTML page is reduced to its text (publisher/corpus/htmltext.py); the text is what the
corpus stores and checksums, and the page as received is kept next to it in
data/documents/originals/ with its own checksum. A file whose content is already in the
corpus, as text or as the original page, is refused, and so is anything that is not a
readable document. documents.yaml is appended to as text: its comments and layout stay.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from publisher.corpus.document_files import LANGUAGES
from publisher.corpus.vocabulary import read_vocabulary
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.incoming import HTML_SUFFIXES, Source, read_source, refuse
from publisher.curate.yamlwrite import replace_file, scalar
from publisher.errors import InputError

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PREFIX = re.compile(r"^(\d+)_")


@dataclass(frozen=True)
class AddedDocument:
    id: str
    file: str  # relative to data/
    sha256: str
    language: str
    kind: str
    title: dict[str, str | None]
    added: str
    format: str
    url: str | None = None
    original: str | None = None
    original_sha256: str | None = None
    warnings: list[str] = field(default_factory=list)


def _slug(text: str, words: int = 6) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ı", "i")
    parts = re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", plain))
    return "-".join(parts[:words])


def _entries(documents_yaml: Path) -> list[Located]:
    if not documents_yaml.is_file():
        return []
    content = load_yaml(documents_yaml)
    items = (content or {}).get("documents") if isinstance(content, dict) else None
    return [e for e in items or [] if isinstance(e, Located)]


def _check_url(url: str, where: Path) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise refuse(where, f"--url {url!r} is not an absolute http(s) address")
    return url


def _script_warning(text: str, language: str) -> str | None:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f")
    share = arabic / len(letters)
    if language == "ar" and share < 0.5:
        return f"only {share:.0%} of the letters are Arabic: is --lang ar right?"
    if language == "en" and share > 0.5:
        return f"{share:.0%} of the letters are Arabic: is --lang en right?"
    return None


def _next_number(folder: Path) -> int:
    numbers = [int(m.group(1)) for p in folder.glob("*") if (m := _PREFIX.match(p.name))]
    return max(numbers, default=-1) + 1


def add_document(
    home: Path,
    path: Path,
    language: str,
    *,
    title: str | None = None,
    title_en: str | None = None,
    title_ar: str | None = None,
    url: str | None = None,
    kind: str = "news-report",
    ident: str | None = None,
    added: str | None = None,
    fmt: str = "auto",
    missing_title: bool = False,
) -> AddedDocument:
    """Copy `path` into HOME/data/documents/ and append its metadata to data/documents.yaml."""
    data = home / "data"
    documents_yaml = data / "documents.yaml"
    if language not in LANGUAGES:
        raise refuse(path, f"language {language!r} is not one of {sorted(LANGUAGES)}")
    kinds = read_vocabulary(home / "ontology").concepts.get("document-kind", frozenset())
    if kind not in kinds:
        raise refuse(path, f"unknown document kind {kind!r}", f"one of {', '.join(sorted(kinds))}")
    if added is None:
        added = datetime.now(UTC).date().isoformat()
    try:
        date.fromisoformat(added)
    except ValueError:
        raise refuse(path, f"--added {added!r} is not a date like 2026-11-23") from None
    source = read_source(path, fmt)
    entries = _entries(documents_yaml)

    sha = hashlib.sha256(source.stored).hexdigest()
    original_sha = hashlib.sha256(source.original).hexdigest() if source.original else None
    for entry in entries:
        recorded = {entry.get("sha256"), entry.get("original_sha256")} - {None}
        if recorded & ({sha, original_sha} - {None}):
            raise refuse(
                path,
                f"already in the corpus: same content (sha256 {sha[:16]}...) as document "
                f"{entry.get('id')!r} ({entry.get('file')})",
                f"listed at {documents_yaml}:{entry.line}",
            )

    titles = {"en": title_en or "", "ar": title_ar or ""}
    if title:
        titles[language] = title
    if not titles[language]:
        first_line = next((line.strip() for line in source.text.splitlines() if line.strip()), "")
        if source.title:
            titles[language] = source.title
        elif len(first_line) <= 150 and not first_line.endswith((".", "。", "؟", "?", "!")):
            titles[language] = first_line  # a headline line
        else:
            raise refuse(
                path,
                "the document's first line is not a headline, and there is no other title",
                'give its title with --title "..."',
            )
    other = "ar" if language == "en" else "en"
    if not titles[other].strip() and not missing_title:
        name = {"en": "English", "ar": "Arabic"}[other]
        raise refuse(
            path,
            f"a document is titled in English and Arabic; the {name} title is missing",
            f'give it with --title-{other} "...", or record it as missing with --no-title-{other}',
        )
    if not titles[language].strip():
        raise refuse(path, "the document has no title", 'give it with --title "..."')

    known_ids = {str(e.get("id")) for e in entries}
    if ident is not None:
        if not _ID.match(ident):
            raise refuse(path, f"--id {ident!r} must be lower-case words joined by hyphens")
        if ident in known_ids:
            raise refuse(path, f"--id {ident!r} is already a document id", "choose another --id")
    else:
        base = _slug(titles["en"]) or _slug(path.stem) or "document"
        base = f"{base}-{language}"
        ident, number = base, 2
        while ident in known_ids:
            ident, number = f"{base}-{number}", number + 1

    if url is None and source.canonical:
        try:
            url = _check_url(source.canonical, path)
        except InputError:
            url = None  # a relative or odd canonical link is not worth refusing the page for
    elif url is not None:
        url = _check_url(url, path)

    warnings = []
    if source.language and source.language != language:
        warnings.append(f"the page says lang={source.language!r} but --lang is {language!r}")
    if warning := _script_warning(source.text, language):
        warnings.append(warning)

    folder = data / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    number = _next_number(folder)
    file = f"documents/{number:03d}_{sha[:16]}.txt"
    original = None
    if original_sha is not None:  # (the page as received)
        suffix = path.suffix.lower() if path.suffix.lower() in HTML_SUFFIXES else ".html"
        original = f"documents/originals/{number:03d}_{original_sha[:16]}{suffix}"

    document = AddedDocument(
        ident,
        file,
        sha,
        language,
        kind,
        {lang: (titles[lang].strip() or None) for lang in ("en", "ar")},
        added,
        source.format,
        url,
        original,
        original_sha,
        warnings,
    )
    _write(data, documents_yaml, document, source, path.name)
    return document


def _entry_lines(document: AddedDocument, received_as: str, indent: str) -> list[str]:
    lines = []
    if document.original:
        lines += [
            f"{indent}# added by `publisher add` from {received_as}: the text extracted from",
            f"{indent}# the HTML page, kept as received in `original` (checksum `original_sha256`)",
        ]
    pad = indent + "  "
    lines += [
        f"{indent}- id: {document.id}",
        f"{pad}file: {document.file}",
        f"{pad}sha256: {document.sha256}",
        f"{pad}language: {document.language}",
        f"{pad}kind: {document.kind}",
        f"{pad}title: {scalar({'en': document.title['en'], 'ar': document.title['ar']})}",
    ]
    if document.url:
        lines.append(f"{pad}url: {scalar(document.url)}")
    if document.original:
        lines.append(f"{pad}original: {document.original}")
        lines.append(f"{pad}original_sha256: {document.original_sha256}")
    lines.append(f"{pad}added: {scalar(document.added)}")
    return lines


def _write(
    data: Path, documents_yaml: Path, document: AddedDocument, source: Source, received_as: str
) -> None:
    text = documents_yaml.read_text(encoding="utf-8") if documents_yaml.is_file() else ""
    if not re.search(r"^documents:", text, re.MULTILINE):
        text += ("\n" if text and not text.endswith("\n") else "") + "documents:\n"
    text = re.sub(r"^documents:[ \t]*\[\][ \t]*$", "documents:", text, count=1, flags=re.MULTILINE)
    if not text.endswith("\n"):
        text += "\n"
    heading = re.search(r"^documents:", text, re.MULTILINE)
    assert heading is not None  # written above when missing
    after_list = text[heading.end() :]
    if re.search(r"^[^\s#-][^:]*:", after_list, re.MULTILINE):
        # Appending would put the entry under the later key.
        raise refuse(documents_yaml, "has keys after the documents: list; add the entry by hand")
    found = re.search(r"^(\s*)- id:", text, re.MULTILINE)
    indent = found.group(1) if found else "  "
    text += "\n".join(_entry_lines(document, received_as, indent)) + "\n"

    written: list[Path] = []
    try:
        for relative, content in (
            (document.file, source.stored),
            (document.original, source.original),
        ):
            if relative and content is not None:
                target = data / relative
                if target.exists():
                    raise refuse(target, "a file with this name already exists; not overwritten")
                replace_file(target, content)
                written.append(target)
        previous = documents_yaml.read_bytes() if documents_yaml.is_file() else None
        replace_file(documents_yaml, text)
        written.append(documents_yaml)
        check = _entries(documents_yaml)
        if (
            not check
            or check[-1].get("id") != document.id
            or check[-1].get("sha256") != document.sha256
        ):
            if previous is not None:
                replace_file(documents_yaml, previous)
            written.remove(documents_yaml)
            raise refuse(
                documents_yaml, "the new entry did not read back as written; nothing added"
            )
    except BaseException:
        for target in written:
            if target != documents_yaml:
                target.unlink(missing_ok=True)
        raise
