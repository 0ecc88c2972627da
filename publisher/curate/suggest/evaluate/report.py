"""Reporting a measurement: the Markdown tables, the numbers of scores.json, and the marked
blocks of docs/suggest.md they are written into.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from publisher.curate.suggest.drafting.draft import DRAFTER
from publisher.curate.suggest.evaluate.scoring import BANDS, FIELDS, Tally, ratio


def begin_marker(name: str) -> str:
    return f"<!-- evaluation:{name}:begin (written by `publisher suggest --evaluate --write`) -->"


def end_marker(name: str) -> str:
    return f"<!-- evaluation:{name}:end -->"


def by_language(results: Iterable[tuple[str, Tally]]) -> list[Tally]:
    """One tally per language, then 'all'."""
    rows: dict[str, Tally] = {}
    total = Tally("all")
    for language, tally in results:
        rows.setdefault(language, Tally(language)).add(tally)
        total.add(tally)
    return [rows[k] for k in sorted(rows)] + [total]


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def _cell(right: int, total: int) -> str:
    return f"{_percent(ratio(right, total))} ({right}/{total})" if total else "–"


def tables(results: list[tuple[str, Tally]], split: str | None) -> str:
    """The markdown tables of one measurement (split None: the corpus documents)."""
    rows = by_language(results)
    head = "| {} | articles | claims | drafted | correct | precision | recall | with a gap |"
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|"

    def line(t: Tally) -> str:
        return (
            f"| {t.name} | {t.articles} | {t.gold} | {t.drafted} | {t.correct} "
            f"| {_percent(t.precision)} | {_percent(t.recall)} | {t.gaps} |"
        )

    what = f"`{split}` split" if split else "corpus documents (development data)"
    lines = [f"Drafter `{DRAFTER}`, {what}:", "", head.format("language"), rule]
    lines += [line(t) for t in rows]
    lines += ["", "Per article:", "", head.format("article"), rule]
    lines += [line(t) for _, t in results]
    lines += [
        "",
        "Per field, on the correct drafts (right / correct drafts):",
        "",
        "| language | amount | time | place | polarity | hedged | attribution "
        "| attribution, where the claim has one |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in rows:
        cells = [_cell(*t.fields[f]) for f in FIELDS] + [_cell(*t.attribution_given)]
        lines.append(f"| {t.name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Precision by the drafts' confidence:",
        "",
        "| confidence | drafted | correct | precision |",
        "|---|---:|---:|---:|",
    ]
    total = rows[-1]
    for (low, high), (right, drafted) in zip(BANDS, total.bands, strict=True):
        label = f"{low:.1f} – {min(high, 1.0):.1f}"
        lines.append(f"| {label} | {drafted} | {right} | {_percent(ratio(right, drafted))} |")
    if split:
        found, listed = total.candidates
        lines += [
            "",
            f"Actors and places the annotation adds before drafting: {listed}; "
            f"`publisher candidates` lists {found} of them unaided.",
        ]
    return "\n".join(lines)


def scores(results: list[tuple[str, Tally]], split: str) -> dict[str, object]:
    """The numbers of one split as evaluation/drafting/scores.json holds them."""
    rows = by_language(results)
    total = rows[-1]

    def numbers(t: Tally) -> dict[str, object]:
        fields: dict[str, float | None] = {name: ratio(*t.fields[name]) for name in FIELDS}
        fields["attribution_given"] = ratio(*t.attribution_given)
        return {
            "precision": t.precision,
            "recall": t.recall,
            "fields": fields,
            "articles": t.articles,
            "gold": t.gold,
            "drafted": t.drafted,
            "correct": t.correct,
        }

    return {
        "drafter": DRAFTER,
        "split": split,
        **numbers(total),
        "drafts_with_gap": total.gaps,
        "languages": {t.name: numbers(t) for t in rows[:-1]},
        "confidence_bands": [
            {"min": low, "max": min(high, 1.0), "drafted": drafted, "correct": right}
            for (low, high), (right, drafted) in zip(BANDS, total.bands, strict=True)
        ],
        "candidates": {"found": total.candidates[0], "listed": total.candidates[1]},
    }


def write_scores(path: Path, content: dict[str, object]) -> None:
    path.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def replace_block(path: Path, name: str, block: str) -> bool:
    """Replace the text between the markers `name` in `path`; False if they are missing."""
    text = path.read_text(encoding="utf-8")
    begin, end = begin_marker(name), end_marker(name)
    if begin not in text or end not in text:
        return False
    before, rest = text.split(begin, 1)
    after = rest.split(end, 1)[1]
    path.write_text(f"{before}{begin}\n\n{block}\n\n{end}{after}", encoding="utf-8")
    return True


def documented_block(path: Path, name: str) -> str | None:
    """The text between the markers `name` in `path`, without them and the blank lines."""
    text = path.read_text(encoding="utf-8")
    begin, end = begin_marker(name), end_marker(name)
    if begin not in text or end not in text:
        return None
    return text.split(begin, 1)[1].split(end, 1)[0].strip("\n")
