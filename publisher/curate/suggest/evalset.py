"""The hand-annotated evaluation set of the drafter (evaluation/drafting/), read one split at a
time.

Each article is `<split>/<id>.txt` (the text) and `<split>/<id>.yaml` (metadata, the actors and
places a curator adds before drafting, and the claims an analyst records, written by hand
before the drafter ever ran on them; evaluation/drafting/README.md). Only the split asked for
is opened: the drafter is developed on `dev`, and `test` is read once, to report it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from publisher.errors import InputError, Problem

SPLITS = ("dev", "test")
FOLDER = Path("evaluation") / "drafting"

# A gold time as compared: an instant ("2021-03") or an interval's (from, to).
GoldTime = str | tuple[str | None, str | None] | None


def time_key(value: object) -> GoldTime:
    """What is compared of a time: the instant, or an interval's bounds (not its label)."""
    if value is None:
        return None
    if isinstance(value, dict):
        lower, upper = value.get("from"), value.get("to")
        return (None if lower is None else str(lower), None if upper is None else str(upper))
    return str(value)


def amount_key(value: object) -> tuple[int | str | None, ...] | None:
    """What is compared of an amount: value, min, max and currency."""
    if not isinstance(value, dict):
        return None
    return (
        *tuple(None if value.get(k) is None else int(value[k]) for k in ("value", "min", "max")),
        value.get("currency"),
    )


@dataclass(frozen=True)
class GoldClaim:
    subject: str
    relation: str
    object: str
    quote: str
    start: int
    end: int
    time: GoldTime
    place: str | None
    amount: tuple[int | str | None, ...] | None
    polarity: str
    hedged: bool
    attribution: frozenset[str]


@dataclass(frozen=True)
class Article:
    id: str
    split: str
    language: str
    text: str
    title: dict[str, str]
    published: str | None
    actors: tuple[dict[str, Any], ...]  # added by a curator before drafting
    places: tuple[dict[str, Any], ...]
    claims: tuple[GoldClaim, ...]


def _problem(path: Path, message: str) -> InputError:
    return InputError([Problem(path, None, message)])


def gold_claim(path: Path, text: str, raw: dict[str, Any]) -> GoldClaim:
    """One hand-written claim of the file `path` as compared, anchored at its quote's first
    occurrence in `text`."""
    quote = str(raw["quote"])
    start = text.find(quote)
    if start < 0:
        raise _problem(path, f"quote not in the text: {quote[:60]!r}")
    return GoldClaim(
        subject=str(raw["subject"]),
        relation=str(raw["relation"]),
        object=str(raw["object"]),
        quote=quote,
        start=start,
        end=start + len(quote),
        time=time_key(raw.get("time")),
        place=raw.get("place"),
        amount=amount_key(raw.get("amount")),
        polarity=str(raw.get("polarity", "affirmed")),
        hedged=bool(raw.get("hedged", False)),
        attribution=frozenset(str(a) for a in raw.get("attribution") or ()),
    )


def load_split(home: Path, split: str) -> list[Article]:
    """The articles of one split, in file order."""
    if split not in SPLITS:
        raise _problem(home / FOLDER, f"no split {split!r}: one of {', '.join(SPLITS)}")
    folder = home / FOLDER / split
    if not folder.is_dir():
        raise _problem(folder, "the evaluation set is not here")
    articles = []
    for path in sorted(folder.glob("*.yaml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        claims = [gold_claim(path, text, raw) for raw in meta.get("claims") or []]
        published = meta.get("published")
        articles.append(
            Article(
                id=str(meta["id"]),
                split=split,
                language=str(meta["language"]),
                text=text,
                title=dict(meta.get("title") or {}),
                published=None if published is None else str(published),
                actors=tuple(meta.get("actors") or ()),
                places=tuple(meta.get("places") or ()),
                claims=tuple(claims),
            )
        )
    return articles
