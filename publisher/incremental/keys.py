"""Digests of what each unit of the build is made from: same digest, same result.

A key covers the inputs of a unit and the software that turns them into RDF, so that a cached
result is never used after the code, a library or an input it came from has changed.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# The steps of the build, in the order data flows (README: Layout). Changing any of them
# changes every key; the web layer and the commands do not take part in building.
BUILD_CODE = ("corpus", "textlayer", "graph", "incremental", "build.py", "iris.py",
              "serialize.py", "sources.py", "validation.py")
LIBRARIES = ("rdflib", "pyshacl", "pyoxigraph", "PyYAML")


def digest(*parts: bytes | str) -> str:
    """The sha256 of the parts, each length-prefixed so that parts never run together."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@lru_cache(maxsize=1)
def software() -> str:
    """The build code and the versions of the libraries it relies on."""
    parts: list[bytes | str] = []
    for name in BUILD_CODE:
        path = PACKAGE / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            parts += [str(file.relative_to(PACKAGE)), file.read_bytes()]
    for library in LIBRARIES:
        try:
            parts.append(f"{library} {metadata.version(library)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{library} absent")
    return digest(*parts)


def files(paths: list[Path], root: Path) -> str:
    """The names (relative to `root`) and contents of some files."""
    parts: list[bytes | str] = []
    for path in paths:
        parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)
