"""What drafting needs from the project: the checked corpus, its gazetteer and the lexicons."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publisher.corpus.load import load_corpus
from publisher.corpus.model import Actor, Corpus, Document, Names, Place
from publisher.corpus.vocabulary import Vocabulary
from publisher.curate.suggest.candidates import load_capitals, load_names
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.drafter import draft_claims
from publisher.curate.suggest.lexicon import Lexicon, load_lexicon
from publisher.curate.suggest.name_forms import (
    name_forms,
    state_demonyms,
    state_names,
    with_defined_initials,
    with_qualifiers,
    with_short_forms,
    without_name_parts,
)
from publisher.errors import InputError, Origin, Problem
from publisher.textlayer import Gazetteer, TextLayer, analyse
from publisher.textlayer.arabic import fold
from publisher.textlayer.gazetteer import gazetteer_of

LEXICON = Path("data") / "lexicon" / "cues.yaml"


def _names(raw: Mapping[str, Any]) -> Names:
    name = raw.get("name") or {}
    aliases = raw.get("aliases") or {}
    return Names(
        en=str(name.get("en") or ""),
        ar=str(name.get("ar") or ""),
        aliases_en=tuple(str(a) for a in aliases.get("en") or ()),
        aliases_ar=tuple(str(a) for a in aliases.get("ar") or ()),
    )


@dataclass
class Workspace:
    """A project folder read once for drafting: corpus, vocabulary, gazetteer, lexicons."""

    home: Path
    corpus: Corpus
    vocabulary: Vocabulary
    gazetteer: Gazetteer
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    _drafting_gazetteer: Gazetteer | None = None
    _state_demonyms: dict[str, frozenset[str]] | None = None
    _arabic_listed: frozenset[str] | None = None
    _capitals: frozenset[str] = frozenset()

    @classmethod
    def open(cls, home: Path) -> Workspace:
        corpus, vocabulary = load_corpus(home)
        return cls(home, corpus, vocabulary, gazetteer_of(corpus))  # the build's own

    def with_reference(
        self, actors: Iterable[Mapping[str, Any]], places: Iterable[Mapping[str, Any]], where: Path
    ) -> Workspace:
        """This workspace with more actors and places, as a curator adds them before drafting
        (entries written as in data/actors.yaml)."""
        corpus = dataclasses.replace(
            self.corpus, actors=dict(self.corpus.actors), places=dict(self.corpus.places)
        )
        origin = Origin(where, 1)
        for raw in actors:
            corpus.actors[str(raw["id"])] = Actor(
                id=str(raw["id"]),
                type=str(raw.get("type", "organisation")),
                names=_names(raw),
                origin=origin,
                anonymous=bool(raw.get("anonymous", False)),
                part_of=raw.get("part_of"),
                armed_wing_of=raw.get("armed_wing_of"),
                unit_of=raw.get("unit_of"),
                government_of=raw.get("government_of"),
            )
        for raw in places:
            corpus.places[str(raw["id"])] = Place(
                str(raw["id"]), _names(raw), origin, raw.get("in")
            )
        return Workspace(self.home, corpus, self.vocabulary, gazetteer_of(corpus), self.lexicons)

    def document(self, ident: str) -> Document:
        document = self.corpus.documents.get(ident)
        if document is None:
            known = ", ".join(sorted(self.corpus.documents))
            raise InputError(
                [
                    Problem(
                        self.home / "data" / "documents.yaml",
                        None,
                        f"no document {ident!r}",
                        f"known: {known}",
                    )
                ]
            )
        return document

    def lexicon(self, language: str) -> Lexicon:
        if language not in self.lexicons:
            self.lexicons[language] = load_lexicon(
                self.home / LEXICON, language, self.vocabulary.concepts["relation"]
            )
        return self.lexicons[language]

    def layer(self, document: Document) -> TextLayer:
        """The build's text layer of a document."""
        return analyse(document.text, document.language, self.gazetteer)

    def drafting_layer(self, document: Document) -> TextLayer:
        """The text layer the drafter reads: the build's, with people also known by their
        last name where the text names them in full ("Erdoğan" after "Recep Tayyip Erdoğan"),
        and the common forms of the names ("the Houthis" for the Houthi movement)."""
        layer = analyse(document.text, document.language, self._drafter_gazetteer())
        demonyms = self._demonyms().get(document.language, frozenset())
        layer = without_name_parts(with_defined_initials(layer), self._capitals)
        layer = with_qualifiers(layer, self.corpus, demonyms)
        if document.language != "ar":
            return layer
        return with_short_forms(layer, self.corpus, demonyms | self._listed_demonyms())

    def _listed_demonyms(self) -> frozenset[str]:
        """The Arabic demonyms a state's name does not give (the lexicon's: "أمريكي" for the
        United States), folded, with the article and the feminine ending."""
        if self._arabic_listed is None:
            words = {fold(w) for w, _ in self.lexicon("ar").demonyms}
            words |= {f"ال{w}" for w in words}
            self._arabic_listed = frozenset(words | {f"{w}ه" for w in words})
        return self._arabic_listed

    def _demonyms(self) -> dict[str, frozenset[str]]:
        if self._state_demonyms is None:
            states = [names for kind, names in load_names(self.home).values() if kind == "state"]
            self._state_demonyms = state_demonyms(self.corpus, states)
        return self._state_demonyms

    def _drafter_gazetteer(self) -> Gazetteer:
        """The build's names, people's last names, and the common forms of the names
        (name_forms.py)."""
        if self._drafting_gazetteer is None:
            gazetteer = gazetteer_of(self.corpus, surnames=True)
            listed = load_names(self.home)
            states = {key: names for key, (kind, names) in listed.items() if kind == "state"}
            rows, self._capitals = state_names(
                self.corpus, gazetteer, states, load_capitals(self.home)
            )
            rows += name_forms(self.corpus, gazetteer, self._demonyms())
            for row in rows:
                gazetteer.add(*row)
            self._drafting_gazetteer = gazetteer
        return self._drafting_gazetteer

    def drafts(self, document: Document) -> list[Draft]:
        """Drafted claims of a document, from the build's text layer and the lexicon."""
        layer = self.drafting_layer(document)
        title = (document.title or {}).get(document.language)
        title_layer = None
        if title:
            title_layer = analyse(str(title), document.language, self._drafter_gazetteer())
        return draft_claims(
            document,
            layer,
            self.corpus,
            self.lexicon(document.language),
            self.vocabulary.concepts["rate"],
            title_layer,
        )
