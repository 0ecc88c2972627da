"""The files of a release: one table, read by the build, the writer, the reader, VoID and the
download pages."""

from __future__ import annotations

from publisher.rdf import formats
from publisher.rdf.formats import Format

SUMS = "SHA256SUMS"  # sha256 of every other file; its own digest is the release's ETag basis
MANIFEST = "release.json"
VOID = "void.ttl"
REPORT = "validation.ttl"  # the SHACL report
# RDF 1.2 TriG: the same quads, with each affirmed claim a reifier of its triple and Arabic
# text's direction (release/rdf12.py); the RDF 1.1 dumps are unchanged by it.
RDF12 = "dataset-rdf12.trig"
RDF12_SPEC = "https://www.w3.org/TR/rdf12-concepts/"
# The dataset in four syntaxes, and in RDF 1.2, in this order of names; each also gzipped.
DUMPS: dict[str, Format] = {
    "dataset.jsonld": formats.JSON_LD,
    "dataset.nq": formats.N_QUADS,
    "dataset.trig": formats.TRIG,
    "dataset.ttl": formats.TURTLE,
    RDF12: formats.TRIG,
}
METADATA: dict[str, Format] = {
    MANIFEST: formats.PLAIN_JSON,
    REPORT: formats.TURTLE,
    VOID: formats.TURTLE,
}
GZIP = "application/gzip"


def gzipped(name: str) -> str:
    """The name of the gzip copy of a dump."""
    return name + ".gz"


def dump_names() -> list[str]:
    """The dumps and their gzip copies, as VoID lists them."""
    return sorted(DUMPS) + [gzipped(name) for name in sorted(DUMPS)]


def media_type(name: str) -> str:
    """The media type of a release file itself (a .gz file is application/gzip, not its content)."""
    if name == SUMS:
        return formats.PLAIN_TEXT.media_type
    if name.endswith(".gz"):
        return GZIP
    known = DUMPS.get(name) or METADATA.get(name)
    return known.media_type if known else "application/octet-stream"


def content_type(name: str) -> str:
    """The media type of what a file holds (a .gz file: that of the file it compresses)."""
    return media_type(name[:-3] if name.endswith(".gz") else name)
