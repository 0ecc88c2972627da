"""`publisher confirm DOC CLAIM-ID...`: confirm drafted claims, so the next build publishes them."""

from __future__ import annotations

import argparse

from publisher.commands._common import Subparsers, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "confirm",
        help="confirm drafted claims of a document (status: draft -> confirmed)",
        description=(
            "Sets `status: confirmed` on the given claims in the mapping file of document DOC, "
            "editing only their status lines. The corpus is then checked as the build checks it; "
            "if a confirmed claim would stop the build (unknown actor, wrong offsets) the file is "
            "left as it was and the problems are listed (exit 2)."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument("document", metavar="DOC", help="a document id")
    parser.add_argument(
        "claims", nargs="*", metavar="CLAIM-ID", help="ids of the claims to confirm"
    )
    parser.add_argument("--all", action="store_true", help="confirm every draft of the document")
    parser.set_defaults(func=run, verdict="confirmed")


def run(args: argparse.Namespace) -> int:
    import sys

    from publisher.curate.suggest.review import review

    if not args.claims and not args.all:
        print(f"publisher {args.command}: error: give claim ids (or --all)", file=sys.stderr)
        return 2
    result = review(args.home, args.document, args.claims, args.verdict, every=args.all)
    for ident in result.changed:
        print(f"{args.verdict}: {ident}")
    for ident in result.unchanged:
        print(f"already {args.verdict}: {ident}")
    print(f"{len(result.changed)} claim(s) {args.verdict} in {result.path}")
    return 0
