"""The interactive coding drill (`code start`, `mock --coding`) and its scripted replay.

`run_drill()` is the drill at a terminal; `scripted_drill()` runs one from a recording,
a solution file and an events file (`code start ID --audio --solution --events`).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netprep.coding.session import Attempt
    from netprep.content.models import Language, Library

KEYS = ("Enter: run the tests · ?question: ask the interviewer · e: edit · n: a nudge · "
        "b: step back · h: hint · s: statement · q: give up")


# ---------------------------------------------------------------- the drill


def run_drill(
    exercise_id: str | None = None,
    *,
    lang: str = "python",
    timed: bool = True,
    minutes: int | None = None,
    difficulty: str | None = None,
    session_id: int | None = None,
    rng: random.Random | None = None,
    library: Library | None = None,
    in_round: bool = False,
    voice: bool = False,
) -> dict[str, Any]:
    """One interactive coding drill; returns the saved attempt's summary.

    Picks a random exercise (of `difficulty`, preferring unsolved ones) when
    `exercise_id` is None, writes the starter (keeping an existing file), opens
    $VISUAL/$EDITOR if set, then loops: Enter runs the tests, until they all pass
    or the user gives up; n gives a nudge, and the interviewer offers one when the
    drill stalls. Then the interviewer raises one point and reads the reply. The
    attempt is saved (also on Ctrl-C, which is then re-raised) with `session_id`
    linking it to a mock session. `minutes` overrides the exercise's target time.
    `voice`: the microphone is recorded for the whole drill and transcribed as it goes,
    for the think-aloud review. Needs a terminal (NoTerminalError). `in_round`: the
    drill ends a mock round, whose summary shows its result (so the drill's own
    summary table is left out here).
    """
    from netprep.coding.exercises import get_exercise, get_language, pick_exercise, write_starter
    from netprep.coding.session import Attempt
    from netprep.content import load_library
    from netprep.store import open_store
    from netprep.store.code import solved_exercises
    from netprep.ui import prompts
    from netprep.ui.console import message
    from netprep.ui.render_code import render_summary

    prompts.require_terminal(
        "A coding drill", "Use `netprep code test ID` to test a file without prompts."
    )
    library = library or load_library()
    if exercise_id is None:
        with open_store() as store:
            solved = solved_exercises(store)
        exercise = pick_exercise(library, difficulty=difficulty, solved=solved, rng=rng)
    else:
        exercise = get_exercise(library, exercise_id)
    language = get_language(library, exercise, lang)
    consent(library, language, False)
    recorder = _DrillRecorder.prepare() if voice else None
    _header(library, exercise, language, timed, minutes)
    path, created = write_starter(exercise, language)
    message(written(path, created))
    attempt = Attempt(
        exercise,
        language,
        path,
        timed=timed,
        target_seconds=minutes * 60 if minutes else None,
        session_id=session_id,
    )
    if recorder is not None:
        recorder.start(attempt)
        message("Recording: think out loud while you work (nothing leaves this machine).")
    try:
        _loop(attempt, library)
        ended = attempt.elapsed
        _feedback(attempt, recorder)
        if recorder is not None:
            attempt.think_aloud = recorder.review(attempt, ended)
    except KeyboardInterrupt:
        if recorder is not None:
            recorder.cancel()
        _save(attempt)
        raise
    _save(attempt)
    summary = attempt.summary()
    if not in_round:
        render_summary(summary)
    if not attempt.solved and prompts.confirm("See the reference solution?", default=False):
        from netprep.ui.console import out
        from netprep.ui.text import safe

        out().print(safe(exercise.solution[language.id].rstrip()))
    return summary


def _feedback(attempt: Attempt, recorder: _DrillRecorder | None) -> None:
    """The interviewer's point after the drill, and the student's reply (typed or spoken)."""
    from netprep.coding.feedback import choose
    from netprep.coding.scripted import answer
    from netprep.ui import prompts
    from netprep.ui.render_code import render_feedback, render_reply

    try:
        source = attempt.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        source = None
    attempt.feedback = choose(attempt.exercise, attempt.language.id, attempt.last, source,
                              attempt.runs)
    render_feedback(attempt.feedback)
    said_from = attempt.elapsed
    how = "Say your answer, then press Enter (or type it): " if recorder else "Your answer: "
    try:  # the free-text prompt every answer uses (README, Keys): word count, new lines
        typed = prompts.multiline(how).strip()
    except prompts.InterruptedWithText as stop:
        answer(attempt, stop.text)  # Ctrl-C: the reply typed so far is kept with the attempt
        raise
    except EOFError:
        typed = ""
    if not typed and recorder is not None:
        typed = recorder.said_since(said_from, attempt.elapsed)
    reading = answer(attempt, typed)
    if reading is not None:
        render_reply(reading)


class _DrillRecorder:
    """The microphone for a whole drill, transcribed in the background as it goes."""

    def __init__(self, setup: Any, rate: int | None):
        self.setup = setup
        self.rate = rate
        self.recording: Any = None
        self.listener: Any = None
        self.began = 0.0
        self.transcript: Any = None

    @classmethod
    def prepare(cls) -> _DrillRecorder:
        from netprep.voice.answers import prepare

        setup = prepare(live=True)
        return cls(setup, setup.rate)

    def _stream(self) -> Any:
        from netprep.voice.recorder import SoundDeviceStream

        return SoundDeviceStream(self.rate)

    def start(self, attempt: Attempt) -> None:
        from netprep.voice.recorder import Recording
        from netprep.voice.stream import Listener

        self.listener = Listener(self.setup.loader, self.setup.model_name, keep=False)
        self.listener.start()
        self.recording = Recording(self._stream(), self.listener.feed)
        self.began = attempt.elapsed
        self.recording.start()

    def _finish(self) -> Any:
        if self.transcript is None:
            self.recording.stop()
            self.transcript = self.listener.finish()
        return self.transcript

    def said_since(self, start: float, end: float) -> str:
        words = [w for w in self._finish().words if start - self.began <= w.start]
        return " ".join("".join(w.text for w in words).split())

    def review(self, attempt: Attempt, ended: float) -> dict[str, Any]:
        from netprep.coding.thinkaloud import review
        from netprep.voice.measures import Word

        offset = self.began
        words = [Word(w.start + offset, w.end + offset, w.text) for w in self._finish().words
                 if w.start + offset < ended]
        return review(words, ended, attempt.timeline, attempt.nudging.used,
                      attempt.nudging.offers)

    def cancel(self) -> None:
        try:
            if self.recording is not None:
                self.recording.stop()
        finally:
            if self.listener is not None:
                self.listener.cancel()


def scripted_drill(exercise_id: str, *, lang: str, timed: bool, audio: Path | None,
                   solution: Path, events: Path | None, reply: str | None,
                   as_json: bool) -> dict[str, Any]:
    """`code start ID --solution FILE [--audio FILE] [--events FILE] [--reply TEXT]`."""
    from netprep.coding.exercises import get_exercise, get_language
    from netprep.coding.scripted import ScriptError, answer, read_events, replay
    from netprep.content import load_library
    from netprep.store import open_store
    from netprep.store.code import code_attempts

    library = load_library()
    exercise = get_exercise(library, exercise_id)
    language = get_language(library, exercise, lang)
    consent(library, language, False)
    seconds = None
    setup = None
    if audio is not None:
        from netprep.voice.answers import prepare
        from netprep.voice.audio import check_wav

        seconds = check_wav(audio).seconds
        setup = prepare([str(audio)])
    script = read_events(events, seconds) if events is not None else []
    if not solution.is_file():
        raise ScriptError(f"The solution file {solution} does not exist.",
                          "Give the code as it was at the end of the drill with --solution.")
    with open_store() as store:
        turn = len(code_attempts(store, exercise_id=exercise.id))
    attempt = replay(exercise, language, solution, script, seconds or 0.0, timed=timed,
                     turn=turn)
    if setup is not None and audio is not None:
        from netprep.coding.thinkaloud import review
        from netprep.voice.audio import read_wav
        from netprep.voice.stream import transcribe_audio

        # The whole recording (not cut at a silence, as a mock answer's is): it is the drill.
        transcript = transcribe_audio(setup.loader(), setup.model_name, read_wav(audio),
                                      keep=False)
        attempt.think_aloud = review(transcript.words, attempt.elapsed, attempt.timeline,
                                     attempt.nudging.used, attempt.nudging.offers)
    answer(attempt, reply)
    _save(attempt)
    summary = attempt.summary()
    if as_json:
        from netprep.ui.console import print_json

        print_json(summary)
    else:
        from netprep.ui.render_code import render_feedback, render_reply, render_summary

        render_summary(summary)
        if attempt.feedback is not None:
            render_feedback(attempt.feedback)
            if attempt.feedback.get("reply"):
                render_reply(attempt.feedback["reply"])
    return summary


def _header(library: Library, exercise: Any, language: Language, timed: bool,
            minutes: int | None) -> None:
    """The drill's header and statement, before a starter is written or an editor opens."""
    from netprep.coding.exercises import describe
    from netprep.ui.console import message
    from netprep.ui.render_code import render_exercise
    from netprep.ui.timer import clock

    seconds = minutes * 60 if minutes else exercise.minutes * 60
    target = f", target {clock(seconds)}" if timed else ""
    message(f"Coding drill: {exercise.title} ({exercise.difficulty}{target}) in {language.name}.")
    render_exercise(describe(library, exercise), in_drill=True, lang=language.id)


