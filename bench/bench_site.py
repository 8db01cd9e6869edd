"""Time the browsing page in headless Chromium against the naive page, at 300 and 10,000.

    python bench/bench_site.py [--sizes 300,10000] [--runs 3] [--naive-typing 60] [--baseline REV]

The named alternative is the naive page: the same built page with its own script changed
in two places, so that it renders every matching card (window size: all, not 40) and
filters on every input event (no batching of keystrokes into one pass per frame). The
bench makes it from the shipped page's file and gives it a policy with the changed
script's hash, so its Content-Security-Policy is still enforced; the shipped page has no
switch for this. Both load the same data in the same browser in the same run, and every
figure is printed as a ratio against the naive page's. With --baseline REV the page's
scripts as they were at git revision REV (e.g. the last release) are measured too, on the
same data in the same run, so a change to the page can be held to the page it replaces.

Script done: from navigation start to the page's `anthology:first-render` mark (data
parsed, first cards in the DOM). First render: to the end of the first frame painted
after it. Keystroke latency: from a key's keydown in the search box to the end of the
frame that shows the filtered list, for each key of a query typed one at a time.
Medians over runs (a fresh tab each); keystrokes also give p95 and max. The naive page
types the whole query in at least one run and in further runs only while its typing
budget (--naive-typing seconds per size) lasts. Uses Debian's Chromium (or the binary in
ANTHOLOGY_CHROMIUM); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from anthology.cache import Memo
from anthology.config import load_config
from anthology.pipeline import load_registry
from anthology.site.build import build_site
from anthology.site.page import source_hash, static
from generate import generate
from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "out"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic"]
QUERY = "paper 1234"
WINDOW = (r"const PAGE = \d+;", "const PAGE = Infinity;")
BATCHING = ('controls.q.addEventListener("input", typed);',
            'controls.q.addEventListener("input", () => { fromControls(); update(); });')
# Installed before the page's own script: the first frame after the first cards are in the
# DOM, and for each keystroke the frame after the list was replaced. A list replaced in an
# animation frame callback (the shipped page) is painted at the end of that frame; one
# replaced in the input event (the naive page) at the end of the next.
PROBE = """(() => {
  const painted = () => new Promise((done) => setTimeout(() => done(performance.now())));
  const frame = requestAnimationFrame.bind(window);
  let inFrame = false;
  window.requestAnimationFrame = (callback) => frame((t) => {
    inFrame = true;
    try { callback(t); } finally { queueMicrotask(() => { inFrame = false; }); }
  });
  const firstFrame = () => frame(() => {
    if (!performance.getEntriesByName('anthology:first-render').length) return firstFrame();
    painted().then((t) => { window.firstRender = t; });
  });
  firstFrame();
  window.latencies = [];
  let start = 0;
  addEventListener('keydown', () => { start = performance.now(); }, true);
  addEventListener('DOMContentLoaded', () => new MutationObserver(() => {
    if (!start) return;
    const t0 = start;
    start = 0;
    const done = () => painted().then((t) => window.latencies.push(t - t0));
    if (inFrame) done(); else frame(done);
  }).observe(document.getElementById('results'), { childList: true }));
})()"""
Run = tuple[float, float, list[float]]
WIDTHS = (15, 8, 12, 13, 17, 10, 10, 5)
HEADER = ("recommendations", "size", "script done", "first render", "keystroke median", "p95",
          "max", "keys")


def site(recommendations: int) -> tuple[Path, int]:
    root = generate(OUT / f"site-{recommendations}", -(-recommendations // 3))
    (root / ".git").mkdir(exist_ok=True)
    registry = load_registry(load_config(root), Memo(None))
    page, _ = build_site(registry, root / "site")
    return page, len(registry.recommendations)


def naive(page: Path) -> Path:
    """The same page rendering every card and filtering on every keystroke."""
    script = static("page.js")
    variant, windows = re.subn(WINDOW[0], WINDOW[1], script, count=1)
    variant, batches = variant.replace(*BATCHING), variant.count(BATCHING[0])
    if (windows, batches) != (1, 1):
        sys.exit("page.js changed: update WINDOW and BATCHING in bench/bench_site.py")
    return swap(page, {"page.js": variant}, "naive.html")


def baseline(page: Path, rev: str) -> Path:
    """The page with the scripts it had at git revision `rev` (same HTML, CSS and data)."""
    old = {}
    for name in ("cards.js", "search.js", "related.js", "page.js"):
        shown = subprocess.run(["git", "show", f"{rev}:hooks/anthology/site/static/{name}"],
                               capture_output=True, text=True, check=False)
        old[name] = shown.stdout if shown.returncode == 0 else ""
    return swap(page, old, "baseline.html")


def swap(page: Path, scripts: dict[str, str], name: str) -> Path:
    """A copy of the page with some of its scripts replaced, its policy following them."""
    text = page.read_text(encoding="utf-8")
    for script, replacement in scripts.items():
        shipped = f"<script>{static(script)}</script>"
        if text.count(shipped) != 1:
            sys.exit(f"{script} is not in the built page once: rebuild it")
        text = text.replace(shipped, f"<script>{replacement}</script>")
        text = text.replace(source_hash(static(script)), source_hash(replacement))
    target = page.with_name(name)
    target.write_text(text, encoding="utf-8")
    return target


def measure(browser: Any, url: str, typing: bool) -> Run:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(120_000)
    page.add_init_script(PROBE)
    page.goto(url)
    page.wait_for_function("() => window.firstRender !== undefined")
    ready = page.evaluate("performance.getEntriesByName('anthology:first-render')[0].startTime")
    painted = page.evaluate("window.firstRender")
    if typing:
        page.focus("#q")
        for typed, key in enumerate(QUERY, start=1):
            page.keyboard.press("Space" if key == " " else key)
            page.wait_for_function("n => window.latencies.length >= n", arg=typed)
    latencies = page.evaluate("window.latencies")
    page.close()
    return ready, painted, latencies


def runs(browser: Any, url: str, count: int, budget: float) -> list[Run]:
    done: list[Run] = []
    began = time.monotonic()
    for _ in range(count):
        done.append(measure(browser, url, not done or time.monotonic() - began < budget))
    return done


def figures(done: list[Run]) -> list[float]:
    keys = sorted(k for _, _, latencies in done for k in latencies)
    p95 = keys[min(len(keys) - 1, round(0.95 * (len(keys) - 1)))]
    return [statistics.median(r[0] for r in done), statistics.median(r[1] for r in done),
            statistics.median(keys), p95, keys[-1], len(keys)]


def times(ratio: float) -> str:
    return f"{ratio:.2f}x" if ratio >= 0.1 else f"{ratio:.2g}x"


def line(*cells: str) -> str:
    return " ".join(f"{cell:>{width}}" for cell, width in zip(cells, WIDTHS, strict=False))


def row(label: str, size: str, values: list[float]) -> str:
    script, first, median, p95, top, keys = values
    return line(label, size, f"{script:,.0f} ms", f"{first:,.0f} ms", f"{median:,.1f} ms",
                f"{p95:,.1f} ms", f"{top:,.1f} ms", f"{keys:.0f}")


def ratios(ours: list[float], theirs: list[float], label: str = "x naive") -> str:
    pairs = zip(ours[:5], theirs[:5], strict=True)
    return line(label, "", *(times(a / b) for a, b in pairs))


def headline(count: int, ours: list[float], theirs: list[float]) -> str:
    return (f"{count:,}: first render {ours[1]:,.0f} ms = {times(ours[1] / theirs[1])} naive "
            f"({theirs[1]:,.0f} ms), keystroke median {ours[2]:,.1f} ms = "
            f"{times(ours[2] / theirs[2])} naive ({theirs[2]:,.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--naive-typing", type=float, default=60.0,
                        help="seconds per size the naive page may spend on keystrokes")
    parser.add_argument("--baseline", metavar="REV", default="",
                        help="also measure the page's scripts as they were at this git revision")
    args = parser.parse_args()
    chromium = os.environ.get("ANTHOLOGY_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        sys.exit("no Chromium: apt-get install chromium (or set ANTHOLOGY_CHROMIUM)")
    print("page: the shipped page (40-card window, keystrokes batched per frame); naive: the "
          "same page rendering\nevery card and filtering on every keystroke. Same data, same "
          f"browser, medians of {args.runs} runs.\n")
    print(line(*HEADER))
    summary = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            page, count = site(size)
            then_url = baseline(page, args.baseline).as_uri() if args.baseline else ""
            mine: list[Run] = []
            earlier: list[Run] = []
            for _ in range(args.runs):  # interleaved, so both see the same machine load
                mine.append(measure(browser, page.as_uri(), True))
                if then_url:
                    earlier.append(measure(browser, then_url, True))
            ours = figures(mine)
            theirs = figures(runs(browser, naive(page).as_uri(), args.runs, args.naive_typing))
            print(row(f"{count:,}", f"{page.stat().st_size / 1e6:.1f}MB", ours))
            print(row("naive", "", theirs))
            print(ratios(ours, theirs))
            summary.append(headline(count, ours, theirs))
            if earlier:
                then = figures(earlier)
                print(row(args.baseline[:15], "", then))
                print(ratios(then, theirs))
                print(ratios(ours, then, "page x it"))
                summary.append(f"{count:,} at {args.baseline}: " +
                               headline(count, then, theirs).split(": ", 1)[1])
        browser.close()
    print("\n" + "\n".join(summary))


if __name__ == "__main__":
    main()
