"""`publisher actor add|alias|name`: add an actor, another spelling of one, or a name it lacks,
to data/actors.yaml (its comments and layout kept)."""

from __future__ import annotations

import argparse

from publisher.commands._common import Subparsers, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "actor",
        help="add an actor, an alias or a missing name to data/actors.yaml",
        description=(
            "Edits data/actors.yaml as text, keeping its comments and layout, and checks the "
            "corpus afterwards as the build does (the file is left as it was on a problem, exit "
            "2). `publisher candidates DOC` prints the command for each candidate."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add an actor",
        description=(
            "Adds actor ID at the end of the actors list. Give its name in English (--en) and "
            "Arabic (--ar); with only one, it is added with `todo: name-ar` (or name-en) and "
            "the build accepts it with a warning until `publisher actor name` fills it in."
        ),
    )
    add_project_options(add, release=False)
    add.add_argument("ident", metavar="ID", help="the actor id: lower-case words joined by -")
    add.add_argument(
        "--type",
        required=True,
        help="state, government-body, organisation, armed-wing, unit, collective, media, person",
    )
    add.add_argument("--en", help="its name in English")
    add.add_argument("--ar", help="its name in Arabic")
    add.add_argument("--alias-en", action="append", default=[], help="another English spelling")
    add.add_argument("--alias-ar", action="append", default=[], help="another Arabic spelling")
    for relation in ("part-of", "government-of", "armed-wing-of", "unit-of"):
        add.add_argument(f"--{relation}", metavar="ACTOR", help=f"the actor it is {relation} ")
    add.set_defaults(func=run_add)

    alias = actions.add_parser(
        "alias",
        help="add another spelling of an actor's name",
        description="Adds NAME to the `aliases:` of actor ID (creating them under its name).",
    )
    add_project_options(alias, release=False)
    alias.add_argument("ident", metavar="ID", help="an actor id")
    group = alias.add_mutually_exclusive_group(required=True)
    group.add_argument("--en", help="an English spelling")
    group.add_argument("--ar", help="an Arabic spelling")
    alias.set_defaults(func=run_alias)

    name = actions.add_parser(
        "name",
        help="give an actor the name it lacks in one language",
        description="Sets the missing --en or --ar name of actor ID and clears its `todo:`.",
    )
    add_project_options(name, release=False)
    name.add_argument("ident", metavar="ID", help="an actor id")
    group = name.add_mutually_exclusive_group(required=True)
    group.add_argument("--en", help="its name in English")
    group.add_argument("--ar", help="its name in Arabic")
    name.set_defaults(func=run_name)


def run_add(args: argparse.Namespace) -> int:
    from publisher.curate.actors_file import NewActor, add_actor

    parents = tuple(
        (relation.replace("-", "_"), getattr(args, relation.replace("-", "_")))
        for relation in ("part-of", "government-of", "armed-wing-of", "unit-of")
        if getattr(args, relation.replace("-", "_"))
    )
    actor = NewActor(
        args.ident, args.type, args.en, args.ar, parents, tuple(args.alias_en), tuple(args.alias_ar)
    )
    path = add_actor(args.home, actor)
    print(f"added actor {args.ident} to {path}")
    missing = [lang for lang, value in (("en", args.en), ("ar", args.ar)) if not value]
    if missing:
        print(
            f"  its {missing[0]} name is marked `todo: name-{missing[0]}`: the build warns until "
            f"`publisher actor name {args.ident} --{missing[0]} ...`"
        )
    print("next: `publisher suggest DOC` drafts the claims that involve it")
    return 0


def run_alias(args: argparse.Namespace) -> int:
    from publisher.curate.actors_file import add_alias

    language, value = ("en", args.en) if args.en else ("ar", args.ar)
    path = add_alias(args.home, args.ident, language, value)
    print(f"added {language} alias {value!r} to {args.ident} in {path}")
    return 0


def run_name(args: argparse.Namespace) -> int:
    from publisher.curate.actors_file import add_name

    language, value = ("en", args.en) if args.en else ("ar", args.ar)
    path = add_name(args.home, args.ident, language, value)
    print(f"set the {language} name of {args.ident} to {value!r} in {path}")
    return 0
