"""Write the page into the output folder, atomically and only when it changed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from anthology.model import Registry
from anthology.render.export import export
from anthology.render.view import build_view
from anthology.site.page import INTRO, TITLE, page, reading_list_page

INDEX = "index.html"


def build_site(registry: Registry, out: Path, title: str = "",
               description: str = "") -> tuple[Path, bool]:
    """Write `out/index.html`; returns its path and whether the file changed.

    `title` and `description` are the config's; "" keeps the shipped ones.
    """
    target = out / INDEX
    view = build_view(registry)
    text = (reading_list_page(view, title, description) if view.reading_list
            else page(export(view), title or TITLE, description or INTRO))
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
