"""Errors that name what is wrong and where, for people fixing their input."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Origin:
    """Where a record was written: file and 1-based line (for error messages and reports)."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class PublisherError(Exception):
    """An error reported to the user without a traceback; `exit_code` is the CLI status."""

    exit_code = 1


@dataclass
class Problem:
    """One problem in one input file, at a line when known."""

    path: Path | str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass
class InputError(PublisherError):
    """The input (documents, mapping, reference data) has problems; the build stops."""

    problems: list[Problem] = field(default_factory=list)
    exit_code = 2

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the input:"
        return "\n".join([head, *(f"  {problem}" for problem in self.problems)])


class ValidationFailed(PublisherError):
    """The graph does not conform to the SHACL shapes; the report says where."""

    exit_code = 3


class ReleaseError(PublisherError):
    """A release folder is missing, partial or corrupt."""

    exit_code = 4
