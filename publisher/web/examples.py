"""The example queries of the query page: HOME/queries/*.rq, each opening with `# key: value`
comment lines (`# title: ...`, `# title@ar: ...`, `#defaultView:Timeline`); other opening
comments describe it.

The files are written once, for any base: they declare no prefix the endpoint predeclares
(`sup:`, `actor:`, `claim:`, `rdfs:`..., publisher/rdf/namespaces.py `query_prefixes`) and name
the dataset's things by those prefixes, never by a full IRI of one host. `render` writes them
out under the base being served, with the PREFIX lines they need, so that the text shown and
run on the query page works as it is in any SPARQL client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from publisher.rdf import namespaces
from publisher.store.errors import QueryError
from publisher.store.sparql.lexer import IRI, PNAME, WORD, tokens

HEADER = re.compile(r"#\s*([\w@-]+)\s*:\s*(.*)")
# The Wikidata Query Service's way of choosing how results are shown: `#defaultView:Timeline`.
VIEW = re.compile(r"^\s*#\s*defaultView\s*:\s*([A-Za-z]+)", re.MULTILINE | re.IGNORECASE)
VIEWS = ("Table", "Timeline", "BarChart", "Graph")


@dataclass
class Example:
    name: str
    title: str
    query: str  # rendered under the served base
    titles: dict[str, str] = field(default_factory=dict)  # other languages: {"ar": "..."}
    notes: list[str] = field(default_factory=list)
    view: str | None = None  # from #defaultView


def read_examples(folder: Path, base: str) -> list[Example]:
    """The examples in `folder`, sorted by file name, rendered under `base`; none when the
    folder is missing or empty."""
    if not folder.is_dir():
        return []
    return [_read(path, base) for path in sorted(folder.glob("*.rq"))]


def render(text: str, base: str) -> str:
    """`text` with PREFIX lines for the predeclared prefixes it uses and does not declare,
    under `base`, after its opening comments. A text the tokenizer cannot read is returned as
    it is (the endpoint will say what is wrong with it)."""
    try:
        found = list(tokens(text))
    except QueryError:
        return text
    declared = {
        found[n + 1].prefix
        for n, token in enumerate(found[:-1])
        if token.kind == WORD and token.text == "PREFIX" and found[n + 1].kind == PNAME
    }
    used = {t.prefix for t in found if t.kind == PNAME} - declared
    table = namespaces.query_prefixes(base)
    lines = [f"PREFIX {name}: <{iri}>\n" for name, iri in table.items() if name in used]
    if not lines:
        return text
    kept = text.splitlines(keepends=True)
    opening = 0
    while opening < len(kept) and kept[opening].lstrip().startswith("#"):
        opening += 1
    return "".join(kept[:opening]) + "".join(lines) + "".join(kept[opening:])


def default_view(text: str) -> str | None:
    """The view a `#defaultView:Name` comment asks for (one of VIEWS, in their spelling)."""
    match = VIEW.search(text)
    if match is None:
        return None
    wanted = match.group(1).lower()
    return next((v for v in VIEWS if v.lower() == wanted), None)


def full_iris(text: str, base: str) -> list[str]:
    """The IRIs under `base` that `text` writes in full (an example should use a prefix)."""
    try:
        return [t.value for t in tokens(text) if t.kind == IRI and t.value.startswith(base)]
    except QueryError:
        return []


def _read(path: Path, base: str) -> Example:
    text = path.read_text(encoding="utf-8")
    example = Example(path.stem, path.stem.replace("-", " ").replace("_", " "), render(text, base))
    example.view = default_view(text)
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = HEADER.fullmatch(line.strip())
        key = match.group(1).lower() if match else ""
        if key == "title":
            example.title = match.group(2).strip() if match else example.title
        elif match and key.startswith("title@"):
            example.titles[match.group(1).split("@", 1)[1]] = match.group(2).strip()
        elif key == "defaultview":
            continue
        elif line.strip("# ").strip():
            example.notes.append(line.lstrip("#").strip())
    return example
