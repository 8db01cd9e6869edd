"use strict";
// The browsing page: search, filters and the address. Elements are built by cards.js.
(() => {
  const PAGE = 40; // cards per window: the list renders what is near the screen, not all
  const DEFAULTS = { q: "", topic: "", status: "live", sort: "topic", view: "cards", id: "" };
  const $ = (id) => document.getElementById(id);
  const controls = { q: $("q"), topic: $("topic"), status: $("status"), sort: $("sort") };
  const results = $("results");
  const title = document.title;

  const registry = load(JSON.parse($("registry-data").textContent));
  const { el, card, table, LIVE } = anthologyCards(registry, (id) => id === state.id);
  const sorted = new Map();
  let state = { ...DEFAULTS };
  let shown = [];
  let slice = { start: 0, end: PAGE };
  let pending = 0;

  // The data is the registry's JSON export (schema/export.schema.json).
  function load(data) {
    const topics = new Map(data.topics.map((t) => [t.id, t]));
    const recs = data.recommendations.map((r, order) => {
      const topic = r.topic.id;
      const hay = [r.id, r.text, r.paper.title, r.paper.id, r.paper.first_author];
      return { ...r, topic, order, hay: fold(hay.filter(Boolean).join("\n")),
               topicTitle: (topics.get(topic) || r.topic).title || topic };
    });
    const byId = new Map(recs.map((r) => [r.id, r]));
    const byPaper = group(recs, (r) => r.paper.id);
    const byTopic = group(recs, (r) => r.topic);
    return { topics, recs, byId, byPaper, byTopic };
  }

  function group(items, key) {
    const groups = new Map();
    for (const item of items) {
      if (!groups.has(key(item))) groups.set(key(item), []);
      groups.get(key(item)).push(item);
    }
    return groups;
  }

  // Case- and accent-insensitive: "muller" finds Müller.
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function number(n) {
    return n.toLocaleString("en");
  }

  function cmp(a, b) {
    return String(a || "") < String(b || "") ? -1 : String(a || "") > String(b || "") ? 1 : 0;
  }

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

  function matcher() {
    const terms = fold(state.q).split(/\s+/).filter(Boolean);
    return (rec) => (!state.topic || rec.topic === state.topic) &&
      (state.status === "all" || (state.status === "live" ? LIVE.has(rec.status)
                                                          : rec.status === state.status)) &&
      terms.every((t) => rec.hay.includes(t));
  }

  function filter() {
    shown = ordered(state.sort).filter(matcher());
    const at = state.id ? shown.findIndex((r) => r.id === state.id) : -1;
    if (at < 0) state.id = "";
    const start = at < PAGE ? 0 : Math.max(0, Math.min(at - 2, shown.length - PAGE));
    slice = { start, end: start + PAGE };
  }

  function render() {
    const count = shown.length;
    const total = registry.recs.length;
    $("summary").textContent = count === total ? `${number(total)} recommendations`
      : `${number(count)} of ${number(total)} recommendations match`;
    const visible = shown.slice(slice.start, slice.end);
    const parts = [];
    if (slice.start > 0) parts.push(moreButton("earlier", `Show ${Math.min(PAGE, slice.start)} earlier`));
    if (!count) parts.push(el("p", { class: "empty" }, "Nothing matches. Try fewer words or another filter."));
    else if (state.view === "table") parts.push(table(visible));
    else parts.push(el("ol", { class: "cards" }, visible.map((r) => el("li", {}, card(r)))));
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

  // A recommendation someone asked for is shown even when the filters would hide it.
  function reveal() {
    const rec = registry.byId.get(state.id);
    if (rec && !matcher()(rec)) state = { ...state, q: "", topic: "", status: "all" };
  }

  function update({ focus = false } = {}) {
    reveal();
    filter();
    syncControls();
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

  for (const topic of [...registry.topics.values()].sort((a, b) => cmp(a.title, b.title))) {
    const count = (registry.byTopic.get(topic.id) || []).length;
    controls.topic.append(el("option", { value: topic.id }, `${topic.title || topic.id} (${count})`));
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
})();
