"""tests/remote/test_same_answers.py between the embedded store and each remote store (Oxigraph
replicas behind HAProxy, Virtuoso): descriptions compared as graphs, results as multisets of
solutions, pages once blank node labels are masked, errors word for word."""

import pytest

from publisher.web import create_app
from publisher.web.current import get_store
from tests.remote.test_same_answers import *  # noqa: F403
from tests.remote.test_same_answers import _both, _dataset
from tests.stores.conftest import store_url
from tests.web.fixture_release import BASE, app_config

pytestmark = pytest.mark.stores


@pytest.fixture(scope="session")
def embedded_app(built_home):
    app = create_app(app_config(built_home, built_home / "release"))
    yield app
    app.extensions["publisher"].store.close()


@pytest.fixture(scope="session", params=["replicas", "virtuoso"])
def remote_app(request, built_home):
    url = store_url(request, request.param)
    return create_app(app_config(built_home, built_home / "release", STORE=url))


SHAPES = """PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?x WHERE { ?x a sh:NodeShape FILTER(isIRI(?x)) } ORDER BY ?x"""


def test_every_shape_is_described_the_same(embedded_app, remote_app):
    """The blank nodes of shapes reach through lists within lists (AmountShape's sh:xone holds
    an sh:or, four steps from the shape); Virtuoso answered the one query of them without some
    of these, so its descriptions are gathered step by step (describe._blank_nodes)."""
    with embedded_app.app_context():
        shapes = [row["x"].value for row in get_store().query(SHAPES).rows]
    assert len(shapes) > 40
    for iri in shapes:
        url = "/doc/" + iri[len(BASE) :]
        one, two = _both(
            embedded_app, remote_app, "get", url, headers={"Accept": "application/n-quads"}
        )
        assert one.status_code == 200, url
        assert _dataset(one) == _dataset(two), url
