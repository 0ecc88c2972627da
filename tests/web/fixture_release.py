"""The hand-made fixture release (fixtures/), written into a project folder for the tests.

Used by the `release_dir` fixture and by the tests that need a release of their own (a damaged
one, one under another base, one for a live server).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pyoxigraph

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_BASE = "http://127.0.0.1:8080/"
BASE = "http://127.0.0.1:8080/"
RELEASE_ID = "fixture"


def make_home(home: Path, base: str = BASE) -> Path:
    """A project folder with queries/ and a release (release -> release.d/<id>/) under `base`."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURES / "queries", home / "queries", dirs_exist_ok=True)
    folder = home / "release.d" / RELEASE_ID
    folder.mkdir(parents=True)
    write_release(folder, base)
    link = home / "release"
    if link.is_symlink():
        link.unlink()
    os.symlink(os.path.relpath(folder, home), link)
    return home


def write_release(folder: Path, base: str) -> None:
    """The fixture's files rebased to `base`, the derived dumps, release.json and SHA256SUMS."""
    trig = (FIXTURES / "dataset.trig").read_text(encoding="utf-8").replace(FIXTURE_BASE, base)
    quads = list(pyoxigraph.parse(trig.encode(), format=pyoxigraph.RdfFormat.TRIG))
    fmt = pyoxigraph.RdfFormat
    files = {
        "dataset.trig": trig.encode(),
        "dataset.nq": pyoxigraph.serialize(quads, format=fmt.N_QUADS),
        "dataset.ttl": pyoxigraph.serialize(
            list(dict.fromkeys(q.triple for q in quads)), format=fmt.TURTLE
        ),
        "dataset.jsonld": pyoxigraph.serialize(quads, format=fmt.JSON_LD),
        # RDF 1.1 TriG is RDF 1.2 TriG: the fixture has no claim to reify
        "dataset-rdf12.trig": trig.encode(),
    }
    for name in ("void.ttl", "validation.ttl"):
        files[name] = (
            (FIXTURES / name).read_text(encoding="utf-8").replace(FIXTURE_BASE, base).encode()
        )
    for name in (
        "dataset.nq",
        "dataset.trig",
        "dataset.ttl",
        "dataset.jsonld",
        "dataset-rdf12.trig",
    ):
        files[name + ".gz"] = gzip.compress(files[name], mtime=0)
    counts = Counter(q.graph_name.value for q in quads)
    files["release.json"] = json.dumps(
        {
            "release": f"{base}id/release/{RELEASE_ID}",
            "id": RELEASE_ID,
            "base": base,
            "generated": "2026-11-22T00:00:00Z",
            "software": "publisher 0.1.0",
            "triples": len(quads),
            "graphs": dict(sorted(counts.items())),
        },
        indent=2,
        ensure_ascii=False,
    ).encode()
    sums = "".join(f"{hashlib.sha256(files[n]).hexdigest()}  {n}\n" for n in sorted(files))
    files["SHA256SUMS"] = sums.encode()
    for name, content in files.items():
        (folder / name).write_bytes(content)


def app_config(home: Path, release_dir: Path, **overrides: object) -> dict[str, object]:
    return {
        "TESTING": True,
        "HOME": str(home),
        "RELEASE_DIR": str(release_dir),
        "BASE_IRI": BASE,
        **overrides,
    }
