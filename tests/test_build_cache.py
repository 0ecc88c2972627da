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


def test_mapped_sections_are_views_of_the_file_and_a_new_entry_leaves_them_alone(
    tmp_path: Path,
) -> None:
    cache = Cache(tmp_path)
    sections = {"nq": b"<a> <b> <c> <g> .\n" * 1000, "empty": b"", "meta": b'["g", 1]'}
    cache.put("document", "k", sections)
    found = cache.view("document", "k", frozenset({"nq", "empty"}))
    assert found is not None and found == sections
    assert isinstance(found["nq"], memoryview) and isinstance(found["meta"], bytes)
    cache.put("document", "k", {"nq": b"other", "empty": b"", "meta": b"[]"})  # renamed over
    assert found["nq"] == sections["nq"]
    assert cache.view("document", "k", frozenset({"nq"})) == {
        "nq": b"other", "empty": b"", "meta": b"[]"}  # fmt: skip


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
    with pytest.raises(ValueError):
        read_entry(cache.path("document", "k"), frozenset({"a"}))
    assert cache.get("document", "k") is None
    assert cache.view("document", "k", frozenset({"a", "b"})) is None
