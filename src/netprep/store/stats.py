"""Aggregate queries for `netprep stats` and `netprep plan`.

Everything is summed in SQL over covering indexes (migration 006), so 100,000
answers cost one index scan and never a Python loop over rows. Time windows are
half-open ranges `[lo, hi)` of stored timestamps (aware UTC ISO strings, which
sort as text); the caller turns local calendar days into such ranges.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from netprep.store.db import Store, _store_error
from netprep.store.story_rows import parse_tags

Window = tuple[str, str]  # [lo, hi) as stored timestamps

# Tables whose rows are practice, and the column that dates them. Stories count on
# the day they were written and on the day they were last edited.
ACTIVITY: tuple[tuple[str, str, str], ...] = (
    ("answers", "answered_at", "answers_by_time"),
    ("reviews", "reviewed_at", "reviews_by_time_correct"),
    ("sessions", "started_at", "sessions_by_start"),
    ("reflections", "created_at", "reflections_by_time"),
    ("code_attempts", "started_at", "code_attempts_by_start"),
    ("takehome_attempts", "started_at", "takehome_attempts_by_start"),
    ("assessments", "started_at", "assessments_by_start"),
    ("stories", "created_at", ""),
    ("stories", "updated_at", ""),
)


class AnswerAgg:
    """Sums over some answers: averages and rates are derived, never stored."""

    __slots__ = ("answers", "elapsed", "target", "overtime", "rated", "rating_sum")

    def __init__(self, answers: int = 0, elapsed: float = 0.0, target: float = 0.0,
                 overtime: int = 0, rated: int = 0, rating_sum: float = 0.0):
        self.answers = answers
        self.elapsed = elapsed
        self.target = target
        self.overtime = overtime
        self.rated = rated
        self.rating_sum = rating_sum

    def add(self, other: AnswerAgg) -> None:
        self.answers += other.answers
        self.elapsed += other.elapsed
        self.target += other.target
        self.overtime += other.overtime
        self.rated += other.rated
        self.rating_sum += other.rating_sum

    @classmethod
    def of(cls, row: Sequence[Any]) -> AnswerAgg:
        return cls(int(row[0] or 0), float(row[1] or 0), float(row[2] or 0), int(row[3] or 0),
                   int(row[4] or 0), float(row[5] or 0))


_ANSWER_SUMS = ("count(*), total(elapsed_seconds), total(target_seconds), "
                "total(elapsed_seconds > target_seconds), count(rating), total(rating)")


def _all(store: Store, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
    try:
        return store.conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise _store_error(exc, store.path) from exc


def _one(store: Store, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
    rows = _all(store, sql, params)
    return rows[0] if rows else None


def _each(store: Store, sql: str, windows: Sequence[Window]) -> list[Any]:
    """Run one prepared aggregate per window; one result row each."""
    try:
        execute = store.conn.execute
        return [execute(sql, window).fetchone() for window in windows]
    except sqlite3.Error as exc:
        raise _store_error(exc, store.path) from exc


# --- stories --------------------------------------------------------------------------


def stories(store: Store, fresh: dict[int, tuple[int, int, int, int]]) -> list[dict[str, Any]]:
    """Every story: id, title, tags, words and score.

    Words and score are the analysis the story bank caches on each write
    (migration 005); `fresh` holds the caches the caller re-computed for stale rows
    (`netprep.star.cache.refresh_stale`), as `star list` does.
    """
    rows = _all(store, "SELECT id, title, tags, words, score, created_at, updated_at "
                       "FROM stories ORDER BY id")
    result = []
    for row in rows:
        sid = int(row["id"])
        words, score = (fresh[sid][0], fresh[sid][2]) if sid in fresh else (
            row["words"], row["score"])
        result.append({"id": sid, "title": str(row["title"]),
                       "tags": list(parse_tags(row["tags"])), "words": words, "score": score,
                       "created_at": row["created_at"], "updated_at": row["updated_at"]})
    return result


# --- mock interviews -------------------------------------------------------------------


def answers_by_round(store: Store) -> dict[str, AnswerAgg]:
    """All-time sums per round, from the trigger-kept `answer_totals` (migration 007)."""
    rows = _all(store, "SELECT round, answers, elapsed, target, overtime, rated, rating_sum "
                       "FROM answer_totals WHERE answers > 0")
    return {str(r[0]): AnswerAgg.of(r[1:]) for r in rows}


def answers_in(store: Store, windows: Sequence[Window]) -> list[AnswerAgg]:
    sql = (f"SELECT {_ANSWER_SUMS} FROM answers INDEXED BY answers_by_time "
           "WHERE answered_at >= ? AND answered_at < ?")
    return [AnswerAgg.of(r) for r in _each(store, sql, windows)]


def spoken_answers(store: Store, since: str) -> list[tuple[str, float | None, float | None]]:
    """(answered_at, wpm, fillers per minute) of spoken answers since `since`, oldest first.

    Reads the partial index `answers_spoken` (migration answer_voice): typed answers cost nothing.
    """
    rows = _all(store, "SELECT answered_at, json_extract(voice, '$.wpm'), "
                       "json_extract(voice, '$.fillers_per_min') FROM answers "
                       "WHERE voice IS NOT NULL AND answered_at >= ? ORDER BY answered_at",
                (since,))
    return [(str(r[0]), r[1], r[2]) for r in rows]


def spoken_totals(store: Store) -> tuple[int, float | None, float | None]:
    """All-time count, mean wpm and mean fillers per minute of spoken answers."""
    row = _one(store, "SELECT count(*), avg(json_extract(voice, '$.wpm')), "
                      "avg(json_extract(voice, '$.fillers_per_min')) FROM answers "
                      "WHERE voice IS NOT NULL")
    return int(row[0]), row[1], row[2]


def last_answer_at(store: Store) -> str | None:
    row = _one(store, "SELECT max(answered_at) FROM answers")
    return None if row is None or row[0] is None else str(row[0])


def session_totals(store: Store) -> dict[str, Any]:
    row = _one(store, "SELECT count(*), total(complete), max(started_at) FROM sessions")
    return {"sessions": int(row[0]), "complete": int(row[1]), "last_at": row[2]}


def sessions_in(store: Store, windows: Sequence[Window]) -> list[int]:
    sql = "SELECT count(*) FROM sessions WHERE started_at >= ? AND started_at < ?"
    return [int(r[0]) for r in _each(store, sql, windows)]


# --- culture --------------------------------------------------------------------------


def reviews_by_theme(store: Store) -> dict[str, tuple[int, int]]:
    """theme id -> (reviews, correct), all-time over all packs (`review_totals`)."""
    rows = _all(store, "SELECT theme_id, reviews, correct FROM review_totals WHERE reviews > 0")
    return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}


def reviews_in(store: Store, windows: Sequence[Window]) -> list[tuple[int, int]]:
    sql = ("SELECT count(*), total(correct) FROM reviews INDEXED BY reviews_by_time_correct "
           "WHERE reviewed_at >= ? AND reviewed_at < ?")
    return [(int(r[0]), int(r[1])) for r in _each(store, sql, windows)]


def card_schedule(store: Store, now: str) -> dict[str, Any]:
    """Cards (items seen at least once), those due at `now`, and the next due after it."""
    row = _one(store, "SELECT count(*), (SELECT count(*) FROM cards WHERE due <= :now), "
                      "(SELECT min(due) FROM cards WHERE due > :now) FROM cards", {"now": now})
    return {"seen": int(row[0]), "due_now": int(row[1]), "next_due": row[2]}


def reflection_totals(store: Store) -> dict[str, Any]:
    row = _one(store, "SELECT count(*), count(DISTINCT theme_id), max(created_at) "
                      "FROM reflections")
    return {"count": int(row[0]), "themes": int(row[1]), "last_at": row[2]}


def reflected_themes(store: Store) -> set[str]:
    return {str(r[0]) for r in _all(store, "SELECT DISTINCT theme_id FROM reflections")}


# --- coding drills --------------------------------------------------------------------


def code_totals(store: Store) -> dict[str, Any]:
    row = _one(store, "SELECT count(*), total(solved), "
                      "count(DISTINCT CASE WHEN solved THEN exercise_id END), "
                      "count(DISTINCT exercise_id), max(started_at) FROM code_attempts")
    return {"attempts": int(row[0]), "solved": int(row[1]), "exercises_solved": int(row[2]),
            "exercises_tried": int(row[3]), "last_at": row[4]}


def spoken_drills(store: Store) -> list[tuple[Any, ...]]:
    """Coding drills with a think-aloud review (migration 016), oldest first: started_at,
    talk share, approach/complexity/tests said (0/1), fillers per minute, silences."""
    return _all(store, "SELECT started_at, json_extract(review, '$.think_aloud.talk_share'), "
                "json_extract(review, '$.think_aloud.approach_before_first_run'), "
                "json_extract(review, '$.think_aloud.complexity_said'), "
                "json_extract(review, '$.think_aloud.tests_said'), "
                "json_extract(review, '$.think_aloud.fillers_per_min'), "
                "json_array_length(json_extract(review, '$.think_aloud.silences')) "
                "FROM code_attempts WHERE json_extract(review, '$.think_aloud') IS NOT NULL "
                "ORDER BY started_at, id")


def solved_exercises(store: Store) -> set[str]:
    return {str(r[0]) for r in _all(store, "SELECT DISTINCT exercise_id FROM code_attempts "
                                           "WHERE solved")}


def takehome_totals(store: Store) -> dict[str, Any]:
    row = _one(store, "SELECT count(*), total(state = 'submitted'), "
                      "count(DISTINCT brief_id), max(started_at), total(seconds_used) "
                      "FROM takehome_attempts")
    return {"attempts": int(row[0]), "submitted": int(row[1]), "briefs_tried": int(row[2]),
            "last_at": row[3], "seconds_used": round(float(row[4]), 1)}


def assess_totals(store: Store) -> dict[str, Any]:
    """Online assessments (`netprep assess`): how many, submitted, the best and the last
    percentage of points."""
    import json

    rows = _all(store, "SELECT started_at, submitted_at, problems, report FROM assessments "
                       "ORDER BY id")
    from netprep.store.assess import percent

    percents = [percent(json.loads(problems), json.loads(report).get("problems", []))
                for _started, submitted, problems, report in rows if submitted and report]
    return {"assessments": len(rows), "submitted": len(percents),
            "open": len(rows) - len(percents),
            "best_percent": max(percents) if percents else None,
            "last_percent": percents[-1] if percents else None,
            "last_at": rows[-1][0] if rows else None}


def resume_totals(store: Store) -> dict[str, Any]:
    """Resume entries without a linked story or a practised deep-dive, and the pitch's state."""
    from netprep.store.resume_rows import get_pitch, practised_entries

    rows = _all(store, "SELECT id, stories FROM resume_entries ORDER BY id")
    practised = practised_entries(store) if rows else {}
    no_story = [int(r[0]) for r in rows if r[1] in ("", "[]")]
    no_dive = [int(r[0]) for r in rows if int(r[0]) not in practised]
    pitch = get_pitch(store)
    pitch_answers = 0 if pitch is None else int(_one(  # the question-id index, not a scan
        store, "SELECT count(*) FROM answers WHERE question_id = 'pitch' AND round = 'pitch' "
               "AND answer != ''")[0])
    asked = _one(store, "SELECT count(*), count(DISTINCT session_id) FROM interviewer_questions")
    saved = int(_one(store, "SELECT count(*) FROM saved_questions")[0])
    return {
        "entries": len(rows),
        "without_story": len(no_story), "without_story_ids": no_story,
        "without_deep_dive": len(no_dive), "without_deep_dive_ids": no_dive,
        "deep_dive_answers": sum(practised.values()),
        "pitch": "none" if pitch is None else ("practised" if pitch_answers else "saved"),
        "pitch_saved_at": None if pitch is None else pitch.get("saved_at"),
        "pitch_answers": pitch_answers,
        "questions_asked": int(asked[0]), "sessions_with_questions": int(asked[1]),
        "questions_saved": saved,
    }


