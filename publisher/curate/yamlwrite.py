"""Writing into curated YAML files as text, so the curators' comments and layout survive.

Values are rendered one per line by PyYAML (so quoting is always right) and files are replaced
through a temporary file (so a crash never leaves half a file).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

from publisher.files import write_atomically


def _needs_escapes(value: object) -> bool:
    # Line and paragraph separators would start a new YAML line; control and format
    # characters (bidi marks, ZWNJ) are invisible. Double quotes write them as escapes.
    if isinstance(value, dict):
        return any(_needs_escapes(v) for v in value.values())
    return isinstance(value, str) and any(
        ch in "\u2028\u2029\x85" or unicodedata.category(ch) in ("Cc", "Cf") for ch in value
    )


def scalar(value: object) -> str:
    """One YAML value on one line (strings quoted when YAML needs it, mappings in flow style)."""
    text = yaml.safe_dump(
        value,
        allow_unicode=True,
        width=1_000_000,
        default_flow_style=True,
        sort_keys=False,
        default_style='"' if _needs_escapes(value) else None,
    )
    return text.removesuffix("\n").removesuffix("\n...").strip()


def replace_file(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` atomically and durably."""
    write_atomically(path, content.encode("utf-8") if isinstance(content, str) else content)
