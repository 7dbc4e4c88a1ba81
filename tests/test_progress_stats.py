"""`netprep stats`: the numbers behind the dashboard, at a fixed date and time zone."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netprep.progress.stats import gather_stats, streak, trend
from netprep.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import gen_history as gen  # noqa: E402

UTC = timezone.utc
NOW = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)  # a Wednesday
SUMMARY = {
    "competencies": [{"id": "conflict", "name": "Handling conflict"},
                     {"id": "ownership", "name": "Ownership"},
                     {"id": "failure", "name": "Learning from failure"}],
    "themes": [{"id": "candour", "title": "Candour", "items": 4},
               {"id": "keeper-test", "title": "The keeper test", "items": 3}],
    "rounds": {"behavioral": 10, "culture": 5, "technical": 8},
    "exercises": 2,
    "exercise_list": [{"id": "two-sum", "title": "Two sum", "difficulty": "easy"},
                      {"id": "lru", "title": "LRU cache", "difficulty": "hard"}],
    "calendar": [],
}


@pytest.fixture
def fixed_content(monkeypatch):
    """The CLI reads SUMMARY instead of loading (and caching) the built-in packs."""
    import netprep.progress.content_facts as pc

    monkeypatch.setattr(pc, "content_summary", lambda: SUMMARY)


@pytest.fixture
def db():
    with open_store() as store:
        yield store


def stats(store, now=NOW, tz=UTC, summary=SUMMARY):
    return gather_stats(store, now=now, tz=tz, summary=summary)


def at(day_offset: int, hour: int = 12, minute: int = 0, tz=UTC) -> datetime:
    """A moment `day_offset` days from NOW's local date, at hour:minute in `tz`."""
    base = NOW.astimezone(tz).date() + timedelta(days=day_offset)
    return datetime(base.year, base.month, base.day, hour, minute, tzinfo=tz)


# --- streaks --------------------------------------------------------------------------


def test_streak_rules() -> None:
    assert streak([]) == (0, False)
    assert streak([True, True, True]) == (3, True)
    assert streak([True, False, True, True]) == (2, True)
    # Today not practised yet: the streak still counts up to yesterday.
    assert streak([True, True, False]) == (2, False)
    assert streak([True, False, False]) == (0, False)


def test_streak_across_gaps(db) -> None:
    for offset in (-6, -5, -3, -2, -1, 0):
        gen.add_session(db.conn, at(offset), "behavioral")
    data = stats(db)
    assert data["streak_days"] == 4 and data["practised_today"] is True
    days = {d["date"]: d["records"] for d in data["activity"]}
    assert days[at(-4).date().isoformat()] == 0 and days[at(-5).date().isoformat()] > 0


def test_streak_kept_until_the_day_is_over(db) -> None:
    gen.add_review(db.conn, at(-2), "candour", True)
    gen.add_reflection(db.conn, at(-1), "candour")
    data = stats(db)
    assert data["streak_days"] == 2 and data["practised_today"] is False


def test_a_gap_yesterday_breaks_the_streak(db) -> None:
    gen.add_attempt(db.conn, at(-3), "two-sum", solved=True)
    gen.add_story(db.conn, at(-2), "Cache", ["conflict"])
    assert stats(db)["streak_days"] == 0


def test_streak_longer_than_the_eight_week_window(db) -> None:
    with db.write() as conn:
        for offset in range(-69, 1):
            gen.add_review(conn, at(offset), "candour", offset % 2 == 0)
        gen.add_review(conn, at(-75), "candour", True)  # after a gap: not counted
    assert stats(db)["streak_days"] == 70


def test_streak_uses_local_days_not_utc(db) -> None:
    new_york = ZoneInfo("America/New_York")
    # 23:30 in New York yesterday is 04:30 UTC today.
    gen.add_session(db.conn, at(-1, 23, 30, tz=new_york), "behavioral")
    local = stats(db, tz=new_york)
    assert (local["streak_days"], local["practised_today"]) == (1, False)
    assert local["mock"]["days_since_last"] == 1
    utc = stats(db, tz=UTC)
    assert (utc["streak_days"], utc["practised_today"]) == (1, True)
    assert utc["mock"]["days_since_last"] == 0


