"""Adding actors, aliases and missing names to data/actors.yaml, as text.

The file is the curators': its comments, order and layout stay as they are. A new actor is
written at the end of the `actors:` list, in the layout of the entries above it; an alias goes
into the actor's `aliases:` (created under its `name:` when it has none); a name found later
replaces the stand-in and its `todo:`. After writing, the corpus is loaded as the build loads
it; if that fails, the file is restored and the problems are reported.

An actor whose name in the other language is not known yet is written with the name it has and
`todo: name-ar` (or `name-en`): the build accepts it with a warning (the known name stands in
meanwhile), so a new actor never blocks a build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publisher.corpus.load import load_corpus
from publisher.corpus.reference import ACTOR_TYPES
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.curate.yamlwrite import replace_file, scalar
from publisher.errors import InputError, Problem

ACTORS = Path("data") / "actors.yaml"
RELATIONS = ("part_of", "government_of", "armed_wing_of", "unit_of")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class NewActor:
    ident: str
    type: str
    en: str | None
    ar: str | None
    parents: tuple[tuple[str, str], ...] = ()  # (relation, actor id)
    aliases_en: tuple[str, ...] = ()
    aliases_ar: tuple[str, ...] = ()


def _refuse(path: Path, message: str, hint: str = "") -> InputError:
    return InputError([Problem(path, None, message, hint)])


def _read(home: Path) -> tuple[Path, str, Any]:
    path = home / ACTORS
    if not path.is_file():
        raise _refuse(path, "there is no data/actors.yaml")
    return path, path.read_text(encoding="utf-8"), load_yaml(path)


def _actors(content: Any) -> list[Located]:
    items = (content or {}).get("actors") if isinstance(content, dict) else None
    return [e for e in items or [] if isinstance(e, Located)]


def _write_checked(home: Path, path: Path, original: str, text: str) -> None:
    replace_file(path, text)
    try:
        load_corpus(home)
    except InputError as error:
        replace_file(path, original)
        error.problems.insert(0, Problem(path, None, "not written: the build would refuse it"))
        raise


def _names_in_use(entries: list[Located]) -> dict[str, str]:
    used = {}
    for e in entries:
        names = e.get("name") or {}
        aliases = e.get("aliases") or {}
        for value in [*names.values(), *(a for v in aliases.values() for a in v or [])]:
            if value:
                used[" ".join(str(value).split()).casefold()] = str(e.get("id"))
    return used


def entry_lines(actor: NewActor, indent: str = "  ") -> list[str]:
    pad = indent + "  "
    name = {lang: value for lang, value in (("en", actor.en), ("ar", actor.ar)) if value}
    lines = [
        f"{indent}- id: {actor.ident}",
        f"{pad}type: {actor.type}",
        f"{pad}name: {scalar(name)}",
    ]
    missing = [f"name-{lang}" for lang in ("en", "ar") if lang not in name]
    if missing:
        lines.append(f"{pad}todo: {scalar(missing)}")
    aliases = {
        lang: list(values)
        for lang, values in (("en", actor.aliases_en), ("ar", actor.aliases_ar))
        if values
    }
    if aliases:
        lines.append(f"{pad}aliases:")
        lines += [f"{pad}  {lang}: {scalar(values)}" for lang, values in aliases.items()]
    lines += [f"{pad}{relation}: {target}" for relation, target in actor.parents]
    return lines


def add_actor(home: Path, actor: NewActor) -> Path:
    """Append a new actor to data/actors.yaml."""
    path, original, content = _read(home)
    entries = _actors(content)
    problems = []
    if not _ID.match(actor.ident):
        problems.append(
            Problem(path, None, f"{actor.ident!r} is not an id: lower-case words joined by -")
        )
    known = {str(e.get("id")) for e in entries}
    known |= {str(p.get("id")) for p in (content or {}).get("places") or [] if isinstance(p, dict)}
    if actor.ident in known:
        problems.append(Problem(path, None, f"{actor.ident!r} is already an actor or place id"))
    if actor.type not in ACTOR_TYPES:
        problems.append(
            Problem(path, None, f"type {actor.type!r} is not one of {sorted(ACTOR_TYPES)}")
        )
    if not actor.en and not actor.ar:
        problems.append(Problem(path, None, "give the actor's name: --en and/or --ar"))
    for relation, target in actor.parents:
        if target not in known:
            problems.append(Problem(path, None, f"{relation}: no actor {target!r}"))
    used = _names_in_use(entries)
    for name in (actor.en, actor.ar, *actor.aliases_en, *actor.aliases_ar):
        if name and " ".join(name.split()).casefold() in used:
            owner = used[" ".join(name.split()).casefold()]
            problems.append(
                Problem(
                    path,
                    None,
                    f"{name!r} is already a name of {owner}",
                    f"to record another spelling use `publisher actor alias {owner}`",
                )
            )
    if problems:
        raise InputError(problems)
    lines = original.split("\n")
    indent = "  "
    end = len(lines)
    if entries:
        first = lines[entries[0].line - 1]
        indent = first[: len(first) - len(first.lstrip())]
        # After the last actor: before the next top-level key or column-0 comment (places:).
        for n in range(entries[-1].line, len(lines)):
            if lines[n] and not lines[n][0].isspace():
                end = n
                break
        while end > 0 and not lines[end - 1].strip():
            end -= 1
    new = entry_lines(actor, indent)
    text = "\n".join(lines[:end] + new + lines[end:])
    if not text.endswith("\n"):
        text += "\n"
    _write_checked(home, path, original, text)
    return path


def _block(lines: list[str], entry: Located) -> tuple[int, int]:
    """Line indices [first, last) of an actor's entry."""
    first = entry.line - 1
    head = lines[first]
    dash = len(head) - len(head.lstrip())
    last = first + 1
    while last < len(lines):
        line = lines[last]
        if line.strip() and (len(line) - len(line.lstrip())) <= dash:
            break
        last += 1
    while last > first + 1 and not lines[last - 1].strip():
        last -= 1
    return first, last


