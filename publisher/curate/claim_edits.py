"""Correcting a claim's fields and writing a new claim, in a document's mapping file, as text.

Like confirm and reject (publisher/curate/suggest/review.py), only the lines of the fields that
change are touched: the curators' comments, order and layout stay, and the diff shows what the
curator changed. A drafted claim keeps its `key:`, so `publisher suggest` sees it was edited
and never touches or drafts it again. After writing, the corpus is loaded as the build loads
it; if that fails, the file is restored and the problems are reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publisher.corpus.load import load_corpus
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.claim_fields import (
    EDITABLE,
    QUANTITY_KEYS,
    check_span,
    check_values,
    refuse,
)
from publisher.curate.confirming import confirm, cue_problems
from publisher.curate.suggest.ids import short_id
from publisher.curate.suggest.mapping_file import add_drafts, mapping_path
from publisher.curate.suggest.review import review
from publisher.curate.suggest.workspace import Workspace
from publisher.curate.yamlwrite import replace_file, scalar
from publisher.errors import InputError, Problem

# Where a field missing from a claim is written: before the first of these keys it has.
_AFTER_FIELDS = ("drafter", "cues", "confidence", "gap", "proposition", "event", "note", "status")


@dataclass(frozen=True)
class Edited:
    path: Path
    claim: str
    changed: list[str]  # the fields whose lines changed


def _claims(path: Path) -> dict[str, Located]:
    content = load_yaml(path) if path.is_file() else None
    items = (content or {}).get("claims") if isinstance(content, dict) else None
    return {str(c.get("id")): c for c in items or [] if isinstance(c, Located)}


def _extent(lines: list[str], index: int) -> int:
    """The line after a key's value: a block value continues on more indented lines, and a
    block list may also start its items at the key's own column."""
    column = len(lines[index]) - len(lines[index].lstrip())
    end = index + 1
    while end < len(lines) and lines[end].strip():
        indent = len(lines[end]) - len(lines[end].lstrip())
        if indent > column or (indent == column and lines[end].lstrip().startswith("- ")):
            end += 1
        else:
            break
    return end