def test_half_hour_zone_and_a_dst_change(db) -> None:
    kolkata = ZoneInfo("Asia/Kolkata")  # UTC+5:30: local midnight is 18:30 UTC
    gen.add_review(db.conn, datetime(2026, 11, 17, 18, 40, tzinfo=UTC), "candour", True)
    data = stats(db, tz=kolkata)
    days = {d["date"]: d["records"] for d in data["activity"]}
    assert days["2026-11-18"] == 1 and days["2026-11-17"] == 0
    assert data["practised_today"] is True

    paris = ZoneInfo("Europe/Paris")  # clocks go back on Sunday 25 October 2026
    gen.add_session(db.conn, datetime(2026, 10, 25, 23, 30, tzinfo=paris), "technical")
    weekly = {w["week_start"]: w["sessions"] for w in stats(db, tz=paris)["mock"]["weekly"]}
    assert weekly["2026-10-19"] == 1 and weekly["2026-10-26"] == 0


# --- weekly buckets and mock numbers ----------------------------------------------------


def test_weekly_buckets_are_local_monday_weeks(db) -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    # Sunday 15 November, 23:30 in Tokyo: the week of Monday 9 November.
    gen.add_session(db.conn, datetime(2026, 11, 15, 23, 30, tzinfo=tokyo), "behavioral")
    gen.add_session(db.conn, datetime(2026, 11, 16, 0, 30, tzinfo=tokyo), "behavioral")
    gen.add_session(db.conn, datetime(2026, 11, 18, 9, 0, tzinfo=tokyo), "culture")
    gen.add_session(db.conn, datetime(2026, 9, 1, 9, 0, tzinfo=tokyo), "culture")  # too old
    weekly = stats(db, tz=tokyo)["mock"]["weekly"]
    assert len(weekly) == 8
    assert weekly[0]["week_start"] == "2026-09-28" and weekly[-1]["week_start"] == "2026-11-16"
    counts = {w["week_start"]: w["sessions"] for w in weekly}
    assert counts["2026-11-09"] == 1 and counts["2026-11-16"] == 2
    assert sum(counts.values()) == 3


def test_mock_totals_weakest_round_and_trend(db) -> None:
    # Earlier days: behavioral rated low and over time; recent days better.
    gen.add_session(db.conn, at(-10), "behavioral", [(150, 120, 2), (130, 120, 2)])
    gen.add_session(db.conn, at(-9), "technical", [(100, 120, 4)])
    gen.add_session(db.conn, at(-2), "behavioral", [(110, 120, 4), (100, 120, None)])
    gen.add_session(db.conn, at(-1), "technical", [(90, 120, 5)], complete=False)
    mock = stats(db)["mock"]
    assert mock["sessions"] == 4 and mock["complete_sessions"] == 3
    assert mock["answers"] == 6
    assert mock["avg_elapsed_seconds"] == pytest.approx((150 + 130 + 100 + 110 + 100 + 90) / 6,
                                                         abs=0.1)
    assert mock["overtime_rate"] == pytest.approx(2 / 6, abs=0.001)
    assert mock["rounds"]["behavioral"]["avg_rating"] == pytest.approx(8 / 3, abs=0.01)
    assert mock["weakest_round"] == "behavioral"
    assert mock["unpractised_rounds"] == ["culture"]  # "role" has no questions in SUMMARY
    assert mock["rating_trend"]["direction"] == "better"
    assert mock["rating_trend"]["earlier"] < mock["rating_trend"]["recent"]
    assert mock["overtime_trend"]["direction"] == "better"
    assert mock["days_since_last"] == 1


def test_trend_needs_two_days_and_reports_steady() -> None:
    assert trend([(3, 1), (0, 0)], "rating", True) is None
    assert trend([(3, 1), (3.05, 1)], "rating", True)["direction"] == "steady"
    assert trend([(1, 2), (0, 2)], "rate", False)["direction"] == "better"


def test_totals_stay_exact_after_updates_and_deletes(db) -> None:
    session = gen.add_session(db.conn, at(-1), "behavioral", [(100, 120, None), (200, 120, 3)])
    db.conn.execute("UPDATE answers SET rating = 1 WHERE rating IS NULL")
    assert stats(db)["mock"]["avg_rating"] == 2.0
    gen.add_session(db.conn, at(0), "technical", [(50, 60, 5)])
    db.conn.execute("DELETE FROM sessions WHERE id = ?", (session,))  # cascades to answers
    mock = stats(db)["mock"]
    assert mock["answers"] == 1 and list(mock["rounds"]) == ["technical"]
    assert mock["avg_rating"] == 5.0


