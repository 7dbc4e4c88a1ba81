"""Take-home attempts (table `takehome_attempts`, migration 008_takehome).

One row per attempt at a brief. The clock is wall-clock UTC, because one sitting
can begin in `takehome start` and end in `takehome pause` (another process).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netprep.store.db import Store, iso


@dataclass(frozen=True)
class TakehomeAttempt:
    id: int
    brief_id: str
    path: str
    started_at: str
    seconds_limit: int
    state: str  # running, paused, submitted
    seconds_used: float  # closed sittings only; see `used_at`
    sitting_started_at: str | None
    sittings: int
    submitted_at: str | None
    review: dict[str, Any] | None

    def used_at(self, now: datetime) -> float:
        """Seconds used by ``now``, the open sitting included."""
        if self.sitting_started_at is None:
            return self.seconds_used
        opened = datetime.fromisoformat(self.sitting_started_at)
        return self.seconds_used + max(0.0, (now - opened).total_seconds())


def create(store: Store, brief_id: str, path: str, seconds_limit: int, now: datetime) -> int:
    with store.write() as db:
        cursor = db.execute(
            "INSERT INTO takehome_attempts(brief_id, path, started_at, seconds_limit, state, "
            "sitting_started_at, sittings) VALUES (?, ?, ?, ?, 'running', ?, 1)",
            (brief_id, path, iso(now), int(seconds_limit), iso(now)),
        )
        return int(cursor.lastrowid or 0)


def resume(store: Store, attempt_id: int, now: datetime) -> None:
    with store.write() as db:
        db.execute(
            "UPDATE takehome_attempts SET state = 'running', sitting_started_at = ?, "
            "sittings = sittings + 1 WHERE id = ? AND state = 'paused'",
            (iso(now), attempt_id),
        )


def pause(store: Store, attempt_id: int, now: datetime, state: str = "paused") -> None:
    """Close the open sitting (if any) and set ``state`` (paused or submitted)."""
    with store.write() as db:
        row = db.execute(
            "SELECT seconds_used, sitting_started_at FROM takehome_attempts WHERE id = ?",
            (attempt_id,),
        ).fetchone()
        if row is None:
            return
        used = float(row[0])
        if row[1] is not None:
            used += max(0.0, (now - datetime.fromisoformat(row[1])).total_seconds())
        db.execute(
            "UPDATE takehome_attempts SET state = ?, seconds_used = ?, sitting_started_at = NULL "
            "WHERE id = ?",
            (state, used, attempt_id),
        )


def submit(store: Store, attempt_id: int, path: str, review: dict[str, Any], now: datetime) -> None:
    pause(store, attempt_id, now, state="submitted")
    with store.write() as db:
        db.execute(
            "UPDATE takehome_attempts SET path = ?, submitted_at = ?, review = ? WHERE id = ?",
            (path, iso(now), json.dumps(review), attempt_id),
        )


def save_review(store: Store, attempt_id: int, review: dict[str, Any]) -> None:
    with store.write() as db:
        db.execute(
            "UPDATE takehome_attempts SET review = ? WHERE id = ?", (json.dumps(review), attempt_id)
        )


def get(store: Store, attempt_id: int) -> TakehomeAttempt | None:
    rows = store.query("SELECT * FROM takehome_attempts WHERE id = ?", (attempt_id,))
    return _attempt(rows[0]) if rows else None


def attempts(
    store: Store, *, brief_id: str | None = None, state: str | None = None,
    limit: int | None = None,
) -> list[TakehomeAttempt]:
    """Attempts, newest first."""
    where: list[str] = []
    params: list[Any] = []
    if brief_id is not None:
        where.append("brief_id = ?")
        params.append(brief_id)
    if state is not None:
        where.append("state = ?")
        params.append(state)
    sql = "SELECT * FROM takehome_attempts"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY started_at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [_attempt(row) for row in store.query(sql, tuple(params))]


def open_attempts(store: Store) -> list[TakehomeAttempt]:
    """Attempts not yet submitted, the most recently active first."""
    rows = store.query(
        "SELECT * FROM takehome_attempts WHERE state != 'submitted' "
        "ORDER BY (state = 'running') DESC, coalesce(sitting_started_at, started_at) DESC, id DESC"
    )
    return [_attempt(row) for row in rows]


def _attempt(row: Any) -> TakehomeAttempt:
    review = row["review"]
    return TakehomeAttempt(
        id=int(row["id"]),
        brief_id=str(row["brief_id"]),
        path=str(row["path"]),
        started_at=str(row["started_at"]),
        seconds_limit=int(row["seconds_limit"]),
        state=str(row["state"]),
        seconds_used=float(row["seconds_used"]),
        sitting_started_at=row["sitting_started_at"],
        sittings=int(row["sittings"]),
        submitted_at=row["submitted_at"],
        review=json.loads(review) if review else None,
    )
