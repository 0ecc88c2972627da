"""Drafting the mapping of a document for a curator, and measuring the drafts.

Modules, one job each:
  lexicon       the cue lexicon (data/lexicon/cues.yaml): read, check, match
  wordorder     subject, object and source in one sentence
  drafting      sentences with two known actors and a cue -> draft claims
  mapping_file  drafts appended to data/claims/<document>.yaml as text
  review        confirm / reject: the status lines of claims
  candidates    unknown names that look like actors, grouped
  evaluate      precision and recall against the curated mapping
  workspace     what they need from the project, read once
"""
