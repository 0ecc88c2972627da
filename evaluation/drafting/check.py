#!/usr/bin/env python3
"""Check the hand-annotated drafting evaluation set.

Run from anywhere: /usr/bin/env python3 evaluation/drafting/check.py
Checks that every <split>/<id>.yaml parses, has a matching .txt, that every quote is a
substring of its text, every relation id is a concept of ontology/relation-types.ttl, and
every actor/place id exists in data/actors.yaml, in the file's own actors/places lists, or
(for objects) in data/events.yaml. Prints a per-article summary and exits non-zero on error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

REQUIRED = ("id", "language", "title", "url", "licence", "retrieved", "excerpt", "claims")
CLAIM_KEYS = {
    "subject",
    "relation",
    "object",
    "quote",
    "time",
    "place",
    "amount",
    "polarity",
    "hedged",
    "attribution",
    "note",
}
TIME_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load_reference():
    ttl = (ROOT / "ontology" / "relation-types.ttl").read_text(encoding="utf-8")
    relations = set(
        re.findall(r"<http://127\.0\.0\.1:8080/def/relation/([a-z-]+)>\s*\n\s*a skos:Concept", ttl)
    )
    actors_doc = yaml.safe_load((ROOT / "data" / "actors.yaml").read_text(encoding="utf-8"))
    actors = {a["id"] for a in actors_doc["actors"]}
    places = {p["id"] for p in actors_doc["places"]}
    events = {
        e["id"]
        for e in yaml.safe_load((ROOT / "data" / "events.yaml").read_text(encoding="utf-8"))[
            "events"
        ]
    }
    return relations, actors, places, events


def check_time(t) -> bool:
    if isinstance(t, str):
        return bool(TIME_RE.match(t))
    if isinstance(t, dict):
        return set(t) <= {"from", "to", "approximate", "label"} and all(
            check_time(t[k]) for k in ("from", "to") if k in t
        )
    return False


def main() -> int:
    relations, ref_actors, ref_places, events = load_reference()
    errors: list[str] = []
    rows = []
    for split in ("dev", "test"):
        for yf in sorted((HERE / split).glob("*.yaml")):
            where = f"{split}/{yf.name}"
            try:
                doc = yaml.safe_load(yf.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                errors.append(f"{where}: YAML does not parse: {exc}")
                continue
            for key in REQUIRED:
                if key not in doc:
                    errors.append(f"{where}: missing key {key}")
            if doc.get("id") != yf.stem:
                errors.append(f"{where}: id {doc.get('id')!r} differs from the file name")
            lang = doc.get("language")
            did = str(doc.get("id", ""))
            # ids follow the corpus convention <topic>-<language>-<kind> (as in the brief's example)
            if lang not in ("ar", "en") or not (
                did.endswith("-" + str(lang)) or f"-{lang}-" in did
            ):
                errors.append(f"{where}: language {lang!r} and id suffix disagree")
            txt = yf.with_suffix(".txt")
            if not txt.exists():
                errors.append(f"{where}: no text file {txt.name}")
                continue
            text = txt.read_text(encoding="utf-8")
            own_actors = {a["id"] for a in doc.get("actors") or []}
            own_places = {p["id"] for p in doc.get("places") or []}
            clash = (own_actors & ref_actors) | (own_places & ref_places)
            if clash:
                errors.append(
                    f"{where}: own actors/places already in data/actors.yaml: {sorted(clash)}"
                )
            for a in doc.get("actors") or []:
                if a.get("part_of") and a["part_of"] not in ref_actors | own_actors:
                    errors.append(f"{where}: actor {a['id']} part_of unknown {a['part_of']}")
            known_actors = ref_actors | own_actors
            known_places = ref_places | own_places | known_actors
            claims = doc.get("claims") or []
            for i, c in enumerate(claims, 1):
                cw = f"{where} claim {i}"
                extra = set(c) - CLAIM_KEYS
                if extra:
                    errors.append(f"{cw}: unknown keys {sorted(extra)}")
                if c.get("subject") not in known_actors:
                    errors.append(f"{cw}: unknown subject {c.get('subject')!r}")
                if c.get("object") not in known_actors | events:
                    errors.append(f"{cw}: unknown object {c.get('object')!r}")
                if c.get("relation") not in relations:
                    errors.append(f"{cw}: unknown relation {c.get('relation')!r}")
                q = c.get("quote")
                if not isinstance(q, str) or not q or q not in text:
                    errors.append(f"{cw}: quote not found in {txt.name}: {q!r}")
                if "place" in c and c["place"] not in known_places:
                    errors.append(f"{cw}: unknown place {c['place']!r}")
                if "time" in c and not check_time(c["time"]):
                    errors.append(f"{cw}: bad time {c['time']!r}")
                if c.get("polarity") not in ("affirmed", "denied"):
                    errors.append(f"{cw}: bad polarity {c.get('polarity')!r}")
                if not isinstance(c.get("hedged"), bool):
                    errors.append(f"{cw}: hedged must be true or false")
                att = c.get("attribution")
                if not isinstance(att, list) or any(a not in known_actors for a in att):
                    errors.append(f"{cw}: bad attribution {att!r}")
                amt = c.get("amount")
                if amt is not None:
                    if not ({"value", "min", "max"} & set(amt)) or "currency" not in amt:
                        errors.append(f"{cw}: amount needs value or min/max, and currency")
                    if amt.get("rate") not in (None, "per-year", "one-off"):
                        errors.append(f"{cw}: bad amount rate {amt.get('rate')!r}")
            rows.append((split, lang, doc.get("id"), len(text), len(claims)))
    for split, lang, did, n, k in rows:
        print(f"{split:5} {lang}  {did:52} {n:6} chars {k:3} claims")
    for split in ("dev", "test"):
        for lang in ("ar", "en"):
            sel = [r for r in rows if r[0] == split and r[1] == lang]
            print(f"{split} {lang}: {len(sel)} articles, {sum(r[4] for r in sel)} claims")
    print(f"total: {len(rows)} articles, {sum(r[4] for r in rows)} claims")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
