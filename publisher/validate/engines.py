"""The SHACL engines a validation can run on, by name (shacl.py runs them). A module of its own,
without imports, so that the command line can offer the names without loading rdflib."""

from __future__ import annotations

TURBO = "pyshacl-turbo"  # compiled, pySHACL's API: the build's engine
PYSHACL = "pyshacl"  # the reference: tests compare the two
ENGINES = (TURBO, PYSHACL)
DEFAULT_ENGINE = TURBO


def check_engine(engine: str) -> str:
    """`engine` if it is one of ENGINES, else a ValueError naming them."""
    if engine not in ENGINES:
        raise ValueError(f"unknown SHACL engine {engine!r}: give one of {', '.join(ENGINES)}")
    return engine
