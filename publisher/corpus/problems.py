"""Collecting every problem in the input before stopping, so one run reports them all."""

from __future__ import annotations

from pathlib import Path

from publisher.errors import InputError, Problem


class Problems:
    """A list of problems; `raise_if_any()` stops the build with all of them."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path: Path | str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(path, line, message, hint))

    def raise_if_any(self) -> None:
        if self.items:
            raise InputError(list(self.items))
