"""Candidate new actors of a document, for the curator to add with `publisher actor add`, and
other spellings of known actors, to add with `publisher actor alias`.

Where they come from:

* the text layer's candidate names (publisher/textlayer/candidates.py): people after titles
  (الرئيس، أمير، وزير، المتحدث باسم; "Turkish President ..."), organisations after "حركة",
  "حزب" or ending in "Party", "Council", outlets after "وكالة", "قناة" or before "newspaper",
  "news site", capitalised names;
* states and international bodies of the name list data/lexicon/names.yaml that the text
  names and the reference data does not have yet, with their names in both languages.

Each name is compared with the known actors' names: one that is another spelling of exactly one
of them ("Recep Erdoğan" for Recep Tayyip Erdoğan, "كونستاتين كوساتشيف" for كونستانتين
كوساتشيف: the same words, or words one or two letters apart) is proposed as an alias of it,
not as a new actor. Titles on their own ("Iranian Foreign Minister") are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from publisher.corpus.model import Corpus
from publisher.textlayer import Gazetteer, TextLayer
from publisher.textlayer.arabic import fold, is_arabic_letter

CONTEXT = 40  # characters of text shown on each side of the first occurrence
NAMES = Path("data") / "lexicon" / "names.yaml"
_TITLES = frozenset(
    (
        "president", "presidential", "minister", "foreign", "director", "communications",
        "spokesman", "spokesperson", "head", "chief", "secretary", "general", "deputy", "prime",
        "supreme", "leader", "commander", "ambassador", "envoy", "official", "officials",
        "senior", "former", "interior", "defense", "defence", "affairs", "state", "national",
        "security", "adviser", "advisor", "king", "emir", "crown", "prince", "sheikh", "mr",
        "ministry", "of", "the", "and", "for",
    )
)  # fmt: skip
_GENERIC = frozenset(fold(w) for w in ("the", "al", "of", "and", "بن", "ابن", "أبو", "آل", "عبد"))
_TRANSLITERATION = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
    "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a", "ء": "", "ؤ": "", "ئ": "",
}  # fmt: skip


@dataclass(frozen=True)
class CandidateName:
    """An unknown name that looks like an actor: how it is written, where, how often, and what
    to do with it."""

    surface: str
    count: int
    start: int
    end: int
    context: str
    kind: str = ""
    variant_of: str | None = None  # a known actor this is another spelling of
    ident: str = ""  # the id proposed for a new actor
    names: dict[str, str] = field(default_factory=dict)  # its names, by language, as known
    command: str = ""


def _words(name: str) -> list[str]:
    out = []
    for word in fold(name).replace("-", " ").replace("’", "'").split():
        word = word.strip(".,;:()\"'“”«»")
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        if word and word not in _GENERIC:
            out.append(word)
    return out


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, capped (names are short)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def spelling_of(surface: str, corpus: Corpus) -> str | None:
    """The one known actor `surface` is another spelling of, or None."""
    found = _words(surface)
    if not found or max(len(w) for w in found) < 4:
        return None
    matches = set()
    for actor in corpus.actors.values():
        for _, name in actor.names.all():
            wanted = _words(name)
            if not wanted:
                continue
            shorter, longer = sorted((found, wanted), key=len)
            if (
                actor.type == "person"
                and set(shorter) <= set(longer)
                and max(len(w) for w in shorter) >= 4
                and shorter[-1] == longer[-1]
            ):
                matches.add(actor.id)  # "Recep Erdoğan", "Erdoğan" for Recep Tayyip Erdoğan
                break
            if len(found) == len(wanted) and min(len(w) for w in found) >= 4:
                edits = [_distance(a, b) for a, b in zip(found, wanted, strict=True)]
                if sum(edits) <= 2 and all(
                    e <= (1 if len(a) <= 6 else 2) for e, a in zip(edits, found, strict=True)
                ):
                    matches.add(actor.id)
                    break
    return matches.pop() if len(matches) == 1 else None


def _slug(text: str) -> str:
    if any(is_arabic_letter(c) for c in text):
        text = "".join(_TRANSLITERATION.get(c, c) for c in text)
    words = re.findall(r"[a-z0-9]+", fold(text))
    return "-".join(words[:5]) or "actor"


def _is_title(surface: str) -> bool:
    words = [w.lower().strip(".,") for w in surface.split()]
    return (
        all(
            w in _TITLES
            or (w.endswith(("ian", "ish", "ese", "i")) and w[:1].isalpha() and w not in ("ali",))
            for w in words
        )
        and len(words) <= 4
    )


_INSTITUTIONS = frozenset(
    fold(w)
    for w in ("دولة", "كتلة", "هيئة", "لجنة", "مجلس", "وزارة", "حكومة", "قيادة", "وفد", "الوفد")
)
_ADJECTIVE_ENDINGS = ("ian", "ish", "ese", "ist", "ite", "ic")


def _trimmed(surface: str, kind: str, language: str) -> str:
    """A candidate without the titles and adjectives before a person's name ("Turkish
    President Recep Tayyip Erdoğan" -> "Recep Tayyip Erdoğan") and what follows "of"."""
    if language == "ar":
        words = surface.split()
        if not words or fold(words[0]).lstrip("و") in _INSTITUTIONS | {fold("رئيس")}:
            return ""
        if kind == "person" and (len(words) < 2 or any(fold(w) in _INSTITUTIONS for w in words)):
            return ""
        return surface
    if kind not in ("person", ""):
        return surface
    words = surface.split()
    if " of " in f" {surface} " and kind == "person":
        words = surface.split(" of ", maxsplit=1)[0].split()
    while words and (
        words[0].lower().strip(".,") in _TITLES
        or (words[0].lower().endswith(_ADJECTIVE_ENDINGS) and words[0][:1].isupper())
    ):
        words.pop(0)
    if not words or all(w.lower().endswith(_ADJECTIVE_ENDINGS) for w in words):
        return ""
    return " ".join(words)


