"""The function words the drafter reads roles by, per language: prepositions, pronouns,
relative pronouns, subordinators, auxiliaries, transfer verbs and the nouns that stand for an
actor ("the group", "الحركة", "officials in Tehran").

This is grammar, not a lexicon of cues: closed word classes of English and Arabic, written from
the grammar of each language. Every entry is folded (publisher.textlayer.arabic.fold) when it
is used. The relation cues are data (data/lexicon/cues.yaml).

Modules:
  folding        how an entry is written: folded once, compared folded
  english        the English word classes (EN_*)
  arabic         the Arabic word classes (AR_*)
  relative_time  words of relative time, both languages
"""
