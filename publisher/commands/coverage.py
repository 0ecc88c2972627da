"""`publisher coverage [DOC...]`: every candidate sentence and how it is accounted for."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from publisher.commands._common import Subparsers, add_project_options

if TYPE_CHECKING:
    from publisher.build.coverage import DocumentCoverage


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "coverage",
        help="list the sentences that may state a relation and the claims (or reason) for each",
        description=(
            "A candidate sentence names two or more known actors and holds a relation cue of "
            "data/lexicon/cues.yaml. For each, prints the claims anchored in it, or the reason a "
            "curator recorded for having none (coverage: in the mapping file). Exit code 1 when "
            "a candidate sentence is not accounted for."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument("documents", metavar="DOC", nargs="*", help="document ids (default: all)")
    parser.add_argument(
        "--unaccounted", action="store_true", help="list only the sentences not accounted for"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.build.coverage import coverage_report

    report = coverage_report(args.home, args.documents or None)
    missing = sum(len(d.unaccounted) for d in report)
    if args.json:
        print(
            json.dumps([_json(d, args.unaccounted) for d in report], ensure_ascii=False, indent=1)
        )
        return 1 if missing else 0
    total = sum(len(d.accounting) for d in report)
    for item in report:
        text = item.document.text
        shown = item.unaccounted if args.unaccounted else item.accounting
        print(
            f"{item.document.id}: {len(item.accounting)} candidate sentence(s), "
            f"{len(item.unaccounted)} not accounted for"
        )
        for a in shown:
            c = a.candidate
            status = (
                "claims " + ", ".join(a.claims)
                if a.claims
                else f"{a.note.reason}: {a.note.note or ''}".rstrip(": ")
                if a.note
                else "NOT ACCOUNTED FOR"
            )
            print(f"  [{c.start}, {c.end}) {status}\n    {text[c.start : c.end]}")
    print(f"{total - missing} of {total} candidate sentences accounted for")
    return 1 if missing else 0


def _json(item: DocumentCoverage, only_unaccounted: bool) -> dict[str, object]:
    rows = item.unaccounted if only_unaccounted else item.accounting
    return {
        "document": item.document.id,
        "candidates": [
            {
                "start": a.candidate.start,
                "end": a.candidate.end,
                "actors": list(a.candidate.actors),
                "cues": list(a.candidate.cues),
                "claims": list(a.claims),
                "reason": a.note.reason if a.note and not a.claims else None,
                "note": a.note.note if a.note and not a.claims else None,
            }
            for a in rows
        ],
    }
