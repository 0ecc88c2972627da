"""The documents: their review state, newest first, and adding one (`publisher add`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.utils import secure_filename
from werkzeug.wrappers import Response

from publisher.curate.adding import add_document
from publisher.curate.review_state import review_states
from publisher.errors import InputError
from publisher.workbench.answers import home

bp = Blueprint("documents", __name__)
KINDS = ("news-report", "interview", "opinion-piece", "encyclopedia-article")


@bp.get("/")
def listing() -> str:
    return render_template("documents.html", states=review_states(home()), kinds=KINDS, form={})


@bp.post("/documents")
def add() -> Response | tuple[str, int]:
    form = request.form
    upload = request.files.get("file")
    pasted = form.get("text", "")
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="workbench-add-") as folder:
        if upload is not None and upload.filename:
            name = secure_filename(upload.filename) or "document.txt"
            path = Path(folder) / name
            upload.save(path)
            fmt = "auto"
        elif pasted.strip():
            path = Path(folder) / "pasted.txt"
            # Browsers send CRLF line ends from a textarea; the document is the text as typed.
            path.write_bytes(pasted.replace("\r\n", "\n").encode("utf-8"))
            fmt = "text"
        else:
            problems.append("give the document: upload a file or paste its text")
            path, fmt = Path(folder), "text"
        if not problems:
            try:
                added = add_document(
                    home(),
                    path,
                    form.get("lang", ""),
                    title=form.get("title") or None,
                    title_en=form.get("title_en") or None,
                    title_ar=form.get("title_ar") or None,
                    url=form.get("url") or None,
                    kind=form.get("kind") or "news-report",
                    ident=form.get("id") or None,
                    added=form.get("added") or None,
                    fmt=fmt,
                    missing_title=bool(form.get("missing_title")),
                )
                return redirect(url_for("claims.page", document_id=added.id))
            except InputError as error:
                problems += [p.message + (f" ({p.hint})" if p.hint else "") for p in error.problems]
    page = render_template(
        "documents.html", states=review_states(home()), kinds=KINDS, form=form, problems=problems
    )
    return page, 400
