"""Running a mock round: ask through the interviewer port, time, analyse, save as it goes."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, Protocol

from netprep.errors import EXIT_INTERRUPTED, NetprepError
from netprep.mock.judge import closed, judge, with_reply
from netprep.mock.model import (
    NO_HINT,
    AnswerRecord,
    Plan,
    Planned,
    Review,
    SessionResult,
    Spoken,
    Turn,
)
from netprep.mock.scoring import (
    auto_checklist,
    clarification_checklist,
    findings_of,
    suggestions,
)

FOLLOW_UP_SECONDS = 60  # the target for a follow-up probe (at most the question's own)


def _draft_context(plan: Plan, started_at: str, session_id: int | None,
                   answer_id: int | None = None) -> dict[str, Any]:
    return {"session_id": session_id, "started_at": started_at, "round": plan.round,
            "timed": plan.timed, "total": plan.total, "seed": plan.seed,
            "settings": plan.settings, "answer_id": answer_id}


class EndOfAnswers(Exception):
    """The interviewer has no more answers (end of stdin, or Ctrl-D at the prompt)."""


class SessionInterrupted(NetprepError):
    """Ctrl-C during a session: what was answered is saved; exit 130."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self, session_id: int | None, answered: int, total: int):
        self.session_id = session_id
        self.answered = answered
        if session_id is None:
            message = "Interrupted before the first answer; nothing was saved."
            hint = None
        else:
            plural = "answer" if total == 1 else "answers"
            message = (f"Interrupted: {answered} of {total} {plural} saved in session "
                       f"{session_id} (marked incomplete).")
            hint = f"See them with `netprep history show {session_id}`."
        super().__init__(message, hint)


class AnswersNotSaved(NetprepError):
    """A store write failed mid-session; the answer not saved travels with the error.

    The session stops there: the command layer keeps `record` in a draft file
    (`netprep history import FILE` saves it later) and names the file.
    """

    def __init__(self, cause: NetprepError, session_id: int | None, plan: Plan,
                 started_at: str, record: AnswerRecord):
        super().__init__(cause.message, cause.hint, cause.exit_code)
        self.session_id = session_id
        self.plan = plan
        self.started_at = started_at
        self.record = record


class Interviewer(Protocol):
    """The I/O port: how a session talks to the person being interviewed."""

    def briefing(self, plan: Plan) -> None:
        """Show the round, count, time per question and tips (may wait until ready)."""

    def ask(self, turn: Turn) -> str | Spoken:
        """Ask the question (or follow-up) and return the typed answer ('' = answered aloud),
        or a `Spoken` answer (its transcript, speaking measures and audio length).

        Raise EndOfAnswers when there is no more input; KeyboardInterrupt propagates.
        """
        ...

    def review(self, turn: Turn, record: AnswerRecord) -> Review | None:
        """Show feedback on the answer; return a self-review, or None when not asked."""
        ...


class Recorder(Protocol):
    """Where answers are saved as they are given (netprep.store.sessions.StoreRecorder)."""

    def start(self, plan: Plan, started_at: str) -> int: ...

    def add(self, session_id: int, record: AnswerRecord) -> int: ...

    def update(self, record: AnswerRecord) -> None: ...

    def finish(self, session_id: int, complete: bool, ended_at: str) -> None: ...


