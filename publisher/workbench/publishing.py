"""Publishing from the workbench: the real build, and the new release it made."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response

from publisher.curate.checking import publish
from publisher.workbench.answers import answer, base, home

bp = Blueprint("publishing", __name__)


@bp.post("/publish")
def release() -> tuple[Response, int]:
    def work() -> dict[str, Any]:
        published = publish(home(), base())
        return {
            "release": published.id,
            "triples": published.triples,
            "documents": published.documents,
            "claims": published.claims,
            "folder": str(published.folder.relative_to(home())),
        }

    return answer(work)
