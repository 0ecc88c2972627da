"""Every document's review state, for the workbench's list: drafts waiting, claims confirmed
and rejected, and the coverage of its candidate sentences as the build counts it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.build.coverage import coverage_report
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


def review_states(home: Path, workspace: Workspace | None = None) -> list[DocumentState]:
    """Every document of the corpus, newest first (by the day it was added, then id)."""
    workspace = workspace or Workspace.open(home)
    coverage = {c.document.id: c for c in coverage_report(home)}
    states = []
    for document in workspace.corpus.documents.values():
        claims = mapping_claims(mapping_path(home, document.id))
        statuses = [c.status for c in claims]
        accounting = coverage[document.id].accounting if document.id in coverage else []
        states.append(
            DocumentState(
                document.id,
                document.title.get(document.language) or document.title.get("en") or document.id,
                document.language,
                document.added,
                statuses.count("draft"),
                statuses.count("confirmed"),
                statuses.count("rejected"),
                len(accounting),
                sum(1 for a in accounting if a.accounted),
            )
        )
    states.sort(key=lambda s: s.id)
    states.sort(key=lambda s: s.added, reverse=True)
    return states
