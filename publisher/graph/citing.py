"""Which references of the document's reference list a claim rests on.

An encyclopedia article puts a reference marker ("[9]", "[15][16][17]") after the words it
supports: after a clause, or at the end of a sentence (after its final punctuation). So a
claim's references are found in its evidence sentences, the sentences of the text layer its
quote overlaps:

* the markers inside the quote;
* the first run of markers at or after the end of the quote, up to the end of its last
  evidence sentence (a marker the sentence splitter left just after the sentence, separated
  only by spaces, still belongs to it);
* when neither exists, every marker of the evidence sentences: the sentence carries them and
  the quote is part of what they support.

Automatic and the same for every document with markers, including ones added later.
"""

from __future__ import annotations

from publisher.textlayer import CitationMarker, Sentence, TextLayer


def evidence_sentences(layer: TextLayer, start: int, end: int) -> list[Sentence]:
    """The content sentences [start, end) overlaps, in order."""
    return [s for s in layer.sentences if not s.in_boilerplate and s.start < end and start < s.end]


def _reach(layer: TextLayer, sentence: Sentence) -> int:
    """Where a sentence's markers end: its end, or the end of a marker run that follows it
    after nothing but spaces."""
    text, reach = layer.text, sentence.end
    for marker in layer.citation_markers:
        if marker.start >= reach and not text[reach : marker.start].strip():
            reach = marker.end
    return reach


def cited_numbers(layer: TextLayer, start: int, end: int) -> list[int]:
    """The reference numbers a claim quoting [start, end) rests on, in marker order."""
    sentences = evidence_sentences(layer, start, end)
    if not sentences or not layer.citation_markers:
        return []
    first, last = sentences[0].start, _reach(layer, sentences[-1])
    markers = [m for m in layer.citation_markers if first <= m.start and m.end <= last]
    chosen: list[CitationMarker] = [m for m in markers if start <= m.start < end]
    after = [m for m in markers if m.start >= end]
    if after:
        chosen.append(after[0])
    if not chosen:
        chosen = markers
    numbers: list[int] = []
    for marker in chosen:
        numbers += [n for n in marker.numbers if n not in numbers]
    return numbers
