"""`publisher reload`: make a running `publisher serve` serve the current release."""

from __future__ import annotations

import argparse
import os
import signal
from pathlib import Path

from publisher.commands._common import Subparsers
from publisher.errors import PublisherError


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "reload",
        help="make a running `publisher serve` serve the release its link points at now",
        description=(
            "Sends SIGHUP to a `publisher serve` process, which opens the release its link "
            "points at now (after `publisher build`), checks it (every file SHA256SUMS lists "
            "is a regular file of the folder with that SHA-256, and none of a release's files "
            "is missing) and switches to it without dropping a request; a release that fails "
            "its checks is refused and the current one stays. The server logs the outcome. "
            "Under gunicorn, send SIGHUP to the gunicorn master instead: with "
            "deploy/gunicorn.conf.py its new workers make the same checks and keep serving "
            "the last good release (docs/operations.md)."
        ),
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--pid-file", type=Path, help="the file given to `publisher serve --pid-file`"
    )
    which.add_argument("--pid", type=int, help="the process id of `publisher serve`")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pid = args.pid if args.pid is not None else _read_pid(args.pid_file)
    if not _is_publisher_serve(pid):
        raise PublisherError(f"process {pid} is not a running `publisher serve`")
    os.kill(pid, signal.SIGHUP)
    print(f"publisher reload: asked process {pid} to serve the current release (see its log)")
    return 0


def _read_pid(path: Path) -> int:
    try:
        return int(path.read_text(encoding="utf-8").strip())
    except OSError as error:
        raise PublisherError(
            f"{path}: cannot read ({error.strerror}); is the server running?"
        ) from None
    except ValueError:
        raise PublisherError(f"{path} does not hold a process id") from None


def _is_publisher_serve(pid: int) -> bool:
    """True for a live process whose command line is `... publisher ... serve ...`: a stale
    pid file must not make us signal some other program (SIGHUP would end most)."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"serve" in words and any(b"publisher" in word for word in words)
