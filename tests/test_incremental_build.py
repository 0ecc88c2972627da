"""The build in units (publisher/incremental): the same release whatever the cache and the
workers, only what changed is rebuilt, and validating unit by unit reports exactly what one
pySHACL run over the whole graph reports, faults included."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from publisher.build.cache import Cache
from publisher.build.identity import PLACEHOLDER, content_identity
from publisher.build.pipeline import CACHE_DIR, build_graph
from publisher.build.publish import build_release
from publisher.build.validating import graph_of, unit_results
from publisher.rdf.iris import Minter
from publisher.rdf.namespaces import OA
from publisher.rdf.terms import sorted_quads, triples_of
from publisher.release.parts import GraphPart, make_part
from publisher.validate.engines import PYSHACL
from publisher.validate.report import read_report
from publisher.validate.shacl import validate
from publisher.validate.units import merged_report

from .conftest import BASE, ROOT

PREFIX_TABLE = "rdf/namespaces.py"  # the module that holds the prefixes of TriG and Turtle

MINT = Minter(BASE)
SUP = MINT.sup


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def cached_home(built_home: Path, tmp_path_factory) -> Path:
    """A copy of the session's built project with its build cache (HOME/.cache/build)."""
    home = tmp_path_factory.mktemp("cached") / "project"
    shutil.copytree(built_home, home, symlinks=True)
    return home


def _copy(home: Path, target: Path) -> Path:
    shutil.copytree(home, target, symlinks=True)
    return target


@pytest.mark.long
@pytest.mark.slow  # whole builds, one without a cache
def test_same_release_with_or_without_cache_and_workers(cached_home: Path, tmp_path: Path) -> None:
    project = _copy(cached_home, tmp_path / "project")
    shutil.rmtree(project / CACHE_DIR)
    single = build_release(project, BASE, tmp_path / "single", workers=1, cache=False)
    assert not (project / CACHE_DIR).exists()
    cached = build_release(cached_home, BASE, tmp_path / "cached", workers=2)
    assert _files(single) == _files(cached) == _files((cached_home / "release").resolve())


@pytest.mark.slow  # builds the release again (from the cache)
def test_a_changed_document_rebuilds_only_its_graph(cached_home: Path, tmp_path: Path) -> None:
    project = _copy(cached_home, tmp_path / "project")
    entries = {p.name for p in (project / CACHE_DIR / "document").iterdir()}
    validated = {p.name for p in (project / CACHE_DIR / "validation").iterdir()}
    direct = {p.name for p in (project / CACHE_DIR / "direct").iterdir()}
    parsed = {p.name for p in (project / CACHE_DIR / "parsed").iterdir()}
    claims = project / "data" / "claims" / "raisi-damascus-ar-news.yaml"
    claims.write_text(
        # (a claim's note: hedging it would need a hedge word in its quote, see build/cues.py)
        claims.read_text(encoding="utf-8").replace(
            "note: '\"On Thursday\"; the text gives no date.'",
            "note: '\"On Thursday\" (الخميس); the text gives no date.'",
            1,
        ),
        encoding="utf-8",
    )
    built = build_graph(project, BASE)
    now = {p.name for p in (project / CACHE_DIR / "document").iterdir()}
    assert len(now - entries) == 1 and len(entries - now) == 1  # one graph rebuilt, one pruned
    # That document's results, and the release metadata's (it lists the inputs' sha256).
    assert len({p.name for p in (project / CACHE_DIR / "validation").iterdir()} - validated) == 2
    # A note changes no direct triple: that graph is the one kept; of the data files, only
    # the edited one is parsed again.
    assert {p.name for p in (project / CACHE_DIR / "direct").iterdir()} == direct
    parsed_now = {p.name for p in (project / CACHE_DIR / "parsed").iterdir()}
    assert len(parsed_now - parsed) == 1 and len(parsed - parsed_now) == 1
    claim = URIRef(BASE + "id/claim/rdm-raisi-meets-factions")
    graph = Graph()
    for part in built.parts:
        if part.graph.endswith("raisi-damascus-ar-news"):
            graph += list(triples_of(part.nquads))
    assert graph.value(claim, RDFS.comment) == Literal(
        '"On Thursday" (الخميس); the text gives no date.', lang="en"
    )
    assert built.validation.conforms


