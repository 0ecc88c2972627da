"""Reading a release folder: its manifest, its checked files and its validators for HTTP.

A release is immutable once written (`publisher build` switches a symbolic link to a new
folder), so everything here is read once: the digest of SHA256SUMS, which covers every other
file, is the basis of the server's strong ETags.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from publisher.errors import ReleaseError
from publisher.files import sha256_file
from publisher.release import files
from publisher.release.files import MANIFEST, SUMS
from publisher.release.manifest import read_manifest


@dataclass(frozen=True)
class ReleaseFile:
    name: str
    path: Path
    size: int
    sha256: str

    @property
    def media_type(self) -> str:
        """The media type of the file itself (a .gz file is application/gzip, not its content)."""
        return files.media_type(self.name)


@dataclass(frozen=True)
class Release:
    folder: Path
    manifest: dict[str, Any]  # release.json
    files: dict[str, ReleaseFile]
    digest: str
    last_modified: datetime

    @property
    def base(self) -> str:
        return str(self.manifest.get("base", ""))

    def path(self, name: str) -> Path:
        """The path of one of the release's files; ReleaseError when the release lacks it."""
        if name not in self.files:
            raise ReleaseError(f"{self.folder} has no {name}")
        return self.files[name].path


def open_release(folder: Path, *, verify: bool = True) -> Release:
    """Open the release at `folder` (the link or the folder it points to), checking its sums."""
    if not folder.is_dir():
        raise ReleaseError(f"no release at {folder}: run `publisher build` first")
    real = folder.resolve()
    manifest = read_manifest(real)
    sums_path = real / SUMS
    if not sums_path.is_file():
        raise ReleaseError(f"{real} has no {SUMS}")
    sums = sums_path.read_bytes()
    files = {}
    for number, line in enumerate(sums.decode("utf-8").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        path = real / name
        if not name or "/" in name or not path.is_file():
            raise ReleaseError(f"{sums_path} line {number}: {name or line!r} is missing")
        if verify and sha256_file(path) != digest:
            raise ReleaseError(f"{path}: the sha256 differs from {SUMS}; the release is damaged")
        files[name] = ReleaseFile(name, path, path.stat().st_size, digest)
    files[SUMS] = ReleaseFile(SUMS, sums_path, len(sums), hashlib.sha256(sums).hexdigest())
    if "dataset.nq" not in files:
        raise ReleaseError(f"{real} has no dataset.nq")
    # The time the release was written here, not the build's "generated" stamp: builds are
    # reproducible, so two releases may share that stamp, and a 304 must never hide a new one.
    modified = datetime.fromtimestamp(int((real / MANIFEST).stat().st_mtime), tz=UTC)
    return Release(real, manifest, files, files[SUMS].sha256, modified)


def verify_checksums(folder: Path) -> list[str]:
    """Every problem found checking SHA256SUMS against the files; empty when the release is
    whole (open_release stops at the first one)."""
    sums = folder / SUMS
    if not sums.is_file():
        return [f"{sums} is missing"]
    problems = []
    for number, line in enumerate(sums.read_text(encoding="utf-8").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        path = folder / name
        if not name or "/" in name or not path.is_file():
            problems.append(f"{SUMS} line {number}: {name or line!r} is missing")
            continue
        actual = sha256_file(path)
        if actual != digest:
            problems.append(f"{name}: sha256 is {actual}, {SUMS} says {digest}")
    return problems
