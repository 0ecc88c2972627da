"""The cache folder: results of build units stored under their keys.

An entry is a file named by its key and written atomically (a temporary file renamed into
place), so a build killed half-way leaves whole entries or none, and two builds sharing the
folder never see half an entry. An entry holds named byte strings (see `pack`): no pickle, so
the folder can be trusted as far as the project folder is. After a build, entries it did not
use are removed (`keep_only`): the cache holds one build's worth, not the history.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from publisher.files import write_atomically


def pack(sections: dict[str, bytes]) -> bytes:
    """Several named byte strings as one: a JSON header line with names and lengths, then data."""
    header = json.dumps([[name, len(data)] for name, data in sections.items()]).encode()
    return header + b"\n" + b"".join(sections.values())


def read_entry(path: Path) -> dict[str, bytes]:
    """The sections `pack` made, from the file at `path`, each section read straight into its own bytes: a
    release's parts are hundreds of megabytes, which slicing one string would copy again."""
    with open(path, "rb") as entry:
        sections = {}
        for name, length in json.loads(entry.readline()):
            sections[name] = entry.read(length)
            if len(sections[name]) != length:
                raise ValueError("cache entry shorter than its header says")
        if entry.read(1):
            raise ValueError("cache entry longer than its header says")
    return sections


class Cache:
    """Entries under `folder/<kind>/<key>`; `temporary=True` makes a folder removed by close()."""

    def __init__(self, folder: Path | None = None) -> None:
        self.temporary = folder is None
        self.folder = (
            Path(tempfile.mkdtemp(prefix="publisher-build-")) if folder is None else folder
        )
        self.used: set[tuple[str, str]] = set()

    def path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key

    def get(self, kind: str, key: str) -> dict[str, bytes] | None:
        """The entry, or None when absent or unreadable (then it is simply rebuilt)."""
        self.used.add((kind, key))
        try:
            return read_entry(self.path(kind, key))
        except (OSError, ValueError):
            return None

    def mark_used(self, kind: str, keys: list[str]) -> None:
        """Count these entries as this build's (`keep_only` keeps them): another process of
        the build read or wrote them."""
        self.used.update((kind, key) for key in keys)

    def put(self, kind: str, key: str, sections: dict[str, bytes]) -> None:
        self.used.add((kind, key))
        # No fsync: a lost entry is only rebuilt.
        write_atomically(self.path(kind, key), pack(sections), durable=False)

    def keep_only(self, kinds: tuple[str, ...]) -> None:
        """Remove the entries of these kinds that this build did not use."""
        for kind in kinds:
            folder = self.folder / kind
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                if (kind, entry.name) not in self.used:
                    entry.unlink(missing_ok=True)

    def close(self) -> None:
        if self.temporary:
            shutil.rmtree(self.folder, ignore_errors=True)
