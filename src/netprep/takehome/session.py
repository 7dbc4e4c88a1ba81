"""What the takehome commands do: start or resume, pause, status and check.

The clock is injected (`now`) so tests can move time; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from netprep.content.models import Brief, Library
from netprep.errors import NetprepError, NotFoundError
from netprep.store import takehome as rows
from netprep.store.db import Store
from netprep.store.takehome import TakehomeAttempt
from netprep.takehome import workspace
from netprep.takehome.acceptance import CheckResult, run_checks
from netprep.takehome.briefs import get_brief

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Started:
    attempt: TakehomeAttempt
    folder: Path
    created: bool  # the scaffold was written now
    resumed: bool  # an existing attempt's clock started again
    paused_other: str | None  # the brief whose running clock was paused


def start(store: Store, library: Library, brief_id: str, now: Clock = utc_now) -> Started:
    """Begin an attempt at ``brief_id``, or resume the open one; write (or keep) its scaffold."""
    brief = get_brief(library, brief_id)
    moment = now()
    paused_other = None
    for other in rows.open_attempts(store):
        if other.brief_id != brief.id and other.state == "running":
            rows.pause(store, other.id, moment)
            paused_other = other.brief_id
    current = next((a for a in rows.open_attempts(store) if a.brief_id == brief.id), None)
    folder, created = workspace.write_scaffold(brief)
    if current is None:
        attempt_id = rows.create(store, brief.id, str(folder), brief.hours * 3600, moment)
        resumed = False
    else:
        attempt_id = current.id
        resumed = current.state == "paused"
        rows.resume(store, attempt_id, moment)
    attempt = rows.get(store, attempt_id)
    assert attempt is not None
    return Started(attempt, folder, created, resumed, paused_other)


def current_attempt(store: Store, attempt_id: int | None = None) -> TakehomeAttempt:
    """The attempt named, or the open one most recently worked on."""
    if attempt_id is not None:
        attempt = rows.get(store, attempt_id)
        if attempt is None:
            raise NotFoundError(
                f"No take-home attempt {attempt_id}.", "Run `netprep takehome review` to list them."
            )
        return attempt
    open_ = rows.open_attempts(store)
    if not open_:
        raise NotFoundError(
            "No take-home attempt in progress.",
            "Start one with `netprep takehome start ID` (see `netprep takehome list`).",
        )
    return open_[0]


def pause(store: Store, attempt: TakehomeAttempt, now: Clock = utc_now) -> TakehomeAttempt:
    if attempt.state == "running":
        rows.pause(store, attempt.id, now())
    fresh = rows.get(store, attempt.id)
    assert fresh is not None
    return fresh


def status(attempt: TakehomeAttempt, now: Clock = utc_now) -> dict[str, Any]:
    used = attempt.used_at(now())
    return {
        "attempt": attempt.id,
        "brief": attempt.brief_id,
        "path": attempt.path,
        "seconds_used": round(used, 1),
        "seconds_limit": attempt.seconds_limit,
        "state": attempt.state,
        "seconds_left": round(max(0.0, attempt.seconds_limit - used), 1),
        "overtime_seconds": round(max(0.0, used - attempt.seconds_limit), 1),
        "sittings": attempt.sittings,
        "started_at": attempt.started_at,
        "submitted_at": attempt.submitted_at,
        "workspace_exists": Path(attempt.path).is_dir(),
    }


def folder_of(attempt: TakehomeAttempt) -> Path:
    """The attempt's folder; a clear error (nothing changed) when it was deleted."""
    folder = Path(attempt.path)
    if not folder.is_dir():
        if attempt.state == "submitted":
            raise NetprepError(f"The submitted folder {folder} no longer exists.",
                               "Its review is kept: `netprep takehome review "
                               f"{attempt.id}`.")
        raise NetprepError(
            f"The workspace {folder} no longer exists.",
            f"Run `netprep takehome start {attempt.brief_id}` to write a fresh scaffold "
            "there (your clock and attempt are kept).",
        )
    return folder


def check(
    store: Store, library: Library, attempt: TakehomeAttempt, allow_pack_code: bool = False
) -> tuple[Brief, CheckResult]:
    brief = get_brief(library, attempt.brief_id)
    return brief, run_checks(library, brief, folder_of(attempt), allow_pack_code=allow_pack_code)


def prepare_review(
    store: Store, library: Library, attempt: TakehomeAttempt, now: Clock = utc_now,
    allow_pack_code: bool = False,
) -> tuple[Brief, dict[str, Any]]:
    """The automated part of the review, before anything is frozen (nothing is changed)."""
    from netprep.takehome.acceptance import LanguageMissing
    from netprep.takehome.review import rubric_checks

    if attempt.state == "submitted":
        raise NetprepError(
            f"Attempt {attempt.id} was submitted already.",
            f"See it with `netprep takehome review {attempt.id}`.",
        )
    brief = get_brief(library, attempt.brief_id)
    folder = folder_of(attempt)
    try:
        checks: dict[str, Any] = run_checks(
            library, brief, folder, allow_pack_code=allow_pack_code).to_dict()
    except LanguageMissing as exc:
        checks = {"passed": 0, "total": len(brief.requirements), "skipped": str(exc),
                  "requirements": [dict(r, passed=False, note="not run") for r in
                                   brief.requirements]}
    used = attempt.used_at(now())
    review = {
        "acceptance": checks,
        "rubric_checks": rubric_checks(folder, brief, used, attempt.seconds_limit),
        "self_review": {},
        "seconds_used": round(used, 1),
        "seconds_limit": attempt.seconds_limit,
    }
    return brief, review


def submit(
    store: Store, attempt: TakehomeAttempt, review: dict[str, Any],
    ratings: dict[str, int], now: Clock = utc_now,
) -> dict[str, Any]:
    """Freeze the folder (moved to ID.attempt-N), record the review, stop the clock."""
    folder = workspace.freeze(folder_of(attempt), attempt.id)
    review = dict(review, self_review=dict(ratings), frozen_path=str(folder))
    rows.submit(store, attempt.id, str(folder), review, now())
    return summary(rows.get(store, attempt.id))  # type: ignore[arg-type]


def summary(attempt: TakehomeAttempt, now: Clock = utc_now) -> dict[str, Any]:
    """One attempt for `takehome review` and `history`."""
    review = attempt.review or {}
    acceptance = review.get("acceptance", {})
    ratings = review.get("self_review", {})
    rated = [v for v in ratings.values() if isinstance(v, int)]
    return {
        **status(attempt, now),
        "passed": acceptance.get("passed"),
        "total": acceptance.get("total"),
        "avg_self_rating": round(sum(rated) / len(rated), 2) if rated else None,
        "review": review or None,
    }


def attempts_summary(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    return [summary(a) for a in rows.attempts(store, limit=limit)]
