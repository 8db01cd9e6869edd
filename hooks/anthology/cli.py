"""The `anthology` command. Each subcommand lives in `anthology.commands.<name>`.

Command modules keep their heavy imports inside `run`, so `anthology --version`
and argument errors stay fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from anthology import __version__

if TYPE_CHECKING:
    import argparse

COMMANDS = {
    "check": "validate the registry (schema, ids, succession, arxiv)",
    "render": "regenerate the derived files (REGISTRY.md, README sections, JSON export)",
    "run": "run every check, then regenerate the derived files (the main job)",
    "fix": "assign missing ids, canonicalise arXiv ids and key order, keeping comments",
    "add": "write a new paper file from arXiv's metadata",
    "import-legacy": "migrate a registry from the older year-keyed format",
    "site": "write the static browsing page",
    "diff": "the practice-level change since the base revision, for review",
    "from-issue": "turn a filled-in 'new practice' issue form into registry data",
    "report": "what needs a curator's eye: aged, lingering, unsupported, thin, duplicated",
}


def parser() -> argparse.ArgumentParser:
    import argparse

    top = argparse.ArgumentParser(prog="anthology", description=__doc__.splitlines()[0] if
                                  __doc__ else None)
    top.add_argument("--version", action="version", version=f"anthology {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        module = _command(name)
        if module is None:
            continue
        command = sub.add_parser(name, help=summary, description=summary)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return top


def _command(name: str):  # type: ignore[no-untyped-def]
    import importlib

    module = f"anthology.commands.{name.replace('-', '_')}"
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name != module:
            raise
        return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--hook" in argv:
        from anthology.gate import nothing_to_do

        if nothing_to_do(argv):
            return 0
    args = parser().parse_args(argv)
    if not hasattr(args, "run"):
        parser().print_help(sys.stderr)
        return 2
    from anthology.config import ConfigError

    try:
        return int(args.run(args))
    except ConfigError as err:
        print(f"anthology: configuration error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
