"""Every document's review state, for the workbench's list: drafts waiting, claims confirmed
and rejected, and the coverage of its candidate sentences as the build counts it.

Counting candidate sentences means analysing every document's text (seconds for the corpus),
so each document's counts are kept in memory under a digest of what they are made from: the
document's text, its mapping file, the actors file (names found in the text) and the cue
lexicon. The list analyses only the documents one of those changed for since it last did.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.build import keys
from publisher.build.coverage import document_accounting
from publisher.build.cues import LEXICON, Cues, load_cues
from publisher.corpus.model import Document
from publisher.curate.document_view import mapping_claims
from publisher.curate.suggest.mapping_file import mapping_path
from publisher.curate.suggest.workspace import Workspace


@dataclass(frozen=True)
class DocumentState:
    id: str
    title: str
    language: str
    added: str
    drafts: int
    confirmed: int
    rejected: int
    candidates: int  # candidate sentences (two known actors and a relation cue)
    accounted: int  # of those, with a confirmed claim or the curator's note

    @property
    def coverage(self) -> float | None:
        return self.accounted / self.candidates if self.candidates else None


# digest of a document's inputs -> (candidate sentences, accounted for); a few bytes each.
_COUNTS: dict[str, tuple[int, int]] = {}
_KEPT = 10_000  # more entries than that: forget them all (documents edited many times)


class _Counter:
    """Counts from memory, analysing (and reading the cue lexicon, itself a fraction of a
    second) only for a document whose inputs changed."""

    def __init__(self, home: Path, workspace: Workspace) -> None:
        self.home, self.workspace = home, workspace
        lexicon = home / LEXICON
        self.lexicon = lexicon.read_bytes() if lexicon.is_file() else None
        self.actors = _read(home / "data" / "actors.yaml")
        self.cues: Cues | None = None

    def counts(self, document: Document, mapping: bytes) -> tuple[int, int]:
        """A document's candidate sentences and how many are accounted for."""
        if self.lexicon is None:
            return 0, 0  # no lexicon: no sentence is a candidate
        key = keys.digest(
            document.id, document.language, document.sha256, mapping, self.actors, self.lexicon
        )
        if key not in _COUNTS:
            if len(_COUNTS) >= _KEPT:
                _COUNTS.clear()
            if self.cues is None:
                relations = self.workspace.vocabulary.concepts["relation"]
                self.cues = load_cues(self.home, relations)
            assert self.cues is not None  # the lexicon file exists
            workspace = self.workspace
            found = document_accounting(workspace.corpus, self.cues, workspace.gazetteer, document)
            _COUNTS[key] = (len(found or []), sum(1 for a in found or [] if a.accounted))
        return _COUNTS[key]


def _read(path: Path) -> bytes:
    return path.read_bytes() if path.is_file() else b""


def review_states(home: Path, workspace: Workspace | None = None) -> list[DocumentState]:
    """Every document of the corpus, newest first (by the day it was added, then id)."""
    workspace = workspace or Workspace.open(home)
    counter = _Counter(home, workspace)
    states = []
    for document in workspace.corpus.documents.values():
        path = mapping_path(home, document.id)
        claims = mapping_claims(path)
        statuses = [c.status for c in claims]
        candidates, accounted = counter.counts(document, _read(path))
        states.append(
            DocumentState(
                document.id,
                document.title.get(document.language) or document.title.get("en") or document.id,
                document.language,
                document.added,
                statuses.count("draft"),
                statuses.count("confirmed"),
                statuses.count("rejected"),
                candidates,
                accounted,
            )
        )
    states.sort(key=lambda s: s.id)
    states.sort(key=lambda s: s.added, reverse=True)
    return states
