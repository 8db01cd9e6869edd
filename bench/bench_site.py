"""Time the browsing page in headless Chromium at 300 and 10,000 recommendations.

    python bench/bench_site.py [--sizes 300,10000] [--runs 3]

Script done: from navigation start to the page's `anthology:first-render` mark (data
parsed, first window of cards in the DOM). First render: to the end of the first frame
painted after it. Keystroke latency: from a key's keydown in the search box to the end of
the frame that shows the filtered list, for each key of a query typed one at a time.
Medians over runs (a fresh tab each); keystrokes also give p95 and max. Uses Debian's
Chromium (or the binary in ANTHOLOGY_CHROMIUM); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

from anthology.cache import Memo
from anthology.config import load_config
from anthology.pipeline import load_registry
from anthology.site.build import build_site
from generate import generate
from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "out"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic"]
QUERY = "paper 1234"
# Installed before the page's own script: the first frame after the first cards are in the
# DOM, and for each keystroke the frame after the list was replaced.
PROBE = """(() => {
  const painted = () => new Promise((done) => setTimeout(() => done(performance.now())));
  const firstFrame = () => requestAnimationFrame(() => {
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
    painted().then((t) => window.latencies.push(t - t0));
  }).observe(document.getElementById('results'), { childList: true }));
})()"""


def site(recommendations: int) -> tuple[Path, int]:
    root = generate(OUT / f"site-{recommendations}", -(-recommendations // 3))
    (root / ".git").mkdir(exist_ok=True)
    registry = load_registry(load_config(root), Memo(None))
    page, _ = build_site(registry, root / "site")
    return page, len(registry.recommendations)


def measure(browser: Any, url: str) -> tuple[float, float, list[float]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(PROBE)
    page.goto(url)
    page.wait_for_function("() => window.firstRender !== undefined")
    ready = page.evaluate("performance.getEntriesByName('anthology:first-render')[0].startTime")
    painted = page.evaluate("window.firstRender")
    page.focus("#q")
    for typed, key in enumerate(QUERY, start=1):
        page.keyboard.press("Space" if key == " " else key)
        page.wait_for_function("n => window.latencies.length >= n", arg=typed)
    latencies = page.evaluate("window.latencies")
    page.close()
    return ready, painted, latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="300,10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chromium = os.environ.get("ANTHOLOGY_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        sys.exit("no Chromium: apt-get install chromium (or set ANTHOLOGY_CHROMIUM)")
    print(f"{'recommendations':>15} {'page':>8} {'script done':>12} {'first render':>13} "
          f"{'keystroke median':>17} {'p95':>7} {'max':>7}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            page, count = site(size)
            runs = [measure(browser, page.as_uri()) for _ in range(args.runs)]
            keys = sorted(k for _, _, latencies in runs for k in latencies)
            p95 = keys[min(len(keys) - 1, round(0.95 * (len(keys) - 1)))]
            print(f"{count:>15,} {page.stat().st_size / 1e6:>6.1f}MB "
                  f"{statistics.median(r[0] for r in runs):>9.0f} ms "
                  f"{statistics.median(r[1] for r in runs):>10.0f} ms "
                  f"{statistics.median(keys):>14.1f} ms {p95:>4.1f} ms {keys[-1]:>4.1f} ms")
        browser.close()


if __name__ == "__main__":
    main()
