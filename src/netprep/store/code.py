"""Coding-drill attempts (table `code_attempts`, migration 004).

One row per attempt at an exercise (`netprep code start`, or the coding part of
`netprep mock --coding`), written when the attempt ends: solved, given up or
interrupted. `passed`/`total` are the cases passed in the last test run;
`elapsed_seconds` are real seconds from a monotonic clock; `target_seconds` is
the exercise's target (NULL when untimed); `session_id` links a mock session.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from netprep.store.db import Store


@dataclass(frozen=True)
class CodeAttempt:
    id: int
    exercise_id: str
    lang: str
    started_at: str
    elapsed_seconds: float
    passed: int
    total: int
    solved: bool
    timed: bool
    target_seconds: int | None
    session_id: int | None
    # Migration 016: the drill's review (nudges, think-aloud, feedback); {} before it.
    review: dict[str, Any] = field(default_factory=dict)

    @property
    def within_target(self) -> bool | None:
        """Solved in the target time (None when there was no target)."""
        if self.target_seconds is None:
            return None
        return self.solved and self.elapsed_seconds <= self.target_seconds

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        review = data.pop("review")
        data["within_target"] = self.within_target
        data["nudges"] = review.get("nudges", [])
        data["think_aloud"] = review.get("think_aloud")
        data["feedback"] = review.get("feedback")
        data["runs_timeline"] = review.get("runs_timeline", [])
        data["offers"] = review.get("offers", [])
        data["step_backs"] = review.get("step_backs", 0)
        data["result"] = review.get("result") or ("Solved." if self.solved
                                                   else "Not solved yet.")
        return data


def record_attempt(
    store: Store,
    *,
    exercise_id: str,
    lang: str,
    started_at: str,
    elapsed_seconds: float,
    passed: int,
    total: int,
    solved: bool,
    timed: bool,
    target_seconds: int | None = None,
    session_id: int | None = None,
    review: dict[str, Any] | None = None,
) -> int:
    """Save one attempt; return its id."""
    with store.write() as db:
        cursor = db.execute(
            "INSERT INTO code_attempts(exercise_id, lang, started_at, elapsed_seconds, passed, "
            "total, solved, timed, target_seconds, session_id, review) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (exercise_id, lang, started_at, float(elapsed_seconds), int(passed), int(total),
             int(solved), int(timed), target_seconds, session_id,
             None if review is None else json.dumps(review)),
        )
        return int(cursor.lastrowid or 0)


def record_clarification(
    store: Store, *, exercise_id: str, question: str, matched: str | None, asked_at: str,
    code_attempt_id: int | None = None, before_first_run: bool | None = None,
) -> int:
    """One clarifying question (table `clarifications`, migration 008_takehome)."""
    with store.write() as db:
        cursor = db.execute(
            "INSERT INTO clarifications(exercise_id, question, matched, asked_at, "
            "code_attempt_id, before_first_run) VALUES (?, ?, ?, ?, ?, ?)",
            (exercise_id, question, matched, asked_at, code_attempt_id,
             None if before_first_run is None else int(before_first_run)),
        )
        return int(cursor.lastrowid or 0)


def clarifications(store: Store, exercise_id: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM clarifications"
    params: tuple[Any, ...] = ()
    if exercise_id is not None:
        sql += " WHERE exercise_id = ?"
        params = (exercise_id,)
    rows = store.query(sql + " ORDER BY id", params)
    return [{"id": r["id"], "exercise_id": r["exercise_id"], "question": r["question"],
             "matched": r["matched"], "asked_at": r["asked_at"],
             "code_attempt_id": r["code_attempt_id"],
             "before_first_run": None if r["before_first_run"] is None
             else bool(r["before_first_run"])} for r in rows]


def code_attempts(
    store: Store,
    *,
    exercise_id: str | None = None,
    lang: str | None = None,
    session_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
    solved: bool | None = None,
    limit: int | None = None,
) -> list[CodeAttempt]:
    """Attempts, newest first, filtered by any of the arguments.

    `since`/`until` bound `started_at` as a half-open range [since, until) of
    stored timestamps (aware UTC ISO 8601 text).
    """
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("exercise_id", exercise_id), ("lang", lang),
                          ("session_id", session_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if since is not None:
        where.append("started_at >= ?")
        params.append(since)
    if until is not None:
        where.append("started_at < ?")
        params.append(until)
    if solved is not None:
        where.append("solved = ?")
        params.append(int(solved))
    sql = "SELECT * FROM code_attempts"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY started_at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [_attempt(row) for row in store.query(sql, tuple(params))]


def solved_exercises(store: Store) -> set[str]:
    """Ids of the exercises solved at least once."""
    rows = store.query("SELECT DISTINCT exercise_id FROM code_attempts WHERE solved = 1")
    return {str(row[0]) for row in rows}


def _attempt(row: Any) -> CodeAttempt:
    return CodeAttempt(
        id=int(row["id"]),
        exercise_id=str(row["exercise_id"]),
        lang=str(row["lang"]),
        started_at=str(row["started_at"]),
        elapsed_seconds=float(row["elapsed_seconds"]),
        passed=int(row["passed"]),
        total=int(row["total"]),
        solved=bool(row["solved"]),
        timed=bool(row["timed"]),
        target_seconds=None if row["target_seconds"] is None else int(row["target_seconds"]),
        session_id=None if row["session_id"] is None else int(row["session_id"]),
        review=_review(row),
    )


def _review(row: Any) -> dict[str, Any]:
    try:
        raw = row["review"]
        data = json.loads(raw) if raw else {}
    except (IndexError, KeyError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def get_attempt(store: Store, attempt_id: int) -> CodeAttempt | None:
    rows = store.query("SELECT * FROM code_attempts WHERE id = ?", (int(attempt_id),))
    return _attempt(rows[0]) if rows else None
