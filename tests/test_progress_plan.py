"""`netprep plan`: steps from real gaps, the remembered date, the outline and the calendar."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from netprep.progress.plan import (
    SETTING,
    build_plan,
    outline,
    parse_date,
    recruiting_calendar,
    today_steps,
)
from netprep.progress.stats import gather_stats
from netprep.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import gen_history as gen  # noqa: E402

from tests.test_progress_stats import NOW, SUMMARY, at  # noqa: E402

UTC = timezone.utc
TODAY = NOW.date()


@pytest.fixture
def db():
    with open_store() as store:
        yield store


@pytest.fixture(autouse=True)
def fixed_content(monkeypatch):
    import netprep.progress.content_facts as pc

    monkeypatch.setattr(pc, "content_summary", lambda: SUMMARY)


def steps(store, days_left=None, solved=None):
    data = gather_stats(store, now=NOW, tz=UTC, summary=SUMMARY)
    return today_steps(data, days_left, SUMMARY["exercise_list"], solved or set())


def commands(found) -> list[str]:
    return [s["command"] for s in found]


def full_bank(conn) -> None:
    """Four good stories covering every competency: no story gap."""
    for n, tags in enumerate((["conflict"], ["ownership"], ["failure"], ["conflict"])):
        gen.add_story(conn, at(-20), f"Story {n}", tags)


# --- steps from each kind of gap --------------------------------------------------------


def test_an_empty_history_starts_with_a_story_and_a_first_mock(db) -> None:
    found = steps(db)
    assert found[0]["command"] == "netprep star add"
    assert "story 1 of 4-5" in found[0]["step"] and "Handling conflict" in found[0]["step"]
    assert "netprep mock --timed --round behavioral" in commands(found)
    assert all(set(s) == {"step", "command", "why"} and s["why"] for s in found)
    assert len(found) <= 5


def test_a_weak_story_is_polished(db) -> None:
    full_bank(db.conn)
    weak = gen.add_story(db.conn, at(-1), "Thin", ["conflict"], action="I did it.",
                         result="Fine.", learned="")
    found = steps(db)
    assert found[0]["command"] == f"netprep star check {weak}"
    assert "Thin" in found[0]["step"] and f"netprep star edit {weak}" in found[0]["why"]
    assert "netprep star add" not in commands(found)


def test_a_competency_without_a_story(db) -> None:
    for n in range(4):
        gen.add_story(db.conn, at(-20), f"Story {n}", ["conflict", "ownership"])
    found = steps(db)
    cover = [s for s in found if s["step"].startswith("Cover")]
    assert cover and cover[0]["command"] == "netprep star add"
    assert "Learning from failure" in cover[0]["step"] and "1 of 3" in cover[0]["why"]


def test_due_quiz_items_come_before_new_ones(db) -> None:
    full_bank(db.conn)
    gen.add_card(db.conn, "builtin:c1", "candour", NOW - timedelta(hours=2))
    gen.add_card(db.conn, "builtin:c2", "candour", NOW - timedelta(hours=1))
    quiz = [s for s in steps(db) if s["command"] == "netprep culture quiz"]
    assert quiz and "2 items due" in quiz[0]["step"]
    db.conn.execute("DELETE FROM cards")
    quiz = [s for s in steps(db) if s["command"] == "netprep culture quiz"]
    assert "7 items you have not seen" in quiz[0]["why"]


def test_days_since_the_last_mock_point_to_the_weakest_round(db) -> None:
    full_bank(db.conn)
    gen.add_session(db.conn, at(-6), "behavioral", [(100, 120, 4)])
    gen.add_session(db.conn, at(-5), "culture", [(100, 120, 4)])
    gen.add_session(db.conn, at(-4), "technical", [(200, 120, 2), (190, 120, 3)])
    mock = [s for s in steps(db) if s["command"].startswith("netprep mock")]
    assert mock[0]["command"] == "netprep mock --timed --round technical"
    assert "2.5/5" in mock[0]["why"] and "100% of answers over time" in mock[0]["why"]
    assert "4 days ago" in mock[0]["why"]


def test_an_unpractised_round_is_suggested(db) -> None:
    full_bank(db.conn)
    gen.add_session(db.conn, at(-2), "behavioral", [(100, 120, 2)])
    mock = [s for s in steps(db) if s["command"].startswith("netprep mock")]
    assert mock[0]["command"] == "netprep mock --timed --round culture"


def test_no_mock_step_after_practising_today(db) -> None:
    full_bank(db.conn)
    gen.add_session(db.conn, at(0, 9), "behavioral", [(100, 120, 2)])
    gen.add_session(db.conn, at(0, 10), "culture", [(100, 120, 2)])
    gen.add_session(db.conn, at(0, 11), "technical", [(100, 120, 2)])
    assert not [c for c in commands(steps(db)) if c.startswith("netprep mock")]


def test_reflections_and_coding_gaps(db) -> None:
    full_bank(db.conn)
    gen.add_reflection(db.conn, at(-1), "candour")
    found = steps(db)
    assert "netprep culture reflect keeper-test" in commands(found)
    assert "netprep code start two-sum" in commands(found)
    assert "netprep code start lru" in commands(steps(db, solved={"two-sum"}))
    gen.add_attempt(db.conn, at(-1), "two-sum", solved=True)
    assert not [c for c in commands(steps(db)) if c.startswith("netprep code")]


def test_interview_day_and_the_day_before(db) -> None:
    day = steps(db, days_left=0)
    assert commands(day)[0] == "netprep star list" and "netprep tips interview" in commands(day)
    eve = steps(db, days_left=1)
    assert "netprep star add" not in commands(eve)
    assert "netprep tips interview" in commands(eve)


def test_no_gaps_still_gives_a_step(db) -> None:
    full_bank(db.conn)
    for round_ in ("behavioral", "culture", "technical"):
        gen.add_session(db.conn, at(0), round_, [(100, 120, 4)])
    gen.add_attempt(db.conn, at(0), "two-sum", solved=True)
    for theme in ("candour", "keeper-test"):
        gen.add_reflection(db.conn, at(0), theme)
    data = gather_stats(db, now=NOW, tz=UTC, summary={**SUMMARY, "themes": []})
    found = today_steps(data, None, SUMMARY["exercise_list"], {"two-sum"})
    assert commands(found) == ["netprep mock --timed"]


# --- outline and calendar -------------------------------------------------------------


def test_outline_covers_every_day_up_to_the_interview() -> None:
    interview = TODAY + timedelta(days=18)
    phases = outline(TODAY, interview, "technical")
    assert phases[0]["from"] == TODAY.isoformat()
    assert phases[-1] == {**phases[-1], "phase": "interview", "from": interview.isoformat()}
    assert sum(p["days"] for p in phases) == 19
    assert [p["phase"] for p in phases] == ["foundations", "practice", "polish", "eve",
                                            "interview"]
    for a, b in zip(phases, phases[1:], strict=False):
        assert date.fromisoformat(a["to"]) + timedelta(days=1) == date.fromisoformat(b["from"])
    assert "netprep mock --timed --round technical" in phases[1]["commands"]


@pytest.mark.parametrize("days, expected", [
    (0, ["interview"]), (1, ["eve", "interview"]), (2, ["practice", "eve", "interview"]),
    (5, ["foundations", "practice", "polish", "eve", "interview"]),
])
def test_short_outlines(days, expected) -> None:
    phases = outline(TODAY, TODAY + timedelta(days=days))
    assert [p["phase"] for p in phases] == expected
    assert sum(p["days"] for p in phases) == days + 1


def test_outline_without_a_date_is_a_general_shape() -> None:
    phases = outline(TODAY, None)
    assert [p["when"] for p in phases][0] == "Week 1" and len(phases) == 4


@pytest.mark.parametrize("today, phase, event, days", [
    (date(2026, 7, 1), "off-season", "2026-08-15", 45),
    (date(2026, 8, 20), "postings", "2026-09-10", 21),
    (date(2026, 10, 1), "interviews", "2027-03-31", 181),
    (date(2027, 1, 10), "late-season", "2027-03-31", 80),
    (date(2027, 3, 31), "late-season", "2027-03-31", 0),
    (date(2027, 4, 1), "off-season", "2027-08-15", 136),
])
def test_recruiting_calendar(today, phase, event, days) -> None:
    cal = recruiting_calendar(today, [{"title": "Tip", "text": "Text"}])
    assert cal["phase"] == phase
    assert cal["next"]["date"] == event and cal["next"]["days"] == days
    assert cal["tips"] == [{"title": "Tip", "text": "Text"}]


def test_build_plan_keys_and_a_passed_date(db) -> None:
    data = gather_stats(db, now=NOW, tz=UTC, summary=SUMMARY)
    plan = build_plan(data, TODAY, TODAY - timedelta(days=2), SUMMARY)
    assert {"interview_date", "days_left", "today", "outline", "calendar"} <= set(plan)
    assert plan["days_left"] == -2 and plan["interview_passed"] is True
    assert "when" in plan["outline"][0]  # the general shape, not a countdown


# --- the command ----------------------------------------------------------------------


def test_date_is_remembered_between_runs_and_cleared(cli) -> None:
    day = (date.today() + timedelta(days=10)).isoformat()
    saved = cli("plan", "--interview", day, "--json")
    assert saved.code == 0 and "Saved your interview date" in saved.err
    later = json.loads(cli("plan", "--json").out)
    assert later["interview_date"] == day and later["days_left"] == 10
    assert later["outline"][-1]["from"] == day
    assert all(set(s) == {"step", "command", "why"} for s in later["today"])
    assert later["calendar"]["phase"]
    cleared = cli("plan", "--clear", "--json")
    assert cleared.code == 0 and "Forgot the interview date" in cleared.err
    assert json.loads(cleared.out)["interview_date"] is None
    assert json.loads(cli("plan", "--json").out)["days_left"] is None


@pytest.mark.parametrize("bad", ["tomorrow", "2026-13-01", "2026-02-30", "2026-1-5",
                                 "20261205", ""])
def test_bad_dates_are_usage_errors_with_an_example(cli, bad) -> None:
    result = cli("plan", "--interview", bad)
    assert result.code == 2 and not result.out
    assert "--interview" in result.err and "YYYY-MM-DD" in result.err
    assert "for example --interview 20" in result.err and "Traceback" not in result.err
    with open_store() as store:
        assert store.get_setting(SETTING) is None


def test_a_past_date_is_refused_and_not_saved(cli) -> None:
    cli("plan", "--interview", (date.today() + timedelta(days=5)).isoformat())
    past = (date.today() - timedelta(days=3)).isoformat()
    result = cli("plan", "--interview", past)
    assert result.code == 2 and "in the past (3 days ago)" in result.err
    with open_store() as store:
        assert store.get_setting(SETTING) == (date.today() + timedelta(days=5)).isoformat()


def test_a_date_over_a_year_away_is_refused(cli) -> None:
    result = cli("plan", "--interview", (date.today() + timedelta(days=400)).isoformat())
    assert result.code == 2 and "more than a year away" in result.err


def test_interview_and_clear_together_is_a_usage_error(cli) -> None:
    result = cli("plan", "--clear", "--interview", "2030-01-01")
    assert result.code == 2 and "not both" in result.err


def test_a_remembered_date_that_has_passed_says_so(cli) -> None:
    with open_store() as store:
        store.set_setting(SETTING, (date.today() - timedelta(days=4)).isoformat())
    result = cli("plan", "--json")
    assert result.code == 0 and "has passed (4 days ago)" in result.err
    data = json.loads(result.out)
    assert data["interview_passed"] is True and data["days_left"] == -4
    assert "netprep plan --clear" in result.err


def test_a_corrupt_remembered_date_is_ignored_with_a_note(cli) -> None:
    with open_store() as store:
        store.set_setting(SETTING, "next friday")
    result = cli("plan", "--json")
    assert result.code == 0 and "not a date" in result.err
    assert json.loads(result.out)["interview_date"] is None


def test_plan_screen(cli) -> None:
    day = (date.today() + timedelta(days=12)).isoformat()
    with open_store() as store:
        gen.add_story(store.conn, datetime.now(UTC), "[red]x[/red] story", ["conflict"],
                      action="I did it.", result="Fine.", learned="")
    result = cli("plan", "--interview", day)
    assert result.code == 0, result.err
    for text in ("Interview in 12 days", "Today", "1. ", "$ netprep", "Outline",
                 "Recruiting calendar", "Interview day"):
        assert text in result.out
    assert "[red]x[/red] story" in result.out
    cli("plan", "--clear")
    general = cli("plan")
    assert "a general plan" in general.out and "Week 1" in general.out


def test_parse_date_accepts_only_iso_dates() -> None:
    assert parse_date(" 2026-12-01 ", TODAY) == date(2026, 12, 1)


@pytest.mark.parametrize("width", [60, 120])
def test_without_a_date_the_command_to_set_one_is_whole(cli, monkeypatch, width: int) -> None:
    """At 60 columns "netprep" ended one line and "plan --interview YYYY-MM-DD" began the
    next: the command is now on a line of its own, as every step's is."""
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("plan")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("No interview date set: a general plan")
    assert "  $ netprep plan --interview YYYY-MM-DD" in lines
    assert all(len(line) <= width for line in lines)
