"""Search, in either language: actors by their names and aliases, documents by their titles,
claims by their labels and the exact words quoted as their evidence (plain Python).

The text of all of these is put, once per release, into a small SQLite database with a full
text index (FTS5), kept in a cache folder under the release's id (`SearchIndex.open`). Words are
indexed folded by the text layer's own folding (hamza forms, taa marbuta, alef maqsura, harakat,
tatweel, Persian letters, case) and with every reading of a leading conjunction or preposition
(و ف ب ك ل), so حماس, حركة حماس, وحماس and "Hamas" all find Hamas. A word of the query that
is no word of the index is read as the nearest words that are, within one edit for a short word
and two for a longer one (rapidfuzz), in English as in Arabic: "hezbolah" finds Hezbollah. The
last word of a query also matches as the beginning of a word ("hezb" finds Hezbollah).

Hits are ranked by where the words were found (a name before an alias, a title, a label, a
quote), then by how exactly (the whole name, its beginning, misspelt words last). Each hit
carries the text that matched, cut to a snippet around the match, with the matched words'
places, so that a page can mark them and a program can use them.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from publisher.pages.claims import Claim, load_claims
from publisher.pages.common import Name, names, prefixes, values_clause
from publisher.store.interface import Store
from publisher.textlayer.arabic import fold, normalise, strip_prefixes

TEXTS_QUERY = """{prefixes}SELECT ?thing ?kind ?field ?text WHERE {{
  {{ GRAPH ?g {{ ?thing a sup:Actor ; rdfs:label ?text }} BIND("actor" AS ?kind) BIND("name" AS ?field) }}
  UNION {{ GRAPH ?g {{ ?thing a sup:Actor ; skos:altLabel|foaf:name ?text }}
           BIND("actor" AS ?kind) BIND("alias" AS ?field) }}
  UNION {{ GRAPH ?g {{ ?thing a sup:Document ; dcterms:title ?text }}
           BIND("document" AS ?kind) BIND("title" AS ?field) }}
  UNION {{ GRAPH ?g {{ ?thing a sup:Claim ; rdfs:label ?text }}
           BIND("claim" AS ?kind) BIND("label" AS ?field) }}
  UNION {{ GRAPH ?g {{ ?thing a sup:Claim ; prov:wasDerivedFrom/oa:hasSelector/oa:exact ?text }}
           BIND("claim" AS ?kind) BIND("quote" AS ?field) }}
}} ORDER BY ?kind ?thing ?field ?text"""

KINDS = ("actor", "document", "claim")
LIMIT = 100  # results of one kind shown at most
FIELD_WEIGHT = {"name": 40, "title": 36, "alias": 30, "label": 20, "quote": 12}
SNIPPET = 70  # characters of context on each side of the first match
SCHEMA_VERSION = "1"  # of the index file: a new one is built when this changes


@dataclass
class Snippet:
    """The text that matched, around its first match: `marks` are (start, end) offsets of the
    matched words in `text`."""

    text: str
    marks: list[tuple[int, int]]
    field: str
    language: str | None = None

    def parts(self) -> list[tuple[str, bool]]:
        """The snippet as (piece, matched) pieces, for marking the matches."""
        pieces, at = [], 0
        for start, end in self.marks:
            if start > at:
                pieces.append((self.text[at:start], False))
            pieces.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            pieces.append((self.text[at:], False))
        return pieces


@dataclass
class Hit:
    iri: str
    kind: str
    matched: str  # the text that matched, as written
    score: float
    name: Name
    snippet: Snippet | None = None
    claim: Claim | None = None  # for claims: what the page shows of them
    fuzzy: bool = False  # found only through a corrected spelling


@dataclass
class SearchResult:
    query: str
    hits: dict[str, list[Hit]]  # kind -> best first, at most LIMIT
    totals: dict[str, int]
    queries: dict[str, str] = field(default_factory=dict)
    corrections: dict[str, list[str]] = field(default_factory=dict)  # word -> read as


class SearchIndex:
    """The full-text index of one release, in a SQLite file (built once, then only read)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.vocabulary = [w for (w,) in self._db.execute("SELECT word FROM vocabulary")]
        self._known = frozenset(self.vocabulary)

    @classmethod
    def open(cls, store: Store, base: str, folder: Path, release: str) -> SearchIndex:
        """The index of `release` in `folder`, built from the store when it is not there yet."""
        path = folder / f"{release}-v{SCHEMA_VERSION}.sqlite"
        if not path.exists():
            build(store, base, path)
        return cls(path)

    def close(self) -> None:
        self._db.close()

    def lookup(
        self, words: list[str]
    ) -> tuple[list[tuple[int, str, str, str, str, str]], dict[str, list[str]]]:
        """The entries matching every word (id, iri, kind, field, language, text), and the
        words read as others (misspelt)."""
        groups, corrections = [], {}
        for n, word in enumerate(words):
            readings = {r for _, r in strip_prefixes(word)}
            options = {r for r in readings if r in self._known}
            if not options and len(word) >= 4:
                options = set(self._neighbours(word))
                if options:
                    corrections[word] = sorted(options)
            terms = [f'"{o}"' for o in sorted(options)]
            if n == len(words) - 1 and len(word) >= 2:
                terms.append(f'"{word}" *')
            if not terms:
                return [], corrections
            groups.append("(" + " OR ".join(terms) + ")")
        query = " AND ".join(groups)
        with self._lock:
            found = self._db.execute(
                "SELECT e.id, e.iri, e.kind, e.field, e.lang, e.text FROM fts JOIN entries e "
                "ON e.id = fts.rowid WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 2000",
                (query,),
            ).fetchall()
        return found, corrections

    def _neighbours(self, word: str) -> list[str]:
        """Index words within one edit of `word` (two for a word of 7 letters or more)."""
        most = 1 if len(word) < 7 else 2
        found = process.extract(
            word, self.vocabulary, scorer=Levenshtein.distance, score_cutoff=most, limit=8
        )
        return [w for w, distance, _ in found if distance <= most]


