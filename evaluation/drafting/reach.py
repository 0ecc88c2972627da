"""What a reader of sentences and cue words could reach at best on the dev half.

For every hand-written claim of the dev half, looks at the sentences its quote lies in and
asks what the drafter's own text layer and lexicon find there: whether both of the claim's
actors are named there (by a name, an alias or a demonym the layer knows), and whether a cue
of the claim's relation type is there. A claim with both actors and its cue in its sentences
is one a sentence reader could draft; one with a single actor and its cue needs the other
actor from elsewhere in the document (a clause before, the title, the article's topic); one
with no cue of its type needs the relation read from words that are not the lexicon's cues
("help" in a war as military support, an event as the object). These are upper bounds of
the drafter as it is built, not measurements of it: a claim counted as reachable may still be
missed.

Rounds 1 to 3 are the articles the lexicon was grown from; rounds 4 and 5 were annotated
before the rules that read them were written (SPLIT-round4.txt, SPLIT-round5.txt), so they
show what the lexicon reaches on text it was not written from.

Run from the repository root:

    .venv/bin/python -m evaluation.drafting.reach

Only the dev half is read; the test half is never opened.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from publisher.curate.suggest.evalset import FOLDER, load_split
from publisher.curate.suggest.evaluate.running import article_document
from publisher.curate.suggest.workspace import Workspace

HOME = Path(__file__).resolve().parents[2]
LATER_ROUNDS = ("SPLIT-round4.txt", "SPLIT-round5.txt")
KINDS = (
    "both actors and a cue of the relation",
    "one actor and a cue (the other from elsewhere)",
    "a cue but neither actor",
    "no cue of the relation type",
)


def later_round_names(home: Path) -> set[str]:
    """Every id-like word of the split files of rounds 4 and 5, which name each of their
    articles: a whole word, so that no article is taken for one whose id holds its own."""
    folder = home / "evaluation" / "drafting"
    text = "\n".join((folder / name).read_text("utf-8") for name in LATER_ROUNDS)
    return set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text))


def reach(home: Path) -> dict[tuple[str, str], Counter[str]]:
    """Counts of dev claims by kind of reach, per (rounds, language)."""
    workspace = Workspace.open(home)
    later = later_round_names(home)
    table: dict[tuple[str, str], Counter[str]] = {}
    for article in load_split(home, "dev"):
        document = article_document(article)
        curator = workspace.with_reference(article.actors, article.places, home / FOLDER / "dev")
        layer = curator.drafting_layer(document)
        cues = curator.lexicon(document.language).relations.find(document.text)
        sentences = [s for s in layer.sentences if not s.in_boilerplate]
        rounds = "rounds 4-5" if article.id in later else "rounds 1-3"
        counts = table.setdefault((rounds, document.language), Counter())
        for claim in article.claims:
            spans = [s for s in sentences if s.start < claim.end and claim.start < s.end]
            named: set[str] = set()
            relations: set[str] = set()
            for s in spans:
                for m in layer.mentions:
                    if s.start <= m.start < s.end:
                        named.add(m.entity_id)
                        named.update(m.alternatives)
                relations.update(q.payload[0] for q in cues if s.start <= q.start < s.end)
            actors = (claim.subject in named) + (claim.object in named)
            counts["claims"] += 1
            if claim.relation not in relations:
                counts[KINDS[3]] += 1
            else:
                counts[KINDS[2 - actors]] += 1
    return table


def main() -> None:
    table = reach(HOME)
    total: Counter[str] = Counter()
    print("| rounds | language | claims | " + " | ".join(KINDS) + " |")
    print("|---|---|---:|" + "---:|" * len(KINDS))
    for (rounds, language), counts in sorted(table.items()):
        total.update(counts)
        print(_row(rounds, language, counts))
    print(_row("all", "both", total))


def _row(rounds: str, language: str, counts: Counter[str]) -> str:
    claims = counts["claims"]
    cells = [f"{counts[k]} ({100 * counts[k] / claims:.0f} %)" for k in KINDS]
    return f"| {rounds} | {language} | {claims} | " + " | ".join(cells) + " |"


if __name__ == "__main__":
    main()
