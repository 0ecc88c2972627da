"""Writing drafts into a document's mapping file (data/claims/<document>.yaml) as text.

Curators own these files: what they wrote stays as they wrote it (comments, order, layout).
`publisher suggest` converges, so running it again is safe:

* each draft it writes carries a `key:` (publisher/curate/suggest/ids.py): its fingerprint and
  a digest of the draft as written;
* a draft nobody has touched (still `status: draft`, fields giving its digest) is updated in
  place when the drafter drafts it again, and removed when the drafter no longer does (after
  new actors were added, say), so no "-2" copies pile up beside it;
* a draft a curator confirmed, rejected or edited is never touched, and never drafted again:
  not its fingerprint, nor any draft with the same subject, relation and object whose
  evidence overlaps a claim already in the file (a claim written by hand included);
* new drafts are appended with a short readable id;
* nothing is written when nothing changed: running it twice leaves the file byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from publisher.corpus.model import Document
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.suggest.drafting.draft import DRAFTER, Draft
from publisher.curate.suggest.ids import digest, fingerprint, short_id, split_key
from publisher.curate.yamlwrite import replace_file, scalar

COMMENT = "  # drafted by `publisher suggest`"


@dataclass
class Written:
    path: Path
    added: list[tuple[str, Draft]] = field(default_factory=list)
    updated: list[tuple[str, Draft]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0  # drafts already in the file as the drafter writes them
    skipped: int = 0  # drafts a curator has reviewed, edited or written by hand
    changed: bool = False


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


def draft_fingerprint(draft: Draft) -> str:
    return fingerprint(
        draft.document, draft.start, draft.end, draft.subject or "", draft.relation,
        draft.object or "",
    )  # fmt: skip


def _body(draft: Draft) -> list[str]:
    """The lines of a draft after its id and key, in the order curators write them."""
    lines = []
    if draft.subject:
        lines.append(f"    subject: {draft.subject}")
    lines.append(f"    relation: {draft.relation}")
    if draft.object:
        lines.append(f"    object: {draft.object}")
    lines += [
        f"    quote: {scalar(draft.quote)}",
        f"    start: {draft.start}",
        f"    end: {draft.end}",
    ]
    if draft.amount:
        lines.append(f"    amount: {scalar(dict(draft.amount))}")
    if draft.quantities:
        lines.append(f"    quantities: {scalar([dict(q) for q in draft.quantities])}")
    if draft.time is not None:
        time = draft.time if isinstance(draft.time, str) else dict(draft.time)
        lines.append(f"    time: {scalar(time)}")
    for key in ("place", "origin", "destination"):
        value = getattr(draft, key)
        if value:
            lines.append(f"    {key}: {value}")
    if draft.route:
        lines.append(f"    route: {scalar(list(draft.route))}")
    lines.append(f"    hedged: {'true' if draft.hedged else 'false'}")
    lines.append(f"    polarity: {draft.polarity}")
    if draft.attribution:
        lines.append("    attribution:")
        lines += [f"      - {scalar({'agent': a, 'role': r})}" for a, r in draft.attribution]
    lines.append(f"    drafter: {scalar(DRAFTER)}")
    lines.append(f"    cues: {scalar(list(draft.cues))}")
    lines.append(f"    confidence: {draft.confidence}")
    if draft.gap:
        lines.append(f"    gap: {scalar(draft.gap)}")
    if draft.note:
        lines.append(f"    note: {scalar(draft.note)}")
    return lines


def render(ident: str, draft: Draft) -> list[str]:
    """The lines of one draft claim, its comment first."""
    body = _body(draft)
    fields = yaml.safe_load("\n".join(line[4:] for line in body))
    key = f"{draft_fingerprint(draft)}.{digest(fields)}"
    return [
        f"{COMMENT} ({DRAFTER}), confidence {draft.confidence}",
        f"  - id: {ident}",
        f"    key: {key}",
        *body,
        "    status: draft",
    ]


def _header(document: Document) -> list[str]:
    title = document.title.get(document.language) or document.title.get("en") or document.id
    return [
        f"# Claims of {scalar(title)} ({document.language} {document.kind}),",
        "# drafted by `publisher suggest`. A draft is not published until a curator confirms it:",
        "# check subject, relation, object, quote and the other fields (fix any of them), then",
        f"#   publisher confirm {document.id} CLAIM-ID",
        "# and reject a wrong one, so it is not drafted again, with",
        f"#   publisher reject {document.id} CLAIM-ID",
        "# `publisher suggest` may update or remove a draft nobody has touched; never one that a",
        "# curator confirmed, rejected or edited.",
        f"document: {document.id}",
        "claims:",
    ]


@dataclass
class _Block:
    first: int  # line index of its first line (its comment, if drafted)
    last: int  # line index after its last line
    entry: Located


def _blocks(lines: list[str], entries: list[Located]) -> list[_Block]:
    """The line range of each claim of the file, in file order."""
    starts = []
    for entry in entries:
        first = entry.line - 1
        while first > 0 and lines[first - 1].startswith(COMMENT):
            first -= 1
        starts.append(first)
    end_of_list = len(lines)
    if entries:
        after = entries[-1].line
        for n in range(after, len(lines)):
            if lines[n] and not lines[n][0].isspace() and not lines[n].startswith("#"):
                end_of_list = n  # a top-level key after the claims
                break
    blocks = []
    for n, entry in enumerate(entries):
        last = starts[n + 1] if n + 1 < len(entries) else end_of_list
        while last > starts[n] + 1 and not lines[last - 1].strip():
            last -= 1  # keep blank lines between claims where they are
        blocks.append(_Block(starts[n], last, entry))
    return blocks


def _span(entry: Located) -> tuple[str, str, str, int, int] | None:
    if not isinstance(entry.get("start"), int):
        return None
    end = entry["end"] if isinstance(entry.get("end"), int) else entry["start"]
    return (
        str(entry.get("subject") or ""),
        str(entry.get("relation")),
        str(entry.get("object") or ""),
        entry["start"],
        end,
    )


def _clashes(draft: Draft, claims: list[tuple[str, str, str, int, int]]) -> bool:
    return any(
        (s, r, o) == (draft.subject or "", draft.relation, draft.object or "")
        and start < draft.end
        and draft.start < end
        for s, r, o, start, end in claims
    )


def add_drafts(
    home: Path,
    document: Document,
    drafts: list[Draft],
    taken_ids: set[str],
    persons: frozenset[str] = frozenset(),
    write: bool = True,
) -> Written:
    """Bring the document's mapping file up to date with `drafts` (created when missing)."""
    path = mapping_path(home, document.id)
    written = Written(path)
    exists = path.is_file()
    text = path.read_text(encoding="utf-8") if exists else "\n".join(_header(document)) + "\n"
    content: Any = load_yaml(path) if exists else None
    if exists and not (content or {}).get("claims"):
        # `claims: []` (or an empty `claims:`) becomes a block list the drafts can follow.
        text = text.replace("claims: []", "claims:", 1)
    entries = [e for e in (content or {}).get("claims") or [] if isinstance(e, Located)]
    lines = text.split("\n")
    blocks = _blocks(lines, entries)
    fresh = {draft_fingerprint(d): d for d in drafts}
    replaceable: dict[str, _Block] = {}
    reviewed: set[str] = set()
    kept: list[tuple[str, str, str, int, int]] = []
    for block in blocks:
        entry = block.entry
        fp, dg = split_key(entry.get("key"))
        untouched = bool(fp) and entry.get("status") == "draft" and dg == digest(entry)
        if untouched:
            replaceable[fp] = block
            continue
        if fp:
            reviewed.add(fp)
        span = _span(entry)
        if span:
            kept.append(span)
    # Drafts nobody touched: updated in place, or removed when no longer drafted.
    replacements: dict[int, list[str]] = {}
    for fp, block in replaceable.items():
        ident = str(block.entry.get("id"))
        draft = fresh.get(fp)
        if draft is None or _clashes(draft, kept):
            replacements[block.first] = []
            written.removed.append(ident)
            continue
        new = render(ident, draft)
        if lines[block.first : block.last] != new:
            written.updated.append((ident, draft))
        else:
            written.unchanged += 1
        replacements[block.first] = new
        kept.append(
            (draft.subject or "", draft.relation, draft.object or "", draft.start, draft.end)
        )
    out: list[str] = []
    index = 0
    for block in blocks:
        if block.first not in replacements:
            continue
        out += lines[index : block.first]
        out += replacements[block.first]
        index = block.last
    out += lines[index:]
    # New drafts, appended.
    taken = set(taken_ids) | {str(e.get("id")) for e in entries}
    appended: list[str] = []
    for fp, draft in fresh.items():
        if fp in replaceable:
            continue
        if fp in reviewed or _clashes(draft, kept):
            written.skipped += 1
            continue
        ident = short_id(
            document.id, draft.subject, draft.relation, draft.object,
            draft.polarity == "denied", persons, taken,
        )  # fmt: skip
        appended += render(ident, draft)
        written.added.append((ident, draft))
        kept.append(
            (draft.subject or "", draft.relation, draft.object or "", draft.start, draft.end)
        )
    while out and out[-1] == "":
        out.pop()
    result = "\n".join(out + appended) + "\n"
    written.changed = result != (path.read_text(encoding="utf-8") if exists else None)
    if write and written.changed:
        replace_file(path, result)
    return written
