"""The example queries of the query page: HOME/queries/*.rq, each opening with `# key: value`
comment lines (`# title: ...`, `# title@ar: ...`); other opening comments describe it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

HEADER = re.compile(r"#\s*([\w@-]+)\s*:\s*(.*)")


@dataclass
class Example:
    name: str
    title: str
    query: str
    titles: dict[str, str] = field(default_factory=dict)  # other languages: {"ar": "..."}
    notes: list[str] = field(default_factory=list)


def read_examples(folder: Path) -> list[Example]:
    """The examples in `folder`, sorted by file name; none when the folder is missing or empty."""
    if not folder.is_dir():
        return []
    return [_read(path) for path in sorted(folder.glob("*.rq"))]


def _read(path: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    example = Example(path.stem, path.stem.replace("-", " ").replace("_", " "), text)
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = HEADER.fullmatch(line.strip())
        if match and match.group(1).lower() == "title":
            example.title = match.group(2).strip()
        elif match and match.group(1).lower().startswith("title@"):
            example.titles[match.group(1).split("@", 1)[1]] = match.group(2).strip()
        elif line.strip("# ").strip():
            example.notes.append(line.lstrip("#").strip())
    return example
