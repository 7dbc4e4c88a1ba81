"""Find briefs and describe them for `takehome list` / `show` (the hidden parts never)."""

from __future__ import annotations

import difflib
from typing import Any

from netprep.content.models import Brief, Library
from netprep.errors import NotFoundError


def get_brief(library: Library, brief_id: str) -> Brief:
    brief = library.brief(brief_id)
    if brief is None:
        ids = [b.id for b in library.briefs]
        close = difflib.get_close_matches(brief_id, ids, n=3, cutoff=0.5)
        hint = (f"Did you mean {', '.join(close)}?" if close
                else "Run `netprep takehome list` to see the briefs.")
        raise NotFoundError(f"No take-home brief '{brief_id}'.", hint)
    return brief


def list_rows(library: Library) -> list[dict[str, Any]]:
    return [
        {"id": b.id, "title": b.title, "track": b.track, "hours": b.hours,
         "languages": list(b.languages), "summary": b.summary}
        for b in sorted(library.briefs, key=lambda b: (b.hours, b.id))
    ]


def describe(brief: Brief) -> dict[str, Any]:
    """Everything a candidate may read: no acceptance checks, no reference."""
    return {
        "id": brief.id,
        "title": brief.title,
        "track": brief.track,
        "hours": brief.hours,
        "languages": list(brief.languages),
        "summary": brief.summary,
        "brief": brief.brief,
        "requirements": [dict(r) for r in brief.requirements],
        "constraints": list(brief.constraints),
        "reviewers_look_for": list(brief.reviewers_look_for),
        "rubric": [dict(r) for r in brief.rubric],
        "files": sorted(brief.scaffold),
    }
