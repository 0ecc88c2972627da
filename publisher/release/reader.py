"""Reading a release folder: its manifest, its checked files and its validators for HTTP.

A release is immutable once written (`publisher build` switches a symbolic link to a new
folder), so it is checked once, when it is opened: SHA256SUMS names every file; each must be a
regular file in the folder itself (no symbolic link, nothing outside it) with the SHA-256 that
SHA256SUMS states, and the files the caller needs must be among them. What the check found is
kept: each file's fingerprint (size, modification time, inode), so that a file changed on disk
afterwards is noticed before it is served (`Release.open`), and the bytes of the small files
pages read (release.json, void.ttl, validation.ttl), so that those pages never depend on the
disk again. The digest of SHA256SUMS, which covers every other file, is the basis of the
server's strong ETags.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from publisher.errors import ReleaseError
from publisher.rdf import formats
from publisher.release import files
from publisher.release.files import DUMPS, MANIFEST, METADATA, SUMS
from publisher.release.verified import Verified, identity

# The dataset as N-Quads: what the embedded store loads.
QUADS = next(name for name, fmt in DUMPS.items() if fmt is formats.N_QUADS)
# Every file a build writes besides SHA256SUMS: what a server needs to serve a release whole.
WRITTEN: tuple[str, ...] = (*files.dump_names(), *sorted(METADATA))
# Small files read into memory when the release is opened (pages are made from them).
KEPT = frozenset(METADATA)
NEEDED = (MANIFEST, QUADS)  # what any reader of a release needs (`publisher load`, stats)

_DIGEST = re.compile("[0-9a-f]{64}")
_BLOCK = 1 << 20
_SEND_BLOCK = 1 << 16  # bytes read at a time for an answer
# Never follow a link, never wait on a FIFO planted under a file's name.
_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


class ReleaseChanged(ReleaseError):
    """A file of an opened release is no longer the one that was verified."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


@dataclass(frozen=True)
class Fingerprint:
    """What identifies the bytes that were verified, as the file system tells it cheaply."""

    size: int
    mtime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, status: os.stat_result) -> Fingerprint:
        return cls(status.st_size, status.st_mtime_ns, status.st_ino, status.st_dev)

    def difference(self, status: os.stat_result) -> str | None:
        """What differs in `status` (None: nothing), for messages."""
        if not stat.S_ISREG(status.st_mode):
            return "is not a regular file any more"
        if (status.st_ino, status.st_dev) != (self.inode, self.device):
            return "was replaced by another file"
        if status.st_size != self.size:
            return f"went from {self.size} to {status.st_size} bytes"
        if status.st_mtime_ns != self.mtime_ns:
            return "was modified"
        return None


@dataclass(frozen=True)
class ReleaseFile:
    name: str
    path: Path
    size: int
    sha256: str
    fingerprint: Fingerprint

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
    kept: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def base(self) -> str:
        return str(self.manifest.get("base", ""))

    @property
    def name(self) -> str:
        """The release's id, for messages (its folder's name when release.json has none)."""
        return str(self.manifest.get("id") or self.folder.name)

    def path(self, name: str) -> Path:
        """The path of one of the release's files; ReleaseError when the release lacks it."""
        if name not in self.files:
            raise ReleaseError(f"{self.folder} has no {name}")
        return self.files[name].path

    def read(self, name: str) -> bytes:
        """The verified bytes of one of the small files kept in memory (release.json, void.ttl,
        validation.ttl): what was checked, whatever happened on disk since."""
        if name not in self.kept:
            raise ReleaseError(f"{self.folder} has no {name}")
        return self.kept[name]

    def open(self, name: str) -> IO[bytes]:
        """One of the release's files, opened for reading, if it is still the file verified
        (same inode, size and modification time); ReleaseChanged when it is not."""
        found = self.files.get(name)
        if found is None:
            raise ReleaseError(f"{self.folder} has no {name}")
        try:
            descriptor = os.open(found.path, _FLAGS)
        except OSError as error:
            raise ReleaseChanged(name, f"{found.path} {_reason(error)}") from None
        try:
            difference = found.fingerprint.difference(os.fstat(descriptor))
            if difference is not None:
                raise ReleaseChanged(name, f"{found.path} {difference} after it was verified")
            return os.fdopen(descriptor, "rb")
        except BaseException:
            os.close(descriptor)
            raise

    def send(
        self,
        name: str,
        start: int = 0,
        length: int | None = None,
        on_change: Callable[[ReleaseChanged], None] = lambda changed: None,
    ) -> Sent:
        """One of the release's files (or `length` bytes of it from `start`), to send as the
        body of an answer whose length is stated: checked when it is opened (`open`) and again
        once it has been read (its fingerprint, and the SHA-256 when it is sent whole) before
        the last block goes out, so that a file changed on disk while it is sent is never
        received whole (see `Sent`). ReleaseChanged when it changed before it was opened."""
        entry = self.files[name]
        handle = self.open(name)
        size = entry.size - start if length is None else length
        return Sent(handle, entry, start, size, on_change)

    def changed(self) -> dict[str, str]:
        """The files that are no longer those verified, with what changed (a stat of each)."""
        found = {}
        for name, entry in self.files.items():
            try:
                status = os.lstat(entry.path)
            except OSError as error:
                found[name] = _reason(error)
                continue
            difference = entry.fingerprint.difference(status)
            if difference is not None:
                found[name] = difference
        return found


