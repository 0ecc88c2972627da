"""The dumps are assembled from the graphs' parts (publisher/release/dumps.py): what users
download is what serialising the whole dataset at once gives, and a release after a change,
made from parts and gzip members reused from the last release, is the release a full build
without any cache makes, byte for byte."""

from __future__ import annotations

import gzip
import hashlib
import random
import shutil
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from publisher.build.cache import Cache
from publisher.build.identity import PLACEHOLDER, TwoDigests
from publisher.build.pipeline import CACHE_DIR
from publisher.build.publish import build_release
from publisher.build.turtle_members import KIND
from publisher.rdf import namespaces
from publisher.release.dumps import turtle_header, turtle_runs, union_blocks, union_runs, with_id
from publisher.release.parts import GraphPart, TurtleIndex, make_part, part_with_id
from publisher.release.rdf12 import rdf12_quads
from publisher.release.union import RUN_CUT, union_turtle

from .conftest import BASE

DUMPS = ("dataset.nq", "dataset.trig", "dataset.jsonld", "dataset.ttl", "dataset-rdf12.trig")
SYNTAX = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _quads(folder: Path, name: str) -> set[ox.Quad]:
    fmt = ox.RdfFormat.TURTLE if name.endswith(".ttl") else SYNTAX[Path(name).suffix]
    return set(ox.parse(gzip.decompress((folder / (name + ".gz")).read_bytes()), format=fmt))


def _in_release_order(quads: set[ox.Quad]) -> list[ox.Quad]:
    return sorted(
        quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
    )


def test_the_dumps_are_the_whole_dataset_serialised_at_once(built_release: Path) -> None:
    """Each dump, made by concatenating parts, is byte for byte pyoxigraph's serialisation of
    every quad at once; each .gz (several gzip members) unpacks to its dump."""
    quads = _in_release_order(
        set(ox.parse(path=str(built_release / "dataset.nq"), format=ox.RdfFormat.N_QUADS))
    )
    prefixes = namespaces.prefixes(BASE)
    assert len(quads) > 10000
    whole = {
        "dataset.nq": ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
        "dataset.trig": ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes),
        "dataset.ttl": ox.serialize(
            sorted({q.triple for q in quads}, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))),
            format=ox.RdfFormat.TURTLE,
            prefixes=prefixes,
        ),
    }
    for name, data in whole.items():
        assert (built_release / name).read_bytes() == data, name
    # RDF 1.2: the same quads directed and with each affirmed claim's reifier, which are
    # read back from the dump itself.
    rdf12 = set(ox.parse(path=str(built_release / "dataset-rdf12.trig"), format=ox.RdfFormat.TRIG))
    reifiers = [q for q in rdf12 if q.predicate == ox.NamedNode(namespaces.iri("rdf:reifies"))]
    assert reifiers and len(rdf12) == len(quads) + len(reifiers)
    assert (built_release / "dataset-rdf12.trig").read_bytes() == ox.serialize(
        rdf12_quads(quads + reifiers), format=ox.RdfFormat.TRIG, prefixes=prefixes
    )
    for name in DUMPS:
        assert (
            gzip.decompress((built_release / (name + ".gz")).read_bytes())
            == (built_release / name).read_bytes()
        )


def _changed(home: Path) -> None:
    """One document's mapping changed, as a curator would (test_incremental_build.py)."""
    claims = home / "data" / "claims" / "raisi-damascus-ar-news.yaml"
    text = claims.read_text(encoding="utf-8")
    old = "note: '\"On Thursday\"; the text gives no date.'"
    assert old in text
    claims.write_text(
        text.replace(old, "note: '\"On Thursday\" (الخميس); the text gives no date.'", 1),
        encoding="utf-8",
    )


@pytest.mark.long
@pytest.mark.slow  # two builds: one from the cache, one without
def test_a_release_after_a_change_is_the_full_release(built_home: Path, tmp_path: Path) -> None:
    """After a one-document change, the release made from the cached parts of the others and
    the last release's gzip members is byte for byte, and graph for graph, the release a
    build without any cache makes of the same inputs."""
    home = tmp_path / "incremental"
    shutil.copytree(built_home, home, symlinks=True)
    before = (home / "release").resolve()
    cache = Cache(home / CACHE_DIR)
    members_before = {
        name
        for entry in (home / CACHE_DIR / KIND).iterdir()
        for name in (cache.get(KIND, entry.name) or {})
    }
    _changed(home)
    incremental = build_release(home, BASE, home / "release")
    assert incremental.name != before.name
    members_now = {
        name
        for entry in (home / CACHE_DIR / KIND).iterdir()
        for name in (cache.get(KIND, entry.name) or {})
    }
    # Most runs of the union Turtle were compressed for the last release and reused.
    assert 0 < len(members_now - members_before) < len(members_now & members_before)

    full_home = tmp_path / "full"
    shutil.copytree(home, full_home, symlinks=True)
    shutil.rmtree(full_home / ".cache")  # no cached part, no gzip member of the last release
    # Written to a folder of its own: a release folder of the same id would be reused as is.
    full = build_release(full_home, BASE, tmp_path / "full-out" / "release", cache=False, workers=1)
    assert full.name == incremental.name
    assert _files(full) == _files(incremental)
    for name in DUMPS:
        assert _quads(full, name) == _quads(incremental, name), name
    assert _quads(incremental, "dataset.nq") != _quads(before, "dataset.nq")


