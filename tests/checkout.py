"""The tests never write into the checkout: what git sees (tracked changes, untracked and
ignored files) is recorded when the session starts and compared when it ends.

Ignored files count too: a build cache (HOME/.cache/build) or a release written into the
repository is ignored by git, and would go unseen by `git status` alone. Allowed: Python's
bytecode, the caches of pytest and the linters, the virtual environment and node_modules, the
package's egg-info, and test-artifacts/ (the screenshots and reports the page and external
tests leave on purpose).
An ignored path that was already there is compared by its files' sizes and times, so a test
writing into an ignored folder that already existed (a .cache/ left by `make build`) is caught
as well; files that were already modified or untracked are left to whoever is editing them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ALLOWED = (
    *("__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".import_linter_cache"),
    *(".venv", "node_modules", "test-artifacts"),
)
ALLOWED_SUFFIXES = (".egg-info", ".pyc")


def allowed(path: str) -> bool:
    parts = Path(path.rstrip("/")).parts
    return any(part in ALLOWED for part in parts) or parts[-1].endswith(ALLOWED_SUFFIXES)


def snapshot(root: Path) -> dict[str, tuple] | None:
    """Every path git reports as changed, untracked or ignored, with a fingerprint of its
    files; None when `root` is not a git checkout (a source archive) or git is missing."""
    try:
        listed = subprocess.run(
            ["git", "status", "--porcelain=v1", "-z", "--ignored", "--untracked-files=normal"],
            cwd=root, capture_output=True, check=True, timeout=60,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    found = {}
    entries = iter(listed.decode("utf-8", "surrogateescape").split("\0"))
    for entry in entries:
        if not entry:
            continue
        status, path = entry[:2], entry[3:]
        if status[0] in "RC":
            next(entries, None)  # a rename names its source next
        if not allowed(path):
            found[path] = (status, _fingerprint(root / path) if status == "!!" else ())
    return found


def _fingerprint(path: Path) -> tuple:
    """Sizes and modification times of a file, or of every file under a folder."""
    if path.is_symlink() or not path.is_dir():
        try:
            info = path.lstat()
        except OSError:
            return ()
        return ((path.name, info.st_size, info.st_mtime_ns),)
    files = []
    for folder, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if d not in ALLOWED]
        for name in names:
            try:
                info = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            files.append((os.path.join(folder, name), info.st_size, info.st_mtime_ns))
    return tuple(sorted(files))


def changes(before: dict[str, tuple], after: dict[str, tuple]) -> list[str]:
    """What the session changed in the checkout, one line a path."""
    lines = []
    for path in sorted(after.keys() | before.keys()):
        if path not in before:
            lines.append(f"new: {path}")
        elif path not in after:
            lines.append(f"gone: {path}")
        elif before[path] != after[path]:
            lines.append(f"changed: {path}")
    return lines
