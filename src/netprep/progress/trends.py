"""Trends: dated series of the coach's own measures, for `stats` and `report`.

`stats --json` carries them as `trends: {name: [{"date", "value"}]}`, oldest first,
over the same 8-week window as the rest of the dashboard. A point is one local day
with data (answers, reviews), one mock session with spoken answers (pace, fillers),
or one solved coding attempt. `reading` turns a series into one sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

# name -> (label, unit, digits, higher_is_better); `score:<competency id>` share one.
SERIES: dict[str, tuple[str, str, int, bool]] = {
    "mock_score": ("mock answer score", "/100", 0, True),
    "self_rating": ("mock self-rating", "/5", 1, True),
    "overtime_share": ("answers over time", "%", 0, False),
    "pace_wpm": ("spoken pace", " wpm", 0, True),
    "fillers_per_min": ("fillers per minute", "", 1, False),
    "quiz_accuracy": ("quiz accuracy", "%", 0, True),
    "code_solve_seconds": ("drill solve time", " s", 0, False),
    "partner_rating": ("partner's rubric score", "/4", 1, True),
    "partner_self_rating": ("your rubric score in partner rounds", "/4", 1, True),
}
COMPETENCY = "score:"
MIN_POINTS = 3  # a sparkline needs at least this many points


def meta(name: str) -> tuple[str, str, int, bool]:
    if name.startswith(COMPETENCY):
        return (f"score, {name[len(COMPETENCY):]}", "/100", 0, True)
    return SERIES[name]


def _point(day: date, value: float, digits: int) -> dict[str, Any]:
    return {"date": day.isoformat(), "value": round(value, digits)}


def gather_trends(store: Any, days: list[date], windows: list[tuple[str, str]],
                  day_of: Callable[[str], date], daily_answers: list[Any],
                  daily_reviews: list[tuple[int, int]]) -> dict[str, list[dict[str, Any]]]:
    """Every series, from the per-day sums `gather_stats` already has plus a few queries.

    `day_of` turns a stored timestamp into the user's local day."""
    from netprep.store import trends as q

    result: dict[str, list[dict[str, Any]]] = {}
    scores = q.scores_in(store, windows)
    result["mock_score"] = [_point(d, s / n, 1) for d, (n, s) in zip(days, scores, strict=True)
                            if n]
    result["self_rating"] = [_point(d, a.rating_sum / a.rated, 2)
                             for d, a in zip(days, daily_answers, strict=True) if a.rated]
    result["overtime_share"] = [_point(d, a.overtime / a.answers, 3)
                                for d, a in zip(days, daily_answers, strict=True) if a.answers]
    result["quiz_accuracy"] = [_point(d, c / n, 3)
                               for d, (n, c) in zip(days, daily_reviews, strict=True) if n]
    pace, fillers = [], []
    for at, wpm, per_min in q.spoken_sessions(store, windows[0][0]):
        day = day_of(at)
        if wpm is not None:
            pace.append(_point(day, wpm, 0))
        if per_min is not None:
            fillers.append(_point(day, per_min, 1))
    result["pace_wpm"], result["fillers_per_min"] = pace, fillers
    result["code_solve_seconds"] = [_point(day_of(at), seconds, 0) for at, seconds
                                    in q.solved_attempts(store, windows[0][0])]
    per_competency: dict[str, list[dict[str, Any]]] = {}
    for day, rows in zip(days, q.competency_scores_in(store, windows, any(n for n, _ in scores)),
                         strict=True):
        for competency, n, total in rows:
            per_competency.setdefault(competency, []).append(_point(day, total / n, 1))
    for competency in sorted(per_competency):
        result[COMPETENCY + competency] = per_competency[competency]
    return result


def _fmt(name: str, value: float) -> str:
    _label, unit, digits, _better = meta(name)
    if unit == "%":
        return f"{round(value * 100)}%"
    number = f"{value:.{digits}f}" if digits else f"{round(value)}"
    return number + unit


def reading(name: str, points: list[dict[str, Any]], over: str = "days") -> str:
    """One sentence on a series: "fillers per minute fell from 9.0 to 3.0 over 6 sessions"."""
    label, _unit, _digits, better = meta(name)
    if not points:
        return f"No {label} recorded yet."
    first, last = points[0]["value"], points[-1]["value"]
    count = len(points)
    if count == 1:
        return f"{label[0].upper()}{label[1:]}: {_fmt(name, last)} so far (one {over[:-1]})."
    if _fmt(name, first) == _fmt(name, last):
        verb = f"held at {_fmt(name, last)}"
    else:
        rose = last > first
        verb = (f"{'rose' if rose else 'fell'} from {_fmt(name, first)} to {_fmt(name, last)}"
                + (" (better)" if rose == better else " (worse)"))
    return f"{label[0].upper()}{label[1:]} {verb} over {count} {over}."


def unit_of(name: str) -> str:
    """What one point is: days, sessions or attempts (for the reading)."""
    if name in ("pace_wpm", "fillers_per_min"):
        return "sessions"
    if name == "code_solve_seconds":
        return "solved drills"
    return "practice days"
