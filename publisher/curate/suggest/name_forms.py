"""The common forms of actors' names that the drafter also reads as those actors.

A curator adds an actor with its English and Arabic name and its kind; texts write it in other
forms too. So that such an actor is found without a list of aliases, the drafter also reads:

* a group named "X movement" (or group, militia, rebels) as "X" and "Xs" ("Houthi movement":
  "the Houthis", "Houthi rebels"), and a plural nisba name as its singular ("Houthis": "Houthi");
* a group named by the plural of a nisba by its feminine after a group noun ("الحوثيون": "الميليشيات
  الحوثية"), and by its singular after an indefinite group noun ("جماعة الحوثي", "مليشيا الحوثي");
* an organisation's name without the demonym that opens it in English or closes it in Arabic
  ("Palestinian Islamic Jihad": "Islamic Jihad"; "الحرس الثوري الإيراني": "الحرس الثوري"),
  only where what is left is still a name of two words or more;
* an organisation's initials ("Islamic Revolutionary Guard Corps": "IRGC"), matched in capitals
  only, and the initials a text defines in brackets after a name ("Popular Mobilization Forces
  (PMF)"), in that text;
* a name without the "The" it opens with ("The Wall Street Journal");
* a state's ministry by its state's demonym or possessive and a short office ("Ministry of
  Foreign Affairs of Russia": "Russian Foreign Ministry", "Russia's Foreign Ministry"; "United
  States Department of the Treasury": "US Treasury");
* a state by the other names of the name list data/lexicon/names.yaml ("Britain", "UK" for
  the United Kingdom) and by its capital there ("Washington", "بكين"), but for a capital
  followed by another capitalised word ("the Washington Post").

A form that is already another actor's name, or that two actors would share, is left out: it
would name no one for sure. Arabic clitics, cases of the plural and spellings are the
gazetteer's (publisher/textlayer/gazetteer.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from publisher.corpus.model import Corpus
from publisher.curate.suggest.reading.demonyms import demonym_forms
from publisher.textlayer import Gazetteer, Mention, TextLayer
from publisher.textlayer.arabic import fold

# Kinds of actor whose names are proper names of a body, with a demonym only as qualifier.
_BODIES = frozenset({"organisation", "armed-wing", "unit"})
_GROUP_HEADS = frozenset({"movement", "group", "militia", "militias", "rebels"})
_NOT_INITIALS = frozenset({"of", "the", "and", "for", "in", "al", "el"})
# An Arabic name opening with one of these names the group by what follows ("حركة أنصار الله").
_AR_GROUP_NOUNS = ("حركة", "جماعة", "تنظيم", "ميليشيا", "ميليشيات")
_AR_GROUP_NOUNS_CONSTRUCT = ("جماعة", "حركة", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات")
_MINISTRY = "وزارة"
_AR_GROUP_NOUNS_DEFINITE = ("الحركة", "الجماعة", "الميليشيا", "الميليشيات", "المليشيات", "القوات")


def _english(name: str, kind: str, demonyms: frozenset[str]) -> Iterator[str]:
    words = name.split()
    if len(words) > 1 and words[0] == "The":
        yield " ".join(words[1:])
    if len(words) == 2 and words[1].lower() in _GROUP_HEADS and words[0][:1].isupper():
        yield words[0]
        if not words[0].endswith("s"):
            yield words[0] + "s"
    if len(words) == 1 and len(name) > 4 and name.endswith("is") and name[:1].isupper():
        yield name[:-1]  # Houthis: "Houthi"
    if kind == "state" and len(words) >= 2 and all(w[:1].isupper() for w in words):
        yield "".join(w[0] for w in words)  # United States: "US", "U.S."
        yield "".join(w[0] + "." for w in words)
    if kind == "government-body":
        yield from _ministry_forms(name)
        yield from _state_department_forms(name)
    if kind not in _BODIES:
        return
    rest = words[1:]
    if len(rest) >= 2 and fold(words[0]) in demonyms and all(w[:1].isupper() for w in rest):
        yield " ".join(rest)
    initials = [w for w in words if w.lower() not in _NOT_INITIALS]
    if len(initials) >= 3 and all(w[:1].isascii() and w[:1].isupper() for w in initials):
        yield "".join(w[0] for w in initials)


# "Ministry of Foreign Affairs of Russia": its office and its state.
_MINISTRY_OF = re.compile(
    r"^(Ministry|Department) of (?:the )?([A-Z][\w ]*?) of (?:the )?([A-Z][\w ]*)$"
)


def _ministry_forms(name: str) -> Iterator[str]:
    """A state's ministry as news writes it: "Ministry of Foreign Affairs of Russia" as the
    "Russian Foreign Ministry", "Russia's Foreign Ministry", "Russian Ministry of Foreign
    Affairs", the "Foreign Ministry of Russia"."""
    found = _MINISTRY_OF.match(name)
    if found is None:
        return
    head, office, state = found.groups()
    short = office.split()[0]  # Foreign Affairs: "Foreign"
    for qualifier in (*sorted(demonym_forms(state, "en")), f"{state}'s", f"{state}’s"):
        yield f"{qualifier} {short} {head}"
        yield f"{qualifier} {head} of {office}"
    yield f"{short} {head} of {state}"


