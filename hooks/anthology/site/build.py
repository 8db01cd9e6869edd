"""Write the page into the output folder, atomically and only when it changed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from anthology.model import Registry
from anthology.site.data import site_data
from anthology.site.page import TITLE, page

INDEX = "index.html"


def build_site(registry: Registry, out: Path, title: str = TITLE) -> tuple[Path, bool]:
    """Write `out/index.html`; returns its path and whether the file changed."""
    target = out / INDEX
    text = page(site_data(registry), title)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return target, False
    out.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".index-", suffix=".html", dir=out)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target, True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
