"""A document and its claims: the page, drafting, accept / correct / reject, a new claim from
a selection, and the build's check of the document."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request

from publisher.curate.checking import check_document
from publisher.curate.claim_edits import correct_claim, decide, new_claim
from publisher.curate.claim_fields import read_form
from publisher.curate.document_view import document_view
from publisher.curate.drafts import suggest_document
from publisher.workbench.answers import answer, base, home

bp = Blueprint("claims", __name__, url_prefix="/document")


@bp.get("/<document_id>")
def page(document_id: str) -> str:
    view = document_view(home(), document_id)
    statuses = {claim.id: claim.status for claim in view.claims}
    return render_template("document.html", view=view, statuses=statuses)


@bp.post("/<document_id>/draft")
def draft(document_id: str) -> tuple[Response, int]:
    def work() -> dict[str, Any]:
        written = suggest_document(home(), document_id).written
        return {
            "added": [ident for ident, _ in written.added],
            "updated": [ident for ident, _ in written.updated],
            "removed": written.removed,
        }

    return answer(work)


@bp.post("/<document_id>/claims/<claim_id>")
def review(document_id: str, claim_id: str) -> tuple[Response, int]:
    action = request.form.get("action", "")

    def work() -> dict[str, Any]:
        if action == "reject":
            decide(home(), document_id, claim_id, "rejected")
            return {"claim": claim_id, "status": "rejected", "changed": []}
        if action not in ("accept", "save"):
            return {"claim": claim_id, "changed": [], "ignored": action}
        values = read_form(request.form)
        edited = correct_claim(home(), document_id, claim_id, values, accept=action == "accept")
        status = "confirmed" if action == "accept" else None
        return {"claim": claim_id, "status": status, "changed": edited.changed}

    return answer(work)


@bp.post("/<document_id>/claims")
def create(document_id: str) -> tuple[Response, int]:
    def work() -> dict[str, Any]:
        values = read_form(request.form)
        form = request.form
        edited = new_claim(home(), document_id, form.get("start", ""), form.get("end", ""), values)
        return {"claim": edited.claim, "status": "confirmed"}

    return answer(work)


@bp.post("/<document_id>/check")
def check(document_id: str) -> tuple[Response, int]:
    def work() -> dict[str, Any]:
        found = check_document(home(), base(), document_id)
        return {
            "findings": found.findings,
            "general": found.general,
            "shapes": found.shapes_checked,
            "clean": found.clean,
        }

    return answer(work)
