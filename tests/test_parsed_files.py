"""Data files kept parsed between builds (publisher/corpus/parsed.py): an entry is used only
for the same bytes, a damaged one is not trusted, and what is read from an entry is what
parsing the file gives, lines included, so errors still name file and line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from publisher.build.cache import Cache
from publisher.corpus.load import load_corpus
from publisher.corpus.parsed import KIND, ParsedFiles, load_checked
from publisher.corpus.problems import Problems
from publisher.corpus.schema import MAPPING_FILE
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.errors import InputError

MAPPING = """\
document: doc-1
coverage:
  - {start: 0, end: 4, reason: not-a-relation}
claims:
  - id: c-1
    subject: iran
    relation: funding
    object: hamas
    quote: "text"
    start: 0
    end: 4
    amount: {value: 1500000.5, currency: USD}
    route: []
    hedged: false
"""


def _lines(value: Any) -> Any:
    """A parsed file with each mapping's path, line and key lines spelled out."""
    if isinstance(value, Located):
        return {
            "path": value.path,
            "line": value.line,
            "keys": value.key_lines,
            "items": {key: _lines(item) for key, item in value.items()},
        }
    if isinstance(value, list):
        return [_lines(item) for item in value]
    return (type(value).__name__, value)


def _entries(store: object) -> list[Path]:
    assert isinstance(store, Cache)
    folder = store.folder / KIND
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def parsed(tmp_path: Path) -> ParsedFiles:
    return ParsedFiles(Cache(tmp_path / "cache"), "code 1")


def test_an_entry_gives_what_parsing_gives(tmp_path: Path, parsed: ParsedFiles) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(MAPPING, encoding="utf-8")
    problems = Problems()
    first = load_checked(path, MAPPING_FILE, "mapping file", problems, parsed)
    assert len(_entries(parsed.store)) == 1
    again = load_checked(path, MAPPING_FILE, "mapping file", problems, parsed)
    assert problems.items == []
    assert _lines(again) == _lines(first) == _lines(load_yaml(path))
    assert again["claims"][0].line_of("quote") == 9
    # The same bytes under another name: the entry is used, with that file's own path.
    other = tmp_path / "other.yaml"
    other.write_text(MAPPING, encoding="utf-8")
    assert _lines(load_checked(other, MAPPING_FILE, "mapping file", Problems(), parsed)) == (
        _lines(load_yaml(other))
    )
    assert len(_entries(parsed.store)) == 1


def test_a_changed_file_is_parsed_again(tmp_path: Path, parsed: ParsedFiles) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(MAPPING, encoding="utf-8")
    load_checked(path, MAPPING_FILE, "mapping file", Problems(), parsed)
    path.write_text(MAPPING.replace("object: hamas", "object: hezbollah"), encoding="utf-8")
    changed = load_checked(path, MAPPING_FILE, "mapping file", Problems(), parsed)
    assert changed["claims"][0]["object"] == "hezbollah"
    # Other code (another parser, another schema) finds no entry of the first.
    newer = ParsedFiles(parsed.store, "code 2")
    assert newer.get(newer.key(MAPPING, "mapping file"), path) is None
    assert parsed.get(parsed.key(MAPPING, "mapping file"), path) is not None


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: entry.replace(b"hamas", b"hamaz"),  # content that no longer has its digest
        lambda entry: entry[: len(entry) // 2],  # cut short
        lambda entry: b"not an entry",
    ],
    ids=["altered", "truncated", "garbage"],
)
def test_a_damaged_entry_is_not_trusted(tmp_path: Path, parsed: ParsedFiles, damage) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(MAPPING, encoding="utf-8")
    load_checked(path, MAPPING_FILE, "mapping file", Problems(), parsed)
    (entry,) = _entries(parsed.store)
    entry.write_bytes(damage(entry.read_bytes()))
    read = load_checked(path, MAPPING_FILE, "mapping file", Problems(), parsed)
    assert read["claims"][0]["object"] == "hamas"
    assert _lines(read) == _lines(load_yaml(path))


def test_an_entry_with_its_digest_but_not_a_parsed_file_is_not_used(
    tmp_path: Path, parsed: ParsedFiles
) -> None:
    """Well-formed JSON with a right digest that is not what parsed.py writes: parsed again."""
    path = tmp_path / "claims.yaml"
    path.write_text(MAPPING, encoding="utf-8")
    tree = json.dumps([True, {"line": 1, "extra": []}]).encode()
    key = parsed.key(MAPPING, "mapping file")
    parsed.store.put(KIND, key, {"sha256": hashlib.sha256(tree).hexdigest().encode(), "tree": tree})
    read = load_checked(path, MAPPING_FILE, "mapping file", Problems(), parsed)
    assert _lines(read) == _lines(load_yaml(path))


def test_problems_are_reported_from_an_entry_too(tmp_path: Path, parsed: ParsedFiles) -> None:
    """A file with a problem of shape says so with its line on every load, kept or not."""
    path = tmp_path / "claims.yaml"
    path.write_text(MAPPING.replace("    route: []\n", "    rout: []\n"), encoding="utf-8")
    reports = []
    for _ in range(2):
        problems = Problems()
        load_checked(path, MAPPING_FILE, "mapping file", problems, parsed)
        reports.append([(p.path, p.line, p.message) for p in problems.items])
    assert reports[0] == reports[1]
    assert [(line, "rout" in message) for _, line, message in reports[0]] == [(13, True)]


def test_a_syntax_error_names_the_line_and_is_not_kept(tmp_path: Path, parsed: ParsedFiles) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(MAPPING.replace("    start: 0\n", "    start: [0\n"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError) as raised:
            load_checked(path, MAPPING_FILE, "mapping file", Problems(), parsed)
        (problem,) = raised.value.problems
        assert problem.path == path and problem.line is not None and problem.line >= 10
    assert _entries(parsed.store) == []


def test_values_json_cannot_hold_are_not_kept(tmp_path: Path, parsed: ParsedFiles) -> None:
    """A binary value would come back as text: such a file is parsed every time."""
    path = tmp_path / "claims.yaml"
    path.write_text(MAPPING + "extra: !!binary aGVsbG8=\n", encoding="utf-8")
    first = load_checked(path, MAPPING_FILE, "mapping file", Problems(), parsed)
    assert first["extra"] == b"hello"
    assert _entries(parsed.store) == []


def test_the_corpus_read_through_entries_is_the_corpus(project: Path, tmp_path: Path) -> None:
    """The whole corpus loaded twice through the entries (made, then used) is the corpus
    loaded without them: claims, their lines, documents, reference data."""
    plain, _ = load_corpus(project)
    cache = Cache(tmp_path / "cache")
    for _ in range(2):
        kept, _ = load_corpus(project, ParsedFiles(cache, "code 1"))
        assert kept.claims == plain.claims
        assert kept.documents == plain.documents
        assert kept.actors == plain.actors and kept.events == plain.events
        assert kept.coverage == plain.coverage and kept.drafts == plain.drafts
    assert len(_entries(cache)) > 5
