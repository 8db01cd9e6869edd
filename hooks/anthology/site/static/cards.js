"use strict";
// Building the page's elements. Registry text only ever becomes text nodes or attribute
// values, never markup; links are made only from arXiv ids and checked http(s) URLs.

// `registry` is what page.js loaded; `isSelected(id)` says which recommendation is open.
function anthologyCards(registry, isSelected) {
  const LIVE = new Set(["standard", "experimental"]);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "class") node.className = value;
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

  function outLink(href, text) {
    return href ? el("a", { href, rel: "noopener noreferrer" }, text) : text;
  }

  function recLink(id) {
    if (!registry.byId.has(id)) return el("span", { class: "missing" }, id + " (not in the registry)");
    return el("a", { href: "#" + encodeURIComponent(id), class: "rec-link", "data-id": id }, id);
  }

  function badge(status) {
    return el("span", { class: "badge badge-" + (LIVE.has(status) ? status : "attic") },
              status === "deprecated" ? "attic" : status || "no status");
  }

  function short(text) {
    const t = String(text || "");
    return t.length > 90 ? t.slice(0, 88) + "\u2026" : t;
  }

  // One recommendation. `anchor` false when its table row already carries the id.
  function card(rec, anchor = true) {
    const heading = "h-" + rec.order;
    const article = el("article", { class: isSelected(rec.id) ? "card highlight" : "card",
                                    id: anchor ? rec.id : null, tabindex: "-1",
                                    "aria-labelledby": heading });
    article.append(
      el("header", { class: "card-head" }, el("h3", { id: heading }, recLink(rec.id)),
         badge(rec.status), el("span", { class: "topic" }, rec.topicTitle)),
      el("p", { class: "text" }, rec.text || ""),
      paperLine(rec.paper));
    if (rec.status === "deprecated") article.append(...attic(rec));
    const facts = el("dl", { class: "facts" });
    const add = (term, value) => facts.append(el("dt", {}, term), el("dd", {}, value));
    if (rec.implementations.length) add("Implementations", rec.implementations.join(", "));
    if (rec.evidence.length) add("Evidence", el("ul", {}, rec.evidence.map(evidence)));
    const steps = chain(rec);
    if (steps.length > 1) add("History", succession(steps, rec));
    const related = relatedTo(rec);
    if (related) add("Related", related);
    if (facts.childNodes.length) article.append(facts);
    return article;
  }

  function paperLine(paper) {
    return el("p", { class: "paper" },
      outLink(arxivUrl(paper.arxiv) || webUrl(paper.url), paper.title || paper.id || ""),
      paper.first_author ? " \u2014 " + paper.first_author : "",
      paper.year ? " (" + paper.year + ")" : "",
      paper.arxiv ? el("span", { class: "arxiv" }, " arXiv:" + paper.arxiv) : "");
  }

  function attic(rec) {
    const retired = rec.deprecated || {};
    const parts = [el("p", { class: "retired" }, "In the attic",
      retired.date ? " since " + retired.date : "", retired.reason ? ": " + retired.reason : ".")];
    if (rec.current.length) {
      parts.push(el("p", { class: "now" }, "Do this now: ",
                    rec.current.map((id, i) => [i ? ", " : "", recLink(id)])));
    }
    return parts;
  }

  function evidence(item) {
    const label = item.arxiv ? "arXiv:" + item.arxiv : item.url || "source";
    return el("li", {}, outLink(arxivUrl(item.arxiv) || webUrl(item.url), label),
              item.note ? " \u2014 " + item.note : "");
  }

  // The whole succession in both directions, oldest first; a step may hold several ids.
  function chain(rec) {
    const before = levels(rec, (r) => r.predecessors);
    const after = levels(rec, (r) => r.successors);
    return [...before.reverse(), [rec.id], ...after];
  }

  function levels(start, next) {
    const seen = new Set([start.id]);
    const out = [];
    for (let frontier = [start]; frontier.length;) {
      const level = frontier.flatMap(next).filter((id) => !seen.has(id) && seen.add(id));
      if (level.length) out.push(level);
      frontier = level.map((id) => registry.byId.get(id)).filter(Boolean);
    }
    return out;
  }

  function succession(steps, rec) {
    return el("ol", { class: "chain", "aria-label": "Succession, oldest first" }, steps.map((ids) =>
      el("li", {}, ids.map((id, i) => [i ? " or " : "", id === rec.id
        ? el("strong", { "aria-current": "true" }, id, " (this one)")
        : [recLink(id), " ", badge((registry.byId.get(id) || {}).status)]]))));
  }

  // The rest of the same paper, and the current practices on the same topic from the
  // papers nearest in year. Built when opened: most cards never need it.
  function relatedTo(rec) {
    const samePaper = registry.byPaper.get(rec.paper.id).filter((r) => r !== rec);
    if (!samePaper.length && registry.byTopic.get(rec.topic).length <= 1) return null;
    const details = el("details", { class: "related" }, el("summary", {}, "Same paper, same topic"));
    details.addEventListener("toggle", () => {
      if (details.open && details.childNodes.length === 1) {
        details.append(...relatedLists(rec, samePaper));
      }
    });
    details.open = isSelected(rec.id);
    return details;
  }

  function relatedLists(rec, samePaper) {
    const year = rec.paper.year || 0;
    const nearest = []; // [distance in years, recommendation], closest first
    for (const r of registry.byTopic.get(rec.topic)) {
      if (r.paper === rec.paper || !LIVE.has(r.status)) continue;
      const distance = Math.abs((r.paper.year || 0) - year);
      if (nearest.length === 3 && distance >= nearest[2][0]) continue;
      nearest.push([distance, r]);
      nearest.sort((a, b) => a[0] - b[0]);
      nearest.length = Math.min(nearest.length, 3);
    }
    const all = el("a", { href: "#" + new URLSearchParams({ topic: rec.topic }) },
                   "every recommendation on " + rec.topicTitle);
    return [samePaper.length ? relatedList("Same paper", samePaper) : null,
            relatedList("Same topic", nearest.map(([, r]) => r), all)].filter(Boolean);
  }

  function relatedList(title, recs, more) {
    return el("div", {}, el("span", { class: "related-title" }, title),
      el("ul", {}, recs.map((r) => el("li", {}, recLink(r.id), " ", short(r.text))),
         more ? el("li", {}, more) : null));
  }

  // The compact view: one row each; the open recommendation unfolds below its row.
  const COLUMNS = [["Id", ""], ["Status", "col-status"], ["Topic", "col-topic"],
                   ["Year", "col-year"], ["Recommendation", ""], ["Paper", "col-paper"]];

  function row(rec) {
    return el("tr", { id: rec.id, class: isSelected(rec.id) ? "selected" : null },
      el("th", { scope: "row" }, recLink(rec.id), el("span", { class: "row-status" }, " ",
                                                       badge(rec.status))),
      el("td", { class: "col-status" }, badge(rec.status)),
      el("td", { class: "col-topic" }, rec.topicTitle),
      el("td", { class: "col-year" }, rec.paper.year || ""),
      el("td", {}, rec.text || ""),
      el("td", { class: "col-paper" }, rec.paper.title || ""));
  }

  function table(recs) {
    const body = el("tbody", {});
    for (const rec of recs) {
      body.append(row(rec));
      if (isSelected(rec.id)) {
        body.append(el("tr", { class: "detail" },
                       el("td", { colspan: COLUMNS.length }, card(rec, false))));
      }
    }
    return el("table", { class: "compact" },
      el("caption", { class: "visually-hidden" }, "Recommendations"),
      el("thead", {}, el("tr", {}, COLUMNS.map(([name, cls]) =>
        el("th", { scope: "col", class: cls || null }, name)))),
      body);
  }

  return { el, card, table, LIVE };
}
