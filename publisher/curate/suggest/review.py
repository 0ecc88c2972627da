"""A curator's verdict on drafts: confirm (published by the next build) or reject (kept, never
published, never drafted again), and renaming a claim. Edits the `status:` (or `id:`) line of
each claim in place, so a draft the curator corrected is confirmed as corrected.

Confirming is checked: after the edit the whole corpus is loaded as the build loads it, and if
a confirmed claim would stop the build (an unknown actor, a wrong offset) the file is restored
and the problems are reported, so a confirmation never breaks the next build. Confirming many
at once takes a confidence the curator names (`--above 0.8`): drafts at or above it, never
one with a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from publisher.corpus.load import load_corpus
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.suggest.mapping_file import mapping_path
from publisher.curate.yamlwrite import replace_file
from publisher.errors import InputError, Problem

VERDICTS = ("confirmed", "rejected")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Review:
    path: Path
    changed: list[str]
    unchanged: list[str]  # already had that status


def _status_line(lines: list[str], claim: Located, status: str) -> None:
    if "status" in claim.key_lines:
        index = claim.line_of("status") - 1
        head = lines[index].split("status:", 1)[0]
        lines[index] = f"{head}status: {status}"
        return
    # No status yet (a confirmed claim being rejected): add one under its id.
    index = claim.line_of("id") - 1
    column = lines[index].index("id:")
    lines.insert(index + 1, " " * column + f"status: {status}")


def selected(
    claims: dict[str, Located], ids: list[str], every: bool, above: float | None
) -> list[str]:
    """The claims a review sets: `ids`, or with `every` all the drafts, plus with `above` the
    drafts whose confidence is at least that and that name no gap."""
    if every:
        ids = [i for i, c in claims.items() if c.get("status") == "draft"]
    if above is not None:
        ids = list(ids) + [
            i
            for i, c in claims.items()
            if c.get("status") == "draft"
            and not c.get("gap")
            and isinstance(c.get("confidence"), (int, float))
            and c["confidence"] >= above
            and i not in ids
        ]
    return ids


def review(
    home: Path,
    document_id: str,
    ids: list[str],
    status: str,
    every: bool = False,
    above: float | None = None,
) -> Review:
    """Set `status` on the claims `ids` of a document; with `every`, on all its drafts; with
    `above`, on its drafts whose confidence is at least that (and that name no gap)."""
    assert status in VERDICTS
    path = mapping_path(home, document_id)
    if not path.is_file():
        raise InputError(
            [
                Problem(
                    path,
                    None,
                    f"document {document_id!r} has no mapping file",
                    "run `publisher suggest` first",
                )
            ]
        )
    content = load_yaml(path)
    claims = {
        str(c.get("id")): c for c in (content or {}).get("claims") or [] if isinstance(c, Located)
    }
    ids = selected(claims, ids, every, above)
    unknown = [i for i in ids if i not in claims]
    if unknown:
        raise InputError(
            [
                Problem(path, None, f"no claim {i!r} in this mapping file", "see the ids it lists")
                for i in unknown
            ]
        )
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    changed, unchanged = [], []
    # Bottom-up, so inserting a line never moves the lines still to edit.
    for ident in sorted(dict.fromkeys(ids), key=lambda i: claims[i].line, reverse=True):
        if claims[ident].get("status", "confirmed") == status:
            unchanged.append(ident)
            continue
        _status_line(lines, claims[ident], status)
        changed.append(ident)
    if changed:
        replace_file(path, "\n".join(lines))
        if status == "confirmed":
            try:
                load_corpus(home)
            except InputError as error:
                replace_file(path, original)
                error.problems.insert(
                    0, Problem(path, None, "not confirmed: the build would refuse these claims")
                )
                raise
    return Review(path, sorted(changed, key=ids.index), sorted(unchanged, key=ids.index))


def rename(home: Path, document_id: str, old: str, new: str) -> Path:
    """Give claim `old` of a document the id `new` (checked as the build checks ids)."""
    path = mapping_path(home, document_id)
    content = load_yaml(path) if path.is_file() else None
    claims = {
        str(c.get("id")): c for c in (content or {}).get("claims") or [] if isinstance(c, Located)
    }
    problems = []
    if old not in claims:
        problems.append(Problem(path, None, f"no claim {old!r} in this mapping file"))
    if not _ID.match(new):
        problems.append(Problem(path, None, f"{new!r} is not an id: lower-case words joined by -"))
    corpus, _ = load_corpus(home)
    if new in corpus.claims or new in corpus.drafts or new in claims:
        problems.append(Problem(path, None, f"{new!r} is already a claim id"))
    conflicts = home / "data" / "conflicts.yaml"
    if conflicts.is_file():
        for number, line in enumerate(conflicts.read_text(encoding="utf-8").split("\n"), 1):
            if re.search(rf"(?<![\w-]){re.escape(old)}(?![\w-])", line):
                problems.append(
                    Problem(
                        conflicts,
                        number,
                        f"claim {old!r} is named in a conflict",
                        "rename it there too, or keep its id",
                    )
                )
    if problems:
        raise InputError(problems)
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    index = claims[old].line_of("id") - 1
    head = lines[index].split("id:", 1)[0]
    lines[index] = f"{head}id: {new}"
    replace_file(path, "\n".join(lines))
    try:
        load_corpus(home)
    except InputError:
        replace_file(path, original)
        raise
    return path
