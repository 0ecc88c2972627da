"""Closed word classes as the drafter compares them: folded (publisher.textlayer.arabic.fold)."""

from __future__ import annotations

from publisher.textlayer.arabic import fold


def folded(*words: str) -> frozenset[str]:
    """The words, folded, as one set."""
    return frozenset(fold(w) for w in words)
