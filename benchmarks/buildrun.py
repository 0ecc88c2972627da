"""One `build_release` in its own process, for the harness to time and sample: prints JSON.

python -m benchmarks.buildrun HOME [--workers N] [--no-cache]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from publisher.build import publish as build
from publisher.settings import DEFAULT_BASE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--base", default=DEFAULT_BASE)
    parser.add_argument(
        "--prepare",
        action="store_true",
        help="then, like `publisher build`, start verifying the release and building its store "
        "folder for the server in the background (PREPARE_STORE)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    folder = build.build_release(
        args.home, args.base, args.home / "release", workers=args.workers, cache=not args.no_cache
    )
    seconds = time.perf_counter() - started
    if args.prepare:  # what `publisher build` does next, in the background (not timed)
        from publisher.commands.build import prepare_for_server

        prepare_for_server(args.home, args.home / "release")
    manifest = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    print(
        json.dumps(
            {
                "seconds": round(seconds, 3),
                "timings": {k: round(v, 3) for k, v in build.LAST_TIMINGS.items()},
                "release": folder.name,
                "triples": manifest["triples"],
                "documents": manifest["documents"],
                "claims": manifest["claims"],
            }
        )
    )
    return 0


if __name__ == "__main__":
    # As `publisher build` ends (publisher.cli.program): without Python's teardown.
    code = main()
    sys.stdout.flush()
    os._exit(code)
