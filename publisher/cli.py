"""The `publisher` command line: one sub-command per module in `publisher.commands`.

Each command module defines `register(subparsers)`, which adds its parser and sets
`func(args) -> int`. Commands are thin: they parse arguments and call plain functions.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from typing import NoReturn

from publisher import __version__, commands
from publisher.errors import PublisherError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="publisher",
        description=(
            "Build, validate and serve the knowledge graph of state support for armed groups: "
            "documents in data/, ontology in ontology/, shapes in shapes/."
        ),
    )
    parser.add_argument("--version", action="version", version=f"publisher {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue  # shared helpers, not commands
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    return _run(build_parser().parse_args(argv))


def program() -> NoReturn:
    """The `publisher` program (its console script, `python -m publisher`): `main`, then the
    process ends; after a command whose parser sets `leave_at_once` (`publisher build`),
    without Python's teardown. That teardown frees a build's objects one by one, a third of a
    second after every release at a million triples (benchmarks/README.md) for a process
    that is ending; the command has closed and synced its files, its output is flushed here,
    and the processes it started are its own to wait for or leave running."""
    args = build_parser().parse_args()
    code = _run(args)
    if getattr(args, "leave_at_once", False):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args) or 0)
    except PublisherError as error:
        print(f"publisher {args.command}: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