def _kind(surface: str, kind: str, language: str) -> str:
    if kind:
        return kind
    if language == "en" and len(surface.split()) >= 2:
        return "person"
    return "organisation"


def _not_actors(home: Path) -> frozenset[str]:
    path = home / NAMES
    if not path.is_file():
        return frozenset()
    content: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    words = content.get("not_actors") or {}
    return frozenset(fold(str(w)) for lang in words.values() for w in lang or ())


def load_names(home: Path) -> dict[str, tuple[str, dict[str, list[str]]]]:
    """data/lexicon/names.yaml: id -> (actor type, names by language)."""
    path = home / NAMES
    if not path.is_file():
        return {}
    content: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for section, kind in (("states", "state"), ("bodies", "organisation")):
        for ident, names in (content.get(section) or {}).items():
            out[str(ident)] = (kind, {k: [str(n) for n in v] for k, v in (names or {}).items()})
    return out


def load_capitals(home: Path) -> dict[str, dict[str, list[str]]]:
    """data/lexicon/names.yaml's capitals: state id -> names by language."""
    path = home / NAMES
    if not path.is_file():
        return {}
    content: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        str(ident): {k: [str(n) for n in v] for k, v in (names or {}).items()}
        for ident, names in (content.get("capitals") or {}).items()
    }


def _command(name: CandidateName, language: str) -> str:
    if name.variant_of:
        return f'publisher actor alias {name.variant_of} --{language} "{name.surface}"'
    parts = [f"publisher actor add {name.ident} --type {name.kind or 'organisation'}"]
    for lang in ("en", "ar"):
        if name.names.get(lang):
            parts.append(f'--{lang} "{name.names[lang]}"')
    return " ".join(parts)


def candidate_names(
    layer: TextLayer,
    gazetteer: Gazetteer | None = None,
    corpus: Corpus | None = None,
    home: Path | None = None,
) -> list[CandidateName]:
    """One entry per name (spelling variants folded together), in order of first occurrence."""
    text = layer.text
    found: list[tuple[int, int, str, str]] = [
        (c.start, c.end, c.surface, c.kind) for c in layer.candidate_actors
    ]
    listed: dict[str, tuple[str, dict[str, list[str]]]] = load_names(home) if home else {}
    not_actors = _not_actors(home) if home else frozenset()
    if listed and corpus is not None:
        rows = [
            (ident, lang, name)
            for ident, (_, names) in listed.items()
            if ident not in corpus.actors
            for lang, spellings in names.items()
            for name in spellings
        ]
        known = {(m.start, m.end) for m in layer.mentions}
        for m in Gazetteer.from_names(rows).find(text):
            if not any(m.start < e and s < m.end for s, e in known) and not layer.in_boilerplate(
                m.start, m.end
            ):
                found.append((m.start, m.end, m.surface, f"listed:{m.entity_id}"))
    groups: dict[str, list[tuple[int, int, str, str]]] = {}
    for item in sorted(found):
        key = item[3] if item[3].startswith("listed:") else " ".join(fold(item[2]).split())
        groups.setdefault(key, []).append(item)
    names = []
    for items in groups.values():
        start, end, surface, kind = items[0]
        language = "ar" if any(is_arabic_letter(c) for c in surface) else "en"
        if not kind.startswith("listed:"):
            if _is_title(surface) or fold(surface) in not_actors:
                continue
            if any(
                k.startswith("listed:") and any(s < end and start < e for s, e, _, _ in v)
                for k, v in groups.items()
            ):
                continue  # the name list knows it (with both names)
            trimmed = _trimmed(surface, kind, language)
            if not trimmed:
                continue
            start += surface.index(trimmed)
            end = start + len(trimmed)
            surface = trimmed
        left = max(0, start - CONTEXT)
        context = " ".join(text[left : end + CONTEXT].split())
        if kind.startswith("listed:"):
            ident = kind.split(":", 1)[1]
            actor_type, spellings = listed[ident]
            entry = CandidateName(
                surface, len(items), start, end, context, actor_type, None, ident,
                {lang: spelling[0] for lang, spelling in spellings.items() if spelling},
            )  # fmt: skip
        else:
            variant = spelling_of(surface, corpus) if corpus is not None else None
            entry = CandidateName(
                surface, len(items), start, end, context, _kind(surface, kind, language),
                variant, _slug(surface), {language: surface},
            )  # fmt: skip
            if variant is None and corpus is not None and _slug(surface) in corpus.actors:
                continue
        names.append(_with_command(entry, language))
    return sorted(names, key=lambda n: n.start)


def _with_command(name: CandidateName, language: str) -> CandidateName:
    return CandidateName(
        name.surface, name.count, name.start, name.end, name.context, name.kind,
        name.variant_of, name.ident, name.names, _command(name, language),
    )  # fmt: skip
