"""`publisher rename DOC OLD NEW`: give a claim another id."""

from __future__ import annotations

import argparse

from publisher.commands._common import Subparsers, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "rename",
        help="rename a claim of a document (its id in data/claims/DOC.yaml)",
        description=(
            "Changes the id of claim OLD of document DOC to NEW, editing only its `id:` line. "
            "NEW must be lower-case words joined by hyphens and not already a claim id. A claim "
            "named in data/conflicts.yaml is not renamed (rename it there too first). The corpus "
            "is checked afterwards as the build checks it (exit 2 on a problem, file unchanged)."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument("document", metavar="DOC", help="a document id")
    parser.add_argument("old", metavar="OLD", help="the claim's id now")
    parser.add_argument("new", metavar="NEW", help="its new id")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.curate.suggest.review import rename

    path = rename(args.home, args.document, args.old, args.new)
    print(f"renamed {args.old} -> {args.new} in {path}")
    return 0