@pytest.mark.slow  # builds the graph again (from the cache)
def test_a_claim_whose_triple_changes_changes_the_direct_graph(
    cached_home: Path, tmp_path: Path
) -> None:
    """The direct graph is cached under what its statements are made of, not the statements
    (made only on a miss): a claim given another object is another entry and another triple."""
    project = _copy(cached_home, tmp_path / "project")
    direct = {p.name for p in (project / CACHE_DIR / "direct").iterdir()}
    claims = project / "data" / "claims" / "raisi-damascus-ar-news.yaml"
    text = claims.read_text(encoding="utf-8")
    old = "subject: khaled-abdel-majid\n    relation: meeting\n    object: ebrahim-raisi"
    assert old in text
    claims.write_text(text.replace(old, old.replace("ebrahim-raisi", "hamas")), encoding="utf-8")
    built = build_graph(project, BASE)
    assert {p.name for p in (project / CACHE_DIR / "direct").iterdir()} != direct
    (part,) = [p for p in built.parts if p.graph == BASE + "graph/direct"]
    triples = set(triples_of(part.nquads))
    meeting = URIRef(BASE + "def/direct/meeting")
    majid = URIRef(BASE + "id/actor/khaled-abdel-majid")
    assert (majid, meeting, URIRef(BASE + "id/actor/hamas")) in triples
    assert (majid, meeting, URIRef(BASE + "id/actor/ebrahim-raisi")) not in triples


def _mutated(part: GraphPart, change) -> GraphPart:
    graph = Graph()
    for triple in triples_of(part.nquads):
        graph.add(triple)
    change(graph)
    new = make_part(part.graph, sorted_quads(graph, part.graph), {})
    if "exports" in part.sections:
        new.sections["exports"] = part.sections["exports"]
    return new