# --- culture, stories, reflections, coding ----------------------------------------------


def test_culture_accuracy_due_and_new(db) -> None:
    for correct in (True, True, True, False):
        gen.add_review(db.conn, at(-1), "candour", correct)
    gen.add_review(db.conn, at(-1), "retired-theme", False)
    gen.add_card(db.conn, "builtin:c1", "candour", NOW - timedelta(hours=1))
    gen.add_card(db.conn, "builtin:c2", "candour", NOW + timedelta(days=2))
    culture = stats(db)["culture"]
    assert culture["reviews"] == 5 and culture["accuracy"] == 0.6
    assert culture["due_now"] == 1 and culture["seen"] == 2
    assert culture["next_due"].startswith("2026-11-20T15:00")
    assert culture["items"] == 7 and culture["new"] == 5
    themes = {t["id"]: t for t in culture["themes"]}
    assert themes["candour"]["accuracy"] == 0.75 and themes["candour"]["reviews"] == 4
    assert themes["keeper-test"]["reviews"] == 0 and themes["keeper-test"]["accuracy"] is None
    assert themes["retired-theme"]["title"] == "retired-theme"


def test_stories_coverage_and_weak_ones(db) -> None:
    gen.add_story(db.conn, at(-3), "Cache fix", ["conflict", "ownership"])
    weak = gen.add_story(db.conn, at(-2), "Thin one", ["unknown-tag"], action="I did it.",
                         result="It worked.", learned="", analyse=False)
    s = stats(db)["stories"]
    assert s["count"] == 2 and s["target"] == [4, 5]
    assert s["coverage"] == {"covered": 2, "total": 3,
                             "missing": [{"id": "failure", "name": "Learning from failure"}]}
    assert [w["id"] for w in s["weak"]] == [weak]  # scored here: no cached analysis
    assert s["weak"][0]["score"] < 70 and s["ready"] == 1


def test_reflections_and_coding(db) -> None:
    gen.add_reflection(db.conn, at(-1), "candour")
    gen.add_reflection(db.conn, at(-1), "candour", resonates=None)
    gen.add_attempt(db.conn, at(-4), "two-sum", solved=False, passed=3)
    gen.add_attempt(db.conn, at(-3), "two-sum", solved=True)
    data = stats(db)
    assert data["reflections"]["count"] == 2 and data["reflections"]["themes"] == 1
    assert data["reflections"]["missing"] == [{"id": "keeper-test", "title": "The keeper test"}]
    coding = data["coding"]
    assert (coding["attempts"], coding["solved"], coding["exercises_solved"]) == (2, 1, 1)
    assert coding["exercises_total"] == 2 and coding["days_since_last"] == 3


def test_generator_bulk_history_matches_its_counts(tmp_path) -> None:
    counts = gen.generate(tmp_path / "bulk", answers=1_000, reviews=500, days=30, end=NOW)
    with open_store(tmp_path / "bulk" / "netprep.db") as store:
        data = stats(store)
    assert data["mock"]["answers"] == 1_000 and data["mock"]["sessions"] == counts["sessions"]
    assert data["culture"]["reviews"] == 500
    assert data["streak_days"] >= 1


# --- the command ----------------------------------------------------------------------

CONTRACT = ("stories.count", "stories.coverage", "mock.sessions", "mock.answers",
            "mock.avg_elapsed_seconds", "culture.reviews", "culture.accuracy",
            "culture.due_now", "streak_days")


