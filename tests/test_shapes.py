"""The SHACL shapes, the ontology and the SKOS schemes.

A small valid graph (tests/fixtures/shapes/valid.ttl) must conform; each case below breaks it
in one way and checks that validation fails, naming the expected shape and focus node.
The data graph is always the union of the fixture and ontology/*.ttl (subclass axioms and
scheme membership live there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_FILES = sorted((ROOT / "ontology").glob("*.ttl"))
SHAPE_FILES = sorted((ROOT / "shapes").glob("*.ttl"))
FIXTURE = ROOT / "tests" / "fixtures" / "shapes" / "valid.ttl"

BASE = "http://127.0.0.1:8080/"
SUP = Namespace(BASE + "def/")
SHP = Namespace(BASE + "def/shapes/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = f"""
PREFIX sup: <{BASE}def/>
PREFIX actor: <{BASE}id/actor/>
PREFIX place: <{BASE}id/place/>
PREFIX position: <{BASE}id/position/>
PREFIX document: <{BASE}id/document/>
PREFIX event: <{BASE}id/event/>
PREFIX prop: <{BASE}id/proposition/>
PREFIX source: <{BASE}id/source/>
PREFIX claim: <{BASE}id/claim/>
PREFIX conflict: <{BASE}id/conflict/>
PREFIX rel: <{BASE}def/relation/>
PREFIX role: <{BASE}def/attribution-role/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <http://schema.org/>
PREFIX time: <http://www.w3.org/2006/time#>
"""

# Frequently broken nodes of the fixture.
TEXT = f"{BASE}id/text/fixture-report-ar"
CLAIM1 = f"{BASE}id/claim/fixture-iran-funds-groups"
CLAIM2 = f"{BASE}id/claim/fixture-hamas-denies-funding"
DOC = f"{BASE}id/document/fixture-report-ar"
MEMBERSHIP = f"{BASE}id/membership/ismail-haniyeh/leader/hamas"
CITATION = f"{BASE}id/citation/fixture-report-ar/1"
EVENT = f"{BASE}id/event/fixture-delegation-tehran"
RELEASE = f"{BASE}id/release/0123abcd"
BUILD = f"{BASE}id/build/0123abcd"
SOFTWARE = f"{BASE}id/software/publisher/0.1.0"
INPUT = f"{BASE}id/input/data/actors.yaml"
CONFLICT = f"{BASE}id/conflict/fixture-iran-hamas-funding"
SERIES = f"{BASE}id/series/fixture-funding-increase"
KIND = f"{BASE}def/conflict-kind/"


def actor(name: str) -> str:
    return f"{BASE}id/actor/{name}"


def span(begin: int, end: int) -> str:
    return f"{TEXT}/offset_{begin}_{end}"


# (case id, SPARQL update that breaks the valid graph, shape the report must name, focus node)
CASES = [
    # --- actors ---
    (
        "actor-missing-arabic-label",
        'DELETE DATA { actor:hamas rdfs:label "حماس"@ar }',
        "ActorShape",
        actor("hamas"),
    ),
    (
        "actor-wrong-language-tag",
        'DELETE DATA { actor:iran rdfs:label "إيران"@ar } ;'
        ' INSERT DATA { actor:iran rdfs:label "إيران"@fa }',
        "ActorShape",
        actor("iran"),
    ),
    (
        "actor-two-english-labels",
        'INSERT DATA { actor:hamas rdfs:label "Islamic Resistance Movement"@en }',
        "ActorShape",
        actor("hamas"),
    ),
    (
        "actor-untagged-label-only",
        'DELETE DATA { actor:hamas rdfs:label "Hamas"@en } ;'
        ' INSERT DATA { actor:hamas rdfs:label "Hamas" }',
        "ActorShape",
        actor("hamas"),
    ),
    (
        "actor-without-type",
        'INSERT DATA { actor:nobody a sup:Actor ; rdfs:label "nobody"@en , "لا أحد"@ar }',
        "ActorShape",
        actor("nobody"),
    ),
    (
        "actor-sameas-not-wikidata",
        "INSERT DATA { actor:iran owl:sameAs <http://example.org/iran> }",
        "ActorShape",
        actor("iran"),
    ),
    (
        "actor-alias-wrong-language",
        'INSERT DATA { actor:iran skos:altLabel "Iran"@de }',
        "ActorShape",
        actor("iran"),
    ),
    (
        "state-with-government-of",
        "INSERT DATA { actor:iran sup:governmentOf actor:iran }",
        "StateShape",
        actor("iran"),
    ),
    ("state-typed-person", "INSERT DATA { actor:iran a foaf:Person }", "StateShape", actor("iran")),
    (
        "government-body-of-non-state",
        "DELETE DATA { actor:iran-government sup:governmentOf actor:iran } ;"
        " INSERT DATA { actor:iran-government sup:governmentOf actor:hamas }",
        "GovernmentBodyShape",
        actor("iran-government"),
    ),
    (
        "organisation-part-of-a-state",
        "DELETE DATA { actor:irgc org:subOrganizationOf actor:iran-government } ;"
        " INSERT DATA { actor:irgc org:subOrganizationOf actor:iran }",
        "OrganisationShape",
        actor("irgc"),
    ),
    (
        "armed-wing-of-nothing",
        "DELETE DATA { actor:qassam-brigades sup:armedWingOf actor:hamas }",
        "ArmedWingShape",
        actor("qassam-brigades"),
    ),
    (
        "military-unit-without-unit-of",
        "DELETE DATA { actor:quds-force sup:unitOf actor:irgc }",
        "MilitaryUnitShape",
        actor("quds-force"),
    ),
    (
        "armed-wing-unit-of-a-state",
        "INSERT DATA { actor:qassam-brigades org:unitOf actor:iran }",
        "ArmedWingShape",
        actor("qassam-brigades"),
    ),
    (
        "collective-typed-person",
        "INSERT DATA { actor:palestinian-armed-groups a foaf:Person }",
        "CollectiveShape",
        actor("palestinian-armed-groups"),
    ),
    (
        "collective-member-not-actor",
        "INSERT DATA { actor:palestinian-armed-groups foaf:member place:tehran }",
        "CollectiveShape",
        actor("palestinian-armed-groups"),
    ),
    (
        "media-organisation-typed-government-body",
        "INSERT DATA { actor:al-monitor a sup:GovernmentBody }",
        "MediaOrganisationShape",
        actor("al-monitor"),
    ),
    (
        "person-not-prov-person",
        "DELETE DATA { actor:ismail-haniyeh a prov:Person }",
        "PersonShape",
        actor("ismail-haniyeh"),
    ),
    (
        "person-name-wrong-language",
        'INSERT DATA { actor:ismail-haniyeh foaf:name "Ismail Haniyeh"@fr }',
        "PersonShape",
        actor("ismail-haniyeh"),
    ),
    (
        "person-anonymous-not-boolean",
        "DELETE DATA { actor:israeli-security-source sup:anonymous true } ;"
        ' INSERT DATA { actor:israeli-security-source sup:anonymous "yes" }',
        "ActorShape",
        actor("israeli-security-source"),
    ),
    # --- places, positions, memberships ---
    (
        "place-missing-english-label",
        'DELETE DATA { place:tehran rdfs:label "Tehran"@en }',
        "PlaceShape",
        f"{BASE}id/place/tehran",
    ),
    (
        "place-contained-in-an-organisation",
        "INSERT DATA { place:tehran schema:containedInPlace actor:hamas }",
        "PlaceShape",
        f"{BASE}id/place/tehran",
    ),
    (
        "position-missing-arabic-definition",
        'DELETE DATA { position:leader skos:definition "الشخص الذي يقود المنظمة."@ar }',
        "PositionShape",
        f"{BASE}id/position/leader",
    ),
    (
        "position-missing-arabic-label",
        'DELETE DATA { position:leader skos:prefLabel "زعيم"@ar }',
        "PositionShape",
        f"{BASE}id/position/leader",
    ),
    (
        "membership-without-role",
        f"DELETE DATA {{ <{MEMBERSHIP}> org:role position:leader }}",
        "MembershipShape",
        MEMBERSHIP,
    ),
    (
        "membership-member-not-an-actor",
        f"DELETE DATA {{ <{MEMBERSHIP}> org:member actor:ismail-haniyeh }} ;"
        f" INSERT DATA {{ <{MEMBERSHIP}> org:member place:tehran }}",
        "MembershipShape",
        MEMBERSHIP,
    ),
    (
        "membership-source-not-a-document",
        f"INSERT DATA {{ <{MEMBERSHIP}> dcterms:source actor:hamas }}",
        "MembershipShape",
        MEMBERSHIP,
    ),
    (
        "membership-claim-member-not-its-subject",
        "DELETE DATA { claim:fixture-haniyeh-leader org:member actor:ismail-haniyeh } ;"
        " INSERT DATA { claim:fixture-haniyeh-leader org:member actor:iran }",
        "MembershipClaimShape",
        f"{BASE}id/claim/fixture-haniyeh-leader",
    ),
    (
        "membership-claim-not-typed-a-membership",
        "DELETE WHERE { claim:fixture-iran-funds-more sup:relation ?r } ;"
        " INSERT DATA { claim:fixture-iran-funds-more"
        " sup:relation <http://127.0.0.1:8080/def/relation/membership> }",
        "MembershipClaimShape",
        f"{BASE}id/claim/fixture-iran-funds-more",
    ),
    (
        "membership-during-not-temporal",
        f"DELETE WHERE {{ <{MEMBERSHIP}> org:memberDuring ?t }} ;"
        f' INSERT DATA {{ <{MEMBERSHIP}> org:memberDuring "2006"^^xsd:gYear }}',
        "MembershipShape",
        MEMBERSHIP,
    ),
    (
        "membership-organisation-is-a-state",
        f"DELETE DATA {{ <{MEMBERSHIP}> org:organization actor:hamas }} ;"
        f" INSERT DATA {{ <{MEMBERSHIP}> org:organization actor:iran }}",
        "MembershipShape",
        MEMBERSHIP,
    ),
    # --- events, propositions, cited sources ---
    (
        "event-without-participants",
        "DELETE WHERE { event:fixture-delegation-tehran sup:participant ?actor }",
        "EventShape",
        EVENT,
    ),
    (
        "event-time-not-temporal",
        f"DELETE DATA {{ event:fixture-delegation-tehran sup:time <{EVENT}/time> }} ;"
        " INSERT DATA { event:fixture-delegation-tehran sup:time place:tehran }",
        "EventShape",
        EVENT,
    ),
    (
        "proposition-missing-arabic-label",
        "DELETE { prop:iran-funds-palestinian-groups-100m-2020 rdfs:label ?l }"
        " WHERE { prop:iran-funds-palestinian-groups-100m-2020 rdfs:label ?l"
        " FILTER(LANG(?l) = 'ar') }",
        "PropositionShape",
        f"{BASE}id/proposition/iran-funds-palestinian-groups-100m-2020",
    ),
    (
        "cited-source-ill-formed-date",
        'DELETE DATA { source:us-state-dept-2020-report dcterms:date "2020"^^xsd:gYear } ;'
        ' INSERT DATA { source:us-state-dept-2020-report dcterms:date "2020-13"^^xsd:gYearMonth }',
        "CitedSourceShape",
        f"{BASE}id/source/us-state-dept-2020-report",
    ),
    (
        "cited-source-author-not-actor",
        "INSERT DATA { source:us-state-dept-2020-report dcterms:creator place:tehran }",
        "CitedSourceShape",
        f"{BASE}id/source/us-state-dept-2020-report",
    ),
    # --- documents and text ---
    (
        "document-missing-arabic-title",
        'DELETE DATA { document:fixture-report-ar dcterms:title "تقرير تجريبي"@ar }',
        "DocumentShape",
        DOC,
    ),
    (
        "document-language-not-ar-or-en",
        'DELETE DATA { document:fixture-report-ar dcterms:language "ar"^^xsd:language } ;'
        ' INSERT DATA { document:fixture-report-ar dcterms:language "fr"^^xsd:language }',
        "DocumentShape",
        DOC,
    ),
    (
        "document-language-plain-string",
        'DELETE DATA { document:fixture-report-ar dcterms:language "ar"^^xsd:language } ;'
        ' INSERT DATA { document:fixture-report-ar dcterms:language "ar" }',
        "DocumentShape",
        DOC,
    ),
    (
        "document-sha256-uppercase",
        "DELETE { document:fixture-report-ar sup:sha256 ?h }"
        " INSERT { document:fixture-report-ar sup:sha256 ?H }"
        " WHERE { document:fixture-report-ar sup:sha256 ?h BIND(UCASE(?h) AS ?H) }",
        "ChecksumShape",
        DOC,
    ),
    (
        "document-sha256-too-short",
        "DELETE WHERE { document:fixture-report-ar sup:sha256 ?h } ;"
        ' INSERT DATA { document:fixture-report-ar sup:sha256 "ab0e084d" }',
        "ChecksumShape",
        DOC,
    ),
    (
        "document-without-sha256",
        "DELETE WHERE { document:fixture-report-ar sup:sha256 ?h }",
        "DocumentShape",
        DOC,
    ),
    (
        "input-file-sha256-not-hex",
        f"DELETE WHERE {{ <{INPUT}> sup:sha256 ?h }} ;"
        f' INSERT DATA {{ <{INPUT}> sup:sha256 "{"z" * 64}" }}',
        "ChecksumShape",
        INPUT,
    ),
    (
        "document-kind-outside-scheme",
        "DELETE WHERE { document:fixture-report-ar sup:documentKind ?k } ;"
        " INSERT DATA { document:fixture-report-ar sup:documentKind rel:praise }",
        "DocumentShape",
        DOC,
    ),
    (
        "document-without-text",
        f"DELETE DATA {{ document:fixture-report-ar sup:hasText <{TEXT}> }}",
        "DocumentShape",
        DOC,
    ),
    (
        "context-end-index-not-text-length",
        f"DELETE WHERE {{ <{TEXT}> nif:endIndex ?e }} ;"
        f' INSERT DATA {{ <{TEXT}> nif:endIndex "224"^^xsd:integer }}',
        "ContextShape",
        TEXT,
    ),
    (
        "context-begin-index-not-zero",
        f"DELETE WHERE {{ <{TEXT}> nif:beginIndex ?b }} ;"
        f' INSERT DATA {{ <{TEXT}> nif:beginIndex "1"^^xsd:integer }}',
        "ContextShape",
        TEXT,
    ),
    (
        "context-two-strings",
        f'INSERT DATA {{ <{TEXT}> nif:isString "another text" }}',
        "ContextShape",
        TEXT,
    ),
    (
        "context-text-language-tagged",
        f"DELETE {{ <{TEXT}> nif:isString ?s }} INSERT {{ <{TEXT}> nif:isString ?t }}"
        f' WHERE {{ <{TEXT}> nif:isString ?s BIND(STRLANG(STR(?s), "ar") AS ?t) }}',
        "ContextShape",
        TEXT,
    ),
    (
        "span-begin-not-before-end",
        f"DELETE WHERE {{ <{span(5, 10)}> nif:beginIndex ?b }} ;"
        f' INSERT DATA {{ <{span(5, 10)}> nif:beginIndex "10"^^xsd:integer }}',
        "SpanShape",
        span(5, 10),
    ),
    (
        "span-negative-begin",
        f"DELETE WHERE {{ <{span(5, 10)}> nif:beginIndex ?b }} ;"
        f' INSERT DATA {{ <{span(5, 10)}> nif:beginIndex "-5"^^xsd:integer }}',
        "SpanShape",
        span(5, 10),
    ),
    (
        "span-without-context",
        f"DELETE WHERE {{ <{span(99, 103)}> nif:referenceContext ?c }}",
        "SpanShape",
        span(99, 103),
    ),
    (
        "span-anchor-not-the-text",
        f"DELETE WHERE {{ <{span(5, 10)}> nif:anchorOf ?a }} ;"
        f' INSERT DATA {{ <{span(5, 10)}> nif:anchorOf "حماس" }}',
        "SpanAnchorShape",
        span(5, 10),
    ),
    (
        "span-beyond-the-text",
        f"DELETE WHERE {{ <{span(173, 225)}> nif:endIndex ?e }} ;"
        f' INSERT DATA {{ <{span(173, 225)}> nif:endIndex "226"^^xsd:integer }}',
        "SpanAnchorShape",
        span(173, 225),
    ),
    (
        "sentence-typed-boilerplate",
        f"INSERT DATA {{ <{span(0, 104)}> a sup:Boilerplate }}",
        "SentenceShape",
        span(0, 104),
    ),
    (
        "actor-mention-of-a-place",
        f"DELETE WHERE {{ <{span(5, 10)}> itsrdf:taIdentRef ?a }} ;"
        f" INSERT DATA {{ <{span(5, 10)}> itsrdf:taIdentRef place:tehran }}",
        "ActorMentionShape",
        span(5, 10),
    ),
    (
        "date-mention-ill-formed-month",
        f"DELETE WHERE {{ <{span(99, 103)}> sup:dateValue ?d }} ;"
        f' INSERT DATA {{ <{span(99, 103)}> sup:dateValue "2020-13"^^xsd:gYearMonth }}',
        "DateMentionShape",
        span(99, 103),
    ),
    (
        "date-mention-value-and-years",
        f'INSERT DATA {{ <{span(99, 103)}> sup:beginYear "2020"^^xsd:gYear ;'
        ' sup:endYear "2020"^^xsd:gYear }',
        "DateMentionShape",
        span(99, 103),
    ),
    (
        "date-mention-begin-year-without-end-year",
        f"DELETE WHERE {{ <{span(155, 171)}> sup:endYear ?y }}",
        "DateMentionShape",
        span(155, 171),
    ),
    (
        "date-mention-ill-formed-begin-year",
        f"DELETE WHERE {{ <{span(155, 171)}> sup:beginYear ?y }} ;"
        f' INSERT DATA {{ <{span(155, 171)}> sup:beginYear "199"^^xsd:gYear }}',
        "DateMentionShape",
        span(155, 171),
    ),
    (
        "date-mention-plain-string",
        f"DELETE WHERE {{ <{span(99, 103)}> sup:dateValue ?d }} ;"
        f' INSERT DATA {{ <{span(99, 103)}> sup:dateValue "2020" }}',
        "DateMentionShape",
        span(99, 103),
    ),
    (
        "amount-mention-lowercase-currency",
        f"DELETE WHERE {{ <{span(17, 32)}> schema:currency ?c }} ;"
        f' INSERT DATA {{ <{span(17, 32)}> schema:currency "usd" }}',
        "AmountMentionShape",
        span(17, 32),
    ),
    (
        "amount-mention-without-value",
        f"DELETE WHERE {{ <{span(17, 32)}> schema:value ?v }}",
        "AmountMentionShape",
        span(17, 32),
    ),
    (
        "amount-mention-rate-outside-scheme",
        f"DELETE WHERE {{ <{span(17, 32)}> sup:rate ?r }} ;"
        f" INSERT DATA {{ <{span(17, 32)}> sup:rate rel:pledge }}",
        "AmountMentionShape",
        span(17, 32),
    ),
    (
        "boilerplate-kind-outside-scheme",
        f"DELETE WHERE {{ <{span(173, 225)}> sup:boilerplateKind ?k }} ;"
        f" INSERT DATA {{ <{span(173, 225)}> sup:boilerplateKind rel:praise }}",
        "BoilerplateShape",
        span(173, 225),
    ),
    (
        "citation-marker-refers-to-a-span",
        f"INSERT DATA {{ <{span(104, 107)}> sup:refersTo <{span(181, 224)}> }}",
        "CitationMarkerShape",
        span(104, 107),
    ),
    (
        "citation-without-number",
        f"DELETE WHERE {{ <{CITATION}> sup:citationNumber ?n }}",
        "CitationShape",
        CITATION,
    ),
    (
        "citation-without-span",
        f"DELETE WHERE {{ <{CITATION}> sup:span ?s }}",
        "CitationShape",
        CITATION,
    ),
    (
        "citation-span-not-an-entry",
        f"DELETE WHERE {{ <{CITATION}> sup:span ?s }} ;"
        f" INSERT DATA {{ <{CITATION}> sup:span <{span(0, 104)}> }}",
        "CitationShape",
        CITATION,
    ),
    (
        "citation-number-zero",
        f"DELETE WHERE {{ <{CITATION}> sup:citationNumber ?n }} ;"
        f" INSERT DATA {{ <{CITATION}> sup:citationNumber 0 }}",
        "CitationShape",
        CITATION,
    ),
    (
        "citation-not-cited-by-a-document",
        f"DELETE DATA {{ document:fixture-report-ar sup:cites <{CITATION}> }}",
        "CitationShape",
        CITATION,
    ),
    # --- claims ---
    (
        "claim-without-subject",
        "DELETE WHERE { claim:fixture-iran-funds-groups sup:subject ?s }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-two-subjects",
        "INSERT DATA { claim:fixture-iran-funds-groups sup:subject actor:irgc }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-relation-outside-scheme",
        "DELETE WHERE { claim:fixture-iran-funds-groups sup:relation ?r } ;"
        f" INSERT DATA {{ claim:fixture-iran-funds-groups sup:relation <{BASE}def/cameo/071> }}",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-object-is-a-place",
        "DELETE WHERE { claim:fixture-iran-funds-groups sup:object ?o } ;"
        " INSERT DATA { claim:fixture-iran-funds-groups sup:object place:tehran }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-without-evidence",
        "DELETE WHERE { claim:fixture-iran-funds-groups prov:wasDerivedFrom ?e }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-two-derivations",
        "INSERT DATA { claim:fixture-iran-funds-groups"
        " prov:wasDerivedFrom document:fixture-report-ar }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-evidence-not-conforming",
        f"DELETE WHERE {{ <{CLAIM1}/evidence> oa:hasSource ?s }}",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-without-document",
        "DELETE WHERE { claim:fixture-iran-funds-groups sup:statedIn ?d }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-polarity-unknown",
        "DELETE WHERE { claim:fixture-iran-funds-groups sup:polarity ?p } ;"
        f" INSERT DATA {{ claim:fixture-iran-funds-groups sup:polarity <{BASE}def/polarity/maybe> }}",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-without-polarity",
        "DELETE WHERE { claim:fixture-hamas-denies-funding sup:polarity ?p }",
        "ClaimShape",
        CLAIM2,
    ),
    (
        "claim-hedged-not-boolean",
        "DELETE WHERE { claim:fixture-iran-funds-groups sup:hedged ?h } ;"
        ' INSERT DATA { claim:fixture-iran-funds-groups sup:hedged "no" }',
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-amount-not-conforming",
        f"DELETE WHERE {{ <{CLAIM1}/amount> schema:currency ?c }}",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-time-not-conforming",
        f"DELETE WHERE {{ <{CLAIM1}/time> time:inXSDgYear ?y }} ;"
        f' INSERT DATA {{ <{CLAIM1}/time> time:inXSDgYearMonth "2006-13"^^xsd:gYearMonth }}',
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-attribution-not-conforming",
        f"DELETE WHERE {{ <{CLAIM2}/attribution/2> prov:agent ?a }}",
        "ClaimShape",
        CLAIM2,
    ),
    (
        "claim-primary-source-not-a-cited-source",
        "INSERT DATA { claim:fixture-iran-funds-groups"
        " prov:hadPrimarySource document:fixture-report-ar }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-conflicts-with-non-claim",
        "INSERT DATA { claim:fixture-iran-funds-groups sup:conflictsWith actor:hamas }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-evidence-from-another-document",
        "DELETE WHERE { claim:fixture-iran-funds-groups sup:statedIn ?d } ;"
        " INSERT DATA { claim:fixture-iran-funds-groups sup:statedIn document:other ."
        " document:other a sup:Document }",
        "ClaimEvidenceShape",
        CLAIM1,
    ),
    (
        "claim-cites-a-non-citation",
        "INSERT DATA { claim:fixture-iran-funds-groups"
        " <http://purl.org/spar/cito/citesAsEvidence> actor:hamas }",
        "ClaimShape",
        CLAIM1,
    ),
    (
        "claim-cites-a-reference-of-another-document",
        "INSERT DATA { claim:fixture-iran-funds-groups"
        " <http://purl.org/spar/cito/citesAsEvidence> <http://127.0.0.1:8080/id/citation/other/1> ."
        " <http://127.0.0.1:8080/id/citation/other/1> a sup:Citation }",
        "CitedReferenceShape",
        CLAIM1,
    ),
    (
        "claim-first-since-on-a-denied-claim",
        'INSERT DATA { claim:fixture-hamas-denies-funding sup:firstSince "2010"^^xsd:gYear }',
        "FirstOfItsKindShape",
        CLAIM2,
    ),
    (
        "claim-first-since-not-a-date",
        "DELETE WHERE { claim:fixture-iran-funds-groups sup:firstSince ?t } ;"
        ' INSERT DATA { claim:fixture-iran-funds-groups sup:firstSince "since 2010" }',
        "ClaimShape",
        CLAIM1,
    ),
    (
        "citation-without-entry-flag",
        f"DELETE WHERE {{ <{CITATION}> sup:entryInText ?f }}",
        "CitationShape",
        CITATION,
    ),
    (
        "citation-unlisted-but-with-entry-text",
        f"DELETE WHERE {{ <{CITATION}> sup:entryInText ?f }} ;"
        f" INSERT DATA {{ <{CITATION}> sup:entryInText false }}",
        "CitationShape",
        CITATION,
    ),
    (
        "candidate-sentence-without-cue",
        f"DELETE WHERE {{ <{span(0, 104)}> sup:relationCue ?c }}",
        "CandidateSentenceShape",
        span(0, 104),
    ),
    (
        "candidate-sentence-with-claims-and-a-reason",
        f"INSERT DATA {{ <{span(0, 104)}> sup:coverageReason"
        " <http://127.0.0.1:8080/def/coverage-reason/background> }",
        "CandidateSentenceShape",
        span(0, 104),
    ),
    (
        "candidate-sentence-reason-not-in-scheme",
        f"DELETE WHERE {{ <{span(0, 104)}> sup:hasClaim ?c }} ;"
        f" INSERT DATA {{ <{span(0, 104)}> sup:coverageReason"
        " <http://127.0.0.1:8080/def/polarity/denied> }",
        "CandidateSentenceShape",
        span(0, 104),
    ),
    (
        "candidate-sentence-claim-anchored-elsewhere",
        f"INSERT DATA {{ <{span(0, 104)}> sup:hasClaim claim:fixture-hamas-denies-funding }}",
        "CandidateSentenceShape",
        span(0, 104),
    ),
    # --- attributions ---
    (
        "attribution-agent-not-an-actor",
        f"DELETE WHERE {{ <{CLAIM2}/attribution/2> prov:agent ?a }} ;"
        f" INSERT DATA {{ <{CLAIM2}/attribution/2> prov:agent place:tehran }}",
        "AttributionShape",
        f"{CLAIM2}/attribution/2",
    ),
    (
        "attribution-role-outside-scheme",
        f"DELETE WHERE {{ <{CLAIM2}/attribution/1> prov:hadRole ?r }} ;"
        f" INSERT DATA {{ <{CLAIM2}/attribution/1> prov:hadRole <{BASE}def/rate/per-year> }}",
        "AttributionShape",
        f"{CLAIM2}/attribution/1",
    ),
    (
        "attribution-two-roles",
        f"INSERT DATA {{ <{CLAIM2}/attribution/1> prov:hadRole role:quoted-speaker }}",
        "AttributionShape",
        f"{CLAIM2}/attribution/1",
    ),
    (
        "attribution-position-zero",
        f"DELETE WHERE {{ <{CLAIM1}/attribution/1> sup:chainPosition ?p }} ;"
        f" INSERT DATA {{ <{CLAIM1}/attribution/1> sup:chainPosition 0 }}",
        "AttributionShape",
        f"{CLAIM1}/attribution/1",
    ),
    (
        "attribution-without-position",
        f"DELETE WHERE {{ <{CLAIM1}/attribution/1> sup:chainPosition ?p }}",
        "AttributionShape",
        f"{CLAIM1}/attribution/1",
    ),
    (
        "attribution-of-no-claim",
        "DELETE DATA { claim:fixture-iran-funds-groups"
        f" prov:qualifiedAttribution <{CLAIM1}/attribution/1> }}",
        "AttributionShape",
        f"{CLAIM1}/attribution/1",
    ),
    (
        "attribution-chain-gap",
        f"DELETE WHERE {{ <{CLAIM2}/attribution/2> sup:chainPosition ?p }} ;"
        f" INSERT DATA {{ <{CLAIM2}/attribution/2> sup:chainPosition 3 }}",
        "AttributionChainShape",
        CLAIM2,
    ),
    (
        "attribution-chain-repeated-position",
        f"DELETE WHERE {{ <{CLAIM2}/attribution/2> sup:chainPosition ?p }} ;"
        f" INSERT DATA {{ <{CLAIM2}/attribution/2> sup:chainPosition 1 }}",
        "AttributionChainShape",
        CLAIM2,
    ),
    # --- evidence ---
    (
        "evidence-without-source",
        f"DELETE WHERE {{ <{CLAIM1}/evidence> oa:hasSource ?s }}",
        "EvidenceShape",
        f"{CLAIM1}/evidence",
    ),
    (
        "evidence-source-not-a-context",
        f"DELETE WHERE {{ <{CLAIM1}/evidence> oa:hasSource ?s }} ;"
        f" INSERT DATA {{ <{CLAIM1}/evidence> oa:hasSource document:fixture-report-ar }}",
        "EvidenceShape",
        f"{CLAIM1}/evidence",
    ),
    (
        "evidence-without-position-selector",
        f"DELETE DATA {{ <{CLAIM1}/evidence> oa:hasSelector <{CLAIM1}/evidence/position> }}",
        "EvidenceShape",
        f"{CLAIM1}/evidence",
    ),
    (
        "evidence-without-quote-selector",
        f"DELETE DATA {{ <{CLAIM1}/evidence> oa:hasSelector <{CLAIM1}/evidence/quote> }}",
        "EvidenceShape",
        f"{CLAIM1}/evidence",
    ),
    (
        "position-start-not-before-end",
        f"DELETE WHERE {{ <{CLAIM1}/evidence/position> oa:start ?s }} ;"
        f' INSERT DATA {{ <{CLAIM1}/evidence/position> oa:start "83"^^xsd:integer }}',
        "TextPositionSelectorShape",
        f"{CLAIM1}/evidence/position",
    ),
    (
        "position-negative-start",
        f"DELETE WHERE {{ <{CLAIM1}/evidence/position> oa:start ?s }} ;"
        f' INSERT DATA {{ <{CLAIM1}/evidence/position> oa:start "-1"^^xsd:integer }}',
        "TextPositionSelectorShape",
        f"{CLAIM1}/evidence/position",
    ),
    (
        "position-without-end",
        f"DELETE WHERE {{ <{CLAIM1}/evidence/position> oa:end ?e }}",
        "TextPositionSelectorShape",
        f"{CLAIM1}/evidence/position",
    ),
    (
        "quote-empty-exact",
        f"DELETE WHERE {{ <{CLAIM1}/evidence/quote> oa:exact ?x }} ;"
        f' INSERT DATA {{ <{CLAIM1}/evidence/quote> oa:exact "" }}',
        "TextQuoteSelectorShape",
        f"{CLAIM1}/evidence/quote",
    ),
    (
        "quote-without-exact",
        f"DELETE WHERE {{ <{CLAIM1}/evidence/quote> oa:exact ?x }}",
        "TextQuoteSelectorShape",
        f"{CLAIM1}/evidence/quote",
    ),
    (
        "quote-two-exacts",
        f'INSERT DATA {{ <{CLAIM1}/evidence/quote> oa:exact "تقدم إيران" }}',
        "TextQuoteSelectorShape",
        f"{CLAIM1}/evidence/quote",
    ),
    (
        "quote-prefix-too-long",
        f"DELETE WHERE {{ <{CLAIM2}/evidence/quote> oa:prefix ?p }} ;"
        f' INSERT DATA {{ <{CLAIM2}/evidence/quote> oa:prefix "{"x" * 33}" }}',
        "TextQuoteSelectorShape",
        f"{CLAIM2}/evidence/quote",
    ),
    (
        "quote-does-not-match-text",
        f"DELETE WHERE {{ <{CLAIM1}/evidence/quote> oa:exact ?x }} ;"
        f' INSERT DATA {{ <{CLAIM1}/evidence/quote> oa:exact "تقدم روسيا حوالي 100 مليون دولار" }}',
        "QuoteMatchesTextShape",
        f"{CLAIM1}/evidence",
    ),
    (
        "quote-off-by-one",
        f"DELETE WHERE {{ <{CLAIM2}/evidence/position> oa:end ?e }} ;"
        f' INSERT DATA {{ <{CLAIM2}/evidence/position> oa:end "172"^^xsd:integer }}',
        "QuoteMatchesTextShape",
        f"{CLAIM2}/evidence",
    ),
    (
        "quote-prefix-does-not-match",
        f"DELETE WHERE {{ <{CLAIM2}/evidence/quote> oa:prefix ?p }} ;"
        f' INSERT DATA {{ <{CLAIM2}/evidence/quote> oa:prefix "something else" }}',
        "QuoteMatchesTextShape",
        f"{CLAIM2}/evidence",
    ),
    (
        "quote-suffix-does-not-match",
        f"DELETE WHERE {{ <{CLAIM1}/evidence/quote> oa:suffix ?s }} ;"
        f' INSERT DATA {{ <{CLAIM1}/evidence/quote> oa:suffix "، وفق تقرير عام 2021" }}',
        "QuoteMatchesTextShape",
        f"{CLAIM1}/evidence",
    ),
    # --- amounts ---
    (
        "amount-currency-not-iso",
        f"DELETE WHERE {{ <{CLAIM1}/amount> schema:currency ?c }} ;"
        f' INSERT DATA {{ <{CLAIM1}/amount> schema:currency "US$" }}',
        "AmountShape",
        f"{CLAIM1}/amount",
    ),
    (
        "amount-value-not-decimal",
        f"DELETE WHERE {{ <{CLAIM1}/amount> schema:value ?v }} ;"
        f' INSERT DATA {{ <{CLAIM1}/amount> schema:value "100 million" }}',
        "AmountShape",
        f"{CLAIM1}/amount",
    ),
    (
        "amount-value-and-range",
        f'INSERT DATA {{ <{CLAIM1}/amount> schema:minValue "10"^^xsd:decimal }}',
        "AmountShape",
        f"{CLAIM1}/amount",
    ),
    (
        "amount-without-value",
        f"DELETE WHERE {{ <{CLAIM1}/amount> schema:value ?v }}",
        "AmountShape",
        f"{CLAIM1}/amount",
    ),
    (
        "amount-min-above-max",
        f"DELETE WHERE {{ <{CLAIM1}/amount> schema:value ?v }} ;"
        f' INSERT DATA {{ <{CLAIM1}/amount> schema:minValue "99999999"^^xsd:decimal ;'
        f' schema:maxValue "10000000"^^xsd:decimal }}',
        "AmountShape",
        f"{CLAIM1}/amount",
    ),
    (
        "amount-rate-outside-scheme",
        f"DELETE WHERE {{ <{CLAIM1}/amount> sup:rate ?r }} ;"
        f" INSERT DATA {{ <{CLAIM1}/amount> sup:rate <{BASE}def/polarity/affirmed> }}",
        "AmountShape",
        f"{CLAIM1}/amount",
    ),
    # --- quantities and places of a transfer ---
    (
        "quantity-without-kind",
        f"DELETE WHERE {{ <{CLAIM1}/quantity/1> sup:quantityKind ?k }}",
        "QuantityShape",
        f"{CLAIM1}/quantity/1",
    ),
    (
        "quantity-kind-outside-scheme",
        f"DELETE WHERE {{ <{CLAIM1}/quantity/1> sup:quantityKind ?k }} ;"
        f" INSERT DATA {{ <{CLAIM1}/quantity/1> sup:quantityKind <{BASE}def/rate/per-year> }}",
        "QuantityShape",
        f"{CLAIM1}/quantity/1",
    ),
    (
        "quantity-value-and-range",
        f'INSERT DATA {{ <{CLAIM1}/quantity/1> schema:value "5"^^xsd:decimal }}',
        "QuantityShape",
        f"{CLAIM1}/quantity/1",
    ),
    (
        "quantity-negative",
        f"DELETE WHERE {{ <{CLAIM1}/quantity/1> schema:minValue ?v }} ;"
        f' INSERT DATA {{ <{CLAIM1}/quantity/1> schema:minValue "-3"^^xsd:decimal }}',
        "QuantityShape",
        f"{CLAIM1}/quantity/1",
    ),
    (
        "origin-not-a-place",
        f"DELETE WHERE {{ <{CLAIM1}> sup:origin ?o }} ;"
        f" INSERT DATA {{ <{CLAIM1}> sup:origin <{BASE}id/actor/hamas> }}",
        "ClaimShape",
        CLAIM1,
    ),
    # --- time ---
    (
        "instant-ill-formed-gyearmonth",
        f"DELETE WHERE {{ <{CLAIM1}/time> time:inXSDgYear ?y }} ;"
        f' INSERT DATA {{ <{CLAIM1}/time> time:inXSDgYearMonth "2006-13"^^xsd:gYearMonth }}',
        "InstantShape",
        f"{CLAIM1}/time",
    ),
    (
        "instant-ill-formed-gyear",
        f"DELETE WHERE {{ <{CLAIM1}/time> time:inXSDgYear ?y }} ;"
        f' INSERT DATA {{ <{CLAIM1}/time> time:inXSDgYear "20201"^^xsd:gYear }}',
        "InstantShape",
        f"{CLAIM1}/time",
    ),
    (
        "instant-ill-formed-date",
        f"DELETE WHERE {{ <{EVENT}/time/end> time:inXSDDate ?d }} ;"
        f' INSERT DATA {{ <{EVENT}/time/end> time:inXSDDate "1993-06-32"^^xsd:date }}',
        "InstantShape",
        f"{EVENT}/time/end",
    ),
    (
        "instant-gyear-as-string",
        f"DELETE WHERE {{ <{CLAIM1}/time> time:inXSDgYear ?y }} ;"
        f' INSERT DATA {{ <{CLAIM1}/time> time:inXSDgYear "2020" }}',
        "InstantShape",
        f"{CLAIM1}/time",
    ),
    (
        "instant-two-precisions",
        f'INSERT DATA {{ <{CLAIM1}/time> time:inXSDgYearMonth "2020-05"^^xsd:gYearMonth }}',
        "InstantShape",
        f"{CLAIM1}/time",
    ),
    (
        "instant-without-value",
        f"DELETE WHERE {{ <{CLAIM1}/time> time:inXSDgYear ?y }}",
        "InstantShape",
        f"{CLAIM1}/time",
    ),
    (
        "interval-begins-after-it-ends",
        f"DELETE WHERE {{ <{CLAIM2}/time/beginning> time:inXSDgYear ?y }} ;"
        f' INSERT DATA {{ <{CLAIM2}/time/beginning> time:inXSDgYear "1995"^^xsd:gYear }}',
        "IntervalOrderShape",
        f"{CLAIM2}/time",
    ),
    (
        "interval-begins-after-it-ends-mixed-precision",
        f"DELETE WHERE {{ <{EVENT}/time/end> time:inXSDDate ?d }} ;"
        f' INSERT DATA {{ <{EVENT}/time/end> time:inXSDDate "1990-02-28"^^xsd:date }}',
        "IntervalOrderShape",
        f"{EVENT}/time",
    ),
    (
        "interval-without-ends",
        f"DELETE WHERE {{ <{CLAIM2}/time> time:hasBeginning ?b ; time:hasEnd ?e }}",
        "IntervalShape",
        f"{CLAIM2}/time",
    ),
    (
        "interval-end-not-conforming",
        f"DELETE WHERE {{ <{CLAIM2}/time/end> time:inXSDgYear ?y }}",
        "IntervalShape",
        f"{CLAIM2}/time",
    ),
    (
        "interval-approximate-not-boolean",
        f"DELETE WHERE {{ <{CLAIM2}/time> sup:approximate ?a }} ;"
        f' INSERT DATA {{ <{CLAIM2}/time> sup:approximate "roughly" }}',
        "IntervalShape",
        f"{CLAIM2}/time",
    ),
    # --- conflicts ---
    (
        "conflict-with-one-claim",
        "DELETE DATA { conflict:fixture-iran-hamas-funding"
        " sup:conflictingClaim claim:fixture-hamas-denies-funding }",
        "ConflictShape",
        CONFLICT,
    ),
    (
        "conflict-with-a-non-claim",
        "INSERT DATA { conflict:fixture-iran-hamas-funding sup:conflictingClaim actor:hamas }",
        "ConflictShape",
        CONFLICT,
    ),
    (
        "conflict-aspect-unknown",
        "DELETE WHERE { conflict:fixture-iran-hamas-funding sup:conflictAspect ?a } ;"
        ' INSERT DATA { conflict:fixture-iran-hamas-funding sup:conflictAspect "whether" }',
        "ConflictShape",
        CONFLICT,
    ),
    (
        "conflict-without-kind",
        "DELETE WHERE { conflict:fixture-iran-hamas-funding sup:conflictKind ?k }",
        "ConflictShape",
        CONFLICT,
    ),
    (
        "conflict-kind-change-over-time",
        "DELETE WHERE { conflict:fixture-iran-hamas-funding sup:conflictKind ?k } ;"
        f" INSERT DATA {{ conflict:fixture-iran-hamas-funding sup:conflictKind <{KIND}change-over-time> }}",
        "ConflictShape",
        CONFLICT,
    ),
    (
        "conflict-one-proposition-on-two-sides",
        "INSERT DATA { claim:fixture-other-report a sup:Claim ;"
        " sup:proposition prop:iran-funds-palestinian-groups-100m-2020 ;"
        " sup:polarity <http://127.0.0.1:8080/def/polarity/affirmed> ."
        f" <{CONFLICT}/side/2> sup:sideClaim claim:fixture-other-report ."
        " conflict:fixture-iran-hamas-funding sup:conflictingClaim claim:fixture-other-report }",
        "ConflictKindShape",
        CONFLICT,
    ),
    (
        "contradiction-with-one-polarity",
        "DELETE WHERE { claim:fixture-hamas-denies-funding sup:polarity ?p } ;"
        " INSERT DATA { claim:fixture-hamas-denies-funding"
        " sup:polarity <http://127.0.0.1:8080/def/polarity/affirmed> }",
        "ConflictKindShape",
        CONFLICT,
    ),
    (
        "differing-figures-with-opposite-polarities",
        "DELETE WHERE { conflict:fixture-iran-hamas-funding sup:conflictKind ?k } ;"
        f" INSERT DATA {{ conflict:fixture-iran-hamas-funding sup:conflictKind <{KIND}differing-figures> }}",
        "ConflictKindShape",
        CONFLICT,
    ),
    (
        "series-of-one-claim",
        f"DELETE DATA {{ <{SERIES}> sup:seriesItem <{SERIES}/item/2> }}",
        "ClaimSeriesShape",
        SERIES,
    ),
    (
        "series-positions-with-a-gap",
        f"DELETE DATA {{ <{SERIES}/item/2> sup:seriesPosition 2 }} ;"
        f" INSERT DATA {{ <{SERIES}/item/2> sup:seriesPosition 3 }}",
        "ClaimSeriesShape",
        SERIES,
    ),
    (
        "series-members-in-conflict",
        "INSERT DATA { claim:fixture-iran-funds-groups sup:conflictsWith claim:fixture-iran-funds-more }",
        "ClaimSeriesShape",
        SERIES,
    ),
    (
        "series-item-without-claim",
        f"DELETE WHERE {{ <{SERIES}/item/1> sup:itemClaim ?c }}",
        "SeriesItemShape",
        f"{SERIES}/item/1",
    ),
    (
        "conflict-with-one-side",
        f"DELETE DATA {{ conflict:fixture-iran-hamas-funding sup:hasSide <{CONFLICT}/side/2> }}",
        "ConflictShape",
        CONFLICT,
    ),
    (
        "conflict-derived-not-boolean",
        'INSERT DATA { conflict:fixture-iran-hamas-funding sup:derived "yes" }',
        "ConflictShape",
        CONFLICT,
    ),
    (
        "conflict-side-without-claims",
        f"DELETE WHERE {{ <{CONFLICT}/side/2> sup:sideClaim ?c }}",
        "ConflictSideShape",
        f"{CONFLICT}/side/2",
    ),
    (
        "conflict-side-of-no-conflict",
        f"DELETE DATA {{ conflict:fixture-iran-hamas-funding sup:hasSide <{CONFLICT}/side/2> }}",
        "ConflictSideShape",
        f"{CONFLICT}/side/2",
    ),
    # --- release ---
    (
        "quality-measurement-share-above-one",
        f"DELETE WHERE {{ <{RELEASE}/quality/candidate-coverage> <http://www.w3.org/ns/dqv#value> ?v }} ;"
        f' INSERT DATA {{ <{RELEASE}/quality/candidate-coverage> <http://www.w3.org/ns/dqv#value> "1.5"^^xsd:decimal }}',
        "QualityMeasurementShape",
        f"{RELEASE}/quality/candidate-coverage",
    ),
    (
        "quality-measurement-of-no-metric",
        f"DELETE WHERE {{ <{RELEASE}/quality/candidate-coverage> <http://www.w3.org/ns/dqv#isMeasurementOf> ?m }}",
        "QualityMeasurementShape",
        f"{RELEASE}/quality/candidate-coverage",
    ),
    (
        "release-without-build",
        f"DELETE WHERE {{ <{RELEASE}> prov:wasGeneratedBy ?b }}",
        "ReleaseShape",
        RELEASE,
    ),
    (
        "release-without-generation-time",
        f"DELETE WHERE {{ <{RELEASE}> prov:generatedAtTime ?t }}",
        "ReleaseShape",
        RELEASE,
    ),
    (
        "release-derived-from-non-document",
        f"INSERT DATA {{ <{RELEASE}> prov:wasDerivedFrom <{INPUT}> }}",
        "ReleaseShape",
        RELEASE,
    ),
    (
        "release-generated-by-non-build",
        f"DELETE WHERE {{ <{RELEASE}> prov:wasGeneratedBy ?b }} ;"
        f" INSERT DATA {{ <{RELEASE}> prov:wasGeneratedBy <{SOFTWARE}> }}",
        "ReleaseShape",
        RELEASE,
    ),
    (
        "build-ends-before-it-starts",
        f"DELETE WHERE {{ <{BUILD}> prov:endedAtTime ?t }} ;"
        f' INSERT DATA {{ <{BUILD}> prov:endedAtTime "2026-11-21T23:59:59Z"^^xsd:dateTime }}',
        "BuildShape",
        BUILD,
    ),
    (
        "build-time-not-datetime",
        f"DELETE WHERE {{ <{BUILD}> prov:startedAtTime ?t }} ;"
        f' INSERT DATA {{ <{BUILD}> prov:startedAtTime "2026-11-22"^^xsd:date }}',
        "BuildShape",
        BUILD,
    ),
    (
        "build-without-software-agent",
        f"DELETE WHERE {{ <{SOFTWARE}> a prov:SoftwareAgent }}",
        "BuildShape",
        BUILD,
    ),
    ("build-used-nothing", f"DELETE WHERE {{ <{BUILD}> prov:used ?u }}", "BuildShape", BUILD),
    (
        "software-agent-without-label",
        f"DELETE WHERE {{ <{SOFTWARE}> rdfs:label ?l }}",
        "SoftwareAgentShape",
        SOFTWARE,
    ),
    (
        "software-agent-two-versions",
        f'INSERT DATA {{ <{SOFTWARE}> sup:softwareVersion "0.2.0" }}',
        "SoftwareAgentShape",
        SOFTWARE,
    ),
    # --- SKOS (the concepts come from ontology/*.ttl) ---
    (
        "concept-missing-arabic-label",
        'DELETE DATA { rel:praise skos:prefLabel "إشادة"@ar }',
        "ConceptShape",
        f"{BASE}def/relation/praise",
    ),
    (
        "concept-missing-english-definition",
        "DELETE { rel:praise skos:definition ?d }"
        " WHERE { rel:praise skos:definition ?d FILTER(LANG(?d) = 'en') }",
        "ConceptShape",
        f"{BASE}def/relation/praise",
    ),
    (
        "concept-not-in-a-scheme",
        "DELETE WHERE { rel:praise skos:inScheme ?s }",
        "ConceptShape",
        f"{BASE}def/relation/praise",
    ),
    (
        "concept-neither-top-nor-narrower",
        "DELETE WHERE { rel:training skos:broader ?b }",
        "ConceptShape",
        f"{BASE}def/relation/training",
    ),
    (
        "concept-notation-not-a-string",
        "DELETE WHERE { rel:praise skos:notation ?n } ; INSERT DATA { rel:praise skos:notation 51 }",
        "ConceptShape",
        f"{BASE}def/relation/praise",
    ),
    (
        "scheme-missing-arabic-label",
        f'DELETE DATA {{ <{BASE}def/relation-types> skos:prefLabel "أنواع العلاقات"@ar }}',
        "ConceptSchemeShape",
        f"{BASE}def/relation-types",
    ),
]

# Helper shapes have no target; each is exercised through the class shapes that use it.
HELPER_CASES = {
    "BilingualLabelShape": "actor-missing-arabic-label",
    "BilingualDefinitionShape": "position-missing-arabic-definition",
    "DateLiteralShape": "cited-source-ill-formed-date",
}

# A sample of cases that also run against the whole shapes graph, unrestricted.
FULL_VALIDATION_CASES = [
    "actor-wrong-language-tag",
    "instant-ill-formed-gyearmonth",
    "position-start-not-before-end",
    "quote-does-not-match-text",
    "attribution-chain-gap",
]


# --- fixtures and helpers ------------------------------------------------------------------------


def parse_all(paths: list[Path]) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def shapes_graph() -> Graph:
    return parse_all(SHAPE_FILES)


@pytest.fixture(scope="module")
def ontology_graph() -> Graph:
    return parse_all(ONTOLOGY_FILES)


@pytest.fixture(scope="module")
def valid_data(ontology_graph: Graph) -> Graph:
    data = Graph()
    data += ontology_graph
    data.parse(FIXTURE, format="turtle")
    return data


def validate(
    data: Graph, shapes: Graph, use_shapes: list[str] | None = None, inplace: bool = False
):
    """pyshacl as the build runs it; inplace=True skips the copy of a throwaway data graph."""
    return pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=False,
        use_shapes=use_shapes,
        inplace=inplace,
    )


def shapes_reached(shapes: Graph, shape: URIRef) -> list[str]:
    """The shape and the named shapes it refers to (sh:node, ...), for pyshacl's use_shapes.

    pyshacl leaves out every named shape not listed in use_shapes, even where sh:node refers
    to it, so the whole closure is listed.
    """
    reached, todo, named = set(), [shape], {shape}
    while todo:
        node = todo.pop()
        if node in reached:
            continue
        reached.add(node)
        for _, value in shapes.predicate_objects(node):
            if isinstance(value, BNode) or (
                isinstance(value, URIRef) and str(value).startswith(str(SHP))
            ):
                todo.append(value)
                if isinstance(value, URIRef):
                    named.add(value)
    return sorted(str(n) for n in named)


NAMESPACES = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", PREFIXES))


@contextmanager
def broken(valid: Graph, update: str) -> Iterator[Graph]:
    """The valid graph with one SPARQL update applied, restored afterwards (cheaper than a copy).

    The namespaces are passed explicitly: in a request of several operations rdflib resolves
    the later ones with the graph's own bindings (schema: would become https://schema.org/).
    """
    before = set(valid)
    valid.update(PREFIXES + update, initNs=NAMESPACES)
    after = set(valid)
    added, removed = after - before, before - after
    try:
        assert added or removed, "the update changed nothing"
        stray = [t for t in added if any(str(x).startswith("https://schema.org/") for x in t)]
        assert not stray, stray
        yield valid
    finally:
        for triple in added:
            valid.remove(triple)
        for triple in removed:
            valid.add(triple)
        assert len(valid) == len(before)


def named_shape(shapes: Graph, shape) -> URIRef | None:
    """The named (IRI) shape a result's sh:sourceShape belongs to."""
    seen = set()
    while isinstance(shape, BNode) and shape not in seen:
        seen.add(shape)
        parent = next(iter(shapes.subjects(SH.property, shape)), None)
        if parent is None:
            return None
        shape = parent
    return shape if isinstance(shape, URIRef) else None


