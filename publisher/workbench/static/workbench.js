// The workbench's pages: review claims on the document, make claims and actors from a
// selection, pick ids by name, check and publish. Plain JavaScript; every write goes to the
// workbench itself with the session's token.
"use strict";

const token = document.querySelector('meta[name="workbench-token"]').content;
const bench = document.querySelector(".bench");
const documentId = bench ? bench.dataset.document : null;
const status = document.getElementById("status");

function say(message, kind) {
  status.textContent = message;
  status.className = kind || "";
}

// POST a form's fields; resolves to the JSON answer (ok or not).
async function post(url, data) {
  const body = data instanceof FormData ? data : new FormData();
  if (!(data instanceof FormData)) {
    for (const [key, value] of Object.entries(data || {})) body.append(key, value);
  }
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "X-Workbench-Token": token, Accept: "application/json" },
    credentials: "same-origin",
  });
  let answer;
  try {
    answer = await response.json();
  } catch (error) {
    answer = { ok: false, problems: [`${response.status} ${response.statusText}`] };
  }
  if (answer.refused) answer = { ok: false, problems: [`refused: ${answer.refused}`] };
  return answer;
}

// Show what was wrong on the form itself: by field, and the rest below.
function showProblems(form, answer) {
  form.querySelectorAll(".error").forEach((span) => { span.textContent = ""; });
  const list = form.querySelector(".problems");
  list.textContent = "";
  const errors = answer.errors || {};
  for (const [name, message] of Object.entries(errors)) {
    const span = form.querySelector(`.error[data-for="${name}"]`);
    if (span) span.textContent = message;
    else addItem(list, `${name}: ${message}`);
  }
  for (const problem of answer.problems || []) addItem(list, problem);
}

function addItem(list, text) {
  const item = document.createElement("li");
  item.textContent = text;
  list.appendChild(item);
}

function reloadAt(claimId) {
  const url = new URL(window.location.href);
  url.hash = claimId ? `claim-${claimId}` : "";
  window.history.replaceState(null, "", url.toString());
  window.location.reload();
}

// --- pickers: a datalist filled from /pick/<kind> as the curator types ---
let pickCount = 0;
function pickers(root) {
  root.querySelectorAll("input[data-pick]").forEach((input) => {
    const list = document.createElement("datalist");
    list.id = `pick-${pickCount += 1}`;
    input.after(list);
    input.setAttribute("list", list.id);
    let last = null;
    input.addEventListener("input", async () => {
      const query = input.value;
      if (query === last) return;
      last = query;
      const response = await fetch(`/pick/${input.dataset.pick}?q=${encodeURIComponent(query)}`);
      if (!response.ok || query !== input.value) return;
      list.textContent = "";
      for (const choice of await response.json()) {
        const option = document.createElement("option");
        option.value = choice.id;
        option.label = [choice.en, choice.ar, choice.note].filter(Boolean).join(" · ");
        list.appendChild(option);
      }
    });
  });
}

// --- the claims: highlight, focus, accept / correct / reject ---
const cards = Array.from(document.querySelectorAll("form.claim[data-claim]"));
let current = null;

function runsOf(claimId) {
  return Array.from(document.querySelectorAll(".run[data-claims]"))
    .filter((run) => run.dataset.claims.split(" ").includes(claimId));
}

function focusCard(card, scroll) {
  if (!card) return;
  document.querySelectorAll(".run.active").forEach((run) => run.classList.remove("active"));
  cards.forEach((other) => other.classList.remove("current"));
  card.classList.add("current");
  current = card;
  const runs = runsOf(card.dataset.claim);
  runs.forEach((run) => run.classList.add("active"));
  if (scroll !== false) {
    card.scrollIntoView({ block: "nearest" });
    if (runs.length) runs[0].scrollIntoView({ block: "nearest" });
  }
}

async function submitCard(card, action) {
  const data = new FormData(card);
  data.set("action", action);
  say(`${action}: ${card.dataset.claim}…`);
  const answer = await post(`/document/${documentId}/claims/${card.dataset.claim}`, data);
  if (answer.ok) {
    say(`${card.dataset.claim}: ${answer.status || "saved"}`, "ok");
    reloadAt(card.dataset.claim);
  } else {
    showProblems(card, answer);
    say(`${card.dataset.claim}: not written`, "bad");
  }
}

cards.forEach((card) => {
  card.addEventListener("submit", (event) => {
    event.preventDefault();
    const action = event.submitter ? event.submitter.value : "save";
    submitCard(card, action);
  });
  card.addEventListener("focusin", () => focusCard(card, false));
  card.addEventListener("mouseenter", () => focusCard(card, false));
});

document.querySelectorAll(".run[data-claims]").forEach((run) => {
  run.addEventListener("click", () => {
    const first = run.dataset.claims.split(" ")[0];
    focusCard(document.getElementById(`claim-${first}`));
  });
});

