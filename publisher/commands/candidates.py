"""`publisher candidates DOC`: unknown names in a document that look like actors, and other
spellings of known ones, each with the command that adds it."""

from __future__ import annotations

import argparse
import json

from publisher.commands._common import Subparsers, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "candidates",
        help="list names in a document that look like actors but are not in data/actors.yaml",
        description=(
            "Runs the text layer on document DOC and lists its candidate new actors (people "
            "after titles, organisations, outlets, states and international bodies of "
            "data/lexicon/names.yaml) and the other spellings of known actors, each with the "
            "command that adds it: `publisher actor add` for a new actor, `publisher actor "
            "alias` for a spelling. Then run `publisher suggest DOC` again."
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
    names = candidate_names(
        workspace.layer(document), workspace.gazetteer, workspace.corpus, args.home
    )
    if args.json:
        rows = [
            {
                "name": n.surface,
                "kind": n.kind,
                "variant_of": n.variant_of,
                "id": None if n.variant_of else n.ident,
                "names": n.names,
                "count": n.count,
                "start": n.start,
                "end": n.end,
                "context": n.context,
                "command": n.command,
            }
            for n in names
        ]
        print(
            json.dumps({"document": document.id, "candidates": rows}, ensure_ascii=False, indent=2)
        )
        return 0
    new = [n for n in names if not n.variant_of]
    spellings = [n for n in names if n.variant_of]
    print(f"{len(new)} candidate new actor(s) in {document.id}:")
    for n in new:
        print(
            f"  {n.surface}  ({n.kind}, {n.count}x, first at [{n.start}, {n.end}))  …{n.context}…"
        )
        print(f"      {n.command}")
    if spellings:
        print(f"{len(spellings)} other spelling(s) of known actors:")
        for n in spellings:
            print(f"  {n.surface}  (of {n.variant_of}, {n.count}x)  …{n.context}…")
            print(f"      {n.command}")
    return 0