def consent(library: Library, language: Language, allow: bool) -> None:
    """Run a user pack's language only once the user agreed (asked once per command hash)."""
    from netprep.coding import trust

    if allow or not trust.needs_consent(library, language) or trust.is_trusted(language):
        return
    from netprep.ui import prompts
    from netprep.ui.console import message

    if not prompts.is_interactive():
        raise trust.refusal(language)
    message(
        f"The language '{language.id}' ({language.name}) comes from the pack "
        f"'{language.pack}', not from netprep. To test your code it runs, on this machine, "
        f"with your permissions:\n    {trust.command_line(language)}\n"
        "and the pack's own harness program. Only agree if you trust the pack."
    )
    if not prompts.confirm("Run this pack's language? (asked once)", default=False):
        raise trust.UntrustedLanguage(
            f"Not run: the language '{language.id}' was not confirmed.",
            "Use a built-in language (--lang python), or confirm it next time.",
        )
    trust.remember(language)


def written(path: Path, created: bool) -> str:
    if created:
        return f"Wrote a starter file: {path}"
    return f"Keeping your existing attempt: {path}"


def _save(attempt: Attempt) -> None:
    from netprep.store import open_store

    with open_store() as store:
        attempt.save(store)


def _editor() -> list[str] | None:
    """$VISUAL or $EDITOR as an argument list (no fallback: without one, print the path)."""
    import os
    import shlex

    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value) or None
            except ValueError:
                return [value]
    return None