# "United States Department of the Treasury": its state, then its office.
_STATE_DEPARTMENT = re.compile(r"^([A-Z][\w ]*?) (Ministry|Department) of (?:the )?([A-Z]\w*)$")


def _state_department_forms(name: str) -> Iterator[str]:
    """ "United States Department of the Treasury" as the "US Treasury", "U.S. Treasury",
    "United States Treasury Department"."""
    found = _STATE_DEPARTMENT.match(name)
    if found is None:
        return
    state, head, office = found.groups()
    words = state.split()
    states = [state]
    if len(words) >= 2:
        states += ["".join(w[0] for w in words), "".join(w[0] + "." for w in words)]
    for s in states:
        yield f"{s} {office}"
        yield f"{s} {office} {head}"
        yield f"{s}'s {office}"


def _arabic(name: str, kind: str, demonyms: frozenset[str]) -> Iterator[str]:
    words = name.split()
    if (
        kind == "government-body"
        and len(words) == 3
        and words[0] == _MINISTRY
        and fold(words[-1]) in demonyms
    ):
        # وزارة الخارجية الروسية: news write "الخارجية الروسية" (the ministry's field and state)
        yield " ".join(words[1:])
    if kind not in _BODIES:
        return
    if len(words) == 1 and name.startswith("ال") and name.endswith("يون") and len(name) > 6:
        # الحوثيون: its feminine nisba after a group noun ("الميليشيات الحوثية")
        for noun in _AR_GROUP_NOUNS_DEFINITE:
            yield f"{noun} {name[:-3]}ية"
        # and its singular after an indefinite group noun, in construct ("جماعة الحوثي")
        for noun in _AR_GROUP_NOUNS_CONSTRUCT:
            yield f"{noun} {name[:-2]}"
    if len(words) >= 3 and fold(words[-1]) in demonyms:
        yield " ".join(words[:-1])
    if len(words) >= 3 and words[0] in _AR_GROUP_NOUNS:
        yield " ".join(words[1:])


def _state_names(
    corpus: Corpus, extra_states: Iterable[dict[str, list[str]]]
) -> Iterator[tuple[str, str]]:
    for actor in corpus.actors.values():
        if actor.type == "state":
            yield from actor.names.all()
    for names in extra_states:
        for language, spellings in names.items():
            for spelling in spellings:
                yield language, spelling


