"""The cache folder: results of build units stored under their keys.

An entry is a file named by its key and written atomically (a temporary file renamed into
place), so a build killed half-way leaves whole entries or none, and two builds sharing the
folder never see half an entry. An entry holds named byte strings (see `pack`): no pickle, so
the folder can be trusted as far as the project folder is. After a build, entries it did not
use are removed (`keep_only`): the cache holds one build's worth, not the history.
"""

from __future__ import annotations

import json
import mmap
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from publisher.files import Buffer, write_atomically


def pack(sections: Mapping[str, Buffer]) -> bytes:
    """Several named byte strings as one: a JSON header line with names and lengths, then data."""
    header = json.dumps([[name, len(data)] for name, data in sections.items()]).encode()
    return header + b"\n" + b"".join(sections.values())


def read_entry(path: Path, mapped: frozenset[str] = frozenset()) -> dict[str, Buffer]:
    """The sections `pack` made, from the file at `path`: those named in `mapped` as views of
    the file mapped into memory, never copied (a release's parts are hundreds of megabytes,
    which the build only hashes, writes and slices: reading them into bytes was a tenth of a
    one-document release at a million triples), the others as bytes. An entry is never
    changed in place (`put` renames a new file over it), so a view stays what it was read as."""
    with open(path, "rb") as entry:
        if not mapped:
            sections: dict[str, Buffer] = {}
            for name, length in json.loads(entry.readline()):
                sections[name] = entry.read(length)
                if len(sections[name]) != length:
                    raise ValueError("cache entry shorter than its header says")
            if entry.read(1):
                raise ValueError("cache entry longer than its header says")
            return sections
        size = os.fstat(entry.fileno()).st_size
        if size == 0:
            raise ValueError("cache entry is empty")
        data = mmap.mmap(entry.fileno(), 0, prot=mmap.PROT_READ, flags=_MAP_FLAGS)
    view = memoryview(data)
    header_end = data.find(b"\n")
    if header_end == -1:
        raise ValueError("cache entry without a header line")
    at, sections = header_end + 1, {}
    for name, length in json.loads(data[:header_end]):
        if at + length > size:
            raise ValueError("cache entry shorter than its header says")
        sections[name] = view[at : at + length] if name in mapped else data[at : at + length]
        at += length
    if at != size:
        raise ValueError("cache entry longer than its header says")
    return sections


# Shared and read-only; its pages, in the page cache already after the last build, mapped at
# once rather than one fault at a time.
_MAP_FLAGS = mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0)


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
        found = self.view(kind, key)
        return None if found is None else {k: bytes(v) for k, v in found.items()}

    def view(
        self, kind: str, key: str, mapped: frozenset[str] = frozenset()
    ) -> dict[str, Buffer] | None:
        """As `get`, the sections named in `mapped` as views of the file (`read_entry`)."""
        self.used.add((kind, key))
        try:
            return read_entry(self.path(kind, key), mapped)
        except (OSError, ValueError):
            return None

    def mark_used(self, kind: str, keys: list[str]) -> None:
        """Count these entries as this build's (`keep_only` keeps them): another process of
        the build read or wrote them."""
        self.used.update((kind, key) for key in keys)

    def put(self, kind: str, key: str, sections: Mapping[str, Buffer]) -> None:
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
