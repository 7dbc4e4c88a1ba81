"""Trends: dated series in `stats --json` and sparklines on the `stats` screen."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from netprep.progress.trends import reading
from netprep.store import open_store
from netprep.ui.render_stats import sparkline

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import gen_history as gen  # noqa: E402

from tests.test_progress_stats import NOW, SUMMARY, stats  # noqa: E402

UTC = timezone.utc
FILLERS = (9.0, 8.0, 6.5, 5.0, 4.0, 3.0)
SCORES = (52, 58, 61, 66, 70, 78)


def build_history(conn, end: datetime, days: int = 6) -> None:
    """`days` days of practice ending at `end`: one session a day, scores rising, fillers
    falling, a spoken answer each session, reviews and a solved drill each day."""
    for i in range(days):
        when = end - timedelta(days=days - 1 - i, hours=1)
        sid = gen.add_session(conn, when, "behavioral",
                              [(100.0 + 10 * (i % 2), 120, 2 + i // 2), (150.0, 120, 3)])
        conn.execute("UPDATE answers SET score = ?, competencies = ? WHERE session_id = ? "
                     "AND position = 1", (SCORES[i], '["conflict", "ownership"]', sid))
        conn.execute("UPDATE answers SET score = ?, competencies = '[\"conflict\"]' "
                     "WHERE session_id = ? AND position = 2", (SCORES[i] - 10, sid))
        conn.execute("UPDATE answers SET voice = ? WHERE session_id = ? AND position = 1",
                     (json.dumps({"wpm": 120 + 5 * i, "fillers_per_min": FILLERS[i]}), sid))
        for k in range(4):
            gen.add_review(conn, when + timedelta(minutes=k), "candour", k <= i % 4)
        gen.add_attempt(conn, when + timedelta(minutes=30), "two-sum", solved=True)
        conn.execute("UPDATE code_attempts SET elapsed_seconds = ? WHERE id = "
                     "(SELECT max(id) FROM code_attempts)", (900 - 100 * i,))
    conn.commit()


def test_series_per_day_and_per_session() -> None:
    with open_store() as store:
        build_history(store.conn, NOW)
        trends = stats(store)["trends"]
    days = [(NOW.date() - timedelta(days=5 - i)).isoformat() for i in range(6)]
    assert [p["date"] for p in trends["mock_score"]] == days
    assert [p["value"] for p in trends["mock_score"]] == [s - 5 for s in SCORES]
    assert [p["value"] for p in trends["score:ownership"]] == list(SCORES)
    assert [p["value"] for p in trends["score:conflict"]] == [s - 5 for s in SCORES]
    assert [p["value"] for p in trends["fillers_per_min"]] == list(FILLERS)
    assert [p["value"] for p in trends["pace_wpm"]] == [120, 125, 130, 135, 140, 145]
    assert [p["value"] for p in trends["overtime_share"]] == [0.5] * 6
    assert [p["value"] for p in trends["quiz_accuracy"]][:4] == [0.25, 0.5, 0.75, 1.0]
    assert [p["value"] for p in trends["code_solve_seconds"]] == [900, 800, 700, 600, 500, 400]
    assert all(set(p) == {"date", "value"} for s in trends.values() for p in s)


def test_an_empty_history_has_empty_series() -> None:
    with open_store() as store:
        trends = stats(store)["trends"]
    assert trends["mock_score"] == [] and trends["fillers_per_min"] == []
    assert not any(name.startswith("score:") for name in trends)


def test_readings_say_what_happened_in_words() -> None:
    points = [{"date": f"2026-11-1{i}", "value": v} for i, v in enumerate(FILLERS)]
    assert reading("fillers_per_min", points, "sessions") == \
        "Fillers per minute fell from 9.0 to 3.0 (better) over 6 sessions."
    rising = [{"date": "d", "value": 0.2}, {"date": "d", "value": 0.4}]
    assert reading("overtime_share", rising, "practice days") == \
        "Answers over time rose from 20% to 40% (worse) over 2 practice days."
    assert reading("mock_score", [], "practice days") == "No mock answer score recorded yet."
    assert reading("mock_score", [{"date": "d", "value": 61}], "practice days") == \
        "Mock answer score: 61/100 so far (one practice day)."


def test_sparkline_scales_between_min_and_max_and_fits_the_width() -> None:
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8], 8) == "▁▂▃▄▅▆▇█"
    assert sparkline([3, 3, 3], 10) == "▅▅▅"
    assert len(sparkline(list(range(56)), 20)) == 20
    assert sparkline([1, 5, 9], 10, plain=True) == "_=#"


def test_stats_screen_shows_sparklines_at_60_columns(cli, monkeypatch) -> None:
    import netprep.progress.content_facts as pc

    monkeypatch.setattr(pc, "content_summary", lambda: SUMMARY)
    monkeypatch.setenv("COLUMNS", "60")
    with open_store() as store:
        build_history(store.conn, datetime.now(UTC))
    result = cli("stats")
    assert result.code == 0, result.err
    assert "Trends (last 8 weeks" in result.out
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert "\x1b" not in result.out  # NO_COLOR (conftest)
    spark = next(line for line in lines if line.strip().startswith("fillers per minute"))
    assert spark.split()[-1] == "█▇▅▃▂▁"
    assert "Fillers per minute fell from 9.0 to 3.0 (better) over 6" in result.out.replace(
        "\n    ", " ")


def test_stats_json_carries_the_trends(cli, monkeypatch) -> None:
    import netprep.progress.content_facts as pc

    monkeypatch.setattr(pc, "content_summary", lambda: SUMMARY)
    with open_store() as store:
        build_history(store.conn, datetime.now(UTC))
    data = json.loads(cli("stats", "--json").out)
    assert [p["value"] for p in data["trends"]["fillers_per_min"]] == list(FILLERS)
    assert {"mock", "stories", "culture", "coding", "activity"} <= set(data)


def test_stats_screen_falls_back_to_plain_sparklines(run_netprep, home) -> None:
    """A terminal that cannot show block characters gets the `_.-=+*#` ramp."""
    with open_store() as store:
        build_history(store.conn, datetime.now(UTC))
    result = run_netprep("stats", env={"PYTHONIOENCODING": "ascii", "COLUMNS": "60"})
    assert result.returncode == 0, result.stderr
    spark = next(line for line in result.stdout.splitlines()
                 if line.strip().startswith("fillers per minute"))
    assert spark.split()[-1] == "#*+-._"
    assert "Fillers per minute fell from 9.0 to 3.0 (better)" in result.stdout.replace(
        "\n    ", " ")
