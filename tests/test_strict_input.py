"""Strict reading of the data files: an unknown key, a key with no value, or a value of the
wrong shape is an error naming file and line, in every kind of data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.corpus.load import load_corpus
from publisher.errors import InputError


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file; the 1-based line of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _problems(project: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_corpus(project)
    return [str(problem) for problem in caught.value.problems]


def _one_problem_at(project: Path, path: str, line: int, *words: str) -> str:
    found = [p for p in _problems(project) if p.startswith(f"{project / path}:{line}:")]
    assert found, _problems(project)
    assert all(word in found[0] for word in words), found[0]
    return found[0]


# (file, text to replace, replacement, words the message must contain)
CASES = [
    (
        "data/documents.yaml",
        "    kind: interview\n",
        "    kind: interview\n    summary: an interview\n",
        ("document hamas-new-phase-ar-interview", "unknown key 'summary'"),
    ),
    (
        "data/documents.yaml",
        "    publisher: al-monitor\n",
        "    publisher:\n",
        ("document hamas-new-phase-ar-interview", "publisher has no value"),
    ),
    (
        "data/actors.yaml",
        "    wikidata: Q159\n",
        "    wikidata: Q159\n    capital: moscow\n",
        ("actor russia", "unknown key 'capital'"),
    ),
    (
        "data/actors.yaml",
        "    anonymous: true\n    name: {en: an Israeli security source",
        "    anonymous: yes please\n    name: {en: an Israeli security source",
        ("actor israeli-security-source", "anonymous must be true or false"),
    ),
    (
        "data/actors.yaml",
        "  - id: tehran\n    name: {en: Tehran, ar: طهران}",
        "  - id: tehran\n    name: {en: Tehran, capital of Iran, ar: طهران}",
        ("place tehran", "name: unknown key 'capital of Iran' with no value"),
    ),
    (
        "data/events.yaml",
        'name: {en: "Conference in support of Palestine, Tehran 1990"',
        "name: {en: Conference in support of Palestine, Tehran 1990",
        ("event tehran-palestine-conference-1990", "unknown key 'Tehran 1990' with no value"),
    ),
    (
        "data/events.yaml",
        "    participants: [iran, hamas]\n",
        "    participants: iran\n",
        ("event tehran-palestine-conference-1990", "participants must be a list"),
    ),
    (
        "data/sources.yaml",
        "    author: usip\n",
        "    author: usip\n    pages: 12\n",
        ("source usip-2021-05-report", "unknown key 'pages'"),
    ),
    (
        "data/propositions.yaml",
        "  - id: iran-funds-hamas\n    name: {en: Iran funds Hamas, ar: إيران تمول حماس}\n",
        "  - id: iran-funds-hamas\n    name: {en: Iran funds Hamas, ar: ~}\n",
        ("proposition iran-funds-hamas", "name: ar has no value"),
    ),
    (
        "data/conflicts.yaml",
        "  - id: iran-role-in-october-7-attack\n",
        "  - id: iran-role-in-october-7-attack\n    severity: high\n",
        ("conflict iran-role-in-october-7-attack", "unknown key 'severity'"),
    ),
    (
        "data/claims/raisi-damascus-ar-news.yaml",
        "  - id: rdm-syria-hosts-ppsf\n",
        "  - id: rdm-syria-hosts-ppsf\n    certainty: high\n",
        ("claim rdm-syria-hosts-ppsf", "unknown key 'certainty'"),
    ),
    (
        "data/claims/raisi-damascus-ar-news.yaml",
        "  - id: rdm-syria-hosts-ppsf\n",
        "  - id: rdm-syria-hosts-ppsf\n    event:\n",
        ("claim rdm-syria-hosts-ppsf", "event has no value"),
    ),
    (
        "data/claims/raisi-damascus-ar-news.yaml",
        "  - id: rdm-syria-hosts-ppsf\n    subject: syria\n",
        "  - id: rdm-syria-hosts-ppsf\n    subject: [syria]\n",
        ("claim rdm-syria-hosts-ppsf", "subject must be text, not a list"),
    ),
    (
        "data/claims/raisi-damascus-ar-news.yaml",
        "    amount: {max: 100000000, currency: USD, rate: per-year}",
        "    amount: {max: 100000000, currency: USD, rate: per-year, per: year}",
        ("claim rdm-state-dept-100m", "amount: unknown key 'per'"),
    ),
    (
        "data/claims/raisi-damascus-ar-news.yaml",
        "document: raisi-damascus-ar-news\n",
        "document: raisi-damascus-ar-news\nreviewer: someone\n",
        ("unknown key 'reviewer' at the top of the file",),
    ),
]


@pytest.mark.parametrize(
    "path, old, new, words",
    CASES,
    ids=[
        f"{case[0].rsplit('/', 1)[-1]}-{case[3][-1].split()[0]}-{n}" for n, case in enumerate(CASES)
    ],
)
def test_bad_shape_is_an_error_with_file_and_line(
    project: Path, path: str, old: str, new: str, words: tuple[str, ...]
) -> None:
    line = _edit(project / path, old, new)
    # The change is on the line of `old`'s first line, or the line after it for appended keys.
    problems = _problems(project)
    located = [
        p
        for p in problems
        if p.startswith((f"{project / path}:{line}:", f"{project / path}:{line + 1}:"))
    ]
    assert located, problems
    assert any(all(word in p for word in words) for p in located), located


def test_the_event_labels_keep_their_commas(project: Path) -> None:
    corpus, _ = load_corpus(project)
    assert corpus.events["tehran-palestine-conference-1990"].names.en == (
        "Conference in support of Palestine, Tehran 1990"
    )
    assert (
        corpus.events["beirut-meeting-2023-10-02"].names.en == "Meeting in Beirut, 2 October 2023"
    )
