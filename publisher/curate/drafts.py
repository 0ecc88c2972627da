"""Drafting one document's claims into its mapping file: what `publisher suggest DOC` and the
workbench's "draft" button both run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.corpus.model import Document
from publisher.curate.suggest.mapping_file import Written, add_drafts
from publisher.curate.suggest.workspace import Workspace


@dataclass(frozen=True)
class Suggested:
    workspace: Workspace
    document: Document
    written: Written


def suggest_document(home: Path, document_id: str, write: bool = True) -> Suggested:
    """Draft the document's claims and bring its mapping file up to date with them."""
    workspace = Workspace.open(home)
    document = workspace.document(document_id)
    drafts = workspace.drafts(document)
    taken = set(workspace.corpus.claims) | set(workspace.corpus.drafts)
    persons = frozenset(a.id for a in workspace.corpus.actors.values() if a.type == "person")
    written = add_drafts(home, document, drafts, taken, persons, write=write)
    return Suggested(workspace, document, written)
