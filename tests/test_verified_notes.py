"""The notes a server keeps of what it verified (publisher/release/verified.py) follow the
release folders that exist: a note of a folder a build has removed goes when the next note is
written, so that STATE_DIR does not grow by a note a release."""

from __future__ import annotations

import shutil
from pathlib import Path

from publisher.release.verified import Verified


def test_notes_of_removed_releases_are_forgotten_when_one_is_written(tmp_path: Path) -> None:
    notes = Verified(tmp_path / "state" / "verified")
    old, kept, new = (tmp_path / "release.d" / name for name in ("old", "kept", "new"))
    for folder in (old, kept, new):
        folder.mkdir(parents=True)
    note = {"dataset.nq": ("ab" * 32, [1, 2, 3, 4, 5])}
    with notes.held():
        notes.write(old, note)
        notes.write(kept, note)
    (notes.folder / "unreadable.json").write_text("{not json")
    shutil.rmtree(old)  # what a build's pruning does to an old release

    assert notes.read(old) == note  # nothing is removed until a note is written
    with notes.held():
        notes.write(new, note)

    assert notes.read(old) == {}
    assert notes.read(kept) == note and notes.read(new) == note
    assert sorted(p.name for p in notes.folder.glob("*.json")) == sorted(
        [notes._path(kept).name, notes._path(new).name, "unreadable.json"]
    )
