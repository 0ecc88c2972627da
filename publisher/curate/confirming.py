"""Confirming claims, as `publisher confirm` and the workbench's Accept both do: the build's
cue check first, then the status lines (publisher/curate/suggest/review.py).

The build refuses a denied claim whose quote holds no negation of the cue lexicon, and a hedged
one whose quote holds no hedge (publisher/build/cues.py). Loading the corpus does not check
that, so a confirmation could break the next build; here the claims to confirm are checked as
confirmed, in a scratch copy of the project, before the mapping file is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from pathlib import Path

from publisher.build.cues import check_cues, load_cues
from publisher.corpus.load import load_corpus
from publisher.corpus.model import Corpus
from publisher.corpus.problems import Problems
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.scratch import drafts_confirmed
from publisher.curate.suggest.mapping_file import mapping_path
from publisher.curate.suggest.review import Review, review, selected
from publisher.errors import InputError, Problem


def cue_problems(
    home: Path, corpus: Corpus, relations: frozenset[str], ids: Collection[str]
) -> list[Problem]:
    """The build's cue check of the confirmed claims `ids` of `corpus` (read from `home`)."""
    cues = load_cues(home, relations)
    if cues is None:
        return []
    chosen = {i: c for i, c in corpus.claims.items() if i in ids}
    problems = Problems()
    check_cues(dataclasses.replace(corpus, claims=chosen), cues, problems)
    return list(problems.items)


def _chosen(path: Path, ids: list[str], every: bool, above: float | None) -> list[str]:
    """The known claims review() will confirm (review.selected, the one rule of the choice)."""
    content = load_yaml(path) if path.is_file() else None
    items = content.get("claims") if isinstance(content, dict) else None
    claims = {str(c.get("id")): c for c in items or [] if isinstance(c, Located)}
    return [i for i in dict.fromkeys(selected(claims, ids, every, above)) if i in claims]


def check_confirmable(home: Path, document_id: str, ids: Collection[str]) -> None:
    """Raise InputError, writing nothing, when a claim of `ids` would fail the build's cue
    check once confirmed. Other problems are left to review(), which reports them."""
    if not ids:
        return
    with drafts_confirmed(home, document_id, ids) as scratch:
        try:
            corpus, vocabulary = load_corpus(scratch.home)
        except InputError:
            return  # review() finds these on the real files and says so
        found = cue_problems(scratch.home, corpus, vocabulary.concepts["relation"], ids)
        if found:
            error = scratch.real(InputError(found))
            path = mapping_path(home, document_id)
            head = Problem(path, None, "not confirmed: the build would refuse these claims")
            raise InputError([head, *error.problems])


def confirm(
    home: Path,
    document_id: str,
    ids: list[str],
    every: bool = False,
    above: float | None = None,
) -> Review:
    """Confirm claims of a document (see review()), after the build's cue check of them."""
    chosen = _chosen(mapping_path(home, document_id), ids, every, above)
    check_confirmable(home, document_id, chosen)
    return review(home, document_id, ids, "confirmed", every=every, above=above)
