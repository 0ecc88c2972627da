"""`publisher build` as the program runs it (`python -m publisher`, publisher.cli.program): it
ends without Python's teardown after a build, so what it printed must be flushed first."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(built_home: Path, tmp_path: Path) -> Path:
    """A private copy of the session's built project (release and build cache included)."""
    target = tmp_path / "project"
    shutil.copytree(built_home, target, symlinks=True)
    return target


@pytest.mark.slow  # a build (from the cache)
def test_the_program_says_what_it_built_before_it_ends(project: Path) -> None:
    for buffered in ("", "1"):  # PYTHONUNBUFFERED unset, then set: printed at once or not
        done = subprocess.run(
            [sys.executable, "-m", "publisher", "build", "--home", str(project)],
            env={
                **os.environ,
                "PYTHONPATH": str(ROOT),
                "PUBLISHER_PREPARE_STORE": "0",
                "PYTHONUNBUFFERED": buffered,
            },
            cwd=project,
            capture_output=True,
            check=False,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr.decode()
        release = (project / "release").resolve().name
        assert f"release {release}: ".encode() in done.stdout, done.stdout
        assert b"validated" in done.stdout
