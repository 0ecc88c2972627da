"""SPARQLWrapper and rdflib against the real server: every result format of SELECT and ASK,
every RDF format of CONSTRUCT and DESCRIBE, and `Graph.parse(url)` on the IRIs themselves.

Each answer is parsed by the client and compared, term by term (language tags and datatypes
included) or as a graph (blank nodes matched by isomorphism), with what the server's own store
answers to the same query.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, JSONLD, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from tests.external.clients import LANG_STRING, XSD_STRING, same_graph

pytestmark = pytest.mark.external

# Language-tagged labels and quotes (Arabic and English, with commas, quotes and newlines for
# CSV and TSV to escape), booleans, decimals and unbound values.
SELECT = """PREFIX sup: <{base}def/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <http://schema.org/>
SELECT ?claim ?subject ?label ?hedged ?quote ?value WHERE {{
  ?claim a sup:Claim ; sup:subject ?subject ; sup:hedged ?hedged ;
         prov:wasDerivedFrom/oa:hasSelector/oa:exact ?quote .
  ?subject rdfs:label ?label .
  OPTIONAL {{ ?claim sup:amount/schema:value ?value }}
}} ORDER BY ?claim ?label"""
ASK = {
    True: "ASK {{ <{base}id/actor/iran> a <{base}def/State> }}",
    False: "ASK {{ <{base}id/actor/iran> a <{base}def/Claim> }}",
}
CONSTRUCT = {
    # claims with their Arabic and English names and typed values
    "claims": """PREFIX sup: <{base}def/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT {{ ?claim sup:subject ?s ; sup:hedged ?h ; sup:relation ?r . ?s rdfs:label ?l }}
WHERE {{ ?claim sup:subject ?s ; sup:hedged ?h ; sup:relation ?r . ?s rdfs:label ?l }}""",
    # the shapes: blank nodes, lists, patterns with backslashes
    "shapes": """PREFIX sh: <http://www.w3.org/ns/shacl#>
CONSTRUCT {{ ?shape sh:property ?p . ?p ?pp ?o }}
WHERE {{ ?shape a sh:NodeShape ; sh:property ?p . ?p ?pp ?o }}""",
    "describe": "DESCRIBE <{base}id/actor/hamas>",
}
# SPARQLWrapper's name of each RDF format (or the Accept header to send) and rdflib's parser.
RDF_FORMATS = {
    "turtle": (TURTLE, None, "turtle"),
    "rdfxml": (RDFXML, None, "xml"),
    "ntriples": (TURTLE, "application/n-triples", "nt"),
    "jsonld": (JSONLD, None, "json-ld"),
}


def wrapper(server, query: str, fmt: str, accept: str | None = None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.iri("sparql"))
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if accept:
        sparql.addCustomHttpHeader("Accept", accept)
    return sparql


def rdflib_term(term) -> tuple:
    """An rdflib term as (kind, lexical value, language, datatype)."""
    if isinstance(term, Literal):
        datatype = (
            str(term.datatype) if term.datatype else (LANG_STRING if term.language else XSD_STRING)
        )
        return ("literal", str(term), term.language, datatype)
    return ("blank" if isinstance(term, BNode) else "iri", str(term), None, None)


def as_rdflib(term):
    """A pyoxigraph term made into rdflib's, so both sides go through rdflib's normalisation."""
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value) if isinstance(term, ox.BlankNode) else URIRef(term.value)


def expected_rows(store, query: str) -> tuple[list[str], Counter]:
    result = store.query(query)
    variables = list(result.variables)
    rows = Counter(
        tuple(rdflib_term(as_rdflib(row[v])) if row[v] is not None else None for v in variables)
        for row in result.rows
    )
    return variables, rows


def expected_graph(store, query: str) -> Graph:
    triples = store.query(query).triples
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


@pytest.fixture(scope="module")
def select(server, store):
    query = SELECT.format(base=server.base)
    variables, rows = expected_rows(store, query)
    assert sum(rows.values()) > 100 and any(row[-1] is not None for row in rows)
    assert {row[2][2] for row in rows} >= {"ar", "en"}, "the query should return both languages"
    return query, variables, rows


def test_select_json(server, select):
    query, variables, expected = select
    answer = wrapper(server, query, JSON).query().convert()
    assert answer["head"]["vars"] == variables

    def term(binding: dict | None) -> tuple | None:
        if binding is None:
            return None
        if binding["type"] in ("literal", "typed-literal"):
            language = binding.get("xml:lang")
            datatype = binding.get("datatype") or (LANG_STRING if language else XSD_STRING)
            return rdflib_term(
                Literal(
                    binding["value"], lang=language, datatype=None if language else URIRef(datatype)
                )
            )
        return ("blank" if binding["type"] == "bnode" else "iri", binding["value"], None, None)

    rows = Counter(tuple(term(b.get(v)) for v in variables) for b in answer["results"]["bindings"])
    assert rows == expected


@pytest.mark.parametrize("fmt, parser", [(XML, "xml"), (TSV, "tsv")])
def test_select_xml_and_tsv_read_by_rdflib(server, select, fmt, parser):
    """SPARQLWrapper fetches, rdflib's results parser reads: every term with its tag and type."""
    query, variables, expected = select
    response = wrapper(server, query, fmt).query()
    assert response.response.headers["Content-Type"].startswith(
        {XML: "application/sparql-results+xml", TSV: "text/tab-separated-values"}[fmt]
    )
    result = Result.parse(io.BytesIO(response.response.read()), format=parser)
    assert [str(v) for v in result.vars] == variables
    rows = Counter(
        tuple(rdflib_term(row[v]) if row[v] is not None else None for v in result.vars)
        for row in result
    )
    assert rows == expected


