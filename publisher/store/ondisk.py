"""The release's store on disk: built once per release, opened read-only by every process.

Each server process that loads the release into memory holds a copy of it (and its query
workers turn much of that copy into private pages as they read it, see benchmarks/README.md).
A RocksDB store folder opened read-only is instead read through the operating system's page
cache, which every process shares: the first process to need it builds it from the verified
N-Quads, the others wait for it and open it.

The folder is named by the SHA-256 of the N-Quads (which SHA256SUMS gives and the server has
verified), is built under a temporary name and renamed once complete, so that a folder with
the final name is always whole. A lock file makes one process build it while the others wait.
Folders of earlier releases are removed past the last few, which old workers may still read
during a reload.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph

from publisher.errors import ReleaseError

KEEP = 3  # store folders kept: the release served, and the ones old workers may still read


def store_folder(source: Path, digest: str, root: Path) -> Path:
    """The store folder of the N-Quads at `source`, whose SHA-256 is `digest`, under `root`:
    built now unless it already is (or another process is building it: then waited for)."""
    folder = root / digest
    if (folder / "CURRENT").is_file():
        os.utime(folder)  # the folder's time says when a server last used it (see _prune)
        return folder
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "CURRENT").is_file():
            _build(source, folder)
            _prune(root, keep=folder)
    return folder


def _build(source: Path, folder: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        failure = _in_child(source, work)
        if failure is None and _sha256(source) != folder.name:
            # changed while it was read: the store must never hold other data than its name says
            failure = "the file changed while it was read"
        if failure is not None:
            raise ReleaseError(f"{source}: cannot build its store in {folder} ({failure})")
        shutil.rmtree(folder, ignore_errors=True)  # a folder left without CURRENT is not whole
        os.rename(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


# The bulk load runs in a fresh interpreter: its memory goes back to the system with it instead
# of staying in the server's heap, and a fork of a server process that has RocksDB threads
# could deadlock in the child. The folder is compacted once loaded (`optimize`): at a million
# triples that takes 6 s, once per release, and the competency queries then run 1.1 to 1.8
# times faster on it (benchmarks/README.md).
_LOADER = (
    "import sys, pyoxigraph; store = pyoxigraph.Store(sys.argv[1]); "
    "store.bulk_load(path=sys.argv[2], format=pyoxigraph.RdfFormat.N_QUADS); store.flush(); "
    "store.optimize()"
)


def _in_child(source: Path, work: Path) -> str | None:
    """Load `source` into a new store at `work` in another process; its error, if any."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADER, str(work), str(source)],
        capture_output=True,
        check=False,
    )
    if done.returncode == 0:
        return None
    said = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return said[-1] if said else f"the loader ended with status {done.returncode}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _prune(root: Path, keep: Path) -> None:
    """Remove all but the KEEP store folders used last (and work folders left by a crash)."""
    folders = [p for p in root.iterdir() if p.is_dir() and p != keep]
    kept = sorted(
        (p for p in folders if not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )[: KEEP - 1]
    for old in folders:
        if old in kept:
            continue
        with contextlib.suppress(OSError):
            shutil.rmtree(old)


def open_read_only(folder: Path) -> pyoxigraph.Store:
    try:
        return pyoxigraph.Store.read_only(str(folder))
    except OSError as error:
        raise ReleaseError(f"{folder}: cannot open the store ({error})") from None
