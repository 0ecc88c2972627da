"""`publisher validate`: validate the graph built from data/ (or a release) without writing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publisher.commands._common import Subparsers, add_engine_option, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="validate the graph against the SHACL shapes and print the report",
        description=(
            "Builds the graph from HOME/data in memory (or reads --release-file, an N-Quads or "
            "TriG file) and validates it against HOME/shapes. Prints each violation with its focus "
            "node, path, message and the input file and line it came from. Exit 3 on violations."
        ),
    )
    add_project_options(parser, release=False)
    add_engine_option(parser)
    parser.add_argument(
        "--release-file",
        type=Path,
        default=None,
        help="validate this dataset file (.nq or .trig) instead of building from data/",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.build.pipeline import build_graph
    from publisher.validate.shacl import validate_file

    if args.release_file is not None:
        validation = validate_file(
            args.release_file, args.home / "shapes", args.base, engine=args.shacl_engine
        )
    else:
        validation = build_graph(args.home, args.base, engine=args.shacl_engine).validation
    for finding in validation.findings:
        print(
            f"{finding.severity}: {finding}",
            file=sys.stderr if finding.severity == "Violation" else sys.stdout,
        )
    violations = sum(1 for f in validation.findings if f.severity == "Violation")
    print(
        f"{'conforms' if validation.conforms else 'does not conform'}: {violations} violation(s), "
        f"{len(validation.findings) - violations} other result(s)"
    )
    return 0 if validation.conforms else 3
