"""The pickers' answers: actors, places, relation types, events, propositions or quantity kinds
whose names match, as JSON."""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, Response, abort, jsonify, request

from publisher.curate.picking import CONCEPTS, KINDS, concept_choices, pick
from publisher.curate.suggest.workspace import Workspace
from publisher.workbench.answers import home

bp = Blueprint("picks", __name__)


@bp.get("/pick/<kind>")
def choices(kind: str) -> Response:
    if kind not in KINDS:
        abort(404)
    workspace = Workspace.open(home())
    concepts = (
        concept_choices(home() / "ontology", workspace.vocabulary, kind) if kind in CONCEPTS else []
    )
    found = pick(workspace.corpus, concepts, kind, request.args.get("q", ""))
    return jsonify([asdict(choice) for choice in found])
