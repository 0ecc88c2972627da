"""The release's store on disk (publisher/store/ondisk.py): built once per release, whole or
not at all, opened read-only, with the answers of the store in memory."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from publisher.errors import ReleaseError
from publisher.store import ondisk
from publisher.store.embedded import EmbeddedStore
from publisher.store.opening import open_store

QUERIES = [
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?s ?l",
    "ASK { ?s a ?t }",
]


@pytest.fixture(scope="module")
def quads(built_release: Path) -> Path:
    return built_release / "dataset.nq"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_built_once_then_opened(quads: Path, tmp_path: Path) -> None:
    folder = ondisk.store_folder(quads, _digest(quads), tmp_path)
    assert folder == tmp_path / _digest(quads) and (folder / "CURRENT").is_file()
    files = {p.name: p.stat().st_ino for p in folder.iterdir()}
    assert ondisk.store_folder(quads, _digest(quads), tmp_path) == folder
    assert {p.name: p.stat().st_ino for p in folder.iterdir()} == files  # not built again
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", folder.name]


def test_a_folder_left_half_built_is_built_again(quads: Path, tmp_path: Path) -> None:
    half = tmp_path / _digest(quads)
    half.mkdir()
    (half / "000001.sst").write_bytes(b"interrupted")
    folder = ondisk.store_folder(quads, _digest(quads), tmp_path)
    assert (folder / "CURRENT").is_file() and not (folder / "000001.sst").exists()
    assert len(EmbeddedStore(quads, folder=folder)) > 10_000


def test_old_folders_are_pruned(quads: Path, tmp_path: Path) -> None:
    for number in range(4):
        old = tmp_path / f"{number:064x}"
        old.mkdir()
        (old / "CURRENT").write_text("MANIFEST-000001\n")
    (tmp_path / ".interrupted-build").mkdir()
    ondisk.store_folder(quads, _digest(quads), tmp_path)
    left = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    assert len(left) == ondisk.KEEP and _digest(quads) in left


def test_the_answers_are_those_of_the_store_in_memory(quads: Path, tmp_path: Path) -> None:
    config = {"EMBEDDED_STORE": "disk", "STATE_DIR": str(tmp_path), "QUERY_WORKERS": 1}
    on_disk = open_store(config, quads, _digest(quads))
    in_memory = open_store({**config, "EMBEDDED_STORE": "memory"}, quads, _digest(quads))
    assert isinstance(on_disk, EmbeddedStore) and on_disk.folder is not None
    assert isinstance(in_memory, EmbeddedStore) and in_memory.folder is None
    try:
        assert len(on_disk) == len(in_memory)
        for query in QUERIES:
            # in process and through a query worker, which opens the folder itself
            for timeout in (None, 10.0):
                disk, memory = (
                    s.query(query, timeout=timeout, row_cap=5000) for s in (on_disk, in_memory)
                )
                assert disk.kind == memory.kind
                if disk.kind == "boolean":
                    assert disk.boolean == memory.boolean is True
                else:
                    assert disk.rows == memory.rows and len(disk.rows) > 3
    finally:
        on_disk.close()
        in_memory.close()


def test_a_store_is_never_kept_under_another_files_digest(quads: Path, tmp_path: Path) -> None:
    """What was read is checked against the name: a file changed while its store was built
    (here: a digest that is not the file's) leaves no store folder behind."""
    with pytest.raises(ReleaseError, match="changed while it was read"):
        ondisk.store_folder(quads, "0" * 64, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [".lock"]
