"""The release files for download, and the VoID description at /.well-known/void."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, render_template, request
from flask.typing import ResponseReturnValue

from publisher.pages.description import blocks, labels
from publisher.rdf import formats, namespaces
from publisher.release.files import VOID
from publisher.release.reader import ReleaseChanged, ReleaseFile
from publisher.store.results import serialize_triples
from publisher.web import responses
from publisher.web.current import get_release, served

bp = Blueprint("downloads", __name__)

RDF_TYPE = ox.NamedNode(namespaces.iri("rdf:type"))
WELL_KNOWN_VOID = ".well-known/void"
MAX_AGE = 3600  # seconds a client may keep a file without asking again
CHANGED = (
    "This file of the release changed on disk after the server verified it, so it is not "
    "served: what is there now may not be what SHA256SUMS and the ETag promise. The operator "
    "has been told (the server's log); the other files and the data are still served."
)


@bp.route("/download/")
def listing() -> ResponseReturnValue:
    """Every release file with its size and sha256: HTML, JSON or RDF (DCAT)."""
    fmt = responses.choose(formats.LISTING_FORMATS)
    tag = responses.etag(fmt.key)
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    files = sorted(get_release().files.values(), key=lambda f: f.name)
    if fmt is formats.HTML:
        body: bytes | str = render_template("downloads.html", files=files, release=get_release())
    elif fmt is formats.PLAIN_JSON:
        body = json.dumps(
            {
                "release": get_release().manifest.get("release"),
                "files": [
                    {
                        "name": f.name,
                        "url": _url(f.name),
                        "size": f.size,
                        "sha256": f.sha256,
                        "mediaType": f.media_type,
                    }
                    for f in files
                ],
            },
            indent=2,
        )
    else:
        body = serialize_triples(
            _catalogue(files), fmt, namespaces.prefixes(current_app.config["BASE_IRI"])
        )
    response = current_app.response_class(body, content_type=fmt.content_type)
    return responses.finish(response, tag, negotiated=True)


@bp.route("/download/<name>")
def file(name: str) -> ResponseReturnValue:
    """One release file as it is (a .gz stays gzip: no Content-Encoding), with Range support;
    only while it is the file that was verified: 503 once it changed on disk, and a transfer
    cut short if it changes while it is sent (reader.Sent)."""
    release = get_release()
    found = release.files.get(name)
    if found is None:
        abort(
            404, description=f"The release has no file named {name!r}; see the list of downloads."
        )
    state, logger = served(), current_app.logger

    def refuse(changed: ReleaseChanged) -> None:
        state.refuse(changed, logger)

    response = current_app.response_class(mimetype=found.media_type, direct_passthrough=True)
    response.content_length = found.size
    response.headers.set("Content-Disposition", "inline", filename=name)
    response.last_modified = release.last_modified
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    response.expires = datetime.now(UTC) + timedelta(seconds=MAX_AGE)
    response.set_etag(found.sha256)
    response.make_conditional(request, accept_ranges=True, complete_length=found.size)
    if response.status_code not in (200, 206):
        return response  # 304 or 412: no body
    part = response.content_range if response.status_code == 206 else None
    try:
        if part is not None and part.start is not None and part.stop is not None:
            body = release.send(name, part.start, part.stop - part.start, refuse)
        else:
            body = release.send(name, on_change=refuse)
    except ReleaseChanged as changed:
        refuse(changed)
        abort(503, description=CHANGED)
    response.response = body
    return response


@bp.route("/.well-known/void")
def void() -> ResponseReturnValue:
    """The dataset's VoID description (void.ttl of the release, as verified), by content
    negotiation."""
    fmt = responses.choose(formats.DESCRIPTION_FORMATS)
    tag = responses.etag(fmt.key)
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    data = get_release().read(VOID)
    base = current_app.config["BASE_IRI"]
    if fmt is formats.TURTLE:
        body: bytes | str = data
    else:
        triples = list(ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=base))
        if fmt is formats.HTML:
            quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
            body = render_template(
                "triples.html",
                title="VoID description",
                iri=base + WELL_KNOWN_VOID,  # the base's, never the request's host
                blocks=blocks(quads).values(),
                labels=labels(quads),
                alternates=[],
            )
        else:
            body = serialize_triples(triples, fmt, namespaces.prefixes(base))
    response = current_app.response_class(body, content_type=fmt.content_type)
    return responses.finish(response, tag, negotiated=True)


def _url(name: str) -> str:
    base: str = current_app.config["BASE_IRI"]
    return base + "download/" + name


def _catalogue(files: Iterable[ReleaseFile]) -> list[ox.Triple]:
    """The files as dcat:Distribution with byte size, media type and checksum."""
    triples = []
    for f in files:
        node = ox.NamedNode(_url(f.name))
        triples += [
            ox.Triple(node, RDF_TYPE, ox.NamedNode(namespaces.iri("dcat:Distribution"))),
            ox.Triple(node, ox.NamedNode(namespaces.iri("dcat:downloadURL")), node),
            ox.Triple(
                node, ox.NamedNode(namespaces.iri("dcat:mediaType")), ox.Literal(f.media_type)
            ),
            ox.Triple(
                node,
                ox.NamedNode(namespaces.iri("dcat:byteSize")),
                ox.Literal(str(f.size), datatype=ox.NamedNode(namespaces.iri("xsd:integer"))),
            ),
        ]
        checksum = ox.NamedNode(_url(f.name) + "#sha256")
        triples += [
            ox.Triple(node, ox.NamedNode(namespaces.iri("spdx:checksum")), checksum),
            ox.Triple(checksum, RDF_TYPE, ox.NamedNode(namespaces.iri("spdx:Checksum"))),
            ox.Triple(
                checksum,
                ox.NamedNode(namespaces.iri("spdx:algorithm")),
                ox.NamedNode(namespaces.iri("spdx:checksumAlgorithm_sha256")),
            ),
            ox.Triple(
                checksum,
                ox.NamedNode(namespaces.iri("spdx:checksumValue")),
                ox.Literal(f.sha256, datatype=ox.NamedNode(namespaces.iri("xsd:hexBinary"))),
            ),
        ]
    return triples