def results(report: Graph, shapes: Graph) -> set[tuple[str, str]]:
    """(shape local name, focus node) of each top-level result of a validation report."""
    found = set()
    for validation_report in report.subjects(RDF.type, SH.ValidationReport):
        for result in report.objects(validation_report, SH.result):
            shape = named_shape(shapes, report.value(result, SH.sourceShape))
            focus = report.value(result, SH.focusNode)
            if shape is not None and str(shape).startswith(str(SHP)):
                found.add((str(shape)[len(str(SHP)) :], str(focus)))
    return found


def case_params(cases):
    return [pytest.param(*case, id=case[0]) for case in cases]


# --- the valid graph -----------------------------------------------------------------------------


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_valid_fixture_conforms(valid_data, shapes_graph):
    conforms, _, text = validate(valid_data, shapes_graph)
    assert conforms, text


def test_every_shape_has_a_focus_node_in_the_valid_fixture(valid_data, shapes_graph):
    """Guards against shapes that pass only because nothing is targeted."""
    for shape in targeted_shapes(shapes_graph):
        if shape in SPARQL_TARGETED:
            continue
        instances = set()
        for cls in shapes_graph.objects(SHP[shape], SH.targetClass):
            for sub in valid_data.transitive_subjects(RDFS.subClassOf, cls):
                instances |= set(valid_data.subjects(RDF.type, sub))
        for prop in shapes_graph.objects(SHP[shape], SH.targetSubjectsOf):
            instances |= set(valid_data.subjects(prop, None))
        assert instances, f"{shape} targets nothing in the valid fixture"


