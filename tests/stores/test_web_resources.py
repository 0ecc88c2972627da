"""tests/web/test_resources.py on every store (conftest.py: embedded, Oxigraph replicas, Virtuoso)."""

import pytest

from tests.web.test_resources import *  # noqa: F403

pytestmark = pytest.mark.stores
