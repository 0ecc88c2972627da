"""How the workbench answers a write: JSON for its scripts, the problems named by field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Response, current_app, jsonify

from publisher.curate.claim_fields import FieldErrors
from publisher.errors import InputError, PublisherError


def home() -> Path:
    path: Path = current_app.config["HOME"]
    return path


def base() -> str:
    return str(current_app.config["BASE_IRI"])


def _problem(problem: object) -> str:
    # Paths relative to the project, so messages read as the CLI's do.
    return str(problem).replace(str(home()) + "/", "")


def answer(work: Callable[[], dict[str, Any]]) -> tuple[Response, int]:
    """Run a write; 200 with its result, or 400 with what was wrong (nothing was written)."""
    try:
        return jsonify(ok=True, **work()), 200
    except FieldErrors as error:
        return jsonify(ok=False, errors=error.fields, problems=[]), 400
    except InputError as error:
        return jsonify(ok=False, errors={}, problems=[_problem(p) for p in error.problems]), 400
    except PublisherError as error:
        return jsonify(ok=False, errors={}, problems=[_problem(error)]), 400
