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
READY_SAID = "Are you ready to start?"
READY_ALOUD = "Ready? Say ready (or yes, go), or press Enter for question 1 (Ctrl-C leaves). "
HANDS_FREE = ("hands-free with --speak: say ready to start, no self-review between answers, "
              "ask your questions for the interviewer aloud")
NO_MORE = frozenset({"no", "nope", "none", "nothing", "no questions", "no thanks",
                     "no thank you", "not really", "that's all", "that's it",
                     "no more questions", "i'm good", "all good"})


def no_more(text: str) -> bool:
    """A spoken 'no (more) questions' ("No, thank you." -> True)."""
    from netprep.voice.measures import tokens

    return " ".join(tokens(text)) in NO_MORE


def ask_back_aloud(setup: VoiceSetup) -> str:
    return (f"Up to three, asked aloud one at a time; each ends after {setup.end_silence:g} s "
            f"of silence or on Enter. {setup.end_silence:g} s of silence (or Enter) before "
            "you speak, or saying no, ends the questions.")


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
    """`--voice` at a terminal: record each answer, then the usual self-review.

    With a speaker too (`--voice --speak`) the round is hands-free: "Ready?" is said
    and can be answered aloud, each reply ends after the end silence, the questions
    for the interviewer are asked aloud, and the self-review is left out, so no key
    is needed from the briefing to the summary (Enter still works wherever it did).
    """

    def __init__(self, library: Library, setup: VoiceSetup, console: Console,
                 stream: Callable[[], Any] | None = None):
        super().__init__(library, console)
        self.setup = setup
        self.stream = stream or self._microphone  # tests replay a WAV instead

    @property
    def hands_free(self) -> bool:
        return self.speaker is not None

    def _microphone(self) -> Any:
        from netprep.voice.recorder import SoundDeviceStream

        return SoundDeviceStream(self.setup.rate)

    def briefing(self, plan: Plan) -> None:
        """The model loads while the briefing is read, behind the Ready? prompt."""
        from netprep.ui import prompts

        keys = voice_keys(self.setup) + (f" · {HANDS_FREE}" if self.hands_free else "")
        render_briefing(plan, self.console, interactive=True, keys=keys)
        loading = (*PRELOAD, self.setup.loader)
        try:
            if self.hands_free:
                self._ready_aloud(loading)
            else:
                prompts.wait_for_enter(READY, loading=loading)
        except EOFError:
            raise EndOfAnswers() from None
        self.setup.loader()  # raise a load failure now, before question 1

    def _ready_aloud(self, loading: Any) -> None:
        """"Ready?" said, and answered by saying ready (yes, go) or by Enter."""
        from netprep.ui import prompts
        from netprep.ui.speaking import say
        from netprep.voice.ready import ReadyListener

        say(self.speaker, READY_SAID, "ready")
        listener = ReadyListener(self.setup.loader, self.stream())
        listener.start()
        try:
            aloud = prompts.wait_for_enter_or(READY_ALOUD, listener.heard.is_set, loading)
        finally:
            listener.stop()
        if aloud:
            self.console.print(f"(heard: {listener.said[-1]})", style="dim", markup=False)

    def ask(self, turn: Turn) -> Spoken:  # type: ignore[override]
        self.show(turn)
        self.console.print(voice_keys(self.setup), style="dim", markup=False)
        transcript = self._record(turn, self._label(turn))
        assert transcript is not None
        return _spoken(transcript, turn, self.setup)

    def _label(self, turn: Turn) -> str:
        return (f" Question {turn.item.position} of {turn.total} " if turn.follow_up is None
                else f" Follow-up to question {turn.item.position} ")

    def _record(self, turn: Turn | None, label: str, idle: float | None = None) -> Any:
        """One spoken reply, transcribed; with `idle`, None when no speech began in that
        many seconds (or Enter came first)."""
        from netprep.voice.recorder import Recording
        from netprep.voice.stream import Listener

        listener = Listener(self.setup.loader, self.setup.model_name)
        recording = Recording(self.stream(), listener.feed, self.setup.end_silence)
        listener.start()
        recording.start()
        try:
            self._wait(turn, recording, label, idle)
        except BaseException:  # Ctrl-C: this reply is dropped, the earlier ones are kept
            recording.stop()
            listener.cancel()
            raise
        recording.stop()
        if idle is not None and recording.watch is not None and not recording.watch.started:
            listener.cancel()
            return None
        with self.console.status("Transcribing the last words...", spinner="dots"):
            return listener.finish()

    def _wait(self, turn: Turn | None, recording: Any, label: str,
              idle: float | None = None) -> None:
        """Until Enter, Ctrl-D or the end silence (or `idle` seconds with no speech);
        the toolbar shows the meter and the clock."""
        import contextlib
        import threading

        from prompt_toolkit import PromptSession
        from prompt_toolkit.application.current import get_app_session
        from prompt_toolkit.styles import Style

        from netprep.ui.interview import STYLE

        watch = recording.watch
        tones = ToneClock(self.speaker, turn, self.tones) if turn is not None else None

        def bottom() -> Any:
            if tones is not None:
                tones.tick()
            quiet = watch.quiet if watch is not None else 0.0
            silence = (f" silence {int(quiet)} of {watch.end_seconds:g} s "
                       if watch is not None and quiet >= 1 else "")
            parts = [("class:toolbar.label", label), ("class:rec", " ● REC "),
                     ("", f" {meter(recording.level)} ")]
            if turn is not None:
                state = countdown(turn.target_seconds, turn.elapsed(), turn.timed)
                parts.append((f"class:clock.{state.phase}" if turn.timed
                              else "class:clock.untimed",
                              f" {state.text if turn.timed else 'untimed'} "))
            return [*parts, ("class:toolbar.keys",
                             f"{silence}  Enter: done · Ctrl-C: stop and save")]

        def over() -> bool:
            if watch is None:
                return False
            return watch.ended or (idle is not None and not watch.started
                                   and watch.seconds >= idle)

        app_session = get_app_session()  # whichever prompt runs (a dumb terminal's too)
        done = threading.Event()

        def until_silent() -> None:  # the reply ends by itself after the silence
            while not done.wait(REFRESH_SECONDS / 2):
                app = app_session.app
                if not over() or app is None or app.loop is None:
                    continue

                def leave(app: Any = app) -> None:
                    if app.is_running and app.future is not None and not app.future.done():
                        app.exit(result="")

                with contextlib.suppress(RuntimeError):  # its loop has just closed
                    app.loop.call_soon_threadsafe(leave)

        watcher = threading.Thread(target=until_silent, name="netprep-silence", daemon=True)
        style = Style.from_dict({**STYLE, "rec": "bold #ffffff bg:#d70000"})
        session: PromptSession[str] = PromptSession(
            bottom_toolbar=bottom, refresh_interval=REFRESH_SECONDS, style=style)
        if watch is not None:
            watcher.start()
        try:
            session.prompt("(speaking) ")
        except EOFError:
            pass
        finally:
            done.set()
            if watcher.is_alive():
                watcher.join()

    def review(self, turn: Turn, record: AnswerRecord) -> Review | None:
        render_voice(getattr(record, "voice", None), self.console)
        if self.hands_free:  # no keys in a hands-free round: the feedback, no self-review
            render_feedback(record, self.console)
            render_voice(getattr(record, "follow_up_voice", None), self.console)
            return None
        return super().review(turn, record)

    def questions_for_me(self, keep: Callable[..., None]) -> None:
        """Up to three questions asked aloud, each ending like an answer; silence (or
        Enter) before speaking, or saying "no", means there are none left."""
        from netprep.resume.asking import MAX_QUESTIONS
        from netprep.ui.speaking import say
        from netprep.ui.text import safe

        self.console.print()
        self.console.print(safe(ASK_BACK, "bold"))
        self.console.print(safe(ask_back_aloud(self.setup), "dim"))
        say(self.speaker, ASK_BACK, "questions-for-me")
        for number in range(1, MAX_QUESTIONS + 1):
            transcript = self._record(None, f" Your question {number} ",
                                      idle=self.setup.end_silence)
            if transcript is None or not transcript.text.strip() or no_more(transcript.text):
                return
            voice = transcript.measures()
            render_voice(voice, self.console)
            keep(voice["transcript"], voice)
