// The query page's editor: YASQE (the SPARQL editor of YASGUI) in place of the plain textarea,
// with highlighting and completion of this dataset's prefixes, classes, properties and actors.
// Everything it completes comes from this server (/query/completions.json); nothing is fetched
// from elsewhere (YASQE's own completers ask prefix.cc and LOV, so they are not enabled).
// Without this script, or without YASQE, the page is the plain form and works the same: the
// form sends the query by GET, so that every query has an address.
(function () {
  "use strict";
  const form = document.querySelector("form.query-form");
  const Yasqe = window.Yasqe;
  if (!form || !Yasqe) return;
  const area = form.querySelector("textarea[name=query]");
  const predeclared = JSON.parse(form.dataset.prefixes || "{}");
  let data = { prefixes: predeclared, classes: [], properties: [], actors: [] };

  // The endpoint accepts the dataset's prefixes undeclared: the editor's own syntax check is
  // told so, by starting every parse with them declared.
  const sparql = Yasqe.modes && Yasqe.modes.sparql11;
  if (sparql && !sparql.predeclared) {
    const withPrefixes = function (config, modeConfig) {
      const mode = sparql(config, modeConfig);
      const start = mode.startState;
      mode.startState = function () {
        const state = start.apply(this, arguments);
        state.prefixes = Object.assign({}, predeclared, state.prefixes);
        return state;
      };
      return mode;
    };
    withPrefixes.predeclared = true;
    Yasqe.defineMode("sparql11", withPrefixes);
  }
  const loaded = fetch(form.dataset.completions, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : data))
    .then((found) => { data = found; return found; })
    .catch(() => data);

  // Prefixes declared in the query, then the dataset's (usable undeclared on this endpoint).
  function knownPrefixes(yasqe) {
    return Object.assign({}, data.prefixes, yasqe.getPrefixesFromQuery());
  }

  // `sup:Cl` or `<http://…/def/Cl` as the IRI typed so far.
  function expand(yasqe, token) {
    const typed = token.string.trim();
    token.autocompletionString = typed;
    if (typed.startsWith("<")) {
      token.autocompletionString = typed.slice(1).replace(/>$/, "");
      return token;
    }
    const colon = typed.indexOf(":");
    if (colon >= 0) {
      const prefix = typed.slice(0, colon);
      const namespace = knownPrefixes(yasqe)[prefix];
      if (namespace !== undefined) {
        token.tokenPrefix = prefix + ":";
        token.tokenPrefixUri = namespace;
        token.autocompletionString = namespace + typed.slice(colon + 1);
      }
    }
    return token;
  }

  // A full IRI written back the way it was typed: prefixed when it was.
  function writeBack(yasqe, token, iri) {
    if (token.tokenPrefix && token.tokenPrefixUri && iri.startsWith(token.tokenPrefixUri)) {
      return token.tokenPrefix + iri.slice(token.tokenPrefixUri.length);
    }
    return "<" + iri + ">";
  }

  function startingWith(list, token) {
    const typed = token && token.autocompletionString;
    if (!typed) return [];
    return list.filter((iri) => iri.startsWith(typed)).slice(0, 100);
  }

  const iriCompleter = { preProcessToken: expand, postProcessSuggestion: writeBack, bulk: false };

  Yasqe.forkAutocompleter("prefixes", {
    name: "dataset-prefixes",
    persistenceId: null,
    get: () => loaded.then(() =>
      Object.keys(data.prefixes).sort().map((name) => name + ": <" + data.prefixes[name] + ">")),
  }, false);
  Yasqe.forkAutocompleter("class", Object.assign({}, iriCompleter, {
    name: "dataset-classes",
    get: (yasqe, token) => loaded.then(() => startingWith(data.classes, token)),
  }), false);
  Yasqe.forkAutocompleter("property", Object.assign({}, iriCompleter, {
    name: "dataset-properties",
    get: (yasqe, token) => loaded.then(() => startingWith(data.properties, token)),
  }), false);
  // Actors by their IRI or by a name in either language: `actor:hez`, `actor:حم`.
  Yasqe.registerAutocompleter(Object.assign({}, iriCompleter, {
    name: "dataset-actors",
    autoShow: false,
    isValidCompletionPosition: (yasqe) => {
      const token = yasqe.getCompleteToken();
      const typed = token.string.trim();
      const namespace = data.prefixes.actor;
      return typed.startsWith("actor:") || (!!namespace && typed.startsWith("<" + namespace));
    },
    get: (yasqe, token) => loaded.then(() => {
      const namespace = data.prefixes.actor || "";
      const typed = (token.autocompletionString || "").slice(namespace.length).toLowerCase();
      return data.actors
        .filter((a) => a.iri.slice(namespace.length).toLowerCase().startsWith(typed) ||
          (a.en || "").toLowerCase().includes(typed) || (a.ar || "").includes(typed))
        .map((a) => a.iri)
        .slice(0, 100);
    }),
    postprocessHints: (yasqe, hints) => hints.map((hint) => {
      const namespace = data.prefixes.actor || "";
      const iri = hint.text.startsWith("<") ? hint.text.slice(1, -1)
        : namespace + hint.text.slice(hint.text.indexOf(":") + 1);
      const actor = data.actors.find((a) => a.iri === iri);
      if (actor) hint.displayText = hint.text + "  " + [actor.en, actor.ar].filter(Boolean).join(" · ");
      return hint;
    }),
  }), false);

  const box = document.createElement("div");
  box.className = "yasqe-box";
  area.parentNode.insertBefore(box, area);
  area.hidden = true;
  const yasqe = new Yasqe(box, {
    value: area.value,
    persistenceId: null,
    showQueryButton: false,
    resizeable: true,
    editorHeight: "22em",
    prefixCcApi: null,
    consumeShareLink: null,
    createShareableLink: null,
    autocompleters: ["variables", "dataset-prefixes", "dataset-classes", "dataset-properties",
      "dataset-actors"],
    extraKeys: {
      "Ctrl-Enter": () => submit(),
      "Cmd-Enter": () => submit(),
      "Ctrl-Space": (editor) => editor.autocomplete(),
    },
  });
  window.queryEditor = yasqe; // for people at the console, and for the browser tests

  function submit() {
    area.value = yasqe.getValue();
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }
  form.addEventListener("submit", () => { area.value = yasqe.getValue(); });

  // A syntax error the server found is marked on its line.
  const source = document.querySelector("section.problem pre.source");
  if (source) {
    const line = Number(source.dataset.line) - 1;
    const column = Number(source.dataset.column) - 1;
    yasqe.addLineClass(line, "background", "server-error-line");
    yasqe.getDoc().setCursor({ line: line, ch: Math.max(column, 0) });
    yasqe.focus();
  }
})();
