"""Data files kept parsed (and checked) between builds, under the digest of their bytes.

Parsing YAML, even with libyaml, is most of the time it takes to load a large corpus, and a
build after a one-document change reads hundreds of mapping files that did not change. An
entry holds the file's parsed form with the line of every mapping and key (so that errors
still name file and line), and whether the file passed its shape check (schema.py) with no
problem; it is found by a digest of the file's bytes and of the code (`version`), so an edited
file, or another parser or schema, never finds an old entry. An entry carries the SHA-256 of
its own content: one damaged on disk is not trusted, the file is parsed again. A file that
does not parse, or holds a value JSON cannot say exactly (binary, sets), is never kept.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from publisher.corpus.problems import Problems
from publisher.corpus.schema import Fields, check_file
from publisher.corpus.yamlsource import Located, load_yaml, parse_yaml, read_yaml_text

KIND = "parsed"  # the entries' kind in the store


class EntryStore(Protocol):
    """Where entries live: named byte strings under (kind, key), as the build's cache has them;
    `get` gives None for an entry that is absent or unreadable."""

    def get(self, kind: str, key: str) -> dict[str, bytes] | None: ...

    def put(self, kind: str, key: str, sections: dict[str, bytes]) -> None: ...


@dataclass(frozen=True)
class ParsedFiles:
    """The entries of a store, for files read by the code whose digest is `version`."""

    store: EntryStore
    version: str

    def key(self, text: str, shape: str) -> str:
        """The entry of a file with this text, checked against the shape named `shape`."""
        hasher = hashlib.sha256(f"{self.version}\0{shape}\0".encode())
        hasher.update(text.encode("utf-8"))
        return hasher.hexdigest()

    def get(self, key: str, path: Path) -> tuple[Any, bool] | None:
        """The parsed content and whether it passed its check, or None when there is no
        whole entry."""
        sections = self.store.get(KIND, key)
        if sections is None or set(sections) != {"sha256", "tree"}:
            return None
        tree = sections["tree"]
        if hashlib.sha256(tree).hexdigest().encode() != sections["sha256"]:
            return None
        try:
            checked, content = json.loads(tree, object_hook=lambda o: _mapping(o, path))
        except (ValueError, TypeError, KeyError):
            return None
        return content, checked is True

    def put(self, key: str, content: Any, checked: bool) -> None:
        try:
            tree = json.dumps([checked, _plain(content)], ensure_ascii=False).encode("utf-8")
        except (_NotKept, TypeError, ValueError):  # TypeError: a key JSON cannot hold
            return
        sections = {"sha256": hashlib.sha256(tree).hexdigest().encode(), "tree": tree}
        self.store.put(KIND, key, sections)


def load_checked(
    path: Path, shape: Fields, shape_name: str, problems: Problems, parsed: ParsedFiles | None
) -> Any:
    """A data file's content, parsed or from `parsed`, checked against `shape` (named
    `shape_name` in the entry's key); the problems found go to `problems`, as check_file
    reports them. A file that does not parse raises InputError, as load_yaml does."""
    if parsed is None:
        content = load_yaml(path)
        check_file(path, content, shape, problems)
        return content
    text = read_yaml_text(path)
    key = parsed.key(text, shape_name)
    found = parsed.get(key, path)
    if found is not None:
        content, checked = found
        if not checked:
            check_file(path, content, shape, problems)
        return content
    content = parse_yaml(text, path)
    before = len(problems.items)
    check_file(path, content, shape, problems)
    parsed.put(key, content, len(problems.items) == before)
    return content


class _NotKept(Exception):
    """A value the entry's JSON cannot hold as it is."""


def _plain(value: Any) -> Any:
    """The parsed content as JSON: a mapping is {"line", "items": [[key, line, value]...]}."""
    if isinstance(value, Located):
        return {
            "line": value.line,
            "items": [[key, value.line_of(str(key)), _plain(item)] for key, item in value.items()],
        }
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise _NotKept(type(value).__name__)


def _mapping(plain: dict[str, Any], path: Path) -> Located:
    if set(plain) != {"line", "items"}:
        raise ValueError("not a mapping of a data file")
    mapping = Located()
    mapping.path = path
    mapping.line = int(plain["line"])
    mapping.key_lines = {}
    for key, line, value in plain["items"]:
        mapping[key] = value
        mapping.key_lines[str(key)] = int(line)
    return mapping