def _edit(attempt: Attempt) -> None:
    import subprocess

    from netprep.ui.console import message

    command = _editor()
    if command is None:
        message(f"Open it in your editor, in another pane or window: {attempt.path}")
        return
    try:
        subprocess.call([*command, str(attempt.path)])
    except OSError as exc:
        message(f"Could not start the editor {command[0]}: {exc.strerror or exc}.")
        message(f"Open it in your editor, in another pane or window: {attempt.path}")


def _ask(attempt: Attempt, question: str) -> None:
    from netprep.ui.console import message
    from netprep.ui.render_code import render_answer

    if not question:
        message("Type ? and your question, for example: ?can the list be empty")
        return
    render_answer(attempt.ask(question).to_dict())


def _toolbar(attempt: Attempt, seen: list[float]) -> str:
    from netprep.coding.nudges import OFFER
    from netprep.ui.timer import countdown

    _notice_edit(attempt, seen)
    attempt.offer_due()  # recorded when it falls due, while the prompt waits
    if attempt.nudging.offer_open:
        return f" Interviewer: {OFFER} n: a nudge · b: step back · Enter: run the tests "
    state = countdown(float(attempt.target_seconds or 0), attempt.elapsed, attempt.timed)
    text = f" {attempt.exercise.title} · {state.text}"
    if state.phase == "over":
        text += " (keep going, or q to stop)"
    if attempt.last is not None:
        text += f" · last run {attempt.last.passed}/{attempt.last.total}"
    return text + " "


def _notice_edit(attempt: Attempt, seen: list[float]) -> None:
    """An edit saved in another window counts as activity (the file's modification time)."""
    try:
        mtime = attempt.path.stat().st_mtime
    except OSError:
        return
    if seen and mtime != seen[0]:
        attempt.edited()
    seen[:] = [mtime]


def _nudge(attempt: Attempt) -> None:
    from netprep.ui.console import message
    from netprep.ui.render_code import render_nudge

    given = attempt.next_nudge()
    if given is None:
        message("No more nudges: try the step-back card (b), or the reference solution "
                "with q.")
        return
    level, text = given
    render_nudge(level, attempt.nudging.available, text)


def _loop(attempt: Attempt, library: Library) -> None:
    from netprep.coding.exercises import describe
    from netprep.coding.nudges import OFFER, STEP_BACK
    from netprep.ui import prompts
    from netprep.ui.console import message
    from netprep.ui.render_code import render_exercise, render_report

    exercise = attempt.exercise
    seen: list[float] = []
    _edit(attempt)
    _notice_edit(attempt, seen)
    message(KEYS)
    while True:
        if attempt.offer_due():
            message(f"Interviewer: {OFFER} (n: a nudge · b: step back · anything else: "
                    "no thanks)")
        raw = prompts.command_line("›", toolbar=lambda: _toolbar(attempt, seen)).strip()
        key = raw.lower()
        _notice_edit(attempt, seen)
        if key not in ("n", "nudge", "b", "back", "step back"):
            attempt.nudging.decline()
        if key.startswith("?"):
            _ask(attempt, raw[1:].strip())
        elif key == "":
            report = attempt.run()
            render_report({"exercise": exercise.id, **report.to_dict()})
            if report.all_passed:
                return
            message(KEYS)
        elif key in ("q", "quit"):
            if attempt.runs == 0:
                render_report({"exercise": exercise.id, **attempt.run().to_dict()})
            return
        elif key in ("e", "edit"):
            _edit(attempt)
            _notice_edit(attempt, seen)
        elif key in ("n", "nudge"):
            _nudge(attempt)
        elif key in ("b", "back", "step back"):
            attempt.step_back()
            message("\n".join(STEP_BACK))
        elif key in ("h", "hint"):
            hint = attempt.next_hint()
            message(f"Hint {attempt.hints_shown}/{len(exercise.hints)}: {hint}" if hint
                    else "No more hints.")
        elif key in ("s", "statement"):
            render_exercise(describe(library, exercise), in_drill=True, lang=attempt.language.id)
        else:
            message(KEYS)
