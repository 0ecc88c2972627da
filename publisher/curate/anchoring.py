"""Filling in evidence offsets for claims that have a quote but no start/end yet.

The curator writes the quote; this finds it in the document and writes the offsets into the
YAML file in place, keeping comments and layout. A quote that occurs more than once needs a
`start` hint near the right occurrence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.corpus.yamlsource import load_yaml


@dataclass(frozen=True)
class Anchored:
    claim: str
    start: int | None
    end: int | None
    problem: str | None = None


def locate(text: str, quote: str, hint: int | None = None) -> tuple[int | None, str | None]:
    """The start of `quote` in `text`: the only occurrence, or the one nearest `hint`."""
    positions = []
    at = text.find(quote)
    while at >= 0:
        positions.append(at)
        at = text.find(quote, at + 1)
    if not positions:
        return None, "the quote does not occur in the document (check spelling, spaces, diacritics)"
    if len(positions) == 1:
        return positions[0], None
    if hint is None:
        return (
            None,
            f"the quote occurs {len(positions)} times (at {positions}); add start: near the one you mean",
        )
    return min(positions, key=lambda p: abs(p - hint)), None


def anchor_file(path: Path, documents: dict[str, str]) -> list[Anchored]:
    """Write start/end for every claim of `path` lacking them; `documents` maps id -> text."""
    content = load_yaml(path)
    text = documents[str(content["document"])]
    lines: list[str | None] = list(path.read_text(encoding="utf-8").split("\n"))  # None: dropped
    insertions: list[tuple[int, list[str]]] = []
    results = []
    for claim in content.get("claims") or []:
        if "quote" not in claim or (
            "start" in claim
            and "end" in claim
            and text[claim["start"] : claim["end"]] == str(claim["quote"])
        ):
            continue
        quote = str(claim["quote"])
        start, problem = locate(text, quote, claim.get("start"))
        if start is None:
            results.append(Anchored(claim.get("id"), None, None, problem))
            continue
        end = start + len(quote)
        results.append(Anchored(claim.get("id"), start, end))
        line_index = claim.line_of("quote") - 1
        quote_line = lines[line_index]
        assert quote_line is not None  # only start: and end: lines are dropped
        indent = quote_line[: len(quote_line) - len(quote_line.lstrip())]
        for key in ("start", "end"):
            if key in claim:
                lines[claim.line_of(key) - 1] = None  # replaced below
        insertions.append((line_index + 1, [f"{indent}start: {start}", f"{indent}end: {end}"]))
    for index, new_lines in sorted(insertions, reverse=True):
        lines[index:index] = new_lines
    path.write_text("\n".join(line for line in lines if line is not None), encoding="utf-8")
    return results
