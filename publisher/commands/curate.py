"""`publisher curate`: the curators' workbench in the browser, on loopback."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from publisher.commands._common import Subparsers, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "curate",
        help="the curation workbench: review, correct and anchor claims in the browser",
        description=(
            "Starts the workbench (its own app, never part of the public server) on "
            "http://127.0.0.1:PORT/: the documents with their review state, adding a document, "
            "each document's text with its drafts and claims highlighted, accept / correct / "
            "reject, new claims and actors from a selection, the build's checks and publishing. "
            "It writes the same files as the commands (data/claims/, data/actors.yaml, "
            "data/documents.yaml). It answers on loopback only, unless --host names another "
            "address (a warning is printed: anyone who can reach it can edit the project)."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument("--port", type=int, default=5050, help="port (default: %(default)s)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s, loopback only); another address "
        "exposes the workbench to the network",
    )
    parser.set_defaults(func=run)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    from publisher.workbench import create_app

    host, port = args.host, args.port
    if host in ("0.0.0.0", "::"):
        print(
            "publisher curate: error: give the address the workbench is reached at, not "
            f"{host}: writes are accepted only from its own origin",
            file=sys.stderr,
        )
        return 2
    shown = f"[{host}]" if ":" in host else host
    origins = [f"http://{shown}:{port}"]
    if _loopback(host):
        origins += [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]
    else:
        print(
            f"publisher curate: warning: listening on {host}, not loopback: anyone who can "
            "reach this address can edit the project's data (each write still needs the "
            "session's token and a same-origin request)",
            file=sys.stderr,
        )
    app = create_app({"HOME": args.home, "BASE_IRI": args.base, "ORIGINS": sorted(set(origins))})
    print(f"curation workbench for {app.config['HOME']} at {origins[0]}/", flush=True)
    # One request at a time: the files are written by one curator's actions, in order.
    app.run(host=host, port=port, threaded=False, debug=False, use_reloader=False)
    return 0
