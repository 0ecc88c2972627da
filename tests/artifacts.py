"""Where the page tests keep their screenshots for a person (or CI) to look at: the folder
$PUBLISHER_TEST_ARTIFACTS names (CI sets it and collects it, .ci/run), else pytest's
temporary folder of the run; never the checkout."""

from __future__ import annotations

import os
from pathlib import Path

from tests.sessionbuild import run_folder

VARIABLE = "PUBLISHER_TEST_ARTIFACTS"


def pages_folder(basetemp: Path) -> Path:
    """$PUBLISHER_TEST_ARTIFACTS/pages, else `pages-artifacts` in the run's temporary folder
    (shared by its xdist workers, so that the process that started them can name it)."""
    named = os.environ.get(VARIABLE)
    return Path(named) / "pages" if named else run_folder(basetemp) / "pages-artifacts"
