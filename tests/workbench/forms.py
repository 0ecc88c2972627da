"""The fields of each claim card of a workbench page, as the browser would send them."""

from __future__ import annotations

from html.parser import HTMLParser


class ClaimCards(HTMLParser):
    """Reads `<form class="claim" data-claim=...>` cards: inputs, selects, textareas."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: dict[str, dict[str, str]] = {}
        self.card: dict[str, str] | None = None
        self.select: str | None = None
        self.first_option: str | None = None
        self.textarea: str | None = None
        self.capturing = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and "data-claim" in a:
            self.card = self.cards.setdefault(a["data-claim"], {})
        elif self.card is None:
            return
        elif tag == "input" and a.get("name"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.card[a["name"]] = "on"
            else:
                self.card[a["name"]] = a.get("value", "")
        elif tag == "select":
            self.select, self.first_option = a["name"], None
        elif tag == "option" and self.select:
            # The first option is sent unless another is selected; its text is its value here.
            self.capturing = self.first_option is None or "selected" in a
            if self.capturing:
                self.card[self.select] = ""
            self.first_option = "seen"
        elif tag == "textarea":
            self.textarea = a["name"]
            self.card[self.textarea] = ""

    def handle_data(self, data: str) -> None:
        if self.card is None:
            return
        if self.textarea:
            self.card[self.textarea] += data
        elif self.select and self.capturing:
            self.card[self.select] += data.strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.card = None
        elif tag == "select":
            self.select = None
        elif tag == "option":
            self.capturing = False
        elif tag == "textarea":
            self.textarea = None


def claim_cards(page: str) -> dict[str, dict[str, str]]:
    parser = ClaimCards()
    parser.feed(page)
    return parser.cards
