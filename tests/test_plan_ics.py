"""`netprep plan --ics FILE`: the plan as calendar events, read back with icalendar's parser."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar

from netprep.progress.plan import build_plan
from netprep.progress.plan_ics import milestone_events, plan_events, to_ics
from netprep.progress.stats import gather_stats
from netprep.store import open_store
from tests.test_progress_stats import NOW, SUMMARY

TODAY = NOW.date()


def _plan(interview: date | None) -> dict:
    with open_store() as store:
        data = gather_stats(store, now=NOW, tz=timezone.utc, summary=SUMMARY)
    return build_plan(data, TODAY, interview, SUMMARY, set())


def _parse(raw: bytes) -> list:
    cal = Calendar.from_ical(raw)
    assert cal["VERSION"] == "2.0" and "netprep" in str(cal["PRODID"])
    return list(cal.walk("VEVENT"))


def test_every_day_to_the_interview_and_the_interview_are_events() -> None:
    interview = TODAY + timedelta(days=10)
    plan = _plan(interview)
    events = _parse(to_ics(plan_events(plan), NOW))
    days = [e.decoded("DTSTART") for e in events]
    assert days == [TODAY + timedelta(days=i) for i in range(11)]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == timedelta(days=1) for e in events)
    assert str(events[-1]["SUMMARY"]) == "Interview day"
    assert str(events[0]["SUMMARY"]) == "netprep: 10 days to the interview"
    assert str(events[-2]["SUMMARY"]) == "netprep: 1 day to the interview"
    # today's event starts with today's steps; the eve's with a light review
    first = str(events[0]["DESCRIPTION"])
    assert f"$ {plan['today'][0]['command']}" in first
    assert "$ netprep tips interview" in str(events[-2]["DESCRIPTION"])
    assert "$ netprep mock --timed --questions 2" in str(events[-1]["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert all(e.decoded("DTSTAMP").tzinfo is not None for e in events)


def test_without_a_date_the_milestones_of_the_recruiting_calendar() -> None:
    events = _parse(to_ics(plan_events(_plan(None)), NOW))
    when = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events}
    # NOW is 18 November 2026: the season ends next March, postings open next August
    assert when["The recruiting season ends (end of March)"] == date(2027, 3, 31)
    assert when["Intern postings open (rolling, mid-August to early September)"] == \
        date(2027, 8, 15)
    assert when["Most intern postings have closed"] == date(2027, 9, 10)
    assert all("$ netprep " in str(e["DESCRIPTION"]) for e in events)
    assert [e.decoded("DTSTART") for e in events] == sorted(when.values())


def test_milestones_this_year_when_still_ahead() -> None:
    days = [e["date"] for e in milestone_events(date(2026, 8, 1))]
    assert days == ["2026-08-15", "2026-09-10", "2027-03-31"]


def test_the_command_writes_a_private_file_and_says_so(cli, tmp_path, monkeypatch) -> None:
    import netprep.progress.content_facts as pc

    monkeypatch.setattr(pc, "content_summary", lambda: SUMMARY)
    interview = (datetime.now(timezone.utc).date() + timedelta(days=5)).isoformat()
    target = tmp_path / "plan.ics"
    result = cli("plan", "--interview", interview, "--ics", str(target))
    assert result.code == 0, result.err
    assert "Interview in 5 days" in result.out
    assert f"to {target}" in result.err and "Wrote" in result.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    events = _parse(target.read_bytes())
    assert 5 <= len(events) <= 7  # the local day may differ from UTC's by one
    assert str(events[-1]["SUMMARY"]) == "Interview day"


def test_a_path_that_cannot_be_written_is_one_sentence(cli, tmp_path) -> None:
    result = cli("plan", "--ics", str(tmp_path / "missing" / "plan.ics"))
    assert result.code == 1
    line = result.err.strip()
    assert line.startswith("netprep: Cannot write the calendar to ")
    assert "No such file or directory" in line and "Traceback" not in line
    assert line.count(". ") == 0 and line.endswith(".")
    assert not (tmp_path / "missing").exists()
