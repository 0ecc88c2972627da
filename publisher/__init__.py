"""Publishes an evidence-anchored RDF knowledge graph of state support for armed groups."""

__version__ = "0.1.0"
