"""The build's keys cover the code that makes its output: every module the build imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from publisher.build import keys


def test_every_module_the_build_loads_is_in_its_keys() -> None:
    # What a fresh interpreter has loaded of the package once the build's entry is imported.
    code = (
        "import json, sys\n"
        f"import {keys.ENTRY}\n"
        "print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items()\n"
        "    if n.split('.')[0] == 'publisher' and getattr(m, '__file__', None))))\n"
    )
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True))
    found = {str(path) for path in keys.build_modules()}
    assert loaded
    assert set(loaded) <= found, sorted(set(loaded) - found)


def _package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_every_form_of_import_is_followed(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "entry.py": (
                '"""The entry."""\n'
                "from __future__ import annotations\n"
                "import os, pkg.plain as p\n"
                "from . import sibling\n"
                "from .sub import (\n"
                "    deep,  # why\n"
                "    other as renamed,\n"
                ")\n"
                "from pkg.sub.deep import thing\n"
                "from pkg.continued import a, \\\n"
                "    b\n"
                "def later():\n"
                "    from .lazy import x\n"
                "    return x\n"
            ),
            "plain.py": "",
            "sibling.py": "from .sub.other import y\n",
            "sub/__init__.py": "",
            "sub/deep.py": "from ..up import z\n",
            "sub/other.py": "",
            "continued/__init__.py": "",
            "continued/b.py": "",
            "up.py": "",
            "lazy.py": "",
            "unused.py": "",
            "sub/unused.py": "",
        },
    )
    found = {p.relative_to(package).as_posix() for p in keys.build_modules(package, "pkg.entry")}
    assert found == {
        "__init__.py",
        "entry.py",
        "plain.py",
        "sibling.py",
        "sub/__init__.py",
        "sub/deep.py",
        "sub/other.py",
        "continued/__init__.py",
        "continued/b.py",
        "up.py",
        "lazy.py",
    }
