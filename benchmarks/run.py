"""The benchmark harness: generate, build, serve and measure at each size, side by side.

    python -m benchmarks.run                           # the full run (make bench)
    python -m benchmarks.run --sizes 20 --quick        # a small one (tests/test_benchmarks.py)

At each size (generated documents added to the repository's corpus): a full build from an
empty cache, a rebuild with nothing changed, and a rebuild after one document changed (time,
peak memory of the build's process tree, the build's own phase timings); the release's size;
the load time of the store; then, one server at a time on loopback, the publisher under
gunicorn, an Oxigraph server and rdflib-endpoint, each with the latency of every competency
query (queries/*.rq), the publisher with the latency of dereferencing actors, and throughput
under concurrent load (wrk) for dereferencing and for SPARQL; and rdflib's in-memory store
running the same queries in process. The load average is recorded before and after every
phase, and a timed phase is run again when the machine was busy. Results go to
benchmarks/results/ (JSON), the plot and the tables of benchmarks/README.md are made from them
(benchmarks/report.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import httpbench, servers
from benchmarks.corpus import ROOT, generate
from benchmarks.procs import Interference, Sampler, adopt_orphans, load_average, run_measured
from benchmarks.report import SYSTEMS
from publisher.release.files import SUMS
from publisher.release.reader import QUADS, parse_sums
from publisher.settings import SETTINGS

BASE = "http://127.0.0.1:8080/"
RESULTS = ROOT / "benchmarks" / "results"
BUSY = 0.25  # cores taken by other processes during a phase above which it is run again


class Harness:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.python = sys.executable
        self.log_dir = args.work / "logs"
        self.log_dir.mkdir(parents=True, exist_ok=True)

    def log(self, message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    # --- phases -------------------------------------------------------------------------------

    def timed(self, name: str, action, record: dict, repeat: bool = True):
        """Run a phase, noting the load average around it and how much CPU other processes
        took meanwhile; run it once more if that was more than BUSY cores on average (not
        rdflib's phases: they take many minutes and the ratios to them are large)."""
        for attempt in (1, 2):
            before = load_average()
            with Interference() as others:
                result = action()
            after = load_average()
            record.setdefault("load_average", {})[name] = {
                "before": before,
                "after": after,
                "attempt": attempt,
                "other_processes_cores": others.cores,
            }
            if others.cores <= BUSY or attempt == 2 or self.args.quick or not repeat:
                return result
            self.log(f"{name}: other processes took {others.cores} cores meanwhile; once more")
            time.sleep(30)
        return result

    def build(self, home: Path, *extra: str) -> dict:
        finished = run_measured(
            [
                self.python,
                "-m",
                "benchmarks.buildrun",
                str(home),
                "--workers",
                str(self.args.build_workers),
                *extra,
            ],
            timeout=7200,
            cwd=ROOT,
        )
        if finished.returncode != 0:
            raise RuntimeError(f"build failed:\n{finished.stderr[-3000:]}")
        result = json.loads(finished.stdout.strip().splitlines()[-1])
        result.update(
            wall_seconds=round(finished.seconds, 3),
            peak_rss=finished.peak_rss,
            peak_pss=finished.peak_pss,
        )
        return result

    def size(self, documents: int, previous: dict | None = None) -> dict:
        """Everything measured at one size. With `previous` (the same size from an earlier run,
        --append), the systems not measured now are kept from it; and when the publisher is not
        among the systems, its build and release are reused as they are."""
        home = self.args.work / f"corpus-{documents}"
        systems = self.args.systems.split(",")
        if previous and "publisher" not in systems and (home / "release").exists():
            self.log(f"{documents} documents: the release of the earlier run, as it is")
            record = {**previous, "systems": dict(previous.get("systems", {}))}
            record["host_speed"] = {"before": host_speed()}
            self.measure_systems(home, record, systems)
            record["host_speed"]["after"] = host_speed()
            return record
        record: dict = {"generated_documents": documents, "host_speed": {"before": host_speed()}}
        self.log(f"generating {documents} documents")
        started = time.perf_counter()
        written = generate(home, documents, self.args.seed)
        record["generate_seconds"] = round(time.perf_counter() - started, 2)
        record["characters"] = written.characters

        def full_build() -> dict:
            if not self.args.quick:  # the test's quick run reuses the cache of the corpus it built
                shutil.rmtree(home / ".cache", ignore_errors=True)
            shutil.rmtree(home / "release.d", ignore_errors=True)
            (home / "release").unlink(missing_ok=True)
            return self.build(home)

        self.log(
            "full build" + (" (cache kept: a quick run)" if self.args.quick else " (empty cache)")
        )
        record["build"] = self.timed("build", full_build, record)
        record["triples"] = record["build"]["triples"]
        record["documents"] = record["build"]["documents"]
        record["claims"] = record["build"]["claims"]
        record["documents_per_second"] = round(
            record["documents"] / record["build"]["wall_seconds"], 2
        )
        self.log(f"{record['triples']} triples in {record['build']['wall_seconds']} s")
        self.log("rebuild, nothing changed")
        record["rebuild_unchanged"] = self.timed(
            "rebuild_unchanged", lambda: self.build(home), record
        )
        self.log("rebuild after one document changed")

        def one_change() -> dict:
            change_one_document(home)
            return self.build(home)

        record["rebuild_one_document"] = self.timed("rebuild_one_document", one_change, record)
        record["no_cache_check"] = None
        release = (home / "release").resolve()
        record["release_files"] = {p.name: p.stat().st_size for p in sorted(release.iterdir())}
        record["release_bytes"] = sum(record["release_files"].values())
        dataset = release / "dataset.nq"
        record["store_load"] = self.timed(
            "store_load", lambda: store_load(self.python, dataset), record
        )

        record["systems"] = dict(previous.get("systems", {})) if previous else {}
        self.measure_systems(home, record, systems)
        record["host_speed"]["after"] = host_speed()
        return record

    def measure_systems(self, home: Path, record: dict, systems: list[str]) -> None:
        dataset = (home / "release").resolve() / "dataset.nq"
        queries = load_queries(home / "queries", self.args.queries)
        listing = read_actors(home)
        actors = pick_actors(listing)
        # First requests for 200 actors: of 60, the 99th percentile was the largest of them.
        others = other_actors(listing, set(actors.values()), 10 if self.args.quick else 200)
        if "publisher" in systems:
            self.log("publisher under gunicorn")
            record["systems"]["publisher"] = self.timed(
                "publisher", lambda: self.serve_publisher(home, queries, actors, others), record
            )
        if "publisher-remote" in systems:
            self.log("publisher under gunicorn on an Oxigraph server")
            record["systems"]["publisher-remote"] = self.timed(
                "publisher-remote",
                lambda: self.serve_publisher_on_oxigraph(home, dataset, queries, actors, others),
                record,
            )
        for name in ("oxigraph", "oxigraph-disk", "rdflib-endpoint"):
            if name in systems:
                self.log(name)
                # The read-only server reads the store folder the publisher's preparation built.
                data = self.store_folder(home) if name == "oxigraph-disk" else dataset
                record["systems"][name] = self.timed(
                    name,
                    lambda name=name, data=data: self.serve_other(name, data, queries, actors),
                    record,
                    repeat=name != "rdflib-endpoint",
                )
        if "rdflib" in systems:
            self.log("rdflib in memory")
            record["systems"]["rdflib"] = self.timed(
                "rdflib",
                lambda: self.rdflib_in_memory(dataset, home / "queries", queries),
                record,
                repeat=False,
            )

    # --- systems ------------------------------------------------------------------------------

    def query_latencies(
        self, urls: list[str], queries: dict[str, str], count: int, budget: float
    ) -> list[dict]:
        """Each query's latencies at each endpoint of `urls`, the endpoints asked in turn
        (the publisher and straight to the store it runs on: the two sides of a ratio the
        targets ask for, measured at the same moments); one dict of queries per endpoint."""
        found: list[dict] = [{} for _ in urls]
        for name, text in queries.items():
            series = httpbench.latencies_in_turn(
                [httpbench.sparql(url, text) for url in urls],
                count,
                warmup=1 if count < 10 else 2,
                budget=budget,
                timeout=self.args.slow_timeout,
            )
            for into, (samples, status, body) in zip(found, series, strict=True):
                into[name] = {
                    **httpbench.percentiles(samples),
                    "status": status,
                    "rows": httpbench.rows(body),
                }
        return found

    def serve_publisher_on_oxigraph(
        self, home: Path, dataset: Path, queries: dict, actors: dict, others: list[str]
    ) -> dict:
        """The publisher in its remote-store mode, on an Oxigraph server holding the release:
        memory is both servers' together."""
        with servers.oxigraph(dataset, log=self.log_dir / "oxigraph-store.log") as store:
            store_sampler = Sampler(store.process.pid, 0.5)
            store_sampler.start()
            result = self.serve_publisher(home, queries, actors, others, store=store.query_url)
            store_sampler.stop()
        ours = result["memory_peak"]
        result["memory_peak_publisher"] = dict(ours)
        result["memory_peak_store"] = {
            "rss": store_sampler.peak_rss,
            "pss": store_sampler.peak_pss,
            "largest_rss": store_sampler.peak_single,
        }
        # Peaks taken apart: their sum bounds the peak of the two together from above.
        result["memory_peak"] = {
            k: ours[k] + result["memory_peak_store"][k] for k in ("rss", "pss")
        }
        result["memory_peak"]["largest_rss"] = max(ours["largest_rss"], store_sampler.peak_single)
        result["store_load_seconds"] = round(store.load_seconds or 0, 3)
        return result

    def prepare_release(self, home: Path) -> float:
        """What `publisher build` starts in the background once a release is written
        (PREPARE_STORE, publisher/store/prepare.py): the release verified and its store folder
        built in the server's STATE_DIR (HOME/.cache/server); run here to its end and timed, so
        that the server's start is measured on a release as the build leaves it."""
        link = home / "release"
        command = [self.python, "-m", "publisher.store.prepare"]
        command += [str(link), str(link.resolve()), str(server_state(home))]
        started = time.perf_counter()
        finished = subprocess.run(
            command, capture_output=True, text=True, timeout=7200, cwd=ROOT, check=False
        )
        if finished.returncode != 0:
            raise RuntimeError(f"preparing the release failed:\n{finished.stdout[-3000:]}")
        return time.perf_counter() - started

    def store_folder(self, home: Path) -> Path:
        """The store folder the server reads for the release at HOME/release (named by its
        N-Quads' SHA-256, publisher/store/ondisk.py), prepared now if it is not yet (a check of
        a few files when it is)."""
        self.prepare_release(home)
        sums, _ = parse_sums((home / "release" / SUMS).read_bytes())
        return server_state(home) / "stores" / sums[QUADS]

    def serve_publisher(
        self, home: Path, queries: dict, actors: dict, others: list[str], store: str | None = None
    ) -> dict:
        prepared = None if store else round(self.prepare_release(home), 3)
        with servers.publisher(
            home, BASE, self.args.server_workers, store=store, log=self.log_dir / "publisher.log"
        ) as server:
            sampler = Sampler(server.process.pid, 0.5)
            sampler.start()
            result: dict = {
                "start_seconds": round(server.start_seconds, 3),
                "prepare_seconds": prepared,
                "workers": self.args.server_workers,
                "memory_after_start": dict(
                    zip(("rss", "pss", "largest_rss"), sampler.sample(), strict=False)
                ),
            }
            # Each query through the publisher and, on a remote store, straight to it in turn.
            asked = self.query_latencies(
                [server.query_url, *([store] if store else [])],
                queries,
                self.args.count,
                self.args.budget,
            )
            result["queries"] = asked[0]
            if store:
                result["store_queries"] = asked[1]
            result["dereference"] = {}
            for role, actor in actors.items():
                thing = httpbench.Request(server.base + f"id/actor/{actor}", "text/turtle")
                samples, status, _ = httpbench.latencies(thing, self.args.count * 3, budget=30)
                redirect = status
                description = httpbench.Request(description_url(server.base, actor), "text/turtle")
                doc_samples, doc_status, body = httpbench.latencies(
                    description, self.args.count * 3, budget=30
                )
                result["dereference"][role] = {
                    "actor": actor,
                    "url": description.url,
                    "redirect_status": redirect,
                    "status": doc_status,
                    "bytes": len(body),
                    "redirect": httpbench.percentiles(samples),
                    "description": httpbench.percentiles(doc_samples),
                }
            # Descriptions are kept once rendered (publisher/web/rendered.py), so the series
            # above measure a kept answer after its first request; here, the first request for
            # each of many other actors (`others`), which renders it.
            cold = []
            for actor in others:
                samples, status, _ = httpbench.latencies(
                    httpbench.Request(server.base + f"doc/id/actor/{actor}", "text/turtle"),
                    1,
                    warmup=0,
                    budget=30,
                )
                if status == 200:
                    cold += samples
            result["dereference_first_request"] = httpbench.percentiles(cold)
            result["throughput"] = self.throughput(server, queries, actors, deref=True)
            sampler.stop()
            result["memory_peak"] = {
                "rss": sampler.peak_rss,
                "pss": sampler.peak_pss,
                "largest_rss": sampler.peak_single,
            }
        return result

    def serve_other(self, name: str, data: Path, queries: dict, actors: dict) -> dict:
        """Oxigraph server or rdflib-endpoint on `data` (dataset.nq; for oxigraph-disk, the
        store folder): queries, DESCRIBE of the actors, throughput.

        A query that outlives its timeout leaves the server busy with it (neither stops a
        query whose client has gone), so the server is started afresh after one."""
        slow = name == "rdflib-endpoint"
        starter = {
            "oxigraph": servers.oxigraph,
            "oxigraph-disk": servers.oxigraph_read_only,
            "rdflib-endpoint": servers.rdflib_endpoint,
        }[name]
        count = self.args.slow_count if slow else self.args.count
        budget = self.args.slow_budget if slow else self.args.budget
        requests = [(f"query:{q}", httpbench.sparql, text) for q, text in queries.items()]
        requests += [
            (f"describe:{role}", None, f"DESCRIBE <{BASE}id/actor/{actor}>")
            for role, actor in actors.items()
        ]
        result: dict = {"queries": {}, "describe": {}, "restarts": 0}
        peaks = [0, 0, 0]
        while True:
            with starter(data, log=self.log_dir / f"{name}.log") as server:
                sampler = Sampler(server.process.pid, 0.5)
                sampler.start()
                if "start_seconds" not in result:
                    result.update(
                        start_seconds=round(server.start_seconds, 3),
                        load_seconds=round(server.load_seconds or 0, 3),
                        memory_after_start=dict(
                            zip(("rss", "pss", "largest_rss"), sampler.sample(), strict=False)
                        ),
                    )
                stuck = False
                while requests and not stuck:
                    label, _, text = requests.pop(0)
                    kind, key = label.split(":", 1)
                    request = (
                        httpbench.sparql(server.query_url, text)
                        if kind == "query"
                        else httpbench.Request(server.query_url, "text/turtle", {"query": text})
                    )
                    samples, status, body = httpbench.latencies(
                        request, count, warmup=1, budget=budget, timeout=self.args.slow_timeout
                    )
                    entry = {
                        **httpbench.percentiles(samples),
                        "status": status,
                        "timed_out": status == 0,
                    }
                    if kind == "query":
                        result["queries"][key] = {**entry, "rows": httpbench.rows(body)}
                    else:
                        result["describe"][key] = {
                            **entry,
                            "actor": actors[key],
                            "bytes": len(body),
                        }
                    stuck = status == 0
                if not requests and not stuck:
                    result["throughput"] = self.throughput(server, queries, actors, deref=False)
                sampler.stop()
                peaks = [
                    max(a, b)
                    for a, b in zip(
                        peaks,
                        (sampler.peak_rss, sampler.peak_pss, sampler.peak_single),
                        strict=False,
                    )
                ]
            if not requests and "throughput" in result:
                break
            result["restarts"] += 1
        result["memory_peak"] = dict(zip(("rss", "pss", "largest_rss"), peaks, strict=False))
        return result

    def throughput(self, server, queries: dict, actors: dict, deref: bool) -> dict:
        found = {}
        seconds, connections = self.args.seconds, self.args.connections
        names = [n for n in THROUGHPUT_QUERIES if n in queries]
        if self.args.quick:  # one of each kind is enough to know the code works
            actors, names = dict(list(actors.items())[:1]), list(queries)[:1]
        if deref:
            for role, actor in actors.items():
                request = httpbench.Request(description_url(server.base, actor), "text/turtle")
                found[f"dereference-{role}"] = httpbench.throughput(
                    request, connections=connections, seconds=seconds
                )
        for name in names:
            found[f"sparql-{name}"] = httpbench.throughput(
                httpbench.sparql(server.query_url, queries[name]),
                connections=connections,
                seconds=seconds,
            )
        return found

    def rdflib_in_memory(self, dataset: Path, folder: Path, queries: dict) -> dict:
        finished = run_measured(
            [
                self.python,
                "-m",
                "benchmarks.inmemory",
                str(dataset),
                str(folder),
                "--count",
                str(self.args.slow_count),
                "--timeout",
                str(self.args.slow_timeout),
                "--budget",
                str(self.args.slow_budget),
                "--only",
                ",".join(queries),
                "--base",
                BASE,
            ],
            timeout=7200,
            cwd=ROOT,
        )
        if finished.returncode != 0:
            return {"error": finished.stderr[-2000:]}
        raw = json.loads(finished.stdout.strip().splitlines()[-1])
        return {
            "load_seconds": raw["load_seconds"],
            "peak_rss": finished.peak_rss,
            "queries": {
                name: {
                    **httpbench.percentiles(q["samples"]),
                    "rows": q["rows"],
                    "timed_out": q["timed_out"],
                    "error": q["error"],
                }
                for name, q in raw["queries"].items()
            },
        }


def description_url(base: str, actor: str) -> str:
    """Where the publisher's 303 for the actor's IRI points (asked for Turtle)."""
    import http.client
    from urllib.parse import urljoin, urlsplit

    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", f"/id/actor/{actor}", headers={"Accept": "text/turtle"})
        response = connection.getresponse()
        response.read()
        return urljoin(base + f"id/actor/{actor}", response.headers["Location"])
    finally:
        connection.close()


THROUGHPUT_QUERIES = ("09-claim-evidence", "03-multi-document-propositions")


def load_queries(folder: Path, only: str = "") -> dict[str, str]:
    """The competency queries (queries/*.rq), or those whose names start with one of `only`,
    with the PREFIX lines they need under BASE (the other systems predeclare none)."""
    from publisher.web.examples import render

    wanted = [w for w in only.split(",") if w]
    return {
        p.stem: render(p.read_text(encoding="utf-8"), BASE)
        for p in sorted(folder.glob("*.rq"))
        if not wanted or any(p.stem.startswith(w) for w in wanted)
    }


def read_actors(home: Path) -> list[dict]:
    """The actors of a project's data/actors.yaml, as written there."""
    import yaml

    return yaml.load(
        (home / "data" / "actors.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )["actors"]


def pick_actors(actors: list[dict]) -> dict[str, str]:
    """A much-cited real actor, and a typical generated one."""
    generated = [a["id"] for a in actors if a["type"] == "organisation"][-1]
    return {"popular": "hamas", "typical": generated}


def other_actors(actors: list[dict], but: set[str], count: int) -> list[str]:
    """`count` actors spread over the list, other than `but`."""
    idents = [a["id"] for a in actors if a["id"] not in but]
    step = max(1, len(idents) // count)
    return idents[::step][:count]


def change_one_document(home: Path) -> str:
    """Append a sentence to one generated document and record its new checksum."""
    listing = home / "data" / "documents.yaml"
    text = listing.read_text(encoding="utf-8")
    files = sorted((home / "data" / "documents").glob("synthetic-*.txt"))
    path = files[len(files) // 2]
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(
        path.read_bytes() + f"\nRevised on {time.strftime('%Y-%m-%d %H:%M:%S')}.\n".encode()
    )
    new = hashlib.sha256(path.read_bytes()).hexdigest()
    listing.write_text(text.replace(old, new), encoding="utf-8")
    return path.name


def server_state(home: Path) -> Path:
    """The servers' STATE_DIR under HOME: its default (publisher/settings.py), as the
    harness's servers run with it."""
    default = next(s.default for s in SETTINGS if s.name == "STATE_DIR")
    return home / str(default)


def store_load(python: str, dataset: Path) -> dict:
    """Loading dataset.nq into an in-memory pyoxigraph store, as each server worker does."""
    code = (
        "import sys, time, pyoxigraph as ox, json\n"
        "t = time.perf_counter(); s = ox.Store()\n"
        "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS)\n"
        "print(json.dumps({'seconds': round(time.perf_counter() - t, 3), 'quads': len(s)}))\n"
    )
    finished = run_measured([python, "-c", code, str(dataset)], timeout=3600)
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    result["peak_rss"] = finished.peak_rss
    return result


def machine() -> dict:
    info = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        )
        meminfo = Path("/proc/meminfo").read_text().splitlines()[0]
        info["memory_kb"] = int(meminfo.split()[1])
    except (OSError, StopIteration):
        pass
    for tool in ("wrk", "oxigraph"):
        path = shutil.which(tool) or str(servers.VENV_BIN / tool)
        try:
            info[tool] = (
                subprocess.run(
                    [path, "--version"], capture_output=True, text=True, timeout=10, check=False
                )
                .stdout.strip()
                .splitlines()[0]
            )
        except (OSError, IndexError, subprocess.SubprocessError):
            info[tool] = None
    from importlib import metadata

    for package in (
        "pyoxigraph",
        "rdflib",
        "pyshacl",
        "pyshacl-turbo",
        "rdflib-endpoint",
        "gunicorn",
        "Flask",
    ):
        try:
            info[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            info[package] = None
    return info


def host_speed() -> float:
    """Seconds this machine takes to hash 256 MB (SHA-256), taken before and after each size:
    the virtual machine's speed drifts by as much as twice between hours, which moves every
    absolute time and throughput of a run (not the ratios between systems run side by side)."""
    data = b"x" * (256 << 20)
    started = time.perf_counter()
    hashlib.sha256(data).digest()
    return round(time.perf_counter() - started, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="100,300,750",
        help="generated documents per size, comma-separated (750 is about 1M triples; 7300 about 10M)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/publisher-bench"),
        help="where corpora are generated (not in git)",
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--build-workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--server-workers", type=int, default=2)
    parser.add_argument("--count", type=int, default=30, help="samples per query (fast systems)")
    parser.add_argument("--budget", type=float, default=60, help="seconds per query at most")
    parser.add_argument("--slow-count", type=int, default=3, help="samples per query (rdflib)")
    parser.add_argument("--slow-budget", type=float, default=30)
    parser.add_argument("--slow-timeout", type=float, default=120)
    parser.add_argument("--seconds", type=float, default=15, help="duration of each load test")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help="publisher (embedded store), publisher-remote (on an Oxigraph server), "
        "oxigraph (in memory), oxigraph-disk (read-only on the publisher's store folder), "
        "rdflib-endpoint, rdflib",
    )
    parser.add_argument(
        "--queries", default="", help="only the queries whose names start so (01,03)"
    )
    parser.add_argument("--quick", action="store_true", help="a small, fast run (the test)")
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument(
        "--append", action="store_true", help="keep the other sizes already in the results file"
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if not args.quick:
        adopt_orphans()
    harness = Harness(args)
    results = {
        "machine": machine(),
        "arguments": {k: str(v) for k, v in vars(args).items()},
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "sizes": [],
    }
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / ("quick.json" if args.quick else "results.json")
    sizes = [int(s) for s in args.sizes.split(",")]
    earlier: dict[int, dict] = {}
    if args.append and target.exists():
        kept = json.loads(target.read_text(encoding="utf-8"))
        earlier = {s["generated_documents"]: s for s in kept["sizes"]}
        results["sizes"] = [s for n, s in earlier.items() if n not in sizes]
        results["runs"] = [*kept.get("runs", [kept.get("started")]), results["started"]]
    for documents in sizes:
        results["sizes"].append(harness.size(documents, earlier.get(documents)))
        results["sizes"].sort(key=lambda s: s["generated_documents"])
        target.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    target.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if not args.no_plot:
        from benchmarks import report

        report.write(results, args.out)
    harness.log(f"results in {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
