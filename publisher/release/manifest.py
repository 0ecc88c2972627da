"""release.json: what a release is (id, base, time, software) and holds (triples per graph,
documents, claims), for people and for `publisher stats`."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from publisher import __version__
from publisher.errors import ReleaseError
from publisher.release.files import MANIFEST


def manifest(
    release: str,
    release_id: str,
    base: str,
    generated: datetime,
    counts: dict[str, int],
    documents: int,
    claims: int,
) -> bytes:
    """The bytes of release.json."""
    data = {
        "release": release,
        "id": release_id,
        "base": base,
        "generated": generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "software": f"publisher {__version__}",
        "triples": sum(counts.values()),
        "graphs": dict(sorted(counts.items())),
        "documents": documents,
        "claims": claims,
    }
    return json.dumps(data, indent=2, ensure_ascii=False).encode() + b"\n"


def read_manifest(folder: Path) -> dict[str, Any]:
    """release.json of a release folder."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ReleaseError(
            f"{folder} is not a release: release.json unreadable ({error})"
        ) from None
    if not isinstance(manifest, dict):
        raise ReleaseError(f"{folder}/release.json is not a JSON object")
    return manifest