def state_demonyms(
    corpus: Corpus, extra_states: Iterable[dict[str, list[str]]] = ()
) -> dict[str, frozenset[str]]:
    """Folded demonyms of the corpus's states and of `extra_states` (names of states that are
    not actors: data/lexicon/names.yaml), by language."""
    demonyms: dict[str, set[str]] = {"en": set(), "ar": set()}
    for language, name in _state_names(corpus, extra_states):
        if language in demonyms:
            demonyms[language] |= demonym_forms(name, language)
    return {language: frozenset(forms) for language, forms in demonyms.items()}


def name_forms(
    corpus: Corpus, gazetteer: Gazetteer, demonyms: dict[str, frozenset[str]]
) -> list[tuple[str, str, str]]:
    """(actor id, language, form) for the forms of every actor's names that are not names of
    the gazetteer already and that only one actor has."""
    frozen = demonyms
    found: dict[tuple[str, str], set[str]] = {}
    for actor in corpus.actors.values():
        if actor.anonymous or actor.type == "person":
            continue
        for language, name in actor.names.all():
            derive = _english if language == "en" else _arabic
            for form in derive(name, actor.type, frozen.get(language, frozenset())):
                if len(fold(form)) >= 3 and not gazetteer.lookup(form):
                    found.setdefault((language, form), set()).add(actor.id)
    return [
        (next(iter(ids)), language, form)
        for (language, form), ids in found.items()
        if len(ids) == 1
    ]


Names = dict[str, list[str]]


def state_names(
    corpus: Corpus, gazetteer: Gazetteer, listed: dict[str, Names], capitals: dict[str, Names]
) -> tuple[list[tuple[str, str, str]], frozenset[str]]:
    """(state id, language, name) for the other names of each state actor in the name list
    (`listed`, found by the state's id or one of its names) and for its capital, none that
    the gazetteer has already; and the folded capitals among them."""
    rows: list[tuple[str, str, str]] = []
    folded_capitals: set[str] = set()
    for actor in corpus.actors.values():
        if actor.type != "state":
            continue
        own = {fold(name) for _, name in actor.names.all()}
        keys = [
            key
            for key, names in listed.items()
            if key == actor.id or own & {fold(n) for ns in names.values() for n in ns}
        ]
        for key in keys or [actor.id]:
            for source, is_capital in ((listed.get(key, {}), False), (capitals.get(key, {}), True)):
                for language, names in source.items():
                    for name in names:
                        if not gazetteer.lookup(name):
                            rows.append((actor.id, language, name))
                            if is_capital:
                                folded_capitals.add(fold(name))
    return rows, frozenset(folded_capitals)


_NAME_GOES_ON = re.compile(r" [A-Z]")


def without_name_parts(layer: TextLayer, capitals: frozenset[str]) -> TextLayer:
    """The layer without the capitals that begin another name ("the Washington Post")."""
    kept = tuple(
        m
        for m in layer.mentions
        if not (fold(m.surface) in capitals and _NAME_GOES_ON.match(layer.text, m.end))
    )
    return layer if len(kept) == len(layer.mentions) else dataclasses.replace(layer, mentions=kept)


_DEFINED = re.compile(r"\s*\((?P<short>[A-Z][A-Z0-9]{1,7})\)")


