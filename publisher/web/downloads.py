"""The release files for download, and the VoID description at /.well-known/void."""

from __future__ import annotations

import json

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, render_template, request, send_file

from publisher.pages.description import blocks, labels
from publisher.rdf import formats, namespaces
from publisher.store.results import serialize_triples
from publisher.web import responses
from publisher.web.current import get_release

bp = Blueprint("downloads", __name__)

RDF_TYPE = ox.NamedNode(namespaces.iri("rdf:type"))


@bp.route("/download/")
def listing():
    """Every release file with its size and sha256: HTML, JSON or RDF (DCAT)."""
    fmt = responses.choose(formats.LISTING_FORMATS)
    tag = responses.etag(fmt.key)
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    files = sorted(get_release().files.values(), key=lambda f: f.name)
    if fmt is formats.HTML:
        body = render_template("downloads.html", files=files, release=get_release())
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
def file(name: str):
    """One release file as it is (a .gz stays gzip: no Content-Encoding), with Range support."""
    found = get_release().files.get(name)
    if found is None or found.path.is_symlink() or found.path.parent != get_release().folder:
        # Only the release's own files: never a link out of it, whatever SHA256SUMS lists.
        abort(
            404, description=f"The release has no file named {name!r}; see the list of downloads."
        )
    response = send_file(
        found.path,
        mimetype=found.media_type,
        etag=found.sha256,
        conditional=True,
        last_modified=get_release().last_modified,
        max_age=3600,
    )
    response.headers.pop("Content-Encoding", None)
    return response


@bp.route("/.well-known/void")
def void():
    """The dataset's VoID description (void.ttl of the release), by content negotiation."""
    fmt = responses.choose(formats.DESCRIPTION_FORMATS)
    tag = responses.etag(fmt.key)
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    path = get_release().path("void.ttl")
    if fmt is formats.TURTLE:
        body = path.read_bytes()
    else:
        base = current_app.config["BASE_IRI"]
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=base))
        if fmt is formats.HTML:
            quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
            body = render_template(
                "triples.html",
                title="VoID description",
                iri=request.url,
                blocks=blocks(quads).values(),
                labels=labels(quads),
                alternates=[],
            )
        else:
            body = serialize_triples(triples, fmt, namespaces.prefixes(base))
    response = current_app.response_class(body, content_type=fmt.content_type)
    return responses.finish(response, tag, negotiated=True)


def _url(name: str) -> str:
    return current_app.config["BASE_IRI"] + "download/" + name


def _catalogue(files) -> list[ox.Triple]:
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
