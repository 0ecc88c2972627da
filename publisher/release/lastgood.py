"""The last good release: what a server keeps serving when its link points at a release that
fails its checks.

`publisher serve` reloads in its own process and simply keeps the release it serves
(web/current.py). gunicorn reloads (HUP) by starting new worker processes, which run the app
factory afresh and know nothing of the old ones; had the factory failed there, gunicorn would
have stopped altogether. So the workers of one gunicorn server share a record (`Record`): a file
whose path deploy/gunicorn.conf.py puts in PUBLISHER_LAST_GOOD when gunicorn starts, in a
private temporary folder removed when it stops. Every worker that verifies a release writes it
down there: its folder, each file's SHA-256 and fingerprint, and the bytes of the small files
pages are made from. A worker whose link points at a release that fails its checks logs why
and serves the recorded release instead (`choose`). Without a record (the first start, or
`publisher serve`) a bad link stays an error.

A file of the recorded release changed on disk since is refused when asked for (503, see
`Release.open`); its N-Quads, which the embedded store needs, are then restored from the gzip
copy and checked against SHA256SUMS (`verified_quads`).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from publisher.errors import ReleaseError
from publisher.files import write_atomically
from publisher.release.files import gzipped
from publisher.release.reader import (
    NEEDED,
    QUADS,
    Fingerprint,
    Release,
    ReleaseFile,
    assemble,
    open_release,
)
from publisher.release.verified import Verified

RECORD_ENV = "PUBLISHER_LAST_GOOD"
_FORMAT = 1


class Record:
    """The release the workers of one server last verified (a JSON file, written atomically)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Record | None:
        """The record PUBLISHER_LAST_GOOD names, if any."""
        value = environ.get(RECORD_ENV, "")
        return cls(Path(value)) if value else None

    def write(self, release: Release) -> None:
        data = {
            "format": _FORMAT,
            "folder": str(release.folder),
            "files": {
                name: [
                    entry.sha256,
                    entry.fingerprint.size,
                    entry.fingerprint.mtime_ns,
                    entry.fingerprint.inode,
                    entry.fingerprint.device,
                ]
                for name, entry in release.files.items()
            },
            "kept": {name: base64.b64encode(data).decode() for name, data in release.kept.items()},
        }
        write_atomically(self.path, json.dumps(data).encode(), durable=False, mode=0o600)

    def read(self) -> Release | None:
        """The recorded release, as it was verified (None: nothing recorded yet)."""
        try:
            data: Any = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            raise ReleaseError(f"{self.path}: unreadable record ({error})") from None
        try:
            if data["format"] != _FORMAT:
                raise ValueError(f"format {data['format']!r}")
            folder = Path(data["folder"])
            entries = {}
            for name, (sha256, size, mtime_ns, inode, device) in data["files"].items():
                fingerprint = Fingerprint(int(size), int(mtime_ns), int(inode), int(device))
                entries[name] = ReleaseFile(name, folder / name, int(size), sha256, fingerprint)
            kept = {name: base64.b64decode(text) for name, text in data["kept"].items()}
            return assemble(folder, entries, kept)
        except (KeyError, TypeError, ValueError) as error:
            raise ReleaseError(f"{self.path}: not a record of a release ({error})") from None


def choose(
    link: Path,
    record: Record | None,
    logger: logging.Logger,
    *,
    required: Collection[str] = NEEDED,
    verified: Verified | None = None,
) -> Release:
    """The release to serve: the one `link` points at when it passes its checks (and it is
    recorded); else, when the server has verified one before (`record`), that one, with the
    refusal logged. ReleaseError when neither can be served. `verified` keeps what was
    verified for the next process (release/verified.py)."""
    last = None
    if record is not None:
        try:
            last = record.read()
        except ReleaseError as error:
            logger.error("%s; it is ignored", error)
    if last is not None and link.resolve() == last.folder and not last.changed():
        return last  # verified by this server and unchanged since: not read again
    try:
        release = open_release(link, required=required, verified=verified)
    except ReleaseError as refused:
        if last is None:
            raise
        logger.error(
            "refused the release %s points at: %s; serving the last good release %s (%s)",
            link,
            refused,
            last.name,
            last.folder,
        )
        changed = last.changed()
        if changed:
            logger.error(
                "the last good release %s changed on disk after it was verified: %s; those "
                "files are refused (503) until a new release is built and the server reloaded",
                last.name,
                describe(changed),
            )
        return last
    if record is not None:
        record.write(release)
    return release


def describe(changed: Mapping[str, str]) -> str:
    """Changed files for a message: `dataset.nq was modified, void.ttl is missing`."""
    return ", ".join(f"{name} {what}" for name, what in sorted(changed.items()))


@contextmanager
def verified_quads(release: Release) -> Iterator[Path]:
    """The path of the release's N-Quads as they were verified: the file itself while it is
    unchanged; after a change on disk, a private copy restored from the gzip copy, checked
    against the SHA-256 that SHA256SUMS gives the N-Quads (removed when the block ends)."""
    original = release.files.get(QUADS)
    if original is None:
        raise ReleaseError(f"{release.folder} has no {QUADS}")
    if QUADS not in release.changed():
        yield original.path
        return
    packed = gzipped(QUADS)
    if packed not in release.files:
        raise ReleaseError(
            f"{original.path} changed after it was verified, and there is no {packed} to "
            "restore it from"
        )
    with tempfile.TemporaryDirectory(prefix="publisher-") as folder:
        copy = Path(folder) / QUADS
        digest = hashlib.sha256()
        try:
            with (
                release.open(packed) as source,
                gzip.GzipFile(fileobj=source) as unpacked,
                open(copy, "wb") as out,
            ):
                for block in iter(lambda: unpacked.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
        except (OSError, EOFError, ReleaseError) as error:
            raise ReleaseError(
                f"{original.path} changed after it was verified, and {packed} cannot "
                f"restore it ({error})"
            ) from None
        if digest.hexdigest() != original.sha256:
            raise ReleaseError(
                f"{original.path} changed after it was verified, and {packed} does not hold "
                f"the N-Quads {original.sha256[:12]}... that were verified"
            )
        yield copy