def build(store: Store, base: str, path: Path) -> None:
    """Write the index of what the store holds to `path` (atomically: a reader never sees a
    half-written file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".building")
    os.close(handle)
    try:
        db = sqlite3.connect(temporary)
        db.executescript(
            """CREATE TABLE entries (id INTEGER PRIMARY KEY, iri TEXT, kind TEXT, field TEXT,
                                     lang TEXT, text TEXT);
               CREATE VIRTUAL TABLE fts USING fts5(folded, tokenize = 'unicode61');
               CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID;"""
        )
        vocabulary: set[str] = set()
        result = store.query(TEXTS_QUERY.format(prefixes=prefixes(base)))
        for number, row in enumerate(result.rows, start=1):
            iri, kind, what, literal = (row[v] for v in ("thing", "kind", "field", "text"))
            if iri is None or literal is None:
                continue
            text = literal.value
            language = getattr(literal, "language", None)
            readings = [r for w in words(text) for _, r in strip_prefixes(w)]
            vocabulary.update(readings)
            db.execute(
                "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
                (number, iri.value, kind.value, what.value, language, text),
            )
            db.execute(
                "INSERT INTO fts (rowid, folded) VALUES (?, ?)", (number, " ".join(readings))
            )
        db.executemany("INSERT INTO vocabulary VALUES (?)", ((w,) for w in sorted(vocabulary)))
        db.commit()
        db.close()
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def prune(folder: Path, keep: str, most: int = 4) -> None:
    """Remove the index files of other releases beyond the `most` most recent."""
    files = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [f for f in files if not f.name.startswith(keep)][most - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()


def words(text: str) -> list[str]:
    """The folded words of a text (punctuation and dashes separate words)."""
    folded = fold(text)
    return "".join(c if c.isalnum() else " " for c in folded).split()


def search(store: Store, base: str, text: str, index: SearchIndex) -> SearchResult:
    """What matches `text`, best first within each kind."""
    asked = words(text)
    listing = TEXTS_QUERY.format(prefixes=prefixes(base))
    if not asked:
        return SearchResult(
            text, {k: [] for k in KINDS}, dict.fromkeys(KINDS, 0), {"texts": listing}
        )
    found, corrections = index.lookup(asked)
    wanted = set(asked) | {w for options in corrections.values() for w in options}
    best: dict[str, Hit] = {}
    readings = [{r for _, r in strip_prefixes(w)} | set(corrections.get(w, [])) for w in asked]
    for _, iri, kind, what, language, matched in found:
        entry = words(matched)
        score = float(FIELD_WEIGHT.get(what, 10)) + _closeness(readings, entry)
        # Found through a corrected spelling: a word of the query is not in the entry, not even
        # as the beginning of one of its words.
        fuzzy = any(
            not _stem_in(w, entry) and not any(e.startswith(w) for e in entry) for w in asked
        )
        if fuzzy:
            score -= 10
        held = best.get(iri)
        if held is None or score > held.score:
            best[iri] = Hit(
                iri,
                kind,
                matched,
                score,
                Name(iri),
                _snippet(matched, what, language, wanted, asked[-1]),
                fuzzy=fuzzy,
            )
    known = names(store, base, list(best))
    hits: dict[str, list[Hit]] = {kind: [] for kind in KINDS}
    for hit in best.values():
        hit.name = known.get(hit.iri, Name(hit.iri))
        hits.setdefault(hit.kind, []).append(hit)
    totals = {kind: len(found_kind) for kind, found_kind in hits.items()}
    for found_kind in hits.values():
        found_kind.sort(key=lambda h: (-h.score, h.name.best.casefold(), h.iri))
        del found_kind[LIMIT:]
    _add_claims(store, base, hits["claim"])
    return SearchResult(text, hits, totals, {"texts": listing}, corrections)


def _closeness(readings: list[set[str]], entry: list[str]) -> float:
    """How exactly an entry answers the query: its very words (60), its first words (30),
    somewhere in it (15); a clitic dropped counts as the word."""
    if len(entry) == len(readings) and all(e in r for e, r in zip(entry, readings, strict=True)):
        return 60
    if len(entry) > len(readings) and all(e in r for e, r in zip(entry, readings, strict=False)):
        return 30
    if all(r & set(entry) for r in readings):
        return 15
    return 0


def _stem_in(word: str, entry: list[str]) -> bool:
    return any(r in entry for _, r in strip_prefixes(word))


def _add_claims(store: Store, base: str, hits: list[Hit]) -> None:
    """The claims among the hits with what their line shows: sentence, date, document."""
    if not hits:
        return
    selector = values_clause("claim", [h.iri for h in hits])
    claims = {c.iri: c for c in load_claims(store, base, selector)}
    for hit in hits:
        hit.claim = claims.get(hit.iri)


def _snippet(text: str, what: str, language: str | None, wanted: set[str], last: str) -> Snippet:
    """The matched text around its first matched word, the matched words marked."""
    folded, offsets = normalise(text)
    marks = []
    for match in re.finditer(r"[^\W_]+", folded):
        readings = {r for _, r in strip_prefixes(match.group(0))}
        if readings & wanted or match.group(0).startswith(last):
            marks.append((offsets[match.start()], offsets[match.end()]))
    if not marks:
        return Snippet(text[: 2 * SNIPPET], [], what, language)
    start = max(0, marks[0][0] - SNIPPET)
    end = min(len(text), marks[0][1] + SNIPPET)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", marks[0][1], end) if text.rfind(" ", marks[0][1], end) > 0 else end
    cut = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shifted = [
        (a - start + len(prefix), b - start + len(prefix))
        for a, b in marks
        if a >= start and b <= end
    ]
    return Snippet(prefix + cut + suffix, shifted, what, language)


def as_json(result: SearchResult, release: str) -> dict[str, object]:
    """The answer for programs (`/search?q=` asking for JSON)."""
    return {
        "query": result.query,
        "release": release,
        "corrections": result.corrections,
        "totals": result.totals,
        "results": {kind: [_hit_json(h) for h in hits] for kind, hits in result.hits.items()},
    }


def _hit_json(hit: Hit) -> dict[str, object]:
    found: dict[str, object] = {
        "iri": hit.iri,
        "kind": hit.kind,
        "label": {"en": hit.name.en, "ar": hit.name.ar},
        "score": hit.score,
        "corrected": hit.fuzzy,
    }
    if hit.snippet is not None:
        found["match"] = {
            "field": hit.snippet.field,
            "language": hit.snippet.language,
            "snippet": hit.snippet.text,
            "marks": [list(m) for m in hit.snippet.marks],
        }
    if hit.claim is not None:
        c = hit.claim
        found["claim"] = {
            "sentence": {"en": c.english, "ar": c.arabic},
            "denied": c.denied,
            "hedged": c.hedged,
            "date": _date(c),
            "document": {"iri": c.document, "title": c.name(c.document).best},
        }
    return found


def _date(claim: Claim) -> str | None:
    when = claim.when
    if when is None or not when.dated:
        return None
    if when.instant:
        return when.instant
    return f"{when.beginning or '..'}/{when.end or '..'}"
