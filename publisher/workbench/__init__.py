"""The curators' workbench (`publisher curate`): a Flask app of its own, on loopback, for
reviewing, correcting and anchoring claims on the document itself. HTTP only: every write is
a call into publisher.curate, the same functions the commands call. The public server never
imports it (pyproject.toml's import contracts)."""

from publisher.workbench.app import create_app

__all__ = ["create_app"]
