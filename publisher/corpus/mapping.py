"""Reading the curated mapping (data/claims/*.yaml) into checked Claims.

Every claim's quote must be the document text at its offsets: that is the build's proof that
each statement is anchored in its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from publisher.corpus.model import (
    Amount,
    Attribution,
    Claim,
    CoverageNote,
    CueNote,
    Document,
    Drafting,
    Instant,
    Quantity,
)
from publisher.corpus.parsed import ParsedFiles, load_checked
from publisher.corpus.problems import Problems
from publisher.corpus.reference import check_id
from publisher.corpus.schema import MAPPING_FILE
from publisher.corpus.timespec import TimeError, parse_instant, parse_time
from publisher.corpus.yamlsource import Located
from publisher.errors import Origin

POLARITIES = {"affirmed", "denied"}
STATUSES = {"confirmed", "draft", "rejected"}  # only confirmed claims are published


@dataclass
class MappingFile:
    """What one mapping file holds: confirmed claims, the ids of drafts (and rejected ones),
    and the curator's reasons for candidate sentences without a claim."""

    claims: list[Claim] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    coverage: list[CoverageNote] = field(default_factory=list)


def read_claims_file(
    path: Path,
    documents: dict[str, Document],
    problems: Problems,
    seen: dict[str, Located],
    parsed: ParsedFiles | None = None,
) -> MappingFile:
    """The claims of one mapping file, checked, and its coverage notes; `parsed` keeps the
    file's parsed form between builds (parsed.py)."""
    found = MappingFile()
    # The shape is checked only once the file is known to be a mapping file at all.
    shaped = Problems()
    content = load_checked(path, MAPPING_FILE, "mapping file", shaped, parsed)
    if not isinstance(content, Located) or "claims" not in content or "document" not in content:
        problems.add(
            path, 1, "a mapping file needs 'document:' (a document id) and 'claims:' (a list)"
        )
        return found
    problems.items += shaped.items
    keys = list(content)
    if "coverage" in keys and keys.index("coverage") > keys.index("claims"):
        problems.add(
            path,
            content.line_of("coverage"),
            "coverage: must come before claims:",
            "`publisher suggest` appends drafts at the end of the file, under the last list",
        )
    document = documents.get(str(content["document"]))
    if document is None:
        problems.add(
            path,
            content.line_of("document"),
            f"unknown document {content['document']!r}",
            "see data/documents.yaml",
        )
        return found
    for entry in content["claims"] or []:
        if not isinstance(entry, Located):
            continue  # reported by check_file
        claim = _read_claim(entry, document, problems, seen)
        if claim is None:
            continue
        if entry.get("status", "confirmed") in ("draft", "rejected"):
            found.drafts.append(claim.id)
        else:
            found.claims.append(claim)
    coverage = content.get("coverage") or []
    for entry in coverage if isinstance(coverage, list) else []:
        note = _read_coverage(entry, document, problems)
        if note is not None:
            found.coverage.append(note)
    return found


def _read_coverage(entry: object, document: Document, problems: Problems) -> CoverageNote | None:
    if not isinstance(entry, Located):
        return None  # reported by check_file
    start, end, reason = entry.get("start"), entry.get("end"), entry.get("reason")
    if not isinstance(start, int) or not isinstance(end, int) or not isinstance(reason, str):
        return None  # reported by check_file
    if not 0 <= start < end <= len(document.text):
        problems.add(
            entry.path,
            entry.line_of("start"),
            f"coverage note [{start}, {end}) is outside {document.file} "
            f"(length {len(document.text)})",
        )
        return None
    note = entry.get("note")
    return CoverageNote(
        document.id,
        start,
        end,
        reason,
        Origin(entry.path, entry.line),
        note if isinstance(note, str) else None,
    )


