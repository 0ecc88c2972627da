"""A document's named graph, built on its own: its metadata, text, text layer and claims.

`DocumentBuilder` holds what every document graph is made from besides the document itself
(the corpus's actors and events, the gazetteer, relation labels, rates); `key` says which
inputs those are, so that a cached graph is reused exactly when none of them changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from publisher.build import keys
from publisher.build.cues import Cues
from publisher.build.identity import refuse_placeholder
from publisher.corpus.model import Claim, Corpus, Document
from publisher.graph.citing import cited_numbers
from publisher.graph.claims import add_claim
from publisher.graph.coverage import Coverage, account, add_coverage, candidate_sentences, summarise
from publisher.graph.direct import claim_statement
from publisher.graph.documents import add_document, add_text_layer
from publisher.rdf.iris import Minter
from publisher.rdf.terms import Triples, sorted_quads
from publisher.release.parts import GraphPart, make_part
from publisher.textlayer import Gazetteer, analyse


@dataclass
class DocumentBuilder:
    corpus: Corpus
    mint: Minter
    labels: dict[str, dict[str, str]]
    gazetteer: Gazetteer
    rates: frozenset[str]
    prefixes: dict[str, str]
    shared_digest: str  # actors, events and ontology files, the software, the base, the cues
    cues: Cues | None = None  # the cue lexicon: candidate sentences (coverage)
    claims: dict[str, list[Claim]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for claim in self.corpus.claims.values():
            self.claims.setdefault(claim.document, []).append(claim)
        self.known_actors = set(self.corpus.actors)

    def key(self, document: Document) -> str:
        """Everything the document's graph is made from."""
        claim_files = sorted({claim.origin.path for claim in self.claims.get(document.id, [])})
        metadata = [
            document.id,
            document.file,
            document.sha256,
            document.language,
            document.kind,
            repr(sorted(document.title.items())),
            document.added,
            document.publisher or "",
            document.publisher_evidence or "",
            document.url or "",
        ]
        return keys.digest(
            self.shared_digest,
            *metadata,
            document.text,
            *[part for path in claim_files for part in (path.name, path.read_bytes())],
        )

    def graph(self, document: Document) -> tuple[Triples, Coverage | None]:
        """The document's graph, and its coverage when the project has a cue lexicon."""
        graph = Triples()  # only added to, then serialised
        layer = analyse(document.text, document.language, self.gazetteer)
        add_document(graph, document, self.mint)
        add_text_layer(graph, document, layer, self.mint, self.known_actors, self.rates)
        claims = self.claims.get(document.id, [])
        for claim in claims:
            citations = cited_numbers(layer, claim.start, claim.end)
            add_claim(graph, claim, document, self.corpus, self.mint, self.labels, citations)
        lexicon = self.cues.lexicons.get(document.language) if self.cues else None
        if lexicon is None:
            return graph, None
        candidates = candidate_sentences(
            layer, self.known_actors, lexicon.relations, bool(lexicon.amount_is_cue)
        )
        accounting = account(candidates, claims, self.corpus.coverage.get(document.id, []))
        add_coverage(graph, document, accounting, self.mint)
        return graph, summarise(accounting)

    def part(self, document: Document) -> GraphPart:
        """The graph's part, with the types of the nodes other graphs point to: the document
        (memberships, the release) and its claims (conflicts), and the claims' polarity and
        proposition, which the shapes of conflicts read."""
        name = str(self.mint.graph("document", document.id))
        graph, coverage = self.graph(document)
        found = (
            claim_statement(c, self.corpus, self.mint) for c in self.claims.get(document.id, [])
        )
        statements = sorted(s for s in found if s is not None)
        part = make_part(name, sorted_quads(graph, name), self.prefixes, statements)
        refuse_placeholder(name, part.nquads)
        if coverage is not None:
            part.sections["coverage"] = coverage.pack()
        pointed = {f"<{self.mint.document(document.id)}>"} | {
            f"<{self.mint.claim(claim.id)}>" for claim in self.claims.get(document.id, [])
        }
        typed = part.typed_nodes()
        lines = [line for node in sorted(pointed & set(typed)) for line in typed[node]]
        # The reference unit's shapes read a claim's polarity and proposition (conflicts).
        read = {f"<{self.mint.term(name)}>".encode() for name in ("polarity", "proposition")}
        suffix = f" <{name}> .".encode()
        for line in part.nquads.splitlines():
            subject, predicate, _ = line.split(b" ", 2)
            if predicate in read and subject.decode() in pointed:
                lines.append(line[: -len(suffix)] + b" .")
        part.sections["exports"] = b"\n".join(sorted(lines))
        return part
