"""The fields of a claim as a curator edits them on a form, read and checked before anything
is written: each problem is named by its field, so the form can show it where it belongs.

A form gives text; this turns it into the values a mapping file holds (docs/mapping.md): ids
of actors, places and relation types, a time ("2021", "2021-03", "2021-03-05", or an interval
"2019/2021"), an amount, polarity, hedging and the attribution chain; the places of a transfer
(origin, route, destination), the beneficiaries, counts of things (quantities), and the
proposition and event a claim is about. Checked as the build
checks a confirmed claim (known ids, a calendar date that can be), so a draft corrected here
and then accepted never stops the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from publisher.corpus.load import is_place
from publisher.corpus.model import Corpus
from publisher.corpus.timespec import TimeError, parse_time
from publisher.corpus.vocabulary import Vocabulary
from publisher.errors import InputError, Problem

# The fields a curator edits, in the order curators write them in a mapping file.
EDITABLE = (
    "subject",
    "relation",
    "object",
    "beneficiary_includes",
    "amount",
    "time",
    "place",
    "origin",
    "route",
    "destination",
    "quantities",
    "hedged",
    "polarity",
    "attribution",
    "proposition",
    "event",
)
# Fields a form may leave out (an older page, a script): then they are kept as they are.
# Lists are sent as numbered fields (route_1, route_2, ...; quantity_1_kind, ...).
OPTIONAL = {
    "beneficiary_includes": "beneficiary_1",
    "origin": "origin",
    "route": "route_1",
    "destination": "destination",
    "quantities": "quantity_1_kind",
    "proposition": "proposition",
    "event": "event",
}
QUANTITY_KEYS = ("kind", "value", "min", "max", "approximate")  # what the form shows of one
POLARITIES = ("affirmed", "denied")


@dataclass
class FieldErrors(InputError):
    """Bad input on a form: a message per field, and nothing written."""

    fields: dict[str, str] = field(default_factory=dict)


def refuse(fields: dict[str, str], where: str = "form") -> FieldErrors:
    problems = [Problem(where, None, f"{name}: {message}") for name, message in fields.items()]
    return FieldErrors(problems, fields)


def _time(text: str) -> str | dict[str, str] | None:
    text = text.strip()
    if not text:
        return None
    if "/" in text:
        begin, end = (part.strip() for part in text.split("/", 1))
        value: dict[str, str] = {}
        if begin:
            value["from"] = begin
        if end:
            value["to"] = end
        return value
    return text


def _number(text: str, errors: dict[str, str], name: str = "amount") -> int | float | None:
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        errors[name] = f"{text!r} is not a number"
        return None
    if not number.is_finite() or number < 0:
        errors[name] = f"{text!r} is not an {name}" if name == "amount" else f"{text!r} < 0"
        return None
    return int(number) if number == number.to_integral() else float(number)


def _amount(form: Mapping[str, str], errors: dict[str, str]) -> dict[str, Any] | None:
    """value, or min and/or max (a range, "up to"), currency, rate, approximate."""
    amount: dict[str, Any] = {}
    for key in ("value", "min", "max"):
        number = _number(form.get(f"amount_{key}") or "", errors)
        if number is not None:
            amount[key] = number
    if not amount:
        return None
    if "min" in amount and "max" in amount and amount["min"] > amount["max"]:
        errors["amount"] = "the minimum is above the maximum"
    currency = (form.get("amount_currency") or "").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        errors["amount"] = f"currency {currency!r} is not a three-letter code (USD)"
    amount["currency"] = currency
    rate = (form.get("amount_rate") or "").strip()
    if rate:
        amount["rate"] = rate
    if (form.get("amount_approximate") or "").lower() in ("on", "true", "1", "yes"):
        amount["approximate"] = True
    return amount


def _attribution(text: str, errors: dict[str, str]) -> list[dict[str, str]] | None:
    """One `agent role` pair a line (role defaults to original-source)."""
    chain = []
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if len(words) > 2:
            errors["attribution"] = f"{line.strip()!r}: write an actor id and a role, one a line"
            return None
        chain.append({"agent": words[0], "role": words[1] if len(words) > 1 else "original-source"})
    return chain or None


def _numbered(form: Mapping[str, str], prefix: str, suffix: str = "") -> list[int]:
    """The numbers n of the fields `prefix_n` (`prefix_n_suffix`) a form holds, in order."""
    found: list[int] = []
    for key in form:
        middle = key.removeprefix(prefix + "_")
        if key.startswith(prefix + "_") and key.endswith(suffix):
            middle = middle.removesuffix(suffix)
            if middle.isdigit():
                found.append(int(middle))
    return sorted(found)


def _ids(form: Mapping[str, str], prefix: str) -> list[str] | None:
    """The ids of numbered fields (empty ones dropped), or None for none."""
    ids = [(form.get(f"{prefix}_{n}") or "").strip() for n in _numbered(form, prefix)]
    return [i for i in ids if i] or None


def _quantities(form: Mapping[str, str], errors: dict[str, str]) -> list[dict[str, Any]] | None:
    """Counts of things: a kind (quantity-kinds), and a value or a min and/or max."""
    found: list[dict[str, Any]] = []
    for n in _numbered(form, "quantity", "_kind"):

        def get(key: str, n: int = n) -> str:
            return (form.get(f"quantity_{n}_{key}") or "").strip()

        quantity: dict[str, Any] = {"kind": get("kind")}
        for key in ("value", "min", "max"):
            number = _number(get(key), errors, "quantities")
            if number is not None:
                quantity[key] = number
        if quantity == {"kind": ""}:
            continue  # the empty row for a new one
        if not quantity["kind"]:
            errors["quantities"] = f"quantity {len(found) + 1} needs a kind"
        elif not any(k in quantity for k in ("value", "min", "max")):
            errors["quantities"] = f"quantity {quantity['kind']} needs a value, or min and/or max"
        elif "min" in quantity and "max" in quantity and quantity["min"] > quantity["max"]:
            errors["quantities"] = f"quantity {quantity['kind']}: the minimum is above the maximum"
        quantity["approximate"] = get("approximate").lower() in ("on", "true", "1", "yes")
        found.append(quantity)
    return found or None


def _optional(form: Mapping[str, str], errors: dict[str, str]) -> dict[str, Any]:
    """The fields of OPTIONAL that the form carries."""
    found: dict[str, Any] = {}
    for key, marker in OPTIONAL.items():
        if marker not in form:
            continue
        if key == "beneficiary_includes":
            found[key] = _ids(form, "beneficiary")
        elif key == "route":
            found[key] = _ids(form, "route")
        elif key == "quantities":
            found[key] = _quantities(form, errors)
        else:
            found[key] = (form.get(key) or "").strip() or None
    return found


def read_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The editable fields of a form as mapping-file values (None: the field is left out)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        "subject": (form.get("subject") or "").strip() or None,
        "relation": (form.get("relation") or "").strip() or None,
        "object": (form.get("object") or "").strip() or None,
        "amount": _amount(form, errors),
        "time": _time(form.get("time") or ""),
        "place": (form.get("place") or "").strip() or None,
        "hedged": (form.get("hedged") or "").lower() in ("on", "true", "1", "yes"),
        "polarity": (form.get("polarity") or "affirmed").strip(),
        "attribution": _attribution(form.get("attribution") or "", errors),
        **_optional(form, errors),
    }
    if errors:
        raise refuse(errors)
    return values


def check_values(values: Mapping[str, Any], corpus: Corpus, vocabulary: Vocabulary) -> None:
    """Refuse values the build would refuse in a confirmed claim, naming each field."""
    errors: dict[str, str] = {}
    for role in ("subject", "object"):
        ident = values.get(role)
        if not ident:
            errors[role] = f"a claim needs its {role} (an actor)"
        elif ident not in corpus.actors and not (role == "object" and ident in corpus.events):
            errors[role] = f"unknown actor {ident!r}: pick one, or add it as a new actor"
    relation = values.get("relation")
    if not relation:
        errors["relation"] = "a claim needs its relation type"
    elif not vocabulary.knows("relation", relation):
        errors["relation"] = f"unknown relation type {relation!r}"
    if values.get("time") is not None:
        try:
            parse_time(values["time"])
        except TimeError as error:
            errors["time"] = str(error)
    for key in ("place", "origin", "destination"):
        place = values.get(key)
        if place and not is_place(corpus, place):
            errors[key] = f"unknown place {place!r}"
    for place in values.get("route") or []:
        if not is_place(corpus, place):
            errors["route"] = f"unknown place {place!r}"
    for actor in values.get("beneficiary_includes") or []:
        if actor not in corpus.actors:
            errors["beneficiary_includes"] = f"unknown actor {actor!r}"
    for quantity in values.get("quantities") or []:
        if not vocabulary.knows("quantity-kind", quantity["kind"]):
            errors["quantities"] = f"unknown quantity kind {quantity['kind']!r}"
    if values.get("proposition") and values["proposition"] not in corpus.propositions:
        errors["proposition"] = f"unknown proposition {values['proposition']!r}"
    if values.get("event") and values["event"] not in corpus.events:
        errors["event"] = f"unknown event {values['event']!r}"
    amount = values.get("amount")
    if amount and amount.get("rate") and not vocabulary.knows("rate", amount["rate"]):
        errors["amount"] = f"unknown rate {amount['rate']!r}"
    if values.get("polarity") not in POLARITIES:
        errors["polarity"] = f"polarity is {' or '.join(POLARITIES)}"
    for step in values.get("attribution") or []:
        if step["agent"] not in corpus.actors:
            errors["attribution"] = f"unknown actor {step['agent']!r}"
        elif not vocabulary.knows("attribution-role", step["role"]):
            errors["attribution"] = f"unknown role {step['role']!r}"
    if errors:
        raise refuse(errors)


def check_span(text: str, start: object, end: object) -> tuple[int, int]:
    """Offsets of a selection, in code points of the document text."""
    try:
        begin, finish = int(str(start)), int(str(end))
    except ValueError:
        raise refuse({"evidence": "start and end must be whole numbers"}) from None
    if not 0 <= begin < finish <= len(text):
        raise refuse({"evidence": f"[{begin}, {finish}) is outside the text (length {len(text)})"})
    if not text[begin:finish].strip():
        raise refuse({"evidence": "the selection holds no words"})
    return begin, finish
