"""Turning the checked corpus and its text layer into RDF, one named graph per document."""
