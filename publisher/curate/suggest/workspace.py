"""What drafting needs from the project: the checked corpus, its gazetteer and the lexicons."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publisher.corpus.load import load_corpus
from publisher.corpus.model import Corpus, Document
from publisher.corpus.vocabulary import Vocabulary
from publisher.curate.suggest.drafting import Draft, draft_claims
from publisher.curate.suggest.lexicon import Lexicon, load_lexicon
from publisher.errors import InputError, Problem
from publisher.textlayer import Gazetteer, TextLayer, analyse
from publisher.textlayer.gazetteer import gazetteer_of

LEXICON = Path("data") / "lexicon" / "cues.yaml"


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
        return cls(home, corpus, vocabulary, gazetteer_of(corpus))  # the build's own

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