// --- a selection in the text: its offsets in code points of the document ---
const text = document.getElementById("text");
let selected = null;

function codePoints(string) {
  return Array.from(string).length;
}

// The offset (code points) of a DOM position inside the text.
function offsetOf(node, offset) {
  if (node === text) {
    const run = text.children[offset];
    return run ? Number(run.dataset.s) : Number(text.dataset.length);
  }
  const run = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (!run.classList.contains("run")) return null;
  if (node.nodeType !== Node.TEXT_NODE) {
    return Number(run.dataset.s) + (offset ? codePoints(run.textContent) : 0);
  }
  return Number(run.dataset.s) + codePoints(node.data.slice(0, offset));
}

function documentText() {
  return Array.from(text.querySelectorAll(".run")).map((run) => run.textContent).join("");
}

function readSelection() {
  const selection = window.getSelection();
  if (!text || !selection.rangeCount || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
  let start = offsetOf(range.startContainer, range.startOffset);
  let end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  const chars = Array.from(documentText());
  // Spaces at either edge of a selection are not evidence.
  while (start < end && /\s/.test(chars[start])) start += 1;
  while (end > start && /\s/.test(chars[end - 1])) end -= 1;
  if (end <= start) return null;
  return {
    start,
    end,
    quote: chars.slice(start, end).join(""),
    prefix: chars.slice(Math.max(0, start - 32), start).join(""),
    suffix: chars.slice(end, end + 32).join(""),
  };
}

function showSelection() {
  const found = readSelection();
  if (!found) return;
  selected = found;
  document.getElementById("sel-start").textContent = found.start;
  document.getElementById("sel-end").textContent = found.end;
  document.getElementById("sel-quote").textContent = found.quote;
  document.getElementById("sel-prefix").textContent = found.prefix;
  document.getElementById("sel-suffix").textContent = found.suffix;
  document.getElementById("selection").hidden = false;
  // A name already known as an actor needs no new actor; another name may be a spelling.
  const actors = new Set(
    Array.from(text.querySelectorAll(".run"))
      .filter((run) => {
        const start = Number(run.dataset.s);
        const end = start + codePoints(run.textContent);
        return start < found.end && found.start < end && run.textContent.trim();
      })
      .map((run) => run.dataset.actor || ""),
  );
  const known = actors.size === 1 && !actors.has("") ? [...actors][0] : null;
  const label = document.getElementById("sel-known");
  label.hidden = !known;
  label.textContent = known ? `known actor: ${known}` : "";
  document.getElementById("actor-open").hidden = Boolean(known);
  spellings(known ? "" : found.quote);
}

// Known actors whose names answer the selected words: offered as "another spelling of".
async function spellings(quote) {
  const box = document.getElementById("sel-spellings");
  box.textContent = "";
  if (!quote || quote.length > 80) return;
  const response = await fetch(`/pick/actor?q=${encodeURIComponent(quote)}`);
  if (!response.ok) return;
  const choices = (await response.json()).slice(0, 3);
  if (!choices.length) return;
  box.append("a spelling of: ");
  for (const choice of choices) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "spelling";
    button.textContent = choice.id;
    button.title = [choice.en, choice.ar].filter(Boolean).join(" · ");
    button.addEventListener("click", () => openActor({ name: quote, variant: choice.id }));
    box.append(button, " ");
  }
}

if (text) {
  text.addEventListener("mouseup", showSelection);
  text.addEventListener("keyup", showSelection);
  document.addEventListener("selectionchange", () => {
    const found = readSelection();
    if (found) showSelection();
  });
}

const newClaim = document.getElementById("new-claim");
function openNewClaim() {
  if (!selected || !newClaim) return;
  newClaim.elements.start.value = selected.start;
  newClaim.elements.end.value = selected.end;
  newClaim.querySelector(".quote").textContent = `…${selected.prefix}[${selected.quote}]${selected.suffix}…`;
  newClaim.hidden = false;
  newClaim.elements.subject.focus();
}

if (newClaim) {
  document.getElementById("new-claim-open").addEventListener("click", openNewClaim);
  newClaim.querySelector(".cancel").addEventListener("click", () => { newClaim.hidden = true; });
  newClaim.addEventListener("submit", async (event) => {
    event.preventDefault();
    say("saving the new claim…");
    const answer = await post(`/document/${documentId}/claims`, new FormData(newClaim));
    if (answer.ok) {
      say(`new claim ${answer.claim}`, "ok");
      reloadAt(answer.claim);
    } else {
      showProblems(newClaim, answer);
      say("the new claim was not written", "bad");
    }
  });
}

