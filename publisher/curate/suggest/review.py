"""A curator's verdict on drafts: confirm (published by the next build) or reject (kept, never
published, never drafted again). Edits the `status:` line of each claim in place.

Confirming is checked: after the edit the whole corpus is loaded as the build loads it, and if
a confirmed claim would stop the build (an unknown actor, a wrong offset) the file is restored
and the problems are reported, so a confirmation never breaks the next build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.corpus.load import load_corpus
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.suggest.mapping_file import mapping_path
from publisher.curate.yamlwrite import replace_file
from publisher.errors import InputError, Problem

VERDICTS = ("confirmed", "rejected")


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


def review(
    home: Path, document_id: str, ids: list[str], status: str, every: bool = False
) -> Review:
    """Set `status` on the claims `ids` of a document (all its drafts with `every`)."""
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
    if every:
        ids = [i for i, c in claims.items() if c.get("status") == "draft"]
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