# --- activity (streaks) ---------------------------------------------------------------


def activity_in(store: Store, windows: Sequence[Window],
                tables: Sequence[str] | None = None) -> list[int]:
    """Per window (sorted, not overlapping): how many practice records of `tables` fall in it."""
    from bisect import bisect_right

    counts = [0] * len(windows)
    if not windows:
        return counts
    starts = [lo for lo, _ in windows]
    for table, column, index in ACTIVITY:
        if tables is not None and table not in tables:
            continue
        if not index:  # a small table without a time index: one read, bucketed here
            rows = _all(store, f"SELECT {column} FROM {table} WHERE {column} >= ? AND "
                               f"{column} < ?", (windows[0][0], windows[-1][1]))
            for (stamp,) in rows:
                i = bisect_right(starts, str(stamp)) - 1
                if i >= 0 and str(stamp) < windows[i][1]:
                    counts[i] += 1
            continue
        sql = (f"SELECT count(*) FROM {table} INDEXED BY {index} "
               f"WHERE {column} >= ? AND {column} < ?")
        for i, row in enumerate(_each(store, sql, windows)):
            counts[i] += int(row[0])
    return counts


def active_between(store: Store, window: Window) -> bool:
    """Whether any practice was recorded in the window (index probes only)."""
    parts = " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} WHERE {column} >= :lo AND {column} < :hi)"
        for table, column, _ in ACTIVITY
    )
    row = _one(store, f"SELECT {parts}", {"lo": window[0], "hi": window[1]})
    return bool(row and row[0])


def first_activity(store: Store) -> str | None:
    """The earliest practice timestamp of any kind (None before any practice)."""
    sql = " UNION ALL ".join(f"SELECT min({column}) FROM {table}"
                             for table, column, _ in ACTIVITY)
    values = [str(r[0]) for r in _all(store, sql) if r[0] is not None]
    return min(values) if values else None