# --- one broken graph per case -------------------------------------------------------------------


@pytest.mark.parametrize(("case", "update", "shape", "focus"), case_params(CASES))
def test_broken_graph_is_reported(valid_data, shapes_graph, case, update, shape, focus):
    with broken(valid_data, update) as data:
        use = shapes_reached(shapes_graph, SHP[shape])
        conforms, report, text = validate(data, shapes_graph, use, inplace=True)
    assert not conforms, f"{case}: {shape} did not reject the broken graph"
    assert (shape, focus) in results(report, shapes_graph), text


@pytest.mark.slow  # pyshacl with every shape, once per case
@pytest.mark.parametrize(
    ("case", "update", "shape", "focus"),
    case_params([case for case in CASES if case[0] in FULL_VALIDATION_CASES]),
)
def test_broken_graph_fails_full_validation(valid_data, shapes_graph, case, update, shape, focus):
    with broken(valid_data, update) as data:
        conforms, report, text = validate(data, shapes_graph, inplace=True)
    assert not conforms
    assert (shape, focus) in results(report, shapes_graph), text


SPARQL_TARGETED = {
    "SpanAnchorShape",
    "ClaimEvidenceShape",
    "AttributionChainShape",
    "QuoteMatchesTextShape",
    "IntervalOrderShape",
    "MembershipClaimShape",
}


