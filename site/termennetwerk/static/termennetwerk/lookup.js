// The Termennetwerk lookup in the Term editor: type three letters, choose a term, and
// its URI, labels, alternative labels, scope note and broader term fill the form. Plain JavaScript:
// it talks only to our own admin views (the proxy), which cache and time out.
(function () {
  "use strict";

  const DEBOUNCE_MS = 300;

  function setField(name, value) {
    const input = document.getElementById("id_" + name);
    if (!input) return;
    input.value = value;
    // Wagtail notices unsaved changes (and the labels' own listeners) through events.
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, (_, key) => values[key] ?? "");
  }

  function setUp(root) {
    const strings = JSON.parse(root.dataset.strings);
    const minLength = parseInt(root.dataset.minLength, 10);
    const query = root.querySelector("[data-termennetwerk-query]");
    const status = root.querySelector("[data-termennetwerk-status]");
    const results = root.querySelector("[data-termennetwerk-results]");
    let timer = null;
    let pending = null;

    function say(text, isError) {
      status.textContent = text || "";
      status.classList.toggle("termennetwerk-lookup__error", Boolean(isError));
    }

    async function getJson(url, params) {
      if (pending) pending.abort();
      pending = new AbortController();
      const response = await fetch(url + "?" + new URLSearchParams(params), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: pending.signal,
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok && !data.message) throw new Error(String(response.status));
      return data;
    }

    function show(data) {
      results.replaceChildren();
      if (data.status !== "ok") {
        say(data.message || strings.failed, true);
        return;
      }
      let count = 0;
      for (const source of data.sources) {
        const group = element("section", "termennetwerk-lookup__group");
        group.dataset.source = source.uri;
        group.append(element("h3", "termennetwerk-lookup__source", source.name));
        if (!source.answered) {
          group.append(element("p", "termennetwerk-lookup__error", source.message));
        } else if (source.terms.length === 0) {
          group.append(element("p", "help", strings.noResults));
        } else {
          const list = element("ul", "termennetwerk-lookup__list");
          for (const term of source.terms) {
            count += 1;
            const item = element("li");
            const button = element("button", "termennetwerk-lookup__term");
            button.type = "button";
            button.dataset.uri = term.uri;
            button.title = strings.choose;
            button.append(element("span", "termennetwerk-lookup__label", term.label));
            if (term.scope_note) {
              button.append(element("span", "termennetwerk-lookup__note", term.scope_note));
            }
            button.append(element("span", "termennetwerk-lookup__uri", term.uri));
            button.addEventListener("click", () => choose(term.uri, source.name));
            item.append(button);
            list.append(item);
          }
          group.append(list);
        }
        results.append(group);
      }
      say(count === 0 && data.sources.every((s) => s.answered) ? strings.noResults : "");
    }

    async function search() {
      const text = query.value.trim();
      const kind = document.getElementById("id_kind");
      if (text.length < minLength) {
        results.replaceChildren();
        say(text.length ? format(strings.tooShort, {}) : "");
        return;
      }
      if (!kind || !kind.value) {
        say(strings.chooseKind, true);
        return;
      }
      say(strings.searching);
      try {
        show(await getJson(root.dataset.searchUrl, { q: text, kind: kind.value }));
      } catch (error) {
        if (error.name !== "AbortError") say(strings.failed, true);
      }
    }

    async function choose(uri) {
      say(strings.fetching);
      let data;
      try {
        data = await getJson(root.dataset.lookupUrl, { uri });
      } catch (error) {
        if (error.name !== "AbortError") say(strings.failed, true);
        return;
      }
      if (data.status !== "ok") {
        say(data.message || strings.failed, true);
        return;
      }
      const term = data.term;
      setField("authority_uri", term.uri);
      const missing = [];
      for (const language of ["nl", "en", "fr"]) {
        setField("label_" + language, term.fields["label_" + language]);
        if (!term.fields["label_" + language]) missing.push(strings.languages[language]);
      }
      setField("alt_labels", term.fields.alt_labels);
      setField("scope_note", term.fields.scope_note);
      results.replaceChildren();
      let message = format(strings.filled, { label: term.label });
      if (missing.length) {
        message += " " + format(strings.missingLanguages, { languages: missing.join(", ") });
      }
      // The broader term: ours when we hold the authority's broader concept (the
      // chooser widget Wagtail keeps on its element), else said so the editor can add it.
      const chooser = document.getElementById("id_broader-chooser");
      if (data.broader_term && chooser && chooser.widget) {
        chooser.widget.setState(data.broader_term);
        message += " " + format(strings.broaderSet, { label: data.broader_term.string });
      } else if (term.broader.length) {
        message += " " + format(strings.broaderMissing, { label: term.broader[0].label });
      }
      say(message);
    }

    query.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(search, DEBOUNCE_MS);
    });
    // Enter in the search box searches; it must not submit the Term form.
    query.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        clearTimeout(timer);
        search();
      }
    });
  }

  function init() {
    document.querySelectorAll("[data-termennetwerk-lookup]").forEach((root) => {
      if (!root.dataset.ready) {
        root.dataset.ready = "1";
        setUp(root);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
