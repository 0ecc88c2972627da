"""How good are the drafts? Precision and recall against the curated mapping, per language.

A draft matches a curated (confirmed) claim when subject, relation type and object are the
same and the draft's evidence sentence is one of the sentences the claim's quote overlaps.
Each claim matches at most one draft and each draft at most one claim (a maximum matching).
Precision is matched / drafted, recall is matched / curated. A second measure ignores the
relation type (same subject, object and sentence): it shows how much is lost on the pair
and how much on the type.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from publisher.corpus.model import Claim
from publisher.curate.suggest.drafting import Draft
from publisher.curate.suggest.workspace import Workspace
from publisher.textlayer import Sentence, TextLayer

BEGIN = "<!-- evaluation:begin (written by `publisher suggest --evaluate`) -->"
END = "<!-- evaluation:end -->"


@dataclass(frozen=True)
class Score:
    """Counts for one document, one language or the whole corpus."""

    name: str
    documents: int
    curated: int
    drafted: int
    matched: int
    matched_pairs: int  # ignoring the relation type
    reachable: int = (
        0  # curated claims whose subject and object the text layer finds in the sentence
    )

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.name,
            self.documents + other.documents,
            self.curated + other.curated,
            self.drafted + other.drafted,
            self.matched + other.matched,
            self.matched_pairs + other.matched_pairs,
            self.reachable + other.reachable,
        )


def _evidence(claim: Claim, sentences: Iterable[Sentence]) -> set[tuple[int, int]]:
    """The sentences a claim's quote overlaps."""
    return {(s.start, s.end) for s in sentences if s.start < claim.end and claim.start < s.end}


def _reachable(claims: list[Claim], layer: TextLayer) -> int:
    """Claims whose subject and object are both mentioned in one of their evidence sentences:
    the most a drafter reading only known mentions could find."""
    count = 0
    for claim in claims:
        for start, end in _evidence(claim, layer.sentences):
            named = {m.entity_id for m in layer.mentions if start <= m.start and m.end <= end}
            if claim.subject in named and claim.object in named:
                count += 1
                break
    return count


def _matching(
    drafts: list[Draft], claims: list[Claim], sentences: Sequence[Sentence], relation: bool
) -> int:
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths; the lists are short)."""

    spans = [_evidence(c, sentences) for c in claims]
    edges = [
        [
            j
            for j, c in enumerate(claims)
            if (d.subject, d.object) == (c.subject, c.object)
            and (not relation or d.relation == c.relation)
            and (d.start, d.end) in spans[j]
        ]
        for d in drafts
    ]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(drafts)))


def evaluate(workspace: Workspace) -> list[tuple[str, Score]]:
    """(language, score) per document that has confirmed claims, in document order."""
    claims: dict[str, list[Claim]] = {}
    for claim in workspace.corpus.claims.values():
        claims.setdefault(claim.document, []).append(claim)
    scores = []
    for document in workspace.corpus.documents.values():
        curated = claims.get(document.id)
        if not curated:
            continue
        layer = workspace.layer(document)
        drafts = workspace.drafts(document)
        scores.append(
            (
                document.language,
                Score(
                    document.id,
                    1,
                    len(curated),
                    len(drafts),
                    _matching(drafts, curated, layer.sentences, relation=True),
                    _matching(drafts, curated, layer.sentences, relation=False),
                    _reachable(curated, layer),
                ),
            )
        )
    return scores


def by_language(scores: list[tuple[str, Score]]) -> list[Score]:
    """One row per language, then 'all'."""
    rows: dict[str, Score] = {}
    for language, score in scores:
        empty = Score(language, 0, 0, 0, 0, 0)
        rows[language] = rows.get(language, empty) + score
    total = Score("all", 0, 0, 0, 0, 0)
    for row in rows.values():
        total = total + row
    return [rows[k] for k in sorted(rows)] + [total]


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def markdown(scores: list[tuple[str, Score]]) -> str:
    """The tables of docs/suggest.md, between their markers."""
    head = "| {} | documents | curated claims | drafted | matched | precision | recall |"
    rule = "|---|---:|---:|---:|---:|---:|---:|"

    def row(score: Score, matched: int, documents: bool = True) -> str:
        precision = matched / score.drafted if score.drafted else 0.0
        recall = matched / score.curated if score.curated else 0.0
        count = f" {score.documents} |" if documents else ""
        return (
            f"| {score.name} |{count} {score.curated} | {score.drafted} | {matched} "
            f"| {_percent(precision)} | {_percent(recall)} |"
        )

    languages = by_language(scores)
    lines = [BEGIN, "", "Subject, relation type, object and evidence sentence:", ""]
    lines += [head.format("language"), rule] + [row(s, s.matched) for s in languages]
    lines += ["", "Per document:", "", head.replace(" documents |", "").format("document")]
    lines += [rule.replace("---:|", "", 1)] + [row(s, s.matched, False) for _, s in scores]
    lines += ["", "Ignoring the relation type (subject, object and sentence only):", ""]
    lines += [head.format("language"), rule] + [row(s, s.matched_pairs) for s in languages]
    lines += [
        "",
        "Curated claims whose subject and object are both named (known actors) in their",
        "evidence sentence, the ceiling for recall of a drafter that reads known mentions:",
        "",
        "| language | curated claims | both actors named | share |",
        "|---|---:|---:|---:|",
    ]
    for s in languages:
        share = _percent(s.reachable / s.curated if s.curated else 0.0)
        lines.append(f"| {s.name} | {s.curated} | {s.reachable} | {share} |")
    return "\n".join([*lines, "", END])


def update_document(path: Path, tables: str) -> bool:
    """Replace the block between the markers in `path`; False if the markers are missing."""
    text = path.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        return False
    before, rest = text.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    path.write_text(before + tables + after, encoding="utf-8")
    return True


def documented_tables(path: Path) -> str | None:
    """The block between the markers as written in `path`, markers included."""
    text = path.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        return None
    return BEGIN + text.split(BEGIN, 1)[1].split(END, 1)[0] + END
