"""`netprep plan`: today's steps from the real gaps, an outline to the interview, the calendar.

Pure functions over the dashboard dictionary (`netprep.progress.stats`) and injected
dates; `run_plan` is the only part that touches the store (the remembered date).
Every step is a command the user can run as printed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from netprep.errors import UsageError
from netprep.text import plural as _plural

SETTING = "plan.interview_date"
MAX_DAYS_AHEAD = 366
MAX_STEPS = 5
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
OVERTIME_WORRY = 0.3  # more answers than this over target: say so

# The recruiting season (month, day): roles are posted on a rolling basis from about
# mid-August to early September; interviews run on until the end of March.
POSTINGS_OPEN = (8, 15)
POSTINGS_CLOSE = (9, 10)
SEASON_END = (3, 31)


def example_date(today: date) -> str:
    return (today + timedelta(days=21)).isoformat()


def parse_date(text: str, today: date) -> date:
    """A YYYY-MM-DD date, or a usage error that shows an example."""
    value = text.strip()
    hint = f"Give the date as YYYY-MM-DD, for example --interview {example_date(today)}."
    if not DATE_RE.fullmatch(value):
        raise UsageError(f"'{text}' is not a date for --interview.", hint)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"'{text}' is not a real calendar date for --interview.", hint) from None


def check_upcoming(day: date, today: date) -> None:
    """Refuse a date in the past or absurdly far ahead (a typo in the year)."""
    if day < today:
        ago = (today - day).days
        raise UsageError(
            f"{day.isoformat()} is in the past ({ago} day{'s' if ago != 1 else ''} ago); "
            "nothing was saved.",
            f"Give the date of your next interview, for example --interview "
            f"{example_date(today)}.",
        )
    if (day - today).days > MAX_DAYS_AHEAD:
        raise UsageError(
            f"{day.isoformat()} is more than a year away; nothing was saved.",
            "Check the year, for example --interview " + example_date(today) + ".",
        )


# --- the recruiting calendar --------------------------------------------------------------


def recruiting_calendar(today: date, tips: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """Where `today` falls in the season, the next milestone, and the calendar tips."""
    year = today.year
    opens, closes, ends = (date(year, *POSTINGS_OPEN), date(year, *POSTINGS_CLOSE),
                           date(year, *SEASON_END))
    if today <= ends:
        phase, title, event, when = ("late-season", "Late season", "the season ends", ends)
        text = ("The last interviews and offers of the season, which runs to the end of "
                "March: keep applying and keep practising.")
    elif today < opens:
        phase, title, event, when = ("off-season", "Between seasons", "postings open", opens)
        text = ("Intern roles are posted on a rolling basis from mid-August to early "
                "September: write your stories and build fundamentals now.")
    elif today <= closes:
        phase, title, event, when = ("postings", "Postings are open", "postings close", closes)
        text = ("Roles are being posted on a rolling basis (mid-August to early September) "
                "and early applicants are seen first: apply now and switch to timed mocks.")
    else:
        phase, title, event, when = ("interviews", "Interview season", "the season ends",
                                     date(year + 1, *SEASON_END))
        text = ("Postings have closed for most roles; interviews run through the autumn and "
                "winter, and the season runs to the end of March.")
    return {
        "phase": phase,
        "title": title,
        "text": text,
        "next": {"event": event, "date": when.isoformat(), "days": (when - today).days},
        "tips": list(tips or []),
    }


# --- today's steps ------------------------------------------------------------------------


def _step(step: str, command: str, why: str) -> dict[str, str]:
    return {"step": step, "command": command, "why": why}


def _ago(days: int) -> str:
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def _pct(value: float | None) -> str:
    return f"{round((value or 0) * 100)}%"


def today_steps(stats: dict[str, Any], days_left: int | None = None,
                exercises: list[dict[str, Any]] | None = None,
                solved: set[str] | None = None) -> list[dict[str, str]]:
    """What to do today, most important first, each a command to run (at most MAX_STEPS)."""
    if days_left == 0:
        return _interview_day(stats)
    steps = _story_steps(stats["stories"])
    steps += _mock_steps(stats["mock"], days_left)
    steps += _resume_steps(stats.get("resume"))
    steps += _culture_steps(stats["culture"], stats["reflections"])
    steps += _takehome_steps(stats.get("takehome"), days_left)
    steps += _assess_steps(stats.get("assess"), days_left)
    steps += _coding_steps(stats["coding"], exercises, solved)
    if days_left == 1:  # the day before: keep it light, no new stories
        steps = [s for s in steps if not s["command"].startswith("netprep star add")]
        steps.append(_step("Read the interview tips, then rest", "netprep tips interview",
                           "The day before is for a light review, not cramming."))
    if not steps:
        steps.append(_step("Keep your streak: a short mixed mock", "netprep mock --timed",
                           "No gaps today: one of each round keeps you sharp."))
    return steps[:MAX_STEPS]


def _interview_day(stats: dict[str, Any]) -> list[dict[str, str]]:
    steps = [_step("Read your stories once, out loud", "netprep star list",
                   "Today is the interview: refresh the stories, do not rewrite them.")]
    steps.append(_step("Warm up with two questions", "netprep mock --timed --questions 2",
                       "A short warm-up gets you talking in the two-minute rhythm."))
    steps.append(_step("Skim the interview tips", "netprep tips interview",
                       "Clarify, think out loud, and ask your own questions at the end."))
    return steps


def _story_steps(s: dict[str, Any]) -> list[dict[str, str]]:
    steps = []
    low, high = s["target"]
    missing = s["coverage"]["missing"]
    if s["count"] < low:
        topic = f", for {missing[0]['name']}" if missing else ""
        steps.append(_step(
            f"Write STAR story {s['count'] + 1} of {low}-{high}{topic}", "netprep star add",
            f"You have {s['count']} of the {low}-{high} stories a behavioral round draws on."
            + (f" {len(missing)} competencies have no story yet." if missing else "")))
    if s["weak"]:
        weak = s["weak"][0]
        steps.append(_step(
            f"Polish your weakest story, \"{weak['title']}\" ({weak['score']}/100)",
            f"netprep star check {weak['id']}",
            f"A story under 70/100 is not ready: the check lists each fix; make them with "
            f"`netprep star edit {weak['id']}`."))
    if s["count"] >= low and missing:
        total = s["coverage"]["total"]
        steps.append(_step(
            f"Cover {missing[0]['name']}: no story shows it yet", "netprep star add",
            f"{len(missing)} of {total} competencies have no story; write one, or tag a story "
            "that fits with `netprep star edit ID`."))
    gaps = s.get("no_fit") or {}
    if s["count"] >= low and gaps.get("count"):
        example = gaps["questions"][0]
        steps.append(_step(
            f"Write a story for a question none of yours fits: \"{example}\"",
            "netprep star add",
            f"{gaps['count']} of the {gaps['total']} behavioral and culture questions have "
            "no story that fits them well (`netprep star check` lists them; `netprep star "
            "suggest \"QUESTION\"` shows what one needs)."))
    return steps


def _mock_steps(m: dict[str, Any], days_left: int | None) -> list[dict[str, str]]:
    if not m["answers"]:
        round_ = (m["unpractised_rounds"] or ["behavioral"])[0]
        return [_step(f"Do your first timed mock interview ({round_} round)",
                      f"netprep mock --timed --round {round_}",
                      "Answering against the clock is the skill the interview tests; "
                      "start now to see where you stand.")]
    if m["days_since_last"] == 0:
        return []  # practised today already
    since = f"last mock {_ago(m['days_since_last'])}" if m["days_since_last"] else ""
    if m["unpractised_rounds"]:
        round_ = m["unpractised_rounds"][0]
        return [_step(f"Try the {round_} round", f"netprep mock --timed --round {round_}",
                      f"You have not practised the {round_} round yet"
                      + (f"; {since}." if since else "."))]
    round_ = m["weakest_round"]
    if days_left is not None and days_left <= 3:
        return [_step("A full mixed mock, one question per round", "netprep mock --timed",
                      f"With {days_left} day{'s' if days_left != 1 else ''} left, rehearse "
                      "the whole loop" + (f"; {since}." if since else "."))]
    r = m["rounds"][round_]
    reasons = []
    if r["avg_rating"] is not None:
        reasons.append(f"your lowest self-rating ({r['avg_rating']:.1f}/5)")
    if (r["overtime_rate"] or 0) > OVERTIME_WORRY:
        reasons.append(f"{_pct(r['overtime_rate'])} of answers over time")
    why = f"The {round_} round is your weakest: " + (", ".join(reasons) or "least practised")
    return [_step(f"Timed mock, {round_} round", f"netprep mock --timed --round {round_}",
                  why + (f"; {since}." if since else "."))]


def _culture_steps(c: dict[str, Any], r: dict[str, Any]) -> list[dict[str, str]]:
    steps = []
    if c["due_now"]:
        steps.append(_step(f"Review the culture quiz: {_plural(c['due_now'], 'item')} due",
                           "netprep culture quiz",
                           "Reviewing items when they fall due is what makes them stick."))
    elif c["new"]:
        steps.append(_step("Learn new culture quiz items", "netprep culture quiz",
                           f"{_plural(c['new'], 'item')} you have not seen yet; "
                           "nothing is due."))
    if r["missing"] and r["themes_total"]:
        theme = r["missing"][0]
        steps.append(_step(f"Reflect on \"{theme['title']}\"",
                           f"netprep culture reflect {theme['id']}",
                           "Interviewers ask what a value means to you; "
                           f"{len(r['missing'])} of {r['themes_total']} themes have no "
                           "reflection yet."))
    return steps


def _resume_steps(r: dict[str, Any] | None) -> list[dict[str, str]]:
    """Deep-dives not practised, entries without a story, the pitch (only once there are
    entries: `netprep resume import FILE` is how they start)."""
    if not r or not r["entries"]:
        return []
    steps = []
    if r["without_deep_dive"]:
        never = _plural(r["without_deep_dive"], "entry", "entries")
        steps.append(_step(
            f"Practise deep-dives on your resume ({never} never asked)",
            "netprep mock --timed --round resume",
            "Interviewers go deep on what is on your resume: say what was yours, with numbers."))
    if r["pitch"] == "none":
        steps.append(_step("Write your 'tell me about yourself'", "netprep resume pitch",
                           "Most rounds open with it: 60-90 s, present, past, why this role."))
    elif r["pitch"] == "saved":
        steps.append(_step("Say your pitch against the clock", "netprep mock --round pitch",
                           "Your outline is saved but not yet practised aloud."))
    if r["without_story"]:
        first = r["without_story_ids"][0]
        steps.append(_step(
            f"Link a STAR story to {_plural(r['without_story'], 'resume entry', 'resume entries')}",
            f"netprep resume edit {first}",
            "A story set in the same project answers the behavioral follow-ups."))
    return steps


def _takehome_steps(takehome: dict[str, Any] | None, days_left: int | None
                    ) -> list[dict[str, str]]:
    """A take-home practice while there is time for one (over 3 days left) and none is done."""
    if takehome is None or days_left is None or days_left <= 3 or takehome["submitted"]:
        return []
    if takehome["attempts"]:
        return [_step("Finish your take-home practice", "netprep takehome status",
                      "An attempt is in progress; submit it to get its review before the "
                      f"interview ({days_left} days left).")]
    return [_step("Practise a take-home (a 2-3 hour brief)", "netprep takehome list",
                  f"The loop opens with a take-home and none is done yet; with {days_left} "
                  "days left there is time for one.")]


def _assess_steps(assess: dict[str, Any] | None, days_left: int | None
                  ) -> list[dict[str, str]]:
    """An open assessment to submit; else one timed assessment while over 2 days are left."""
    if assess is None:
        return []
    if assess["open"]:
        return [_step("Submit your online assessment", "netprep assess submit",
                      "An assessment is open: its report says which problems lost points.")]
    if assess["submitted"] or days_left is None or days_left <= 2:
        return []
    return [_step("Sit a timed online assessment (2-4 problems)", "netprep assess start",
                  "Many loops open with one: practise its single clock and partial credit "
                  f"once before the real one ({days_left} days left).")]


def _coding_steps(code: dict[str, Any], exercises: list[dict[str, Any]] | None,
                  solved: set[str] | None) -> list[dict[str, str]]:
    if code["days_since_last"] is not None and code["days_since_last"] < 2:
        return []
    order = {"easy": 0, "medium": 1, "hard": 2}
    todo = sorted((e for e in exercises or [] if e["id"] not in (solved or set())),
                  key=lambda e: (order.get(e.get("difficulty", ""), 3), e["id"]))
    command = f"netprep code start {todo[0]['id']}" if todo else "netprep code list"
    last = ("no coding drill yet" if code["days_since_last"] is None
            else f"last coding drill {_ago(code['days_since_last'])}")
    return [_step("A timed coding drill", command,
                  f"Fundamentals fade without use: {last}.")]


# --- the outline --------------------------------------------------------------------------

PHASES = {
    "foundations": ("Foundations: stories and themes",
                    ["netprep star add", "netprep star check", "netprep culture quiz"]),
    "practice": ("Practice: a timed mock a day, weakest round first; coding drills",
                 ["netprep mock --timed --round {round}", "netprep code list",
                  "netprep takehome list", "netprep culture quiz"]),
    "polish": ("Polish: full mixed mocks, sharpen the weakest stories, reflections",
               ["netprep mock --timed --follow-ups", "netprep star check",
                "netprep culture reflect"]),
    "eve": ("The day before: a light review and rest",
            ["netprep star list", "netprep tips interview"]),
    "interview": ("Interview day: warm up, then go", ["netprep mock --timed --questions 2"]),
}


def outline(today: date, interview: date | None, round_: str = "behavioral"
            ) -> list[dict[str, Any]]:
    """Phases from today to the interview (or, without a date, a general four-week shape).

    `round_` (the weakest round) fills the practice phase's mock command.
    """
    def commands(phase: str) -> list[str]:
        return [c.format(round=round_) for c in PHASES[phase][1]]

    if interview is None or interview < today:
        weeks = [("Week 1", "foundations"), ("Week 2", "practice"), ("Week 3", "practice"),
                 ("Week 4 and on", "polish")]
        return [{"when": when, "phase": phase, "focus": PHASES[phase][0],
                 "commands": commands(phase)} for when, phase in weeks]
    days_left = (interview - today).days
    spans: list[tuple[str, int]] = []
    if days_left >= 2:
        work = days_left - 1  # days before the eve
        if work >= 3:
            first = max(1, round(work * 0.3))
            last = max(1, round(work * 0.2))
            spans = [("foundations", first), ("practice", work - first - last),
                     ("polish", last)]
        else:
            spans = [("practice", work)]
        spans.append(("eve", 1))
    elif days_left == 1:
        spans = [("eve", 1)]
    spans.append(("interview", 1))
    result, start = [], today
    for phase, length in spans:
        end = start + timedelta(days=length - 1)
        result.append({"from": start.isoformat(), "to": end.isoformat(), "days": length,
                       "phase": phase, "focus": PHASES[phase][0],
                       "commands": commands(phase)})
        start = end + timedelta(days=1)
    return result


def _focus_round(m: dict[str, Any]) -> str:
    return str((m["unpractised_rounds"] or [m["weakest_round"] or "behavioral"])[0])


# --- the whole plan -----------------------------------------------------------------------


def build_plan(stats: dict[str, Any], today: date, interview: date | None,
               summary: dict[str, Any] | None = None, solved: set[str] | None = None
               ) -> dict[str, Any]:
    summary = summary or {}
    days_left = None if interview is None else (interview - today).days
    upcoming = days_left if days_left is not None and days_left >= 0 else None
    return {
        "interview_date": None if interview is None else interview.isoformat(),
        "days_left": days_left,
        "interview_passed": days_left is not None and days_left < 0,
        "today_date": today.isoformat(),
        "today": today_steps(stats, upcoming, summary.get("exercise_list"), solved),
        "outline": outline(today, interview, _focus_round(stats["mock"])),
        "calendar": recruiting_calendar(today, summary.get("calendar")),
    }


def run_plan(interview: str | None = None, clear: bool = False, now: datetime | None = None,
             tz: tzinfo | None = None) -> tuple[dict[str, Any], list[str]]:
    """Remember (or forget) the date, then plan. Returns the plan and notes for stderr."""
    from netprep.progress.stats import gather_stats, local
    from netprep.store import open_store
    from netprep.store.stats import solved_exercises

    if interview is not None and clear:
        raise UsageError("Use either --interview or --clear, not both.")
    now = now or datetime.now(timezone.utc)
    today = local(now, tz).date()
    notes: list[str] = []
    day = None
    if interview is not None:
        day = parse_date(interview, today)
        check_upcoming(day, today)
    from netprep.content import collect
    from netprep.progress.content_facts import summarise
    from netprep.star.match_cache import gaps_for

    library, _problems = collect()
    summary = summarise(library)
    with open_store() as store:
        if clear:
            had = store.get_setting(SETTING)
            store.set_setting(SETTING, None)
            notes.append("Forgot the interview date." if had else "No interview date was set.")
        elif day is not None:
            store.set_setting(SETTING, day.isoformat())
            notes.append(f"Saved your interview date: {day:%A %d %B %Y}.")
        else:
            day = _remembered(store.get_setting(SETTING), notes)
        stats = gather_stats(store, now=now, tz=tz, summary=summary)
        solved = solved_exercises(store)
        gaps, asked = gaps_for(store, library)
    stats["stories"]["no_fit"] = {"count": len(gaps), "total": asked,
                                  "questions": [q.text for q in gaps[:3]]}
    plan = build_plan(stats, today, day, summary, solved)
    if plan["interview_passed"]:
        ago = -plan["days_left"]
        notes.append(f"Your interview date, {day}, has passed ({ago} day{'s' if ago != 1 else ''} "
                     "ago): here is a general plan. Set the next one with "
                     "`netprep plan --interview YYYY-MM-DD`, or forget it with "
                     "`netprep plan --clear`.")
    return plan, notes


def _remembered(value: str | None, notes: list[str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        notes.append(f"The saved interview date '{value}' is not a date and was ignored; "
                     "set it again with `netprep plan --interview YYYY-MM-DD`.")
        return None
