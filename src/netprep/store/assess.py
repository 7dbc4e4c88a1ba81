"""Online assessments (table `assessments`, migration 015_assessments)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netprep.errors import NotFoundError
from netprep.store.db import Store, iso


@dataclass(frozen=True)
class AssessmentRow:
    id: int
    started_at: str
    seconds_limit: int
    lang: str
    mode: str  # classic or ai
    seed: int | None
    problems: list[dict[str, Any]]  # [{"exercise", "points"}]
    folder: str
    submitted_at: str | None
    report: dict[str, Any] | None


_COLUMNS = ("id, started_at, seconds_limit, lang, mode, seed, problems, folder, "
            "submitted_at, report")


def create(store: Store, *, now: datetime, seconds_limit: int, lang: str, mode: str,
           seed: int | None, problems: list[dict[str, Any]], folder: str) -> int:
    with store.write() as db:
        cursor = db.execute(
            "INSERT INTO assessments(started_at, seconds_limit, lang, mode, seed, problems, "
            "folder) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (iso(now), seconds_limit, lang, mode, seed, json.dumps(problems), folder))
        return int(cursor.lastrowid or 0)


def set_folder(store: Store, assessment_id: int, folder: str) -> None:
    with store.write() as db:
        db.execute("UPDATE assessments SET folder = ? WHERE id = ?", (folder, assessment_id))


def submit(store: Store, assessment_id: int, now: datetime, report: dict[str, Any]) -> None:
    with store.write() as db:
        db.execute("UPDATE assessments SET submitted_at = ?, report = ? WHERE id = ?",
                   (iso(now), json.dumps(report), assessment_id))


def _row(r: Any) -> AssessmentRow:
    return AssessmentRow(int(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]),
                         None if r[5] is None else int(r[5]), json.loads(r[6]), str(r[7]),
                         r[8], json.loads(r[9]) if r[9] else None)


def get(store: Store, assessment_id: int | None) -> AssessmentRow:
    """One assessment, or (None) the latest one not submitted, else the latest."""
    if assessment_id is None:
        rows = store.query(f"SELECT {_COLUMNS} FROM assessments ORDER BY submitted_at IS NULL "
                           "DESC, id DESC LIMIT 1")
        if not rows:
            raise NotFoundError("No assessment yet.",
                                "Start one with `netprep assess start`.")
        return _row(rows[0])
    rows = store.query(f"SELECT {_COLUMNS} FROM assessments WHERE id = ?", (assessment_id,))
    if not rows:
        raise NotFoundError(f"No assessment {assessment_id}.",
                            "See them with `netprep assess list`.")
    return _row(rows[0])


def all_rows(store: Store) -> list[AssessmentRow]:
    return [_row(r) for r in store.query(f"SELECT {_COLUMNS} FROM assessments ORDER BY id")]


def percent(problems: list[dict[str, Any]], graded: list[dict[str, Any]]) -> int:
    """The share of the assessment's points scored, 0-100 (`graded`: the report's problems)."""
    top = sum(int(p["points"]) for p in problems)
    return round(100 * sum(int(p["points"]) for p in graded) / top) if top else 0
