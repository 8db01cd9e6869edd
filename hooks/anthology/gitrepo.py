"""Reading a registry's past from git: a revision's files, blobs in one batch, the log.

Every call is one `git` process; nothing is checked out.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path


class GitError(Exception):
    """git could not answer; the message says why, in git's own words where it gave some."""


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True,
                              check=False)
    except OSError as err:
        raise GitError(f"git is not available ({err.strerror})") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip().splitlines()[-1]
                       if done.stderr.strip() else f"git {args[0]} failed")
    return done.stdout


def read_blobs(root: Path, blobs: Iterable[str]) -> dict[str, bytes]:
    """The content of each blob id, read through one `git cat-file --batch`."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    out = git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in wanted).encode())
    contents: dict[str, bytes] = {}
    offset = 0
    for blob in wanted:
        header_end = out.index(b"\n", offset)
        header = out[offset:header_end].split()
        if len(header) < 3 or header[1] != b"blob":
            raise GitError(f"{blob} is not a blob at this revision")
        size = int(header[2])
        contents[blob] = out[header_end + 1: header_end + 1 + size]
        offset = header_end + 1 + size + 1
    return contents


def tree_files(root: Path, ref: str, specs: Iterable[str]) -> dict[str, str]:
    """Path -> blob id of every file under `specs` at `ref`."""
    listing = git(root, "ls-tree", "-r", "-z", ref, "--", *specs)
    files: dict[str, str] = {}
    for entry in filter(None, listing.split(b"\0")):
        meta, _, name = entry.partition(b"\t")
        _, kind, blob = meta.decode().split()
        if kind == "blob":
            files[name.decode("utf-8", "surrogateescape")] = blob
    return files


def is_shallow(root: Path) -> bool:
    try:
        return git(root, "rev-parse", "--is-shallow-repository").strip() == b"true"
    except GitError:
        return False
