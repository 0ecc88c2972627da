"""YAML that remembers where each mapping came from, so errors can name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from publisher.errors import InputError, Problem


class Located(dict[str, Any]):
    """A YAML mapping with the 1-based line of the mapping and of each of its keys."""

    path: Path
    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 6x faster, same marks


class _Loader(_SafeLoader):
    """SafeLoader whose mappings are `Located`; YAML 1.1 dates stay strings ("2006-12")."""

    source_path: Path


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.path = loader.source_path
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates and times are kept as the strings the curator wrote; the build parses them itself.
# (The stubs want a constructor whose first parameter is a loader; this one is SafeConstructor's.)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_str)  # type: ignore[type-var]


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; a syntax error becomes an InputError naming file and line."""
    return parse_yaml(read_yaml_text(path), path)


def read_yaml_text(path: Path) -> str:
    """A YAML file's text; one that cannot be read becomes an InputError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError([Problem(path, None, f"cannot read: {error}")]) from None


def parse_yaml(text: str, path: Path) -> Any:
    """Parse the text of the YAML file `path`; a syntax error becomes an InputError naming
    file and line."""
    loader = _Loader(text)
    loader.source_path = path
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise InputError([Problem(path, line, f"YAML syntax: {error.problem or error}")]) from None
    finally:
        loader.dispose()
