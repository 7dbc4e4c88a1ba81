"""The interviewer port's two real implementations: the terminal, and scripted stdin.

`TerminalInterviewer` asks each question in a prompt_toolkit prompt whose bottom
toolbar holds a live countdown. The toolbar is redrawn at most four times a second
(`refresh_interval=0.25`) and recomputes the remaining time from the turn's
monotonic start on every redraw, so it never drifts and costs next to no CPU.
Keys follow `prompts.multiline`, the one free-text convention (README, Keys).

`ScriptedInterviewer` is for scripts and CI: each answer is one line of stdin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from netprep.mock.model import AnswerRecord, Plan, Review, Turn
from netprep.mock.scoring import CHECKLIST, checklist_keys, default_rating, question_kind
from netprep.mock.session import EndOfAnswers
from netprep.ui.render_mock import (
    render_briefing,
    render_feedback,
    render_question,
)
from netprep.ui.speaking import ToneClock, say, say_turn
from netprep.ui.text import safe
from netprep.ui.timer import countdown

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from netprep.content.models import Library

READY = "Ready? Press Enter for question 1; its clock starts then (Ctrl-C leaves). "
PRELOAD = ("prompt_toolkit.shortcuts", "questionary", "netprep.coach.analysis")
REFRESH_SECONDS = 0.25  # at most four redraws a second
# The one convention, plus what an empty answer and Ctrl-D mean in a round.
ANSWER_KEYS = ("Enter: submit · Alt+Enter: new line · empty: answered aloud · "
               "Ctrl-D: end round · Ctrl-C: stop and save")
ASK_BACK = "Do you have any questions for me?"
ASK_BACK_HINT = ("Up to three, one at a time (Enter on an empty line when done). Ask what "
                 "only this interviewer knows: their team, its habits, a recent decision.")
RATINGS = (
    (1, "lost the thread"),
    (2, "weak: parts missing"),
    (3, "okay: got the point across"),
    (4, "good: clear and complete"),
    (5, "strong: would pass this round"),
)
STYLE = {
    "bottom-toolbar": "noreverse",
    "toolbar.label": "bold",
    "clock.ok": "bold #ffffff bg:#005f00",
    "clock.warn": "bold #000000 bg:#ffaf00",
    "clock.over": "bold #ffffff bg:#d70000",
    "clock.untimed": "bold",
    "toolbar.keys": "#8a8a8a",
}


def _names(library: Library) -> dict[str, str]:
    return {c.id: c.name for c in library.competencies.values()}


def toolbar(turn: Turn) -> list[tuple[str, str]]:
    """The bottom toolbar for one turn, recomputed from the monotonic clock on each redraw."""
    if turn.follow_up is None:
        label = f" Question {turn.item.position} of {turn.total} "
    else:
        label = f" Follow-up to question {turn.item.position} "
    if turn.timed:
        state = countdown(turn.target_seconds, turn.elapsed(), True)
        clock_part = (f"class:clock.{state.phase}", f" {state.text} ")
    else:
        clock_part = ("class:clock.untimed", " untimed ")
    return [("class:toolbar.label", label), clock_part]


def _keep_unfinished(text: str, turn: Turn) -> None:
    """Ctrl-C in the middle of an answer: what was on screen goes to a draft file."""
    if not text.strip():
        return
    from netprep.store.db import now_iso
    from netprep.store.sessions import unfinished_markdown
    from netprep.ui.console import message, verbatim
    from netprep.ui.editor import keep_text

    q = turn.item.question
    meta = {**turn.context, "position": turn.item.position, "question_id": q.id,
            "pack_id": q.pack, "question_round": q.round, "text": q.text,
            "competencies": list(q.competencies), "target_seconds": turn.target_seconds,
            "elapsed_seconds": round(turn.elapsed(), 2), "answered_at": now_iso(),
            "follow_up": turn.follow_up}
    path = keep_text(unfinished_markdown(meta, text), "mock-answer", ".md")
    message(f"Your unfinished answer to question {turn.item.position} is kept in a draft; "
            "save it with:")
    verbatim(f"  netprep history import {path}")


def answer_or_clarify(turn: Turn, read: Callable[[], str], console: Console,
                      speaker: Any = None) -> str:
    """Read the answer; a line starting with "?" asks the interviewer, who answers from
    the question's clarifications or, without one that fits, says what it can (a general
    answer, or "make an assumption and state it"). A "?" line never submits an answer:
    the answer is read again, and the clock runs on."""
    bank = turn.item.question.clarifications if turn.follow_up is None else ()
    while True:
        text = read()
        if not text.lstrip().startswith("?"):
            return text
        from netprep.coding.clarify import reply

        asked = text.strip()[1:].strip()
        if not asked:
            console.print(safe("Type ? and your question, for example: ?can the input be empty"))
            continue
        question = turn.item.question  # a design phase counts users apart from sizes
        kind = ("system-design" if getattr(question, "kind", "") == "system-design"
                else question_kind(question))
        found = reply(asked, bank, kind)
        turn.clarifications.append({"question": asked, "matched": found.id})
        console.print(safe("Interviewer:", "bold"),
                      safe(found.answer, "cyan" if found.id else "yellow"))
        say(speaker, found.answer, f"clarification-{turn.item.position}")
        console.print(safe("Your answer (the clock runs on):", "dim"))


class ScriptedInterviewer:
    """No terminal: each answer is one line of `stream`; no self-review prompts."""

    speaker: Any = None  # with --speak: says each question (netprep.voice.speaker.Speaker)
    tones: bool = True  # with a speaker: the countdown's tones (off with --no-tones)

    def __init__(self, library: Library, stream: TextIO, console: Console):
        self.names = _names(library)
        self.stream = stream
        self.console = console

    def briefing(self, plan: Plan) -> None:
        render_briefing(plan, self.console, interactive=False)

    def show(self, turn: Turn) -> None:
        """Put the question on screen (partner mode shows the interviewer's sheet)."""
        if self.speaker is not None:
            self.speaker.loader()  # a voice that cannot load stops before the question
        render_question(turn, self.console, self.names)
        say_turn(self.speaker, turn)

    def ask(self, turn: Turn) -> str:
        self.show(turn)

        def read() -> str:
            line = self.stream.readline()
            if not line:
                raise EndOfAnswers()
            return line.rstrip("\r\n")

        return answer_or_clarify(turn, read, self.console, self.speaker)

    def review(self, turn: Turn, record: AnswerRecord) -> Review | None:
        render_feedback(record, self.console, key_points=True)
        return None

    def questions_for_me(self, keep: Callable[[str], None]) -> None:
        """The line after the last answer: the user's questions, separated by ` | `."""
        from netprep.resume.asking import split_line

        if self.stream is None:  # answers from audio files: no line to read questions from
            return
        self.console.print(ASK_BACK)
        say(self.speaker, ASK_BACK, "questions-for-me")
        line = self.stream.readline()
        for question in split_line(line.rstrip("\r\n")):
            keep(question)


class TerminalInterviewer:
    """A person at a terminal: a live countdown while typing, then a short self-review."""

    speaker: Any = None  # with --speak: says each question (netprep.voice.speaker.Speaker)
    tones: bool = True  # with a speaker: the countdown's tones (off with --no-tones)

    def __init__(self, library: Library, console: Console):
        self.names = _names(library)
        self.console = console

    def _prompt(self, message: str, turn: Turn) -> str:
        from netprep.ui import prompts

        interval = REFRESH_SECONDS if turn.timed else 0.0
        tones = ToneClock(self.speaker, turn, self.tones)

        def bar() -> list[tuple[str, str]]:
            tones.tick()
            return toolbar(turn)

        try:
            return prompts.multiline(message, toolbar=bar, refresh=interval,
                                     style=STYLE, keys=ANSWER_KEYS)
        except EOFError:  # Ctrl-D on an empty prompt (or input closed): stop, keep the rest
            raise EndOfAnswers() from None
        except prompts.InterruptedWithText as stop:
            _keep_unfinished(stop.text, turn)
            raise

    def briefing(self, plan: Plan) -> None:
        """The briefing, then wait for Enter: the first clock starts once they are ready.

        The prompt libraries load in the background while the briefing is read, so the
        ready prompt is on screen at once and the first question follows without delay.
        """
        from netprep.ui import prompts

        render_briefing(plan, self.console, interactive=True)
        try:
            prompts.wait_for_enter(READY, loading=PRELOAD)
        except EOFError:
            raise EndOfAnswers() from None

    def show(self, turn: Turn) -> None:
        """Put the question on screen (partner mode shows the interviewer's sheet)."""
        if self.speaker is not None:
            self.speaker.loader()  # a voice that cannot load stops before the question
        render_question(turn, self.console, self.names)
        say_turn(self.speaker, turn)

    def ask(self, turn: Turn) -> str:
        self.show(turn)
        return answer_or_clarify(turn, lambda: self._prompt("> ", turn), self.console,
                                 self.speaker)

    def review(self, turn: Turn, record: AnswerRecord) -> Review | None:
        from netprep.ui import prompts

        render_feedback(record, self.console)
        question = record.question
        checklist: dict[str, Any] = {}
        if question.round == "technical" and question.key_points:
            covered = prompts.checkbox(
                "Key points you covered:",
                [(point, point) for point in question.key_points],
                checked=record.checklist.get("key_points", []),
            )
            wrong = record.checklist.get("key_points_wrong", [])
            checklist["key_points"] = [p for p in question.key_points if p in covered]
            checklist["key_points_missed"] = [p for p in question.key_points
                                              if p not in covered and p not in wrong]
            checklist["key_points_wrong"] = [p for p in question.key_points
                                             if p in wrong and p not in covered]
        keys = list(checklist_keys(question))  # only what fits this kind of question
        if keys:
            ticked = prompts.checkbox(
                "What did you do?",
                [(CHECKLIST[k], k) for k in keys],
                checked=[k for k in keys if record.checklist.get(k)],
            )
            checklist.update({k: k in ticked for k in keys})
        rating = prompts.select(
            "Rate this answer (Enter accepts the suggestion):",
            [(label, n) for n, label in RATINGS],
            default=default_rating(record),
        )
        return Review(int(rating), checklist)

    def questions_for_me(self, keep: Callable[[str], None]) -> None:
        """As real rounds end: up to three questions, each kept the moment it is asked."""
        from netprep.resume.asking import MAX_QUESTIONS
        from netprep.ui import prompts
        from netprep.ui.text import safe

        self.console.print()
        self.console.print(safe(ASK_BACK, "bold"))
        self.console.print(safe(ASK_BACK_HINT, "dim"))
        say(self.speaker, ASK_BACK, "questions-for-me")
        for number in range(1, MAX_QUESTIONS + 1):
            text = prompts.read_line(f"Your question {number}: ")
            if text is None or not text.strip():
                return
            keep(text)
