"""The inputs: documents, reference data and the curated mapping, read and checked."""
