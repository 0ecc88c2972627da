"""Running the drafter for a measurement: on a half of the evaluation set (its articles' actors
and places added to the reference data first) or on the corpus documents' curated claims.
"""

from __future__ import annotations

from pathlib import Path

from publisher.corpus.model import Claim, Document, TimeSpec
from publisher.curate.suggest.candidates import candidate_names
from publisher.curate.suggest.evalset import FOLDER, Article, GoldClaim, GoldTime, load_split
from publisher.curate.suggest.evaluate.scoring import Tally, score
from publisher.curate.suggest.workspace import Workspace
from publisher.textlayer.arabic import fold

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
