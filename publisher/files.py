"""Writing files so that a reader, or a crash, never sees half of one."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

# What a file is written from: bytes, or a view of bytes held elsewhere (a mapped file).
Buffer = bytes | memoryview


def write_atomically(path: Path, data: bytes, *, durable: bool = True, mode: int = 0o644) -> None:
    """Write `data` at `path` through a temporary file in the same folder, renamed into place:
    the old content or the new, whole. `durable` flushes it to disk first (curated files);
    a cache entry, only ever rebuilt if lost, need not be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_durably(path: Path, data: bytes) -> None:
    """Write a new file and flush it to disk (a file of a folder that is renamed into place)."""
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def sync(path: Path) -> None:
    """Flush what is at `path` to disk: a file's bytes, a folder's entries."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def after(segments: Sequence[Buffer], offset: int) -> Iterator[Buffer]:
    """The bytes from `offset` on of the file that `segments` are the concatenation of, as
    pieces of the segments (not copied)."""
    for segment in segments:
        if offset >= len(segment):
            offset -= len(segment)
            continue
        yield memoryview(segment)[offset:] if offset else segment
        offset = 0


def sha256_file(path: Path) -> str:
    """The sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