def _read_claim(
    entry: Located, document: Document, problems: Problems, seen: dict[str, Located]
) -> Claim | None:
    path = entry.path
    ident = check_id(entry, problems, seen)
    draft = entry.get("status", "confirmed") == "draft"
    if entry.get("gap") is not None and not draft:
        problems.add(
            path,
            entry.line_of("gap"),
            f"claim {ident}: only a draft may have a gap; fill it in, or keep the claim a draft",
        )
    # A draft that names its gap may leave the role it could not fill empty.
    required = (
        ("relation", "quote")
        if draft and entry.get("gap")
        else ("subject", "relation", "object", "quote")
    )
    missing = [key for key in required if not entry.get(key)]
    if missing:
        problems.add(path, entry.line, f"claim {ident}: missing {', '.join(missing)}")
        return None
    quote = str(entry["quote"])
    start, end = entry.get("start"), entry.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        problems.add(
            path,
            entry.line_of("quote"),
            f"claim {ident}: start and end offsets are required integers",
            "run `publisher anchor FILE` to fill them from the quote",
        )
        return None
    found = document.text[start:end] if 0 <= start < end <= len(document.text) else None
    if found != quote:
        located = document.text.find(quote)
        hint = (
            f"the quote occurs at start={located}"
            if located >= 0
            else "the quote does not occur in the document"
        )
        problems.add(
            path,
            entry.line_of("start"),
            f"claim {ident}: quote is not at offsets [{start}, {end}) of {document.file}: "
            f"text there is {found!r}"
            if found is not None
            else f"claim {ident}: offsets [{start}, {end}) are outside {document.file} (length {len(document.text)})",
            hint,
        )
    polarity = entry.get("polarity", "affirmed")
    if polarity not in POLARITIES:
        problems.add(
            path,
            entry.line_of("polarity"),
            f"claim {ident}: polarity {polarity!r} is not affirmed or denied",
        )
    if entry.get("status", "confirmed") not in STATUSES:
        problems.add(
            path,
            entry.line_of("status"),
            f"claim {ident}: status must be confirmed, draft or rejected",
        )
    time = None
    if entry.get("time") is not None:
        try:
            time = parse_time(entry["time"])
        except TimeError as error:
            problems.add(path, entry.line_of("time"), f"claim {ident}: time: {error}")
    amount = _read_amount(entry, ident, problems) if entry.get("amount") is not None else None
    attributions = _read_attributions(entry, ident, problems)
    quantities = _read_quantities(entry, ident, problems)
    route = entry.get("route") or []
    if not isinstance(route, list):
        problems.add(path, entry.line_of("route"), f"claim {ident}: route must be a list of places")
        route = []
    drafting = _read_drafting(entry, ident, problems)
    first_since, first_ever = _read_first_since(entry, ident, problems)
    cue_note = entry.get("cue_note")
    if ident is None:
        return None
    return Claim(
        id=ident,
        document=document.id,
        subject=str(entry.get("subject") or ""),
        relation=str(entry["relation"]),
        object=str(entry.get("object") or ""),
        quote=quote,
        start=start,
        end=end,
        origin=Origin(path, entry.line),
        beneficiaries=tuple(entry.get("beneficiary_includes") or ()),
        amount=amount,
        time=time,
        place=entry.get("place"),
        origin_place=entry.get("origin"),
        route=tuple(str(place) for place in route),
        destination=entry.get("destination"),
        quantities=quantities,
        hedged=bool(entry.get("hedged", False)),
        polarity=polarity,
        attributions=attributions,
        proposition=entry.get("proposition"),
        event=entry.get("event"),
        note=entry.get("note"),
        drafting=drafting,
        position=entry.get("position"),
        first_since=first_since,
        first_ever=first_ever,
        cue_note=CueNote(str(cue_note["cue"]), str(cue_note["note"]))
        if isinstance(cue_note, dict) and cue_note.get("cue") and cue_note.get("note")
        else None,
    )


def _read_first_since(
    entry: Located, ident: str | None, problems: Problems
) -> tuple[Instant | None, bool]:
    """`first_since: "2010"` (the first since then) or `first_since: ever` (never before)."""
    value = entry.get("first_since")
    if value is None:
        return None, False
    if value == "ever":
        return None, True
    try:
        return parse_instant(value), False
    except TimeError as error:
        problems.add(
            entry.path,
            entry.line_of("first_since"),
            f"claim {ident}: first_since: {error}",
            "or `ever` for a first ever (never before)",
        )
        return None, False


def _decimal(value: object) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None


