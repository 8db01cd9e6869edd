"""An Atom feed of practice-level changes (added, promoted, deprecated, removed).

Built from `anthology.history`, newest first, each entry dated by its commit and linking
to the practice's permalink on the page. The XML is written by ElementTree, so no text
from the registry or a commit message can break out of its element.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import replace

from anthology.changes import Change
from anthology.history import Commit, History
from anthology.model import Recommendation, Registry

ATOM = "http://www.w3.org/2005/Atom"
FEED = "feed.xml"
PAGE = "index.html"
VERBS = {"added": "Added", "promoted": "Promoted to standard", "deprecated": "Deprecated",
         "removed": "Removed"}
_NAMESPACE = uuid.UUID("6f1c2f0e-5d0b-4f44-9a53-5b7c1d4f2a10")


def feed(history: History, registry: Registry, title: str, site_url: str = "",
         entries: int = 100) -> str:
    """The feed as text. `site_url` makes links absolute; empty, they are relative to it."""
    ET.register_namespace("", ATOM)
    base = site_url.rstrip("/") + "/" if site_url else ""
    root = ET.Element(f"{{{ATOM}}}feed")
    _text(root, "title", f"{title}: practice changes")
    _text(root, "id", _urn(base or title))
    newest = history.events[0][0].date if history.events else "1970-01-01T00:00:00Z"
    _text(root, "updated", newest)
    subtitle = "What was added, promoted, deprecated or removed, newest first."
    if history.shallow:
        subtitle += (" Built from a shallow clone: changes before its oldest commit are not "
                     "shown.")
    _text(root, "subtitle", subtitle)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=base + FEED)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=base + PAGE)
    _text(root, "generator", "anthology")
    names = {rec.id: rec for rec in registry.recommendations if rec.id}
    tombstones = {t.id: t for t in registry.removed if t.id}
    for commit, change in history.events[:entries]:
        tombstone = tombstones.get(change.id) if change.kind == "removed" else None
        if tombstone is not None:
            change = replace(change, reason=tombstone.reason, successors=(
                (tombstone.replaced_by, tombstone.replaced_by),) if tombstone.replaced_by else ())
        if change.successors:
            change = replace(change, successors=tuple(
                (i, names[i].label if i in names else n) for i, n in change.successors))
        _entry(root, commit, change, names, base)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _entry(root: ET.Element, commit: Commit, change: Change, names: Mapping[str, Recommendation],
           base: str) -> None:
    current = names.get(change.id)
    name = current.label if current is not None else change.name
    entry = ET.SubElement(root, f"{{{ATOM}}}entry")
    _text(entry, "title", f"{VERBS[change.kind]}: {name}")
    _text(entry, "id", _urn(f"{commit.sha}/{change.kind}/{change.id}"))
    _text(entry, "updated", commit.date)
    author = ET.SubElement(entry, f"{{{ATOM}}}author")
    _text(author, "name", commit.author or "unknown")
    ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                  href=f"{base}{PAGE}#{change.id}")
    ET.SubElement(entry, f"{{{ATOM}}}category", term=change.kind)
    _text(entry, "summary", _summary(change, commit, current))


def _summary(change: Change, commit: Commit, current: Recommendation | None) -> str:
    text = (current.text if current is not None else None) or change.old or ""
    parts = [f"{change.id}: {text}".strip()]
    if change.kind == "deprecated":
        successors = ", ".join(f"{n} ({i})" for i, n in change.successors)
        parts.append(f"Replaced by {successors}." if successors else "Retired.")
        if change.reason:
            parts.append(change.reason)
    elif change.kind == "removed" and change.reason:
        parts.append(change.reason)
        parts.extend(f"Replaced by {n} ({i})." for i, n in change.successors)
    parts.append(f"Commit {commit.sha[:12]}: {commit.subject}")
    return " ".join(parts)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = _xml_safe(text)
    return element


def _xml_safe(text: str) -> str:
    """XML 1.0 can't carry control characters, even escaped: drop them."""
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and c not in
                                                           "\ufffe\uffff"))


def _urn(key: str) -> str:
    return uuid.uuid5(_NAMESPACE, key).urn
