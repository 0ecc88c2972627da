"""Drafting claims: each clause with a relation cue becomes a candidate claim whose roles are
read from the clause's syntax, for a curator to confirm or reject.

For each sentence (outside boilerplate), in text order:

1. read it (reading/): words, referents, prepositions, coordination, clauses;
2. find its cues (the lexicon), merged where they make one relation ("pledged new funding" is a
   pledge of financial aid) or split where a support noun names several kinds ("الدعم السياسي
   والمادي");
3. find who states what (attribution: "according to", "X said", "قال X لوكالة Y", "وفقا لـ"),
   who denies it ("X denied", "نفى X", "rejected the claims"), and hedges;
4. for each cue, its agent and recipient (roles/); a pronoun or description ("it", "the
   group", "الحركة", a dropped subject) takes the actor of the preceding clause when that is
   unambiguous, and the draft says so in its note; otherwise the draft names the gap;
5. never a claim between an actor and its own part (a state and its government, ministry,
   armed wing, unit; a person and the body they hold a position in);
6. fields: amount (per recipient), counts, time (timing.py), place, where a transfer came from,
   went through and went to, polarity, hedge, attribution chain, and the evidence: the
   shortest span from the first to the last word the claim rests on, its denial or hedge
   included;
7. a confidence from how the roles were found (calibrated on the dev half of the evaluation
   set; docs/suggest.md).

Modules (the drafter is one class, Drafter, made of one part per step):
  drafter           Drafter and draft_claims: a document sentence by sentence
  cues              step 2: the cues, merged and split
  attribution       step 3: who states and who denies what
  resolution        step 4: pronouns and descriptions resolved from earlier clauses
  role_drafts       steps 4-5: the drafts of one cue, from its roles
  omitted_subjects  subjects not written out
  meetings          meetings with a delegation's members
  headings          the recipient a title or heading names
  implied           membership, inclusion and thanks beside the cues
  fields            step 6: a draft's fields and evidence
  remembering       what a sentence leaves for the next
  drafter_base      what the parts share
  draft             Draft, what the drafter hands on
  context           attribution frames, topics, the memory of earlier sentences
  relation_kinds    the classes of relation the rules tell apart
"""