def targeted_shapes(shapes: Graph) -> set[str]:
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    return {
        str(node)[len(str(SHP)) :]
        for node in shapes.subjects(RDF.type, SH.NodeShape)
        if isinstance(node, URIRef) and any((node, t, None) in shapes for t in targets)
    }


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_valid_fixture_still_conforms_after_the_cases(valid_data, shapes_graph):
    """The cases restore the shared graph; it must still conform."""
    conforms, _, text = validate(valid_data, shapes_graph)
    assert conforms, text


def test_every_shape_has_a_failing_case(shapes_graph):
    named = {
        str(node)[len(str(SHP)) :]
        for node in shapes_graph.subjects(RDF.type, SH.NodeShape)
        if isinstance(node, URIRef) and str(node).startswith(str(SHP))
    }
    targeted = targeted_shapes(shapes_graph)
    assert targeted >= SPARQL_TARGETED
    covered = {case[2] for case in CASES}
    assert targeted - covered == set(), "targeted shapes without a failing case"
    assert named - targeted == set(HELPER_CASES), "helper shapes without a case"
    case_ids = {case[0] for case in CASES}
    for helper, case_id in HELPER_CASES.items():
        assert case_id in case_ids
        assert (None, None, SHP[helper]) in shapes_graph, f"{helper} is not used"
    assert len(case_ids) == len(CASES), "duplicate case ids"


