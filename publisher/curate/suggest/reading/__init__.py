"""One sentence read for drafting: its words, the actors it refers to, and its clauses.

A `Reading` holds, in text order:

* tokens: words (with Arabic clitics attached, as written) and punctuation, each with its
  folded form;
* referents: the known actors and places the text layer found, the states named by a demonym
  where a demonym acts ("Iranian-backed", "Iranian advisors", "صواريخ إيرانية"), and the words
  that stand for an actor named elsewhere: pronouns ("it", "دعمها") and definite descriptions
  ("the group", "الحركة"), resolved by the drafter from the preceding clauses;
* for each referent, the preposition that governs it ("to", "by", "of", "'s", لـ, إلى, مع...),
  whether it only qualifies a person ("Hamas leader Ismail Haniyeh") and the referents it is
  coordinated with ("Qatar and Turkey", "الولايات المتحدة والاتحاد الأوروبي");
* clauses: spans of tokens cut at semicolons, relative pronouns, complementizers and
  subordinators; a relative clause knows the referent it is about.

Modules:
  reader        Reader: a sentence read part by part, in this order:
  demonyms      demonyms acting as their state
  pronouns      pronouns and descriptions standing for an actor
  markers       the preposition governing each referent
  modifiers     referents that only qualify a person
  coordination  referents coordinated in one group
  clauses       the clauses and a relative clause's antecedent
  reader_base   what those parts share
  sentence      what a reading holds: Token, Ref, Clause, Reading
  titles        words written around a name
"""
