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
    store: Store, library: Library, attempt: TakehomeAttempt
) -> tuple[Brief, CheckResult]:
    brief = get_brief(library, attempt.brief_id)
    return brief, run_checks(library, brief, folder_of(attempt))
