"""The derived files: REGISTRY.md, the README's generated sections and the JSON export.

`render_all` computes every output in memory first; only when nothing went wrong does it
write, and then only the files whose content changed. A template or README problem is a
diagnostic and leaves every file as it was. A render whose inputs and outputs are as the
last clean one left them is skipped (`replay`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from anthology.cache import Memo
from anthology.config import Config, ConfigError
from anthology.diagnostics import Diagnostic, Severity
from anthology.model import Registry
from anthology.render import replay, writer

if TYPE_CHECKING:  # rendering imports Jinja; a skipped render needs none of it
    from anthology.render.view import View

OUTPUTS = {"registry-md": "registry_md", "readme": "readme", "json": "json",
           "issue-form": "issue_form"}
PAGE = "registry.md.j2"
SECTION = "readme-{}.md.j2"


@dataclass
class RenderResult:
    changed: list[str] = field(default_factory=list)  # as shown: relative to the root
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def outputs(config: Config) -> dict[str, Path]:
    """The chosen outputs and their paths; a ConfigError for an unknown or shared one."""
    chosen: dict[str, Path] = {}
    for name in config.get("render", "outputs"):
        if name not in OUTPUTS:
            raise ConfigError(f"{config.source}: 'render.outputs' has unknown output {name!r} "
                              f"(choose from {', '.join(OUTPUTS)})")
        chosen[name] = config.path("render", OUTPUTS[name])
    paths = [p.resolve() for p in chosen.values()]
    if len(set(paths)) != len(paths):
        raise ConfigError(f"{config.source}: two render outputs share a path; set "
                          "'render.registry_md', 'render.readme', 'render.json' and "
                          "'render.issue_form' apart")
    return chosen


def render_all(registry: Registry, config: Config, write: bool) -> RenderResult:
    chosen = outputs(config)
    memo = Memo.for_root(config.root, "runs")
    if replay.unchanged(memo, replay.key(registry, config, chosen)):
        return RenderResult()
    from anthology.render import markdown
    from anthology.render.export import export_text
    from anthology.render.issueform import issue_form
    from anthology.render.view import build_view

    env = markdown.environment(config)
    view = build_view(registry)
    view.title, view.description = (str(config.get("", "title")),
                                    str(config.get("", "description")))
    files: dict[Path, str] = {}
    result = RenderResult()
    try:
        if "registry-md" in chosen:
            files[chosen["registry-md"]] = markdown.render(env, PAGE, config, view=view)
        if "readme" in chosen:
            text = _readme(env, config, view, chosen, result)
            if text is not None:
                files[chosen["readme"]] = text
    except markdown.TemplateProblem as problem:
        result.diagnostics.append(problem.diagnostic)
    if "json" in chosen:
        files[chosen["json"]] = export_text(view)
    if "issue-form" in chosen:
        files[chosen["issue-form"]] = issue_form(registry)
    if result.failed:
        return result
    for path, content in files.items():
        if writer.is_stale(path, content):
            shown = config.relative(path)
            failure = writer.write_atomically(path, content, shown) if write else None
            if failure is not None:
                result.diagnostics.append(failure)
            else:
                result.changed.append(shown)
    if not result.diagnostics and (write or not result.changed):  # the outputs are `files`
        replay.remember(memo, replay.key(registry, config, chosen), files)
    return result


def _readme(env: Any, config: Config, view: View, chosen: dict[str, Path],
            result: RenderResult) -> str | None:
    from anthology.render import markdown, sections

    path = chosen["readme"]
    shown = config.relative(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        result.diagnostics.append(sections.NO_README.at(shown, 0, 0, "create it, or drop "
                                                        "'readme' from render.outputs"))
        return None
    except (OSError, UnicodeDecodeError) as err:
        result.diagnostics.append(sections.NO_README.at(shown, 0, 0, f"cannot read it: {err}"))
        return None
    found, problems = sections.find_sections(
        shown, text, lambda name: markdown.has_template(env, SECTION.format(name)))
    result.diagnostics.extend(problems)
    if problems:
        return None
    page = chosen.get("registry-md")
    link = Path(os.path.relpath(page, path.parent)).as_posix() if page else ""
    context = {"view": view, "registry_md": link, "codes": code_table}
    contents = {s.name: markdown.render(env, SECTION.format(s.name), config, **context)
                for s in found}
    return sections.fill(text, found, contents)


def code_table() -> list[tuple[str, list[Any]]]:
    """(module, its codes) for every module that owns diagnostic codes."""
    from anthology.checks import all_codes

    return [(module.__name__, sorted(module.CODES, key=lambda code: code.code))
            for module in all_codes()]
