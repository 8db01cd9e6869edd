"""Legacy topic names -> topic ids of the taxonomy, and a topic map to fill in when some
names have no topic.

A name maps when it is a topic id or an alias in topics.yaml, or a key of the
`--topic-map` file. Names are compared as the taxonomy writes them, then loosely
(case, spaces and underscores ignored): "Training Optimization" is training-optimization.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from anthology.model import Topic

_LOOSE = re.compile(r"[\s_]+")


def loose(name: str) -> str:
    return _LOOSE.sub("-", name.strip().casefold())


class TopicNames:
    def __init__(self, topics: list[Topic], extra: dict[str, str]) -> None:
        self.topics = [t for t in topics if t.id]
        self.exact: dict[str, str] = {}
        for topic in self.topics:
            assert topic.id is not None
            for name in (topic.id, *topic.aliases):
                self.exact.setdefault(name, topic.id)
        self.exact.update(extra)
        self.loose = {loose(name): topic for name, topic in self.exact.items()}

    def resolve(self, name: str) -> str | None:
        return self.exact.get(name) or self.loose.get(loose(name))

    def first(self, names: list[str]) -> str | None:
        """The topic of the first name that maps."""
        for name in names:
            topic = self.resolve(name)
            if topic is not None:
                return topic
        return None

    def closest(self, name: str, count: int = 3) -> list[str]:
        """Topic ids whose id, title, aliases or scope read most like `name`."""
        words = set(re.findall(r"[a-z0-9]+", name.casefold()))
        scored = []
        for topic in self.topics:
            texts = [topic.id or "", topic.title or "", *topic.aliases]
            ratio = max(difflib.SequenceMatcher(None, loose(name), loose(t)).ratio()
                        for t in texts)
            vocabulary = set(re.findall(r"[a-z0-9]+", " ".join(
                [*texts, topic.scope or ""]).casefold()))
            shared = sum(1 for w in words if any(v.startswith(w[:5]) for v in vocabulary))
            scored.append((ratio + 0.5 * shared, topic.id or ""))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return [topic for _, topic in scored[:count]]


def read_topic_map(data: Any, taxonomy: TopicNames) -> tuple[dict[str, str], list[str]]:
    """A `legacy-name: topic-id` mapping (an alias of the taxonomy names its topic too);
    names left empty are skipped. Returns the map and the values that name no topic."""
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, ["the topic map must be a mapping of legacy names to topic ids"]
    mapping, problems = {}, []
    for name, value in data.items():
        if value is None or value == "":
            continue
        topic = taxonomy.exact.get(value) if isinstance(value, str) else None
        if topic is None:
            known = ", ".join(sorted(t.id for t in taxonomy.topics if t.id))
            problems.append(f"'{name}' maps to '{value}', which is not a topic id in the "
                            f"taxonomy (known: {known})")
            continue
        mapping[str(name)] = topic
    return mapping, problems


def topic_map_text(unmapped: dict[str, list[str]], blocking: set[str], names: TopicNames,
                   research: str) -> str:
    """A topic map to fill in: every unmapped name, the closest topics as comments."""
    lines = [
        f"# Topic map for `anthology import-legacy {research}`: give each legacy topic name",
        "# a topic id from the taxonomy (the comments list the closest ones), save this file",
        f"# and run: anthology import-legacy {research} --topic-map THIS_FILE",
        "# Names marked 'needed' belong to a paper none of whose topics maps: map at least",
        "# one of each such paper's names. The others may stay empty.",
    ]
    width = max((len(_key(n)) for n in unmapped), default=0)
    for name in sorted(unmapped, key=lambda n: (n not in blocking, n.casefold())):
        used = unmapped[name]
        who = used[0] + (f" and {len(used) - 1} more" if len(used) > 1 else "")
        need = "needed; " if name in blocking else ""
        closest = ", ".join(names.closest(name))
        lines.append(f"{_key(name) + ':':<{width + 1}}   # {need}closest: {closest}; "
                     f"used by {who}")
    return "\n".join(lines) + "\n"


_SPECIAL = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}


def _key(name: str) -> str:
    """`name` as a YAML key that reads back as the same string."""
    plain = (re.fullmatch(r"[A-Za-z][A-Za-z0-9 ._/-]*", name) and not name.endswith(" ")
             and name.casefold() not in _SPECIAL)
    return name if plain else '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
