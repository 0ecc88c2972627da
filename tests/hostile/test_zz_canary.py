"""Last in the hostile suite (files run in name order): no request ever reached a canary."""

from __future__ import annotations

import contextlib
import time

import pyoxigraph

from tests.hostile.conftest import Canary


def test_the_canary_would_hear_a_fetch():
    """The control: pyoxigraph left alone does fetch a SERVICE endpoint, and a canary counts it."""
    control = Canary()
    try:
        store = pyoxigraph.Store()
        # The canary answers nothing; what counts is that it was called.
        with contextlib.suppress(OSError, SyntaxError, RuntimeError, ValueError):
            list(
                store.query(
                    f"SELECT * WHERE {{ SERVICE <{control.url('/sparql')}> {{ ?s ?p ?o }} }}"
                )
            )
        deadline = time.monotonic() + 5
        while not control.connections and time.monotonic() < deadline:
            time.sleep(0.05)
        assert control.connections
    finally:
        control.close()


def test_no_canary_was_ever_connected_to(canary, request):
    time.sleep(0.5)  # a connection just made would be counted by now
    assert canary.connections == [], canary.connections
    ran = [item for item in request.session.items if "hostile" in item.nodeid]
    assert len(ran) > 60
