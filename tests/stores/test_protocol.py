"""The W3C SPARQL 1.1 Protocol and Service Description tests (tests/conformance) on every
store: the embedded one, Oxigraph replicas behind HAProxy and Virtuoso, each holding the
conformance release alone (its own replica set, its own Virtuoso database)."""

import pytest

from tests.conformance.test_protocol import *  # noqa: F403
from tests.conformance.test_protocol import conformance_client, conformance_release
from tests.stores.conftest import needs_haproxy, needs_virtuoso
from tests.stores.servers import ReplicaSet, VirtuosoServer

pytestmark = pytest.mark.stores


@pytest.fixture(scope="module", params=["embedded", "replicas", "virtuoso"])
def client(request, tmp_path_factory):
    folder = conformance_release(tmp_path_factory.mktemp("conformance") / "release")
    if request.param == "embedded":
        return conformance_client(folder)
    if request.param == "replicas":
        needs_haproxy()
        replicas = ReplicaSet(tmp_path_factory.mktemp("conformance-replicas"), folder).start()
        request.addfinalizer(replicas.stop)
        return conformance_client(folder, replicas.query_url)
    needs_virtuoso()
    server = VirtuosoServer(tmp_path_factory.mktemp("conformance-virtuoso"), [folder.parent])
    request.addfinalizer(server.stop)
    server.start().load(folder)
    return conformance_client(folder, server.sparql_url)
