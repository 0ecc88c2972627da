"""Writing SVG on the server: elements with escaped attributes, colours, nice axis steps.

Only presentation attributes are used (fill, stroke, font-size), never `style`, so that the
pictures look the same inline in a page under a strict Content-Security-Policy and as files.
"""

from __future__ import annotations

import math

from markupsafe import escape

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif"
# Colour-blind-friendly qualitative colours (Okabe-Ito, then Tableau), in a fixed order.
PALETTE = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F3C8D", "#8C564B",
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#9C755F", "#E15759", "#76B7B2", "#EDC948",
    "#17BECF", "#BCBD22", "#1F3A93", "#A0522D", "#2E8B57", "#C71585", "#556B2F", "#708090",
)  # fmt: skip


def attrs(values: dict[str, object]) -> str:
    """` name="value"` pairs, escaped, in the given order; None values are left out."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = f"{value:.2f}".rstrip("0").rstrip(".")
        parts.append(f' {name.rstrip("_").replace("_", "-")}="{escape(str(value))}"')
    return "".join(parts)


def tag(name: str, content: str = "", **values: object) -> str:
    """One element; `content` is already SVG (escape text with `text()` first)."""
    if content:
        return f"<{name}{attrs(values)}>{content}</{name}>"
    return f"<{name}{attrs(values)}/>"


def text(value: str) -> str:
    """Character data for an element."""
    return str(escape(value))


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def nice_step(span: float, ticks: int = 6) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` ticks."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power: float = 10 ** math.floor(math.log10(raw))  # an int when raw >= 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def document(width: float, height: float, content: str, label: str) -> str:
    """A complete <svg> element with a title for assistive technology."""
    return (
        f'<svg xmlns="{SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f"{attrs({'width': width, 'height': height, 'viewBox': f'0 0 {width} {height}'})}"
        f' role="img" aria-label="{escape(label)}" font-family="{FONT}">'
        f"<title>{text(label)}</title>{content}</svg>"
    )
