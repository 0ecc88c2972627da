"""How good are the drafts? Precision, recall and per-field accuracy against claims written by
hand.

Two measurements, never mixed:

* the evaluation set (evaluation/drafting/, `--split dev|test`): 14 articles that are not in
  data/, annotated by hand before the drafter ever ran on them. The actors and places an
  article's annotation lists (`actors:`, `places:`) are added to the reference data first, as
  a curator would before drafting; how many of them `publisher candidates` finds unaided is
  reported beside. The drafter is developed on `dev`; `test` is for the report only.
* the five corpus documents against their curated mapping. The cue lexicon and the drafting
  rules were written knowing these documents, so this is a development check, not a
  measurement of how the drafter does on new text.

A draft is correct when its subject, relation type and object equal those of a claim and its
evidence overlaps the claim's quote; each claim matches at most one draft and each draft at
most one claim (a maximum matching). Precision = correct / drafted (drafts that name a gap
count as drafted, and are never correct), recall = correct / claims. Per-field accuracy is
over the correct drafts: amount (value, min, max, currency), time (the instant, or an
interval's bounds; absent = absent), place, polarity, hedged, attribution (the set of agents;
also over the correct drafts whose claim has one, the issue's measure).

Modules:
  running  the drafter run over a half of the evaluation set or over the corpus documents
  scoring  drafts matched to claims, fields compared, the tally
  report   the tables, scores.json and the marked blocks of docs/suggest.md
"""
