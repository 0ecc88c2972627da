"""The hostile-input suite: every case against a real server, each answered with the status it
must get, nothing leaked, the server still serving and the release untouched."""

from __future__ import annotations

import pytest

from tests.hostile.cases import CASES, Case
from tests.hostile.conftest import assert_safe, release_state

CATEGORIES = {"protocol", "update", "ssrf", "heavy", "headers", "paths", "downloads", "methods"}


def test_the_suite_is_broad():
    assert len(CASES) >= 60
    assert {case.category for case in CASES} == CATEGORIES
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_request(each_server, canary, case: Case):
    server = each_server
    before = release_state(server.release)
    request = case.request.filled({"canary": canary.url()})
    answer = server.request(request.method, request.path, request.headers, request.body)
    assert_safe(server, answer, case.status, before)
    if case.check:
        case.check(answer)
