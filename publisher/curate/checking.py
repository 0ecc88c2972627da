"""Checking one document as the build checks it, and publishing: the workbench runs the real
build for both, so what it reports is what `publisher build` would say.

A check reads a scratch copy of the project in which the document's drafts count as
confirmed (the real files are never written): the corpus loaded (evidence: every quote at its
offsets; known actors, places, relation types, dates that can be), the cues of denied and
hedged claims, then SHACL on the document's own unit of the graph (the build validates its
graph unit by unit: publisher/build/validating.py). Each finding is given to the claim of this
document it concerns: by the line of the mapping file a problem names, or by the claim a
focus node belongs to. So a draft's problems show before it is accepted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from publisher.build.pipeline import CACHE_DIR, validate_document
from publisher.build.publish import build_release
from publisher.curate.document_view import ClaimView, mapping_claims
from publisher.curate.scratch import drafts_confirmed
from publisher.curate.suggest.mapping_file import mapping_path
from publisher.errors import InputError
from publisher.rdf.iris import Minter


@dataclass
class Check:
    document: str
    findings: dict[str, list[str]] = field(default_factory=dict)  # claim id -> messages
    general: list[str] = field(default_factory=list)  # findings of no claim of this document
    shapes_checked: bool = False

    @property
    def clean(self) -> bool:
        return not self.findings and not self.general


def _claim_at(claims: list[ClaimView], line: int | None) -> str | None:
    """The claim whose entry holds `line` (entries run from their line to the next one's)."""
    if line is None:
        return None
    owner = None
    for claim in claims:
        if claim.line <= line:
            owner = claim.id
    return owner


def _place(check: Check, path: Path, claims: list[ClaimView], error: InputError) -> None:
    """Problems of the input on the claims whose lines they name."""
    for problem in error.problems:
        mine = Path(str(problem.path)).resolve() == path
        claim = _claim_at(claims, problem.line) if mine else None
        if claim:
            check.findings.setdefault(claim, []).append(problem.message)
        elif mine or check.document in problem.message:
            check.general.append(str(problem))
    if not check.findings and not check.general:
        check.general.append(f"the corpus has {len(error.problems)} problem(s) elsewhere")


def check_document(home: Path, base: str, document_id: str) -> Check:
    """The build's checks of `document_id` with its drafts confirmed, with findings on its
    claims (drafts included)."""
    path = mapping_path(home, document_id).resolve()
    claims = mapping_claims(path)
    check = Check(document_id)
    with drafts_confirmed(home, document_id) as scratch:
        try:
            validation = validate_document(
                scratch.home, base, document_id, cache_folder=home / CACHE_DIR
            )
        except InputError as error:
            _place(check, path, claims, scratch.real(error))
            return check
    check.shapes_checked = True
    minter = Minter(base)
    prefixes = {claim.id: str(minter.claim(claim.id)) for claim in claims}
    for finding in validation.findings:
        owner = next(
            (
                i
                for i, iri in prefixes.items()
                if finding.focus == iri or finding.focus.startswith(iri + "/")
            ),
            None,
        )
        message = f"{finding.severity}: {finding.message}" + (
            f" ({finding.path})" if finding.path else ""
        )
        if owner:
            check.findings.setdefault(owner, []).append(message)
        else:  # the document's unit holds only its own nodes: its text, its metadata
            check.general.append(f"{finding.focus}: {message}")
    return check


@dataclass(frozen=True)
class Published:
    id: str
    folder: Path
    triples: int
    documents: int
    claims: int


def publish(home: Path, base: str) -> Published:
    """Build, validate and switch HOME/release to the new release, as `publisher build` does."""
    folder = build_release(home, base, home / "release")
    manifest = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    return Published(
        str(manifest["id"]),
        folder,
        int(manifest["triples"]),
        int(manifest["documents"]),
        int(manifest["claims"]),
    )
