"""The interviewer port for spoken answers: the microphone at a terminal, or WAV files.

`VoiceInterviewer` records each answer while a bottom toolbar shows a level meter
(the microphone is live) and the countdown; Enter or Ctrl-D ends the answer. The
pieces already spoken are transcribed while the answer goes on, so the feedback
follows within a second or two. `AudioFileInterviewer` (`--audio`) takes each
answer from the next file and needs no terminal. Both hand the engine a `Spoken`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from netprep.mock.model import AnswerRecord, Plan, Review, Spoken, Turn
from netprep.mock.session import EndOfAnswers
from netprep.ui.interview import (
    ASK_BACK,
    PRELOAD,
    READY,
    ScriptedInterviewer,
    TerminalInterviewer,
)
from netprep.ui.render_mock import render_briefing, render_feedback
from netprep.ui.render_voice import meter, render_voice
from netprep.ui.timer import countdown

if TYPE_CHECKING:
    from rich.console import Console

    from netprep.content.models import Library
    from netprep.voice.answers import VoiceSetup

VOICE_KEYS = "Speak your answer · Enter (or Ctrl-D) ends it · Ctrl-C stops and saves"
FILES_INPUT = ("one WAV file per answer (--audio), in order: each answer, its follow-up reply, "
               "and last up to three questions for the interviewer; the round ends when they "
               "run out")
REFRESH_SECONDS = 0.1  # the meter moves ten times a second


def _spoken(transcript: Any, turn: Turn, setup: VoiceSetup) -> Spoken:
    voice = transcript.measures(turn.target_seconds)
    if setup.keep_audio:
        from netprep.voice.answers import keep

        voice["audio_file"] = str(keep(transcript.audio, turn.item.position,
                                       follow_up=turn.follow_up is not None))
    return Spoken(voice["transcript"], voice, round(transcript.audio_seconds, 2))


class AudioFileInterviewer(ScriptedInterviewer):
    """`--audio FILE ...`: each answer (and follow-up) is the next file, transcribed."""

    def __init__(self, library: Library, setup: VoiceSetup, console: Console):
        super().__init__(library, None, console)  # type: ignore[arg-type]
        self.setup = setup
        self.queue = list(setup.files)

    def briefing(self, plan: Plan) -> None:
        render_briefing(plan, self.console, interactive=False, keys=FILES_INPUT)
        self.setup.loader()  # a model that cannot load stops here, before any answer

    def ask(self, turn: Turn) -> Spoken:  # type: ignore[override]
        from netprep.voice.answers import transcribe_file

        self.show(turn)
        if not self.queue:
            raise EndOfAnswers()
        path = self.queue.pop(0)
        self.console.print(f"(answer from {path.name})", style="dim", markup=False)
        return _spoken(transcribe_file(self.setup, path), turn, self.setup)

    def review(self, turn: Turn, record: AnswerRecord) -> Review | None:
        render_feedback(record, self.console)
        render_voice(getattr(record, "voice", None), self.console)
        render_voice(getattr(record, "follow_up_voice", None), self.console)
        return None

    def questions_for_me(self, keep: Callable[..., None]) -> None:
        """The files left after the last answer: the questions for the interviewer, one a
        file (up to three), each transcribed and kept with its speaking measures."""
        from netprep.resume.asking import MAX_QUESTIONS
        from netprep.ui.speaking import say
        from netprep.voice.answers import transcribe_file

        if not self.queue:
            return
        self.console.print(ASK_BACK)
        say(self.speaker, ASK_BACK, "questions-for-me")
        for _ in range(MAX_QUESTIONS):
            if not self.queue:
                return
            path = self.queue.pop(0)
            self.console.print(f"(question from {path.name})", style="dim", markup=False)
            voice = transcribe_file(self.setup, path).measures()
            render_voice(voice, self.console)
            keep(voice["transcript"], voice)


class VoiceInterviewer(TerminalInterviewer):
    """`--voice` at a terminal: record each answer, then the usual self-review."""

    def __init__(self, library: Library, setup: VoiceSetup, console: Console,
                 stream: Callable[[], Any] | None = None):
        super().__init__(library, console)
        self.setup = setup
        self.stream = stream or self._microphone  # tests replay a WAV instead

    def _microphone(self) -> Any:
        from netprep.voice.recorder import SoundDeviceStream

        return SoundDeviceStream(self.setup.rate)

    def briefing(self, plan: Plan) -> None:
        """The model loads while the briefing is read, behind the Ready? prompt."""
        from netprep.ui import prompts

        render_briefing(plan, self.console, interactive=True, keys=VOICE_KEYS)
        try:
            prompts.wait_for_enter(READY, loading=(*PRELOAD, self.setup.loader))
        except EOFError:
            raise EndOfAnswers() from None
        self.setup.loader()  # raise a load failure now, before question 1

    def ask(self, turn: Turn) -> Spoken:  # type: ignore[override]
        from netprep.voice.recorder import Recording
        from netprep.voice.stream import Listener

        self.show(turn)
        self.console.print(VOICE_KEYS, style="dim", markup=False)
        listener = Listener(self.setup.loader, self.setup.model_name)
        recording = Recording(self.stream(), listener.feed)
        listener.start()
        recording.start()
        try:
            self._wait(turn, recording)
        except BaseException:  # Ctrl-C: this answer is dropped, the earlier ones are kept
            recording.stop()
            listener.cancel()
            raise
        recording.stop()
        with self.console.status("Transcribing the last words...", spinner="dots"):
            transcript = listener.finish()
        return _spoken(transcript, turn, self.setup)

    def _wait(self, turn: Turn, recording: Any) -> None:
        """Until Enter or Ctrl-D; the toolbar shows the meter and the clock."""
        from prompt_toolkit import PromptSession
        from prompt_toolkit.styles import Style

        from netprep.ui.interview import STYLE

        def bottom() -> Any:
            label = (f" Question {turn.item.position} of {turn.total} " if turn.follow_up is None
                     else f" Follow-up to question {turn.item.position} ")
            state = countdown(turn.target_seconds, turn.elapsed(), turn.timed)
            return [("class:toolbar.label", label), ("class:rec", " ● REC "),
                    ("", f" {meter(recording.level)} "),
                    (f"class:clock.{state.phase}" if turn.timed else "class:clock.untimed",
                     f" {state.text if turn.timed else 'untimed'} "),
                    ("class:toolbar.keys", "  Enter: done · Ctrl-C: stop and save")]

        style = Style.from_dict({**STYLE, "rec": "bold #ffffff bg:#d70000"})
        session: PromptSession[str] = PromptSession(
            bottom_toolbar=bottom, refresh_interval=REFRESH_SECONDS, style=style)
        try:
            session.prompt("(speaking) ")
        except EOFError:
            pass

    def review(self, turn: Turn, record: AnswerRecord) -> Review | None:
        render_voice(getattr(record, "voice", None), self.console)
        return super().review(turn, record)
