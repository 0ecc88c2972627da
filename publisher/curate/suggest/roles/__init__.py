"""Who acts on whom: the agent and the recipient of one relation cue, read from the clause.

English (subject-verb-object):

* active: the agent is the clause's subject, the nearest referent before the cue that no
  preposition governs (or a possessor: "Iran's help to Hezbollah"); the recipient is the first
  referent after the cue that is its object or is marked by to, for, with, alongside, of,
  between, against (from, for meetings and hosting: "a delegation from Hamas");
* passive ("was funded by", "is listed as a terrorist organisation by", a reversed cue of the
  lexicon) and support nouns with "from" ("with direct backing from Iran"): the agent is
  marked by "by" or "from", the recipient is the subject;
* a receiving verb ("Hamas received weapons from Iran", "faced criticism from") turns the cue
  around;
* a compound ("Iranian-backed", "Iranian-supplied weaponry"): the state in front is the agent;
* a transfer verb carries a noun cue: "Iran provided Hamas with funds", "supplied most of
  Hezbollah's arms": the verb's subject is the agent, its object (or the possessor of the
  thing given) the recipient;
* "help X (to) do": X is the recipient, the helper the agent.

Arabic (verb-subject-object, and subject-first):

* a verb followed by an actor with no preposition, then another: the first is the agent, the
  second the recipient ("تزود إيران الحوثيين"); a verbal noun followed by an actor, then one
  marked by لـ or إلى: the first is the agent ("دعم الحرس الثوري لميليشيات الحوثي"); with only
  one after it, an actor before the cue is the agent ("الولايات المتحدة تدرج حزب الله",
  "إيران مستمرة بدعم دول محور المقاومة");
* a first actor marked by لـ، إلى، مع، بـ، على after the cue is the recipient, and the agent is
  the actor before the cue or the clause's antecedent;
* an actor right before a noun cue is its subject ("سوريا الحليف الأول للحزب");
* reversed cues ("المدعومة من", "بدعم من") and receiving verbs ("تلقت ... من") turn it around.

Both: symmetric relations (meetings, relations, alliances) take both sides of "between X and
Y" or of "X and Y ..."; "an alliance between A, B and C" said of a collective makes each a
member of it. Relative clauses take their antecedent (and what it is coordinated with) as
subject ("Hamas, which is listed ... by", "قطر وتركيا ... اللتين دعمتا"). A role that is empty
here is left to the caller (the preceding clause, or no draft).

Modules:
  finding       the roles of one cue in its clause (find_roles): the entry point
  english       the English reading; passive: whether a cue is passive, and its subject
  arabic        the Arabic reading; arabic_nouns: a cue as verbal noun or verb
  referents     referents that can fill a role, groups, antecedents, distances
  coordination  subjects coordinated across relative clauses
  receiving     receiving verbs that turn a cue around
  markers       what marks a role and how far it may stand from its cue
  cue           the cue, the roles found, the classes of relation
"""
