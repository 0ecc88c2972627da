"""Configurations that must not run in public: debug mode is refused outright."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from publisher.errors import PublisherError
from publisher.web import create_app
from tests.liveserver import ROOT


def test_debug_mode_is_refused(built_home):
    config = {"HOME": str(built_home), "RELEASE_DIR": str(built_home / "release"), "DEBUG": True}
    with pytest.raises(PublisherError, match="debug mode"):
        create_app(config)


@pytest.mark.live  # `publisher serve` as a process (which must refuse to start)
def test_flask_debug_in_the_environment_is_refused(built_home):
    result = subprocess.run(
        [sys.executable, "-m", "publisher", "serve", "--home", str(built_home), "--port", "9"],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "FLASK_DEBUG": "1"},
    )
    assert result.returncode != 0
    assert "refuses to run in debug mode" in result.stderr and "Traceback" not in result.stderr
