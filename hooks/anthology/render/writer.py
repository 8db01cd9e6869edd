"""Derived files are written only when their content changes, and atomically.

Comparison ignores line endings, so a checkout with CRLF (core.autocrlf) does not look
stale; new content is written with LF.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from anthology.diagnostics import Code, Diagnostic, Severity

CANT_WRITE = Code("RENDER020", Severity.ERROR, "a derived file could not be written",
                  "REGISTRY.md is read-only, or its folder is missing permissions")
CODES = [CANT_WRITE]


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_stale(path: Path, content: str) -> bool:
    try:
        current = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return True
    return normalised(current) != normalised(content)


def write_atomically(path: Path, content: str, shown: str) -> Diagnostic | None:
    """Replace the file in one step, keeping its permissions; a diagnostic if that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content.encode("utf-8"))
            os.chmod(temp, mode)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as err:
        return CANT_WRITE.at(shown, 0, 0, f"cannot write the file: {err.strerror or err}")
    return None


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
