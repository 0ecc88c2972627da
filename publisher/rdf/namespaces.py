"""The namespaces of the graph: one table, read by everything that writes or reads IRIs.

`VOCABULARIES` are the vocabularies the graph uses, by the prefix every output gives them
(TriG and Turtle dumps, descriptions, the SPARQL shown on pages); `DATASET` are this dataset's
own namespaces, paths under the configured base. The order is the order of the @prefix lines.
"""

from __future__ import annotations

from rdflib import Namespace

VOCABULARIES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "sh": "http://www.w3.org/ns/shacl#",
    "void": "http://rdfs.org/ns/void#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "hydra": "http://www.w3.org/ns/hydra/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "schema": "http://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "org": "http://www.w3.org/ns/org#",
    "cito": "http://purl.org/spar/cito/",
    "dqv": "http://www.w3.org/ns/dqv#",
}
# Paths under the base. `sup` comes first in every prefix list, the others last.
DATASET: dict[str, str] = {
    "sup": "def/",
    "actor": "id/actor/",
    "claim": "id/claim/",
    "relation": "def/relation/",
    "direct": "def/direct/",
    "graph": "graph/",
}
# Also under the base, predeclared for queries only (the endpoint accepts them undeclared, the
# example queries use them, the query page completes them); the dumps do not declare them.
QUERY_ONLY: dict[str, str] = {
    "document": "id/document/",
    "event": "id/event/",
    "proposition": "id/proposition/",
    "polarity": "def/polarity/",
    "role": "def/attribution-role/",
}
# Used in a few IRIs (links to Wikidata, checksums in the download catalogue) but given no
# prefix in the dumps, whose @prefix lines are the two tables above.
UNDECLARED: dict[str, str] = {
    "wd": "http://www.wikidata.org/entity/",
    "spdx": "http://spdx.org/rdf/terms#",
}


def prefixes(base: str) -> dict[str, str]:
    """Every prefix with its namespace under `base`, in the order outputs declare them."""
    own = {name: base + path for name, path in DATASET.items()}
    return {"sup": own.pop("sup"), **VOCABULARIES, **own}


def query_prefixes(base: str) -> dict[str, str]:
    """The prefixes a query may use undeclared: every prefix of `prefixes`, then QUERY_ONLY."""
    return {**prefixes(base), **{name: base + path for name, path in QUERY_ONLY.items()}}


def sparql_prefixes(names: tuple[str, ...] | None = None, base: str | None = None) -> str:
    """PREFIX lines for a query: the named prefixes (every one by default); the dataset's own
    need the base."""
    known = VOCABULARIES if base is None else prefixes(base)
    return "".join(f"PREFIX {name}: <{known[name]}>\n" for name in names or known)


def iri(prefixed: str) -> str:
    """The full IRI of a vocabulary term written `prefix:name`, e.g. iri("rdf:type")."""
    prefix, _, name = prefixed.partition(":")
    return (VOCABULARIES.get(prefix) or UNDECLARED[prefix]) + name


# rdflib namespaces of the vocabularies rdflib does not define itself.
NIF = Namespace(VOCABULARIES["nif"])
OA = Namespace(VOCABULARIES["oa"])
ITSRDF = Namespace(VOCABULARIES["itsrdf"])
SCHEMA = Namespace(VOCABULARIES["schema"])
TIME = Namespace(VOCABULARIES["time"])
ORG = Namespace(VOCABULARIES["org"])
CITO = Namespace(VOCABULARIES["cito"])
DQV = Namespace(VOCABULARIES["dqv"])
SD = Namespace(VOCABULARIES["sd"])
HYDRA = Namespace(VOCABULARIES["hydra"])
WD = Namespace(UNDECLARED["wd"])
