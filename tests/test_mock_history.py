"""`netprep history` and `netprep history show ID`: lists, JSON contracts, bad ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "mock"
SESSION_KEYS = {"id", "started_at", "round", "timed", "complete", "answered", "total",
                "total_seconds", "avg_rating"}
QUESTION_KEYS = {"id", "text", "round", "target_seconds", "elapsed_seconds", "answer", "rating",
                 "checklist", "findings"}


@pytest.fixture(autouse=True)
def fixture_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "main"))


def seed_sessions() -> None:
    """Two sessions written straight to the tables, as the stats engineer reads them."""
    from netprep.store import open_store

    with open_store() as store, store.write() as db:
        db.execute("INSERT INTO sessions(started_at, ended_at, round, timed, complete, total) "
                   "VALUES ('2026-03-01T10:00:00.000+00:00', '2026-03-01T10:09:00.000+00:00', "
                   "'mixed', 1, 1, 2)")
        db.execute("INSERT INTO sessions(started_at, round, timed, complete, total) "
                   "VALUES ('2026-03-02T10:00:00.000+00:00', 'technical', 0, 0, 3)")
        for session, position, elapsed, rating in ((1, 1, 150.5, 4), (1, 2, 80.0, 2),
                                                   (2, 1, 60.0, None)):
            db.execute(
                "INSERT INTO answers(session_id, position, question_id, pack_id, round, text, "
                "target_seconds, elapsed_seconds, answer, rating, checklist, findings, "
                "answered_at) VALUES (?, ?, ?, 'mockfix', 'behavioral', 'Q?', 120, ?, 'A', ?, "
                "'{\"used_star\": true}', '[{\"code\": \"no-metric\", \"message\": \"m\", "
                "\"suggestion\": \"s\"}]', '2026-03-01T10:01:00+00:00')",
                (session, position, f"q{position}", elapsed, rating))


def test_history_json_lists_sessions_newest_first_with_totals(cli) -> None:
    seed_sessions()
    result = cli("history", "--json")
    assert result.code == 0, result.err
    sessions = json.loads(result.out)["sessions"]
    assert [s["id"] for s in sessions] == [2, 1]
    assert all(SESSION_KEYS <= set(s) for s in sessions)
    newest, oldest = sessions
    assert newest == {**newest, "round": "technical", "timed": False, "complete": False,
                      "answered": 1, "total": 3, "total_seconds": 60.0, "avg_rating": None}
    assert oldest["total_seconds"] == 230.5 and oldest["avg_rating"] == 3.0
    assert oldest["complete"] is True and oldest["answered"] == 2


def test_history_limit(cli) -> None:
    seed_sessions()
    sessions = json.loads(cli("history", "--json", "--limit", "1").out)["sessions"]
    assert [s["id"] for s in sessions] == [2]
    bad = cli("history", "--limit", "0")
    assert bad.code == 2 and "--limit" in bad.err


def test_history_human_view(cli) -> None:
    seed_sessions()
    result = cli("history")
    assert result.code == 0, result.err
    assert "2026-03-02 10:00" in result.out and "technical" in result.out
    assert "1/3" in result.out and "2/2" in result.out and "3:50" in result.out


def test_empty_history_says_how_to_start(cli) -> None:
    assert json.loads(cli("history", "--json").out) == {
        "sessions": [], "code_attempts": [], "takehome_attempts": []}
    assert "netprep mock --timed" in cli("history").out


def test_show_json_has_every_question(cli) -> None:
    seed_sessions()
    result = cli("history", "show", "1", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert SESSION_KEYS <= set(data) and data["id"] == 1
    assert len(data["questions"]) == 2
    first = data["questions"][0]
    assert QUESTION_KEYS <= set(first)
    assert first["id"] == "q1" and first["elapsed_seconds"] == 150.5
    assert first["target_seconds"] == 120 and first["rating"] == 4
    assert first["checklist"] == {"used_star": True}
    assert first["findings"] == [{"code": "no-metric", "message": "m", "suggestion": "s"}]


def test_show_human_view_tells_where_you_ran_long(cli) -> None:
    seed_sessions()
    result = cli("history", "show", "1")
    assert result.code == 0, result.err
    assert "Session 1" in result.out and "complete" in result.out
    assert "2:30 of 2:00 (0:30 over)" in result.out
    assert "1:20 of 2:00 (0:40 under)" in result.out  # a direction, no sign
    assert "[x] Used STAR" in result.out


@pytest.mark.parametrize("session_id, code, words", [
    ("42", 1, "No mock interview with id 42"),
    ("abc", 2, "'abc' is not a session id"),
    ("1.5", 2, "is not a session id"),
])
def test_show_bad_ids(cli, session_id, code, words) -> None:
    seed_sessions()
    result = cli("history", "show", session_id)
    assert result.code == code
    assert words in result.err and "netprep history" in result.err
    assert "Traceback" not in result.err


def test_a_mock_session_appears_in_history(cli) -> None:
    assert cli("mock", "--questions", "2", "--seed", "3", input="one\ntwo\n").code == 0
    [session] = json.loads(cli("history", "--json").out)["sessions"]
    assert session["answered"] == 2 and session["complete"] and session["timed"]
    shown = json.loads(cli("history", "show", str(session["id"]), "--json").out)
    assert [q["answer"] for q in shown["questions"]] == ["one", "two"]


def test_history_lists_coding_drill_attempts(cli) -> None:
    from netprep.store import open_store
    from netprep.store.code import record_attempt

    seed_sessions()
    with open_store() as store:
        record_attempt(store, exercise_id="two-sum", lang="python",
                       started_at="2026-03-03T09:00:00.000+00:00", elapsed_seconds=412.0,
                       passed=10, total=10, solved=True, timed=True, target_seconds=900)
    data = json.loads(cli("history", "--json").out)
    assert len(data["sessions"]) == 2
    [attempt] = data["code_attempts"]
    assert (attempt["exercise_id"], attempt["passed"], attempt["total"], attempt["solved"]) == (
        "two-sum", 10, 10, True)
    human = cli("history").out
    assert "Coding drills" in human and "two-sum" in human and "10/10" in human


def test_mock_coding_is_for_technical_rounds(cli) -> None:
    result = cli("mock", "--coding", "--round", "behavioral")
    assert result.code == 2
    assert "--round technical" in result.err


def test_mock_coding_without_a_terminal_skips_the_exercise(cli) -> None:
    result = cli("mock", "--round", "technical", "--coding", "--questions", "1",
                 input="A hash map gives O(1) average lookups.\n")
    assert result.code == 0, result.err
    assert "coding exercise needs a terminal; skipped" in result.err
    assert json.loads(cli("history", "--json").out)["sessions"][0]["answered"] == 1


def test_show_json_records_the_hint_each_question_showed(cli) -> None:
    added = cli("star", "add", "--title", "Database argument", "--situation", "In a class "
                "project my teammate and I disagreed about the database.", "--task", "We had "
                "to choose one within a week.", "--action", "I wrote a one-page comparison, I "
                "asked for a call, and I listened to her view before I argued mine.",
                "--result", "We chose Postgres in one meeting and shipped 2 days early.",
                "--tag", "fx-conflict")
    assert added.code == 0, added.err
    assert cli("mock", "--round", "behavioral", "--questions", "3", "--seed", "1",
               input="a\nb\nc\n").code == 0
    shown = json.loads(cli("history", "show", "1", "--json").out)
    hints = {q["id"]: q["hint"] for q in shown["questions"]}
    assert all(set(h) == {"kind", "story_id", "template", "fit"} for h in hints.values())
    assert hints["b-conflict"]["kind"] == "story" and hints["b-conflict"]["story_id"] == 1
    assert 0 < hints["b-conflict"]["fit"] <= 1
    assert hints["b-learning"]["kind"] in ("template", "none")
    assert hints["b-learning"]["story_id"] is None and hints["b-learning"]["fit"] is None
    # Without hints nothing was shown, and that is recorded too.
    assert cli("mock", "--round", "behavioral", "--questions", "1", "--no-hints",
               input="a\n").code == 0
    [question] = json.loads(cli("history", "show", "2", "--json").out)["questions"]
    assert question["hint"] == {"kind": "none", "story_id": None, "template": None, "fit": None}


def test_answers_saved_before_hints_were_recorded_show_what_is_known(cli) -> None:
    seed_sessions()
    from netprep.store import open_store

    with open_store() as store, store.write() as db:
        db.execute("UPDATE answers SET story_id = 7 WHERE id = 1")
    questions = json.loads(cli("history", "show", "1", "--json").out)["questions"]
    assert questions[0]["hint"] == {"kind": "story", "story_id": 7, "template": None,
                                    "fit": None}
    assert questions[1]["hint"] is None


@pytest.mark.parametrize("width", [60, 80, 120])
def test_history_reads_whole_at_every_width(cli, monkeypatch, width: int) -> None:
    """At 60 columns the table dropped the date and round columns and cut "complete" to
    "comple…"; at 80 it showed "2026-12…" and "behavi…". Narrow windows get a list."""
    seed_sessions()
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("history")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= width for line in lines), result.out
    assert "…" not in result.out
    for whole in ("2026-03-02 10:00", "technical", "2026-03-01 10:00", "mixed", "1/3", "2/2"):
        assert any(whole in line for line in lines), (whole, result.out)
    said = " ".join(result.out.split())
    assert ("incomplete" in said or " no" in said) and "`netprep history show ID`" in said