def test_every_shape_has_a_message(shapes_graph):
    for node in shapes_graph.subjects(RDF.type, SH.NodeShape):
        if not isinstance(node, URIRef):
            continue
        messages = list(shapes_graph.objects(node, SH.message))
        for prop in shapes_graph.objects(node, SH.property):
            assert (prop, SH.message, None) in shapes_graph, f"{node}: property without message"
            messages.append(prop)
        for sparql in shapes_graph.objects(node, SH.sparql):
            assert (sparql, SH.message, None) in shapes_graph, f"{node}: SPARQL without message"
            messages.append(sparql)
        assert messages, f"{node} has no sh:message"


def test_shape_iris_follow_the_model(shapes_graph):
    for node in shapes_graph.subjects(RDF.type, SH.NodeShape):
        if isinstance(node, URIRef):
            assert re.fullmatch(re.escape(str(SHP)) + r"[A-Z][A-Za-z]*Shape", str(node)), node
    assert (None, SH.closed, None) not in shapes_graph


# --- the ontology and the schemes ----------------------------------------------------------------

TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


def one_per_language(graph: Graph, node, prop) -> bool:
    langs = [value.language for value in graph.objects(node, prop) if isinstance(value, Literal)]
    return sorted(langs) == ["ar", "en"]


def test_every_term_has_english_and_arabic_labels_and_definitions(ontology_graph):
    terms = {
        s
        for t in TERM_TYPES
        for s in ontology_graph.subjects(RDF.type, t)
        if str(s).startswith(str(SUP))
    }
    assert len(terms) > 50
    for term in terms:
        assert one_per_language(ontology_graph, term, RDFS.label), f"labels of {term}"
        assert one_per_language(ontology_graph, term, SKOS.definition), f"definitions of {term}"


