"""`publisher build`: build, validate and write a release (only if it validates)."""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

from publisher.commands._common import (
    Subparsers,
    add_engine_option,
    add_project_options,
    release_path,
)


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the graph from data/, validate it and write a release",
        description=(
            "Reads the documents, reference data and mapping in HOME/data, builds the graph "
            "(one named graph per document), validates it with the SHACL shapes in HOME/shapes "
            "and writes dataset.trig, dataset.nq, dataset.ttl, dataset.jsonld, void.ttl, "
            "validation.ttl and SHA256SUMS into --out. The new release replaces the previous one "
            "only when it validates. Exit codes: 2 bad input, 3 validation failed."
        ),
    )
    add_project_options(parser)
    add_engine_option(parser)
    parser.set_defaults(func=run, leave_at_once=True)  # publisher.cli.program


def run(args: argparse.Namespace) -> int:
    import sys

    from publisher.build.publish import build_release

    def warn(warning: str) -> None:
        print(f"publisher build: warning: {warning}", file=sys.stderr)

    out = release_path(args)
    folder = build_release(args.home, args.base, out, engine=args.shacl_engine, warn=warn)
    preparing = prepare_for_server(args.home, out)
    manifest = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    print(
        f"release {manifest['id']}: {manifest['triples']} triples, {manifest['documents']} documents, "
        f"{manifest['claims']} claims, validated; {out} -> {folder}"
    )
    if preparing is not None:
        process, log = preparing
        print(
            "verifying it and building its store folder for the server in the background "
            f"(process {process.pid}, log: {log})"
        )
    return 0


def prepare_for_server(home: Path, out: Path) -> tuple[subprocess.Popen[bytes], Path] | None:
    """Start preparing the release for the server as the settings describe it (HOME given
    on the command line), unless PREPARE_STORE is off or the server reads no store folder;
    the process and its log."""
    from publisher.settings import defaults
    from publisher.store import prepare

    config = {**defaults(), "HOME": str(home)}
    if not prepare.wanted(config):
        return None
    state = prepare.state_dir(config)
    return prepare.start(out, state), state / prepare.LOG
