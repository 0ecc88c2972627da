"""`publisher stats`: what a release holds, from its release.json and the store."""

from __future__ import annotations

import argparse
import json

from publisher.commands._common import Subparsers, add_project_options, release_path
from publisher.rdf import namespaces

COUNTS = {
    "documents": "?x a sup:Document",
    "actors": "?x a sup:Actor",
    "claims": "?x a sup:Claim",
    "propositions": "?x a sup:Proposition",
    "conflicts": "?x a sup:Conflict",
    "events": "?x a sup:Event",
    "actor mentions": "?x a sup:ActorMention",
    "sentences": "?x a sup:Sentence",
}


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="print counts of the current release (triples per graph, claims, actors, ...)",
        description="Reads the release folder and prints its triple counts and the number of things of each kind.",
    )
    add_project_options(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import pyoxigraph

    from publisher.errors import ReleaseError
    from publisher.release.manifest import read_manifest

    folder = release_path(args)
    if not folder.exists():
        raise ReleaseError(f"no release at {folder}; run `publisher build` first")
    manifest = read_manifest(folder.resolve())
    store = pyoxigraph.Store()
    store.bulk_load(path=str(folder / "dataset.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    prefix = namespaces.sparql_prefixes(("sup",), manifest["base"])
    counts = {}
    for name, pattern in COUNTS.items():
        result = store.query(
            prefix + f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}",
            use_default_graph_as_union=True,
        )
        assert isinstance(result, pyoxigraph.QuerySolutions)  # a SELECT's answer
        counts[name] = int(next(iter(result))["n"].value)
    summary = {
        "release": manifest["release"],
        "generated": manifest["generated"],
        "triples": manifest["triples"],
        "graphs": manifest["graphs"],
        "counts": counts,
    }
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    print(f"release   {summary['release']} ({summary['generated']})")
    print(f"triples   {summary['triples']}")
    for name, count in counts.items():
        print(f"{name:<14}{count}")
    print("graphs:")
    for graph, count in manifest["graphs"].items():
        print(f"  {count:>7}  {graph}")
    return 0
