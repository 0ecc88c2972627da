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
        help="draft claims for a document (status: draft) from its text layer and the cue lexicon",
        description=(
            "For each sentence of document DOC naming two or more known actors and containing a "
            "relation cue (data/lexicon/cues.yaml), drafts a claim with subject, relation type, "
            "object, evidence offsets, amount, time and place, and appends it to the document's "
            "mapping file (data/claims/DOC.yaml) with `status: draft`: the build publishes it only "
            "once confirmed (`publisher confirm`). Claims already in the file are not drafted "
            "again. Also lists candidate new actors. With --evaluate, prints precision and recall "
            "of the drafts against the curated mapping, per language, as in docs/suggest.md."
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
        help="measure the drafts against the curated mapping of every document instead",
    )
    parser.add_argument(
        "--update-docs",
        action="store_true",
        help="with --evaluate: rewrite the tables in HOME/docs/suggest.md",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.curate.suggest.workspace import Workspace

    if args.evaluate:
        return _evaluate(args, Workspace.open(args.home))
    if not args.document:
        print("publisher suggest: error: give a document id (or --evaluate)", file=sys.stderr)
        return 2
    from publisher.curate.suggest.candidates import candidate_names
    from publisher.curate.suggest.mapping_file import add_drafts

    workspace = Workspace.open(args.home)
    document = workspace.document(args.document)
    drafts = workspace.drafts(document)
    taken = set(workspace.corpus.claims) | set(workspace.corpus.drafts)
    written = add_drafts(args.home, document, drafts, taken, write=not args.dry_run)
    for ident, draft in written.added:
        flags = "".join(
            [" (denied)" if draft.polarity == "denied" else "", " (hedged)" if draft.hedged else ""]
        )
        print(f"{ident}: {draft.subject} --{draft.relation}--> {draft.object}{flags}")
        print(f"    [{draft.start}, {draft.end}) cue {draft.cue!r}: {_short(draft.quote)}")
    where = "would be written to" if args.dry_run else "written to"
    print(
        f"{len(written.added)} draft(s) {where} {written.path}"
        + (f"; {written.skipped} already in the file" if written.skipped else "")
    )
    names = candidate_names(workspace.layer(document))
    if names:
        listing = f"`publisher candidates {document.id}`"
        print(f"{len(names)} candidate new actor(s), not in data/actors.yaml ({listing}):")
        print("    " + "; ".join(n.surface for n in names))
    if written.added and not args.dry_run:
        confirm = f"`publisher confirm {document.id} CLAIM-ID...`"
        print(f"next: review the drafts, then {confirm} and `publisher build`")
    return 0


def _short(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _evaluate(args: argparse.Namespace, workspace: Workspace) -> int:
    from publisher.curate.suggest.evaluate import evaluate, markdown, update_document

    tables = markdown(evaluate(workspace))
    print(tables)
    if args.update_docs:
        target = args.home / "docs" / "suggest.md"
        if not target.is_file() or not update_document(target, tables):
            print(f"publisher suggest: error: {target} has no evaluation markers", file=sys.stderr)
            return 2
        print(f"updated {target}", file=sys.stderr)
    return 0
