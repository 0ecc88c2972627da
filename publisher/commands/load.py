"""`publisher load`: put a release into a remote SPARQL store and check what it holds."""

from __future__ import annotations

import argparse
from pathlib import Path

from publisher.commands._common import Subparsers
from publisher.settings import defaults


def register(subparsers: Subparsers) -> None:
    config = defaults()
    parser = subparsers.add_parser(
        "load",
        help="load a release into a remote SPARQL store (Graph Store Protocol) and check it",
        description=(
            "Sends every named graph of the release to a SPARQL store with the SPARQL 1.1 "
            "Graph Store HTTP Protocol, one PUT per graph (each graph is replaced whole, so "
            "loading again leaves no stale triples; graphs under the release's base that the "
            "release no longer has are deleted). Then counts the triples of each graph in the "
            "store and compares them with the release's VoID; exits with 5 when they differ. "
            "Serve the loaded store with `publisher serve --store URL`."
        ),
    )
    parser.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="SPARQL query endpoint of the store, as given to `serve --store` "
        "(e.g. http://127.0.0.1:7878/query)",
    )
    parser.add_argument(
        "--graph-store",
        default=config["UPDATE_ENDPOINT"],
        metavar="URL",
        help="its Graph Store Protocol endpoint (default: PUBLISHER_UPDATE_ENDPOINT, else next "
        "to --to: Oxigraph's /query -> /store, Fuseki's /<dataset>/sparql -> /<dataset>/data)",
    )
    parser.add_argument(
        "--release",
        type=Path,
        default=None,
        help="release folder to load (default: HOME/release)",
    )
    parser.add_argument(
        "--home",
        type=Path,
        default=Path(str(config["HOME"])),
        help="project folder holding the release link (default: %(default)s)",
    )
    parser.add_argument(
        "--check-only",
        action="store_true",
        help="send nothing; only compare the store's counts with the release's VoID (for a "
        "store filled by its own bulk loader from dataset.nq)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds to wait for the store on each request (default: %(default)s)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.store.loading import LoadMismatch, check_release, load_release

    release = args.release if args.release is not None else args.home / "release"
    if args.check_only:
        print(f"publisher load: checking {args.to} against {release.resolve()}", flush=True)
        report = check_release(release, args.to, timeout=args.timeout)
    else:
        print(f"publisher load: {release.resolve()} -> {args.to}", flush=True)
        report = load_release(
            release,
            args.to,
            args.graph_store,
            timeout=args.timeout,
            progress=lambda line: print(line, flush=True),
        )
    for warning in report.warnings:
        print(f"warning: {warning}")
    for graph, count in report.foreign.items():
        print(f"note: the store also holds <{graph}> ({count} triples), not from this release")
    if report.differences:
        raise LoadMismatch(
            "the store's counts differ from the release's VoID:\n  "
            + "\n  ".join(report.differences)
        )
    graphs = report.sent or report.expected
    total = sum(report.held.get(g, 0) for g in graphs)
    print(
        f"publisher load: {len(graphs)} graphs, {total} triples in {args.to}; "
        "every graph count matches the release's VoID"
    )
    return 0
