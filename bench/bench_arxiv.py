"""Look up 1,000 uncached arXiv ids on the fake arXiv server: batched vs one request per id.

    python bench/bench_arxiv.py [--ids 1000] [--spacing 0]

Both approaches run in the same process against the same fake server (real HTTP on
127.0.0.1). The batched client is anthology's (batches of 100, cache on disk); the
other asks for one id per request, as a naive client would. Then the batched lookup
runs again with the warm cache, which must make zero requests.

With `--spacing 0` the times measure the work itself; the "at arXiv's 3 s" column adds
what arXiv's one-request-every-three-seconds rule costs each approach in real use.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from anthology.arxiv.cache import ArxivCache  # noqa: E402
from anthology.arxiv.client import USER_AGENT, Client, Outcome, Settings  # noqa: E402
from anthology.arxiv.feed import parse_feed  # noqa: E402
from fake_arxiv import FakeArxiv, synthetic_papers  # noqa: E402

ARXIV_SPACING = 3.0


def batched(server: FakeArxiv, cache: Path, ids: list[str], spacing: float) -> tuple[int, float]:
    before = len(server.log)
    start = time.perf_counter()
    client = Client(Settings(api=server.url, spacing=spacing, deadline=3600.0),
                    ArxivCache(cache))
    results = client.lookup(ids)
    elapsed = time.perf_counter() - start
    assert all(r.outcome is Outcome.FOUND for r in results.values()), "an id was not found"
    return len(server.log) - before, elapsed


def one_per_id(server: FakeArxiv, ids: list[str], spacing: float) -> tuple[int, float]:
    before = len(server.log)
    start = time.perf_counter()
    with requests.Session() as session:
        session.trust_env = False
        session.headers["User-Agent"] = USER_AGENT
        for i, arxiv_id in enumerate(ids):
            if i and spacing:
                time.sleep(spacing)
            response = session.get(server.url, params={"id_list": arxiv_id, "max_results": "1"},
                                   timeout=10)
            assert len(parse_feed(response.content).entries) == 1
    return len(server.log) - before, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--ids", type=int, default=1000)
    parser.add_argument("--spacing", type=float, default=0.0,
                        help="seconds between requests in this run (arXiv asks for 3)")
    args = parser.parse_args()
    papers = synthetic_papers(args.ids)
    ids = [p.arxiv_id for p in papers]
    with FakeArxiv(papers) as server, tempfile.TemporaryDirectory() as folder:
        cold = batched(server, Path(folder), ids, args.spacing)
        naive = one_per_id(server, ids, args.spacing)
        warm = batched(server, Path(folder), ids, args.spacing)
    print(f"{args.ids} arXiv ids, fake server on 127.0.0.1, spacing {args.spacing:g} s\n")
    print(f"{'approach':<28}{'requests':>9}{'time':>10}{'at arXiv 3 s':>15}")
    for name, (count, seconds) in (("batched (anthology), cold", cold),
                                   ("one request per id", naive),
                                   ("batched, warm cache", warm)):
        at_arxiv = seconds + max(count - 1, 0) * max(ARXIV_SPACING - args.spacing, 0)
        print(f"{name:<28}{count:>9}{seconds:>9.2f}s{_duration(at_arxiv):>15}")
    print(f"\nbatched vs one per id: {naive[0] / max(cold[0], 1):.0f}x fewer requests, "
          f"{naive[1] / cold[1]:.1f}x faster here")
    return 0 if warm[0] == 0 and cold[0] == -(-args.ids // 100) else 1


def _duration(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


if __name__ == "__main__":
    sys.exit(main())
