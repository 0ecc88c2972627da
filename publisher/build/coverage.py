"""The coverage report: every candidate sentence of the project's documents and how it is
accounted for, computed as the build computes it (graph/coverage.py), for `publisher coverage`
and the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.build.cues import Cues, load_cues
from publisher.corpus.load import load_corpus
from publisher.corpus.model import Corpus, Document
from publisher.graph.coverage import Accounting, account, candidate_sentences
from publisher.textlayer import Gazetteer, analyse
from publisher.textlayer.gazetteer import gazetteer_of


@dataclass(frozen=True)
class DocumentCoverage:
    document: Document
    accounting: list[Accounting]

    @property
    def unaccounted(self) -> list[Accounting]:
        return [a for a in self.accounting if not a.accounted]


def coverage_report(home: Path, documents: list[str] | None = None) -> list[DocumentCoverage]:
    """The accounting of each document (all, or those named), in document order; empty when
    the project has no cue lexicon."""
    corpus, vocabulary = load_corpus(home)
    cues = load_cues(home, vocabulary.concepts["relation"])
    if cues is None:
        return []
    gazetteer = gazetteer_of(corpus)
    report = []
    for document in corpus.documents.values():
        if documents and document.id not in documents:
            continue
        accounting = document_accounting(corpus, cues, gazetteer, document)
        if accounting is not None:
            report.append(DocumentCoverage(document, accounting))
    return report


def document_accounting(
    corpus: Corpus, cues: Cues, gazetteer: Gazetteer, document: Document
) -> list[Accounting] | None:
    """How each candidate sentence of one document is accounted for; None when the lexicon
    has no entry for its language. It reads the document's text, its claims and notes, the
    actors and places (`gazetteer`, built from `corpus`) and the lexicon."""
    lexicon = cues.lexicons.get(document.language)
    if lexicon is None:
        return None
    layer = analyse(document.text, document.language, gazetteer)
    candidates = candidate_sentences(
        layer, corpus.actors, lexicon.relations, bool(lexicon.amount_is_cue)
    )
    claims = [c for c in corpus.claims.values() if c.document == document.id]
    notes = corpus.coverage.get(document.id, [])
    return account(candidates, claims, notes)