def _normal(value: Any) -> Any:
    """A value as compared: `2019` and `"2019"`, `1.0` and `1`, None and "" are the same."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items() if v not in (None, "")}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return str(float(value))
    text = str(value)
    try:
        return str(float(text)) if text.strip() else None
    except ValueError:
        return text if text else None


def _same(old: Any, new: Any) -> bool:
    return bool(_normal(old) == _normal(new))


# What the form shows of a mapping value: keys it does not show are kept as they are.
_SHOWN = {
    "amount": ("value", "min", "max", "currency", "rate", "approximate"),
    "time": ("from", "to"),
}


def _kept(key: str, old: Any, new: Any) -> Any:
    """`new` with what the form cannot show of `old` (an amount's range, label or
    approximation; a time's label; an attribution's source) carried over."""
    if key in _SHOWN and isinstance(old, dict):
        extra = {k: v for k, v in old.items() if k not in _SHOWN[key]}
        if new is None:
            return old if extra and not any(k in old for k in _SHOWN[key]) else None
        if isinstance(new, dict):
            if key == "amount" and "approximate" not in new and old.get("approximate") is False:
                new = {**new, "approximate": False}  # written out, and unchecked on the form
            return {**new, **extra}
    if key == "quantities" and isinstance(old, list) and isinstance(new, list):
        return [
            _kept_quantity(old[i] if i < len(old) else None, item) for i, item in enumerate(new)
        ]
    if key == "attribution" and isinstance(old, list) and isinstance(new, list):
        steps = []
        for step in new:
            same = next(
                (
                    o
                    for o in old
                    if isinstance(o, dict)
                    and (o.get("agent"), o.get("role")) == (step["agent"], step["role"])
                ),
                None,
            )
            steps.append({**same, **step} if same else step)
        return steps
    return new


def _kept_quantity(old: Any, new: dict[str, Any]) -> dict[str, Any]:
    """A quantity as the form gives it, with what the form does not show of the one written
    in its place (its label) when it counts the same kind, in the order the file had."""
    before = old if isinstance(old, dict) and old.get("kind") == new["kind"] else {}
    merged = {**{k: v for k, v in before.items() if k not in QUANTITY_KEYS}, **new}
    if not new.get("approximate") and "approximate" not in before:
        merged.pop("approximate", None)  # unchecked, and not written before: leave it out
    order = [k for k in before if k in merged] + [k for k in merged if k not in before]
    return {k: merged[k] for k in order}


def field_lines(pad: str, key: str, value: Any) -> list[str]:
    """A field as curators write it: one line, or for quantities one line per item."""
    if value is None:
        return []
    if key == "quantities":
        return [f"{pad}{key}:", *(f"{pad}  - {scalar(item)}" for item in value)]
    return [f"{pad}{key}: {scalar(value)}"]


def edit_lines(lines: list[str], claim: Located, values: Mapping[str, Any]) -> list[str]:
    """Rewrite the lines of `claim` so its fields are `values` (None removes a field); returns
    the names of the fields changed."""
    id_line = claim.line_of("id") - 1
    column = lines[id_line].index("id:")
    pad = " " * column
    keys_below = sorted(claim.key_lines.items(), key=lambda item: item[1])
    block_end = _extent(lines, keys_below[-1][1] - 1) if keys_below else id_line + 1
    anchor = next((claim.line_of(k) - 1 for k in _AFTER_FIELDS if k in claim.key_lines), block_end)
    edits: list[tuple[int, int, list[str]]] = []  # (first line, line after, new lines)
    inserted: list[str] = []
    changed = []
    values = {k: _kept(k, claim.get(k), v) for k, v in values.items()}
    for key in EDITABLE:
        if key not in values or _same(claim.get(key), values[key]):
            continue
        if key == "hedged" and not values[key] and claim.get(key) is None:
            continue  # hedged: false is what a missing key says
        changed.append(key)
        new = field_lines(pad, key, values[key])
        if key in claim.key_lines:
            index = claim.line_of(key) - 1
            edits.append((index, _extent(lines, index), new))
        else:
            inserted += new
    if inserted:
        edits.append((anchor, anchor, inserted))
    for first, after, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[first:after] = new
    return changed


def _write_checked(home: Path, path: Path, original: str, text: str, claim_id: str) -> None:
    """Write `text`, then load the corpus as the build does and, if the claim is confirmed,
    check its cues as the build does; restore `original` if either fails."""
    replace_file(path, text)
    try:
        corpus, vocabulary = load_corpus(home)
        found = cue_problems(home, corpus, vocabulary.concepts["relation"], [claim_id])
        if found:
            raise InputError(found)
    except InputError as error:
        replace_file(path, original)
        error.problems.insert(0, Problem(path, None, "not written: the build would refuse it"))
        raise


def correct_claim(
    home: Path, document_id: str, claim_id: str, values: Mapping[str, Any], accept: bool = False
) -> Edited:
    """Set the editable fields of a claim; with `accept`, confirm it too (all or nothing)."""
    path = mapping_path(home, document_id)
    claims = _claims(path)
    if claim_id not in claims:
        raise refuse({"claim": f"no claim {claim_id!r} in {path.name}"}, str(path))
    claim = claims[claim_id]
    if len({claim.line, *claim.key_lines.values()}) == 1:
        raise refuse({"claim": f"{claim_id} is written on one line: edit it in {path.name}"})
    workspace = Workspace.open(home)
    check_values(values, workspace.corpus, workspace.vocabulary)
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    changed = edit_lines(lines, claim, values)
    if changed:
        _write_checked(home, path, original, "\n".join(lines), claim_id)
    if accept:
        try:
            confirm(home, document_id, [claim_id])
        except InputError:
            replace_file(path, original)
            raise
    return Edited(path, claim_id, changed)


def new_claim(
    home: Path, document_id: str, start: object, end: object, values: Mapping[str, Any]
) -> Edited:
    """Write a confirmed claim whose evidence is the text at [start, end) of the document."""
    workspace = Workspace.open(home)
    document = workspace.document(document_id)
    begin, finish = check_span(document.text, start, end)
    check_values(values, workspace.corpus, workspace.vocabulary)
    path = mapping_path(home, document_id)
    if not path.is_file():
        add_drafts(home, document, [], set())  # the file with its header, as `suggest` makes it
    original = path.read_text(encoding="utf-8")
    claims = _claims(path)
    taken = set(workspace.corpus.claims) | set(workspace.corpus.drafts) | set(claims)
    persons = frozenset(a.id for a in workspace.corpus.actors.values() if a.type == "person")
    ident = short_id(
        document_id, values["subject"], values["relation"], values["object"],
        values.get("polarity") == "denied", persons, taken,
    )  # fmt: skip
    indent = "  "
    if claims:
        first = next(iter(claims.values()))
        line = original.split("\n")[first.line_of("id") - 1]
        indent = line[: line.index("-")]
    pad = indent + "  "
    body = [f"{indent}- id: {ident}"]
    for key in ("subject", "relation", "object"):
        body.append(f"{pad}{key}: {values[key]}")
    body += [
        f"{pad}quote: {scalar(document.text[begin:finish])}",
        f"{pad}start: {begin}",
        f"{pad}end: {finish}",
    ]
    for key in EDITABLE[3:]:
        value = values.get(key)
        if value is not None and not (key == "hedged" and value is False):
            body += field_lines(pad, key, value)
    text = original.replace("claims: []", "claims:", 1) if not claims else original
    text = text.rstrip("\n") + "\n" + "\n".join(body) + "\n"
    _write_checked(home, path, original, text, ident)
    return Edited(path, ident, ["new"])


def decide(home: Path, document_id: str, claim_id: str, verdict: str) -> Path:
    """Accept (confirm) or reject a claim: `publisher confirm` and `publisher reject`."""
    if verdict == "confirmed":
        return confirm(home, document_id, [claim_id]).path
    return review(home, document_id, [claim_id], verdict).path
