"""A scratch copy of the project in which one document's drafts count as confirmed: what the
build would say of them once accepted, without writing the project's own files."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.suggest.mapping_file import mapping_path
from publisher.errors import InputError, Problem

# Not read by the build's checks, and large or private: never linked into the copy.
_LEFT_OUT = {"data", ".cache", "release", "release.d", ".git", ".venv"}


@dataclass(frozen=True)
class Scratch:
    home: Path  # the copy
    project: Path  # the real project

    def real(self, error: InputError) -> InputError:
        """The same problems, naming the project's files instead of the copy's."""
        copy, real = str(self.home), str(self.project)
        return InputError(
            [
                Problem(
                    Path(str(p.path).replace(copy, real, 1)),
                    p.line,
                    p.message.replace(copy, real),
                    p.hint.replace(copy, real),
                )
                for p in error.problems
            ]
        )


def confirm_drafts(text: str, content: object, ids: Collection[str] | None = None) -> str:
    """The mapping file's text with every `status: draft` line (or the status lines of the
    claims `ids`) saying confirmed; line numbers kept, so problems name the real file's lines."""
    lines = text.split("\n")
    items = content.get("claims") if isinstance(content, dict) else None
    for claim in items or []:
        if not isinstance(claim, Located) or "status" not in claim.key_lines:
            continue
        if (claim.get("status") == "draft") if ids is None else (str(claim.get("id")) in ids):
            index = claim.line_of("status") - 1
            lines[index] = lines[index].split("status:", 1)[0] + "status: confirmed"
    return "\n".join(lines)


@contextmanager
def drafts_confirmed(
    home: Path, document_id: str, ids: Collection[str] | None = None
) -> Iterator[Scratch]:
    """A copy of `home`'s data (the rest linked) where `document_id`'s drafts (or its claims
    `ids`) are confirmed; removed on leaving."""
    folder = Path(tempfile.mkdtemp(prefix="publisher-check-"))
    try:
        copy = folder / "project"
        copy.mkdir()
        for entry in home.iterdir():
            if entry.name not in _LEFT_OUT:
                (copy / entry.name).symlink_to(entry.resolve())
        shutil.copytree(home / "data", copy / "data")
        path = mapping_path(copy, document_id)
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(confirm_drafts(text, load_yaml(path), ids), encoding="utf-8")
        yield Scratch(copy, home)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
