"""Bad input gets an error naming file and line, a non-zero exit, and the last release stays."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from publisher.cli import main

CLAIMS = "data/claims/iran-hamas-relations-ar-wikipedia.yaml"


def _fingerprint(folder: Path) -> dict[str, str]:
    real = folder.resolve()
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(real.iterdir())}


@pytest.fixture(scope="session")
def released_template(built_home: Path) -> Path:
    """A project copy with a good release: the session's (tests/conftest.py), built once."""
    return built_home


@pytest.fixture
def released(released_template: Path, tmp_path: Path) -> Path:
    """A private copy of the template project, release included (its link kept as a link)."""
    target = tmp_path / "project"
    shutil.copytree(released_template, target, symlinks=True)
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a file; returns the 1-based line of the first change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def _first_claim_key(path: Path, key: str) -> tuple[str, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith(f"{key}:"):
            return line, number
    raise AssertionError(f"no {key} in {path}")


def _build_fails(project: Path, capsys, expect_code: int, *patterns: str) -> str:
    before = _fingerprint(project / "release")
    code = main(["build", "--home", str(project)])
    err = capsys.readouterr().err
    assert code == expect_code, err
    for pattern in patterns:
        assert re.search(pattern, err), f"{pattern!r} not in:\n{err}"
    assert "Traceback" not in err
    assert _fingerprint(project / "release") == before, "a failed build replaced the release"
    # Nor did it leave the folder it wrote its dumps into while it validated.
    versions = project / "release.d"
    assert not [p.name for p in versions.iterdir() if p.name.startswith(".")], "a staging folder"
    return err


def test_unknown_actor(released: Path, capsys) -> None:
    path = released / CLAIMS
    line_text, _number = _first_claim_key(path, "subject")
    _edit(path, line_text, line_text.split(":")[0] + ": atlantis")
    _build_fails(released, capsys, 2, rf"{CLAIMS}:\d+: claim .*unknown actor 'atlantis'")


def test_unknown_relation(released: Path, capsys) -> None:
    path = released / CLAIMS
    line_text, _ = _first_claim_key(path, "relation")
    _edit(path, line_text, line_text.split(":")[0] + ": telepathy")
    _build_fails(released, capsys, 2, rf"{CLAIMS}:\d+: claim .*unknown relation type 'telepathy'")


def test_quote_not_at_offsets(released: Path, capsys) -> None:
    path = released / CLAIMS
    line_text, number = _first_claim_key(path, "start")
    value = int(line_text.split(":")[1])
    _edit(path, line_text, line_text.replace(str(value), str(value + 3)))
    _build_fails(
        released,
        capsys,
        2,
        rf"{CLAIMS}:{number}: claim .*quote is not at offsets",
        r"occurs at start=",
    )


def test_impossible_date(released: Path, capsys) -> None:
    path = released / "data/events.yaml"
    number = _edit(path, 'time: "2006-12"', 'time: "2006-13"')
    _build_fails(released, capsys, 2, rf"data/events.yaml:{number}: time: impossible month")


def test_duplicate_identifier(released: Path, capsys) -> None:
    path = released / "data/actors.yaml"
    number = _edit(path, "  - id: russia\n", "  - id: iran\n")
    _build_fails(
        released, capsys, 2, rf"data/actors.yaml:{number}: duplicate id 'iran'", r"first defined at"
    )


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the file is binary"),
        ("مرحبا".encode("cp1256"), "not UTF-8: byte 0x"),
    ],
    ids=["empty", "binary", "non-utf8"],
)
def test_unreadable_document(released: Path, capsys, content: bytes, message: str) -> None:
    (released / "data/documents/002_091af1424fcd9861.txt").write_bytes(content)
    _build_fails(released, capsys, 2, rf"data/documents/002_091af1424fcd9861.txt: {message}")


def test_changed_document_checksum(released: Path, capsys) -> None:
    path = released / "data/documents/002_091af1424fcd9861.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nإضافة", encoding="utf-8")
    _build_fails(released, capsys, 2, r"data/documents.yaml:\d+: checksum of documents/002")


def test_yaml_syntax_error(released: Path, capsys) -> None:
    path = released / "data/propositions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [unclosed\n", encoding="utf-8")
    _build_fails(released, capsys, 2, r"data/propositions.yaml:\d+: YAML syntax")


