"""What the "Done when" of the workbench asks, checked the same way whether a browser or the
test client did the curating: the release's claims of the document as RDF, the mapping file's
diff, and `suggest` afterwards."""

from __future__ import annotations

import difflib
from pathlib import Path

import rdflib
from rdflib.namespace import PROV, RDF

from publisher.curate.drafts import suggest_document
from publisher.curate.suggest.mapping_file import mapping_path
from tests.conftest import BASE
from tests.workbench.conftest import DOCUMENT

OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
SUP = rdflib.Namespace(BASE + "def/")
CLAIM = BASE + "id/claim/"


def release_claims(release: Path, text: str) -> dict[str, tuple[str, str, str]]:
    """The claims stated in the document, as (subject, relation, object) ids, each checked to
    have its evidence: the exact words of the text at its offsets."""
    dataset = rdflib.Dataset()
    dataset.parse(release / "dataset.nq", format="nquads")
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    document = rdflib.URIRef(BASE + f"id/document/{DOCUMENT}")
    found = {}
    for claim in graph.subjects(SUP.statedIn, document):
        if (claim, RDF.type, SUP.Claim) not in graph:
            continue
        evidence = graph.value(claim, PROV.wasDerivedFrom)
        selectors = list(graph.objects(evidence, OA.hasSelector))
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in graph)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in graph)
        start, end = (int(graph.value(position, OA[k]).toPython()) for k in ("start", "end"))
        exact = graph.value(quote, OA.exact)
        assert str(exact) == text[start:end], (claim, exact)
        assert exact.language == "ar"
        assert str(graph.value(quote, OA.prefix)) == text[max(0, start - 32) : start] or text[
            :start
        ].endswith(str(graph.value(quote, OA.prefix)))
        found[str(claim).removeprefix(CLAIM)] = tuple(
            str(graph.value(claim, SUP[p])).rsplit("/", 1)[-1]
            for p in ("subject", "relation", "object")
        )
    return found


def diff(before: str, after: str) -> list[str]:
    """The lines removed (-) and added (+), in order."""
    return [
        line
        for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def suggest_changes_nothing(home: Path) -> None:
    path = mapping_path(home, DOCUMENT)
    before = path.read_bytes()
    assert not suggest_document(home, DOCUMENT).written.changed
    assert path.read_bytes() == before
