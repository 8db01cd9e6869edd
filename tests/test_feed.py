"""The Atom feed of practice changes, from a scripted git history, read by a real parser."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import feedparser
import pytest
from anthology.cli import main
from conftest import git
from papers import WriteRegistry
from test_diff import ADAM, ADAMW, RETIRED


def commit(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A")
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.com",
           "GIT_COMMITTER_NAME": "Ada", "GIT_COMMITTER_EMAIL": "ada@example.com"}
    subprocess.run(["git", "commit", "-qm", message], cwd=root, env=env, check=True)


@pytest.fixture
def history(registry: WriteRegistry) -> Path:
    """Three commits: Adam added; AdamW added and Adam's L2 decay deprecated; a promotion."""
    root = registry(**{"Kingma001.yaml": ADAM})
    git(root, "init", "-q", "-b", "main")
    commit(root, "Adam", "2026-01-05T10:00:00+00:00")
    registry(**{"Kingma001.yaml": ADAM.replace("    status: standard\n", RETIRED, 1),
                "Loshchilov001.yaml": ADAMW})
    commit(root, "AdamW replaces Adam's L2 decay", "2026-02-06T11:00:00+00:00")
    registry(**{"Kingma001.yaml": ADAM.replace("    status: standard\n", RETIRED, 1)
                .replace("status: experimental", "status: standard")})
    registry(**{"Loshchilov001.yaml": ADAMW})
    commit(root, "Bias correction is standard", "2026-03-07T12:00:00+00:00")
    return root


def build(root: Path) -> feedparser.FeedParserDict:
    assert main(["site", "--out", "site"]) == 0
    text = (root / "site" / "feed.xml").read_text(encoding="utf-8")
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_the_feed_lists_each_change_newest_first(history: Path) -> None:
    feed = build(history)
    assert feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    assert titles == ["Promoted to standard: Adam bias correction",
                      "Added: AdamW",
                      "Deprecated: Adam with L2 weight decay",
                      "Added: Adam with L2 weight decay",
                      "Added: Adam bias correction"]
    promoted = feed.entries[0]
    assert promoted.link == "index.html#MLR-2014-Kingma001-0002"
    assert promoted.updated == "2026-03-07T12:00:00+00:00"
    assert promoted.author == "Ada"
    assert "Replaced by AdamW (MLR-2017-Loshchilov001-0001)" in feed.entries[2].summary
    assert feed.feed.updated == "2026-03-07T12:00:00+00:00"
    assert len({e.id for e in feed.entries}) == 5
    page = (history / "site" / "index.html").read_text()
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert '<a href="feed.xml">' in page


def test_a_site_url_makes_the_links_absolute(history: Path) -> None:
    (history / "anthology.toml").write_text('[site]\nurl = "https://example.org/practices/"\n')
    feed = build(history)
    assert feed.entries[0].link == ("https://example.org/practices/index.html"
                                    "#MLR-2014-Kingma001-0002")
    assert any(link.href == "https://example.org/practices/feed.xml"
               for link in feed.feed.links if link.rel == "self")


def test_a_shallow_clone_shows_what_it_can_see_and_says_so(history: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{history}", str(clone)],
                   check=True)
    monkeypatch.chdir(clone)
    feed = build(clone)
    # The oldest visible commit is where the clone starts: only the newest one is news.
    assert [e.title for e in feed.entries] == ["Promoted to standard: Adam bias correction"]
    assert "shallow clone" in feed.feed.subtitle
    assert "a shallow clone: only the changes it can see" in capsys.readouterr().out


def test_unchanged_history_leaves_the_feed_alone(history: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    build(history)
    capsys.readouterr()
    build(history)
    assert "unchanged: site/feed.xml (5 changes)" in capsys.readouterr().out


def test_text_that_xml_cannot_carry_is_dropped(registry: WriteRegistry) -> None:
    root = registry(**{"Loshchilov001.yaml": ADAMW.replace("name: AdamW", 'name: "Adam\\x01W"')})
    git(root, "init", "-q", "-b", "main")
    commit(root, "subject with <b> & \x1b escape", "2026-01-05T10:00:00+00:00")
    feed = build(root)
    assert feed.entries[0].title == "Added: AdamW"
    assert "subject with <b> & " in feed.entries[0].summary


def test_a_removal_carries_its_tombstone(registry: WriteRegistry) -> None:
    root = registry(**{"Kingma001.yaml": ADAM, "Loshchilov001.yaml": ADAMW})
    git(root, "init", "-q", "-b", "main")
    commit(root, "Adam and AdamW", "2026-01-05T10:00:00+00:00")
    registry(**{"Kingma001.yaml": ADAM[: ADAM.index("  - id: MLR-2014-Kingma001-0001")]
                + ADAM[ADAM.index("  - id: MLR-2014-Kingma001-0002"):]})
    (root / "registry" / "removed.yaml").write_text(
        "removed:\n  - id: MLR-2014-Kingma001-0001\n    date: 2026-02-01\n"
        "    reason: Entered twice by the migration.\n"
        "    replaced_by: MLR-2017-Loshchilov001-0001\n")
    commit(root, "Remove a duplicate", "2026-02-01T10:00:00+00:00")
    entry = build(root).entries[0]
    assert entry.title == "Removed: Adam with L2 weight decay"
    assert ("Entered twice by the migration. Replaced by AdamW (MLR-2017-Loshchilov001-0001)."
            in entry.summary)
