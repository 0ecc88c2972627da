"""Entries of the build's cache read back whole, and a damaged one is never taken as whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.build.cache import Cache, pack, read_entry


def test_an_entry_reads_back_as_it_was_put(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    sections = {"nq": b"<a> <b> <c> <g> .\n" * 1000, "empty": b"", "ttl": "لبنان".encode()}
    cache.put("document", "k", sections)
    assert cache.get("document", "k") == sections
    assert read_entry(cache.path("document", "k")) == sections


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[:-1], lambda data: data + b"x", lambda data: data[: data.index(b"\n")]],
    ids=["shorter", "longer", "header only"],
)
def test_a_damaged_entry_is_not_read(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    cache = Cache(tmp_path)
    (tmp_path / "document").mkdir()
    cache.path("document", "k").write_bytes(damage(pack({"a": b"12345", "b": b"678"})))
    with pytest.raises(ValueError):
        read_entry(cache.path("document", "k"))
    assert cache.get("document", "k") is None
