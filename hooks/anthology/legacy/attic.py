"""The attic's `superseded_by` arXiv ids, as links to the successors' recommendations.

A successor that is not in the imported data is reported and written into the notes,
never invented; `see_also` goes into the notes, with the paper id when it was imported.
"""

from __future__ import annotations

from collections import defaultdict

from anthology.diagnostics import Code, Severity
from anthology.legacy.drafts import Draft, arxiv_base
from anthology.legacy.problems import Problem

NO_SUCCESSOR = Code("LEGACY007", Severity.WARNING, "an attic successor is not in the imported "
                    "data (or has no recommendation); no link is made",
                    "attic: {superseded_by: '1910.99999'} for a paper nobody imported")
CODES = [NO_SUCCESSOR]


def link_successors(drafts: list[Draft]) -> list[Problem]:
    """Set `superseded_by` on attic papers' recommendations; returns the problems found."""
    by_arxiv: dict[str, list[Draft]] = defaultdict(list)
    for d in drafts:
        if d.arxiv_base:
            by_arxiv[d.arxiv_base].append(d)
    problems: list[Problem] = []
    for d in drafts:
        attic = d.legacy.attic if d.legacy is not None else None
        if attic is None:
            continue
        targets: list[str] = []
        for ref in attic.superseded_by:
            successors = [s for s in by_arxiv.get(arxiv_base(ref) or ref, []) if s is not d]
            ids = [r.id for s in successors for r in s.recommendations if r.id]
            where = d.legacy.where if d.legacy is not None else None
            if not successors:
                problems.append(Problem(NO_SUCCESSOR, f"successor arXiv {ref} is not in the "
                                        "imported data; no link was made (the notes keep it)",
                                        d, "recommendations", source=where))
                d.notes.append(f"Superseded by arXiv {ref}, which is not in the imported data.")
            elif not ids:
                names = ", ".join(s.paper_id or "?" for s in successors)
                problems.append(Problem(NO_SUCCESSOR, f"successor arXiv {ref} ({names}) has no "
                                        "recommendation to link to; no link was made", d,
                                        "recommendations", source=where))
                d.notes.append(f"Superseded by arXiv {ref} ({names}), which has no "
                               "recommendation.")
            targets.extend(i for i in ids if i not in targets)
        for rec in d.recommendations:
            if rec.status == "deprecated" and rec.origin != "published":
                rec.superseded_by = list(targets)
        for ref in attic.see_also:
            known = ", ".join(s.paper_id or "?" for s in by_arxiv.get(arxiv_base(ref) or ref, []))
            d.notes.append(f"See also arXiv {ref}" + (f" ({known})." if known else "."))
    return problems
