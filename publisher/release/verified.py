"""What a server verified of a release's files, kept beside its state so that it is verified
once, not by every worker at every start.

A release is 600 MB at a million triples, and computing the SHA-256 of it took each gunicorn
worker one to two seconds of every start. The first process to verify a release writes down,
for each file, the SHA-256 it found and what identifies the bytes it read: size, modification
and change times, inode and device. A process opening the release later trusts a file only if
SHA256SUMS gives it the same SHA-256 and the file system still reports all of that; any write,
`touch`, rename over it or change of owner or mode changes the change time (which a user
cannot set back), and the file is verified again. Workers starting together take a lock, so
that one verifies while the others wait for its note.

The notes are in the server's STATE_DIR, which also holds the store folders built from the
release (store/ondisk.py): whoever can write there can change what is served anyway.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from publisher.files import write_atomically

_FORMAT = 1


def identity(status: os.stat_result) -> list[int]:
    """What identifies a file's bytes as the file system tells it: size, times, inode."""
    return [
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
        status.st_ino,
        status.st_dev,
    ]


class Verified:
    """The notes of one server (a folder), one JSON file per release folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """An exclusive lock while a release is checked: the others wait for its note."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def _path(self, release: Path) -> Path:
        return self.folder / (hashlib.sha256(str(release).encode()).hexdigest()[:32] + ".json")

    def read(self, release: Path) -> dict[str, tuple[str, list[int]]]:
        """{file name: (SHA-256, identity)} as verified in `release` (empty: nothing kept)."""
        try:
            data = json.loads(self._path(release).read_bytes())
            if data.get("format") != _FORMAT or data.get("folder") != str(release):
                return {}
            return {
                name: (str(d), [int(i) for i in ids]) for name, (d, ids) in data["files"].items()
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}  # no note, or one unreadable: verify again

    def write(self, release: Path, files: dict[str, tuple[str, list[int]]]) -> None:
        data = {"format": _FORMAT, "folder": str(release), "files": files}
        write_atomically(self._path(release), json.dumps(data).encode(), durable=False)
        self._forget_removed()

    def _forget_removed(self) -> None:
        """Remove the notes of release folders that are gone: a build keeps the newest few
        releases (release/writer.py) and removes the others, whose notes would otherwise pile
        up here one a release for as long as the server runs. Called under `held`, while a
        note is written; a note that cannot be read is left to be replaced."""
        for note in self.folder.glob("*.json"):
            try:
                folder = json.loads(note.read_bytes())["folder"]
            except (OSError, ValueError, TypeError, KeyError):
                continue
            if isinstance(folder, str) and not Path(folder).exists():
                note.unlink(missing_ok=True)
