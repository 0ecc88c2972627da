"""`publisher anchor FILE`: fill in the evidence offsets of claims from their quotes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publisher.commands._common import Subparsers, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "anchor",
        help="write start/end offsets for claims whose quote has none (or wrong ones)",
        description=(
            "For each claim in the mapping FILE whose quote is not at its offsets, finds the quote "
            "in the document text and writes start/end into FILE, keeping its layout. Exit 2 if a "
            "quote is missing from the text or ambiguous."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="mapping files (data/claims/*.yaml)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.corpus.document_files import decode_document
    from publisher.corpus.yamlsource import load_yaml
    from publisher.curate.anchoring import anchor_file

    entries = load_yaml(args.home / "data" / "documents.yaml")["documents"]
    texts = {
        e["id"]: decode_document((args.home / "data" / e["file"]).read_bytes()) for e in entries
    }
    failed = 0
    for path in args.files:
        for result in anchor_file(path, texts):
            if result.problem:
                failed += 1
                print(f"{path}: claim {result.claim}: {result.problem}", file=sys.stderr)
            else:
                print(f"{path}: claim {result.claim}: start {result.start}, end {result.end}")
    return 2 if failed else 0
