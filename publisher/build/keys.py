"""Digests of what each unit of the build is made from: same digest, same result.

A key covers the inputs of a unit and the software that turns them into RDF, so that a cached
result is never used after the code, a library or an input it came from has changed.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
ENTRY = "publisher.build.pipeline"  # the build; what it imports, directly or not, shapes its output
LIBRARIES = ("rdflib", "pyshacl", "pyshacl-turbo", "pyoxigraph", "PyYAML")


def digest(*parts: bytes | str) -> str:
    """The sha256 of the parts, each length-prefixed so that parts never run together."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


# An import statement at the start of a line: "import a.b, c as d" or "from .x import (y, z)".
# Read with a pattern rather than by parsing each module (a tenth of the time, and the build
# pays it on every run): a line of a string that looks like an import can only add a module
# to the keys, never leave one out.
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<dots>\.*)(?P<module>[\w.]*)[ \t]+import[ \t]+"
    r"(?P<names>\([^)]*\)|(?:[^\n\\]|\\\n)*)|import[ \t]+(?P<plain>(?:[^\n\\]|\\\n)*))",
    re.M,
)


def _imported_names(listing: str) -> list[str]:
    """The names of "a as b, c" or "(a,\n b,  # why\n)", aliases and comments left out."""
    listing = re.sub(r"#[^\n]*", "", listing).replace("\\\n", " ").strip("() \n")
    return [item.split()[0] for item in listing.split(",") if item.strip()]


def build_modules(package: Path = PACKAGE, entry: str = ENTRY) -> list[Path]:
    """The files of every module of `package` that `entry` imports, directly or not, with the
    packages they are in: the code that shapes the build's output, found by reading imports,
    so that no module can be left out of the keys by forgetting to list it."""
    name = package.name
    seen: dict[str, Path] = {}
    todo = [entry]
    while todo:
        module = todo.pop()
        path = _module_file(package, module)
        if path is None or module in seen:
            continue
        seen[module] = path
        parts = module.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]  # the packages it is in
        own_package = module if path.name == "__init__.py" else ".".join(parts[:-1])
        for statement in _IMPORT.finditer(path.read_text(encoding="utf-8")):
            if statement["plain"] is not None:
                todo += [n for n in _imported_names(statement["plain"]) if n.startswith(name)]
                continue
            level = len(statement["dots"])
            if level:
                anchor = own_package.rsplit(".", level - 1)[0] if level > 1 else own_package
                origin = f"{anchor}.{statement['module']}" if statement["module"] else anchor
            else:
                origin = statement["module"]
            if origin.split(".")[0] == name:
                todo.append(origin)
                todo += [f"{origin}.{alias}" for alias in _imported_names(statement["names"])]
    return sorted(seen.values())


def _module_file(package: Path, module: str) -> Path | None:
    relative = Path(*module.split(".")[1:])
    for candidate in (package / relative / "__init__.py", (package / relative).with_suffix(".py")):
        if module.split(".", maxsplit=1)[0] == package.name and candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def software() -> str:
    """The build code and the versions of the libraries it relies on."""
    parts: list[bytes | str] = []
    for file in build_modules():
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