def with_defined_initials(layer: TextLayer) -> TextLayer:
    """The layer with the initials a text defines in brackets right after a name ("Islamic
    Courts Union (ICU)") read as that name wherever else the text writes them."""
    defined: dict[str, str] = {}
    taken = [(m.start, m.end) for m in layer.mentions]
    for mention in layer.mentions:
        match = _DEFINED.match(layer.text, mention.end)
        if match:
            defined.setdefault(match.group("short"), mention.entity_id)
            taken.append(match.span())  # the definition itself is not another mention
    if not defined:
        return layer
    added: list[Mention] = []
    for short, ident in defined.items():
        for match in re.finditer(rf"(?<![\w.]){re.escape(short)}(?!\w)", layer.text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            added.append(Mention(start, end, ident, short))
            taken.append((start, end))
    return _with_mentions(layer, added)


def with_qualifiers(layer: TextLayer, corpus: Corpus, demonyms: frozenset[str]) -> TextLayer:
    """Arabic: a group's mention stretched over the noun for a group before it and the demonym
    after it ("وحركة حماس الفلسطينية", "حزب الله اللبناني"), so that the words of one name do
    not stand between the names of a list."""
    if layer.language != "ar":
        return layer
    text = layer.text
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s،,.؛;:()\[\]«»“”\"]+", text)]
    starts = {a: k for k, (a, _) in enumerate(words)}
    ends = {b: k for k, (_, b) in enumerate(words)}
    mentions = list(layer.mentions)
    changed = False
    for n, mention in enumerate(mentions):
        actor = corpus.actors.get(mention.entity_id)
        if actor is None or actor.type not in _BODIES | {"collective"}:
            continue
        start, end = mention.start, mention.end
        after = ends.get(end)
        if after is not None and after + 1 < len(words):
            a, b = words[after + 1]
            word = fold(text[a:b])
            if text[end:a].strip() == "" and word.startswith("ال") and word in demonyms:
                end = b
        before = starts.get(start)
        if before is not None and before > 0:
            a, b = words[before - 1]
            word = text[a:b]
            bare = word[1:] if word[:1] in "وف" and word[1:] in _AR_GROUP_NOUNS else word
            if text[b:start].strip() == "" and bare in _AR_GROUP_NOUNS:
                start = b - len(bare)
        if (start, end) != (mention.start, mention.end):
            neighbours = [m for m in mentions if m is not mention]
            if not any(start < m.end and m.start < end for m in neighbours):
                mentions[n] = dataclasses.replace(
                    mention, start=start, end=end, surface=text[start:end]
                )
                changed = True
    if not changed:
        return layer
    return dataclasses.replace(layer, mentions=tuple(sorted(mentions)))


_AR_WORD = re.compile(r"[^\s،,.؛;:()\[\]«»“”\"]+")


def with_short_forms(layer: TextLayer, corpus: Corpus, demonyms: frozenset[str]) -> TextLayer:
    """Arabic: a body named in full with its state's adjective ("وزارة الخزانة الأمريكية")
    and later without it ("فرضت وزارة الخزانة عقوبات") is the same body there, as a reader
    takes it; only after the full name, and not where another state's adjective follows
    ("وزارة الخزانة الإيرانية" is another ministry)."""
    if layer.language != "ar" or not demonyms:
        return layer
    text = layer.text
    taken = [(m.start, m.end) for m in layer.mentions]
    added: list[Mention] = []
    seen: set[str] = set()
    for mention in layer.mentions:
        actor = corpus.actors.get(mention.entity_id)
        words = mention.surface.split()
        if (
            actor is None
            or actor.type not in _BODIES | {"government-body", "media"}
            or len(words) < 3
        ):
            continue
        if fold(words[-1]) not in demonyms:
            continue
        short = " ".join(words[:-1])
        if short in seen:
            continue
        seen.add(short)
        pattern = rf"(?<![\w])(?:[وف]?[بل]?)({re.escape(short)})(?![\w])"
        for match in re.finditer(pattern, text[mention.end :]):
            start, end = (mention.end + k for k in match.span(1))
            following = _AR_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
            if following is not None and fold(following.group()) in demonyms:
                continue
            if any(start < e and b < end for b, e in taken):
                continue
            added.append(Mention(start, end, mention.entity_id, short))
            taken.append((start, end))
    return _with_mentions(layer, added)


def _with_mentions(layer: TextLayer, added: list[Mention]) -> TextLayer:
    """The layer with more mentions, each marked as in boilerplate where it is."""
    if not added:
        return layer
    inside = layer.in_boilerplate
    added = [dataclasses.replace(m, in_boilerplate=inside(m.start, m.end)) for m in added]
    return dataclasses.replace(layer, mentions=tuple(sorted((*layer.mentions, *added))))
