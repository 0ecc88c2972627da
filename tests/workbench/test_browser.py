"""The workbench as a curator uses it, in headless Chromium against `publisher curate` on a
copy of the project: add an Arabic document, draft it, accept one draft (keyboard), correct
another's object and time, reject a third (keyboard), make a claim by selecting a clause, add
an unknown actor from a selected name, check and publish. Then: the release holds exactly those
claims with their evidence, the mapping file's diff is exactly those changes, `suggest`
changes nothing; a forged cross-origin POST from the browser is refused and changes no file.

Needs Debian's `chromium` (`make browser` installs it); skipped with that reason otherwise.
`make test-workbench` runs it (marker workbench, left out of `make test`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from publisher.build.pipeline import CACHE_DIR
from publisher.corpus.load import load_corpus
from publisher.curate.suggest.mapping_file import mapping_path
from tests.conftest import ROOT, copy_project
from tests.liveserver import free_port
from tests.markers import starts
from tests.pages.browser import Browser, chromium
from tests.remote.servers import stop
from tests.workbench.conftest import ARMS, DOCUMENT, FIXTURE, MEETS, PLEDGE, TIES, VISIT, snapshot
from tests.workbench.scenario import diff, release_claims, suggest_changes_nothing

ARTIFACTS = ROOT / "test-artifacts" / "workbench"
pytestmark = [
    pytest.mark.workbench,
    pytest.mark.live,
    pytest.mark.skipif(
        chromium() is None,
        reason="chromium is not installed: run `make browser` (apt-get install chromium)",
    ),
]


@pytest.fixture
def project(tmp_path: Path, built_home: Path) -> Path:
    """A copy of the project (the build cache of the session's release kept, as a curator's
    machine has it after a first build); the new document is added in the browser."""
    home = copy_project(tmp_path / "project")
    if (built_home / CACHE_DIR).is_dir():
        import shutil

        shutil.copytree(built_home / CACHE_DIR, home / CACHE_DIR)
    return home


@pytest.fixture
@starts("live")
def workbench(project: Path, tmp_path: Path):
    """`publisher curate` on a free loopback port; always stopped."""
    port = free_port()
    log = tmp_path / "workbench.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "publisher", "curate", "--home", str(project),
             "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(url + "/pick/relation", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        yield url
    finally:
        stop(process)


@pytest.fixture
@starts("live")
def browser(tmp_path: Path):
    profile = tmp_path / "chromium"
    profile.mkdir()
    with Browser(profile, 1400, 1000) as running:
        yield running


def wait(browser: Browser, expression: str, timeout: float = 120) -> object:
    """Until `expression` is truthy in the page (through reloads and navigations)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = browser.evaluate(expression)
            if value:
                return value
        except AssertionError:
            pass  # the page is being replaced
        assert time.monotonic() < deadline, f"waited {timeout} s for {expression}"
        time.sleep(0.2)


def reloaded(browser: Browser, action: str) -> None:
    """Run `action` in the page and wait for the page it reloads to be ready."""
    browser.evaluate("window.__before = true; " + action)
    wait(browser, "!window.__before && document.body && document.body.dataset.ready === 'yes'")


def press(browser: Browser, key: str) -> None:
    """A real key press, as the keyboard sends it."""
    code = ord(key.upper())
    for kind in ("keyDown", "keyUp"):
        browser.call(
            "Input.dispatchKeyEvent", type=kind, key=key, code=f"Key{key.upper()}",
            text=key if kind == "keyDown" else "", windowsVirtualKeyCode=code,
        )  # fmt: skip


def set_fields(browser: Browser, form: str, values: dict[str, str]) -> None:
    """Type values into a form's fields (input events fire, as when typing)."""
    browser.evaluate(
        f"""(() => {{ const form = {form};
        for (const [name, value] of Object.entries({json.dumps(values)})) {{
          const field = form.elements[name];
          field.value = value;
          field.dispatchEvent(new Event('input', {{bubbles: true}}));
          field.dispatchEvent(new Event('change', {{bubbles: true}}));
        }} }})()"""
    )


