"""`netprep report`: everything the HTML progress page shows, as one dictionary.

The page's numbers are the dashboard's (`gather_stats`, so they match `stats --json`),
plus quiz retention per culture theme (FSRS retrievability of each seen item now)
and the plan to the interview. Each chart carries its points and a one-line reading
computed from them; `netprep.ui.render_report` turns the dictionary into HTML.
"""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo
from pathlib import Path
from typing import Any

from netprep.coach.terms import READY_SCORE
from netprep.errors import NetprepError
from netprep.progress.trends import COMPETENCY, meta, reading, unit_of

REPORT_NAME = "report.html"


def default_output() -> Path:
    from netprep.paths import data_dir

    return data_dir() / REPORT_NAME


def collect_report(now: datetime | None = None, tz: tzinfo | None = None,
                   summary: dict[str, Any] | None = None) -> dict[str, Any]:
    """Open the store and gather the report (the command's entry point)."""
    from netprep.progress.content_facts import content_summary
    from netprep.progress.plan import SETTING, _remembered, build_plan
    from netprep.progress.stats import gather_stats, local
    from netprep.store import open_store
    from netprep.store.stats import solved_exercises
    from netprep.store.trends import card_states

    now = now or datetime.now(timezone.utc)
    summary = content_summary() if summary is None else summary
    today = local(now, tz).date()
    notes: list[str] = []
    with open_store() as store:
        stats = gather_stats(store, now=now, tz=tz, summary=summary)
        interview = _remembered(store.get_setting(SETTING), notes)
        solved = solved_exercises(store)
        cards = card_states(store)
    plan = build_plan(stats, today, interview, summary, solved)
    return build_report(stats, plan, retention(cards, now), summary, now)


def retention(cards: list[tuple[str, str]], now: datetime) -> dict[str, dict[str, Any]]:
    """theme id -> {"items", "recall"}: mean FSRS retrievability (0-1) of its seen items."""
    import json

    from fsrs import Card

    from netprep.culture.quiz import make_scheduler

    scheduler = make_scheduler(fuzz=False)
    sums: dict[str, list[float]] = {}
    for theme, state in cards:
        try:
            card = Card.from_dict(json.loads(state))
            value = float(scheduler.get_card_retrievability(card, now))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # an unreadable stored card is left out rather than failing the page
        sums.setdefault(theme, []).append(value)
    return {t: {"items": len(v), "recall": round(sum(v) / len(v), 3)} for t, v in sums.items()}


# --- charts ---------------------------------------------------------------------------------


def _line(chart_id: str, title: str, trends: dict[str, list[dict[str, Any]]], names: list[str],
          labels: dict[str, str] | None = None, empty: str = "") -> dict[str, Any]:
    series: list[dict[str, Any]] = [
        {"key": n, "label": (labels or {}).get(n, meta(n)[0]), "unit": meta(n)[1],
         "points": trends.get(n, [])} for n in names]
    if len(series) == 1:
        text = reading(names[0], series[0]["points"], unit_of(names[0]))
    else:
        text = _compare(series)
    has_points = any(s["points"] for s in series)
    return {"id": chart_id, "title": title, "kind": "line", "series": series,
            "reading": text, "empty": None if has_points else empty}


def _compare(series: list[dict[str, Any]]) -> str:
    latest = [(s["points"][-1]["value"], s["label"]) for s in series if s["points"]]
    if not latest:
        return "No scored answers on any competency yet."
    high, low = max(latest), min(latest)
    if len(latest) == 1:
        return f"Only {high[1]} has scored answers so far: {high[0]:g}/100 on the latest day."
    return (f"Latest scores: highest {high[1]} ({high[0]:g}/100), lowest {low[1]} "
            f"({low[0]:g}/100), across {len(latest)} competencies.")


def _stories_chart(stories: dict[str, Any]) -> dict[str, Any]:
    bars = [{"label": s["title"], "value": s["score"], "ready": (s["score"] or 0) >= READY_SCORE,
             "note": f"#{s['id']}"} for s in stories["items"] if s.get("score") is not None]
    low, high = stories["target"]
    if not bars:
        text = f"No stories yet: a behavioral round draws on {low}-{high}."
    else:
        weakest = min(bars, key=lambda b: b["value"])
        text = (f"{stories['ready']} of {stories['count']} stories are ready "
                f"({READY_SCORE}+ of 100); the weakest, \"{weakest['label']}\", scores "
                f"{weakest['value']}.")
    return {"id": "stories", "title": "Stories and their scores", "kind": "bars", "bars": bars,
            "max": 100, "unit": "/100", "threshold": READY_SCORE, "reading": text,
            "empty": None if bars else "Write your first story with `netprep star add`."}


def _retention_chart(culture: dict[str, Any], recall: dict[str, dict[str, Any]]
                     ) -> dict[str, Any]:
    bars = []
    for theme in culture["themes"]:
        found = recall.get(theme["id"])
        if found:
            bars.append({"label": theme["title"], "value": found["recall"], "ready": True,
                         "note": f"{found['items']} of {theme['items'] or found['items']} items"})
    if not bars:
        text = "No culture quiz items learned yet."
    else:
        best = max(bars, key=lambda b: b["value"])
        worst = min(bars, key=lambda b: b["value"])
        text = (f"Expected recall today is highest for {best['label']} "
                f"({round(best['value'] * 100)}%) and lowest for {worst['label']} "
                f"({round(worst['value'] * 100)}%), across {len(bars)} themes.")
    return {"id": "retention", "title": "Quiz retention per culture theme (FSRS recall now)",
            "kind": "bars", "bars": bars, "max": 1, "unit": "%", "threshold": None,
            "reading": text,
            "empty": None if bars else "Start the spaced quiz with `netprep culture quiz`."}


