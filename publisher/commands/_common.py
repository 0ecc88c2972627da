"""Options shared by several commands, declared once."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

from publisher.settings import defaults

# What `register(subparsers)` of each command receives (a string: it is generic only in typeshed).
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_project_options(parser: argparse.ArgumentParser, *, release: bool = True) -> None:
    config = defaults()
    parser.add_argument(
        "--home",
        type=Path,
        default=Path(str(config["HOME"])),
        help="project folder holding data/, ontology/, shapes/ (default: %(default)s)",
    )
    parser.add_argument(
        "--base",
        default=str(config["BASE_IRI"]),
        help="base IRI under which every IRI is minted (default: %(default)s)",
    )
    if release:
        parser.add_argument(
            "--out",
            "--release",
            dest="out",
            type=Path,
            default=None,
            help="release folder (a link to the current release; default: HOME/release)",
        )


def add_engine_option(parser: argparse.ArgumentParser) -> None:
    from publisher.validate.engines import ENGINES

    parser.add_argument(
        "--shacl-engine",
        choices=ENGINES,
        default=str(defaults()["SHACL_ENGINE"]),
        help="SHACL engine (default: %(default)s, from SHACL_ENGINE); pyshacl is the reference",
    )


def release_path(args: argparse.Namespace) -> Path:
    path: Path = args.out if args.out is not None else args.home / "release"
    return path