class Sent:
    """The body of an answer: `length` bytes of a release file from `start`, read as they are
    sent. The last block is held back until the file is known to be the one verified: its
    fingerprint unchanged after everything was read (any write changes the modification time)
    and, when the whole file is sent, the SHA-256 of what was read the one SHA256SUMS lists.
    Otherwise `on_change` is told and ReleaseChanged ends the body short of its stated length,
    which a client takes as a failed transfer, never as the file."""

    def __init__(
        self,
        handle: IO[bytes],
        entry: ReleaseFile,
        start: int,
        length: int,
        on_change: Callable[[ReleaseChanged], None],
    ) -> None:
        self.handle = handle
        self.entry = entry
        self.start = start
        self.length = length
        self.on_change = on_change

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._blocks()
        finally:
            self.handle.close()

    def _blocks(self) -> Iterator[bytes]:
        whole = self.start == 0 and self.length == self.entry.size
        digest = hashlib.sha256() if whole else None
        remaining = self.length
        self.handle.seek(self.start)
        pending = b""
        while remaining > 0:
            block = self.handle.read(min(_SEND_BLOCK, remaining))
            if not block:
                break
            remaining -= len(block)
            if digest is not None:
                digest.update(block)
            if pending:
                yield pending
            pending = block
        problem = self.entry.fingerprint.difference(os.fstat(self.handle.fileno()))
        if problem is None and remaining:
            problem = f"ended {remaining} bytes early"
        if problem is None and digest is not None and digest.hexdigest() != self.entry.sha256:
            problem = f"no longer has the SHA-256 {SUMS} lists"
        if problem is not None:
            changed = ReleaseChanged(
                self.entry.name, f"{self.entry.path} {problem} while it was being sent"
            )
            self.on_change(changed)
            raise changed
        if pending:
            yield pending

    def close(self) -> None:
        self.handle.close()


