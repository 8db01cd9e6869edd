"""A fingerprint of everything an offline check run depends on.

When nothing that a run reads has changed (file contents, config, schemas, the tool's
version, the base revision's registry trees, the day) its findings are the same, so
they can be replayed from the memo without building the model. Any change gives a
new fingerprint: a replay is never stale.
"""

from __future__ import annotations

import datetime
import hashlib
import subprocess
from collections.abc import Sequence

from anthology import __version__
from anthology.config import Config
from anthology.diagnostics import Diagnostic, Severity
from anthology.pipeline import RegistryFiles


def fingerprint(config: Config, files: RegistryFiles, only: Sequence[str], base: str,
                label: str = "") -> str:
    """`base` is the base revision's commit (or why there is none), `label` its name."""
    from anthology.checks.schema import schema_digest
    from anthology.pipeline import digest_of

    digest = hashlib.sha1()
    for part in (__version__, schema_digest(), repr(sorted(config.values.items())),
                 ",".join(only), datetime.date.today().isoformat(), label,
                 _base_trees(config, base) if "ids" in only else ""):
        digest.update(part.encode() + b"\0")
    for problem in files.problems:
        digest.update(f"{problem.path}:{problem.code}\n".encode())
    for path, raw in [*filter(None, [files.topics, files.removed]), *files.papers]:
        digest.update(path.encode() + b"\0" + digest_of(raw).encode() + b"\n")
    return "run:" + digest.hexdigest()


def _base_trees(config: Config, base: str) -> str:
    """The object ids of the registry folders at `base`, or why there are none."""
    specs = [f"{base}:{config.relative(p)}" for p in config.paper_paths]
    done = subprocess.run(["git", "rev-parse", f"{base}^{{commit}}", *specs], cwd=config.root,
                          capture_output=True, check=False)
    return done.stdout.decode() + done.stderr.decode(errors="replace")


def freeze(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int, str, str, str]]:
    return [(d.path, d.line, d.col, d.severity.value, d.code, d.message) for d in diagnostics]


def thaw(frozen: list[tuple[str, int, int, str, str, str]]) -> list[Diagnostic]:
    return [Diagnostic(path, line, col, Severity(sev), code, message)
            for path, line, col, sev, code, message in frozen]