def _partner_chart(summary: dict[str, Any], trends: dict[str, list[dict[str, Any]]]
                   ) -> dict[str, Any]:
    """Partner vs self rubric means (1-4) per day; without partner rounds, self-ratings."""
    if summary.get("answers"):
        chart = _line("partner", "Partner vs self rubric scores (1-4)", trends,
                      ["partner_rating", "partner_self_rating"],
                      labels={"partner_rating": "partner", "partner_self_rating": "self"})
        n = summary["answers"]
        scored = f"{n} answer{'' if n == 1 else 's'} scored by a partner."
        chart["reading"] = " ".join(filter(None, (scored, summary.get("message"))))
        chart["partner"] = summary["answers"]
        return chart
    chart = _line("partner", "Partner vs self ratings (1-5)", trends, ["self_rating"],
                  labels={"self_rating": "self"},
                  empty="No ratings yet: rate your answers in `netprep mock --timed`.")
    chart["partner"] = None
    chart["reading"] = ("No partner ratings yet (run `netprep mock --partner` with a friend): "
                        "only your own ratings are shown. " + chart["reading"])
    return chart


def build_report(stats: dict[str, Any], plan: dict[str, Any],
                 recall: dict[str, dict[str, Any]], summary: dict[str, Any],
                 now: datetime) -> dict[str, Any]:
    """The page: header facts, charts (each with a reading), the plan."""
    trends = stats["trends"]
    names = {c["id"]: c["name"] for c in summary.get("competencies", [])}
    competencies = sorted(n for n in trends if n.startswith(COMPETENCY))
    labels = {n: names.get(n[len(COMPETENCY):], n[len(COMPETENCY):]) for n in competencies}
    coding = stats["coding"]
    code_chart = _line("code", "Coding drills: time to solve (seconds)", trends,
                       ["code_solve_seconds"], empty="Run a timed drill with `netprep code list`.")
    total = coding["exercises_total"]
    code_chart["reading"] = (f"{coding['exercises_solved']} of {total} exercises solved "
                             if total else f"{coding['exercises_solved']} exercises solved ") + \
        f"({coding['solved']} solved attempts of {coding['attempts']}). " + code_chart["reading"]
    partner = _partner_chart(stats.get("partner") or {}, trends)
    charts = [
        _line("mock_score", "Mock answer scores (0-100)", trends, ["mock_score"],
              empty="Answer a typed mock question with `netprep mock --timed`."),
        _line("competencies", "Scores per competency (0-100)", trends, competencies, labels,
              empty="Scores per competency appear once mock answers are scored."),
        _stories_chart(stats["stories"]),
        _line("overtime", "Share of answers over time", trends, ["overtime_share"],
              empty="Timed answers appear here after `netprep mock --timed`."),
        _line("pace", "Spoken pace (words per minute)", trends, ["pace_wpm"],
              empty="Speak your answers with `netprep mock --voice`."),
        _line("fillers", "Fillers per minute", trends, ["fillers_per_min"],
              empty="Speak your answers with `netprep mock --voice`."),
        _retention_chart(stats["culture"], recall),
        code_chart,
        partner,
    ]
    return {
        "generated_at": now.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "today": stats["today"],
        "timezone": stats["timezone"],
        "facts": _facts(stats, plan),
        "charts": charts,
        "plan": plan,
    }


def _facts(stats: dict[str, Any], plan: dict[str, Any]) -> list[dict[str, str]]:
    m, s, c, code = stats["mock"], stats["stories"], stats["culture"], stats["coding"]
    left = plan["days_left"]
    if plan["interview_date"] and left is not None and left >= 0:
        when = date.fromisoformat(plan["interview_date"])
        interview = {"label": "Interview", "value": "today" if left == 0 else
                     f"in {left} day{'s' if left != 1 else ''}", "note": f"{when:%a %d %b %Y}"}
    else:
        interview = {"label": "Interview", "value": "no date",
                     "note": "netprep plan --interview YYYY-MM-DD"}
    return [
        interview,
        {"label": "Streak", "value": f"{stats['streak_days']} days",
         "note": "practised today" if stats["practised_today"] else "nothing today yet"},
        {"label": "Mock answers", "value": f"{m['answers']:,}",
         "note": f"{m['sessions']:,} sessions"},
        {"label": "Stories ready", "value": f"{s['ready']} of {s['count']}",
         "note": f"target {s['target'][0]}-{s['target'][1]}"},
        {"label": "Quiz reviews", "value": f"{c['reviews']:,}", "note": f"{c['due_now']} due now"},
        {"label": "Drills solved", "value": f"{code['exercises_solved']}",
         "note": f"{code['attempts']} attempts"},
    ]


def write_report(path: Path, html: str, what: str = "the report") -> Path:
    """Write the page atomically, 0600; a failure is one sentence (exit 1)."""
    from netprep.paths import atomic_write

    try:
        atomic_write(path, html)
    except OSError as exc:
        raise NetprepError(f"Cannot write {what} to {path} ({exc.strerror or exc}); "
                           "check that the folder exists and that you can write there.") from exc
    return path
