"""The cue lexicon (data/lexicon/cues.yaml) as the build uses it.

The drafter's reader and matcher are used as they are (one import up the flow, allowed by a
single exception in pyproject.toml): the same words that make the drafter propose a claim
decide which sentences the coverage report counts as candidates (graph/coverage.py), and
the same negation and hedge words are what a denied or hedged claim's quote must contain.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.build import keys
from publisher.corpus.model import Claim, Corpus
from publisher.corpus.problems import Problems
from publisher.curate.suggest.lexicon import Lexicon, load_lexicon

LEXICON = Path("data") / "lexicon" / "cues.yaml"
LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class Cues:
    """The lexicon of each language, and a digest of its file for the build's cache keys."""

    lexicons: dict[str, Lexicon]
    digest: str


def load_cues(home: Path, relation_ids: frozenset[str]) -> Cues | None:
    """The lexicons of the project, or None when it has no lexicon file (then no sentence is
    a candidate and no cue is checked)."""
    path = home / LEXICON
    if not path.is_file():
        return None
    lexicons = {language: load_lexicon(path, language, relation_ids) for language in LANGUAGES}
    return Cues(lexicons, keys.digest(path.read_bytes()))


def check_cues(corpus: Corpus, cues: Cues, problems: Problems) -> None:
    """A denied claim's quote must hold a negation of the lexicon, a hedged claim's a hedge,
    or the claim names the words that carry them in `cue_note` (which must be in the quote)."""
    for claim in corpus.claims.values():
        lexicon = cues.lexicons.get(corpus.documents[claim.document].language)
        if lexicon is None:
            continue
        missing = []
        if claim.polarity == "denied" and not lexicon.negations.find_all(claim.quote):
            missing.append(("denied", "negation"))
        if claim.hedged and not lexicon.hedges.find_all(claim.quote):
            missing.append(("hedged", "hedge"))
        _check(claim, missing, problems)


def _check(claim: Claim, missing: list[tuple[str, str]], problems: Problems) -> None:
    origin, note = claim.origin, claim.cue_note
    if note is not None and claim.polarity != "denied" and not claim.hedged:
        problems.add(
            origin.path,
            origin.line,
            f"claim {claim.id}: cue_note on a claim that is neither denied nor hedged",
        )
        return
    if note is not None and note.cue not in claim.quote:
        problems.add(
            origin.path,
            origin.line,
            f"claim {claim.id}: cue_note names {note.cue!r}, which is not in the quote",
            "the cue must be words of the quote itself",
        )
        return
    for state, word in missing if note is None else ():
        problems.add(
            origin.path,
            origin.line,
            f"claim {claim.id} is {state}, but its quote holds no {word} word of the cue "
            f"lexicon ({LEXICON}): the quote alone does not say what the claim says",
            "extend the quote to the words that deny or hedge it, or name them with "
            "cue_note: {cue: <words of the quote>, note: <why they deny or hedge it>}",
        )
