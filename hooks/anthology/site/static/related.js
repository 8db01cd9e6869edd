"use strict";
// Related practices, as a reader means it: those sharing evidence (or whose paper is the
// other's evidence), those following a rarely shared implementation, and those whose text
// reads alike. Never the nearest years. The rest of the same paper and the succession chain
// are shown by the card itself.

// `recs` as page.js loaded them; `index` the search index over them (search.js).
function anthologyRelated(recs, index) {
  const SHARED = 2; // shared evidence, or one's paper is the other's evidence
  const RARE = 1; // an implementation at most RARE_USERS practices follow
  const RARE_USERS = 6;
  const ENOUGH = 0.3; // a neighbour scoring less is not shown
  let links = null;

  function add(map, key, rec) {
    if (!key) return;
    if (!map.has(key)) map.set(key, []);
    if (!map.get(key).includes(rec)) map.get(key).push(rec);
  }

  function linkIndex() {
    const evidence = new Map();
    const papers = new Map();
    const users = new Map();
    for (const rec of recs) {
      for (const item of rec.evidence) add(evidence, item.arxiv || item.url, rec);
      add(papers, rec.paper.arxiv || rec.paper.url, rec);
      for (const name of rec.implementations) add(users, name.toLowerCase(), rec);
    }
    return { evidence, papers, users };
  }

  // [recommendation, why] pairs, best first; text alike counts up to 1, as a fraction of
  // how well the practice matches itself.
  return function related(rec) {
    links = links || linkIndex();
    const found = new Map();
    const bump = (other, score, why) => {
      if (!other || other === rec) return;
      const entry = found.get(other) || [other, 0, ""];
      entry[1] += score;
      if (why && !entry[2]) entry[2] = why;
      found.set(other, entry);
    };
    for (const item of rec.evidence) {
      const key = item.arxiv || item.url;
      for (const other of links.evidence.get(key) || []) bump(other, SHARED, "shares evidence");
      for (const other of links.papers.get(key) || []) bump(other, SHARED, "its paper is evidence here");
    }
    for (const other of links.evidence.get(rec.paper.arxiv || rec.paper.url) || []) {
      bump(other, SHARED, "cites this paper");
    }
    for (const name of rec.implementations) {
      const followers = links.users.get(name.toLowerCase()) || [];
      if (followers.length <= RARE_USERS) {
        for (const other of followers) bump(other, RARE, "both in " + name);
      }
    }
    for (const [doc, score] of index.similar(rec.order).slice(0, 40)) {
      bump(recs[doc], Math.min(score, 1), "");
    }
    return [...found.values()].filter(([, score]) => score >= ENOUGH)
      .sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1)).map(([r, , why]) => [r, why]);
  };
}
