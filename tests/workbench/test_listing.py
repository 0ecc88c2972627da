"""The documents list counts coverage as the build does, and analyses a document again only
when its text, its mapping file, the actors or the cue lexicon changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publisher.build.coverage import coverage_report
from publisher.curate import review_state
from tests.workbench.conftest import ARMS, DOCUMENT, Curator

ARMS_FORM = {"subject": "irgc", "relation": "weapons-supply", "object": "palestinian-islamic-jihad",
             "time": "2019", "polarity": "affirmed"}  # fmt: skip
ROW = re.compile(r'<tr data-document="([^"]+)">.*?<td>(?:(\d+) / (\d+) \(|no candidate)', re.S)


def _listed(curator: Curator) -> dict[str, tuple[int, int]]:
    page = curator.client.get("/").get_data(as_text=True)
    return {
        ident: (int(accounted or 0), int(candidates or 0))
        for ident, accounted, candidates in ROW.findall(page)
    }


def _report(home: Path) -> dict[str, tuple[int, int]]:
    return {
        c.document.id: (sum(1 for a in c.accounting if a.accounted), len(c.accounting))
        for c in coverage_report(home)
    }


@pytest.mark.slow  # the coverage of every document, more than once
def test_the_list_is_the_coverage_report_and_remembers_it(curator: Curator, home: Path) -> None:
    review_state._COUNTS.clear()
    listed = _listed(curator)
    assert listed == _report(home) and len(listed) == 6
    assert listed[DOCUMENT][1] > 0  # the new document has candidate sentences
    analysed = len(review_state._COUNTS)
    assert analysed == len(listed)
    assert _listed(curator) == listed
    assert len(review_state._COUNTS) == analysed  # nothing analysed again

    # Accepting a draft changes its document's mapping file: that document alone is analysed
    # again, and the list counts the sentence it accounts for.
    form = {**ARMS_FORM, "action": "accept"}
    assert curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", form).status_code == 200
    after = _listed(curator)
    assert after == _report(home)
    assert after[DOCUMENT][0] == listed[DOCUMENT][0] + 1
    assert len(review_state._COUNTS) == analysed + 1

    # A new actor may make new candidate sentences anywhere: every document is analysed again.
    actors = home / "data" / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _listed(curator) == after
    assert len(review_state._COUNTS) == 2 * analysed + 1
