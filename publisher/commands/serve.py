"""`publisher serve`: serve the current release as linked data and SPARQL."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from publisher.commands._common import Subparsers
from publisher.settings import defaults

if TYPE_CHECKING:
    from flask import Flask

PRODUCTION = """\
For production, run the same application with gunicorn and the settings of
deploy/gunicorn.conf.py (the publisher's settings from PUBLISHER_* variables):
  PUBLISHER_HOME=/srv/kg PUBLISHER_BASE_IRI=https://example.org/ \\
    gunicorn -c deploy/gunicorn.conf.py 'publisher.web:create_app()'
See docs/deployment.md."""


def register(subparsers: Subparsers) -> None:
    config = defaults()
    parser = subparsers.add_parser(
        "serve",
        help="serve the current release (linked data, SPARQL endpoint, downloads)",
        description=(
            "Serves the release in --release from an in-memory store: every IRI under --base "
            "dereferences (303 to its description), /sparql answers SPARQL 1.1 queries "
            "(read-only), /download/ offers the dumps. Builds the release first when the folder "
            "does not exist. "
            "This uses werkzeug's threaded server, for one machine."
        ),
        epilog=PRODUCTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=int, default=8080, help="port to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--home",
        type=Path,
        default=Path(str(config["HOME"])),
        help="project folder holding data/ and queries/ (default: %(default)s)",
    )
    parser.add_argument(
        "--base",
        default=None,
        help=f"base IRI of the graph (default: the release's own, else {config['BASE_IRI']})",
    )
    parser.add_argument(
        "--release", type=Path, default=None, help="release folder (default: HOME/release)"
    )
    parser.add_argument(
        "--store",
        default=str(config["STORE"]),
        type=_store,
        metavar="embedded|URL",
        help="where the graph is held: 'embedded' (pyoxigraph in this process, the default) or "
        "the URL of a SPARQL endpoint filled by `publisher load` "
        "(e.g. http://127.0.0.1:7878/query; `virtuoso+http://...` names its engine); several "
        "URLs separated by spaces are stores of which the server serves each release from the "
        "first that holds it whole (blue-green releases: load the next release into the one "
        "not in service, then reload); also PUBLISHER_STORE",
    )
    parser.add_argument(
        "--build-for-base",
        action="store_true",
        help="build the release first when it was minted under another base than --base "
        "(make run does, so that `make run PORT=8090` serves IRIs that dereference on 8090)",
    )
    parser.add_argument(
        "--pid-file",
        type=Path,
        default=None,
        help="write the process id here, for `publisher reload --pid-file` (removed at exit)",
    )
    parser.set_defaults(func=run)


def _store(value: str) -> str:
    from publisher.store.engines import split_url

    if value == "embedded" or all(
        split_url(url)[1].startswith(("http://", "https://")) for url in value.split() or [""]
    ):
        return value
    raise argparse.ArgumentTypeError(
        f"{value!r} is neither 'embedded' nor the http(s) URL of a SPARQL endpoint"
    )


def run(args: argparse.Namespace) -> int:
    from publisher.release.reader import open_release
    from publisher.web import create_app

    release = (args.release if args.release is not None else args.home / "release").absolute()
    base = args.base or os.environ.get("PUBLISHER_BASE_IRI")
    if release.is_symlink() and not release.exists():
        from publisher.errors import ReleaseError

        raise ReleaseError(f"{release} points to {os.readlink(release)}, which does not exist")
    if not release.exists():
        from publisher.build.publish import build_release

        print(f"publisher serve: no release at {release}; building it first")
        build_release(args.home, base or str(defaults()["BASE_IRI"]), release)
    minted = open_release(release, verify=False).base
    if args.build_for_base and base and minted and minted != _slashed(base):
        from publisher.build.publish import build_release

        print(
            f"publisher serve: the release at {release} was minted under {minted}; "
            f"building one for {base} first",
            flush=True,
        )
        build_release(args.home, base, release)
        minted = open_release(release, verify=False).base
    if base is None:
        # The release's IRIs are minted under its own base: serve that unless told otherwise.
        base = minted or str(defaults()["BASE_IRI"])
    where = f"http://{_authority(args.host, args.port)}/"
    app = create_app(
        {"HOME": str(args.home), "RELEASE_DIR": str(release), "BASE_IRI": base, "STORE": args.store}
    )
    app.config["SERVED_AT"] = where
    print(f"publisher serve: {base} on {where} (release {release.resolve().name})", flush=True)
    for warning in base_warnings(minted, _slashed(base), args.host, args.port):
        print(f"publisher serve: warning: {warning}", file=sys.stderr, flush=True)
    _reload_on_hangup(app)
    if args.pid_file:
        args.pid_file.write_text(f"{os.getpid()}\n")
    try:
        app.run(host=args.host, port=args.port, threaded=True, debug=False, use_reloader=False)
    finally:
        if args.pid_file:
            args.pid_file.unlink(missing_ok=True)
    return 0


LOOPBACK = {"127.0.0.1", "localhost", "::1"}
EVERYWHERE = {"0.0.0.0", "::", ""}


def base_warnings(minted: str, base: str, host: str, port: int) -> list[str]:
    """What makes the IRIs served not dereference on this server: a release minted under
    another base, or a base whose host and port are not where the server listens."""
    found = []
    if minted and minted != base:
        found.append(
            f"the release was minted under {minted}, but this server serves {base}: its IRIs "
            f"do not dereference here; build it for this base (publisher build --base {base}, "
            "or make run, which does)"
        )
    parts = urlsplit(base)
    base_port = parts.port or (443 if parts.scheme == "https" else 80)
    loopback = host in LOOPBACK and (parts.hostname or "") in LOOPBACK
    same_host = host in EVERYWHERE or loopback or host == parts.hostname
    if parts.hostname in LOOPBACK | {"0.0.0.0"} and (base_port != port or not same_host):
        found.append(
            f"the IRIs are under {base}, but this server listens on "
            f"{_authority(host, port)}: they point at another server; serve with --base "
            f"http://{_authority(host, port)}/ and a release built for it (make run "
            f"PORT={port} does)"
        )
    return found


def _authority(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _slashed(base: str) -> str:
    return base if base.endswith("/") else base + "/"


def _reload_on_hangup(app: Flask) -> None:
    """On SIGHUP (`publisher reload`), serve the release the link points at now, without
    dropping a request; signals that come during a reload make one more reload."""
    from publisher.errors import PublisherError
    from publisher.web import reload

    wanted = threading.Event()

    def reloader() -> None:
        while True:
            wanted.wait()
            wanted.clear()
            before = app.extensions["publisher"].release.folder.name
            try:
                after = reload(app).release.folder.name
            except PublisherError as error:
                print(
                    f"publisher serve: reload refused, still serving release {before}: {error}",
                    file=sys.stderr,
                    flush=True,
                )
                continue
            except Exception as error:  # whatever it was, the server goes on, and so do reloads
                print(
                    f"publisher serve: reload failed, still serving release {before}: "
                    f"{type(error).__name__}: {error}",
                    file=sys.stderr,
                    flush=True,
                )
                continue
            news = "still serving" if after == before else "now serving"
            print(f"publisher serve: reloaded: {news} release {after}", flush=True)

    threading.Thread(target=reloader, name="publisher-reload", daemon=True).start()
    signal.signal(signal.SIGHUP, lambda _number, _frame: wanted.set())
