"""The build in units, cached and run in parallel, so that it scales and a small change is fast.

A release is made of named graphs; most of them are one document's graph, which depends only
on that document, its metadata entry, its mapping file, the actors and events (names and the
gazetteer) and the ontology. Each document graph is built on its own, in worker processes, and
kept in a cache folder (HOME/.cache/build) under a digest of exactly those inputs and of the
software (keys.py); a build only rebuilds the documents whose digest changed.

Validation is split the same way (partition.py): pyshacl, the validator of record, runs on each
document graph together with the reference data and the ontology, with only that document's
nodes as targets, and its results are cached under a digest of everything the run saw. The
reference data with the ontology, and the release metadata, are units of their own. The union
of the units' results is what one pyshacl run over the whole graph reports: SHACL targets are
per node, and the only links between documents (conflicts, propositions) are in the reference
graph, which every unit sees. tests/test_incremental_build.py checks that equality.

The release files are assembled from the per-graph serialisations (assemble.py).

Modules: keys (input digests), cache (the folder), parts (one graph's serialisations),
documents (building one document graph), partition (validating a unit), pool (worker
processes), assemble (the release files).
"""
