"""Markdown from Jinja templates, with user text always escaped to literal text.

Templates ship in `anthology/render/templates/`; a folder named by `render.templates`
overrides them by file name. Autoescaping is off (it is HTML's); templates pass every
piece of user text through `md` (inline text, safe in lists, headings and table cells),
`code` (a code span) or `href` (a link target).
"""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from anthology.config import Config, ConfigError
from anthology.diagnostics import Code, Diagnostic, Severity
from anthology.render.anchors import slug

TEMPLATE_SYNTAX = Code("RENDER010", Severity.ERROR, "a template is not valid Jinja",
                       "{% for entry in topic.live %} without {% endfor %}")
TEMPLATE_FAILED = Code("RENDER011", Severity.ERROR, "a template failed while rendering",
                       "{{ entry.no_such_field }}")
CODES = [TEMPLATE_SYNTAX, TEMPLATE_FAILED]

_PUNCTUATION = re.compile(r"([\\`*_\[\]|~$#])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^([-+=])|^(\d+)([.)])")
_URL_SAFE = ":/?#@!$&'*+,;=%-._~"


class TemplateProblem(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def md(value: Any) -> str:
    """Text as literal inline Markdown: one line, no markup, no HTML, no links."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _PUNCTUATION.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def code(value: Any, table: bool = True) -> str:
    """Text as a code span; in a table cell its pipes are escaped the way GFM expects."""
    text = " ".join(str(value).splitlines())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return fence + (text.replace("|", "\\|") if table else text) + fence


def href(url: Any) -> str:
    """A link target that can't leave the link or the table: http(s) only, else empty."""
    text = str(url or "").strip()
    if not re.match(r"https?://", text, re.IGNORECASE):
        return ""
    return quote(text, safe=_URL_SAFE).replace("&", "&amp;")


def link(text: Any, url: Any) -> str:
    """`[text](url)`, or the text alone when the url is not a web address."""
    target = href(url)
    return f"[{md(text)}]({target})" if target else md(text)


def environment(config: Config) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    folder = str(config.get("render", "templates"))
    if folder:
        path = config.root / folder
        if not path.is_dir():
            raise ConfigError(f"{config.source}: 'render.templates' names {folder!r}, "
                              "which is not a folder")
        loaders.append(jinja2.FileSystemLoader(str(path)))
    loaders.append(jinja2.PackageLoader("anthology.render", "templates"))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True,
                             bytecode_cache=_compiled_templates())
    env.filters.update(md=md, code=code, href=href, link=link, anchor=slug)
    return env


def _compiled_templates() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (keyed by each template's source); compiling
    them is most of a small registry's render."""
    from anthology import __version__
    from anthology.cache import cache_folder

    if os.environ.get("ANTHOLOGY_NO_CACHE"):
        return None
    folder = cache_folder() / f"templates-{__version__}-jinja{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def has_template(env: jinja2.Environment, name: str) -> bool:
    assert env.loader is not None
    return name in env.loader.list_templates()


def render(env: jinja2.Environment, name: str, config: Config, **context: Any) -> str:
    """A template's output as tidy Markdown: LF, no trailing spaces, single blank lines."""
    try:
        text = env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as err:
        where = _shown(config, err.filename, name)
        raise TemplateProblem(TEMPLATE_SYNTAX.at(where, err.lineno, 1,
                                                 err.message or str(err))) from None
    except Exception as err:  # a user's template can fail in any way; report, don't crash
        where, line = _failing_line(config, err, name)
        raise TemplateProblem(TEMPLATE_FAILED.at(where, line, 0 if line == 0 else 1,
                                                 f"{type(err).__name__}: {err}")) from None
    return tidy(text)


def tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n") + "\n"


def _failing_line(config: Config, err: BaseException, name: str) -> tuple[str, int]:
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename and frame.filename.endswith(".j2"):
            return _shown(config, frame.filename, name), frame.lineno or 0
    return name, 0


def _shown(config: Config, filename: str | None, name: str) -> str:
    return config.relative(Path(filename)) if filename else name
