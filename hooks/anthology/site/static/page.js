"use strict";
// The browsing page: search, filters and the address. Elements are built by cards.js.
(() => {
  const PAGE = 40; // cards per window: the list renders what is near the screen, not all
  const DEFAULTS = { q: "", topic: "", status: "live", sort: "best", view: "cards", id: "" };
  const NOUNS = { live: ["current practice", "current practices"],
                  all: ["recommendation", "recommendations"],
                  standard: ["standard practice", "standard practices"],
                  experimental: ["experimental practice", "experimental practices"],
                  deprecated: ["retired practice", "retired practices"],
                  topic: ["topic", "topics"] };
  const $ = (id) => document.getElementById(id);
  const controls = { q: $("q"), topic: $("topic"), status: $("status"), sort: $("sort") };
  const results = $("results");
  const title = document.title;

  const registry = load(JSON.parse($("registry-data").textContent));
  const { el, cardList, byTopic, notice, table, LIVE } =
    anthologyCards(registry, (id) => id === state.id);
  const sorted = new Map();
  let state = { ...DEFAULTS };
  let shown = [];
  let counts = new Map(); // topic -> how many match everything but the topic filter
  let grouped = false; // shown by topic, under headings
  let missing = ""; // an id the address asked for that the registry does not have
  let slice = { start: 0, end: PAGE };
  let pending = 0;

  // The data is the registry's JSON export (schema/export.schema.json).
  function load(data) {
    const topics = new Map(data.topics.map((t, rank) => [t.id, { ...t, rank }]));
    const recs = data.recommendations.map((r, order) => {
      const topic = topics.get(r.topic.id);
      const sub = ((topic && topic.subtopics) || []).find((t) => t.id === r.subtopic);
      return { ...r, topic: r.topic.id, order, label: r.name || r.id,
               topicTitle: (topic || r.topic).title || r.topic.id,
               subtopicTitle: sub ? sub.title : "",
               topicRank: topic ? topic.rank : topics.size };
    });
    const byId = new Map(recs.map((r) => [r.id, r]));
    const byPaper = group(recs, (r) => r.paper.id);
    const byTopic = group(recs, (r) => r.topic);
    const index = anthologySearch(recs, [
      [3, (r) => r.name], [1, (r) => r.text], [1, (r) => r.subtopicTitle],
      [0.75, (r) => r.paper.title],
      [1, (r) => (r.paper.authors || [r.paper.first_author]).join(" ")],
      [0.5, (r) => r.id], [0.5, (r) => r.paper.id]]);
    const contexts = new Map((data.contexts || []).map((c) => [c.id, c]));
    const related = anthologyRelated(recs, index);
    return { topics, contexts, recs, byId, byPaper, byTopic, index, related };
  }

  function group(items, key) {
    const groups = new Map();
    for (const item of items) {
      const k = key(item);
      const members = groups.get(k);
      if (members) members.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  }

  // 10000 -> "10,000" (toLocaleString's first call loads number formatting: ~30 ms).
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
  }

  function cmp(a, b) {
    return String(a || "") < String(b || "") ? -1 : String(a || "") > String(b || "") ? 1 : 0;
  }

  // "topic": taxonomy order, the live first, newest paper first; "year" and "id" flat.
  function ordered(key) {
    if (!sorted.has(key)) {
      const by = {
        id: (a, b) => cmp(a.id, b.id),
        year: (a, b) => (b.paper.year || 0) - (a.paper.year || 0) || cmp(a.id, b.id),
      }[key] || ((a, b) => a.topicRank - b.topicRank || LIVE.has(b.status) - LIVE.has(a.status) ||
                 (b.paper.year || 0) - (a.paper.year || 0) ||
                 (a.status !== "standard") - (b.status !== "standard") || cmp(a.id, b.id));
      sorted.set(key, [...registry.recs].sort(by));
    }
    return sorted.get(key);
  }

  function hasStatus(rec) {
    return state.status === "all" || (state.status === "live" ? LIVE.has(rec.status)
                                                              : rec.status === state.status);
  }

  // A search ranks by relevance ("best"), or keeps the chosen order among its matches.
  function filter() {
    const ranked = state.q.trim() ? registry.index.search(state.q) : null;
    let pool;
    if (!ranked) pool = ordered(state.sort === "best" ? "topic" : state.sort);
    else if (state.sort === "best") pool = ranked.map(([i]) => registry.recs[i]);
    else {
      const hits = new Set(ranked.map(([i]) => i));
      pool = ordered(state.sort).filter((r) => hits.has(r.order));
    }
    counts = new Map();
    shown = [];
    for (const rec of pool) {
      if (!hasStatus(rec)) continue;
      counts.set(rec.topic, (counts.get(rec.topic) || 0) + 1);
      if (!state.topic || rec.topic === state.topic) shown.push(rec);
    }
    grouped = state.sort === "topic" || (state.sort === "best" && !ranked);
    const at = state.id ? shown.findIndex((r) => r.id === state.id) : -1;
    const start = at < PAGE ? 0 : Math.max(0, Math.min(at - 2, shown.length - PAGE));
    slice = { start, end: start + PAGE };
  }

  function plural(count, kind) {
    const [one, many] = NOUNS[kind] || NOUNS.all;
    return `${number(count)} ${count === 1 ? one : many}`;
  }

  // "48 current practices in 7 topics"; "5 current practices match “adamw”, best first".
  function describe(count) {
    const topic = state.topic && registry.topics.get(state.topic);
    const where = topic ? ` in ${topic.title}` : grouped && count ? ` in ${plural(counts.size, "topic")}` : "";
    const noun = plural(count, state.status);
    if (!state.q.trim()) return noun + where;
    const order = state.sort === "best" ? ", best first" : "";
    return `${noun}${where} ${count === 1 ? "matches" : "match"} \u201c${state.q.trim()}\u201d${order}`;
  }

  function render() {
    const count = shown.length;
    $("summary").textContent = describe(count);
    const visible = shown.slice(slice.start, slice.end);
    const parts = [];
    if (missing && !$("removed-notice")) parts.push(notice(missing)); // removed.js said why
    if (slice.start > 0) parts.push(moreButton("earlier", `Show ${Math.min(PAGE, slice.start)} earlier`));
    if (!count) parts.push(el("p", { class: "empty" }, "Nothing matches. Try other words or another filter."));
    else if (state.view === "table") parts.push(table(visible));
    else if (grouped) {
      parts.push(...byTopic(visible, (topic) => plural(counts.get(topic) || 0, state.status)));
    }
    else parts.push(cardList(visible));
    if (slice.end < count) parts.push(moreButton("later", `Show more (${number(count - slice.end)} left)`));
    results.replaceChildren(...parts);
    results.setAttribute("aria-busy", "false");
    const later = results.querySelector('[data-more="later"]');
    if (later) nearTheEnd.observe(later);
    document.title = state.q ? `\u201c${state.q}\u201d \u2014 ${title}` : title;
  }

  function moreButton(which, label) {
    return el("button", { type: "button", class: "more", "data-more": which }, label);
  }

  // Scrolling near the end of the window brings the next cards in.
  const nearTheEnd = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) showMore("later");
  }, { rootMargin: "800px 0px" });

  function showMore(which) {
    nearTheEnd.disconnect();
    if (which === "earlier") slice.start = Math.max(0, slice.start - PAGE);
    else slice.end += PAGE;
    const focused = document.activeElement && document.activeElement.dataset.more;
    render();
    if (focused) (results.querySelector(`[data-more="${focused}"]`) || results).focus();
  }

  // The address: "#q=adam&status=all&id=MLR-..." (defaults left out); a bare "#MLR-..."
  // opens that recommendation and keeps the rest of the view.
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
    const id = state.id && encodeURIComponent(state.id);
    const hash = [params.toString(), params.toString() && id ? "id=" + id : id]
      .filter(Boolean).join("&");
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

  // A recommendation someone asked for is shown even when the filters would hide it; an
  // id the registry does not have is named in a message above the default view.
  function reveal() {
    missing = "";
    if (!state.id) return;
    const rec = registry.byId.get(state.id);
    if (!rec) {
      missing = state.id;
      state = { ...DEFAULTS, view: state.view };
    } else if (!shown.includes(rec)) {
      state = { ...state, q: "", topic: "", status: "all" };
      filter();
    }
  }

  function update({ focus = false } = {}) {
    filter();
    reveal();
    if (missing) filter();
    syncControls();
    topicCounts();
    render();
    writeHash();
    const target = state.id && results.querySelector(".card.highlight");
    if (!target) return;
    if (focus) target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  }

  function fromControls() {
    const view = document.querySelector('input[name="view"]:checked');
    state = { q: controls.q.value, topic: controls.topic.value, status: controls.status.value,
              sort: controls.sort.value, view: view ? view.value : "cards", id: "" };
  }

  // Typing never waits for the list: keystrokes within one frame share one filtering pass.
  function typed() {
    results.setAttribute("aria-busy", "true");
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      fromControls();
      update();
    });
  }

  // The topic menu's counts are those of the list: the status and search chosen, any topic.
  function topicCounts() {
    for (const option of controls.topic.options) {
      if (!option.value) continue;
      const topic = registry.topics.get(option.value);
      option.textContent = `${topic.title || topic.id} (${number(counts.get(topic.id) || 0)})`;
    }
  }

  for (const topic of registry.topics.values()) {
    controls.topic.append(el("option", { value: topic.id }, topic.title || topic.id));
  }
  $("total").textContent = number(registry.recs.length);
  controls.q.addEventListener("input", typed);
  const choices = [controls.topic, controls.status, controls.sort,
                   ...document.querySelectorAll('input[name="view"]')];
  for (const control of choices) {
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
  performance.mark("anthology:first-render");
  // The search index is built when the page is idle, so the first keystroke needn't wait.
  (window.requestIdleCallback || setTimeout)(() => registry.index.build());
})();