@pytest.mark.slow  # the whole graph validated again, the cache cannot help
def test_shacl_violation_names_the_mapping_line(released: Path, capsys) -> None:
    """What only the shapes catch (here a negative amount) is reported with the focus node,
    the path, the message and the mapping file and line the node came from."""
    path = released / CLAIMS
    text = path.read_text(encoding="utf-8")
    anchor = "amount: {value: 100000000"
    assert anchor in text
    claim_line = text[: text.index(anchor)].rfind("  - id: ")
    line = text[:claim_line].count("\n") + 1
    claim_id = text[claim_line:].split("\n", 1)[0].split("id:")[1].strip()
    _edit(path, anchor, "amount: {value: -100000000")
    err = _build_fails(released, capsys, 3, r"does not conform", r"previous release is unchanged")
    assert re.search(
        rf"{CLAIMS}:{line}: \S*/id/claim/{claim_id}/amount \S*schema.org/value: ", err
    ), err


def test_denied_claim_without_its_cue(released: Path, capsys) -> None:
    """A denied claim whose quote holds no negation (and no cue_note naming the words that
    deny it) fails the build: the quote alone would say the opposite."""
    path = released / CLAIMS
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: ihr-tehran-conference-1990\n")
    line = text[:start].count("\n") + 1
    block_end = text.index("  - id: ", start + 10)
    block = text[start:block_end]
    path.write_text(
        text[:start] + block.replace("polarity: affirmed", "polarity: denied") + text[block_end:],
        encoding="utf-8",
    )
    _build_fails(
        released,
        capsys,
        2,
        rf"{CLAIMS}:{line}: claim ihr-tehran-conference-1990 is denied, but its quote holds no "
        "negation word",
    )


def test_cue_note_must_quote_the_claim(released: Path, capsys) -> None:
    path = released / CLAIMS
    _edit(path, "cue_note: {cue: متهمة,", "cue_note: {cue: اتهام,")
    _build_fails(
        released,
        capsys,
        2,
        rf"{CLAIMS}:\d+: claim ihr-hamas-accused-breaking-axis: cue_note names 'اتهام', which "
        "is not in the quote",
    )


def test_denied_claim_whose_cue_note_is_removed(released: Path, capsys) -> None:
    path = released / CLAIMS
    text = path.read_text(encoding="utf-8")
    note = text.index('    cue_note: {cue: رفض, note: \'"رفض" (refusal) governs')
    path.write_text(text[:note] + text[text.index("\n", note) + 1 :], encoding="utf-8")
    _build_fails(
        released,
        capsys,
        2,
        rf"{CLAIMS}:\d+: claim ihr-hamas-refuses-to-join-crackdown is denied, but its quote "
        "holds no negation word",
    )


@pytest.mark.parametrize(
    "path, old, graph",
    [
        ("data/documents.yaml", "en: Iran–Hamas relations}", "/graph/document/"),
        ("data/actors.yaml", "en: [Russian Federation]", "/graph/reference"),
    ],
    ids=["document", "reference"],
)
def test_the_text_that_stands_for_the_release_id_is_refused(
    released: Path, capsys, path: str, old: str, graph: str
) -> None:
    """A graph holding the text the release id is computed with (PLACEHOLDER) would have the
    id written into it: refused, by the graph, whether the part is made in a worker or not."""
    _edit(
        released / path,
        old,
        old.replace("]", " 0000000000000000]").replace("}", " 0000000000000000}"),
    )
    err = _build_fails(released, capsys, 3, "holds the text 0000000000000000")
    assert graph in err, err


def test_unknown_key_in_a_data_file(released: Path, capsys) -> None:
    path = released / "data/sources.yaml"
    number = _edit(path, "    author: usip\n", "    author: usip\n    autor: usip\n")
    _build_fails(
        released,
        capsys,
        2,
        rf"data/sources.yaml:{number + 1}: source usip-2021-05-report: unknown key 'autor'",
    )


@pytest.mark.parametrize("folder", ["shapes", "ontology"])
def test_turtle_syntax_error_names_the_file_and_line(
    released: Path, capfd: pytest.CaptureFixture[str], folder: str
) -> None:
    """A broken ontology or shapes file is an input problem at its line, reported once: the
    process that reads them beside the corpus leaves that to the build (no traceback)."""
    path = sorted((released / folder).glob("*.ttl"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\n<http://x/a> <http://x/b> "unterminated .\n', encoding="utf-8")
    line = text.count("\n") + 2
    before = _fingerprint(released / "release")
    code = main(["build", "--home", str(released)])
    err = capfd.readouterr().err
    assert code == 2, err
    assert re.search(rf"{folder}/{path.name}:{line}: Turtle syntax", err), err
    assert "Traceback" not in err and err.count("Turtle syntax") == 1, err
    assert _fingerprint(released / "release") == before
