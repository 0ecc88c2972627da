"""The pickers' answers: actors, places or relation types whose names match, as JSON."""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, Response, abort, jsonify, request

from publisher.curate.picking import KINDS, pick, relation_choices
from publisher.curate.suggest.workspace import Workspace
from publisher.workbench.answers import home

bp = Blueprint("picks", __name__)


@bp.get("/pick/<kind>")
def choices(kind: str) -> Response:
    if kind not in KINDS:
        abort(404)
    workspace = Workspace.open(home())
    relations = relation_choices(home() / "ontology", workspace.vocabulary)
    found = pick(workspace.corpus, relations, kind, request.args.get("q", ""))
    return jsonify([asdict(choice) for choice in found])
