"""Assemble the page: our own HTML, CSS and script, with the registry data embedded as JSON.

Everything is inline, so the page works opened from `file://` and from any sub-path. The
Content-Security-Policy allows exactly the inline style and script by their hashes and
forbids loading anything from anywhere else.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from anthology.render.view import View
from anthology.site.reading import reading_page

TITLE = "ML training practices"
INTRO = ("Practices for training ML models, each backed by a paper. Retired practices stay in "
         "the attic and point at what replaced them.")
READING_TITLE = "Reading list"
READING_INTRO = "Papers by topic."
# In this order: removed.js reads the address before page.js drops an unknown id from it;
# page.js uses what the others define.
SCRIPTS = ("removed.js", "cards.js", "search.js", "related.js", "page.js")
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
            "\u2029": "\\u2029"}


def embed_json(data: Mapping[str, Any]) -> str:
    """JSON that can sit inside a <script> element: no `</script>` or `<!--` can appear."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _ESCAPES[m.group()], text)


def source_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(style: str, scripts: list[str]) -> str:
    return "; ".join([
        "default-src 'none'",
        "script-src " + (" ".join(source_hash(script) for script in scripts) or "'none'"),
        f"style-src {source_hash(style)}",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def static(name: str) -> str:
    folder = resources.files("anthology.site").joinpath("static")
    return folder.joinpath(name).read_text(encoding="utf-8")


def page(data: Mapping[str, Any], title: str = TITLE, intro: str = INTRO) -> str:
    style = static("page.css")
    scripts = [static(name) for name in SCRIPTS]
    values = {"csp": policy(style, scripts), "title": html.escape(title), "style": style,
              "intro": html.escape(intro),
              "scripts": "\n".join(f"<script>{script}</script>" for script in scripts),
              "data": embed_json(data)}
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], static("page.html"))


def reading_list_page(view: View, title: str = "", intro: str = "") -> str:
    """The page of a registry of papers without recommendations: no script at all."""
    style = static("page.css")
    return reading_page(view, title or READING_TITLE, intro or READING_INTRO, style,
                        policy(style, []), static("reading.html"))
