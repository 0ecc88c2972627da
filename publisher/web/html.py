"""Jinja helpers that print RDF terms: links that stay on this server, labels, and the
language and direction of literals (Arabic text is marked lang="ar" dir="rtl")."""

from __future__ import annotations

import re

import pyoxigraph as ox
from flask import Flask, current_app, request
from markupsafe import Markup, escape

from publisher.rdf import namespaces

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
PLAIN = {namespaces.iri("xsd:string"), namespaces.iri("rdf:langString")}
RTL_LANGUAGES = ("ar", "fa", "he", "ur")


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        term=term,
        href=href,
        compact=compact,
        text=text,
        is_blank=lambda value: isinstance(value, ox.BlankNode),
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def href(iri: str) -> str:
    """Where a browser should go for `iri`: on this server when it is under the base.

    Only http(s) IRIs become links: a query can make any IRI (javascript:...), and its HTML
    results must not turn that into something a click runs.
    """
    base = current_app.config["BASE_IRI"]
    if iri.startswith(base):
        return request.script_root + "/" + iri[len(base) :]
    return iri if iri.lower().startswith(("http://", "https://")) else "#"


def compact(iri: str) -> str:
    """`prefix:name` for IRIs in a known namespace, else the IRI."""
    best, name = "", iri
    for prefix, namespace in namespaces.query_prefixes(current_app.config["BASE_IRI"]).items():
        if iri.startswith(namespace) and len(namespace) > len(best) and len(iri) > len(namespace):
            best, name = namespace, f"{prefix}:{iri[len(namespace) :]}"
    return name


def direction(value: str, language: str | None) -> Markup:
    """lang and dir attributes for a piece of text."""
    attributes = f' lang="{escape(language)}"' if language else ""
    if (language or "").split("-")[0] in RTL_LANGUAGES or (not language and ARABIC.search(value)):
        attributes += ' dir="rtl"'
    elif not language:
        attributes += ' dir="auto"'
    return Markup(attributes)


def text(literal: ox.Literal, tag: str = "span") -> Markup:
    """A literal's text in an element marked with its language and direction."""
    return Markup(
        f"<{tag}{direction(literal.value, literal.language)}>{escape(literal.value)}</{tag}>"
    )


def term(value: object, labels: dict[str, list[ox.Literal]] | None = None) -> Markup:
    """One RDF term as HTML: a labelled link, a blank node anchor or a literal."""
    if isinstance(value, ox.NamedNode):
        found = (labels or {}).get(value.value)
        shown = text(found[0]) if found else escape(compact(value.value))
        return Markup(
            f'<a href="{escape(href(value.value))}" title="{escape(value.value)}">{shown}</a>'
        )
    if isinstance(value, ox.BlankNode):
        return Markup(f'<a href="#b-{escape(value.value)}">_:{escape(value.value)}</a>')
    if isinstance(value, ox.Literal):
        shown = text(value)
        if value.datatype.value not in PLAIN:
            shown += Markup(
                f' <small class="datatype">{escape(compact(value.datatype.value))}</small>'
            )
        return shown
    if isinstance(value, ox.Triple):
        return Markup("&lt;&lt; {} {} {} &gt;&gt;").format(
            term(value.subject, labels), term(value.predicate, labels), term(value.object, labels)
        )
    return Markup("")