def run_session(
    plan: Plan,
    interviewer: Interviewer,
    recorder: Recorder,
    clock: Callable[[], float] = time.monotonic,
    analyze: Callable[..., Any] | None = None,
    now: Callable[[], str] | None = None,
) -> SessionResult:
    """Run the interview. Raises SessionInterrupted on Ctrl-C after saving what was answered."""
    if now is None:
        from netprep.store.db import now_iso

        now = now_iso
    started_at = now()
    answers: list[AnswerRecord] = []
    session_id: int | None = None
    stopped_early = False

    def saved(call: Callable[[], Any], record: AnswerRecord) -> Any:
        try:
            return call()
        except NetprepError as exc:  # keep what was typed: the caller writes a draft
            raise AnswersNotSaved(exc, session_id, plan, started_at, record) from exc
    try:
        try:
            interviewer.briefing(plan)
        except EndOfAnswers:  # they left at the ready prompt
            stopped_early = True
        for item in [] if stopped_early else plan.items:
            turn = Turn(item, plan.total, clock, plan.timed)
            turn.context = _draft_context(plan, started_at, session_id)
            try:
                reply = interviewer.ask(turn)
            except EndOfAnswers:
                stopped_early = True
                break
            text, voice, elapsed = _unpack(reply, turn)
            record = AnswerRecord(
                position=item.position, question=item.question,
                target_seconds=item.target_seconds, elapsed_seconds=round(elapsed, 2),
                answer=text, answered_at=now(),
                story_id=item.hint.story_id if item.hint else None,
                hint=item.hint.record() if item.hint else dict(NO_HINT), voice=voice,
            )
            if text.strip():
                record.analysis = judge(text, item.question, target_seconds=item.target_seconds,
                                        spoken=voice is not None, analyze=analyze)
            record.checklist = {**auto_checklist(item.question, record),
                                **clarification_checklist(item.question, turn.clarifications)}
            record.findings = findings_of(item.question, record.analysis, record.checklist,
                                          plan.topics)
            if session_id is None:
                session_id = saved(partial(recorder.start, plan, started_at), record)
            record.id = saved(partial(recorder.add, session_id, record), record)
            answers.append(record)
            follow_up, gap = _probe_for(plan, item, record)
            if follow_up:
                probe = Turn(item, plan.total, clock, plan.timed, follow_up=follow_up,
                             target=min(FOLLOW_UP_SECONDS, item.target_seconds))
                probe.context = _draft_context(plan, started_at, session_id, record.id)
                try:
                    probe_text, probe_voice, probe_seconds = _unpack(interviewer.ask(probe),
                                                                     probe)
                except EndOfAnswers:
                    stopped_early = True
                    break
                record.follow_up = follow_up
                record.follow_up_answer = probe_text
                record.follow_up_seconds = round(probe_seconds, 2)
                record.follow_up_voice = probe_voice
                if gap is not None:
                    _read_with_reply(record, item, gap, probe_text, voice is not None, analyze,
                                     plan.topics)
                saved(partial(recorder.update, record), record)
            review = interviewer.review(turn, record)
            if review is not None:
                record.rating = review.rating
                record.checklist = {**record.checklist, **review.checklist}
                record.findings = findings_of(item.question, record.analysis,
                                              record.checklist, plan.topics)
                saved(partial(recorder.update, record), record)
    except KeyboardInterrupt:
        if session_id is not None:
            recorder.finish(session_id, False, now())
        raise SessionInterrupted(session_id, len(answers), plan.total) from None
    complete = not stopped_early and len(answers) == plan.total
    if session_id is not None:
        recorder.finish(session_id, complete, now())
    return SessionResult(session_id, plan, answers, complete, stopped_early, suggestions(answers))


def _unpack(reply: str | Spoken, turn: Turn) -> tuple[str, dict[str, Any] | None, float]:
    """(text, voice measures, seconds taken): a spoken answer's time is its audio's length."""
    if isinstance(reply, Spoken):
        return reply.text, reply.voice, reply.seconds
    return reply, None, turn.elapsed()


def _probe_for(plan: Plan, item: Planned, record: AnswerRecord) -> tuple[str | None, str | None]:
    """The follow-up to ask: with --follow-ups, the probe for the gap the analysis found,
    else the question's own follow-up; (probe text, gap code or None)."""
    if not plan.settings.get("follow_ups"):
        return item.follow_up, None
    if record.analysis is not None:
        from netprep.coach.probes import choose_probe

        own = (item.follow_up,) if item.follow_up else tuple(item.question.follow_ups)
        probe = choose_probe(record.analysis, own, challenges=item.question.challenges)
        if probe is not None:
            return probe.text, probe.gap
    return item.follow_up, None


def _read_with_reply(record: AnswerRecord, item: Planned, gap: str, reply: str,
                     spoken: bool, analyze: Callable[..., Any] | None,
                     topics: Mapping[str, str] | None = None) -> None:
    """The probe's reply is part of the answer: both are read as one, so the gap it
    closes leaves the findings and the score and verdict count it. A challenge's reply is
    read as a reply to feedback: heard, reasoned, acted on (`coach.reply`)."""
    record.follow_up_gap = gap
    before = record.analysis
    if before is None or not reply.strip():
        record.follow_up_closed = False
        return
    from netprep.coach.probes import CHALLENGE

    if gap == CHALLENGE:  # a challenge to a complete answer: its reply is read on its own
        from netprep.coach.reply import read_reply

        reading = read_reply(reply, record.follow_up or "")
        record.follow_up_reading = {"answered_well": not reading.findings,
                                    "findings": list(reading.findings)}
        record.follow_up_closed = not reading.findings
        return
    after = judge(with_reply(record.answer, reply), item.question,
                  target_seconds=item.target_seconds, spoken=spoken, analyze=analyze)
    record.follow_up_closed = closed(gap, before, after, item.question.key_points)
    record.analysis = after
    record.checklist = {**record.checklist, **auto_checklist(item.question, record)}
    record.findings = findings_of(item.question, after, record.checklist, topics)
