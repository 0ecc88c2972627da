"""`publisher add FILE --lang ar|en`: add a document (UTF-8 text or an HTML page) to the corpus."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publisher.commands._common import Subparsers, add_project_options


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "add",
        help="add a document (UTF-8 text or HTML) to data/ with its metadata and checksum",
        description=(
            "Copies FILE into HOME/data/documents/ and appends its metadata and sha256 to "
            "HOME/data/documents.yaml (comments and layout kept). An HTML page is reduced to its "
            "text (scripts, styles, navigation, header, footer and asides dropped) and kept as "
            "received in data/documents/originals/. Refuses a file already in the corpus (same "
            "checksum) and files that are not readable text. The next `publisher build` "
            "publishes it; `publisher suggest DOC` drafts its claims. Exit 2 on bad input."
        ),
    )
    add_project_options(parser, release=False)
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="the document: .txt (UTF-8) or .html"
    )
    parser.add_argument(
        "--lang", required=True, choices=["ar", "en"], help="the document's language"
    )
    parser.add_argument(
        "--title", help="title in the document's language (default: the page <title> or first line)"
    )
    parser.add_argument(
        "--title-en", help="English title (an Arabic document needs it, or --no-title-en)"
    )
    parser.add_argument(
        "--title-ar", help="Arabic title (an English document needs it, or --no-title-ar)"
    )
    parser.add_argument(
        "--no-title-en",
        "--no-title-ar",
        dest="missing_title",
        action="store_true",
        help="record the title in the other language as missing (`ar: null`): the build "
        "warns until it is added; no title is ever made up",
    )
    parser.add_argument("--url", help="where the document was found (an http(s) address)")
    parser.add_argument(
        "--kind",
        default="news-report",
        help="document kind: news-report, interview, opinion-piece, encyclopedia-article "
        "(default: %(default)s)",
    )
    parser.add_argument("--id", dest="ident", help="document id (default: from the English title)")
    parser.add_argument(
        "--added", help="the day the document entered the corpus, YYYY-MM-DD (default: today, UTC)"
    )
    parser.add_argument(
        "--format",
        default="auto",
        choices=["auto", "text", "html"],
        help="read FILE as plain text or HTML (default: by its name and content)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from publisher.curate.adding import add_document

    document = add_document(
        args.home,
        args.file,
        args.lang,
        title=args.title,
        title_en=args.title_en,
        title_ar=args.title_ar,
        url=args.url,
        kind=args.kind,
        ident=args.ident,
        added=args.added,
        fmt=args.format,
        missing_title=args.missing_title,
    )
    for warning in document.warnings:
        print(f"publisher add: warning: {warning}", file=sys.stderr)
    for lang, value in document.title.items():
        if value is None:
            print(
                f"publisher add: warning: no {lang} title; recorded as missing ({lang}: null) "
                "until you add it in data/documents.yaml",
                file=sys.stderr,
            )
    source = (
        " (text extracted from HTML; page kept as " + document.original + ")"
        if document.original
        else ""
    )
    print(f"added document {document.id}: data/{document.file}{source}")
    print(
        f"  sha256 {document.sha256}, {document.language}, {document.kind}, added {document.added}"
    )
    print(f"next: `publisher build`, then `publisher suggest {document.id}`")
    return 0