def open_release(
    folder: Path,
    *,
    verify: bool = True,
    required: Collection[str] = NEEDED,
    verified: Verified | None = None,
) -> Release:
    """Open the release at `folder` (the link or the folder it points to), checking every file
    SHA256SUMS lists (`verify=False`: everything but the SHA-256, for a quick look) and that the
    `required` files are among them. ReleaseError names the first problem found.

    Given `verified` (release/verified.py), a file whose SHA-256 was verified before and that
    the file system reports unchanged since is not read again, and what is verified now is
    noted there."""
    if folder.is_symlink() and not folder.exists():
        raise ReleaseError(f"{folder} points to {os.readlink(folder)}, which does not exist")
    if not folder.is_dir():
        raise ReleaseError(f"no release at {folder}: run `publisher build` first")
    real = folder.resolve()
    directory = os.open(real, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        sums, sums_print = _read_sums(directory, real)
        listed, problems = parse_sums(sums)
        if problems:
            raise ReleaseError(f"{real / SUMS} {problems[0]}")
        for name in required:
            if name not in listed:
                raise ReleaseError(f"{real} has no {name} ({SUMS} does not list it)")
        entries: dict[str, ReleaseFile] = {}
        kept: dict[str, bytes] = {}
        noting = verified is not None and verify
        with verified.held() if verified is not None and noting else contextlib.nullcontext():
            before = verified.read(real) if verified is not None and noting else {}
            now = {}
            for name, digest in listed.items():
                fingerprint, content, seen = _check(
                    directory, real, name, digest, verify=verify, known=before.get(name)
                )
                entries[name] = ReleaseFile(
                    name, real / name, fingerprint.size, digest, fingerprint
                )
                if content is not None:
                    kept[name] = content
                now[name] = (digest, seen)
            if verified is not None and noting and now != before:
                verified.write(real, now)
    finally:
        os.close(directory)
    sums_digest = hashlib.sha256(sums).hexdigest()
    entries[SUMS] = ReleaseFile(SUMS, real / SUMS, len(sums), sums_digest, sums_print)
    return assemble(real, entries, kept)


def assemble(folder: Path, entries: dict[str, ReleaseFile], kept: dict[str, bytes]) -> Release:
    """A release from what checking its files found (SHA256SUMS among them)."""
    if SUMS not in entries:
        raise ReleaseError(f"{folder} has no {SUMS}")
    manifest = _manifest(folder, kept[MANIFEST]) if MANIFEST in kept else {}
    # The time the release was written here, not the build's "generated" stamp: builds are
    # reproducible, so two releases may share that stamp, and a 304 must never hide a new one.
    written = entries.get(MANIFEST, entries[SUMS]).fingerprint.mtime_ns // 1_000_000_000
    modified = datetime.fromtimestamp(written, tz=UTC)
    return Release(folder, manifest, entries, entries[SUMS].sha256, modified, kept)


def parse_sums(sums: bytes) -> tuple[dict[str, str], list[str]]:
    """SHA256SUMS as {name: sha256}, and what is wrong with its lines (each `line N: ...`)."""
    listed: dict[str, str] = {}
    problems = []
    try:
        text = sums.decode("utf-8")
    except UnicodeDecodeError:
        return listed, ["is not UTF-8 text"]
    for number, line in enumerate(text.splitlines(), start=1):
        digest, _, name = line.partition("  ")
        if not _DIGEST.fullmatch(digest) or not name:
            problems.append(f"line {number}: {line[:80]!r} is not `<sha256>  <file name>`")
        elif "/" in name or "\0" in name or name in (".", "..", SUMS):
            problems.append(f"line {number}: {name[:80]!r} is not the name of a file of the folder")
        elif name in listed:
            problems.append(f"line {number}: {name!r} is listed twice")
        else:
            listed[name] = digest
    if not listed and not problems:
        problems.append("lists no file")
    return listed, problems


def verify_checksums(folder: Path) -> list[str]:
    """Every problem found checking SHA256SUMS against the files; empty when the release is
    whole (open_release stops at the first one)."""
    try:
        directory = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as error:
        return [f"{folder} {_reason(error)}"]
    try:
        try:
            sums, _ = _read_sums(directory, folder)
        except ReleaseError as error:
            return [str(error)]
        listed, problems = parse_sums(sums)
        problems = [f"{SUMS} {problem}" for problem in problems]
        for name, digest in listed.items():
            try:
                _check(directory, folder, name, digest, verify=True, known=None)
            except ReleaseError as error:
                problems.append(str(error))
        return problems
    finally:
        os.close(directory)


def _read_sums(directory: int, folder: Path) -> tuple[bytes, Fingerprint]:
    try:
        descriptor = os.open(SUMS, _FLAGS, dir_fd=directory)
    except FileNotFoundError:
        raise ReleaseError(f"{folder} has no {SUMS}") from None
    except OSError as error:
        raise ReleaseError(f"{folder / SUMS} {_reason(error)}") from None
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ReleaseError(f"{folder / SUMS} is not a regular file")
        return handle.read(), Fingerprint.of(status)


def _check(
    directory: int,
    folder: Path,
    name: str,
    digest: str,
    *,
    verify: bool,
    known: tuple[str, list[int]] | None,
) -> tuple[Fingerprint, bytes | None, list[int]]:
    """One listed file: its fingerprint, its bytes when it is one of the KEPT, and what
    identifies it (verified.identity). Its SHA-256 is not computed again when `known` says it
    was verified with the digest SHA256SUMS gives and the file system reports it unchanged."""
    path = folder / name
    try:
        descriptor = os.open(name, _FLAGS, dir_fd=directory)
    except FileNotFoundError:
        raise ReleaseError(f"{path} is missing ({SUMS} lists it)") from None
    except OSError as error:
        raise ReleaseError(f"{path} {_reason(error)}") from None
    with os.fdopen(descriptor, "rb") as handle:
        before = os.fstat(descriptor)
        if not stat.S_ISREG(before.st_mode):
            raise ReleaseError(f"{path} is not a regular file")
        keep = name in KEPT
        if known is not None and known == (digest, identity(before)):
            verify = False  # verified before, and no byte of it can have changed since
        if not verify and not keep:
            return Fingerprint.of(before), None, identity(before)
        sha256 = hashlib.sha256()
        size = 0
        parts = []
        for block in iter(lambda: handle.read(_BLOCK), b""):
            sha256.update(block)
            size += len(block)
            if keep:
                parts.append(block)
        after = os.fstat(descriptor)
    if size != before.st_size or Fingerprint.of(before) != Fingerprint.of(after):
        raise ReleaseError(f"{path} changed while it was being checked")
    if verify and sha256.hexdigest() != digest:
        raise ReleaseError(f"{path}: the sha256 differs from {SUMS}; the release is damaged")
    return Fingerprint.of(before), b"".join(parts) if keep else None, identity(before)


def _manifest(folder: Path, data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except ValueError as error:
        raise ReleaseError(f"{folder} is not a release: {MANIFEST} unreadable ({error})") from None
    if not isinstance(manifest, dict):
        raise ReleaseError(f"{folder}/{MANIFEST} is not a JSON object")
    return manifest


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symbolic link; a release's files must be in its own folder"
    if error.errno == errno.ENOENT:
        return "is missing"
    return f"cannot be read ({error.strerror})"
