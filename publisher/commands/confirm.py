"""`publisher confirm DOC CLAIM-ID...`: confirm drafted claims, so the next build publishes them."""

from __future__ import annotations

import argparse

from publisher.commands._common import Subparsers, add_project_options


def _confidence(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError("a confidence is a number from 0 to 1")
    return value


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "confirm",
        help="confirm drafted claims of a document (status: draft -> confirmed)",
        description=(
            "Sets `status: confirmed` on the given claims in the mapping file of document DOC, "
            "editing only their status lines (a draft you corrected is confirmed as corrected). "
            "With --above C, also every draft whose confidence is at least C and that names no "
            "gap. The claims are checked as the build checks them (a denied or hedged claim's quote "
            "must hold its negation or hedge), then the whole corpus; if a confirmed claim would "
            "stop the build (unknown actor, wrong offsets, no cue) the file is left as it was and the "
            "problems are listed (exit 2)."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument("document", metavar="DOC", help="a document id")
    parser.add_argument(
        "claims", nargs="*", metavar="CLAIM-ID", help="ids of the claims to confirm"
    )
    parser.add_argument(
        "--above",
        type=_confidence,
        metavar="C",
        help="also confirm every draft with confidence >= C (0 to 1), except drafts with a gap",
    )
    parser.set_defaults(func=run, verdict="confirmed", every=False)


def run(args: argparse.Namespace) -> int:
    import sys

    from publisher.curate.confirming import confirm
    from publisher.curate.suggest.review import review

    above = getattr(args, "above", None)
    if not args.claims and not args.every and above is None:
        hint = "--above C" if args.verdict == "confirmed" else "--all"
        print(f"publisher {args.command}: error: give claim ids (or {hint})", file=sys.stderr)
        return 2
    if args.verdict == "confirmed":  # the build's cue check first, as the workbench's Accept
        result = confirm(args.home, args.document, args.claims, every=args.every, above=above)
    else:
        result = review(
            args.home, args.document, args.claims, args.verdict, every=args.every, above=above
        )
    for ident in result.changed:
        print(f"{args.verdict}: {ident}")
    for ident in result.unchanged:
        print(f"already {args.verdict}: {ident}")
    print(f"{len(result.changed)} claim(s) {args.verdict} in {result.path}")
    return 0
