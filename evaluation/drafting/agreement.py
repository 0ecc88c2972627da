"""Agreement between two annotators of the dev half of the drafting evaluation set.

The first annotation (A) is `evaluation/drafting/dev/<id>.yaml`; the second (B), written
independently from the same texts, is `evaluation/drafting/second-annotator/dev/<id>.yaml`
(evaluation/drafting/README.md, "Agreement between two annotators"). B's claims are scored
against A's exactly as the drafter's drafts are (publisher/curate/suggest/evaluate/scoring.py:
same subject, relation and object, a symmetric relation either way round, quotes that overlap,
a maximum one-to-one matching), so the numbers are comparable with the drafter's:

* precision: the share of B's claims that match a claim of A;
* recall: the share of A's claims that B has;
* F1, their harmonic mean (the same whichever annotation is taken as the reference);
* per field, over the matched pairs: amount, time, place, polarity, hedged, attribution, and
  attribution where A's claim has one.

Then the same with the roles swapped (A scored against B: precision and recall change places;
the per-field figures can differ a little, as the matching may pair other claims). Prints one
table per direction: per language and overall, then per article.

Run from the repository root, so that the package of this checkout is the one imported:

    .venv/bin/python -m evaluation.drafting.agreement
    .venv/bin/python -m evaluation.drafting.agreement --leave-out membership

`--leave-out RELATION` (repeatable) drops the claims of a relation type from both annotations
first, to see how much a convention one annotator follows and the other does not weighs
(B records the roles a text states as membership claims; A records none).

Only the dev half is read; the test half is never opened.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.evalset import FOLDER, Article, GoldClaim, gold_claim, load_split
from publisher.curate.suggest.evaluate.report import by_language
from publisher.curate.suggest.evaluate.scoring import FIELDS, Tally, ratio, score

HOME = Path(__file__).resolve().parents[2]
SECOND = HOME / FOLDER / "second-annotator"
SPLIT = "dev"


def second_claims(article: Article) -> tuple[list[GoldClaim], list[dict[str, Any]]]:
    """B's claims of one article (anchored in A's copy of the text, the same text), with the
    raw entries they were read from."""
    path = SECOND / SPLIT / f"{article.id}.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    if meta.get("id") != article.id or meta.get("language") != article.language:
        raise SystemExit(f"{path}: id or language differs from the first annotation's")
    raws = list(meta.get("claims") or [])
    return [gold_claim(path, article.text, raw) for raw in raws], raws


def as_drafts(
    document: str, claims: Sequence[GoldClaim], raws: Sequence[dict[str, Any]]
) -> list[Draft]:
    """Hand-written claims in the shape the scorer takes a drafter's output in: the evidence is
    the quote, the time and amount as written (the scorer reduces both the same way for drafts
    and claims), the attribution's agents without roles."""
    drafts = []
    for claim, raw in zip(claims, raws, strict=True):
        drafts.append(
            Draft(
                document=document,
                subject=claim.subject,
                relation=claim.relation,
                object=claim.object,
                start=claim.start,
                end=claim.end,
                quote=claim.quote,
                cues=(),
                cue_start=claim.start,
                confidence=1.0,
                amount=raw.get("amount"),
                time=raw.get("time"),
                place=claim.place,
                hedged=claim.hedged,
                polarity=claim.polarity,
                attribution=tuple((agent, "") for agent in sorted(claim.attribution)),
            )
        )
    return drafts


def _kept(
    claims: Sequence[GoldClaim], raws: Sequence[dict[str, Any]], leave_out: frozenset[str]
) -> tuple[list[GoldClaim], list[dict[str, Any]]]:
    pairs = [(c, r) for c, r in zip(claims, raws, strict=True) if c.relation not in leave_out]
    return [c for c, _ in pairs], [r for _, r in pairs]


def measure(
    articles: Sequence[Article], reference: str, leave_out: frozenset[str] = frozenset()
) -> list[tuple[str, Tally]]:
    """(language, tally) per article, with A (reference "A") or B (reference "B") as the claims
    and the other annotation as the drafts; claims of the relation types `leave_out` dropped."""
    results = []
    for article in articles:
        second, raws = _kept(*second_claims(article), leave_out)
        first_meta = yaml.safe_load(
            (HOME / FOLDER / SPLIT / f"{article.id}.yaml").read_text(encoding="utf-8")
        )
        first, first_raws = _kept(article.claims, list(first_meta.get("claims") or []), leave_out)
        if reference == "A":
            drafts, claims = as_drafts(article.id, second, raws), first
        else:
            drafts, claims = as_drafts(article.id, first, first_raws), second
        results.append((article.language, score(article.id, drafts, claims)))
    return results


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def _f1(tally: Tally) -> float | None:
    p, r = tally.precision, tally.recall
    return None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)


def table(results: list[tuple[str, Tally]], reference: str) -> str:
    other = "B" if reference == "A" else "A"
    lines = [
        f"{other} scored against {reference} (precision: share of {other}'s claims that {reference}"
        f" has; recall: share of {reference}'s claims that {other} has)",
        "",
        f"| | articles | claims of {reference} | claims of {other} | matched "
        "| precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def line(t: Tally) -> str:
        return (
            f"| {t.name} | {t.articles} | {t.gold} | {t.drafted} | {t.correct} "
            f"| {_percent(t.precision)} | {_percent(t.recall)} | {_percent(_f1(t))} |"
        )

    rows = by_language(results)
    lines += [line(t) for t in rows] + ["|---|", *(line(t) for _, t in results)]
    lines += [
        "",
        "Per field, on the matched pairs (same / matched):",
        "",
        "| | " + " | ".join(FIELDS) + f" | attribution, where {reference}'s claim has one |",
        "|---|" + "---:|" * (len(FIELDS) + 1),
    ]
    for t in rows:
        cells = [_cell(*t.fields[f]) for f in FIELDS] + [_cell(*t.attribution_given)]
        lines.append(f"| {t.name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(right: int, total: int) -> str:
    return f"{_percent(ratio(right, total))} ({right}/{total})" if total else "–"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--leave-out",
        action="append",
        default=[],
        metavar="RELATION",
        help="drop the claims of this relation type from both annotations first",
    )
    args = parser.parse_args(argv)
    leave_out = frozenset(args.leave_out)
    articles = load_split(HOME, SPLIT)
    if leave_out:
        print(f"Claims of {', '.join(sorted(leave_out))} left out of both annotations.\n")
    for reference in ("A", "B"):
        print(table(measure(articles, reference, leave_out), reference))
        print()


if __name__ == "__main__":
    main()
