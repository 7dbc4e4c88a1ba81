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
from netprep.ui.speaking import ToneClock
from netprep.ui.timer import countdown

if TYPE_CHECKING:
    from rich.console import Console

    from netprep.content.models import Library
    from netprep.voice.answers import VoiceSetup

REFRESH_SECONDS = 0.1  # the meter moves ten times a second


def voice_keys(setup: VoiceSetup) -> str:
    """The briefing's keys for a round answered at the microphone."""
    return (f"Speak your answer · it ends after {setup.end_silence:g} s of silence once you "
            "have started (--end-silence), or on Enter (or Ctrl-D) · Ctrl-C stops and saves")


def files_input(setup: VoiceSetup) -> str:
    """The briefing's input line for --audio files."""
    return ("one WAV file per reply (--audio), in order: each answer, its follow-up reply, "
            "and last up to three questions for the interviewer; the round ends when they "
            f"run out. A reply ends at its first {setup.end_silence:g} s of silence after "
            "speech, as at the microphone (--end-silence)")


def _cut_note(path: Any, cut: Any, setup: VoiceSetup) -> str | None:
    """What a long pause left out of a file, said so that nothing is dropped unseen."""
    from netprep.text import clock

    if not cut.dropped_speech:
        return None
    return (f"{path.name}: the reply ended at {clock(cut.ended_at)}, after "
            f"{setup.end_silence:g} s of silence; {cut.dropped_speech:g} s of speech after "
            "it is not used (give a longer --end-silence to keep it).")


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
        render_briefing(plan, self.console, interactive=False, keys=files_input(self.setup))
        self.setup.loader()  # a model that cannot load stops here, before any answer

    def ask(self, turn: Turn) -> Spoken:  # type: ignore[override]
        from netprep.voice.answers import transcribe_file

        self.show(turn)
        if not self.queue:
            raise EndOfAnswers()
        path = self.queue.pop(0)
        self.console.print(f"(answer from {path.name})", style="dim", markup=False)
        transcript, cut = transcribe_file(self.setup, path)
        self._note(path, cut)
        # the tones this reply would have heard, in the order they came
        ToneClock(self.speaker, turn, self.tones).after(transcript.audio_seconds)
        return _spoken(transcript, turn, self.setup)

    def _note(self, path: Any, cut: Any) -> None:
        note = _cut_note(path, cut, self.setup)
        if note:
            self.console.print(note, style="yellow", markup=False)

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
            transcript, cut = transcribe_file(self.setup, path)
            self._note(path, cut)
            voice = transcript.measures()
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

        render_briefing(plan, self.console, interactive=True, keys=voice_keys(self.setup))
        try:
            prompts.wait_for_enter(READY, loading=(*PRELOAD, self.setup.loader))
        except EOFError:
            raise EndOfAnswers() from None
        self.setup.loader()  # raise a load failure now, before question 1

    def ask(self, turn: Turn) -> Spoken:  # type: ignore[override]
        from netprep.voice.recorder import Recording
        from netprep.voice.stream import Listener

        self.show(turn)
        self.console.print(voice_keys(self.setup), style="dim", markup=False)
        listener = Listener(self.setup.loader, self.setup.model_name)
        recording = Recording(self.stream(), listener.feed, self.setup.end_silence)
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
        """Until Enter, Ctrl-D or the end silence; the toolbar shows the meter and the clock."""
        import asyncio

        from prompt_toolkit import PromptSession
        from prompt_toolkit.application import get_app
        from prompt_toolkit.styles import Style

        from netprep.ui.interview import STYLE

        watch = recording.watch
        tones = ToneClock(self.speaker, turn, self.tones)

        def bottom() -> Any:
            tones.tick()
            label = (f" Question {turn.item.position} of {turn.total} " if turn.follow_up is None
                     else f" Follow-up to question {turn.item.position} ")
            state = countdown(turn.target_seconds, turn.elapsed(), turn.timed)
            quiet = watch.quiet if watch is not None else 0.0
            silence = (f" silence {int(quiet)} of {watch.end_seconds:g} s "
                       if watch is not None and quiet >= 1 else "")
            return [("class:toolbar.label", label), ("class:rec", " ● REC "),
                    ("", f" {meter(recording.level)} "),
                    (f"class:clock.{state.phase}" if turn.timed else "class:clock.untimed",
                     f" {state.text if turn.timed else 'untimed'} "),
                    ("class:toolbar.keys", f"{silence}  Enter: done · Ctrl-C: stop and save")]

        async def until_silent(app: Any) -> None:  # the answer ends by itself after the silence
            while watch is not None and not watch.ended:
                await asyncio.sleep(REFRESH_SECONDS / 2)
            if app.is_running and app.future is not None and not app.future.done():
                app.exit(result="")

        def pre_run() -> None:
            if watch is not None:
                app = get_app()
                app.create_background_task(until_silent(app))

        style = Style.from_dict({**STYLE, "rec": "bold #ffffff bg:#d70000"})
        session: PromptSession[str] = PromptSession(
            bottom_toolbar=bottom, refresh_interval=REFRESH_SECONDS, style=style)
        try:
            session.prompt("(speaking) ", pre_run=pre_run)
        except EOFError:
            pass

    def review(self, turn: Turn, record: AnswerRecord) -> Review | None:
        render_voice(getattr(record, "voice", None), self.console)
        return super().review(turn, record)
