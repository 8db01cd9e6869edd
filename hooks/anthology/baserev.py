"""Which revision a run compares the registry with, found from the context it runs in.

In order: `--base`, then the config's `base`, then pre-commit's `--from-ref` (the
merge-base of PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF), then a GitHub Actions pull
request's base branch (the merge-base with origin/$GITHUB_BASE_REF), then HEAD. When the
revision can't be read, `NoBaseline` says why and how to make it readable. Kept light
(no YAML, no model): the pre-commit fast path imports it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from anthology.config import Config
from anthology.gitrepo import GitError, is_shallow
from anthology.gitrepo import git as _git

FETCH = ("fetch the history: actions/checkout with `fetch-depth: 0`, GitLab CI with "
         "`GIT_DEPTH: 0`, or `git fetch --unshallow`")


class NoBaseline(Exception):
    """The base revision can't be read; the message says why and how to fix it."""


@dataclass(frozen=True)
class BaseRevision:
    rev: str  # what git is asked for
    label: str  # how messages name it


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """`anthology.gitrepo.git`, failing with NoBaseline."""
    try:
        return _git(root, *args, stdin=stdin)
    except GitError as err:
        raise NoBaseline(str(err)) from None


def base_revision(config: Config, explicit: str | None = None,
                  environ: Mapping[str, str] = os.environ) -> BaseRevision:
    """The base revision for this run; raises NoBaseline when it can't be read."""
    root = config.root
    try:
        inside = git(root, "rev-parse", "--is-inside-work-tree").strip() == b"true"
    except NoBaseline:
        inside = False
    if not inside:
        raise NoBaseline("not inside a git work tree")
    configured = explicit or str(config.get("", "base"))
    if configured:
        return BaseRevision(_commit(root, configured), configured)
    start, end = environ.get("PRE_COMMIT_FROM_REF"), environ.get("PRE_COMMIT_TO_REF")
    if start:
        end = end or "HEAD"
        rev = _merge_base(root, start, end, f"the merge-base of {start} and {end}")
        same = rev == _commit(root, start)
        return BaseRevision(rev, start if same else f"the merge-base of {start} and {end}")
    target = environ.get("GITHUB_BASE_REF")
    if environ.get("GITHUB_ACTIONS") == "true" and target and \
            environ.get("GITHUB_EVENT_NAME", "").startswith("pull_request"):
        branch = f"origin/{target}"
        label = f"the merge-base with {branch}"
        return BaseRevision(_merge_base(root, branch, "HEAD", label), label)
    return BaseRevision(_commit(root, "HEAD"), "HEAD")


def _commit(root: Path, ref: str) -> str:
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except NoBaseline:
        pass
    if is_shallow(root):
        raise NoBaseline(f"the base revision '{ref}' is not in this shallow clone; {FETCH}")
    if ref == "HEAD":
        raise NoBaseline("the base revision 'HEAD' does not exist yet (no commit so far)")
    raise NoBaseline(f"the base revision '{ref}' does not exist here; fetch it "
                     f"(git fetch origin {ref}) or name another with --base")


def _merge_base(root: Path, start: str, end: str, label: str) -> str:
    first, second = _commit(root, start), _commit(root, end)
    try:
        return git(root, "merge-base", first, second).decode().strip()
    except NoBaseline:
        if is_shallow(root):
            raise NoBaseline(f"{label} is not in this shallow clone; {FETCH}") from None
        raise NoBaseline(f"{start} and {end} share no history, so {label} does not "
                         "exist; name the base with --base") from None
