"""The competency questions (tests/test_competency.py) asked through /sparql of the publisher,
on every store: the same checks against what the documents say."""

from __future__ import annotations

import pyoxigraph
import pytest

from tests.test_competency import *  # noqa: F403

pytestmark = pytest.mark.stores


class ThroughTheEndpoint:
    """What the competency tests ask of a pyoxigraph store, answered by the publisher's
    /sparql over the store of `app`."""

    def __init__(self, app) -> None:
        self.client = app.test_client()

    def query(self, text: str, **options) -> pyoxigraph.QuerySolutions:
        response = self.client.post(
            "/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"}
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        answer = pyoxigraph.parse_query_results(
            response.get_data(), format=pyoxigraph.QueryResultsFormat.JSON
        )
        assert isinstance(answer, pyoxigraph.QuerySolutions)
        return answer


@pytest.fixture(scope="session")
def release_store(app) -> ThroughTheEndpoint:
    return ThroughTheEndpoint(app)
