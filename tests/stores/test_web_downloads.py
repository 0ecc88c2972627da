"""tests/web/test_downloads.py on every store (conftest.py: embedded, Oxigraph replicas, Virtuoso)."""

import pytest

from tests.web.test_downloads import *  # noqa: F403

pytestmark = pytest.mark.stores
