"""Partner vs self: how a friend's rubric scores compare with the candidate's own.

Read from the answers `mock --partner` scored; means per rubric dimension (1-4), the
dimension where they disagree most, and a series per day for the trends.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

AGREE_WITHIN = 0.5  # a mean gap under half a point is agreement


def partner_summary(rows: Sequence[tuple[str, str]], day_of: Callable[[str], date]
                    ) -> dict[str, Any]:
    from netprep.partner.rubric import PITCH, STORY, TECHNICAL

    names = {d.id: d.name for d in (*PITCH, *TECHNICAL, *STORY)}
    theirs: dict[str, list[int]] = {}
    mine: dict[str, list[int]] = {}
    pairs: dict[str, list[tuple[int, int]]] = {}
    daily: dict[date, tuple[list[float], list[float]]] = {}
    partners: set[str] = set()
    count = 0
    for at, raw in rows:
        try:
            partner = json.loads(raw)
            day = day_of(at)
        except ValueError:
            continue
        ratings = partner.get("ratings") if isinstance(partner, dict) else None
        if not isinstance(ratings, dict) or not ratings:
            continue
        count += 1
        if partner.get("name"):
            partners.add(str(partner["name"]))
        own = partner.get("self_ratings") or {}
        for dim, value in ratings.items():
            theirs.setdefault(dim, []).append(int(value))
            if dim in own:
                mine.setdefault(dim, []).append(int(own[dim]))
                pairs.setdefault(dim, []).append((int(own[dim]), int(value)))
        p, s = daily.setdefault(day, ([], []))
        p.append(sum(ratings.values()) / len(ratings))
        if own:
            s.append(sum(own.values()) / len(own))
    by_dim: dict[str, dict[str, Any]] = {}
    for dim, values in theirs.items():
        gaps = [a - b for a, b in pairs.get(dim, [])]
        by_dim[dim] = {"name": names.get(dim, dim),
                       "partner": round(sum(values) / len(values), 2),
                       "self": round(sum(mine[dim]) / len(mine[dim]), 2) if dim in mine else None,
                       "gap": round(sum(gaps) / len(gaps), 2) if gaps else None,
                       "answers": len(values)}
    gapped = [(abs(v["gap"]), dim) for dim, v in by_dim.items() if v["gap"] is not None]
    largest = max(gapped, default=None)
    message = None
    if largest is not None:
        dim = largest[1]
        gap = by_dim[dim]["gap"]
        if abs(gap) >= AGREE_WITHIN:
            noun = "partner does" if len(partners) <= 1 else "partners do"
            points = "1 point" if abs(gap) == 1 else f"{abs(gap):.1f} points"
            message = (f"You rate your {by_dim[dim]['name'].lower()} {points} "
                       f"{'higher' if gap > 0 else 'lower'} than your {noun}.")
        else:
            message = "Your ratings agree with your partners' within half a point."
    return {
        "answers": count,
        "partners": sorted(partners),
        "by_dimension": by_dim,
        "largest_gap": None if largest is None else {"dimension": largest[1],
                                                     "gap": by_dim[largest[1]]["gap"]},
        "message": message,
        "daily": {"partner_rating": _series(daily, 0), "partner_self_rating": _series(daily, 1)},
    }


def _series(daily: dict[date, tuple[list[float], list[float]]], which: int
            ) -> list[dict[str, Any]]:
    return [{"date": d.isoformat(), "value": round(sum(v[which]) / len(v[which]), 2)}
            for d, v in sorted(daily.items()) if v[which]]
