"""Drafting the mapping of a document for a curator, and measuring the drafts.

Modules and packages, one job each:
  lexicon       the cue lexicon (data/lexicon/cues.yaml): read, check, match
  grammar/      the closed word classes of each language the drafter reads roles by
  reading/      one sentence read: tokens, referents, prepositions, coordination, clauses
  roles/        the agent and the recipient of one cue, from the clause's syntax
  timing        the time of a drafted claim
  wordorder     subject, object and source in one sentence
  drafting/     sentences with two known actors and a cue -> draft claims
  ids           short ids of drafts, and which draft a claim came from
  mapping_file  drafts appended to data/claims/<document>.yaml as text
  review        confirm / reject: the status lines of claims
  candidates    unknown names that look like actors, grouped
  evalset       the hand-annotated evaluation set, one split at a time
  evaluate/     precision and recall against the curated mapping
  workspace     what they need from the project, read once
"""
