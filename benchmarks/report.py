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

SYSTEMS = ("publisher", "oxigraph", "rdflib-endpoint", "rdflib")
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
        rows.append({
            "triples": size["triples"], "documents": size["documents"], "claims": size["claims"],
            "build_s": build["wall_seconds"], "documents_per_s": size["documents_per_second"],
            "validation_s": build["timings"].get("validation"),
            "document_graphs_s": build["timings"].get("document graphs"),
            "build_peak_rss_mb": round(build["peak_rss"] / MB), "build_peak_pss_mb": round(build["peak_pss"] / MB),
            "rebuild_unchanged_s": size["rebuild_unchanged"]["wall_seconds"],
            "rebuild_one_document_s": one["wall_seconds"],
            "rebuild_one_validation_s": one["timings"].get("validation"),
            "rebuild_one_files_s": round(one["timings"].get("release files", 0) + one["timings"].get("writing", 0), 3),
            "release_mb": round(size["release_bytes"] / MB, 1),
            "store_load_s": size["store_load"]["seconds"],
        })
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
                row[f"{system}_timed_out"] = bool(found.get("timed_out")) or found.get("status") == 0
                row[f"{system}_error"] = found.get("error") or (
                    f"HTTP {found['status']}" if found.get("status", 200) not in (0, 200) else None)
            rows.append(row)
    return rows


def http_rows(results: dict) -> list[dict]:
    rows = []
    for size in results["sizes"]:
        for system, found in size["systems"].items():
            for name, load in found.get("throughput", {}).items():
                rows.append({"triples": size["triples"], "system": system, "request": name,
                             **{k: load.get(k) for k in ("connections", "seconds", "requests_per_second",
                                                          "p50", "p90", "p99", "errors")}})
    return rows


def server_rows(results: dict) -> list[dict]:
    rows = []
    for size in results["sizes"]:
        for system, found in size["systems"].items():
            peak = found.get("memory_peak") or {}
            rows.append({
                "triples": size["triples"], "system": system,
                "start_s": found.get("start_seconds"),
                "load_s": found.get("load_seconds"),
                "memory_pss_mb": round(peak["pss"] / MB) if peak.get("pss") else None,
                "memory_rss_mb": round((peak.get("rss") or found.get("peak_rss") or 0) / MB) or None,
            })
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
    out.append("| triples | documents | full build (s) | documents/s | validation (s) | build peak RSS / PSS (MB) | rebuild, nothing changed (s) | rebuild, one document changed (s) | release (MB) | store load (s) |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in builds:
        out.append(f"| {r['triples']:,} | {r['documents']:,} | {r['build_s']:.1f} | {r['documents_per_s']:.1f} | "
                   f"{r['validation_s']:.1f} | {r['build_peak_rss_mb']:,} / {r['build_peak_pss_mb']:,} | "
                   f"{r['rebuild_unchanged_s']:.1f} | {r['rebuild_one_document_s']:.1f} | {r['release_mb']:,} | "
                   f"{r['store_load_s']:.1f} |")
    out.append("")
    queries = query_rows(results)
    limit = float(results["arguments"].get("slow_timeout", 120))
    for size in results["sizes"]:
        triples = size["triples"]
        out.append(f"**{triples:,} triples**: p50 (p99) in ms; rows")
        out.append("")
        out.append("| query | publisher /sparql | oxigraph server | rdflib-endpoint | rdflib in memory | publisher ÷ oxigraph | rdflib ÷ publisher | rows |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
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
            if rdf and pub:
                slower = f"{rdf / pub:,.0f}"
            elif row["rdflib_timed_out"] and pub:
                slower = f"> {limit * 1000 / pub:,.0f}"
            else:
                slower = "–"
            counts = {row[f"{s}_rows"] for s in ("publisher", "oxigraph") if row[f"{s}_rows"] is not None}
            out.append(f"| {row['query']} | " + " | ".join(cells) + f" | {ratio} | {slower} | "
                       f"{'/'.join(str(c) for c in sorted(counts))} |")
        out.append(f"| median ratio | | | | | {_median_ratio(queries, 'publisher', 'oxigraph', triples)} | "
                   f"{_median_ratio(queries, 'rdflib', 'publisher', triples)} | |")
        out.append("")
    out.append("| triples | system | request | connections | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | errors |")
    out.append("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for r in http_rows(results):
        out.append(f"| {r['triples']:,} | {r['system']} | {r['request']} | {r['connections']} | "
                   f"{r['requests_per_second']:,.1f} | {_ms(r['p50'])} | {_ms(r['p90'])} | {_ms(r['p99'])} | {r['errors']} |")
    out.append("")
    out.append("| triples | system | start (s) | data load (s) | memory, PSS of all processes (MB) | RSS summed (MB) |")
    out.append("|---:|---|---:|---:|---:|---:|")
    for r in server_rows(results):
        out.append(f"| {r['triples']:,} | {r['system']} | {r['start_s'] if r['start_s'] is not None else '–'} | "
                   f"{r['load_s'] if r['load_s'] is not None else '–'} | {r['memory_pss_mb'] or '–'} | "
                   f"{r['memory_rss_mb'] or '–'} |")
    for size in results["sizes"]:
        deref = size["systems"]["publisher"].get("dereference", {})
        for role, found in deref.items():
            out.append("")
            out.append(f"Dereferencing {found['actor']} ({role}) at {size['triples']:,} triples: 303 in "
                       f"{found['redirect']['p50']} ms (p99 {found['redirect']['p99']}), Turtle description "
                       f"({found['bytes']:,} bytes) in {found['description']['p50']} ms "
                       f"(p99 {found['description']['p99']}).")
    return "\n".join(out) + "\n"


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
    left.plot(triples, [r["validation_s"] for r in builds], "s--", label="of which SHACL validation")
    left.plot(triples, [r["rebuild_one_document_s"] for r in builds], "^-", label="rebuild after one document changed")
    left.plot(triples, [r["store_load_s"] for r in builds], "v:", label="store load (pyoxigraph)")
    left.axhline(120, color="grey", linewidth=0.8, linestyle=":")
    left.set(xscale="log", yscale="log", xlabel="triples", ylabel="seconds", title="Build")
    left.legend(fontsize=8)
    for system, style in zip(SYSTEMS, ("o-", "s-", "^-", "v-")):
        medians = []
        for size in triples:
            values = [r[f"{system}_p50_ms"] for r in queries
                      if r["triples"] == size and r[f"{system}_p50_ms"] is not None]
            medians.append(statistics.median(values) if values else None)
        points = [(t, m) for t, m in zip(triples, medians) if m is not None]
        if points:
            middle.plot(*zip(*points), style, label=system)
    middle.set(xscale="log", yscale="log", xlabel="triples", ylabel="ms (median over the queries that answered)",
               title="Competency queries, p50")
    middle.legend(fontsize=8)
    right.plot(triples, [r["build_peak_pss_mb"] for r in builds], "o--", label="build (PSS, all processes)")
    for system, style in zip(SYSTEMS, ("o-", "s-", "^-", "v-")):
        points = [(r["triples"], r["memory_pss_mb"] or r["memory_rss_mb"]) for r in servers
                  if r["system"] == system and (r["memory_pss_mb"] or r["memory_rss_mb"])]
        if points:
            right.plot(*zip(*points), style, label=f"{system}" + (" (gunicorn, all workers)" if system == "publisher" else ""))
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
    (folder / f"{prefix}tables.md").write_text(markdown(results), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else Path(__file__).parent / "results" / "results.json"
    print(markdown(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
