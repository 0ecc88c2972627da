"""The canaries themselves (tests/hostile/conftest.py): a fetch would be heard, and heard is a
failure. That no canary is ever reached is the `canary` fixtures' check, made after every test
that names one and once more when the session is done with them, in whatever order the tests
run."""

from __future__ import annotations

import contextlib
import socket
import time

import pyoxigraph
import pytest

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
        with pytest.raises(AssertionError, match="was connected to"):
            control.assert_untouched()
    finally:
        control.close()


def test_a_connection_that_sends_nothing_is_counted_too():
    """A connection is counted as soon as it is accepted, before anything is read from it."""
    control = Canary()
    try:
        control.assert_untouched()
        with socket.create_connection((control.host, control.port), timeout=5):
            deadline = time.monotonic() + 5
            while not control.accepted and time.monotonic() < deadline:
                time.sleep(0.02)
            with pytest.raises(AssertionError, match="was connected to"):
                control.assert_untouched()
    finally:
        control.close()
