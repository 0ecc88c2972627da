"""A new release made ready for its server in the background, once `publisher build` has
written it: its SHA-256 verified and noted (release/verified.py), its store folder built
(ondisk.py), where the server looks for both (STATE_DIR). A server started or reloaded
afterwards opens the release in a second instead of spending the first start on them (ten
seconds and more at a million triples); one started meanwhile waits for the same locks rather
than doing the work twice.

    python -m publisher.store.prepare RELEASE_LINK STATE_DIR

It runs at the lowest CPU priority, in a session of its own, so that the build returns at
once and what runs next is not slowed; it does nothing when the link has moved on to a newer
release by the time it starts, and what it could not do the server does at its start.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from publisher.errors import PublisherError
from publisher.release.reader import QUADS, WRITTEN, open_release
from publisher.release.verified import Verified
from publisher.settings import flag
from publisher.store.ondisk import store_folder

LOG = "prepare.log"


def wanted(config: Mapping[str, Any]) -> bool:
    """Whether to prepare releases for a server these settings describe: PREPARE_STORE on and
    a server that reads a store folder (the default)."""
    return (
        flag(config.get("PREPARE_STORE", True))
        and str(config.get("STORE", "embedded")) == "embedded"
        and str(config.get("EMBEDDED_STORE", "memory")) == "disk"
        and bool(config.get("STATE_DIR"))
    )


def state_dir(config: Mapping[str, Any]) -> Path:
    """STATE_DIR as the server resolves it (relative to HOME)."""
    state = Path(str(config["STATE_DIR"]))
    return state if state.is_absolute() else Path(str(config["HOME"])) / state


def start(link: Path, state: Path) -> subprocess.Popen[bytes]:
    """Prepare the release `link` points at now, in a background process; returns it."""
    state.mkdir(parents=True, exist_ok=True)
    folder = link.resolve()
    with open(state / LOG, "ab") as log:  # the child keeps its own descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "publisher.store.prepare", str(link), str(folder), str(state)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )


def prepare(link: Path, folder: Path, state: Path) -> str:
    """Verify the release `folder` and build its store folder, unless `link` points elsewhere
    by now (a newer build); what was done, for the log."""
    if link.resolve() != folder:
        return f"{folder.name}: skipped, {link} points at {link.resolve().name} now"
    release = open_release(folder, required=WRITTEN, verified=Verified(state / "verified"))
    quads = release.files[QUADS]
    built = store_folder(quads.path, quads.sha256, state / "stores")
    return f"{release.name}: verified, store folder {built.name[:12]}... ready"


def main(argv: list[str] | None = None) -> int:
    link, folder, state = (Path(arg) for arg in (argv or sys.argv[1:]))
    os.nice(19)  # the store's loader, its child, inherits it
    try:
        print(f"prepare: {prepare(link, folder, state)}", flush=True)
    except PublisherError as error:  # the server finds the same at its start and says so
        print(f"prepare: {folder.name}: {error}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
