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
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from publisher.errors import ReleaseError
from publisher.files import Buffer, after, sync, write_durably
from publisher.release.files import DUMPS, SUMS, gzipped

KEEP = 3  # releases kept in out.d, so a server still reading the previous one is not cut off


def versions_dir(out: Path) -> Path:
    return out.with_name(out.name + ".d")


def write_release(
    out: Path,
    release_id: str,
    files: Mapping[str, bytes | Sequence[Buffer]],
    digests: Mapping[str, str] | None = None,
) -> Path:
    """Write `files` (each its bytes, or the byte strings it is the concatenation of) as
    release `release_id` and make `out` point at it; returns the folder. `digests` are the
    SHA-256 of those files whose digest the caller knows already (not computed again)."""
    return Staging(out).finish(release_id, files, digests)


class Staging:
    """A release folder written before its id is known. A build knows its dumps (most of a
    release's bytes) before it knows the id, which is a digest of them: it writes them here
    (`writing`) while it works out the rest, and they are flushed to disk in the background
    meanwhile, instead of after the id. `finish` writes the other files, moves the folder
    into place under the id and points `out` at it; `abandon` removes it. A build killed
    before `finish` leaves a staging folder that the next build removes (`_prune`).
    """

    def __init__(self, out: Path) -> None:
        self.out = _checked_link(out)
        versions = versions_dir(self.out)
        versions.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=versions))
        self._lock = pin(self.folder, exclusive=True)  # tells _prune of other builds it is live
        self._written: list[str] = []
        self._flushing = ThreadPoolExecutor(max_workers=1)
        self._flushed: list[Future[None]] = []

    @contextmanager
    def writing(self, name: str) -> Iterator[Callable[[Buffer], object]]:
        """A function that writes the file `name` a piece at a time; once the block ends, the
        file is flushed to disk in the background."""
        path = self.folder / name
        with open(path, "xb") as out:
            yield out.write
        self._written.append(name)
        self._flushed.append(self._flushing.submit(sync, path))

    def write_from(self, name: str, segments: Sequence[Buffer], offset: int) -> None:
        """Write the file `name` again from byte `offset` on, where its new content (the
        whole file's `segments`) first differs from what was written, and end it there: a
        .gz file's new content is of another length (the release graph's members compressed
        again with the id)."""
        with open(self.folder / name, "r+b") as out:
            out.seek(offset)
            for piece in after(segments, offset):
                out.write(piece)
            out.truncate()

    def finish(
        self,
        release_id: str,
        files: Mapping[str, bytes | Sequence[Buffer]],
        digests: Mapping[str, str] | None = None,
        same: Mapping[str, int] | None = None,
    ) -> Path:
        """Write those of `files` not written yet, and those written already again from the
        byte `same` gives (their start if it gives none, see `write_from`); flush everything,
        and make the folder release `release_id`, which `out` then points at. `digests` gives
        the SHA-256 of files known already: every file written already needs one (its bytes
        are not read back), the others are hashed here if it has none. On failure the folder
        is removed and `out` left as it was."""
        target = versions_dir(self.out) / release_id
        if target.is_dir():  # the same content was released before: its folder, as it is
            self.abandon(flushed=False)
            return _switch(self.out, target)
        try:
            for name in self._written:
                if name in files:
                    self.write_from(name, _segments(files[name]), (same or {}).get(name, 0))
            for flushed in self._flushed:
                flushed.result()
            _write_files(self.folder, files, digests or {}, self._written)
            try:
                os.replace(self.folder, target)
            except OSError:
                if not target.is_dir():  # else a concurrent build of the same id won: use it
                    raise
            sync(target.parent)
        finally:
            self.abandon()
        return _switch(self.out, target)

    def abandon(self, *, flushed: bool = True) -> None:
        """Remove the folder (if it is still here: `finish` moved it), and let go of it;
        without waiting for the files written to reach the disk unless `flushed`."""
        self._flushing.shutdown(wait=flushed, cancel_futures=not flushed)
        if self._lock != -1:
            shutil.rmtree(self.folder, ignore_errors=True)
            os.close(self._lock)
            self._lock = -1


def _segments(data: bytes | Sequence[Buffer]) -> Sequence[Buffer]:
    return [data] if isinstance(data, bytes) else data


def _checked_link(out: Path) -> Path:
    """`out`, absolute, when it is a release link or nothing yet (an empty folder is removed)."""
    out = out.absolute()
    if out.exists() and not out.is_symlink():
        if out.is_dir() and not any(out.iterdir()):
            out.rmdir()
        else:
            raise ReleaseError(
                f"{out} exists and is not a release link made by `publisher build`; "
                "move it away or choose another --out"
            )
    return out


def _switch(out: Path, target: Path) -> Path:
    """Point `out` at the release folder `target` and prune the old ones; returns `target`."""
    _point(out, target)
    _prune(versions_dir(out), keep={target.name})
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
    folder: Path,
    files: Mapping[str, bytes | Sequence[Buffer]],
    known: Mapping[str, str],
    written: Sequence[str] = (),
) -> None:
    """Write `files` into `folder` but those `written` already (flushed again here: they may
    have been written to since), then SHA256SUMS of them all."""
    everything = {name: _segments(data) for name, data in files.items()}
    for name in DUMPS:
        if name in files and gzipped(name) not in files:  # the build brings its own .gz
            # mtime=0 and no file name in the header: the same input gives the same bytes.
            data = b"".join(everything[name])
            everything[gzipped(name)] = [gzip.compress(data, compresslevel=6, mtime=0)]
    for name in written:
        if name not in known:
            raise ReleaseError(f"{name} was written before the release's id without its digest")
        sync(folder / name)
    # Hashing and writing leave the GIL to the other thread: two cores share 600 MB of dumps.
    with ThreadPoolExecutor(max_workers=2) as pool:
        left = [name for name in everything if name not in written]
        by_size = sorted(left, key=lambda n: -sum(map(len, everything[n])))
        sums_of = dict(
            zip(
                by_size,
                pool.map(lambda n: _write_file(folder / n, everything[n], known.get(n)), by_size),
                strict=True,
            )
        )
    sums_of |= {name: known[name] for name in written}
    sums = "".join(f"{sums_of[name]}  {name}\n" for name in sorted(sums_of))
    write_durably(folder / SUMS, sums.encode())
    os.chmod(folder, 0o755)
    sync(folder)


def _write_file(path: Path, segments: Sequence[Buffer], digest: str | None) -> str:
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
    sync(link.parent)


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
