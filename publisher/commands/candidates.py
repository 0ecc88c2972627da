"""`publisher candidates DOC`: unknown names in a document that look like actors."""

from __future__ import annotations

import argparse
import json

from publisher.commands._common import Subparsers, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "candidates",
        help="list names in a document that look like actors but are not in data/actors.yaml",
        description=(
            "Runs the text layer on document DOC and lists its candidate new actors: capitalised "
            "name sequences in English, names after titles such as الرئيس, وزير, قائد in Arabic, "
            "that no actor or place in the reference data is called. Add the real ones to "
            "data/actors.yaml (with English and Arabic names) and run `publisher suggest` again."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument("document", metavar="DOC", help="a document id")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.curate.suggest.candidates import candidate_names
    from publisher.curate.suggest.workspace import Workspace

    workspace = Workspace.open(args.home)
    document = workspace.document(args.document)
    names = candidate_names(workspace.layer(document))
    if args.json:
        rows = [
            {
                "name": n.surface,
                "count": n.count,
                "start": n.start,
                "end": n.end,
                "context": n.context,
            }
            for n in names
        ]
        print(
            json.dumps({"document": document.id, "candidates": rows}, ensure_ascii=False, indent=2)
        )
        return 0
    print(f"{len(names)} candidate new actor(s) in {document.id}:")
    for n in names:
        print(f"  {n.surface}  ({n.count}x, first at [{n.start}, {n.end}))  …{n.context}…")
    return 0
