"""`netprep plan --ics FILE`: the plan as calendar events (RFC 5545, via `icalendar`).

`plan_events` is pure: the plan dictionary (`netprep.progress.plan.build_plan`) in,
a list of all-day events out, one per day left before the interview plus the
interview itself, each with that day's commands. With no date set the events are
the recruiting calendar's next milestones. `to_ics` turns them into the file's
bytes; `write_ics` writes it atomically, private to the user.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from netprep.errors import NetprepError
from netprep.progress.plan import POSTINGS_CLOSE, POSTINGS_OPEN, SEASON_END

PRODID = "-//netprep//interview plan//EN"

MILESTONES = (
    (POSTINGS_OPEN, "postings-open", "Intern postings open (rolling, mid-August to early "
     "September)", ["netprep plan", "netprep star check", "netprep mock --timed"],
     "Roles are posted on a rolling basis and early applicants are seen first: apply "
     "as they appear."),
    (POSTINGS_CLOSE, "postings-close", "Most intern postings have closed",
     ["netprep mock --timed --follow-ups", "netprep code list", "netprep culture quiz"],
     "Interviews run through the autumn and winter: a timed mock a day keeps you ready."),
    (SEASON_END, "season-end", "The recruiting season ends (end of March)",
     ["netprep stats", "netprep star list"],
     "The last interviews and offers of the season: keep applying until then."),
)


def _commands_on(plan: dict[str, Any], day: date) -> tuple[str, list[str]]:
    """The focus and the commands of `day` (today: today's steps first)."""
    for phase in plan["outline"]:
        if "from" in phase and date.fromisoformat(phase["from"]) <= day <= \
                date.fromisoformat(phase["to"]):
            commands = list(phase["commands"])
            if day.isoformat() == plan["today_date"]:
                steps = [s["command"] for s in plan["today"]]
                commands = steps + [c for c in commands if c not in steps]
            return str(phase["focus"]), commands
    return "", []


def plan_events(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """All-day events: `{"uid", "date", "summary", "description", "commands"}`, by date."""
    today = date.fromisoformat(plan["today_date"])
    left = plan["days_left"]
    if plan["interview_date"] is None or left is None or left < 0:
        return milestone_events(today)
    interview = date.fromisoformat(plan["interview_date"])
    events = []
    for offset in range(left + 1):
        day = today + timedelta(days=offset)
        focus, commands = _commands_on(plan, day)
        to_go = (interview - day).days
        if to_go == 0:
            summary = "Interview day"
            about = "Your interview is today. Warm up, then go."
        else:
            summary = f"netprep: {to_go} day{'s' if to_go != 1 else ''} to the interview"
            about = focus
        events.append(_event(f"plan-{day.isoformat()}", day, summary, about, commands))
    return events


def milestone_events(today: date) -> list[dict[str, Any]]:
    """The recruiting calendar's milestones in the year from today (no interview date set)."""
    events = []
    for (month, day_of_month), key, summary, commands, about in MILESTONES:
        when = date(today.year, month, day_of_month)
        if when < today:
            when = date(today.year + 1, month, day_of_month)
        events.append(_event(f"{key}-{when.year}", when, summary, about, commands))
    return sorted(events, key=lambda e: e["date"])


def _event(key: str, day: date, summary: str, about: str, commands: list[str]
           ) -> dict[str, Any]:
    lines = ([about] if about else []) + [f"$ {c}" for c in commands]
    return {"uid": f"netprep-{key}@netprep.invalid", "date": day.isoformat(),
            "summary": summary, "description": "\n".join(lines), "commands": commands}


def to_ics(events: list[dict[str, Any]], now: datetime | None = None) -> bytes:
    """The events as one VCALENDAR (all-day VEVENTs, DTEND the next day)."""
    from icalendar import Calendar, Event

    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "netprep plan")
    for item in events:
        day = date.fromisoformat(item["date"])
        event = Event()
        event.add("uid", item["uid"])
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", item["summary"])
        event.add("description", item["description"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())


def write_ics(path: str, data: bytes) -> Path:
    """Write the file atomically, 0600; a failure is one sentence (exit 1)."""
    from netprep.paths import atomic_write

    target = Path(path).expanduser()
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise NetprepError(f"Cannot write the calendar to {path} "
                           f"({exc.strerror or exc}); check that the folder exists "
                           "and that you can write there.") from exc
    return target
