"""Small releases to break, for the reload tests: two of the hand-made fixture release under
ids of their own, `good` (served first) and `next`, in a project folder whose release link
points at `good`."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from publisher.release.files import MANIFEST, SUMS
from publisher.release.writer import versions_dir
from tests.liveserver import ROOT
from tests.web.fixture_release import BASE
from tests.web.fixture_release import write_release as write_fixture_release

GOOD, NEXT = "good", "next"


def make_home(home: Path) -> Path:
    """`home/release` -> `home/release.d/good`, with `home/release.d/next` beside it."""
    home.mkdir(parents=True)
    for release_id in (GOOD, NEXT):
        write_release(versions_dir(home / "release") / release_id, release_id)
    point(home, GOOD)
    (home / "queries").symlink_to(ROOT / "tests" / "web" / "fixtures" / "queries")
    return home


def write_release(folder: Path, release_id: str) -> Path:
    """The fixture release, with `release_id` as its id (release.json and SHA256SUMS redone)."""
    folder.mkdir(parents=True)
    write_fixture_release(folder, BASE)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest |= {"id": release_id, "release": f"{BASE}id/release/{release_id}"}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    names = sorted(p.name for p in folder.iterdir() if p.name != SUMS)
    sums = "".join(f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()}  {n}\n" for n in names)
    (folder / SUMS).write_text(sums, encoding="utf-8")
    return folder


def point(home: Path, name: str) -> None:
    """Point the release link at `release.d/<name>` (which may not exist), atomically, as
    `publisher build` does."""
    link = home / "release"
    temporary = home / ".release.switch"
    os.symlink(os.path.relpath(versions_dir(link) / name, home), temporary)
    os.replace(temporary, link)


def folder(home: Path, name: str) -> Path:
    return versions_dir(home / "release") / name


def change_in_place(path: Path) -> None:
    """One byte of the file flipped where it is: same inode, same size, other content."""
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0x01]))