def _faults(built) -> list[GraphPart]:
    """One fault of each kind the units must see: in a document, across documents (via the
    reference graph), in the reference data and the ontology, in the release metadata."""
    by_name = {part.graph: part for part in built.parts}
    raisi = by_name[BASE + "graph/document/raisi-damascus-ar-news"]
    wiki = by_name[BASE + "graph/document/iran-hamas-relations-ar-wikipedia"]
    claim = URIRef(BASE + "id/claim/rdm-raisi-meets-factions")

    def in_raisi(graph: Graph) -> None:
        graph.remove((claim, SUP.subject, None))  # minCount
        graph.set((claim, SUP.polarity, URIRef(BASE + "def/polarity/maybe")))  # sh:in
        evidence = graph.value(claim, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
        quote = next(
            s
            for s in graph.objects(evidence, OA.hasSelector)
            if (s, RDF.type, OA.TextQuoteSelector) in graph
        )
        graph.set((quote, OA.exact, Literal("not the text", lang="ar")))  # SPARQL target

    def in_wiki(graph: Graph) -> None:
        span = next(s for s in graph.subjects(RDF.type, SUP.Sentence))
        graph.set(
            (
                span,
                URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"),
                Literal("wrong"),
            )
        )

    def in_reference(graph: Graph) -> None:
        graph.remove((URIRef(BASE + "id/actor/qatar"), RDFS.label, None))
        conflict = next(graph.subjects(RDF.type, SUP.Conflict))
        graph.add(
            (conflict, SUP.conflictingClaim, URIRef(BASE + "id/document/raisi-damascus-ar-news"))
        )
        # a claim of one document said to conflict with something that is not a claim
        graph.add(
            (
                URIRef(BASE + "id/claim/ihr-state-dept-100m"),
                SUP.conflictsWith,
                URIRef(BASE + "id/actor/iran"),
            )
        )

    def in_ontology(graph: Graph) -> None:
        graph.remove(
            (
                URIRef(BASE + "def/relation/meeting"),
                URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
                None,
            )
        )

    def in_release(graph: Graph) -> None:
        node = next(s for s in graph.subjects(SUP.sha256, None) if "/id/input/" in str(s))
        graph.set((node, SUP.sha256, Literal("not a digest")))

    changes = {
        raisi.graph: in_raisi,
        wiki.graph: in_wiki,
        BASE + "graph/reference": in_reference,
        BASE + "graph/ontology": in_ontology,
        BASE + "graph/release": in_release,
    }
    return [_mutated(p, changes[p.graph]) if p.graph in changes else p for p in built.parts]


def _key(finding) -> tuple:
    return (finding.focus, finding.path, finding.message, finding.shape, finding.severity)


@pytest.mark.long
@pytest.mark.slow  # pySHACL validates the whole graph in one run
def test_units_report_what_one_whole_graph_run_reports(cached_home: Path, tmp_path: Path) -> None:
    """The build's units on the build's engine (pyshacl-turbo) against one run of the
    reference engine (pySHACL) over the whole graph."""
    built = build_graph(cached_home, BASE)
    parts = {p.graph.rsplit("graph/", 1)[1]: p for p in _faults(built)}
    shapes = graph_of(triples_of(parts.pop("shapes").nquads))
    whole = Graph()
    for part in parts.values():
        whole += list(triples_of(part.nquads))
    expected = validate(whole, shapes, engine=PYSHACL)

    store = Cache(tmp_path / "cache")
    results = unit_results(
        {name: p for name, p in parts.items() if name.startswith("document/")},
        parts["ontology"],
        next(p for p in built.parts if p.graph.endswith("/shapes")),
        parts["reference"],
        parts["release"],
        mint=MINT,
        store=store,
        software="test",
        workers=2,
    )
    found = read_report(merged_report(results.encoded))
    assert not expected.conforms and not found.conforms
    assert {_key(f) for f in found.findings} == {_key(f) for f in expected.findings}
    focus = {f.focus for f in found.findings}
    for node in (
        "id/claim/rdm-raisi-meets-factions",
        "id/actor/qatar",
        "def/relation/meeting",
        "id/claim/ihr-state-dept-100m",
    ):
        assert BASE + node in focus
    assert any("/id/input/" in f for f in focus) and any("/id/conflict/" in f for f in focus)
    assert any("/id/text/iran-hamas-relations-ar-wikipedia/" in f for f in focus)


@pytest.mark.slow  # builds the release again (from the cache)
def test_a_damaged_cache_entry_is_rebuilt(cached_home: Path, tmp_path: Path) -> None:
    project = _copy(cached_home, tmp_path / "project")
    for entry in (project / CACHE_DIR / "document").iterdir():
        entry.write_bytes(b"not an entry")
        break
    for entry in sorted((project / CACHE_DIR / "validation").iterdir())[:1]:
        entry.write_bytes(b"[]\ntruncated")
    again = build_release(project, BASE, tmp_path / "again")
    assert _files(again) == _files((cached_home / "release").resolve())


def test_release_id_is_a_digest_of_its_content(built_release: Path) -> None:
    """The id written into the release is the digest of its files made with the placeholder:
    same output, same id, whatever code made it."""
    release_id = built_release.name
    drafted = {
        name: data.replace(release_id.encode(), PLACEHOLDER.encode())
        for name, data in _files(built_release).items()
        if name.startswith(("dataset", "void.", "validation.", "release."))
    }
    assert content_identity(drafted) == release_id
    assert json.loads(drafted["release.json"])["id"] == PLACEHOLDER


@pytest.mark.long
@pytest.mark.slow  # a whole build, in a process of its own
def test_changing_the_prefix_table_changes_the_cache_keys_and_the_release_id(
    cached_home: Path, tmp_path: Path
) -> None:
    """A prefix shapes every TriG and Turtle file: a copy of the package with one more prefix
    must not reuse the cached parts (their keys cover all the build's code) and makes another
    release, with another id."""
    package = tmp_path / "code" / "publisher"
    shutil.copytree(ROOT / "publisher", package, ignore=shutil.ignore_patterns("__pycache__"))
    table = package / PREFIX_TABLE
    source = table.read_text(encoding="utf-8")
    assert '"schema": "http://schema.org/",' in source
    table.write_text(
        source.replace(
            '"schema": "http://schema.org/",',
            '"schema": "http://schema.org/",\n        "sdo": "https://schema.org/",',
        ),
        encoding="utf-8",
    )
    project = _copy(cached_home, tmp_path / "project")
    before = (project / "release").resolve()
    cached = {p.name for p in (project / CACHE_DIR / "document").iterdir()}
    subprocess.run(
        [sys.executable, "-m", "publisher", "build", "--home", str(project), "--base", BASE],
        check=True,
        env={**os.environ, "PYTHONPATH": str(package.parent)},
        capture_output=True,
        cwd=tmp_path,  # not the checkout, whose package would come first on the path
    )
    after = (project / "release").resolve()
    assert not cached & {p.name for p in (project / CACHE_DIR / "document").iterdir()}
    assert after.name != before.name
    changed = {n for n, data in _files(after).items() if _files(before).get(n) != data}
    assert {"dataset.trig", "dataset.ttl"} <= changed
    assert b"@prefix sdo: <https://schema.org/>" in (after / "dataset.trig").read_bytes()
