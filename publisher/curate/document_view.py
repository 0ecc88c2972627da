"""A document as the workbench shows it: its text cut into runs at every boundary of
boilerplate, actor mentions and claims' evidence, and the claims of its mapping file (drafts,
confirmed and rejected) with their fields, in file order.

Offsets are code points of the text as received, as in the mapping files; the browser turns a
selection back into them from each run's start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.suggest.candidates import CandidateName, candidate_names
from publisher.curate.suggest.mapping_file import mapping_path
from publisher.curate.suggest.workspace import Workspace


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    text: str
    boilerplate: bool
    actor: str | None  # the actor a mention names
    claims: tuple[str, ...]  # the claims whose evidence covers it


@dataclass
class ClaimView:
    id: str
    status: str  # draft, confirmed, rejected
    fields: dict[str, Any]
    start: int | None
    end: int | None
    line: int
    problems: list[str] = field(default_factory=list)


@dataclass
class DocumentView:
    id: str
    title: str
    language: str
    direction: str
    text: str
    runs: list[Run]
    claims: list[ClaimView]
    candidates: list[CandidateName]
    mapping: Path


def mapping_claims(path: Path) -> list[ClaimView]:
    """The claims of a mapping file, in file order."""
    content = load_yaml(path) if path.is_file() else None
    items = (content or {}).get("claims") if isinstance(content, dict) else None
    views = []
    for entry in items or []:
        if not isinstance(entry, Located):
            continue
        start, end = entry.get("start"), entry.get("end")
        views.append(
            ClaimView(
                str(entry.get("id")),
                str(entry.get("status", "confirmed")),
                dict(entry),
                start if isinstance(start, int) else None,
                end if isinstance(end, int) else None,
                entry.line,
            )
        )
    return views


def _runs(text: str, marks: list[tuple[int, int, str, str]]) -> list[Run]:
    """Cut `text` at every mark's start and end; each run knows the marks covering it."""
    cuts = sorted({0, len(text), *(s for s, *_ in marks), *(e for _, e, *_ in marks)})
    runs = []
    for start, end in pairwise(cuts):
        if not 0 <= start < end <= len(text):
            continue
        covering = [(kind, value) for s, e, kind, value in marks if s <= start and end <= e]
        runs.append(
            Run(
                start,
                end,
                text[start:end],
                any(kind == "boilerplate" for kind, _ in covering),
                next((v for kind, v in covering if kind == "actor"), None),
                tuple(v for kind, v in covering if kind == "claim"),
            )
        )
    return runs


def document_view(home: Path, document_id: str, workspace: Workspace | None = None) -> DocumentView:
    """The workbench's view of one document (InputError if it is not in the corpus)."""
    workspace = workspace or Workspace.open(home)
    document = workspace.document(document_id)
    layer = workspace.layer(document)
    path = mapping_path(home, document_id)
    claims = mapping_claims(path)
    marks = [(b.start, b.end, "boilerplate", "") for b in layer.boilerplate]
    marks += [(m.start, m.end, "actor", m.entity_id) for m in layer.mentions]
    marks += [
        (c.start, c.end, "claim", c.id)
        for c in claims
        if c.start is not None and c.end is not None and c.status != "rejected"
    ]
    title = document.title.get(document.language) or document.title.get("en") or document.id
    return DocumentView(
        document.id,
        title,
        document.language,
        "rtl" if document.language == "ar" else "ltr",
        document.text,
        _runs(document.text, marks),
        claims,
        candidate_names(layer, workspace.gazetteer, workspace.corpus, home),
        path,
    )
