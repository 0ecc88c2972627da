"""Tables (Markdown and CSV) and the plot, from the harness's JSON results.

    python -m benchmarks.report [benchmarks/results/results.json]   # prints the tables

`write` saves results/*.csv and results/scaling.png; the README quotes the printed tables.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from pathlib import Path

SYSTEMS = (
    "publisher",
    "publisher-remote",
    "oxigraph",
    "oxigraph-disk",
    "rdflib-endpoint",
    "rdflib",
)
MB = 1024 * 1024


def _mb(value) -> str:
    return f"{value / MB:,.0f}" if value else "–"


def _ms(value, timed_out: bool = False, limit: float | None = None) -> str:
    if timed_out or value is None:
        return f"> {limit:g} s" if limit else "–"
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def build_rows(results: dict) -> list[dict]:
    rows = []
    for size in results["sizes"]:
        build, one = size["build"], size["rebuild_one_document"]
        rows.append(
            {
                "triples": size["triples"],
                "documents": size["documents"],
                "claims": size["claims"],
                "build_s": build["wall_seconds"],
                "documents_per_s": size["documents_per_second"],
                "validation_s": build["timings"].get("validation"),
                "document_graphs_s": build["timings"].get("document graphs"),
                "build_peak_rss_mb": round(build["peak_rss"] / MB),
                "build_peak_pss_mb": round(build["peak_pss"] / MB),
                "rebuild_unchanged_s": size["rebuild_unchanged"]["wall_seconds"],
                "rebuild_one_document_s": one["wall_seconds"],
                "rebuild_one_validation_s": one["timings"].get("validation"),
                "rebuild_one_files_s": round(
                    one["timings"].get("release files", 0) + one["timings"].get("writing", 0), 3
                ),
                "release_mb": round(size["release_bytes"] / MB, 1),
                "store_load_s": size["store_load"]["seconds"],
            }
        )
    return rows


def query_rows(results: dict) -> list[dict]:
    rows = []
    for size in results["sizes"]:
        systems = size["systems"]
        for name in systems["publisher"]["queries"]:
            row = {"triples": size["triples"], "query": name}
            for system in SYSTEMS:
                found = systems.get(system, {}).get("queries", {}).get(name, {})
                row[f"{system}_p50_ms"] = found.get("p50")
                row[f"{system}_p99_ms"] = found.get("p99")
                row[f"{system}_rows"] = found.get("rows")
                row[f"{system}_timed_out"] = (
                    bool(found.get("timed_out")) or found.get("status") == 0
                )
                row[f"{system}_error"] = found.get("error") or (
                    f"HTTP {found['status']}" if found.get("status", 200) not in (0, 200) else None
                )
                if row[f"{system}_error"] or row[f"{system}_timed_out"]:
                    # the time of a refusal is no answer's time: no ratio is made of it
                    row[f"{system}_p50_ms"] = row[f"{system}_p99_ms"] = None
            rows.append(row)
    return rows


def http_rows(results: dict) -> list[dict]:
    rows = []
    for size in results["sizes"]:
        for system, found in size["systems"].items():
            for name, load in found.get("throughput", {}).items():
                rows.append(
                    {
                        "triples": size["triples"],
                        "system": system,
                        "request": name,
                        **{
                            k: load.get(k)
                            for k in (
                                "connections",
                                "seconds",
                                "requests_per_second",
                                "p50",
                                "p90",
                                "p99",
                                "errors",
                            )
                        },
                    }
                )
    return rows


def server_rows(results: dict) -> list[dict]:
    rows = []
    for size in results["sizes"]:
        for system, found in size["systems"].items():
            peak = found.get("memory_peak") or {}
            rows.append(
                {
                    "triples": size["triples"],
                    "system": system,
                    "start_s": found.get("start_seconds"),
                    "load_s": found.get("load_seconds"),
                    "memory_pss_mb": round(peak["pss"] / MB) if peak.get("pss") else None,
                    "memory_rss_mb": round((peak.get("rss") or found.get("peak_rss") or 0) / MB)
                    or None,
                }
            )
    return rows


def _median_ratio(rows: list[dict], numerator: str, denominator: str, triples: int) -> str:
    ratios = []
    for row in rows:
        if row["triples"] != triples:
            continue
        a, b = row[f"{numerator}_p50_ms"], row[f"{denominator}_p50_ms"]
        if a and b:
            ratios.append(a / b)
    return f"{statistics.median(ratios):.2f}" if ratios else "–"


def markdown(results: dict) -> str:
    out = []
    builds = build_rows(results)
    out.append(
        "| triples | documents | full build (s) | documents/s | validation (s) | build peak RSS / PSS (MB) | rebuild, nothing changed (s) | rebuild, one document changed (s) | release (MB) | store load (s) |"
    )
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in builds:
        out.append(
            f"| {r['triples']:,} | {r['documents']:,} | {r['build_s']:.1f} | {r['documents_per_s']:.1f} | "
            f"{r['validation_s']:.1f} | {r['build_peak_rss_mb']:,} / {r['build_peak_pss_mb']:,} | "
            f"{r['rebuild_unchanged_s']:.1f} | {r['rebuild_one_document_s']:.1f} | {r['release_mb']:,} | "
            f"{r['store_load_s']:.1f} |"
        )
    out.append("")
    queries = query_rows(results)
    limit = float(results["arguments"].get("slow_timeout", 120))
    for size in results["sizes"]:
        triples = size["triples"]
        out.append(f"**{triples:,} triples**: p50 (p99) in ms; rows")
        out.append("")
        out.append(
            "| query | publisher /sparql | publisher on an Oxigraph server | oxigraph server | oxigraph server on the publisher's store folder | rdflib-endpoint | rdflib in memory | publisher ÷ oxigraph | publisher ÷ oxigraph on its folder | rdflib ÷ publisher | rows |"
        )
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in (r for r in queries if r["triples"] == triples):
            cells = []
            for system in SYSTEMS:
                if row[f"{system}_error"]:
                    cells.append(f"fails ({row[f'{system}_error'][:30]})")
                elif row[f"{system}_timed_out"]:
                    cells.append(f"> {limit:g} s")
                else:
                    cells.append(f"{_ms(row[f'{system}_p50_ms'])} ({_ms(row[f'{system}_p99_ms'])})")
            pub, ox, rdf = row["publisher_p50_ms"], row["oxigraph_p50_ms"], row["rdflib_p50_ms"]
            ratio = f"{pub / ox:.2f}" if pub and ox else "–"
            disk = row["oxigraph-disk_p50_ms"]
            same_folder = f"{pub / disk:.2f}" if pub and disk else "–"
            if rdf and pub:
                slower = f"{rdf / pub:,.0f}"
            elif row["rdflib_timed_out"] and pub:
                slower = f"> {limit * 1000 / pub:,.0f}"
            else:
                slower = "–"
            counts = {
                row[f"{s}_rows"] for s in ("publisher", "oxigraph") if row[f"{s}_rows"] is not None
            }
            out.append(
                f"| {row['query']} | "
                + " | ".join(cells)
                + f" | {ratio} | {same_folder} | {slower} | "
                f"{'/'.join(str(c) for c in sorted(counts))} |"
            )
        out.append(
            f"| median ratio | | | | | | | {_median_ratio(queries, 'publisher', 'oxigraph', triples)} | "
            f"{_median_ratio(queries, 'publisher', 'oxigraph-disk', triples)} | "
            f"{_median_ratio(queries, 'rdflib', 'publisher', triples)} | |"
        )
        out.append("")
    out.append(
        "| triples | system | request | connections | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | errors |"
    )
    out.append("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for r in http_rows(results):
        out.append(
            f"| {r['triples']:,} | {r['system']} | {r['request']} | {r['connections']} | "
            f"{r['requests_per_second']:,.1f} | {_ms(r['p50'])} | {_ms(r['p90'])} | {_ms(r['p99'])} | {r['errors']} |"
        )
    out.append("")
    out.append(
        "| triples | system | start (s) | data load (s) | memory, PSS of all processes (MB) | RSS summed (MB) |"
    )
    out.append("|---:|---|---:|---:|---:|---:|")
    for r in server_rows(results):
        out.append(
            f"| {r['triples']:,} | {r['system']} | {r['start_s'] if r['start_s'] is not None else '–'} | "
            f"{r['load_s'] if r['load_s'] is not None else '–'} | {r['memory_pss_mb'] or '–'} | "
            f"{r['memory_rss_mb'] or '–'} |"
        )
    for size in results["sizes"]:
        deref = size["systems"]["publisher"].get("dereference", {})
        for role, found in deref.items():
            out.append("")
            out.append(
                f"Dereferencing {found['actor']} ({role}) at {size['triples']:,} triples: 303 in "
                f"{found['redirect']['p50']} ms (p99 {found['redirect']['p99']}), Turtle description "
                f"({found['bytes']:,} bytes) in {found['description']['p50']} ms "
                f"(p99 {found['description']['p99']})."
            )
    return "\n".join(out) + "\n"


GIB = 1024 * MB


DEPLOYMENTS = (
    ("publisher", "embedded store (the default)"),
    ("publisher-remote", "one shared store (remote-store mode: an Oxigraph server)"),
)


def _paired_ratios(found: dict) -> dict[str, float]:
    """Query -> p50 through the publisher over p50 straight to the store it runs on, from
    requests sent to the two in turn (run.py `query_latencies`); only queries both
    answered."""
    straight = found.get("store_queries") or {}

    def answered(found: dict) -> bool:
        return found.get("status") == 200 and bool(found.get("p50"))

    return {
        name: ours["p50"] / straight[name]["p50"]
        for name, ours in found.get("queries", {}).items()
        if answered(ours) and answered(straight.get(name, {}))
    }


def _serving_targets(
    size: dict, answered: list[dict], system: str, limit: float
) -> dict[str, tuple[str, bool | None]]:
    """The serving targets as one deployment of the publisher (a system of the harness)
    measured them: target -> (measured, met); a target it did not measure is left out."""
    found = size["systems"].get(system, {})
    out: dict[str, tuple[str, bool | None]] = {}

    def ratios_to(other: str) -> dict[str, float]:
        return {
            r["query"]: r[f"{system}_p50_ms"] / r[f"{other}_p50_ms"]
            for r in answered
            if r[f"{system}_p50_ms"] and r[f"{other}_p50_ms"]
        }

    paired = _paired_ratios(found)
    for other, target, met in (
        (
            "oxigraph",
            "`/sparql` p50 within 1.3x of the Oxigraph server, every competency query",
            True,
        ),
        # the engine on the same storage: what the publisher itself adds
        (
            "oxigraph-disk",
            "(not a target) `/sparql` p50 against an Oxigraph server reading the publisher's "
            "own store folder",
            False,
        ),
    ):
        # The shared store's own Oxigraph server, asked in turn with the publisher, where the
        # harness measured that pair: the same server at the same moments.
        ratios = paired if paired and other == "oxigraph" else ratios_to(other)
        how = "; requests in turn with its own Oxigraph server" if ratios is paired else ""
        if ratios:
            over = sorted((r, n) for n, r in ratios.items() if r > 1.3)
            worst = ", ".join(f"{n} {r:.2f}x" for r, n in over[::-1]) or "none"
            out[target] = (
                f"median {statistics.median(ratios.values()):.2f}x; over 1.3x: {worst}{how}",
                not over if met else None,
            )
    slower = {}
    engine = {}  # the Oxigraph server's own speed-up over rdflib, where both answered
    for r in answered:
        if not r[f"{system}_p50_ms"]:
            continue
        if r["rdflib_p50_ms"]:
            slower[r["query"]] = (r["rdflib_p50_ms"] / r[f"{system}_p50_ms"], "")
            if r["oxigraph_p50_ms"]:
                engine[r["query"]] = r["rdflib_p50_ms"] / r["oxigraph_p50_ms"]
        elif r["rdflib_timed_out"]:
            slower[r["query"]] = (limit / r[f"{system}_p50_ms"], ">")
    if slower:
        least = min(slower.items(), key=lambda item: item[1][0])
        # The issue's own exception: a query on which the engine itself is not 50x faster
        # than rdflib, which benchmarks/README.md explains ("Where a target is missed").
        excused = sorted(n for n, (v, _) in slower.items() if v < 50 and engine.get(n, 1e9) < 50)
        out["`/sparql` at least 50x faster than rdflib in memory, every query rdflib answers"] = (
            f"least: {least[0]} {least[1][1]}{least[1][0]:,.0f}x; median "
            f"{statistics.median(v for v, _ in slower.values()):,.0f}x "
            f"({sum(1 for _, m in slower.values() if m)} of {len(slower)} past rdflib's "
            f"{limit / 1000:g} s limit)"
            + "".join(
                f"; {n}: the Oxigraph server itself {engine[n]:,.1f}x rdflib" for n in excused
            ),
            all(v >= 50 or n in excused for n, (v, _) in slower.items()),
        )
    for role in ("popular", "typical"):
        load = found.get("throughput", {}).get(f"dereference-{role}")
        if load:
            actor = found.get("dereference", {}).get(role, {}).get("actor", role)
            out[
                f"dereferencing an actor ({role}: {actor}), >= 2,000 requests/s with p99 < 20 ms"
            ] = (
                f"{load['requests_per_second']:,.0f} requests/s, p99 {_ms(load['p99'])} ms "
                f"({load['connections']} connections)",
                load["requests_per_second"] >= 2000 and (load["p99"] or 1e9) < 20,
            )
    first = found.get("dereference_first_request")
    if first and first.get("p50") is not None:
        out["the first (uncached) request for a description, which renders it: p99 < 50 ms"] = (
            f"p50 {_ms(first['p50'])} ms, p99 {_ms(first['p99'])} ms"
            + (f" (largest {_ms(first['max'])} ms)" if first.get("max") is not None else "")
            + f" over {first['n']} actors",
            first["p99"] is not None and first["p99"] < 50,
        )
    if found.get("start_seconds") is not None:
        prepared = found.get("prepare_seconds")
        out["server start on an existing release < 5 s"] = (
            f"{found['start_seconds']:.1f} s"
            + (
                f" (the release as `publisher build` leaves it: verified and its store folder "
                f"built in the background after the build, which took {prepared:.1f} s)"
                if prepared is not None
                else " (the Oxigraph server already holding the release)"
                if system == "publisher-remote"
                else " (a first start: it verifies the release and builds the store folder)"
            ),
            found["start_seconds"] < 5,
        )
    peak = (found.get("memory_peak") or {}).get("pss")
    if peak:
        whose = "the Oxigraph server included, " if system == "publisher-remote" else ""
        out["server memory < 1 GiB (gunicorn, 2 workers, all processes)"] = (
            f"{peak / GIB:.2f} GiB (PSS, {whose}{found.get('workers')} workers)",
            peak < 1 * GIB,
        )
    return out


def targets(results: dict) -> str:
    """The performance issue's targets (issue 19) against what the size nearest a million
    triples measured, one row each, in a column per deployment of the server (the embedded
    store, and the one store shared through an Oxigraph server), and whether ten million were
    measured at all."""
    size = min(results["sizes"], key=lambda s: abs(s["triples"] - 1_000_000))
    limit = float(results["arguments"].get("slow_timeout", 120)) * 1000
    # The queries at this size as the tables have them: a refused or timed-out answer has no
    # time (query_rows), so no ratio is made of it.
    answered = [r for r in query_rows(results) if r["triples"] == size["triples"]]
    measured = [
        (label, _serving_targets(size, answered, system, limit))
        for system, label in DEPLOYMENTS
        if system in size["systems"]
    ]
    rows = []

    def yes(met: bool | None) -> str:
        return "yes" if met else "no" if met is not None else "–"

    names: list[str] = []
    for _, found in measured:
        names += [n for n in found if n not in names]
    for name in names:
        cells = []
        for _, found in measured:
            value, met = found.get(name, ("not measured", None))
            cells += [value, yes(met)]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")

    def build_row(target: str, value: str, met: bool, same: str = "the same build") -> None:
        cells = [value, yes(met)]
        cells += [same, yes(met)] * (len(measured) - 1)
        rows.append(f"| {target} | " + " | ".join(cells) + " |")

    build = size["build"]["wall_seconds"]
    build_row(
        "full build with validation < 60 s",
        f"{build:.0f} s "
        f"({size['build']['timings'].get('validation', 0):.0f} s of it SHACL validation)",
        build < 60,
    )
    one = size["rebuild_one_document"]["wall_seconds"]
    build_row("new release after a one-document change < 3 s", f"{one:.1f} s", one < 3)
    largest = max(results["sizes"], key=lambda s: s["triples"])
    both = {"publisher", "oxigraph"} <= set(largest["systems"])
    build_row(
        "about ten million triples measured, the publisher and Oxigraph side by side",
        f"largest size measured: {largest['triples']:,} triples"
        + ("" if both else " (not both systems)"),
        largest["triples"] >= 9_000_000 and both,
        "the same run",
    )
    labels = [label for label, _ in measured] or ["measured"]
    speed = size.get("host_speed") or {}
    probe = (
        f"; this machine hashed 256 MB in {speed['before']:.2f} s before the run and "
        f"{speed['after']:.2f} s after it (SHA-256; 0.15 s on its fastest hours measured)"
        if speed.get("before") and speed.get("after")
        else ""
    )
    head = [
        f"At {size['triples']:,} triples ({size['documents']:,} documents, {size['claims']:,} "
        f"claims){probe}:",
        "",
        "| target | " + " | ".join(f"{label} | met" for label in labels) + " |",
        "|---|" + "---|---|" * len(labels),
    ]
    return "\n".join(head + rows) + "\n"


def machine(results: dict) -> str:
    m = results["machine"]
    memory = f"{m['memory_kb'] / 1024 / 1024:.0f} GiB" if m.get("memory_kb") else "?"
    versions = ", ".join(
        f"{k} {m[k]}"
        for k in (
            "pyoxigraph",
            "rdflib",
            "pyshacl",
            "pyshacl-turbo",
            "rdflib-endpoint",
            "gunicorn",
            "Flask",
        )
        if m.get(k)
    )
    return (
        f"{m.get('cpus_usable')} cores ({m.get('cpu', '?')}), {memory}, {m.get('platform')}; "
        f"Python {m.get('python')}; {versions}; {m.get('oxigraph')}; {str(m.get('wrk')).split(' Copyright')[0]}. "
        f"Runs: {', '.join(str(r) for r in results.get('runs', [results.get('started')]) if r)}.\n"
    )


def update_readme(results: dict, readme: Path) -> None:
    """Fill the generated sections of benchmarks/README.md (between their markers)."""
    text = readme.read_text(encoding="utf-8")
    for name, body in (
        ("machine", machine(results)),
        ("results", markdown(results)),
        ("targets", targets(results)),
    ):
        begin, end = f"<!-- {name}: generated by benchmarks/report.py -->", f"<!-- /{name} -->"
        if begin in text and end in text:
            head, rest = text.split(begin, 1)
            text = head + begin + "\n" + body + rest[rest.index(end) :]
    readme.write_text(text, encoding="utf-8")


def _csv(path: Path, rows: list[dict]) -> None:
    if not rows:
        return
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def plot(results: dict, target: Path) -> None:
    """Time and memory against corpus size (log-log)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    builds = build_rows(results)
    triples = [r["triples"] for r in builds]
    queries = query_rows(results)
    servers = server_rows(results)
    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(16, 5))
    left.plot(triples, [r["build_s"] for r in builds], "o-", label="full build (validated)")
    left.plot(
        triples, [r["validation_s"] for r in builds], "s--", label="of which SHACL validation"
    )
    left.plot(
        triples,
        [r["rebuild_one_document_s"] for r in builds],
        "^-",
        label="rebuild after one document changed",
    )
    left.plot(triples, [r["store_load_s"] for r in builds], "v:", label="store load (pyoxigraph)")
    left.axhline(120, color="grey", linewidth=0.8, linestyle=":")
    left.set(xscale="log", yscale="log", xlabel="triples", ylabel="seconds", title="Build")
    left.legend(fontsize=8)

    def answered(row: dict, system: str) -> bool:
        return (
            row[f"{system}_p50_ms"] is not None
            and not row[f"{system}_error"]
            and not row[f"{system}_timed_out"]
        )

    for system, style in zip(SYSTEMS, ("o-", "x--", "s-", "s:", "^-", "v-"), strict=True):
        medians = []
        for size in triples:
            rows = [r for r in queries if r["triples"] == size]
            present = [s for s in SYSTEMS if any(r[f"{s}_p50_ms"] is not None for r in rows)]
            # The queries every system answered at this size, so that the medians compare.
            common = [r for r in rows if all(answered(r, s) for s in present)]
            values = [r[f"{system}_p50_ms"] for r in common if system in present]
            medians.append(statistics.median(values) if values else None)
        points = [(t, m) for t, m in zip(triples, medians, strict=False) if m is not None]
        if points:
            middle.plot(*zip(*points, strict=False), style, label=system)
    middle.set(
        xscale="log",
        yscale="log",
        xlabel="triples",
        ylabel="ms (median over the queries every system answered)",
        title="Competency queries, p50",
    )
    middle.legend(fontsize=8)
    right.plot(
        triples, [r["build_peak_pss_mb"] for r in builds], "o--", label="build (PSS, all processes)"
    )
    for system, style in zip(SYSTEMS, ("o-", "x--", "s-", "s:", "^-", "v-"), strict=True):
        points = [
            (r["triples"], r["memory_pss_mb"] or r["memory_rss_mb"])
            for r in servers
            if r["system"] == system and (r["memory_pss_mb"] or r["memory_rss_mb"])
        ]
        if points:
            right.plot(
                *zip(*points, strict=False),
                style,
                label=f"{system}" + (" (gunicorn, all workers)" if system == "publisher" else ""),
            )
    right.axhline(1536, color="grey", linewidth=0.8, linestyle=":")
    right.set(xscale="log", yscale="log", xlabel="triples", ylabel="MB", title="Peak memory")
    right.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(target, dpi=110)
    plt.close(figure)


def write(results: dict, folder: Path) -> None:
    prefix = "quick-" if results["arguments"].get("quick") == "True" else ""
    _csv(folder / f"{prefix}build.csv", build_rows(results))
    _csv(folder / f"{prefix}queries.csv", query_rows(results))
    _csv(folder / f"{prefix}http.csv", http_rows(results))
    _csv(folder / f"{prefix}servers.csv", server_rows(results))
    plot(results, folder / f"{prefix}scaling.png")
    if prefix:  # a quick run's tables on their own; the full run's are in benchmarks/README.md
        (folder / f"{prefix}tables.md").write_text(markdown(results), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Tables and plot from the benchmark results.")
    parser.add_argument(
        "results", nargs="?", type=Path, default=Path(__file__).parent / "results" / "results.json"
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help="write the CSV files, the plot and the tables of benchmarks/README.md",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    results = json.loads(args.results.read_text(encoding="utf-8"))
    if args.write:
        write(results, args.results.parent)
        update_readme(results, Path(__file__).parent / "README.md")
    print(markdown(results) + "\n" + targets(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
