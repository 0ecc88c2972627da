"""How good are the drafts? Precision, recall and per-field accuracy against claims written by
hand.

Two measurements, never mixed:

* the evaluation set (evaluation/drafting/, `--split dev|test`): 14 articles that are not in
  data/, annotated by hand before the drafter ever ran on them. The actors and places an
  article's annotation lists (`actors:`, `places:`) are added to the reference data first, as
  a curator would before drafting; how many of them `publisher candidates` finds unaided is
  reported beside. The drafter is developed on `dev`; `test` is for the report only.
* the five corpus documents against their curated mapping. The cue lexicon and the drafting
  rules were written knowing these documents, so this is a development check, not a
  measurement of how the drafter does on new text.

A draft is correct when its subject, relation type and object equal those of a claim and its
evidence overlaps the claim's quote; each claim matches at most one draft and each draft at
most one claim (a maximum matching). Precision = correct / drafted (drafts that name a gap
count as drafted, and are never correct), recall = correct / claims. Per-field accuracy is
over the correct drafts: amount (value, min, max, currency), time (the instant, or an
interval's bounds; absent = absent), place, polarity, hedged, attribution (the set of agents;
also over the correct drafts whose claim has one, the issue's measure).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from publisher.corpus.model import Claim, Document, TimeSpec
from publisher.curate.suggest.candidates import candidate_names
from publisher.curate.suggest.drafting import DRAFTER, Draft
from publisher.curate.suggest.evalset import (
    FOLDER,
    Article,
    GoldClaim,
    GoldTime,
    amount_key,
    load_split,
    time_key,
)
from publisher.curate.suggest.workspace import Workspace
from publisher.textlayer.arabic import fold

FIELDS = ("amount", "time", "place", "polarity", "hedged", "attribution")
BANDS = ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def begin_marker(name: str) -> str:
    return f"<!-- evaluation:{name}:begin (written by `publisher suggest --evaluate --write`) -->"


def end_marker(name: str) -> str:
    return f"<!-- evaluation:{name}:end -->"


def _ratio(right: int, total: int) -> float | None:
    return right / total if total else None


@dataclass
class Tally:
    """Counts for one article, one language or a whole split."""

    name: str
    articles: int = 0
    gold: int = 0
    drafted: int = 0
    correct: int = 0
    gaps: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    attribution_given: list[int] = field(default_factory=lambda: [0, 0])
    bands: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in BANDS])
    candidates: list[int] = field(default_factory=lambda: [0, 0])  # found, listed

    @property
    def precision(self) -> float | None:
        return _ratio(self.correct, self.drafted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.correct, self.gold)

    def add(self, other: Tally) -> None:
        self.articles += other.articles
        self.gold += other.gold
        self.drafted += other.drafted
        self.correct += other.correct
        self.gaps += other.gaps
        for name, (right, total) in other.fields.items():
            self.fields[name][0] += right
            self.fields[name][1] += total
        for mine, theirs in (
            (self.attribution_given, other.attribution_given),
            (self.candidates, other.candidates),
            *zip(self.bands, other.bands, strict=True),
        ):
            mine[0] += theirs[0]
            mine[1] += theirs[1]


def matching(
    drafts: Sequence[Draft], claims: Sequence[GoldClaim], same: Callable[[Draft, GoldClaim], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of drafts to claims (Kuhn's augmenting paths; the lists
    are short), as (draft index, claim index) pairs."""
    edges = [[j for j, c in enumerate(claims) if same(d, c)] for d in drafts]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(drafts)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def correct(draft: Draft, claim: GoldClaim) -> bool:
    return (
        (draft.subject, draft.relation, draft.object)
        == (claim.subject, claim.relation, claim.object)
        and draft.start < claim.end
        and claim.start < draft.end
    )


def draft_time(draft: Draft) -> GoldTime:
    return time_key(draft.time)


def draft_fields(draft: Draft) -> dict[str, object]:
    return {
        "amount": amount_key(draft.amount),
        "time": draft_time(draft),
        "place": draft.place,
        "polarity": draft.polarity,
        "hedged": draft.hedged,
        "attribution": frozenset(agent for agent, _ in draft.attribution),
    }


def gold_fields(claim: GoldClaim) -> dict[str, object]:
    return {
        "amount": claim.amount,
        "time": claim.time,
        "place": claim.place,
        "polarity": claim.polarity,
        "hedged": claim.hedged,
        "attribution": claim.attribution,
    }


