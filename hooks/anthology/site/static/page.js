"use strict";
// The browsing page. Registry text only ever reaches the page as text nodes or
// attribute values, never as markup; links are built from checked http(s) URLs.
(() => {
  const PAGE = 40;
  const LIVE = new Set(["standard", "experimental"]);
  const DEFAULTS = { q: "", topic: "", status: "live", sort: "topic", view: "cards", id: "" };
  const $ = (id) => document.getElementById(id);
  const controls = { q: $("q"), topic: $("topic"), status: $("status"), sort: $("sort") };
  const results = $("results");
  const summary = $("summary");

  const registry = load(JSON.parse($("registry-data").textContent));
  const sorted = new Map();
  let state = { ...DEFAULTS };
  let shown = [];
  let window_ = { start: 0, end: PAGE };
  let pending = 0;

  // The data is the registry's JSON export (schema/export.schema.json).
  function load(data) {
    const topics = new Map((data.topics || []).map((t) => [t.id, t]));
    const recs = (data.recommendations || []).map((r, order) => {
      const paper = r.paper || {};
      const topic = (r.topic && r.topic.id) || "";
      const hay = [r.id, r.text, paper.title, paper.id, paper.first_author].filter(Boolean).join("\n");
      return { ...r, paper, topic, order, hay: fold(hay), successors: r.successors || [],
               predecessors: r.predecessors || [], current: r.current || [],
               topicTitle: (topics.get(topic) || {}).title || (r.topic && r.topic.title) || topic };
    });
    const byId = new Map(recs.map((r) => [r.id, r]));
    const byPaper = new Map();
    const byTopic = new Map();
    for (const r of recs) {
      push(byPaper, r.paper.id, r);
      push(byTopic, r.topic, r);
    }
    return { topics, recs, byId, byPaper, byTopic };
  }

  function push(map, key, value) {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(value);
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // ---- building elements: text in, text nodes out ----
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "href") node.setAttribute("href", value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function webUrl(url) {
    try {
      const parsed = new URL(String(url));
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function arxivUrl(id) {
    return /^[A-Za-z0-9.\/-]+$/.test(id || "") ? "https://arxiv.org/abs/" + id : null;
  }

  function outLink(url, text) {
    const href = webUrl(url);
    return href ? el("a", { href, rel: "noopener noreferrer" }, text) : text;
  }

  function recLink(id, label) {
    const rec = registry.byId.get(id);
    if (!rec) return el("span", { class: "missing" }, id + " (not in the registry)");
    return el("a", { href: "#" + encodeURIComponent(id), class: "rec-link", "data-id": id },
              label || id);
  }

  function badge(status) {
    return el("span", { class: "badge badge-" + (LIVE.has(status) ? status : "attic") },
              status === "deprecated" ? "attic" : status || "no status");
  }

  // ---- one recommendation ----
  function card(rec, anchor = true) {
    const headingId = "h-" + rec.order;
    const article = el("article", { class: "card", id: anchor ? rec.id : null, tabindex: "-1",
                                    "aria-labelledby": headingId });
    article.append(
      el("header", { class: "card-head" },
        el("h3", { id: headingId }, el("a", { href: "#" + encodeURIComponent(rec.id),
                                              class: "rec-link", "data-id": rec.id }, rec.id)),
        badge(rec.status), el("span", { class: "topic" }, rec.topicTitle)),
      el("p", { class: "text" }, rec.text || ""),
      paperLine(rec.paper),
    );
    if (rec.status === "deprecated") {
      const retired = rec.deprecated || {};
      article.append(el("p", { class: "retired" }, "In the attic",
        retired.date ? " since " + retired.date : "", retired.reason ? ": " + retired.reason : "."));
      if (rec.current.length) {
        article.append(el("p", { class: "now" }, "Do this now: ",
          rec.current.map((id, i) => [i ? ", " : "", recLink(id)])));
      }
    }
    const details = el("dl", { class: "facts" });
    if ((rec.implementations || []).length) {
      details.append(el("dt", {}, "Implementations"),
                     el("dd", {}, rec.implementations.join(", ")));
    }
    if ((rec.evidence || []).length) {
      details.append(el("dt", {}, "Evidence"), el("dd", {}, el("ul", {}, rec.evidence.map(evidence))));
    }
    const steps = chain(rec);
    if (steps.length > 1) details.append(el("dt", {}, "History"), el("dd", {}, succession(steps, rec)));
    const related = relatedTo(rec);
    if (related) details.append(el("dt", {}, "Related"), el("dd", {}, related));
    if (details.childNodes.length) article.append(details);
    return article;
  }

  function paperLine(paper) {
    const link = arxivUrl(paper.arxiv) || webUrl(paper.url);
    return el("p", { class: "paper" },
      link ? el("a", { href: link, rel: "noopener noreferrer" }, paper.title || paper.id || "paper")
           : paper.title || paper.id || "",
      paper.first_author ? " \u2014 " + paper.first_author : "",
      paper.year ? " (" + paper.year + ")" : "",
      paper.arxiv ? el("span", { class: "arxiv" }, " arXiv:" + paper.arxiv) : "");
  }

  function evidence(item) {
    const link = arxivUrl(item.arxiv) || webUrl(item.url);
    const label = item.arxiv ? "arXiv:" + item.arxiv : item.url || "source";
    return el("li", {}, link ? el("a", { href: link, rel: "noopener noreferrer" }, label) : label,
              item.note ? " \u2014 " + item.note : "");
  }

  // The succession chain in both directions: predecessors, this one, successors.
  function chain(rec) {
    const before = levels(rec, (r) => r.predecessors);
    const after = levels(rec, (r) => r.successors);
    return [...before.reverse(), [rec.id], ...after];
  }

  function levels(start, next) {
    const seen = new Set([start.id]);
    const out = [];
    let frontier = [start];
    while (frontier.length) {
      const level = [];
      for (const r of frontier) {
        for (const id of next(r)) {
          if (seen.has(id)) continue;
          seen.add(id);
          level.push(id);
        }
      }
      if (level.length) out.push(level);
      frontier = level.map((id) => registry.byId.get(id)).filter(Boolean);
    }
    return out;
  }

  function succession(steps, rec) {
    return el("ol", { class: "chain", "aria-label": "Succession, oldest first" }, steps.map((ids) =>
      el("li", {}, ids.map((id, i) => [i ? " or " : "",
        id === rec.id ? el("strong", { "aria-current": "true" }, id, " (this one)")
                      : [recLink(id), " ", badge((registry.byId.get(id) || {}).status)]]))));
  }

  // Related: the rest of the same paper, and the current practices on the same topic
  // from the papers nearest in year.
  function relatedTo(rec) {
    const samePaper = (registry.byPaper.get(rec.paper.id) || []).filter((r) => r !== rec);
    const year = rec.paper.year || 0;
    const distance = (r) => Math.abs((r.paper.year || 0) - year);
    const sameTopic = [];
    for (const r of registry.byTopic.get(rec.topic) || []) {
      if (r.paper === rec.paper || !LIVE.has(r.status)) continue;
      sameTopic.push(r);
      sameTopic.sort((a, b) => distance(a) - distance(b) || a.order - b.order);
      if (sameTopic.length > 3) sameTopic.pop();
    }
    if (!samePaper.length && !sameTopic.length) return null;
    const all = el("a", { href: "#" + new URLSearchParams({ topic: rec.topic }) },
                   "every recommendation on " + rec.topicTitle);
    return el("details", { class: "related", open: rec.id === state.id },
      el("summary", {}, `${samePaper.length + sameTopic.length} related`),
      samePaper.length ? related("Same paper", samePaper) : null,
      related("Same topic", sameTopic, all));
  }

  function related(title, recs, more) {
    return el("div", {}, el("span", { class: "related-title" }, title),
      el("ul", {}, recs.map((r) => el("li", {}, recLink(r.id), " ", short(r.text))),
         more ? el("li", {}, more) : null));
  }

  function number(n) {
    return n.toLocaleString("en");
  }

  function short(text) {
    const t = String(text || "");
    return t.length > 90 ? t.slice(0, 88) + "\u2026" : t;
  }

  // ---- the table view ----
  function row(rec) {
    return el("tr", { id: rec.id, class: rec.id === state.id ? "selected" : "" },
      el("th", { scope: "row" }, recLink(rec.id), el("span", { class: "row-status" }, " ", badge(rec.status))),
      el("td", { class: "col-status" }, badge(rec.status)),
      el("td", { class: "col-topic" }, rec.topicTitle), el("td", { class: "col-year" }, rec.paper.year || ""),
      el("td", {}, rec.text || ""), el("td", { class: "col-paper" }, rec.paper.title || ""));
  }

  function table(recs) {
    const head = ["Id", "Status", "Topic", "Year", "Recommendation", "Paper"];
    const classes = ["", "col-status", "col-topic", "col-year", "", "col-paper"];
    const body = el("tbody", {});
    for (const rec of recs) {
      body.append(row(rec));
      if (rec.id === state.id) body.append(el("tr", { class: "detail" }, el("td", { colspan: 6 }, card(rec, false))));
    }
    return el("table", { class: "compact" }, el("caption", { class: "visually-hidden" }, "Recommendations"),
      el("thead", {}, el("tr", {}, head.map((h, i) => el("th", { scope: "col", class: classes[i] }, h)))), body);
  }

  // ---- state, filtering and the address ----
  function ordered(key) {
    if (!sorted.has(key)) {
      const by = {
        id: (a, b) => cmp(a.id, b.id),
        year: (a, b) => (b.paper.year || 0) - (a.paper.year || 0) || cmp(a.id, b.id),
        topic: (a, b) => cmp(a.topicTitle, b.topicTitle) || cmp(a.id, b.id),
      }[key] || ((a, b) => a.order - b.order);
      sorted.set(key, [...registry.recs].sort(by));
    }
    return sorted.get(key);
  }

  function cmp(a, b) {
    return String(a || "") < String(b || "") ? -1 : String(a || "") > String(b || "") ? 1 : 0;
  }

  function statusMatches(status) {
    if (state.status === "all") return true;
    if (state.status === "live") return LIVE.has(status);
    return status === state.status;
  }

  function filter() {
    const terms = fold(state.q).split(/\s+/).filter(Boolean);
    shown = ordered(state.sort).filter((r) =>
      (!state.topic || r.topic === state.topic) && statusMatches(r.status) &&
      terms.every((t) => r.hay.includes(t)));
    const at = state.id ? shown.findIndex((r) => r.id === state.id) : -1;
    if (at < 0) state.id = "";
    const start = at < PAGE ? 0 : at - 2;
    window_ = { start, end: start + PAGE };
  }

  function render() {
    const count = shown.length;
    const total = registry.recs.length;
    summary.textContent = count === total ? `${number(total)} recommendations`
      : `${number(count)} of ${number(total)} recommendations match`;
    const slice = shown.slice(window_.start, window_.end);
    const list = state.view === "table" ? table(slice)
      : el("ol", { class: "cards" }, slice.map((r) => el("li", {}, card(r))));
    const parts = [];
    if (window_.start > 0) {
      parts.push(el("button", { type: "button", class: "more", "data-more": "earlier" },
                    `Show ${Math.min(PAGE, window_.start)} earlier`));
    }
    parts.push(count ? list : el("p", { class: "empty" }, "Nothing matches. Try fewer words or another filter."));
    if (window_.end < count) {
      parts.push(el("button", { type: "button", class: "more", "data-more": "later" },
                    `Show more (${number(count - window_.end)} left)`));
    }
    results.replaceChildren(...parts);
    results.setAttribute("aria-busy", "false");
    const more = results.querySelector('[data-more="later"]');
    if (more) observer.observe(more);
    document.title = document.title.replace(/^.*? \u2014 |^/, state.q ? `\u201c${state.q}\u201d \u2014 ` : "");
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) showMore("later");
  }, { rootMargin: "800px 0px" });

  function showMore(which) {
    observer.disconnect();
    if (which === "earlier") window_.start = Math.max(0, window_.start - PAGE);
    else window_.end += PAGE;
    const focused = document.activeElement && document.activeElement.dataset.more;
    render();
    if (focused) (results.querySelector(`[data-more="${focused}"]`) || results).focus();
  }

  function readHash() {
    const raw = location.hash.slice(1);
    if (!raw) return { ...DEFAULTS };
    if (!raw.includes("=")) return { ...state, id: decodeURIComponent(raw) };
    const params = new URLSearchParams(raw);
    const next = { ...DEFAULTS };
    for (const key of Object.keys(DEFAULTS)) if (params.has(key)) next[key] = params.get(key);
    return next;
  }

  function writeHash() {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(state)) {
      if (key !== "id" && value !== DEFAULTS[key]) params.set(key, value);
    }
    let hash = params.toString();
    if (state.id) hash = hash ? hash + "&id=" + encodeURIComponent(state.id) : encodeURIComponent(state.id);
    if (location.hash.slice(1) !== hash) {
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    }
  }

  function syncControls() {
    for (const [key, control] of Object.entries(controls)) {
      if (control.value !== state[key]) control.value = state[key];
    }
    for (const radio of document.querySelectorAll('input[name="view"]')) {
      radio.checked = radio.value === state.view;
    }
  }

  // A recommendation someone asked for is shown even when the filters hid it.
  function reveal() {
    const rec = registry.byId.get(state.id);
    if (!rec) return;
    const ok = statusMatches(rec.status) && (!state.topic || state.topic === rec.topic) &&
      fold(state.q).split(/\s+/).filter(Boolean).every((t) => rec.hay.includes(t));
    if (!ok) state = { ...state, q: "", topic: "", status: "all" };
  }

  function update({ focus = false } = {}) {
    reveal();
    filter();
    syncControls();
    render();
    writeHash();
    if (!state.id) return;
    const target = document.getElementById(state.id);
    if (!target) return;
    for (const old of results.querySelectorAll(".highlight")) old.classList.remove("highlight");
    const card_ = state.view === "table" ? target.nextElementSibling.querySelector(".card") : target;
    card_.classList.add("highlight");
    if (focus) card_.focus({ preventScroll: true });
    card_.scrollIntoView({ block: "start" });
  }

  function fromControls() {
    state = { ...state, q: controls.q.value, topic: controls.topic.value, status: controls.status.value,
              sort: controls.sort.value, id: "",
              view: (document.querySelector('input[name="view"]:checked') || {}).value || "cards" };
  }

  // Typing never waits for the list: keystrokes in one frame share one filtering pass.
  function scheduled() {
    results.setAttribute("aria-busy", "true");
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      fromControls();
      update();
    });
  }

  for (const topic of [...registry.topics.values()].sort((a, b) => cmp(a.title, b.title))) {
    const count = (registry.byTopic.get(topic.id) || []).length;
    controls.topic.append(el("option", { value: topic.id }, `${topic.title || topic.id} (${count})`));
  }
  $("total").textContent = number(registry.recs.length);
  controls.q.addEventListener("input", scheduled);
  for (const control of [controls.topic, controls.status, controls.sort, ...document.querySelectorAll('input[name="view"]')]) {
    control.addEventListener("change", () => { fromControls(); update(); });
  }
  $("controls").addEventListener("submit", (event) => event.preventDefault());
  document.querySelector(".skip").addEventListener("click", (event) => {
    event.preventDefault();
    results.focus();
  });
  results.addEventListener("click", (event) => {
    const more = event.target.closest("[data-more]");
    if (more) showMore(more.dataset.more);
  });
  window.addEventListener("hashchange", () => {
    state = readHash();
    update({ focus: true });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      event.preventDefault();
      controls.q.focus();
    }
  });
  state = readHash();
  update({ focus: Boolean(state.id) });
  document.documentElement.dataset.ready = "true";
})();
