"""A name that is almost one the registry knows: "did you mean X?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def did_you_mean(written: str, known: Iterable[str] | Mapping[str, str],
                 cutoff: float = 0.75) -> str:
    """"; did you mean X?" for the closest known name, or "" when none is close.

    With a mapping, a close key suggests its value (an alias suggests its topic).
    """
    names = known if isinstance(known, Mapping) else {name: name for name in known}
    close = difflib.get_close_matches(written, list(names), n=1, cutoff=cutoff)
    return f"; did you mean {names[close[0]]}?" if close else ""