def test_every_concept_and_scheme_has_english_and_arabic_labels_and_definitions(ontology_graph):
    nodes = set(ontology_graph.subjects(RDF.type, SKOS.Concept)) | set(
        ontology_graph.subjects(RDF.type, SKOS.ConceptScheme)
    )
    assert len(nodes) > 60
    for node in nodes:
        assert one_per_language(ontology_graph, node, SKOS.prefLabel), f"labels of {node}"
        assert one_per_language(ontology_graph, node, SKOS.definition), f"definitions of {node}"
        # rdfs:label repeats skos:prefLabel for queries run without RDFS inference
        assert set(ontology_graph.objects(node, RDFS.label)) == set(
            ontology_graph.objects(node, SKOS.prefLabel)
        ), f"rdfs:label of {node}"


def test_ontology_header(ontology_graph):
    ontology = URIRef(BASE + "def/ontology")
    assert (ontology, RDF.type, OWL.Ontology) in ontology_graph
    assert (ontology, OWL.versionIRI, URIRef(BASE + "def/ontology/1.0.0")) in ontology_graph
    assert (ontology, OWL.versionInfo, Literal("1.0.0")) in ontology_graph
    dcterms = Namespace("http://purl.org/dc/terms/")
    assert one_per_language(ontology_graph, ontology, dcterms.title)
    assert one_per_language(ontology_graph, ontology, dcterms.description)
    assert str(ontology_graph.value(ontology, dcterms.license)).endswith("LICENSE-2.0")


