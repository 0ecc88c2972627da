"""`publisher suggest DOC`: draft claims for a document; `--evaluate` measures the drafter."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from publisher.commands._common import Subparsers, add_project_options

if TYPE_CHECKING:
    from publisher.curate.suggest.workspace import Workspace


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "suggest",
        help="draft claims for a document (status: draft) from its text and the cue lexicon",
        description=(
            "Reads document DOC clause by clause and drafts a claim for each relation cue "
            "(data/lexicon/cues.yaml) whose agent and recipient the clause gives (or the "
            "clause before it, said in the draft's note), with evidence span, amount, time, "
            "place, polarity, hedge, attribution, the cues it used and a confidence. Drafts go "
            "to the document's mapping file (data/claims/DOC.yaml) with `status: draft`: the "
            "build publishes a claim only once confirmed (`publisher confirm`). Running it again "
            "updates drafts nobody has touched and never brings back one a curator rejected, "
            "confirmed or edited. Also lists candidate new actors. With --evaluate, measures the "
            "drafter on the hand-annotated evaluation set (evaluation/drafting/, --split dev by "
            "default) or, with --corpus, on the curated corpus documents."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument(
        "document", nargs="?", metavar="DOC", help="a document id (data/documents.yaml)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the drafts without writing the mapping file"
    )
    parser.add_argument(
        "--evaluate",
        action="store_true",
        help="measure the drafter instead (precision, recall, per-field accuracy)",
    )
    parser.add_argument(
        "--split",
        choices=["dev", "test"],
        default="dev",
        help="with --evaluate: the half of evaluation/drafting/ to measure (default: dev; the "
        "test half is for the report, never for tuning)",
    )
    parser.add_argument(
        "--corpus",
        action="store_true",
        help="with --evaluate: measure on the corpus documents' curated claims instead (the "
        "lexicon was written knowing them: a development check)",
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help="with --evaluate: write the tables into HOME/docs/suggest.md and, for the test "
        "split, the numbers into HOME/evaluation/drafting/scores.json (what /quality publishes: "
        "the held-out numbers, never dev's)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.curate.suggest.workspace import Workspace

    if args.evaluate:
        return _evaluate(args, Workspace.open(args.home))
    if not args.document:
        print("publisher suggest: error: give a document id (or --evaluate)", file=sys.stderr)
        return 2
    from publisher.curate.drafts import suggest_document
    from publisher.curate.suggest.candidates import candidate_names

    suggested = suggest_document(args.home, args.document, write=not args.dry_run)
    workspace, document, written = suggested.workspace, suggested.document, suggested.written
    for label, items in (("new", written.added), ("updated", written.updated)):
        for ident, draft in items:
            flags = "".join(
                [
                    " (denied)" if draft.polarity == "denied" else "",
                    " (hedged)" if draft.hedged else "",
                ]
            )
            print(
                f"{label} {ident}: {draft.subject} --{draft.relation}--> {draft.object}{flags}"
                f"  confidence {draft.confidence}"
            )
            print(f"    [{draft.start}, {draft.end}) {_short(draft.quote)}")
            if draft.note:
                print(f"    note: {draft.note}")
    for ident in written.removed:
        print(f"removed {ident}: no longer drafted, and nobody had reviewed it")
    where = "would change" if args.dry_run else "written to"
    summary = (
        f"{len(written.added)} new, {len(written.updated)} updated, {len(written.removed)} "
        f"removed, {written.unchanged} unchanged draft(s)"
    )
    if written.changed:
        print(f"{summary}: {where} {written.path}")
    else:
        print(f"{summary}: {written.path} is up to date")
    if written.skipped:
        print(f"{written.skipped} draft(s) left out: a curator reviewed, edited or wrote them")
    names = candidate_names(
        workspace.layer(document), workspace.gazetteer, workspace.corpus, args.home
    )
    if names:
        listing = f"`publisher candidates {document.id}`"
        print(f"{len(names)} candidate new actor(s) or spelling(s), see {listing}:")
        print("    " + "; ".join(n.surface for n in names))
    if (written.added or written.updated) and not args.dry_run:
        confirm = f"`publisher confirm {document.id} CLAIM-ID...`"
        print(f"next: review the drafts in {written.path}, then {confirm} and `publisher build`")
    return 0


def _short(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _evaluate(args: argparse.Namespace, workspace: Workspace) -> int:
    from publisher.curate.suggest.evalset import FOLDER
    from publisher.curate.suggest.evaluate.report import replace_block, scores, tables, write_scores
    from publisher.curate.suggest.evaluate.running import evaluate_corpus, evaluate_split

    if args.corpus:
        results, name = evaluate_corpus(workspace), "corpus"
        block = tables(results, None)
    else:
        results, name = evaluate_split(workspace, args.split), args.split
        block = tables(results, args.split)
    print(block)
    if args.write:
        target = args.home / "docs" / "suggest.md"
        if not target.is_file() or not replace_block(target, name, block):
            print(
                f"publisher suggest: error: {target} has no evaluation:{name} markers",
                file=sys.stderr,
            )
            return 2
        print(f"updated {target}", file=sys.stderr)
        if args.split == "test" and not args.corpus:
            path = args.home / FOLDER / "scores.json"
            write_scores(path, scores(results, args.split))
            print(f"wrote {path}", file=sys.stderr)
    return 0