def test_stats_json_on_an_empty_home_has_every_documented_key(cli) -> None:
    result = cli("stats", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    for key in CONTRACT:
        node = data
        for part in key.split("."):
            node = node[part]
    assert data["streak_days"] == 0 and data["mock"]["avg_elapsed_seconds"] is None
    assert data["culture"]["accuracy"] is None and data["stories"]["coverage"]["covered"] == 0


def test_stats_json_through_typer_matches_the_fast_path(cli, fixed_content) -> None:
    with open_store() as store:
        gen.add_session(store.conn, datetime.now(UTC) - timedelta(hours=1), "behavioral")
    fast = cli("stats", "--json")
    slow = cli("--debug", "stats", "--json")  # not the exact vector: goes through Typer
    assert fast.code == slow.code == 0
    assert json.loads(fast.out) == json.loads(slow.out)
    assert json.loads(fast.out)["mock"]["sessions"] == 1


def test_stats_screen_shows_sections_and_user_text_literally(cli, fixed_content) -> None:
    now = datetime.now(UTC)
    with open_store() as store:
        gen.add_story(store.conn, now, "[bold red]Mine[/] \x1b[31mnot red", ["conflict"],
                      action="I did it.", result="ok", learned="")
        gen.add_session(store.conn, now - timedelta(days=3), "behavioral", [(150, 120, 2)])
        gen.add_session(store.conn, now, "behavioral", [(100, 120, 4)])
        gen.add_review(store.conn, now, "candour", True)
    result = cli("stats")
    assert result.code == 0, result.err
    for text in ("Stories", "Mock interviews", "Culture quiz", "Reflections", "Coding drills",
                 "What changed", "sessions per week", "▲ mock self-rating"):
        assert text in result.out
    assert "[bold red]Mine[/] not red" in result.out and "\x1b" not in result.out


def test_stats_on_an_empty_home_points_to_first_steps(cli, fixed_content) -> None:
    result = cli("stats")
    assert result.code == 0
    assert "netprep star add" in result.out and "netprep mock --timed" in result.out


def test_stats_json_imports_no_rich_yaml_fsrs_or_typer(tmp_path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from netprep.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()): assert run(['stats', '--json']) == 0\n"
        "print(sorted(m for m in ('rich', 'yaml', 'fsrs', 'typer', 'click') "
        "if m in sys.modules))"
    )
    env_home = tmp_path / "lean"
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**_env(), "NETPREP_HOME": str(env_home)})
    assert first.returncode == 0, first.stderr  # builds the content summary cache
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**_env(), "NETPREP_HOME": str(env_home)})
    assert second.stdout.strip() == "[]", second.stdout + second.stderr


def test_content_summary_follows_pack_changes(tmp_path, monkeypatch) -> None:
    from netprep.progress.content_facts import content_summary

    first = content_summary()
    pack = tmp_path / "mypack"
    pack.mkdir()
    (pack / "pack.yaml").write_text('id: mypack\nname: Mine\ndescription: Mine.\nversion: "1"\n')
    (pack / "competencies.yaml").write_text(
        "competencies:\n  - id: grit-x\n    name: Grit\n    description: Keeps going.\n")
    monkeypatch.setenv("NETPREP_CONTENT", str(pack))
    second = content_summary()
    ids = [c["id"] for c in second["competencies"]]
    assert "grit-x" in ids and "grit-x" not in [c["id"] for c in first["competencies"]]
    assert content_summary() == second


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "NETPREP_CONTENT"}


def test_local_day_helpers() -> None:
    from netprep.progress.stats import day_window, local_day

    assert local_day("2026-11-10T04:30:00.000+00:00", ZoneInfo("America/New_York")) == \
        date(2026, 11, 9)
    lo, hi = day_window(date(2026, 3, 29), ZoneInfo("Europe/Paris"))  # a 23-hour day
    assert (lo, hi) == ("2026-03-28T23:00:00.000+00:00", "2026-03-29T22:00:00.000+00:00")


def test_writing_or_editing_a_story_counts_as_practice(db) -> None:
    story = gen.add_story(db.conn, at(-30), "Old", ["conflict"])
    assert stats(db)["practised_today"] is False
    db.conn.execute("UPDATE stories SET updated_at = ? WHERE id = ?",
                    (gen.iso(at(0, 8)), story))
    data = stats(db)
    assert data["practised_today"] is True and data["streak_days"] == 1


def test_generator_script(tmp_path) -> None:
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "gen_history.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "h"), "--answers", "50",
                           "--reviews", "20", "--days", "5"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "50 answers" in done.stdout and (tmp_path / "h" / "netprep.db").exists()


@pytest.mark.parametrize("width", [60, 120])
def test_stats_at_any_width_cuts_no_theme_and_splits_no_command(cli, monkeypatch,
                                                                 width: int) -> None:
    """On the built-in pack at 60 columns a theme title was cut ("farming fo…") and
    "netprep mock" / "--timed" were split over two lines."""
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("stats")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= width for line in lines), result.out
    assert "…" not in result.out
    for command in ("netprep star add", "netprep mock --timed"):
        assert any(command in line for line in lines), (command, result.out)
