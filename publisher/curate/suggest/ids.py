"""Names for drafts: a short readable id, and a key that says which draft a claim came from.

* The **id** reads as the claim: a prefix from the document id, then subject, a verb for the
  relation type and object ("qsh-qatar-funds-hamas", "t-irgc-funds-hamas"), at most
  `MAX_ID` characters; "-2", "-3" when it is taken. It is stable: `publisher suggest` keeps
  the id of a draft it updates, and a curator may rename a claim (`publisher rename`).
* The **key** (`key:` in the mapping file) is `<fingerprint>.<digest>`: the fingerprint of the
  draft (document, evidence span, subject, relation, object) and a digest of the draft as it
  was written. A draft whose fields still give that digest is one nobody has touched.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping

MAX_ID = 30
VERBS = {
    "financial-support": "funds",
    "military-support": "aids",
    "weapons-supply": "arms",
    "training": "trains",
    "attack-planning-support": "plans-with",
    "political-support": "backs",
    "pledge": "pledges",
    "pledge-financial-aid": "pledges-funds",
    "pledge-military-aid": "pledges-arms",
    "suspension-of-support": "cuts",
    "resumption-of-support": "resumes",
    "diplomatic-relations": "ties",
    "meeting": "meets",
    "visit": "visits",
    "hosting": "hosts",
    "praise": "praises",
    "condemnation": "condemns",
    "terrorist-designation": "lists",
    "refusal-to-designate": "unlists",
    "diplomatic-protection": "shields",
    "mediation": "mediates",
    "rift": "rift",
    "reconciliation": "reconciles",
    "alliance": "allies",
    "pressure": "presses",
    "cooperation-agreement": "agrees",
}
# What a document id ends with that says nothing of its subject.
_DOCUMENT_TAILS = {"ar", "en", "news", "wikipedia", "opinion", "interview", "report", "article"}
_KEYS_IN_DIGEST = (
    "subject", "relation", "object", "beneficiary_includes", "quote", "start", "end", "amount",
    "time", "place", "origin", "route", "destination", "quantities", "hedged", "polarity",
    "attribution", "proposition", "event", "note", "drafter", "cues", "confidence", "gap",
)  # fmt: skip


def fingerprint(document: str, start: int, end: int, subject: str, relation: str, obj: str) -> str:
    """The same draft of the same text always has the same fingerprint."""
    raw = "\x1f".join((document, str(start), str(end), subject, relation, obj))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]


def digest(fields: Mapping[str, object]) -> str:
    """A digest of a claim's fields as read back from YAML (not its id, key or status)."""
    kept = {k: fields[k] for k in _KEYS_IN_DIGEST if fields.get(k) not in (None, [], {})}
    raw = json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:6]


def split_key(key: object) -> tuple[str, str]:
    """(fingerprint, digest) of a `key:` value; ("", "") when it is not one."""
    if not isinstance(key, str) or not re.fullmatch(r"[0-9a-f]{10}\.[0-9a-f]{6}", key):
        return "", ""
    fp, dg = key.split(".")
    return fp, dg


def _short(actor: str, person: bool) -> str:
    words = actor.split("-")
    if person and len(words) > 1:
        return words[-1] if words[-1] not in ("al", "jr") else words[-2]
    if len(actor) <= 14:
        return actor
    if len(words) == 2:
        return f"{words[0]}-{words[1][:3]}"
    return "".join(w[0] for w in words if w not in ("of", "the", "and"))


def _prefix(document: str) -> str:
    words = [w for w in document.split("-") if w not in _DOCUMENT_TAILS] or document.split("-")
    return "".join(w[0] for w in words)[:4]


def short_id(
    document: str,
    subject: str | None,
    relation: str,
    obj: str | None,
    denied: bool,
    persons: frozenset[str],
    taken: set[str],
) -> str:
    """A readable id not in `taken` (which it joins)."""
    verb = VERBS.get(relation, relation.split("-", maxsplit=1)[0])
    if denied:
        verb = f"no-{verb}"
    parts = [
        _prefix(document),
        _short(subject, subject in persons) if subject else "someone",
        verb,
        _short(obj, obj in persons) if obj else "someone",
    ]
    while len("-".join(parts)) > MAX_ID:
        # Shorten the longest actor: drop its last word, or cut it to eight letters.
        k = 1 if len(parts[1]) >= len(parts[3]) else 3
        words = parts[k].split("-")
        parts[k] = "-".join(words[:-1]) if len(words) > 1 else parts[k][: max(4, len(parts[k]) - 3)]
        if len(parts[1]) <= 4 and len(parts[3]) <= 4:
            break
    base = re.sub(r"-+", "-", "-".join(parts))[:MAX_ID].rstrip("-")
    ident, number = base, 2
    while ident in taken:
        suffix = f"-{number}"
        ident = base[: MAX_ID - len(suffix)].rstrip("-") + suffix
        number += 1
    taken.add(ident)
    return ident