def test_every_sup_term_of_the_model_is_declared(ontology_graph):
    model = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    names = set(re.findall(r"sup:([A-Za-z][A-Za-z0-9]*)", model))
    assert "Claim" in names
    for name in names:
        types = set(ontology_graph.objects(SUP[name], RDF.type))
        assert types & TERM_TYPES, f"sup:{name} (docs/model.md) is not declared"


NOT_TERMS = {
    "conflict-kinds",
    "coverage-reasons",
    "ontology",
    "shapes",
    "relation-types",
    "cameo",
    "attribution-roles",
    "rates",
    "quantity-kinds",
    "polarities",
    "document-kinds",
    "boilerplate-kinds",
}


def test_every_sup_term_used_is_declared(ontology_graph, shapes_graph):
    used = Graph()
    used += shapes_graph
    used.parse(FIXTURE, format="turtle")
    used += ontology_graph
    for term in set(used.all_nodes()):
        if not isinstance(term, URIRef) or not str(term).startswith(str(SUP)):
            continue
        local = str(term)[len(str(SUP)) :]
        if "/" in local or local in NOT_TERMS:
            continue
        assert set(ontology_graph.objects(term, RDF.type)) & TERM_TYPES, f"{term} is not declared"


def relation_table() -> list[tuple[str, str, str, str | None]]:
    text = (ROOT / "docs" / "relation-types.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[a-z-]+", cells[0]) and cells[2] in ("—",):
            rows.append((cells[0], "", "", None))  # not an event: no CAMEO code
        elif len(cells) == 4 and re.fullmatch(r"[a-z-]+", cells[0]) and cells[2].isdigit():
            broader = re.search(r"\(broader: ([a-z-]+)\)", cells[1])
            rows.append((cells[0], cells[2], cells[3], broader.group(1) if broader else None))
    return rows


