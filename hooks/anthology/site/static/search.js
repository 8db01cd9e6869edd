"use strict";
// Relevance search: BM25 (Robertson and Zaragoza's probabilistic ranking, k1 = 1.2,
// b = 0.75) over weighted fields, where a query word also matches the words it begins
// and, from four letters on, words one edit away (Damerau-Levenshtein distance 1: a
// letter added, dropped, changed or two swapped). Any word may match; a recommendation
// matching more of the query's words ranks higher. Built once, on first use.

// `docs` are any objects; `fields` is a list of [weight, doc => text].
function anthologySearch(docs, fields) {
  const K1 = 1.2;
  const B = 0.75;
  const PREFIX = 0.8; // a word the query word begins counts this much of an exact match
  const TYPO = 0.5; // a word one edit away counts this much
  const STOP = new Set(("a an and are as at be by for from in into is it its of on or than " +
                        "that the to with without").split(" "));
  const postings = new Map(); // word -> { docs, tf }: its docs and each one's BM25 tf part
  const lengths = new Float64Array(docs.length);
  const terms = []; // per doc: its words and their weighted counts, for "similar"
  let words = []; // every word, sorted, for prefix ranges
  const byLength = new Map(); // word length -> words, for typo matches
  let average = 1;
  let built = false;

  // Lower case with accents dropped: "muller" finds Müller.
  function fold(text) {
    const lower = String(text || "").toLowerCase();
    return /[^\x00-\x7f]/.test(lower)
      ? lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : lower;
  }

  // Words of letters and digits; "pre-LN" also gives "preln", so "preln" and "pre ln" both
  // find it. An abbreviation the registry's names use also stands for its words.
  const SPELLED = new Map([["lr", ["learning", "rate"]]]);
  const CHUNK = /[a-z0-9]+(?:[\-_/.'][a-z0-9]+)*/g;

  function tokens(text) {
    const out = [];
    for (const [chunk] of fold(text).matchAll(CHUNK)) {
      if (!/[\-_/.']/.test(chunk)) {
        if (!STOP.has(chunk)) out.push(chunk, ...(SPELLED.get(chunk) || []));
        continue;
      }
      const parts = chunk.split(/[\-_/.']/);
      for (const part of parts) if (!STOP.has(part)) out.push(part, ...(SPELLED.get(part) || []));
      out.push(parts.join(""));
    }
    return out;
  }

  function build() {
    if (built) return;
    built = true;
    let total = 0;
    const lists = new Map(); // word -> [doc, weighted count, doc, weighted count, ...]
    docs.forEach((doc, index) => {
      const counts = new Map();
      for (const [weight, get] of fields) {
        for (const word of tokens(get(doc))) counts.set(word, (counts.get(word) || 0) + weight);
      }
      let length = 0;
      for (const [word, count] of counts) {
        let list = lists.get(word);
        if (!list) lists.set(word, (list = []));
        list.push(index, count);
        length += count;
      }
      lengths[index] = length;
      terms.push(counts);
      total += length;
    });
    average = total / Math.max(1, docs.length) || 1;
    for (const [word, list] of lists) {
      const found = { docs: new Int32Array(list.length / 2), tf: new Float32Array(list.length / 2) };
      for (let i = 0; i < list.length; i += 2) {
        const count = list[i + 1];
        found.docs[i / 2] = list[i];
        found.tf[i / 2] = count * (K1 + 1) /
          (count + K1 * (1 - B + B * lengths[list[i]] / average));
      }
      postings.set(word, found);
    }
    words = [...postings.keys()].sort();
    for (const word of words) {
      if (!byLength.has(word.length)) byLength.set(word.length, []);
      byLength.get(word.length).push(word);
    }
  }

  function idf(word) {
    const df = postings.get(word).docs.length;
    return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
  }

  // True when a and b are at most one edit apart (a swap of neighbours is one edit).
  function oneEdit(a, b) {
    const la = a.length;
    const lb = b.length;
    if (la - lb > 1 || lb - la > 1) return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      let j = la - 1;
      while (j > i && a[j] === b[j]) j--;
      return j <= i || (j === i + 1 && a[i] === b[j] && a[j] === b[i]);
    }
    const ls = la < lb ? la : lb;
    let k = 0;
    while (k < ls - i && a[la - 1 - k] === b[lb - 1 - k]) k++;
    return i + k >= ls;
  }

  // The words a query word stands for, each with how much a match counts.
  function expand(word, exact) {
    const found = new Map();
    if (postings.has(word)) found.set(word, 1);
    if (exact) return found;
    if (word.length >= 2) {
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (words[mid] < word) lo = mid + 1; else hi = mid;
      }
      for (let i = lo; i < words.length && words[i].startsWith(word); i++) {
        if (!found.has(words[i])) found.set(words[i], PREFIX);
      }
    }
    if (word.length >= 4 && !/^[0-9]+$/.test(word)) { // numbers are not misspelt words
      for (const length of [word.length - 1, word.length, word.length + 1]) {
        for (const other of byLength.get(length) || []) {
          if (!found.has(other) && oneEdit(word, other)) found.set(other, TYPO);
        }
      }
    }
    return found;
  }

  // The docs a query word matches and each one's BM25 score for it. Typing re-asks for the
  // same words at every keystroke, so the last ones asked are remembered.
  const remembered = new Map();
  let scratch = null; // per doc, the best score so far of the word being scored

  function wordScores(word, exact) {
    const key = (exact ? "=" : "~") + word;
    if (remembered.has(key)) return remembered.get(key);
    const best = scratch || (scratch = new Float64Array(docs.length));
    const touched = [];
    // A longer or misspelt word counts at most as much as the word asked for: "scheduled"
    // is rarer than "schedule", but it is not better evidence for it.
    const cap = postings.has(word) ? idf(word) : Infinity;
    for (const [term, factor] of expand(word, exact)) {
      const weight = Math.min(idf(term), cap) * factor;
      const { docs: ids, tf } = postings.get(term);
      for (let i = 0; i < ids.length; i++) {
        const doc = ids[i];
        const s = weight * tf[i];
        if (best[doc] === 0) touched.push(doc);
        if (s > best[doc]) best[doc] = s;
      }
    }
    const found = { docs: Int32Array.from(touched), scores: new Float64Array(touched.length) };
    touched.forEach((doc, i) => {
      found.scores[i] = best[doc];
      best[doc] = 0;
    });
    if (remembered.size >= 64) remembered.delete(remembered.keys().next().value);
    remembered.set(key, found);
    return found;
  }

  // Every doc matching at least one query word, best first: [doc index, score] pairs. A doc
  // matching more of the words ranks higher (its sum is scaled by the share it matches).
  function score(queryWords, skip = -1, exact = false) {
    build();
    const totals = new Float64Array(docs.length);
    const matched = new Uint16Array(docs.length);
    const hit = [];
    for (const word of queryWords) {
      const { docs: ids, scores } = wordScores(word, exact);
      for (let i = 0; i < ids.length; i++) {
        const doc = ids[i];
        if (!matched[doc] && doc !== skip) hit.push(doc);
        totals[doc] += scores[i];
        matched[doc] += 1;
      }
    }
    // Sorted natively as numbers: the score, to four decimals, then the doc index.
    const SLOT = 2 ** 21;
    const n = queryWords.length;
    const keys = new Float64Array(hit.length);
    for (let i = 0; i < hit.length; i++) {
      const doc = hit[i];
      totals[doc] *= matched[doc] / n;
      keys[i] = -Math.round(totals[doc] * 1e4) * SLOT + doc;
    }
    keys.sort();
    const out = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const doc = ((keys[i] % SLOT) + SLOT) % SLOT;
      out[i] = [doc, totals[doc]];
    }
    return out;
  }

  function search(query) {
    const queryWords = [...new Set(tokens(query))];
    return queryWords.length ? score(queryWords) : null;
  }

  // Docs whose words are most like this one's (its twelve rarest words as the query),
  // each score as a fraction of the doc's own.
  function similar(index) {
    build();
    const own = [...terms[index].keys()].filter((w) => /[a-z]/.test(w) && w.length > 2);
    own.sort((a, b) => idf(b) - idf(a) || (a < b ? -1 : 1));
    const found = score(own.slice(0, 12), -1, true);
    const self = (found.find(([doc]) => doc === index) || [index, 1])[1] || 1;
    return found.filter(([doc]) => doc !== index).map(([doc, s]) => [doc, s / self]);
  }

  return { search, similar, tokens, oneEdit, build };
}