def _read_amount(entry: Located, ident: str | None, problems: Problems) -> Amount | None:
    raw = entry["amount"]
    line = entry.line_of("amount")
    if not isinstance(raw, dict):
        problems.add(
            entry.path, line, f"claim {ident}: amount must be a mapping (value, currency, rate)"
        )
        return None
    try:
        value = _decimal(raw["value"]) if raw.get("value") is not None else None
        minimum = _decimal(raw["min"]) if raw.get("min") is not None else None
        maximum = _decimal(raw["max"]) if raw.get("max") is not None else None
    except ValueError as error:
        problems.add(entry.path, line, f"claim {ident}: amount: {error}")
        return None
    if value is None and minimum is None and maximum is None:
        problems.add(entry.path, line, f"claim {ident}: amount needs a value, or min and/or max")
        return None
    if minimum is not None and maximum is not None and minimum > maximum:
        problems.add(
            entry.path, line, f"claim {ident}: amount min {minimum} is above max {maximum}"
        )
    currency = str(raw.get("currency", ""))
    if len(currency) != 3 or not currency.isupper():
        problems.add(
            entry.path,
            line,
            f"claim {ident}: currency {currency!r} is not an ISO 4217 code like USD",
        )
    return Amount(
        currency, value, minimum, maximum, raw.get("rate"), bool(raw.get("approximate", False))
    )


def _read_quantities(entry: Located, ident: str | None, problems: Problems) -> tuple[Quantity, ...]:
    raw = entry.get("quantities")
    if raw is None:
        return ()
    line = entry.line_of("quantities")
    if not isinstance(raw, list):
        problems.add(entry.path, line, f"claim {ident}: quantities must be a list of mappings")
        return ()
    found = []
    for position, item in enumerate(raw, start=1):
        where = f"claim {ident}: quantity {position}"
        if not isinstance(item, dict):
            problems.add(entry.path, line, f"{where} must be a mapping (kind, value or min/max)")
            continue
        try:
            value = _decimal(item["value"]) if item.get("value") is not None else None
            minimum = _decimal(item["min"]) if item.get("min") is not None else None
            maximum = _decimal(item["max"]) if item.get("max") is not None else None
        except ValueError as error:
            problems.add(entry.path, line, f"{where}: {error}")
            continue
        if not item.get("kind"):
            problems.add(entry.path, line, f"{where} needs a kind (ontology/schemes.ttl)")
            continue
        if value is None and minimum is None and maximum is None:
            problems.add(entry.path, line, f"{where} needs a value, or min and/or max")
            continue
        if minimum is not None and maximum is not None and minimum > maximum:
            problems.add(entry.path, line, f"{where}: min {minimum} is above max {maximum}")
        label = item.get("label")
        found.append(
            Quantity(
                str(item["kind"]),
                value,
                minimum,
                maximum,
                bool(item.get("approximate", False)),
                None if label is None else str(label),
            )
        )
    return tuple(found)


def _read_drafting(entry: Located, ident: str | None, problems: Problems) -> Drafting | None:
    if not any(entry.get(key) is not None for key in ("drafter", "cues", "confidence", "gap")):
        return None
    cues = entry.get("cues") or []
    if not isinstance(cues, list):
        problems.add(entry.path, entry.line_of("cues"), f"claim {ident}: cues must be a list")
        cues = []
    confidence = entry.get("confidence")
    if confidence is not None and (
        not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1
    ):
        problems.add(
            entry.path,
            entry.line_of("confidence"),
            f"claim {ident}: confidence must be a number from 0 to 1",
        )
        confidence = None
    drafter, gap = entry.get("drafter"), entry.get("gap")
    return Drafting(
        None if drafter is None else str(drafter),
        tuple(str(cue) for cue in cues),
        None if confidence is None else float(confidence),
        None if gap is None else str(gap),
    )


def _read_attributions(
    entry: Located, ident: str | None, problems: Problems
) -> tuple[Attribution, ...]:
    result = []
    for position, raw in enumerate(entry.get("attribution") or [], start=1):
        if not isinstance(raw, dict) or not raw.get("agent") or not raw.get("role"):
            problems.add(
                entry.path,
                entry.line_of("attribution"),
                f"claim {ident}: attribution {position} needs agent and role",
            )
            continue
        result.append(Attribution(str(raw["agent"]), str(raw["role"]), position, raw.get("source")))
    return tuple(result)
