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

  // An id may wrap only after one of its hyphens, never inside "Loshchilov001".
  function idText(id) {
    return String(id).split(/(?<=-)/).map((part, i) => [i ? el("wbr", {}) : null, part]);
  }

  // A link to a recommendation, by name (its id when it has none).
  function recLink(id) {
    const rec = registry.byId.get(id);
    if (!rec) return el("span", { class: "missing" }, el("span", { class: "id" }, idText(id)), " (not in the registry)");
    return el("a", { href: "#" + encodeURIComponent(id), class: rec.name ? "rec-link" : "rec-link id",
                     "data-id": id, title: rec.name ? id : null }, rec.name || idText(id));
  }

  function idTag(rec) {
    return rec.name ? el("span", { class: "id" }, idText(rec.id)) : null;
  }

  function badge(status) {
    return el("span", { class: "badge badge-" + (LIVE.has(status) ? status : "attic") },
              status === "deprecated" ? "attic" : status || "no status");
  }

  // At most about 90 characters, ending at a word.
  function short(text) {
    const t = String(text || "").replace(/\s+/g, " ").trim();
    if (t.length <= 90) return t;
    const cut = t.slice(0, 89);
    const space = cut.lastIndexOf(" ");
    return (space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:(\-\u2013\u2014]+$/, "") + "\u2026";
  }

  // One recommendation. `anchor` false when its table row already carries the id.
  function card(rec, anchor = true) {
    const heading = "h-" + rec.order;
    const article = el("article", { class: isSelected(rec.id) ? "card highlight" : "card",
                                    id: anchor ? rec.id : null, tabindex: "-1",
                                    "aria-labelledby": heading });
    article.append(
      el("header", { class: "card-head" }, el("h3", { id: heading }, recLink(rec.id)),
         badge(rec.status),
         el("span", { class: "topic" }, [rec.topicTitle, rec.subtopicTitle].filter(Boolean).join(" \u00b7 ")),
         idTag(rec)),
      el("p", { class: "text" }, rec.text || ""),
      paperLine(rec.paper));
    if (rec.status === "deprecated") article.append(...attic(rec));
    const facts = el("dl", { class: "facts" });
    const add = (term, value) => facts.append(el("dt", {}, term), el("dd", {}, value));
    if (rec.applies_to && rec.applies_to.length) add("Applies to", rec.applies_to.map(context).join(", "));
    if (rec.implementations.length) add("Implementations", rec.implementations.join(", "));
    if (rec.evidence.length) add("Evidence", el("ul", {}, rec.evidence.map(evidence)));
    const steps = chain(rec);
    if (steps.length > 1) add("History", succession(steps, rec));
    const related = relatedTo(rec);
    if (related) add("Related", related);
    if (facts.childNodes.length) article.append(facts);
    return article;
  }

  function context(id) {
    const found = registry.contexts && registry.contexts.get(id);
    return found ? found.title : id;
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
        ? el("strong", { "aria-current": "true" }, rec.label, " (this one)")
        : [recLink(id), " ", badge((registry.byId.get(id) || {}).status)]]))));
  }

  // What a reader means by related: the rest of the same paper, then practices that share
  // evidence or a rarely shared implementation, or read alike (never mere nearness in year).
  // The same succession chain is the card's History. Built when opened.
  function relatedTo(rec) {
    const details = el("details", { class: "related" }, el("summary", {}, "Related practices"));
    details.addEventListener("toggle", () => {
      if (details.open && details.childNodes.length === 1) details.append(...relatedLists(rec));
    });
    details.open = isSelected(rec.id);
    return details;
  }

  function relatedLists(rec) {
    const samePaper = registry.byPaper.get(rec.paper.id).filter((r) => r !== rec);
    const seen = new Set([rec.id, ...samePaper.map((r) => r.id), ...chain(rec).flat()]);
    const alike = registry.related(rec).filter(([r]) => !seen.has(r.id)).slice(0, 5);
    const lists = [samePaper.length ? relatedList("Same paper", samePaper.map((r) => [r, ""])) : null,
                   alike.length ? relatedList("Alike", alike) : null].filter(Boolean);
    return lists.length ? lists : [el("p", { class: "empty" }, "Nothing closely related yet.")];
  }

  function relatedList(title, items) {
    return el("div", {}, el("span", { class: "related-title" }, title),
      el("ul", {}, items.map(([r, why]) => el("li", {}, recLink(r.id), " ",
        el("span", { class: "snippet" }, short(r.text)), why ? el("span", { class: "why" }, " (" + why + ")") : null))));
  }

  function cardList(recs) {
    return el("ol", { class: "cards" }, recs.map((r) => el("li", {}, card(r))));
  }

  // Under a heading per topic, saying how many of the topic's practices match (`count`).
  function byTopic(recs, count) {
    const runs = [];
    for (const rec of recs) {
      if (!runs.length || runs[runs.length - 1][0].topic !== rec.topic) runs.push([]);
      runs[runs.length - 1].push(rec);
    }
    return runs.map((run) => {
      const id = "topic-" + run[0].topicRank;
      return el("section", { class: "group", "aria-labelledby": id },
        el("h2", { id, class: "group-title" }, run[0].topicTitle, " ",
           el("span", { class: "group-count" }, count(run[0].topic))),
        cardList(run));
    });
  }

  // An address naming an id the registry does not have (mistyped, or removed).
  function notice(id) {
    return el("p", { class: "notice", role: "alert" }, "There is no recommendation ",
              el("span", { class: "id" }, idText(id)),
              " in this registry: the link may be mistyped, or the practice was removed. " +
              "Showing the current practices instead.");
  }

  // The compact view: one row each; the open recommendation unfolds below its row.
  const COLUMNS = [["Practice", ""], ["Status", "col-status"], ["Topic", "col-topic"],
                   ["Year", "col-year"], ["Recommendation", ""], ["Paper", "col-paper"]];

  function row(rec) {
    return el("tr", { id: rec.id, class: isSelected(rec.id) ? "selected" : null },
      el("th", { scope: "row" }, recLink(rec.id), " ", idTag(rec),
         el("span", { class: "row-status" }, " ", badge(rec.status))),
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

  return { el, card, cardList, byTopic, notice, table, LIVE };
}
