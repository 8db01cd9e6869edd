"""The hooks' fast path: a pre-commit run whose change leaves the registry alone does nothing.

pre-commit gives a hook only the files its `files` pattern matches, and never a deleted
one, so a commit that only deletes a paper file would run no hook. The hooks therefore
run on every commit (`always_run: true`) with `--hook` last on their command line. Then
the files pre-commit passed, and the paths git says the staged change (or pre-commit's
PRE_COMMIT_FROM_REF...PRE_COMMIT_TO_REF range) touches, deletions and renames included,
are compared with what the registry is made of: its files, configuration, templates and
derived files. When none of them is touched, the command exits 0 before loading anything.
Kept light on purpose: no YAML, no model, no argparse.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anthology.config import Config

HOOK = "--hook"
HELP = ("run as a pre-commit hook: FILES only say what pre-commit matched; when neither "
        "they nor the staged change (or PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF) touch the "
        "registry, its config, templates or derived files, exit 0 at once; otherwise the "
        "whole registry is checked. Put it last.")
CONFIG_FILES = ("anthology.toml", "pyproject.toml")
# What the hooks' `files` patterns match: a change to nothing of these kinds is skipped
# before the configuration is even read.
KINDS = (".yaml", ".yml", ".md", ".j2", ".json", *CONFIG_FILES)


def nothing_to_do(argv: Sequence[str]) -> bool:
    """True when `argv` asks for the hook mode and nothing the registry is made of changed."""
    if HOOK not in argv:
        return False
    passed = [a for a in argv[list(argv).index(HOOK) + 1:] if not a.startswith("-")]
    changed = _changed()
    if changed is None:
        return False
    if not passed and not any(path.endswith(KINDS) for path in changed):
        return True
    from anthology.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError:
        return False  # the full run reports it
    changed = _changed(config.root)
    if changed is None:
        return False
    watched = watched_paths(config)
    for path in [*(config.relative(Path(os.path.abspath(p))) for p in passed), *changed]:
        if any(path == w or path.startswith(w + "/") for w in watched):
            return False
    return True


def watched_paths(config: Config) -> list[str]:
    """Paths, relative to the root, whose change can change what the hooks report or write."""
    own = [config.get("", "topics"), *config.get("", "papers"), config.get("", "removed"),
           *CONFIG_FILES]
    render = [config.get("render", key) for key in ("registry_md", "readme", "json",
                                                     "templates")]
    return [os.path.normpath(str(p)).replace(os.sep, "/").rstrip("/")
            for p in [*own, *render] if p]


def _changed(root: Path | None = None) -> list[str] | None:
    """Paths (relative to `root`, else to the top of the work tree) the staged change or
    pre-commit's range touches; None when git can't say."""
    start, end = os.environ.get("PRE_COMMIT_FROM_REF"), os.environ.get("PRE_COMMIT_TO_REF")
    diff = ["git", "diff", "--name-only", "--no-renames", "-z",
            *(["--relative"] if root is not None else [])]
    attempts = [[*diff, f"{start}...{end}"], [*diff, f"{start}..{end}"]] if start and end \
        else [[*diff, "--cached"]]
    for command in attempts:
        done = subprocess.run(command, cwd=root, capture_output=True, check=False)
        if done.returncode == 0:
            return [p.decode("utf-8", "surrogateescape") for p in done.stdout.split(b"\0") if p]
    return None