def test_select_xml_as_sparqlwrapper_dom(server, select):
    """SPARQLWrapper's own conversion of XML results (a DOM) keeps xml:lang on literals."""
    query, _, expected = select
    document = wrapper(server, query, XML).query().convert()
    results = document.getElementsByTagName("result")
    assert len(results) == sum(expected.values())
    languages = Counter(
        literal.getAttribute("xml:lang")
        for literal in document.getElementsByTagName("literal")
        if literal.hasAttribute("xml:lang")
    )
    wanted = Counter(t[2] for row in expected.elements() for t in row if t and t[2])
    assert languages == wanted


def test_select_csv(server, select):
    """CSV carries values only (SPARQL 1.1 CSV): same values, quoting and Arabic intact."""
    query, variables, expected = select
    text = wrapper(server, query, CSV).query().convert().decode("utf-8")
    header, *records = list(csv.reader(io.StringIO(text, newline="")))
    assert header == variables
    rows = Counter(tuple(records_row) for records_row in map(tuple, records))
    wanted = Counter(tuple(t[1] if t else "" for t in row) for row in expected.elements())
    assert rows == wanted


@pytest.mark.parametrize("fmt", [JSON, XML])
@pytest.mark.parametrize("answer", [True, False])
def test_ask(server, store, fmt, answer):
    query = ASK[answer].format(base=server.base)
    assert store.query(query).boolean is answer
    converted = wrapper(server, query, fmt).query().convert()
    if fmt == JSON:
        assert converted["boolean"] is answer
    else:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == str(answer).lower()


@pytest.mark.parametrize("name", sorted(CONSTRUCT))
@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_construct_and_describe(server, store, name, fmt):
    query = CONSTRUCT[name].format(base=server.base)
    expected = expected_graph(store, query)
    assert len(expected) > 5
    wrapper_format, accept, parser = RDF_FORMATS[fmt]
    response = wrapper(server, query, wrapper_format, accept).query().response
    graph = Graph().parse(data=response.read(), format=parser)
    assert same_graph(graph, expected), f"{name} as {fmt}: {len(graph)} vs {len(expected)} triples"


# SPARQLWrapper 2.0.0 builds its graphs as rdflib ConjunctiveGraph, which rdflib 7 deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrapper_converts_rdfxml_and_jsonld_to_graphs(server, store):
    """SPARQLWrapper's convert() turns RDF/XML and JSON-LD answers into rdflib graphs itself."""
    query = CONSTRUCT["claims"].format(base=server.base)
    expected = expected_graph(store, query)
    for fmt in (RDFXML, JSONLD):
        graph = wrapper(server, query, fmt).query().convert()
        assert isinstance(graph, Graph) and same_graph(graph, expected), fmt


RESOURCES = [
    "id/actor/hamas",
    "id/claim/hit-hezbollah-missiles",
    "id/document/iran-hamas-relations-ar-wikipedia",
    "def/relation/financial-support",
    "def/Claim",
]


@pytest.mark.parametrize("path", RESOURCES)
def test_graph_parse_on_the_iri_itself(server, store, path):
    """`Graph().parse(iri)`, no format given: content negotiation alone gives a graph equal to
    the server's description of the thing (its first page)."""
    from publisher.describe import describe

    iri = server.iri(path)
    graph = Graph().parse(iri)
    found = describe(store, iri, base=server.base)
    quads = ox.serialize([q.triple for q in found.quads], format=ox.RdfFormat.N_TRIPLES)
    expected = Graph().parse(data=quads, format="nt")
    assert same_graph(graph, expected), f"{len(graph)} vs {len(expected)} triples"
    assert (URIRef(iri), None, None) in graph


def test_graph_parse_reads_what_a_person_would_look_for(server):
    actor = URIRef(server.iri("id/actor/hamas"))
    graph = Graph().parse(str(actor))
    assert (actor, RDF.type, URIRef(server.iri("def/Actor"))) in graph
    labels = {label.language: str(label) for label in graph.objects(actor, RDFS.label)}
    assert labels == {"en": "Hamas", "ar": "حماس"}
    claims = set(graph.subjects(URIRef(server.iri("def/subject")), actor))
    assert claims and all(str(c).startswith(server.iri("id/claim/")) for c in claims)
