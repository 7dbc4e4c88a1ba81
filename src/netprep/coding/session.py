"""One timed attempt at an exercise: the clock, test runs, hints and the saved record.

The engine behind `netprep code start` and the coding part of `netprep mock
--coding`. The clock is injected; nothing here prints or prompts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netprep.coding.clarify import Match, match
from netprep.coding.exercises import check
from netprep.coding.nudges import NudgeState, nudge_words, nudges_of
from netprep.coding.runner import RunReport
from netprep.content.models import Exercise, Language
from netprep.store import Store, now_iso
from netprep.store.code import record_attempt, record_clarification


@dataclass
class Attempt:
    exercise: Exercise
    language: Language
    path: Path
    timed: bool = True
    target_seconds: int | None = None  # default: the exercise's minutes
    session_id: int | None = None  # a mock session this attempt belongs to
    clock: Callable[[], float] = time.monotonic
    started_at: str = field(default_factory=now_iso)
    runs: int = 0
    last: RunReport | None = None
    hints_shown: int = 0
    saved_id: int | None = None
    questions: list[dict[str, Any]] = field(default_factory=list)  # clarifying questions
    # Each test run on the drill's clock: {"at", "passed", "total", "all_passed", "error"}.
    timeline: list[dict[str, Any]] = field(default_factory=list)
    think_aloud: dict[str, Any] | None = None  # the spoken review (--voice, --audio)
    feedback: dict[str, Any] | None = None  # the interviewer's point and the reply to it

    def __post_init__(self) -> None:
        if self.target_seconds is None:
            self.target_seconds = self.exercise.minutes * 60
        self._start = self.clock()
        self.nudging = NudgeState(available=len(nudges_of(self.exercise)))

    @property
    def elapsed(self) -> float:
        return max(0.0, self.clock() - self._start)

    @property
    def solved(self) -> bool:
        return self.last is not None and self.last.all_passed

    @property
    def passed(self) -> int:
        return 0 if self.last is None else self.last.passed

    @property
    def total(self) -> int:
        return len(self.exercise.tests)

    def run(self, path: Path | None = None, **limits: Any) -> RunReport:
        """Run the tests on the file as it is now (or on `path`, a version of it); the latest
        run is what gets saved."""
        at = self.elapsed
        self.last = check(self.exercise, self.language, path or self.path, **limits)
        self.runs += 1
        report = self.last
        failing = tuple(range(report.total)) if report.error else tuple(
            c.index for c in report.failures)
        self.nudging.ran(at, failing)
        self.timeline.append({
            "at": round(at, 1), "passed": report.passed, "total": report.total,
            "all_passed": report.all_passed, "error": report.error is not None,
        })
        return report

    def edited(self) -> None:
        self.nudging.edited(self.elapsed)

    def offer_due(self) -> bool:
        """Whether the interviewer offers a nudge now (the offer is recorded when it is)."""
        return self.nudging.offer_due(self.elapsed)

    def next_nudge(self) -> tuple[int, str] | None:
        """The next nudge (level, text), or None when every one was given."""
        level = self.nudging.take(self.elapsed)
        if level is None:
            return None
        return level, nudges_of(self.exercise)[level - 1]

    def step_back(self) -> None:
        self.nudging.step_back(self.elapsed)

    def ask(self, question: str) -> Match:
        """The interviewer's answer to a clarifying question; kept for the summary."""
        found = match(question, self.exercise.clarifications)
        self.questions.append({
            "question": question, "matched": found.id, "answer": found.answer,
            "asked_at": now_iso(), "before_first_run": self.runs == 0,
        })
        return found

    def clarifications(self) -> dict[str, Any] | None:
        """Which key clarifications were asked before the first test run, which were missed."""
        bank = self.exercise.clarifications
        if not bank:
            return None
        key = [c["id"] for c in bank if c.get("key")]
        early = {q["matched"] for q in self.questions if q["before_first_run"] and q["matched"]}
        return {
            "asked": [{k: q[k] for k in ("question", "matched", "before_first_run")}
                      for q in self.questions],
            "key": key,
            "key_asked_before_first_run": [k for k in key if k in early],
            "key_missed": [k for k in key if k not in early],
            "key_questions": {c["id"]: c["question"] for c in bank if c.get("key")},
        }

    def next_hint(self) -> str | None:
        """The next hint not shown yet, or None when all were shown."""
        if self.hints_shown >= len(self.exercise.hints):
            return None
        self.hints_shown += 1
        return self.exercise.hints[self.hints_shown - 1]

    def summary(self) -> dict[str, Any]:
        elapsed = self.elapsed
        return {
            "exercise_id": self.exercise.id,
            "title": self.exercise.title,
            "lang": self.language.id,
            "file": str(self.path),
            "started_at": self.started_at,
            "elapsed_seconds": round(elapsed, 1),
            "target_seconds": self.target_seconds if self.timed else None,
            "timed": self.timed,
            "passed": self.passed,
            "total": self.total,
            "solved": self.solved,
            "runs": self.runs,
            "hints_shown": self.hints_shown,
            "within_target": (
                self.solved and elapsed <= (self.target_seconds or 0) if self.timed else None
            ),
            "attempt_id": self.saved_id,
            "session_id": self.session_id,
            "clarifications": self.clarifications(),
            "questions_asked": len(self.questions),
            "nudges": list(self.nudging.used),
            "nudges_available": self.nudging.available,
            "offers": list(self.nudging.offers),
            "step_backs": len(self.nudging.step_backs),
            "result": nudge_words(self.solved, self.nudging.used),
            "runs_timeline": list(self.timeline),
            "think_aloud": self.think_aloud,
            "feedback": self.feedback,
        }

    def save(self, store: Store) -> int:
        """Record the attempt (once; later calls return the same id)."""
        if self.saved_id is None:
            self.saved_id = record_attempt(
                store,
                exercise_id=self.exercise.id,
                lang=self.language.id,
                started_at=self.started_at,
                elapsed_seconds=self.elapsed,
                passed=self.passed,
                total=self.total,
                solved=self.solved,
                timed=self.timed,
                target_seconds=self.target_seconds if self.timed else None,
                session_id=self.session_id,
                review={"result": nudge_words(self.solved, self.nudging.used),
                        "nudges": self.nudging.used, "offers": self.nudging.offers,
                        "step_backs": len(self.nudging.step_backs),
                        "runs_timeline": self.timeline, "think_aloud": self.think_aloud,
                        "feedback": self.feedback},
            )
            for item in self.questions:
                record_clarification(
                    store, exercise_id=self.exercise.id, question=item["question"],
                    matched=item["matched"], asked_at=item["asked_at"],
                    code_attempt_id=self.saved_id, before_first_run=item["before_first_run"],
                )
        return self.saved_id
