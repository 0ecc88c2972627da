"""Writing drafts into a document's mapping file (data/claims/<document>.yaml) as text.

Curators own these files: new drafts are appended after what is there, so comments, order and
layout stay as they wrote them. A draft is skipped when the file already has a claim (of any
status: confirmed, draft or rejected) with the same subject, relation and object whose quote
overlaps the draft's sentence, so running `publisher suggest` again adds only what is new and
never brings back what a curator rejected.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publisher.corpus.model import Document
from publisher.corpus.yamlsource import load_yaml
from publisher.curate.suggest.drafting import Draft
from publisher.curate.yamlwrite import replace_file, scalar


@dataclass(frozen=True)
class Written:
    path: Path
    added: list[tuple[str, Draft]]
    skipped: int


def mapping_path(home: Path, document_id: str) -> Path:
    """The mapping file of a document: the one whose `document:` names it, else <id>.yaml."""
    folder = home / "data" / "claims"
    conventional = folder / f"{document_id}.yaml"
    if conventional.is_file():
        return conventional
    for path in sorted(folder.glob("*.yaml")):
        content = load_yaml(path)
        if isinstance(content, dict) and str(content.get("document")) == document_id:
            return path
    return conventional


def render(ident: str, draft: Draft) -> list[str]:
    """The lines of one draft claim, in the order curators write them."""
    lines = [
        f'  # drafted by `publisher suggest` from the cue "{" ".join(draft.cue.split())}"',
        f"  - id: {ident}",
        f"    subject: {draft.subject}",
        f"    relation: {draft.relation}",
        f"    object: {draft.object}",
        f"    quote: {scalar(draft.quote)}",
        f"    start: {draft.start}",
        f"    end: {draft.end}",
    ]
    if draft.amount:
        lines.append(f"    amount: {scalar(draft.amount)}")
    if draft.time is not None:
        lines.append(f"    time: {scalar(draft.time)}")
    if draft.place:
        lines.append(f"    place: {draft.place}")
    lines.append(f"    hedged: {'true' if draft.hedged else 'false'}")
    lines.append(f"    polarity: {draft.polarity}")
    if draft.attribution:
        lines.append("    attribution:")
        lines += [f"      - {scalar({'agent': a, 'role': r})}" for a, r in draft.attribution]
    lines.append("    status: draft")
    return lines


def _header(document: Document) -> list[str]:
    title = document.title.get(document.language) or document.title.get("en", "")
    return [
        f"# Claims of {scalar(title)} ({document.language} {document.kind}),",
        "# drafted by `publisher suggest`. A draft is not published until a curator confirms it:",
        "# check subject, relation, object, quote and the other fields, then confirm it with",
        f"#   publisher confirm {document.id} CLAIM-ID",
        "# (or set `status: confirmed`), and reject a wrong one, so it is not drafted again, with",
        f"#   publisher reject {document.id} CLAIM-ID",
        f"document: {document.id}",
        "claims:",
    ]


def _known(content: Any) -> list[tuple[str, str, str, int, int]]:
    """(subject, relation, object, start, end) of the claims of a mapping file's YAML."""
    known: list[tuple[str, str, str, int, int]] = []
    for entry in (content or {}).get("claims") or []:
        if isinstance(entry, dict) and isinstance(entry.get("start"), int):
            known.append(
                (
                    str(entry.get("subject")),
                    str(entry.get("relation")),
                    str(entry.get("object")),
                    entry["start"],
                    entry["end"] if isinstance(entry.get("end"), int) else entry["start"],
                )
            )
    return known


def draft_id(document_id: str, draft: Draft, taken: set[str]) -> str:
    """A readable id, stable for the same text: document, sentence offset, relation type."""
    base = f"{document_id}-draft-{draft.start}-{draft.relation}"
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    taken.add(ident)
    return ident


def add_drafts(
    home: Path, document: Document, drafts: list[Draft], taken_ids: set[str], write: bool = True
) -> Written:
    """Append the new drafts to the document's mapping file (created when missing)."""
    path = mapping_path(home, document.id)
    exists = path.is_file()
    content = load_yaml(path) if exists else None
    known = _known(content)
    new: list[tuple[str, Draft]] = []
    for draft in drafts:
        if any(
            (s, r, o) == (draft.subject, draft.relation, draft.object)
            and start < draft.end
            and draft.start < end
            for s, r, o, start, end in known
        ):
            continue
        new.append((draft_id(document.id, draft, taken_ids), draft))
    skipped = len(drafts) - len(new)
    if not write or not new:
        return Written(path, new, skipped)
    text = path.read_text(encoding="utf-8") if exists else "\n".join(_header(document)) + "\n"
    if exists and not (content or {}).get("claims"):
        # `claims: []` (or an empty `claims:`) becomes a block list the drafts can follow.
        text = text.replace("claims: []", "claims:", 1)
    if text and not text.endswith("\n"):
        text += "\n"
    for ident, draft in new:
        text += "\n".join(render(ident, draft)) + "\n"
    replace_file(path, text)
    return Written(path, new, skipped)
