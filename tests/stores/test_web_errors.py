"""tests/web/test_errors.py on every store (conftest.py: embedded, Oxigraph replicas, Virtuoso)."""

import pytest

from tests.web.test_errors import *  # noqa: F403

pytestmark = pytest.mark.stores