def test_two_digests_hash_the_shared_bytes_once_and_agree_with_sha256() -> None:
    marker, release_id = PLACEHOLDER.encode(), b"0123456789abcdef"
    drafted = [b"graph a\n", b"graph b " + marker + b" and " + marker + b"\n", b"graph c\n"]
    final = [segment.replace(marker, release_id) for segment in drafted]
    written: list[bytes] = []
    digests = TwoDigests(drafted, written.append)  # the file written as it is hashed
    assert written == drafted
    assert digests.drafted == hashlib.sha256(b"".join(drafted)).digest()
    assert digests.final(final) == hashlib.sha256(b"".join(final)).hexdigest()
    # The final file may come cut otherwise: only its bytes count.
    assert digests.final([b"".join(final)[:3], b"".join(final)[3:]]) == digests.final(final)
    # Bytes before the first placeholder that differ after all: the whole file is hashed.
    other = [b"graph A\n", *final[1:]]
    assert digests.final(other) == hashlib.sha256(b"".join(other)).hexdigest()
    written.clear()
    none = TwoDigests([b"no placeholder", b" here"], written.append)
    assert written == [b"no placeholder", b" here"]
    assert none.drafted == hashlib.sha256(b"no placeholder here").digest()
    assert (
        none.final([b"no placeholder here"]) == hashlib.sha256(b"no placeholder here").hexdigest()
    )


def test_a_changed_block_changes_only_the_run_it_is_in() -> None:
    """Runs of the union Turtle are cut where the blocks say, so a changed block leaves the
    other runs (and their cached gzip members) as they were; the runs are the file."""
    blocks = [(b"<urn:s%05d>" % n, b"<urn:s%05d> <urn:p> %d .\n" % (n, n)) for n in range(5000)]
    runs = turtle_runs(blocks, {})
    assert b"".join(runs) == b"".join(block for _, block in blocks)
    assert 5 < len(runs) < 100
    changed = list(blocks)
    changed[2500] = (blocks[2500][0], blocks[2500][1].replace(b" .", b", 0 ."))
    inserted = [*changed[:100], (b"<urn:s00099x>", b"<urn:s00099x> <urn:p> 1 .\n"), *changed[100:]]
    after = turtle_runs(inserted, {})
    assert len(set(after) - set(runs)) == 2 and len(set(runs) - set(after)) == 2


def _part(name: str, triples: list[tuple[str, str, str]], prefixes: dict[str, str]) -> GraphPart:
    graph = ox.NamedNode(name)
    quads = [ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.Literal(o), graph) for s, p, o in triples]
    quads.sort(key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))
    return make_part(name, quads, prefixes)


