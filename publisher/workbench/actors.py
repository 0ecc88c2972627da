"""A name selected in a document made an actor, or another spelling of a known one
(`publisher actor add` and `publisher actor alias`)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request

from publisher.curate.actors_file import NewActor, add_actor, add_alias
from publisher.curate.claim_fields import refuse
from publisher.workbench.answers import answer, home

bp = Blueprint("actors", __name__)
PARENTS = ("part_of", "government_of", "armed_wing_of", "unit_of")


@bp.post("/actors")
def add() -> tuple[Response, int]:
    form = request.form

    def work() -> dict[str, Any]:
        ident = form.get("id", "").strip()
        if form.get("mode") == "alias":
            name = form.get("name", "").strip()
            language = form.get("language", "")
            if not name or language not in ("en", "ar"):
                raise refuse({"name": "give the spelling and its language"})
            add_alias(home(), ident, language, name)
            return {"actor": ident, "alias": name}
        parent = form.get("parent", "").strip()
        relation = form.get("parent_relation", "part_of")
        if relation not in PARENTS:
            raise refuse({"parent": f"{relation!r} is not one of {', '.join(PARENTS)}"})
        actor = NewActor(
            ident,
            form.get("type", "").strip(),
            form.get("en", "").strip() or None,
            form.get("ar", "").strip() or None,
            ((relation, parent),) if parent else (),
        )
        add_actor(home(), actor)
        return {"actor": ident}

    return answer(work)
