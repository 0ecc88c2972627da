"""What drafting needs from the project: the checked corpus, its gazetteer and the lexicons."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publisher.corpus.load import load_corpus
from publisher.corpus.model import Corpus, Document
from publisher.corpus.vocabulary import Vocabulary
from publisher.errors import InputError, Problem
from publisher.suggest.drafting import Draft, draft_claims
from publisher.suggest.lexicon import Lexicon, load_lexicon
from publisher.textlayer import Gazetteer, TextLayer, analyse

LEXICON = Path("data") / "lexicon" / "cues.yaml"


def gazetteer_for(corpus: Corpus) -> Gazetteer:
    """The same names the build matches (publisher.build), so drafts see the build's mentions."""
    from publisher.build import gazetteer_for as build_gazetteer

    return build_gazetteer(corpus)


@dataclass
class Workspace:
    """A project folder read once for drafting: corpus, vocabulary, gazetteer, lexicons."""

    home: Path
    corpus: Corpus
    vocabulary: Vocabulary
    gazetteer: Gazetteer
    lexicons: dict[str, Lexicon] = field(default_factory=dict)

    @classmethod
    def open(cls, home: Path) -> Workspace:
        corpus, vocabulary = load_corpus(home)
        return cls(home, corpus, vocabulary, gazetteer_for(corpus))

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
        return analyse(document.text, document.language, self.gazetteer)

    def drafts(self, document: Document) -> list[Draft]:
        """Drafted claims of a document, from the build's text layer and the lexicon."""
        return draft_claims(
            document,
            self.layer(document),
            self.corpus.actors,
            self.lexicon(document.language),
            self.vocabulary.concepts["rate"],
        )