def score(name: str, drafts: Sequence[Draft], claims: Sequence[GoldClaim]) -> Tally:
    """The tally of one document's drafts against its claims."""
    tally = Tally(name, 1, len(claims), len(drafts))
    tally.gaps = sum(1 for d in drafts if d.gap)
    pairs = matching(drafts, claims, correct)
    tally.correct = len(pairs)
    matched = {i for i, _ in pairs}
    for i, d in enumerate(drafts):
        band = next(k for k, (low, high) in enumerate(BANDS) if low <= d.confidence < high)
        tally.bands[band][1] += 1
        tally.bands[band][0] += i in matched
    for i, j in pairs:
        mine, theirs = draft_fields(drafts[i]), gold_fields(claims[j])
        for name_ in FIELDS:
            tally.fields[name_][1] += 1
            tally.fields[name_][0] += mine[name_] == theirs[name_]
        if claims[j].attribution:
            tally.attribution_given[1] += 1
            tally.attribution_given[0] += mine["attribution"] == theirs["attribution"]
    return tally


# --- the evaluation set ----------------------------------------------------------------------


def article_document(article: Article) -> Document:
    return Document(
        id=article.id,
        path=Path(f"{article.id}.txt"),
        file=f"{article.id}.txt",
        sha256="",
        language=article.language,
        kind="news-report",
        title=article.title,
        added="",
        text=article.text,
        published=article.published,
    )


def _words(text: str) -> list[str]:
    words = []
    for word in fold(text).replace("-", " ").split():
        word = word.strip(".,;:()\"'“”’«»")
        for prefix in ("وال", "بال", "لل", "ال", "و"):
            if word.startswith(prefix) and len(word) > len(prefix) + 2:
                word = word[len(prefix) :]
                break
        if word:
            words.append(word)
    return words


def _names_it(surface: str, entry: dict[str, object]) -> bool:
    """Whether a candidate's name is one of an actor's names, word for word, one inside the
    other (the candidate "Hakan Fidan" for Hakan Fidan, "قناة فونيكس" for Phoenix TV)."""
    found = _words(surface)
    raw = entry.get("name")
    names = [str(v) for v in raw.values()] if isinstance(raw, dict) else []
    for name in names:
        wanted = _words(name)
        if not wanted or not found:
            continue
        shorter, longer = sorted((found, wanted), key=len)
        if any(longer[k : k + len(shorter)] == shorter for k in range(len(longer))):
            return True
    return False


def evaluate_split(workspace: Workspace, split: str) -> list[tuple[str, Tally]]:
    """(language, tally) per article of the split."""
    results = []
    folder = workspace.home / FOLDER / split
    for article in load_split(workspace.home, split):
        document = article_document(article)
        curated = workspace.with_reference(article.actors, article.places, folder)
        tally = score(article.id, curated.drafts(document), article.claims)
        found = candidate_names(
            workspace.layer(document), workspace.gazetteer, workspace.corpus, workspace.home
        )
        listed = [*article.actors, *article.places]
        tally.candidates = [
            sum(1 for entry in listed if any(_names_it(n.surface, entry) for n in found)),
            len(listed),
        ]
        results.append((article.language, tally))
    return results


# --- the corpus documents ---------------------------------------------------------------------


def _time_of(spec: TimeSpec | None) -> GoldTime:
    if spec is None:
        return None
    if spec.instant is not None:
        return spec.instant.value
    return (
        None if spec.begin is None else spec.begin.value,
        None if spec.end is None else spec.end.value,
    )


def _gold(claim: Claim) -> GoldClaim:
    amount = None
    if claim.amount is not None:
        amount = (
            *(
                None if v is None else int(v)
                for v in (claim.amount.value, claim.amount.minimum, claim.amount.maximum)
            ),
            claim.amount.currency,
        )
    return GoldClaim(
        subject=claim.subject,
        relation=claim.relation,
        object=claim.object,
        quote=claim.quote,
        start=claim.start,
        end=claim.end,
        time=_time_of(claim.time),
        place=claim.place,
        amount=amount,
        polarity=claim.polarity,
        hedged=claim.hedged,
        attribution=frozenset(a.agent for a in claim.attributions),
    )


def evaluate_corpus(workspace: Workspace) -> list[tuple[str, Tally]]:
    """(language, tally) per corpus document that has confirmed claims."""
    claims: dict[str, list[GoldClaim]] = {}
    for claim in workspace.corpus.claims.values():
        claims.setdefault(claim.document, []).append(_gold(claim))
    results = []
    for document in workspace.corpus.documents.values():
        if claims.get(document.id):
            tally = score(document.id, workspace.drafts(document), claims[document.id])
            results.append((document.language, tally))
    return results


# --- reporting ----------------------------------------------------------------------------------


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
    return f"{_percent(_ratio(right, total))} ({right}/{total})" if total else "–"


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
        lines.append(f"| {label} | {drafted} | {right} | {_percent(_ratio(right, drafted))} |")
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
        fields: dict[str, float | None] = {name: _ratio(*t.fields[name]) for name in FIELDS}
        fields["attribution_given"] = _ratio(*t.attribution_given)
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