def add_alias(home: Path, ident: str, language: str, alias: str) -> Path:
    """Add another way documents write an actor's name."""
    path, original, content = _read(home)
    entries = {str(e.get("id")): e for e in _actors(content)}
    if ident not in entries:
        raise _refuse(path, f"no actor {ident!r}", "see data/actors.yaml")
    used = _names_in_use(list(entries.values()))
    owner = used.get(" ".join(alias.split()).casefold())
    if owner:
        raise _refuse(path, f"{alias!r} is already a name of {owner}")
    entry = entries[ident]
    lines = original.split("\n")
    first, last = _block(lines, entry)
    pad = " " * (len(lines[first]) - len(lines[first].lstrip()) + 2)
    aliases = entry.get("aliases")
    if isinstance(aliases, dict) and "aliases" in entry.key_lines:
        index = entry.line_of("aliases") - 1
        current = lines[index].split("aliases:", 1)[1].strip()
        if current:  # a flow mapping on one line: rewrite it
            values = {k: list(v or []) for k, v in aliases.items()}
            values.setdefault(language, []).append(alias)
            lines[index] = f"{pad}aliases: {scalar(values)}"
        else:
            found = None
            for n in range(index + 1, last):
                stripped = lines[n].strip()
                if stripped.startswith(f"{language}:"):
                    found = n
                    break
            if found is None:
                # English before Arabic, as every entry of the file has them.
                at = index + 1
                if language == "ar":
                    while at < last and lines[at].startswith(f"{pad}  "):
                        at += 1
                lines.insert(at, f"{pad}  {language}: {scalar([alias])}")
            else:
                spellings = [*list(aliases.get(language) or []), alias]
                head = lines[found].split(f"{language}:", 1)[0]
                if lines[found].split(":", 1)[1].strip():
                    lines[found] = f"{head}{language}: {scalar(spellings)}"
                else:  # a block list under the key
                    n = found + 1
                    while n < last and lines[n].strip().startswith("- "):
                        n += 1
                    item_pad = lines[found + 1].split("-")[0] if found + 1 < n else head + "  "
                    lines.insert(n, f"{item_pad}- {scalar(alias)}")
    else:
        index = entry.line_of("name") - 1
        lines[index + 1 : index + 1] = [f"{pad}aliases:", f"{pad}  {language}: {scalar([alias])}"]
    _write_checked(home, path, original, "\n".join(lines))
    return path


def add_name(home: Path, ident: str, language: str, name: str) -> Path:
    """Give an actor its name in a language it was missing (`todo: name-<language>`)."""
    path, original, content = _read(home)
    entries = {str(e.get("id")): e for e in _actors(content)}
    if ident not in entries:
        raise _refuse(path, f"no actor {ident!r}", "see data/actors.yaml")
    entry = entries[ident]
    names = dict(entry.get("name") or {})
    if names.get(language):
        raise _refuse(path, f"{ident} already has a {language} name: {names[language]!r}")
    names[language] = name
    lines = original.split("\n")
    index = entry.line_of("name") - 1
    head = lines[index].split("name:", 1)[0]
    ordered = {lang: names[lang] for lang in ("en", "ar") if names.get(lang)}
    lines[index] = f"{head}name: {scalar(ordered)}"
    if "todo" in entry.key_lines:
        todo = entry.get("todo") or []
        todo = [todo] if isinstance(todo, str) else list(todo)
        todo = [t for t in todo if t != f"name-{language}"]
        t_index = entry.line_of("todo") - 1
        t_head = lines[t_index].split("todo:", 1)[0]
        if todo:
            lines[t_index] = f"{t_head}todo: {scalar(todo)}"
        else:
            del lines[t_index]
    _write_checked(home, path, original, "\n".join(lines))
    return path
