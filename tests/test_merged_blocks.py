"""The union Turtle's merged blocks are taken from the last release's when they are made from
the same triples, and made again when not: the same bytes either way."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from publisher.build import merged_blocks
from publisher.build.cache import Cache
from publisher.build.merged_blocks import MergedBlocks
from publisher.rdf import namespaces
from publisher.rdf.terms import release_order
from publisher.release.parts import make_part
from publisher.release.union import union_turtle

BASE = "http://127.0.0.1:8080/"
PREFIXES = namespaces.prefixes(BASE)


def _part(graph: str, triples: list[tuple[str, str, str]]):
    name = BASE + "graph/" + graph
    quads = [
        ox.Quad(ox.NamedNode(BASE + s), ox.NamedNode(BASE + p), ox.Literal(o), ox.NamedNode(name))
        for s, p, o in triples
    ]
    return make_part(name, sorted(quads, key=release_order), PREFIXES)


def _parts(label: str):
    # "iran" and "hamas" are in both graphs: two merged blocks
    return [
        _part("document/a", [("iran", "p", "one"), ("hamas", "p", "two"), ("x", "p", "a")]),
        _part("document/b", [("iran", "q", label), ("hamas", "q", "four"), ("y", "p", "b")]),
    ]


def test_blocks_are_kept_for_the_next_release(tmp_path: Path, monkeypatch) -> None:
    made: list[int] = []
    real = merged_blocks.merged_block

    def counting(found, prefixes):
        made.append(len(found))
        return real(found, prefixes)

    monkeypatch.setattr(merged_blocks, "merged_block", counting)
    plain = b"".join(union_turtle(_parts("three"), PREFIXES).runs(b""))

    first = MergedBlocks(Cache(tmp_path), PREFIXES)
    assert b"".join(union_turtle(_parts("three"), PREFIXES, merge=first).runs(b"")) == plain
    assert len(made) == 2
    first.save()

    again = MergedBlocks(Cache(tmp_path), PREFIXES)
    assert b"".join(union_turtle(_parts("three"), PREFIXES, merge=again).runs(b"")) == plain
    assert len(made) == 2  # both taken from the last release
    again.save()

    changed = MergedBlocks(Cache(tmp_path), PREFIXES)
    union = b"".join(union_turtle(_parts("THREE"), PREFIXES, merge=changed).runs(b""))
    assert union == b"".join(union_turtle(_parts("THREE"), PREFIXES).runs(b""))
    assert b'"THREE"' in union and b'"three"' not in union
    assert len(made) == 2 + 1  # iran's made again, hamas's kept


def test_other_prefixes_are_another_entry(tmp_path: Path) -> None:
    blocks = MergedBlocks(Cache(tmp_path), PREFIXES)
    union_turtle(_parts("three"), PREFIXES, merge=blocks)
    blocks.save()
    assert len(MergedBlocks(Cache(tmp_path), PREFIXES).previous) == 2
    other = PREFIXES | {"ex": "http://example.org/"}
    assert not MergedBlocks(Cache(tmp_path), other).previous
