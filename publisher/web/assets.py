"""What the pages run in the browser, served by this server itself, never by a CDN.

The query page's editor is YASQE, the SPARQL editor of YASGUI (@zazuko/yasqe, MIT), installed
by `npm ci` in HOME/web-assets (`make assets`, which `make run` runs) and served from that
folder's node_modules as it was installed: nothing of it is copied into the repository. When it
is not installed the query page is the plain form, and says how to install it.

Every asset is linked with its digest (`?v=`), so that a browser may keep it for a year without
asking again; the project's own script and styles in static/ are linked the same way.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, request, send_file, url_for

from publisher.web import responses

bp = Blueprint("assets", __name__)

# name served -> path under web-assets/node_modules
ASSETS = {
    "yasqe.min.js": "@zazuko/yasqe/build/yasqe.min.js",
    "yasqe.min.js.map": "@zazuko/yasqe/build/yasqe.min.js.map",
    "yasqe.min.css": "@zazuko/yasqe/build/yasqe.min.css",
}
TYPES = {".js": "text/javascript", ".css": "text/css", ".map": "application/json"}
INSTALL_HINT = "make assets (npm ci in web-assets/)"


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(asset_url=asset_url, static_url=static_url)
    app.after_request(_keep_versioned_static)


CHECKOUT = Path(__file__).resolve().parents[2]


def folder() -> Path:
    """node_modules of ASSETS_DIR: HOME's web-assets/, else the source checkout's (a project
    folder made for one deployment or a test need not install its own)."""
    configured = Path(str(current_app.config.get("ASSETS_DIR") or "web-assets"))
    if configured.is_absolute():
        return configured / "node_modules"
    here = Path(current_app.config["HOME"]).resolve() / configured / "node_modules"
    if here.is_dir():
        return here
    return CHECKOUT / configured / "node_modules"


def available() -> bool:
    """Whether the editor's files are installed."""
    return all(_path(name) is not None for name in ("yasqe.min.js", "yasqe.min.css"))


def asset_url(name: str) -> str | None:
    """The URL of an installed asset with its digest, None when it is not installed."""
    path = _path(name)
    if path is None:
        return None
    return url_for("assets.file", name=name, v=_digest(str(path), _stamp(path)))


def static_url(filename: str) -> str:
    """The URL of a file of static/ with its digest."""
    root = current_app.static_folder
    path = Path(root or "") / filename
    version = _digest(str(path), _stamp(path)) if path.is_file() else None
    return url_for("static", filename=filename, v=version)


@bp.route("/assets/<name>")
def file(name: str) -> Response:
    path = _path(name) if name in ASSETS else None
    if path is None:
        abort(404, description=f"No asset named {name!r} is installed here ({INSTALL_HINT}).")
    response = send_file(
        path, mimetype=TYPES.get(path.suffix, "application/octet-stream"), conditional=True
    )
    if request.args.get("v") == _digest(str(path), _stamp(path)):
        responses.keep(response, responses.IMMUTABLE_MAX_AGE)
    else:
        responses.keep(response)
    return response


def _path(name: str) -> Path | None:
    relative = ASSETS.get(name)
    if relative is None:
        return None
    path = folder() / relative
    return path if path.is_file() else None


def _stamp(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=64)
def _digest(path: str, stamp: tuple[int, int]) -> str:
    """The first 16 hex digits of the file's SHA-256 (recomputed when it changes on disk)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()[:16]


def _keep_versioned_static(response: Response) -> Response:
    """A static file asked for with its current digest may be kept for a year."""
    if request.endpoint == "static" and response.status_code in (200, 304):
        root = Path(current_app.static_folder or "")
        path = root / (request.view_args or {}).get("filename", "")
        if path.is_file() and request.args.get("v") == _digest(str(path), _stamp(path)):
            responses.keep(response, responses.IMMUTABLE_MAX_AGE)
        else:
            responses.keep(response)
    return response
