"""The release: its files, its evidence, its provenance, and that it is reproducible."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, VOID, XSD

from publisher.build.publish import build_release
from publisher.cli import main
from publisher.release.reader import verify_checksums

ROOT = Path(__file__).resolve().parent.parent
B = "http://127.0.0.1:8080/"
FILES = {
    "dataset.trig",
    "dataset.nq",
    "dataset.ttl",
    "dataset.jsonld",
    "void.ttl",
    "validation.ttl",
    "SHA256SUMS",
}


def rows(store, query: str):
    return list(store.query(query, use_default_graph_as_union=True))


def test_release_has_every_file_and_checksums_match(built_release: Path) -> None:
    names = {p.name for p in built_release.iterdir()}
    assert names >= FILES
    assert verify_checksums(built_release) == []
    listed = {
        line.split("  ", 1)[1] for line in (built_release / "SHA256SUMS").read_text().splitlines()
    }
    assert listed == names - {"SHA256SUMS"}


@pytest.mark.long
@pytest.mark.slow  # rdflib parses every dump of the release
def test_formats_hold_the_same_graph(built_release: Path) -> None:
    nq = Dataset()
    nq.parse(built_release / "dataset.nq", format="nquads")
    trig = Dataset()
    trig.parse(built_release / "dataset.trig", format="trig")
    assert len(nq) == len(trig) > 10000
    jsonld = Dataset()
    jsonld.parse(built_release / "dataset.jsonld", format="json-ld")
    assert len(jsonld) == len(nq)
    merged = Graph().parse(built_release / "dataset.ttl", format="turtle")
    union = Graph()
    for graph in nq.graphs():
        union += graph
    assert isomorphic(merged, union)


def test_one_named_graph_per_document_and_the_others(release_store) -> None:
    graphs = {str(g.value) for g in release_store.named_graphs()}
    documents = {
        str(r["d"].value)
        for r in rows(release_store, f"SELECT ?d WHERE {{ ?d a <{B}def/Document> }}")
    }
    assert len(documents) == 5
    for document in documents:
        assert document.replace("/id/document/", "/graph/document/") in graphs
    assert {
        B + "graph/ontology",
        B + "graph/reference",
        B + "graph/release",
        B + "graph/shapes",
    } <= graphs


def test_every_evidence_span_matches_the_published_text(release_store) -> None:
    query = f"""
    PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
    SELECT ?claim ?exact ?start ?end ?text WHERE {{
      ?claim a <{B}def/Claim> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?e .
      ?e oa:hasSource ?source ; oa:hasSelector ?q , ?p .
      ?q a oa:TextQuoteSelector ; oa:exact ?exact .
      ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
      ?source nif:isString ?text .
    }}"""
    results = rows(release_store, query)
    assert (
        len(results) == len(rows(release_store, f"SELECT ?c WHERE {{ ?c a <{B}def/Claim> }}")) > 150
    )
    for row in results:
        text, start, end = row["text"].value, int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["exact"].value, row["claim"]


def test_published_text_is_the_file_exactly(release_store) -> None:
    for row in rows(
        release_store,
        f"""SELECT ?name ?text ?sha WHERE {{
        ?d <{B}def/fileName> ?name ; <{B}def/sha256> ?sha ; <{B}def/hasText>
           / <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?text }}""",
    ):
        raw = (ROOT / "data" / row["name"].value).read_bytes()
        assert row["text"].value.encode("utf-8") == raw
        assert hashlib.sha256(raw).hexdigest() == row["sha"].value


def test_every_document_contributes_claims(release_store) -> None:
    counts = rows(
        release_store,
        f"""SELECT ?d (COUNT(?c) AS ?n) WHERE {{
        ?d a <{B}def/Document> . OPTIONAL {{ ?c <{B}def/statedIn> ?d }} }} GROUP BY ?d""",
    )
    assert len(counts) == 5
    assert all(int(r["n"].value) >= 10 for r in counts)


def test_build_provenance(release_store, built_release: Path) -> None:
    manifest = json.loads((built_release / "release.json").read_text())
    release = URIRef(manifest["release"])
    result = rows(
        release_store,
        f"""PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?build ?agent ?start ?end (COUNT(DISTINCT ?used) AS ?inputs) WHERE {{
          <{release}> prov:wasGeneratedBy ?build .
          ?build prov:wasAssociatedWith ?agent ; prov:startedAtTime ?start ; prov:endedAtTime ?end ; prov:used ?used .
          ?agent a prov:SoftwareAgent }} GROUP BY ?build ?agent ?start ?end""",
    )
    assert len(result) == 1
    row = result[0]
    assert row["start"].datatype.value == str(XSD.dateTime)
    # every document, the ontology, the mapping files, the reference data, the shapes
    assert int(row["inputs"].value) >= 5 + 1 + 5 + 5 + 1
    used = {
        str(r["u"].value)
        for r in rows(
            release_store, f"SELECT ?u WHERE {{ <{row['build'].value}> <{PROV.used}> ?u }}"
        )
    }
    assert B + "id/document/russia-hamas-relations-ar-wikipedia" in used
    assert B + "id/input/data/claims/raisi-damascus-ar-news.yaml" in used
    assert B + "def/ontology" in used


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_void_counts_match(built_release: Path) -> None:
    void = Graph().parse(built_release / "void.ttl")
    dataset = URIRef(B + "id/dataset")
    total = int(void.value(dataset, VOID.triples))
    nq = Dataset()
    nq.parse(built_release / "dataset.nq", format="nquads")
    assert total == len(nq)
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(B + "sparql")
    assert str(void.value(dataset, VOID.uriSpace)) == B
    assert (dataset, VOID.dataDump, URIRef(B + "download/dataset.nq")) in void
    for subset in void.objects(dataset, VOID.subset):
        assert int(void.value(subset, VOID.triples)) == len(nq.graph(subset))


def test_validation_report_says_conforms(built_release: Path) -> None:
    report = Graph().parse(built_release / "validation.ttl")
    sh = "http://www.w3.org/ns/shacl#"
    node = next(report.subjects(RDF.type, URIRef(sh + "ValidationReport")))
    assert report.value(node, URIRef(sh + "conforms")) == Literal(True)


def test_no_blank_nodes_in_the_data(built_release: Path) -> None:
    for quad in pyoxigraph.parse(
        path=str(built_release / "dataset.nq"), format=pyoxigraph.RdfFormat.N_QUADS
    ):
        if quad.graph_name == pyoxigraph.NamedNode(B + "graph/shapes"):
            continue  # SHACL lists are blank nodes by the standard
        if quad.graph_name == pyoxigraph.NamedNode(B + "graph/ontology"):
            continue  # OWL axioms and RDF lists, likewise
        assert not isinstance(quad.subject, pyoxigraph.BlankNode), quad
        assert not isinstance(quad.object, pyoxigraph.BlankNode), quad


@pytest.mark.long
@pytest.mark.slow  # a whole build, without a cache
def test_same_input_gives_byte_identical_release(
    built_release: Path, project: Path, tmp_path: Path
) -> None:
    # A fresh copy of the inputs, so a cold build (no cache), and nothing written into the
    # checkout (a build keeps its cache in HOME/.cache/build).
    again = build_release(project, B, tmp_path / "release")
    for name in sorted(p.name for p in built_release.iterdir()):
        assert (again / name).read_bytes() == (built_release / name).read_bytes(), name


@pytest.mark.long  # a whole build, without a cache
def test_other_base_mints_every_iri_under_it(project: Path, tmp_path: Path) -> None:
    other = "https://data.example.org/support/"
    folder = build_release(project, other, tmp_path / "release")
    for quad in pyoxigraph.parse(
        path=str(folder / "dataset.nq"), format=pyoxigraph.RdfFormat.N_QUADS
    ):
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.NamedNode):
                assert not term.value.startswith(B), quad
            if isinstance(term, pyoxigraph.Literal):
                assert B not in term.value or "nif" in str(quad.predicate), quad


@pytest.mark.long
@pytest.mark.slow  # pyshacl validates the whole release twice
def test_removing_a_required_triple_fails_validation(
    built_release: Path, tmp_path: Path, capsys
) -> None:
    claim = f"<{B}id/claim/ihr-state-dept-100m>"
    broken = tmp_path / "broken.nq"
    lines = (built_release / "dataset.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not (line.startswith(claim + f" <{B}def/subject>"))]
    assert len(kept) == len(lines) - 1
    broken.write_text("".join(kept), encoding="utf-8")
    assert main(["validate", "--home", str(ROOT), "--release-file", str(broken)]) == 3
    out = capsys.readouterr()
    assert "ihr-state-dept-100m" in out.err and "subject" in out.err
    # and the intact release validates
    assert (
        main(["validate", "--home", str(ROOT), "--release-file", str(built_release / "dataset.nq")])
        == 0
    )


def test_help_documents_every_command_and_option(capsys) -> None:
    from publisher.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"build", "validate", "stats", "anchor", "serve"} <= set(commands)
    for name, sub in commands.items():
        assert sub.description, name
        for action in sub._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"{name} {action.option_strings}"


def test_stats_command(built_release: Path, capsys) -> None:
    assert main(["stats", "--home", str(ROOT), "--out", str(built_release), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["counts"]["documents"] == 5 and stats["counts"]["claims"] > 150