# Select the words `phrase` in the document text, as a mouse drag does, then release.
SELECT = """((phrase) => {
  const text = document.getElementById('text');
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  const nodes = []; let whole = '';
  while (walker.nextNode()) { nodes.push([walker.currentNode, whole.length]); whole += walker.currentNode.data; }
  const from = whole.indexOf(phrase), to = from + phrase.length;
  const at = (i) => { for (const [node, start] of nodes) if (i <= start + node.data.length) return [node, i - start]; };
  const range = document.createRange();
  range.setStart(...at(from)); range.setEnd(...at(to));
  const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
  text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return [Number(document.getElementById('sel-start').textContent), Number(document.getElementById('sel-end').textContent)];
})"""


def test_a_curator_reviews_a_new_arabic_document_and_publishes(
    workbench: str, browser: Browser, project: Path
) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    home_page = browser.visit(workbench + "/")
    assert home_page.errors == [] and home_page.external == []

    # Add the document with the form (pasted text and its metadata), as `publisher add` does.
    set_fields(
        browser,
        "document.getElementById('add-document')",
        {"text": text, "lang": "ar", "title_en": "Iran pledges support to Hamas",
         "id": DOCUMENT, "added": "2026-12-01"},
    )  # fmt: skip
    reloaded(browser, "document.getElementById('add-document').requestSubmit()")
    assert browser.evaluate("location.pathname") == f"/document/{DOCUMENT}"
    assert load_corpus(project)[0].documents[DOCUMENT].text == text

    reloaded(browser, "document.getElementById('draft').click()")
    drafted = browser.evaluate(
        "[...document.querySelectorAll('form.claim[data-claim]')].map(f => f.dataset.claim)"
    )
    assert drafted == [PLEDGE, ARMS, MEETS, TIES, VISIT]
    path = mapping_path(project, DOCUMENT)
    before = path.read_text(encoding="utf-8")
    assert browser.evaluate("getComputedStyle(document.getElementById('text')).direction") == "rtl"
    assert (
        browser.evaluate(
            f"document.querySelectorAll('.run.claim-draft[data-claims~=\"{ARMS}\"]').length"
        )
        >= 1
    )
    assert browser.evaluate("document.querySelectorAll('.run.actor[data-actor=hamas]').length") >= 1
    browser.screenshot(ARTIFACTS / "drafted.png")

    # Accept the first draft from the keyboard.
    browser.evaluate(f"document.getElementById('claim-{ARMS}').focus()")
    browser.evaluate("window.__before = true")
    press(browser, "a")
    wait(browser, "!window.__before && document.body.dataset.ready === 'yes'")

    # Correct the visit's object and time, with the picker, and accept it.
    card = f"document.getElementById('claim-{VISIT}')"
    set_fields(browser, card, {"object": "الحكومة الروسية"})
    wait(
        browser,
        f"[...{card}.querySelector('[name=object]').list.options].some(o => o.value === 'russian-government')",
        30,
    )
    set_fields(browser, card, {"object": "russian-government", "time": "2022-06"})
    reloaded(browser, f"{card}.querySelector('button.accept').click()")

    # Reject the third from the keyboard.
    browser.evaluate(f"document.getElementById('claim-{TIES}').focus()")
    browser.evaluate("window.__before = true")
    press(browser, "r")
    wait(browser, "!window.__before && document.body.dataset.ready === 'yes'")
    statuses = browser.evaluate(
        "Object.fromEntries([...document.querySelectorAll('form.claim[data-claim]')].map(f => [f.dataset.claim, f.querySelector('.badge').textContent]))"
    )
    assert statuses == {
        PLEDGE: "draft",
        ARMS: "confirmed",
        MEETS: "draft",
        TIES: "rejected",
        VISIT: "confirmed",
    }

    # A claim from a selected clause: its offsets are the selection's.
    clause = "أعلنت إيران في مارس 2021 أنها ستقدم دعما ماليا لحركة حماس"
    start, end = browser.evaluate(f"{SELECT}({json.dumps(clause)})")
    assert (start, end) == (text.index(clause), text.index(clause) + len(clause))
    press(browser, "n")
    assert browser.evaluate("document.getElementById('new-claim').hidden") is False
    # A bad date first: a message on the form, nothing written.
    form = "document.getElementById('new-claim')"
    set_fields(browser, form, {"subject": "iran", "relation": "pledge-financial-aid",
                               "object": "hamas", "time": "2021-02-30",
                               "attribution": "irna reporting-outlet"})  # fmt: skip
    unchanged = snapshot(project)
    browser.evaluate(f"{form}.requestSubmit()")
    wait(browser, f"{form}.querySelector('.error[data-for=time]').textContent")
    assert snapshot(project) == unchanged
    set_fields(browser, form, {"time": "2021-03"})
    reloaded(browser, f"{form}.requestSubmit()")
    made = [
        c
        for c in browser.evaluate(
            "[...document.querySelectorAll('form.claim[data-claim]')].map(f => f.dataset.claim)"
        )
        if c not in (PLEDGE, ARMS, MEETS, TIES, VISIT)
    ]
    assert len(made) == 1
    pledge = made[0]

    # A known actor's name, selected, is said to be known; an unknown one can be added.
    browser.evaluate(f"{SELECT}({json.dumps('الحرس الثوري الإيراني')})")
    assert (
        browser.evaluate("document.getElementById('sel-known').textContent") == "known actor: irgc"
    )
    assert browser.evaluate("document.getElementById('actor-open').hidden") is True
    name = "سامر الخطيب"
    browser.evaluate(f"{SELECT}({json.dumps(name)})")
    assert browser.evaluate("document.getElementById('actor-open').hidden") is False
    browser.evaluate("document.getElementById('actor-open').click()")
    assert browser.evaluate("document.getElementById('actor').elements.ar.value") == name
    set_fields(browser, "document.getElementById('actor')",
               {"id": "samer-al-khatib", "en": "Samer al-Khatib", "type": "person"})  # fmt: skip
    reloaded(browser, "document.getElementById('actor').requestSubmit()")
    assert (
        browser.evaluate(
            "document.querySelectorAll('.run.actor[data-actor=\"samer-al-khatib\"]').length"
        )
        == 1
    )

    # The build's checks, then publishing.
    browser.evaluate("document.getElementById('check').click()")
    assert wait(browser, "document.body.dataset.checked", 300) == "clean"
    browser.evaluate("document.getElementById('publish').click()")
    release = wait(browser, "document.body.dataset.release", 300)
    assert release != "failed", browser.evaluate("document.getElementById('status').textContent")
    browser.screenshot(ARTIFACTS / "published.png")
    assert (project / "release").resolve().name == release

    assert release_claims(project / "release", text) == {
        ARMS: ("irgc", "weapons-supply", "palestinian-islamic-jihad"),
        VISIT: ("ismail-haniyeh", "visit", "russian-government"),
        pledge: ("iran", "pledge-financial-aid", "hamas"),
    }
    changes = diff(before, path.read_text(encoding="utf-8"))
    assert [c for c in changes if c.startswith("-")] == [
        "-    status: draft",  # accepted
        "-    status: draft",  # rejected
        "-    object: russia",
        "-    time: '2022'",
        "-    status: draft",  # corrected and accepted
    ]
    assert [c for c in changes if c.startswith("+")][:5] == [
        "+    status: confirmed",
        "+    status: rejected",
        "+    object: russian-government",
        "+    time: 2022-06",
        "+    status: confirmed",
    ]
    assert [c for c in changes if c.startswith("+")][5:] == [
        f"+  - id: {pledge}",
        "+    subject: iran",
        "+    relation: pledge-financial-aid",
        "+    object: hamas",
        f"+    quote: {clause}",
        f"+    start: {start}",
        f"+    end: {end}",
        "+    time: 2021-03",
        "+    polarity: affirmed",
        "+    attribution: [{agent: irna, role: reporting-outlet}]",
    ]
    suggest_changes_nothing(project)


def test_a_forged_cross_origin_post_changes_no_file(
    workbench: str, browser: Browser, project: Path
) -> None:
    """A page of another origin posts forms to the workbench: refused, nothing written."""
    before = snapshot(project)
    for action, fields in (
        ("/publish", {}),
        ("/actors", {"mode": "new", "id": "forged", "type": "person", "en": "Forged"}),
        (
            "/documents",
            {"text": "Forged\nRussia met Hamas.\n", "lang": "en", "missing_title": "on"},
        ),
    ):
        inputs = "".join(f'<input name="{k}" value="{v}">' for k, v in fields.items())
        page = (
            f'<form method="post" action="{workbench}{action}">{inputs}</form>'
            "<script>document.forms[0].submit()</script>"
        )
        browser.visit("data:text/html;charset=utf-8," + quote(page))
        answer = wait(browser, "location.href.startsWith('http') && document.body.innerText", 30)
        assert "refused" in str(answer), answer
    assert snapshot(project) == before
    assert not (project / "release").exists()