const actorForm = document.getElementById("actor");
let openActor = () => {};
if (actorForm) {
  const language = actorForm.elements.language.value;
  const mode = () => actorForm.elements.mode.value;
  const layout = () => {
    actorForm.querySelector(".new-only").hidden = mode() !== "new";
  };
  actorForm.querySelectorAll('input[name="mode"]').forEach((r) => r.addEventListener("change", layout));
  openActor = (found) => {
    const form = actorForm.elements;
    form.name.value = found.name;
    form[language === "ar" ? "ar" : "en"].value = found.name;
    if (found.en) form.en.value = found.en;
    if (found.ar) form.ar.value = found.ar;
    if (found.kind && Array.from(form.type.options).some((o) => o.value === found.kind)) {
      form.type.value = found.kind;
    }
    form.id.value = found.variant || found.ident || "";
    actorForm.querySelector(`input[name="mode"][value="${found.variant ? "alias" : "new"}"]`).checked = true;
    actorForm.hidden = false;
    layout();
    form.id.focus();
  };
  document.getElementById("actor-open").addEventListener("click", () => {
    if (selected) openActor({ name: selected.quote });
  });
  document.querySelectorAll("button.candidate").forEach((button) => {
    button.addEventListener("click", () => openActor({
      name: button.dataset.name, ident: button.dataset.ident, kind: button.dataset.kind,
      variant: button.dataset.variant, en: button.dataset.en, ar: button.dataset.ar,
    }));
  });
  actorForm.querySelector(".cancel").addEventListener("click", () => { actorForm.hidden = true; });
  actorForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await post("/actors", new FormData(actorForm));
    if (answer.ok) {
      say(answer.alias ? `${answer.alias}: now a spelling of ${answer.actor}` : `added actor ${answer.actor}`, "ok");
      reloadAt(null);
    } else {
      showProblems(actorForm, answer);
      say("the actor was not added", "bad");
    }
  });
}

// --- drafting, checking, publishing ---
const draftButton = document.getElementById("draft");
if (draftButton) {
  draftButton.addEventListener("click", async () => {
    say("drafting…");
    const answer = await post(`/document/${documentId}/draft`);
    if (answer.ok) {
      say(`${answer.added.length} new, ${answer.updated.length} updated, ${answer.removed.length} removed draft(s)`, "ok");
      reloadAt(null);
    } else {
      say((answer.problems || []).join("; "), "bad");
    }
  });
}

async function check() {
  say("checking (the build's checks: evidence, references, SHACL)…");
  const answer = await post(`/document/${documentId}/check`);
  document.querySelectorAll(".findings").forEach((box) => { box.textContent = ""; });
  if (!answer.ok) {
    say((answer.problems || []).join("; "), "bad");
    return;
  }
  const general = document.getElementById("general");
  for (const message of answer.general) addLine(general, message);
  for (const [claimId, messages] of Object.entries(answer.findings)) {
    const card = document.getElementById(`claim-${claimId}`);
    for (const message of messages) addLine(card ? card.querySelector(".findings") : general, card ? message : `${claimId}: ${message}`);
  }
  const count = Object.values(answer.findings).flat().length + answer.general.length;
  say(count ? `${count} finding(s)` : `no findings${answer.shapes ? " (SHACL included)" : ""}`, count ? "bad" : "ok");
  document.body.dataset.checked = count ? "findings" : "clean";
}

function addLine(box, message) {
  const line = document.createElement("p");
  line.textContent = message;
  box.appendChild(line);
}

const checkButton = document.getElementById("check");
if (checkButton) checkButton.addEventListener("click", check);

document.getElementById("publish").addEventListener("click", async () => {
  say("publishing: building and validating the release…");
  const answer = await post("/publish");
  if (answer.ok) {
    say(`published release ${answer.release}: ${answer.triples} triples, ${answer.documents} documents, ${answer.claims} claims`, "ok");
    document.body.dataset.release = answer.release;
  } else {
    say(`not published: ${(answer.problems || []).join("; ")}`, "bad");
    document.body.dataset.release = "failed";
  }
});

// --- keyboard: the common path without the mouse ---
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (target.closest && target.closest("input, textarea, select")) {
    if (event.key === "Escape") target.blur();
    return;
  }
  const index = current ? cards.indexOf(current) : -1;
  switch (event.key) {
    case "j": focusCard(cards[Math.min(cards.length - 1, index + 1)]); break;
    case "k": focusCard(cards[Math.max(0, index - 1)]); break;
    case "a": if (current) submitCard(current, "accept"); break;
    case "r": if (current) submitCard(current, "reject"); break;
    case "e": if (current) current.elements.subject.focus(); break;
    case "n": openNewClaim(); break;
    case "c": if (checkButton) check(); break;
    default: return;
  }
  event.preventDefault();
});

pickers(document);
if (window.location.hash.startsWith("#claim-")) {
  focusCard(document.getElementById(window.location.hash.slice(1)));
} else {
  focusCard(cards.find((card) => card.classList.contains("status-draft")), false);
}
document.body.dataset.ready = "yes";
