"""tests/web/test_sparql.py on every store (conftest.py: embedded, Oxigraph replicas, Virtuoso)."""

import pytest

from tests.web.test_sparql import *  # noqa: F403

pytestmark = pytest.mark.stores
