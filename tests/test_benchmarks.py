"""The benchmark code keeps working: the generator is deterministic and its corpus is one the
real build accepts and the shapes validate, and a small run of the harness measures every
system side by side. The full run is `make bench`; timed targets are never asserted here."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import yaml
from pyoxigraph import RdfFormat, Store

from benchmarks import report, run
from benchmarks.corpus import generate
from publisher.build.publish import build_release
from publisher.web.examples import render

from .conftest import BASE, ROOT


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_generator_is_deterministic_from_its_seed(tmp_path: Path) -> None:
    generate(tmp_path / "a", 3, seed=7)
    generate(tmp_path / "b", 3, seed=7)
    generate(tmp_path / "c", 3, seed=8)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_generated_documents_have_anchored_claims_checksums_and_both_languages(
    tmp_path: Path,
) -> None:
    home = tmp_path / "corpus"
    written = generate(home, 12, seed=3)
    listing = yaml.safe_load((home / "data" / "documents.yaml").read_text(encoding="utf-8"))
    generated = [d for d in listing["documents"] if d["id"].startswith("synthetic-")]
    assert len(generated) == 12 and {d["language"] for d in generated} == {"ar", "en"}
    claims = memberships = 0
    for entry in generated:
        raw = (home / "data" / entry["file"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == entry["sha256"]
        text = raw.decode("utf-8")
        mapping = yaml.safe_load(
            (home / "data" / "claims" / f"{entry['id']}.yaml").read_text(encoding="utf-8")
        )
        for claim in mapping["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["quote"], claim["id"]
            claims += 1
            memberships += claim["relation"] == "membership"
    assert claims == written.claims > 0
    actors = yaml.safe_load((home / "data" / "actors.yaml").read_text(encoding="utf-8"))
    assert all(a["name"]["en"] and a["name"]["ar"] for a in actors["actors"])
    # Positions the generated text states are membership claims, anchored like the others.
    assert memberships > 0
    # The repository's corpus is kept whole, so every competency query has its answers.
    for path in (ROOT / "data" / "documents").iterdir():
        assert (home / "data" / "documents" / path.name).read_bytes() == path.read_bytes()


@pytest.fixture(scope="module")
def generated_release(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("generated") / "corpus"
    generate(home, 4, seed=11)
    build_release(home, BASE, home / "release")
    return home


@pytest.mark.long
@pytest.mark.slow  # builds a generated corpus
def test_the_generated_corpus_builds_and_passes_the_shapes(generated_release: Path) -> None:
    folder = (generated_release / "release").resolve()
    manifest = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    assert manifest["documents"] == 5 + 4
    assert "sh:conforms true" in (folder / "validation.ttl").read_text(encoding="utf-8")
    store = Store()
    store.bulk_load(path=str(folder / "dataset.nq"), format=RdfFormat.N_QUADS)
    ask = """ASK { GRAPH ?g { ?claim a <%sdef/Claim> ; <%sdef/statedIn> ?document .
                  FILTER (STRSTARTS(STR(?document), "%sid/document/synthetic-")) } }"""
    assert store.query(ask % (BASE, BASE, BASE), use_default_graph_as_union=True)
    propositions = render(
        (ROOT / "queries" / "03-multi-document-propositions.rq").read_text(encoding="utf-8"), BASE
    )
    rows = list(store.query(propositions, use_default_graph_as_union=True))
    assert any(
        str(row["proposition"].value).endswith(("synthetic-proposition-1", "iran-funds-hamas"))
        for row in rows
    )


@pytest.mark.long
@pytest.mark.live  # the harness starts the publisher under gunicorn...
@pytest.mark.remote  # ...and an oxigraph server (benchmarks/servers.py)
def test_a_small_run_measures_every_system_side_by_side(
    generated_release: Path, tmp_path: Path, monkeypatch
) -> None:
    # The harness generates its own corpus; reuse the one built above, so that only the
    # measurements run here.
    def reuse(home: Path, documents: int, seed: int):
        shutil.copytree(generated_release, home, symlinks=True)
        from benchmarks.corpus import Written

        return Written(documents, 0, 0)

    monkeypatch.setattr(run, "generate", reuse)
    out = tmp_path / "results"
    assert (
        run.main(
            [
                "--sizes",
                "4",
                "--quick",
                "--work",
                str(tmp_path / "work"),
                "--out",
                str(out),
                "--queries",
                "08,10",
                "--count",
                "3",
                "--budget",
                "5",
                "--slow-count",
                "1",
                "--slow-budget",
                "5",
                "--slow-timeout",
                "20",
                "--seconds",
                "1",
                "--connections",
                "2",
                "--server-workers",
                "1",
            ]
        )
        == 0
    )
    results = json.loads((out / "quick.json").read_text(encoding="utf-8"))
    size = results["sizes"][0]
    assert size["triples"] > 16_000 and size["documents"] == 9
    assert size["rebuild_one_document"]["release"] != size["build"]["release"]
    assert size["rebuild_unchanged"]["release"] == size["build"]["release"]
    assert size["build"]["peak_rss"] > 0 and size["release_bytes"] > 0
    assert size["host_speed"]["before"] > 0 and size["host_speed"]["after"] > 0
    assert "this machine hashed 256 MB in" in report.targets(results)
    systems = size["systems"]
    assert set(systems) == {
        "publisher",
        "publisher-remote",
        "oxigraph",
        "oxigraph-disk",
        "rdflib-endpoint",
        "rdflib",
    }
    for name in ("08-roles", "10-actor-mentions"):
        answers = {s: systems[s]["queries"][name]["rows"] for s in systems}
        assert len(set(answers.values())) == 1 and answers["publisher"] > 0, answers
        assert systems["publisher"]["queries"][name]["p50"] > 0
    deref = systems["publisher"]["dereference"]["popular"]
    assert deref["redirect_status"] == 303 and deref["status"] == 200
    assert systems["publisher"]["throughput"]["dereference-popular"]["requests"] > 0
    assert systems["oxigraph"]["throughput"]["sparql-08-roles"]["requests"] > 0
    assert systems["oxigraph"]["describe"]["popular"]["status"] == 200
    # The same engine reading the store folder the publisher's preparation built.
    assert systems["oxigraph-disk"]["describe"]["popular"]["status"] == 200
    assert systems["publisher"]["memory_peak"]["pss"] > 0
    remote = systems["publisher-remote"]
    assert (
        remote["memory_peak_store"]["pss"] > 0 and remote["dereference"]["popular"]["status"] == 200
    )
    # Each query also sent straight to the shared store's own server, in turn with the
    # publisher: the same rows both ways, and the targets table compares with that pair.
    for name, straight in remote["store_queries"].items():
        assert straight["rows"] == remote["queries"][name]["rows"] and straight["p50"] > 0
        assert straight["n"] == remote["queries"][name]["n"]
    assert "requests in turn with its own Oxigraph server" in report.targets(results)
    assert systems["publisher"]["dereference_first_request"]["n"] > 0
    assert (out / "quick-scaling.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "publisher ÷ oxigraph" in (out / "quick-tables.md").read_text(encoding="utf-8")
    targets = report.targets(results)
    assert "full build with validation < 60 s" in targets and "| met |" in targets
    assert "about ten million triples measured" in targets
    assert "(not a target) `/sparql` p50 against an Oxigraph server reading" in targets

    # Measuring one system again keeps the others' numbers and reuses the release.
    assert (
        run.main(
            [
                "--sizes",
                "4",
                "--quick",
                "--work",
                str(tmp_path / "work"),
                "--out",
                str(out),
                "--queries",
                "08",
                "--count",
                "2",
                "--budget",
                "5",
                "--seconds",
                "1",
                "--connections",
                "2",
                "--systems",
                "oxigraph",
                "--append",
                "--no-plot",
            ]
        )
        == 0
    )
    again = json.loads((out / "quick.json").read_text(encoding="utf-8"))["sizes"]
    assert len(again) == 1 and again[0]["build"] == size["build"]
    assert again[0]["systems"]["publisher"] == systems["publisher"]
    assert set(again[0]["systems"]["oxigraph"]["queries"]) == {"08-roles"}


@pytest.mark.long
@pytest.mark.live  # gunicorn twice: the floor and the publisher...
@pytest.mark.remote  # ...in front of an oxigraph server (benchmarks/floor.py)
def test_the_floor_of_a_python_front_answers_as_the_store_and_is_measured(
    generated_release: Path, capsys
) -> None:
    from benchmarks import floor

    assert floor.main(["--home", str(generated_release), "--queries", "10", "--count", "3"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| 10-")]
    assert len(rows) == 1
    cells = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert cells[0] == "10-actor-mentions"
    assert all(float(cell.removesuffix(" ms")) > 0 for cell in cells[1:4])


@pytest.mark.bench
@pytest.mark.live
@pytest.mark.remote
def test_the_full_harness_at_a_hundred_documents(tmp_path: Path) -> None:
    """`pytest -m bench`: the whole harness, every query, at a hundred generated documents."""
    out = tmp_path / "results"
    assert (
        run.main(["--sizes", "100", "--quick", "--work", str(tmp_path / "work"), "--out", str(out)])
        == 0
    )
    size = json.loads((out / "quick.json").read_text(encoding="utf-8"))["sizes"][0]
    for name, found in size["systems"]["publisher"]["queries"].items():
        assert (
            found["status"] == 200
            and found["rows"] == size["systems"]["oxigraph"]["queries"][name]["rows"]
        )
