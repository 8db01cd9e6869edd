"use strict";
// A permalink to a removed id (the export's `removed`): say when and why it was removed
// and link what replaced it, instead of opening on the list as if nothing was asked.
// Runs before page.js, which drops an id it does not know from the address.
(() => {
  const $ = (id) => document.getElementById(id);
  let removed = null; // id -> tombstone, read from the data on the first unknown id

  function askedFor() {
    const raw = location.hash.slice(1);
    if (raw.includes("=")) return new URLSearchParams(raw).get("id") || "";
    try {
      return decodeURIComponent(raw);
    } catch (err) {
      return ""; // not an id
    }
  }

  function notice() {
    const old = $("removed-notice");
    if (old) old.remove();
    const id = askedFor();
    if (!id) return;
    if (!removed) {
      const data = JSON.parse($("registry-data").textContent);
      removed = new Map((data.removed || []).map((r) => [r.id, r]));
    }
    const gone = removed.get(id);
    if (!gone) return;
    const text = document.createElement("p");
    text.id = "removed-notice";
    text.className = "removed-notice";
    text.setAttribute("role", "status");
    const name = document.createElement("strong");
    name.textContent = gone.id;
    text.append(name, ` was removed on ${gone.date}: ${gone.reason}`);
    if (gone.replaced_by) {
      const link = document.createElement("a");
      link.href = "#" + encodeURIComponent(gone.replaced_by);
      link.textContent = gone.replaced_by;
      text.append(" Replaced by ", link, ".");
    }
    $("summary").before(text);
  }

  window.addEventListener("hashchange", notice);
  notice();
})();