@pytest.mark.parametrize("seed", range(6))
def test_the_union_merged_a_span_at_a_time_is_the_union_merged_a_subject_at_a_time(
    seed: int,
) -> None:
    """dumps.union_runs (union.py: sorted by C code, a Python step per span of one part) gives
    the bytes of the per-subject reference, turtle_runs(with_id(union_blocks(...))), with or
    without the release id: subjects in several graphs (merged), graphs whose subjects
    interleave, a subject holding the placeholder (whose CRC-32, and so the runs' cuts, the id
    changes), an empty graph."""
    rng = random.Random(seed)
    prefixes = {"ex": "urn:ex:"}
    marker, release_id = PLACEHOLDER.encode(), b"0123456789abcdef"
    pool = [f"urn:ex:s{n:05d}" for n in range(3000)]
    pool += [f"urn:ex:release/{PLACEHOLDER}/q{n}" for n in range(300)]
    parts = [_part("urn:g:empty", [], prefixes)]
    for number in range(8):
        start = rng.randrange(len(pool))
        chosen = pool[start : start + rng.randrange(50, 900)] + rng.sample(pool, 40)
        triples = [
            (s, f"urn:ex:p{rng.randrange(3)}", f"value {rng.randrange(5)} {PLACEHOLDER[:seed]}")
            for s in chosen
            for _ in range(rng.randrange(1, 4))
        ]
        parts.append(_part(f"urn:g:{number}", sorted(set(triples)), prefixes))
    blocks = union_blocks(parts, prefixes)
    assert len(blocks) < sum(len(TurtleIndex.of(p).subjects) for p in parts)  # merged
    assert union_runs(parts, prefixes) == turtle_runs(blocks, prefixes)
    final = union_runs(parts, prefixes, marker, release_id)
    assert final == turtle_runs(with_id(blocks, marker, release_id), prefixes)
    assert marker not in b"".join(final)
    # As a release asks: one union, its runs with the placeholder, then with the id (reused
    # where the cuts are the same, joined again where the id moves one).
    union = union_turtle(parts, prefixes, marker)
    assert union.runs(turtle_header(prefixes)) == turtle_runs(blocks, prefixes)
    assert union.runs(turtle_header(prefixes), marker, release_id) == final
    assert union_runs(parts[:1], prefixes) == []  # no triples: no file


def test_the_union_asked_again_with_the_id_joins_again_where_the_id_moves_a_cut() -> None:
    """A subject holding the placeholder whose IRI with the id has a CRC-32 that cuts a run
    (and with the placeholder does not): the runs with the id are joined again, not reused."""
    prefixes = {"ex": "urn:ex:"}
    marker = PLACEHOLDER.encode()
    # An id for which the subject, as the index writes it (<IRI>), has a CRC-32 that cuts.
    moving = next(
        f"{n:016x}".encode()
        for n in range(1, 100_000)
        if zlib.crc32(f"<urn:ex:release/{n:016x}>".encode()) % RUN_CUT == 0
    )
    assert zlib.crc32(f"<urn:ex:release/{PLACEHOLDER}>".encode()) % RUN_CUT != 0
    subjects = [f"urn:ex:{side}{n:04d}" for side in "az" for n in range(200)]
    subjects.append(f"urn:ex:release/{PLACEHOLDER}")  # between the a's and the z's
    part = _part("urn:g:1", [(s, "urn:ex:p", "v") for s in sorted(subjects)], prefixes)
    blocks = union_blocks([part], prefixes)
    union = union_turtle([part], prefixes, marker)
    header = turtle_header(prefixes)
    drafted = union.runs(header)
    final = union.runs(header, marker, moving)
    assert drafted == turtle_runs(blocks, prefixes)
    assert final == turtle_runs(with_id(blocks, marker, moving), prefixes)
    assert len(final) != len(drafted)  # the id did move a cut


def _part_of(quads: list[ox.Quad]) -> GraphPart:
    ordered = sorted(quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))
    return make_part("urn:ex:release", ordered, namespaces.prefixes(BASE))


def test_the_release_graph_with_its_id_written_in_is_the_graph_made_with_the_id() -> None:
    """The release graph is made once, with the placeholder; the id is written into every
    section of it. That is the part made with the id, byte for byte, gzip members included;
    and when the id would move a subject before another, the part is to be made again."""
    graph = ox.NamedNode("urn:ex:release")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")

    def quads(release_id: str, other: str) -> list[ox.Quad]:
        release = ox.NamedNode(f"urn:ex:r/{release_id}")
        return [
            ox.Quad(release, label, ox.Literal(f"release {release_id}"), graph),
            ox.Quad(ox.NamedNode(f"urn:ex:r/{release_id}/report"), label, ox.Literal("r"), graph),
            ox.Quad(ox.NamedNode(f"urn:ex:r/{other}"), label, ox.Literal("an earlier one"), graph),
            ox.Quad(ox.NamedNode("urn:ex:a"), label, ox.Literal(release_id), graph),
        ]

    marker, release_id = PLACEHOLDER.encode(), "0123456789abcdef"
    drafted = _part_of(quads(PLACEHOLDER, "z"))
    written = part_with_id(drafted, marker, release_id.encode())
    assert written is not None
    assert written.sections == _part_of(quads(release_id, "z")).sections
    assert set(written.sections) == set(drafted.sections)
    # "urn:ex:r/0000..." sorts before "urn:ex:r/05", "urn:ex:r/ffff..." after it.
    assert part_with_id(_part_of(quads(PLACEHOLDER, "05")), marker, b"f" * 16) is None
    with pytest.raises(ValueError, match="same length"):
        part_with_id(drafted, marker, b"abc")