def test_relation_types_match_the_table(ontology_graph):
    rows = relation_table()
    assert len(rows) == 33
    scheme = URIRef(BASE + "def/relation-types")
    concepts = set(ontology_graph.subjects(SKOS.inScheme, scheme))
    assert concepts == {URIRef(f"{BASE}def/relation/{row[0]}") for row in rows}
    for relation, code, match, broader in rows:
        concept = URIRef(f"{BASE}def/relation/{relation}")
        if not code:
            assert (concept, SKOS.notation, None) not in ontology_graph, relation
            assert (concept, SKOS.exactMatch, None) not in ontology_graph, relation
            assert (concept, SKOS.closeMatch, None) not in ontology_graph, relation
            assert (concept, SKOS.topConceptOf, scheme) in ontology_graph
            continue
        assert list(ontology_graph.objects(concept, SKOS.notation)) == [Literal(code)]
        cameo = URIRef(f"{BASE}def/cameo/{code}")
        match_property = SKOS.exactMatch if match == "exact" else SKOS.closeMatch
        assert list(ontology_graph.objects(concept, match_property)) == [cameo], relation
        if broader:
            assert list(ontology_graph.objects(concept, SKOS.broader)) == [
                URIRef(f"{BASE}def/relation/{broader}")
            ]
            assert (concept, SKOS.topConceptOf, None) not in ontology_graph
        else:
            assert (concept, SKOS.topConceptOf, scheme) in ontology_graph
        assert (cameo, SKOS.inScheme, URIRef(BASE + "def/cameo")) in ontology_graph
        assert list(ontology_graph.objects(cameo, SKOS.notation)) == [Literal(code)]


CAMEO_LABELS = {
    "018": "Make empathetic comment",
    "027": "Appeal to others to settle dispute",
    "040": "Consult",
    "180": "Use unconventional violence",
    "0841": "Return, release person(s)",
    "030": "Express intent to cooperate",
    "033": "Express intent to provide material aid",
    "0331": "Express intent to provide economic aid",
    "0332": "Express intent to provide military aid",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a third location",
    "045": "Mediate",
    "050": "Engage in diplomatic cooperation",
    "051": "Praise or endorse",
    "052": "Defend verbally",
    "057": "Sign formal agreement",
    "071": "Provide economic aid",
    "072": "Provide military aid",
    "111": "Criticize or denounce",
    "160": "Reduce relations",
    "162": "Reduce or stop material aid",
    "163": "Impose embargo, boycott, or sanctions",
    "170": "Coerce",
}


def test_cameo_scheme(ontology_graph):
    scheme = URIRef(BASE + "def/cameo")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology_graph
    assert "No official RDF IRIs" in str(ontology_graph.value(scheme, RDFS.comment))
    codes = {
        str(n)
        for c in ontology_graph.subjects(SKOS.inScheme, scheme)
        for n in ontology_graph.objects(c, SKOS.notation)
    }
    assert codes == set(CAMEO_LABELS)
    for code, label in CAMEO_LABELS.items():
        concept = URIRef(f"{BASE}def/cameo/{code}")
        assert Literal(label, lang="en") in set(ontology_graph.objects(concept, SKOS.prefLabel))


@pytest.mark.parametrize(
    ("scheme", "singular", "ids"),
    [
        (
            "attribution-roles",
            "attribution-role",
            {"original-source", "quoted-speaker", "reporting-outlet", "anonymous-source"},
        ),
        ("rates", "rate", {"per-year", "one-off"}),
        ("polarities", "polarity", {"affirmed", "denied"}),
        (
            "document-kinds",
            "document-kind",
            {"encyclopedia-article", "interview", "news-report", "opinion-piece"},
        ),
        (
            "boilerplate-kinds",
            "boilerplate-kind",
            {
                "navigation",
                "edit-marker",
                "maintenance-banner",
                "link-spam",
                "reference-list",
                "image-caption",
                "promotion",
            },
        ),
    ],
)
def test_small_schemes(ontology_graph, scheme, singular, ids):
    scheme_iri = URIRef(f"{BASE}def/{scheme}")
    assert (scheme_iri, RDF.type, SKOS.ConceptScheme) in ontology_graph
    concepts = set(ontology_graph.subjects(SKOS.inScheme, scheme_iri))
    assert concepts == {URIRef(f"{BASE}def/{singular}/{i}") for i in ids}
    if scheme == "attribution-roles":
        prov_role = URIRef("http://www.w3.org/ns/prov#Role")
        assert all((c, RDF.type, prov_role) in ontology_graph for c in concepts)


# --- the files themselves ------------------------------------------------------------------------

TURTLE_FILES = ONTOLOGY_FILES + SHAPE_FILES + [FIXTURE]


@pytest.mark.parametrize("path", TURTLE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_turtle_parses_with_rdflib_and_pyoxigraph(path):
    graph = Graph().parse(path, format="turtle")
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(graph) > 0
    assert len({str(q) for q in quads}) == len(graph)


@pytest.mark.parametrize("path", TURTLE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_relative_iris(path):
    text = path.read_text(encoding="utf-8")
    assert "@base" not in text.lower() and "base <" not in text.lower()
    graph = Graph().parse(path, format="turtle", publicID="urn:x-relative:")
    for term in graph.all_nodes():
        assert not str(term).startswith("urn:x-relative:"), term
    assert BASE in text


@pytest.mark.parametrize(
    "update",
    [
        'DELETE DATA { actor:hamas rdfs:label "حماس"@ar } ;'
        ' INSERT DATA { actor:hamas sup:labelMissing "ar" }',
        'DELETE DATA { document:fixture-report-ar dcterms:title "تقرير تجريبي"@ar } ;'
        ' INSERT DATA { document:fixture-report-ar sup:labelMissing "ar" }',
    ],
    ids=["actor", "document"],
)
@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_a_name_still_to_be_found_is_said_not_stood_in_for(valid_data, shapes_graph, update):
    """An actor added before its Arabic name is known (`todo: name-ar`) has no Arabic label and
    says so; it conforms, where one missing its Arabic label without saying so does not."""
    with broken(valid_data, update) as data:
        conforms, _, text = validate(data, shapes_graph, inplace=True)
    assert conforms, text
