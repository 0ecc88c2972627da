"""Writing a release folder atomically and switching to it.

`out` (e.g. `release/`) is a symbolic link to `out.d/<release-id>/`. A build writes a fresh
temporary folder next to it, and only once every file is written and flushed does it rename
the folder and replace the link in one `os.replace`, so readers see the old release or the new
one, whole, and a failed or killed build leaves the last good release in place.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from publisher.errors import ReleaseError
from publisher.files import sync_folder, write_durably
from publisher.release.files import DUMPS, SUMS, gzipped

KEEP = 3  # releases kept in out.d, so a server still reading the previous one is not cut off


def versions_dir(out: Path) -> Path:
    return out.with_name(out.name + ".d")


def write_release(
    out: Path,
    release_id: str,
    files: Mapping[str, bytes | Sequence[bytes]],
    digests: Mapping[str, str] | None = None,
) -> Path:
    """Write `files` (each its bytes, or the byte strings it is the concatenation of) as
    release `release_id` and make `out` point at it; returns the folder. `digests` are the
    SHA-256 of those files whose digest the caller knows already (not computed again)."""
    out = out.absolute()
    if out.exists() and not out.is_symlink():
        if out.is_dir() and not any(out.iterdir()):
            out.rmdir()
        else:
            raise ReleaseError(
                f"{out} exists and is not a release link made by `publisher build`; "
                "move it away or choose another --out"
            )
    versions = versions_dir(out)
    versions.mkdir(parents=True, exist_ok=True)
    target = versions / release_id
    if not target.exists():
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=versions))
        lock = pin(staging, exclusive=True)  # tells _prune of other builds that it is live
        try:
            _write_files(staging, files, digests or {})
            try:
                os.replace(staging, target)
            except OSError:
                if not target.is_dir():  # else a concurrent build of the same id won: use it
                    raise
            sync_folder(versions)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            os.close(lock)
    _point(out, target)
    _prune(versions, keep={target.name})
    return target


def prune_for_new(out: Path) -> None:
    """Remove the releases that a new release of `out` pushes out: all but the newest
    KEEP - 1 (with the new one, KEEP) and the one `out` points at. Removing 600 MB takes a
    while: a build does this as it starts, in a process of its own beside its work
    (build/publish.py). A build that then fails has removed one release more, never the last
    good one."""
    out = out.absolute()
    current = {out.resolve().name} if out.is_symlink() else set()
    _prune(versions_dir(out), current, KEEP - 1)


def pin(folder: Path, *, exclusive: bool = False) -> int:
    """An open descriptor holding a lock on `folder`: shared for a server serving a release,
    exclusive for a build writing one. `_prune` removes no folder someone holds; the lock goes
    with the descriptor (os.close, or the process ending, even killed)."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
    except OSError:
        os.close(descriptor)
        raise
    return descriptor


def _held(folder: Path) -> bool:
    """True when a server or a build holds `folder` (see `pin`)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)  # closing also drops the lock just taken


def _write_files(
    folder: Path, files: Mapping[str, bytes | Sequence[bytes]], known: Mapping[str, str]
) -> None:
    everything = {name: [data] if isinstance(data, bytes) else data for name, data in files.items()}
    for name in DUMPS:
        if name in files and gzipped(name) not in files:  # the build brings its own .gz
            # mtime=0 and no file name in the header: the same input gives the same bytes.
            data = b"".join(everything[name])
            everything[gzipped(name)] = [gzip.compress(data, compresslevel=6, mtime=0)]
    # Hashing and writing leave the GIL to the other thread: two cores share 600 MB of dumps.
    with ThreadPoolExecutor(max_workers=2) as pool:
        by_size = sorted(everything, key=lambda n: -sum(map(len, everything[n])))
        written = dict(
            zip(
                by_size,
                pool.map(lambda n: _write_file(folder / n, everything[n], known.get(n)), by_size),
                strict=True,
            )
        )
    sums = "".join(f"{written[name]}  {name}\n" for name in sorted(written))
    write_durably(folder / SUMS, sums.encode())
    os.chmod(folder, 0o755)
    sync_folder(folder)


def _write_file(path: Path, segments: Sequence[bytes], digest: str | None) -> str:
    """Write a new file from its segments, flushed to disk; its SHA-256 (`digest` if given)."""
    hasher = hashlib.sha256() if digest is None else None
    with open(path, "wb") as out:
        for segment in segments:
            out.write(segment)
            if hasher is not None:
                hasher.update(segment)
        out.flush()
        os.fsync(out.fileno())
    return hasher.hexdigest() if hasher is not None else str(digest)


def _point(link: Path, target: Path) -> None:
    for stale in link.parent.glob(f".{link.name}.link-*"):  # left by killed builds
        if stale.is_symlink() and not _running(stale.name.rsplit("-", 1)[-1]):
            stale.unlink(missing_ok=True)
    temporary = link.with_name(f".{link.name}.link-{os.getpid()}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(os.path.relpath(target, link.parent), temporary)
    os.replace(temporary, link)
    sync_folder(link.parent)


def _running(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
        return True
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True


def _prune(versions: Path, keep: set[str], newest: int | None = None) -> None:
    """Remove staging leftovers of killed builds and all but the `newest` releases (and those
    in `keep`); a folder that a build is writing or a server is serving (see `pin`) stays."""
    if not versions.is_dir():
        return
    newest = KEEP if newest is None else newest
    entries = [p for p in versions.iterdir() if p.is_dir() and not p.is_symlink()]
    for entry in entries:
        if entry.name.startswith(".staging-") and not _held(entry):
            shutil.rmtree(entry, ignore_errors=True)
    releases = sorted(
        (p for p in entries if not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in releases[newest:]:
        if old.name not in keep and not _held(old):
            shutil.rmtree(old, ignore_errors=True)
