"""Progress: the dashboard numbers behind `netprep stats`.

Days are the user's local calendar days: every stored timestamp is UTC, so a
local day becomes a UTC range `[local midnight, next local midnight)` and is
counted in SQL (`netprep.store.stats`). `now` and the time zone are injected
(`tz=None` means the system's local zone, DST included), so tests pin both.

The plan (`netprep.progress.plan`) reads the same dictionary.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from netprep.coach.terms import READY_SCORE
from netprep.store.stats import AnswerAgg

WEEKS = 8
STORY_TARGET = (4, 5)

ROUNDS = ("behavioral", "culture", "role", "technical")
STEADY = {"rating": 0.1, "rate": 0.03}  # changes smaller than these are "steady"


# --- local days ---------------------------------------------------------------------


def stored(moment: datetime) -> str:
    """An aware datetime as stored: UTC ISO 8601 with milliseconds (as `now_iso()`)."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def local_day(value: str | datetime, tz: tzinfo | None) -> date:
    """The user's calendar day of a stored timestamp (or an aware datetime)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return local(moment, tz).date()


def day_start(day: date, tz: tzinfo | None) -> datetime:
    """Local midnight of `day`, as an aware UTC datetime."""
    naive = datetime(day.year, day.month, day.day)
    aware = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return aware.astimezone(timezone.utc)


def day_window(first: date, tz: tzinfo | None, last: date | None = None) -> tuple[str, str]:
    """The stored-timestamp range of the local days `first`..`last` (inclusive)."""
    end = (last or first) + timedelta(days=1)
    return stored(day_start(first, tz)), stored(day_start(end, tz))


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- small pure helpers -----------------------------------------------------------------


def ratio(num: float, den: float, digits: int = 3) -> float | None:
    return None if not den else round(num / den, digits)


def trend(points: Sequence[tuple[float, float]], kind: str, higher_is_better: bool
          ) -> dict[str, Any] | None:
    """Earlier half against recent half of the days with data: `(sum, count)` per day.

    None with fewer than two such days. `direction` is "better", "worse" or "steady".
    """
    days = [(num, den) for num, den in points if den]
    if len(days) < 2:
        return None
    half = len(days) // 2
    early, recent = days[:half], days[half:]
    before = sum(n for n, _ in early) / sum(d for _, d in early)
    after = sum(n for n, _ in recent) / sum(d for _, d in recent)
    change = after - before
    if abs(change) < STEADY[kind]:
        direction = "steady"
    else:
        direction = "better" if (change > 0) == higher_is_better else "worse"
    digits = 2 if kind == "rating" else 3
    return {"earlier": round(before, digits), "recent": round(after, digits),
            "change": round(change, digits), "direction": direction,
            "days": [len(early), len(recent)]}


def streak(active: Sequence[bool]) -> tuple[int, bool]:
    """Consecutive active days ending today (`active[-1]` is today).

    A day without practice yet does not break the streak until it is over, so
    when today is inactive the streak counts back from yesterday. Returns
    (streak, practised_today).
    """
    days = list(active)
    today = bool(days and days[-1])
    if days and not today:
        days.pop()
    count = 0
    for flag in reversed(days):
        if not flag:
            break
        count += 1
    return count, today


def weakest_round(rounds: dict[str, dict[str, Any]]) -> str | None:
    """Lowest average self-rating; ties (or no ratings) go to the higher overtime rate."""
    candidates = [(r, v) for r, v in rounds.items() if v["answers"]]
    if not candidates:
        return None

    def key(item: tuple[str, dict[str, Any]]) -> tuple[float, float]:
        rating = item[1]["avg_rating"]
        return (rating if rating is not None else 99.0, -(item[1]["overtime_rate"] or 0.0))

    return min(candidates, key=key)[0]


def _answer_view(agg: AnswerAgg) -> dict[str, Any]:
    return {
        "answers": agg.answers,
        "avg_elapsed_seconds": ratio(agg.elapsed, agg.answers, 1),
        "avg_target_seconds": ratio(agg.target, agg.answers, 1),
        "overtime_rate": ratio(agg.overtime, agg.answers),
        "avg_rating": ratio(agg.rating_sum, agg.rated, 2),
    }


def _days_since(value: str | None, today: date, tz: tzinfo | None) -> int | None:
    try:
        return None if not value else (today - local_day(value, tz)).days
    except ValueError:  # a timestamp not written by netprep: no claim rather than a crash
        return None


# --- the dashboard ------------------------------------------------------------------------


def collect_stats(now: datetime | None = None, tz: tzinfo | None = None,
                  summary: dict[str, Any] | None = None) -> dict[str, Any]:
    """Open the store and gather the dashboard (the commands' entry point)."""
    from netprep.progress.content_facts import content_summary
    from netprep.store import open_store

    now = now or datetime.now(timezone.utc)
    summary = content_summary() if summary is None else summary
    with open_store() as store:
        return gather_stats(store, now=now, tz=tz, summary=summary)


def gather_stats(store: Any, *, now: datetime, tz: tzinfo | None = None,
                 summary: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every dashboard number, as one JSON-ready dictionary (keys documented in README)."""
    from netprep.progress.trends import gather_trends
    from netprep.store import stats as q

    summary = summary or {}
    today = local(now, tz).date()
    first = week_start(today) - timedelta(weeks=WEEKS - 1)
    days = [first + timedelta(days=i) for i in range((today - first).days + 1)]
    windows = [day_window(d, tz) for d in days]

    daily_answers = q.answers_in(store, windows)
    daily_sessions = q.sessions_in(store, windows)
    daily_reviews = q.reviews_in(store, windows)
    daily_other = q.activity_in(store, windows, tables=("reflections", "code_attempts",
                                                       "takehome_attempts", "assessments",
                                                       "stories"))
    activity = [a.answers + s + r[0] + o for a, s, r, o in
                zip(daily_answers, daily_sessions, daily_reviews, daily_other, strict=True)]

    streak_days, today_done = _streak(store, activity, days, tz)
    trends = gather_trends(store, days, windows, lambda at: local_day(at, tz), daily_answers,
                           daily_reviews)
    partner = _partner(store, tz)
    for name, points in partner.pop("daily").items():
        trends[name] = [p for p in points if p["date"] >= days[0].isoformat()]
    return {
        "today": today.isoformat(),
        "timezone": _tz_name(now, tz),
        "streak_days": streak_days,
        "practised_today": today_done,
        "activity": [{"date": d.isoformat(), "records": n}
                     for d, n in zip(days, activity, strict=True)],
        "stories": _stories(store, summary),
        "mock": _mock(store, summary, days, daily_answers, daily_sessions, today, tz),
        "culture": _culture(store, summary, daily_reviews, now),
        "reflections": _reflections(store, summary),
        "coding": _coding(store, summary, today, tz),
        "takehome": q.takehome_totals(store),
        "assess": q.assess_totals(store),
        "resume": q.resume_totals(store),
        "partner": partner,
        "trends": trends,
    }


def _partner(store: Any, tz: tzinfo | None) -> dict[str, Any]:
    """Partner vs self rubric scores (`mock --partner`), all time; daily series for trends."""
    from netprep.progress.partner import partner_summary
    from netprep.store.trends import partnered_answers

    return partner_summary(partnered_answers(store), lambda at: local_day(at, tz))


def _tz_name(now: datetime, tz: tzinfo | None) -> str:
    moment = local(now, tz)
    return str(getattr(tz, "key", None) or moment.tzname() or moment.strftime("%z"))


def _streak(store: Any, activity: list[int], days: list[date], tz: tzinfo | None
            ) -> tuple[int, bool]:
    from netprep.store import stats as q

    count, today_done = streak([n > 0 for n in activity])
    window_days = len(days) - (0 if today_done else 1)
    if count < window_days:
        return count, today_done
    earliest = q.first_activity(store)  # the streak may go on before the window
    if earliest is None:
        return count, today_done
    start = local_day(earliest, tz)
    day = days[0] - timedelta(days=1)
    while day >= start and q.active_between(store, day_window(day, tz)):
        count += 1
        day -= timedelta(days=1)
    return count, today_done


def _stories(store: Any, summary: dict[str, Any]) -> dict[str, Any]:
    from netprep.star.cache import refresh_stale
    from netprep.store import stats as q

    rows = q.stories(store, refresh_stale(store))
    scores = [int(r["score"]) for r in rows if r.get("score") is not None]
    competencies = [c["id"] for c in summary.get("competencies", [])]
    tagged = {tag for r in rows for tag in r.get("tags", [])}
    covered = [c for c in competencies if c in tagged]
    names = {c["id"]: c["name"] for c in summary.get("competencies", [])}
    weak = sorted((r for r in rows if (r.get("score") or 0) < READY_SCORE),
                  key=lambda r: (r.get("score") or 0, r["id"]))
    return {
        "count": len(rows),
        "target": list(STORY_TARGET),
        "avg_score": round(sum(scores) / len(scores), 1) if scores else None,
        "ready": sum(1 for s in scores if s >= READY_SCORE),
        "coverage": {
            "covered": len(covered),
            "total": len(competencies) if summary else None,
            "missing": [{"id": c, "name": names[c]} for c in competencies if c not in tagged],
        },
        "weak": [{"id": r["id"], "title": r["title"], "score": r.get("score")} for r in weak],
        "items": [{k: r.get(k) for k in ("id", "title", "tags", "words", "score")}
                  for r in rows],
    }


def _mock(store: Any, summary: dict[str, Any], days: list[date], daily: list[AnswerAgg],
          daily_sessions: list[int], today: date, tz: tzinfo | None) -> dict[str, Any]:
    from netprep.store import stats as q

    by_round = q.answers_by_round(store)
    total = AnswerAgg()
    for agg in by_round.values():
        total.add(agg)
    sessions = q.session_totals(store)
    weeks: dict[date, dict[str, Any]] = {}
    week_aggs: dict[date, AnswerAgg] = {}
    for day, agg, count in zip(days, daily, daily_sessions, strict=True):
        start = week_start(day)
        week = weeks.setdefault(start, {"week_start": start.isoformat(), "sessions": 0})
        week["sessions"] += count
        week_aggs.setdefault(start, AnswerAgg()).add(agg)
    weekly = [{**weeks[w], **_answer_view(week_aggs[w])} for w in sorted(weeks)]
    rounds = {r: _answer_view(agg) for r, agg in sorted(by_round.items())}
    known = [r for r in ROUNDS if r in summary.get("rounds", {})] or list(ROUNDS)
    last = max(filter(None, (q.last_answer_at(store), sessions["last_at"])), default=None)
    return {
        "sessions": sessions["sessions"],
        "complete_sessions": sessions["complete"],
        **_answer_view(total),
        "last_at": last,
        "days_since_last": _days_since(last, today, tz),
        "weekly": weekly,
        "rating_trend": trend([(a.rating_sum, a.rated) for a in daily], "rating", True),
        "overtime_trend": trend([(a.overtime, a.answers) for a in daily], "rate", False),
        "rounds": rounds,
        "weakest_round": weakest_round(rounds),
        "unpractised_rounds": [r for r in known if r not in rounds],
        "voice": _voice(store, days, tz),
    }


def _voice(store: Any, days: list[date], tz: tzinfo | None) -> dict[str, Any]:
    """Spoken answers (mock --voice/--audio): pace and fillers per minute, week by week."""
    from netprep.store import stats as q

    count, wpm, fillers = q.spoken_totals(store)
    weeks: dict[date, list[tuple[float, float]]] = {}
    for at, pace, per_min in q.spoken_answers(store, day_window(days[0], tz)[0]):
        try:
            week = week_start(local_day(at, tz))
        except ValueError:
            continue
        weeks.setdefault(week, []).append((float(pace or 0), float(per_min or 0)))
    return {
        "answers": count,
        "avg_wpm": None if wpm is None else round(float(wpm)),
        "avg_fillers_per_min": None if fillers is None else round(float(fillers), 1),
        "weekly": [{"week_start": w.isoformat(), "answers": len(v),
                    "avg_wpm": round(sum(p for p, _ in v) / len(v)),
                    "avg_fillers_per_min": round(sum(f for _, f in v) / len(v), 1)}
                   for w, v in sorted(weeks.items())],
    }


def _culture(store: Any, summary: dict[str, Any], daily: list[tuple[int, int]],
             now: datetime) -> dict[str, Any]:
    from netprep.store import stats as q

    per_theme = q.reviews_by_theme(store)
    reviews = sum(n for n, _ in per_theme.values())
    correct = sum(c for _, c in per_theme.values())
    themes = {t["id"]: {"id": t["id"], "title": t["title"], "items": t["items"]}
              for t in summary.get("themes", [])}
    for theme_id in per_theme:
        themes.setdefault(theme_id, {"id": theme_id, "title": theme_id, "items": None})
    for theme_id, entry in themes.items():
        n, c = per_theme.get(theme_id, (0, 0))
        entry.update(reviews=n, accuracy=ratio(c, n))
    schedule = q.card_schedule(store, stored(now))
    items = sum(t["items"] for t in summary.get("themes", [])) if summary else None
    return {
        "reviews": reviews,
        "accuracy": ratio(correct, reviews),
        "accuracy_trend": trend([(c, n) for n, c in daily], "rate", True),
        "themes": list(themes.values()),
        "due_now": schedule["due_now"],
        "next_due": schedule["next_due"],
        "seen": schedule["seen"],
        "items": items,
        "new": None if items is None else max(0, items - schedule["seen"]),
    }


def _reflections(store: Any, summary: dict[str, Any]) -> dict[str, Any]:
    from netprep.store import stats as q

    totals = q.reflection_totals(store)
    done = q.reflected_themes(store) if totals["count"] else set()
    themes = summary.get("themes", [])
    return {
        **totals,
        "themes_total": len(themes) if summary else None,
        "missing": [{"id": t["id"], "title": t["title"]} for t in themes if t["id"] not in done],
    }


def _coding(store: Any, summary: dict[str, Any], today: date, tz: tzinfo | None
            ) -> dict[str, Any]:
    from netprep.store import stats as q

    totals = q.code_totals(store)
    return {
        **totals,
        "exercises_total": summary.get("exercises") if summary else None,
        "days_since_last": _days_since(totals["last_at"], today, tz),
        "think_aloud": _think_aloud(q.spoken_drills(store)),
    }


def _think_aloud(rows: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """Spoken drills (code start --voice/--audio): talk share and habits, earlier half of the
    drills against the recent half."""
    drills = [{"started_at": r[0], "talk_share": float(r[1] or 0),
               "approach_before_first_run": bool(r[2]), "complexity_said": bool(r[3]),
               "tests_said": bool(r[4]), "fillers_per_min": float(r[5] or 0),
               "silences": int(r[6] or 0)} for r in rows]
    out: dict[str, Any] = {"drills": len(drills), "trend": None, "recent": drills[-5:]}
    if not drills:
        return out

    def share(items: list[dict[str, Any]], key: str) -> float:
        return round(sum(float(d[key]) for d in items) / len(items), 2)

    keys = ("talk_share", "approach_before_first_run", "complexity_said", "tests_said",
            "fillers_per_min", "silences")
    out["average"] = {k: share(drills, k) for k in keys}
    if len(drills) >= 2:
        half = len(drills) // 2
        early, recent = drills[:half], drills[half:]
        out["trend"] = {k: {"earlier": share(early, k), "recent": share(recent, k)}
                        for k in keys}
    return out
