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
        help="load a release into a SPARQL store (Graph Store Protocol, or the engine's bulk "
        "loader) and check it",
        description=(
            "By default, sends every named graph of the release to the SPARQL store at --to "
            "with the SPARQL 1.1 Graph Store HTTP Protocol, one PUT per graph (each graph is "
            "replaced whole, so loading again leaves no stale triples; graphs under the "
            "release's base that the release no longer has are deleted). With --into-oxigraph, "
            "runs `oxigraph load` into a fresh directory instead; with --virtuoso-isql, "
            "Virtuoso's bulk loader. Then counts the triples of each graph in the store and "
            "compares them with the release's VoID; exits with 5 when they differ, 1 when the "
            "store or its loader fails, 4 for a damaged release. Serve the loaded store with "
            "`publisher serve --store URL`."
        ),
    )
    parser.add_argument(
        "--to",
        metavar="URL",
        help="SPARQL query endpoint of the store, as given to `serve --store` "
        "(e.g. http://127.0.0.1:7878/query; `virtuoso+http://...` names the engine)",
    )
    parser.add_argument(
        "--into-oxigraph",
        type=Path,
        metavar="DIR",
        help="Oxigraph's bulk path: `oxigraph load` into DIR, a directory that must not exist "
        "or be empty; then serve it with `oxigraph serve-read-only --location DIR` "
        "(deploy/replicas.py runs replicas of it)",
    )
    parser.add_argument(
        "--oxigraph",
        metavar="PROGRAM",
        help="the oxigraph program (default: the one next to this Python, else on PATH)",
    )
    parser.add_argument(
        "--virtuoso-isql",
        metavar="HOST:PORT",
        help="Virtuoso's bulk loader through its SQL port (e.g. 127.0.0.1:1111); the server "
        "reads dataset.nq itself, so the release folder must be in its DirsAllowed; --to is "
        "its SPARQL endpoint, for the check",
    )
    parser.add_argument(
        "--isql-user", default="dba", help="Virtuoso user for the bulk loader (default: dba)"
    )
    parser.add_argument(
        "--isql-password-file",
        type=Path,
        metavar="FILE",
        help="a file holding that user's password (its first line)",
    )
    parser.add_argument(
        "--isql-program",
        default="isql-vt",
        metavar="PROGRAM",
        help="Virtuoso's SQL client (default: %(default)s, as Debian names it)",
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


def progress(line: str) -> None:
    print(line, flush=True)


def run(args: argparse.Namespace) -> int:
    from publisher.errors import PublisherError
    from publisher.store.loading import (
        LoadMismatch,
        check_release,
        load_oxigraph,
        load_release,
        load_virtuoso,
    )

    release = args.release if args.release is not None else args.home / "release"
    if args.into_oxigraph is not None:
        if args.to or args.virtuoso_isql or args.check_only:
            raise PublisherError(
                "--into-oxigraph fills a directory: give no --to, no "
                "--virtuoso-isql, no --check-only with it"
            )
        target = str(args.into_oxigraph)
    elif not args.to:
        raise PublisherError("give the store: --to URL, or --into-oxigraph DIR")
    else:
        target = args.to
    if args.into_oxigraph is not None:
        print(f"publisher load: {release.resolve()} -> {target}", flush=True)
        report = load_oxigraph(
            release, args.into_oxigraph, program=args.oxigraph, progress=progress
        )
    elif args.check_only:
        print(f"publisher load: checking {args.to} against {release.resolve()}", flush=True)
        report = check_release(release, args.to, timeout=args.timeout)
    elif args.virtuoso_isql:
        if args.isql_password_file is None:
            raise PublisherError("--virtuoso-isql needs --isql-password-file")
        try:
            password = args.isql_password_file.read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError) as error:
            raise PublisherError(
                f"{args.isql_password_file}: no password to read ({error})"
            ) from None
        print(f"publisher load: {release.resolve()} -> {args.to} (bulk loader)", flush=True)
        report = load_virtuoso(
            release,
            args.to,
            address=args.virtuoso_isql,
            user=args.isql_user,
            password=password,
            program=args.isql_program,
            timeout=args.timeout,
            progress=progress,
        )
    else:
        print(f"publisher load: {release.resolve()} -> {args.to}", flush=True)
        report = load_release(
            release,
            args.to,
            args.graph_store,
            timeout=args.timeout,
            progress=progress,
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
        f"publisher load: {len(graphs)} graphs, {total} triples in {target}; "
        "every graph count matches the release's VoID"
    )
    return 0
