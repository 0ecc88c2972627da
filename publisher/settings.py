"""Every setting, declared once as (name, default, help).

The CLI, the Flask app factory and the docs read this table; a test checks each setting is
documented. Environment variables `PUBLISHER_<NAME>` override defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | bool | float | None
    help: str


def _default_home() -> Path:
    """The project folder: the working directory if it holds data/, else the source checkout."""
    cwd = Path.cwd()
    if (cwd / "data" / "documents.yaml").exists():
        return cwd
    return Path(__file__).resolve().parent.parent


DEFAULT_BASE = "http://127.0.0.1:8080/"

SETTINGS: tuple[Setting, ...] = (
    Setting("HOME", None, "project folder holding data/, ontology/, shapes/ and queries/"),
    Setting("BASE_IRI", DEFAULT_BASE, "base IRI under which every IRI of the graph is minted"),
    Setting(
        "RELEASE_DIR",
        "release",
        "release folder (relative to HOME), a symlink to the current release",
    ),
    Setting(
        "STORE",
        "embedded",
        "'embedded' (pyoxigraph in process) or a remote SPARQL query endpoint URL",
    ),
    Setting(
        "EMBEDDED_STORE",
        "disk",
        "how the embedded store holds the release: 'disk' (a store folder under STATE_DIR, "
        "built once per release and opened read-only by every process, which share its pages) "
        "or 'memory' (each server process loads its own copy)",
    ),
    Setting(
        "PREPARE_STORE",
        True,
        "after `publisher build`, verify the new release and build its store folder (STATE_DIR) "
        "in a background process at the lowest priority, so that a server starts on it at once "
        "(only with STORE 'embedded' and EMBEDDED_STORE 'disk')",
    ),
    Setting(
        "UPDATE_ENDPOINT",
        None,
        "Graph Store / update endpoint of a remote store (derived from STORE when unset)",
    ),
    Setting(
        "SHACL_ENGINE",
        "pyshacl-turbo",
        "SHACL engine of `publisher build` and `publisher validate`: 'pyshacl-turbo' (compiled, "
        "the default) or 'pyshacl' (the reference; the same results, ten times slower or more)",
    ),
    Setting("QUERY_TIMEOUT", 30.0, "seconds a SPARQL query may run before it is stopped (503)"),
    Setting("ROW_CAP", 10000, "most rows a SELECT result returns; a cut result is flagged"),
    Setting(
        "ANSWER_BYTES",
        16 * 1024 * 1024,
        "most bytes of a query's answer (as SPARQL TSV or N-Triples); a cut answer is flagged, "
        "a first row alone over it is refused (400)",
    ),
    Setting("MAX_QUERY_LENGTH", 100_000, "longest SPARQL query text accepted, in characters"),
    Setting("PAGE_SIZE", 50, "items per page in long lists of a description"),
    Setting(
        "RENDER_CACHE_MB",
        64,
        "MB per server process for descriptions rendered once per release and served again (0: none)",
    ),
    Setting("STORE_TIMEOUT", 10.0, "seconds to wait for a remote store before answering 504"),
    Setting(
        "QUERY_WORKERS",
        4,
        "query worker processes per server process (embedded store); 0 runs queries in process, without a hard time limit",
    ),
    Setting(
        "QUERY_BUDGET",
        60.0,
        "seconds of query time each client may use per minute (more: 429 with Retry-After); 0: no budget",
    ),
    Setting("QUERY_CONCURRENT", 5, "queries one client may run at once (more: 429)"),
    Setting(
        "QUERY_SLOTS",
        4,
        "queries running at once per server process; past them a query waits QUERY_SLOT_WAIT, "
        "then 503, so that pages and downloads never wait behind queries",
    ),
    Setting("QUERY_SLOT_WAIT", 1.0, "seconds a query waits for a free query slot"),
    Setting(
        "TRUSTED_PROXIES",
        0,
        "reverse proxies in front of the server whose X-Forwarded-For names the client (for "
        "the per-client budget); never trusted for the host",
    ),
    Setting(
        "ASSETS_DIR",
        "web-assets",
        "folder (relative to HOME) where `npm ci` installed the scripts of the pages (the query "
        "page's editor); a relative folder HOME lacks is looked for in the source checkout",
    ),
    Setting(
        "STATE_DIR",
        ".cache/server",
        "folder (relative to HOME) for the query accounting shared by the server's processes",
    ),
    Setting(
        "QUERY_SANDBOX",
        True,
        "forbid the query worker processes the network with a seccomp filter (turn off only on "
        "a kernel without seccomp; the workers' descriptor limit then stands alone)",
    ),
    Setting(
        "QUERY_MEMORY",
        1024,
        "MB of memory of its own a query worker may use; a query needing more is stopped (503)",
    ),
    Setting(
        "MAX_QUERY_DEPTH",
        64,
        "deepest nesting of groups and brackets in a query (deeper: 400 too complex)",
    ),
    Setting(
        "MAX_QUERY_NODES",
        1000,
        "most operators and patterns in a query, VALUES data aside (more: 400 too complex)",
    ),
    Setting("MAX_PARAMETERS", 100, "most name=value pairs in a URL or a form body (more: 400)"),
    Setting("MAX_PATH_LENGTH", 2048, "longest request path, in bytes (longer: 414)"),
    Setting("MAX_HEADER_BYTES", 16384, "largest total size of the request headers (larger: 431)"),
)


def flag(value: object) -> bool:
    """An on/off setting, from Python or from the environment ("0", "false", "off", "no")."""
    if isinstance(value, str):
        return value.strip().lower() not in ("0", "false", "off", "no", "")
    return bool(value)


def defaults() -> dict[str, object]:
    """The default configuration mapping, with environment overrides applied."""
    config: dict[str, object] = {}
    for setting in SETTINGS:
        value = os.environ.get(f"PUBLISHER_{setting.name}", setting.default)
        if isinstance(setting.default, bool):
            value = flag(value)  # bool("0") is True: an on/off setting is read from its word
        elif (
            value is not None
            and setting.default is not None
            and not isinstance(value, type(setting.default))
        ):
            value = type(setting.default)(value)
        config[setting.name] = value
    if config["HOME"] is None:
        config["HOME"] = str(_default_home())
    return config
