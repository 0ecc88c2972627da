"""Numbers in the query string (`page`, `from`, `to`, ...), read one way everywhere.

A number is plain ASCII decimal digits within a range. Anything else is a 400 whose message
names the parameter and what it takes: `str.isdigit` and `int` alone would take `²` and `٣`
(and then fail on them), and `int` refuses 5,000 digits with an error of its own; both were
500s.
"""

from __future__ import annotations

from flask import abort, request

SHOWN = 20  # characters of a refused value repeated in the message


def number(name: str, low: int, high: int, *, blank_is_absent: bool = False) -> int | None:
    """The whole number given as `name` (None when absent, or empty with `blank_is_absent`,
    as a form's empty field is); 400 unless it is given once, in ASCII digits, from `low` to
    `high`."""
    values = request.args.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        abort(400, description=f"{name} is given {len(values)} times; give it once.")
    value = values[0]
    if value == "" and blank_is_absent:
        return None
    significant = value.lstrip("0") or "0"
    if (
        value.isascii()
        and value.isdigit()
        and len(significant) <= len(str(high))  # bounded before int() reads it
        and low <= int(significant) <= high
    ):
        return int(significant)
    shown = value if len(value) <= SHOWN else value[:SHOWN] + f"... ({len(value)} characters)"
    abort(
        400,
        description=f"{name}={shown!r} is not allowed: {name} takes a whole number from {low} "
        f"to {high}, written with the digits 0-9.",
    )
