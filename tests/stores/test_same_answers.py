"""tests/remote/test_same_answers.py between the embedded store and each remote store (Oxigraph
replicas behind HAProxy, Virtuoso): descriptions compared as graphs, results as multisets of
solutions, pages once blank node labels are masked, errors word for word."""

import pytest

from publisher.web import create_app
from tests.remote.test_same_answers import *  # noqa: F403
from tests.stores.conftest import store_url
from tests.web.fixture_release import app_config

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


# Not the same yet: with the zero-length paths of `blank_nodes` (publisher/describe/queries.py)
# spelled out for Virtuoso, a SHACL shape's description (blank nodes two steps or more away,
# through lists) holds blank nodes the embedded store does not reach (40 rows against 34 for
# ActorShape), and the labels of what they point at.
VIRTUOSO_DIFFERS = {
    "test_descriptions_are_the_same_graphs",
    "test_description_pages_in_html_are_the_same",
}


@pytest.fixture(autouse=True)
def _known_differences(request):
    callspec = getattr(request.node, "callspec", None)
    if (
        callspec is not None
        and "virtuoso" in callspec.id
        and request.node.originalname in VIRTUOSO_DIFFERS
    ):
        reason = "Virtuoso: blank nodes of SHACL shapes, two steps or more away"
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))
