"""The interviewer speaking: lines synthesised ahead of time, and where the sound goes.

`Speaker.say(text, kind)` sends a line to the sink. Its audio comes from a synthesis
started earlier (`prepare`: the next question is made while the student answers) or,
when none was, is made now, one sentence at a time, so the first sentence sounds
while the rest is made. Sinks: `Player` (the default output device, through
sounddevice) and `WavFolder` (`--speak-to DIR`: one numbered WAV file per line).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from netprep.voice.errors import VoiceError, missing_extra

BLOCK_SECONDS = 0.05  # playback is written in pieces this long, so Enter stops it at once
OUTPUT_HINT = ("Connect a speaker or headphones, or write what the interviewer says to WAV "
               "files with --speak-to DIR.")


class Synthesis:
    """One line being synthesised on its own thread; its sentences are read as they come."""

    def __init__(self, loader: Callable[[], Any], text: str):
        self.text = text
        self.rate = 0  # the voice's sample rate, known before the first sentence
        self._loader = loader
        self._chunks: list[Any] = []
        self._done = False
        self._error: BaseException | None = None
        self._cond = threading.Condition()
        threading.Thread(target=self._run, name="netprep-tts", daemon=True).start()

    def _run(self) -> None:
        try:
            voice = self._loader()
            self.rate = int(voice.config.sample_rate)
            for chunk in voice.synthesize(self.text):
                with self._cond:
                    self._chunks.append(chunk.audio_float_array)
                    self._cond.notify_all()
        except BaseException as exc:  # noqa: BLE001 - raised again to the reader
            self._error = exc
        finally:
            with self._cond:
                self._done = True
                self._cond.notify_all()

    def chunks(self) -> Iterator[Any]:
        """Each sentence's float32 samples, waiting for the next one while it is made."""
        at = 0
        while True:
            with self._cond:
                while at >= len(self._chunks) and not self._done:
                    self._cond.wait()
                if at < len(self._chunks):
                    chunk = self._chunks[at]
                elif self._error is not None:
                    raise self._error
                else:
                    return
            at += 1
            yield chunk


class Sound(Protocol):
    """What a sink plays: a Synthesis, or audio already made (voice.tones.Made)."""

    rate: int

    def chunks(self) -> Iterator[Any]: ...


class Utterance(Protocol):
    first_sound: float | None  # seconds from `say` to the first sample out

    def busy(self) -> bool: ...

    def wait(self) -> None: ...

    def stop(self) -> None: ...


class Sink(Protocol):
    def play(self, synthesis: Sound, kind: str, started: float) -> Utterance: ...


class Speaker:
    """Says lines through a sink; `expect` names the lines to come, in order."""

    def __init__(self, loader: Callable[[], Any], sink: Sink):
        self.loader = loader
        self.sink = sink
        self.said: list[Utterance] = []
        self._ready: dict[str, Synthesis] = {}
        self._order: list[str] = []

    def expect(self, texts: Sequence[str]) -> None:
        """The round's questions and planned follow-ups, in order; the first is made now
        (the voice loads first). Saying one makes the two after it."""
        self._order = [spoken(t) for t in texts]
        if self._order:
            self.prepare(self._order[0])

    def prepare(self, text: str) -> None:
        text = spoken(text)
        if text and text not in self._ready:
            self._ready[text] = Synthesis(self.loader, text)

    def say(self, text: str, kind: str) -> Utterance:
        started = time.perf_counter()
        text = spoken(text)
        synthesis = self._ready.pop(text, None) or Synthesis(self.loader, text)
        if text in self._order:  # the next lines are made while this one is answered
            at = self._order.index(text)
            for line in self._order[at + 1:at + 3]:
                self.prepare(line)
        utterance = self.sink.play(synthesis, kind, started)
        self.said.append(utterance)
        return utterance

    def tone(self, tone: str, kind: str) -> Utterance:
        """A countdown tone ("30s-left" or "time", see voice.tones), not waited for."""
        from netprep.voice.tones import RATE, Made
        from netprep.voice.tones import tone as make

        return self.sink.play(Made(make(tone), RATE), kind, time.perf_counter())


class Written:
    """A line already written to its file."""

    def __init__(self, path: Path, first_sound: float | None):
        self.path = path
        self.first_sound = first_sound

    def busy(self) -> bool:
        return False

    def wait(self) -> None:
        return None

    def stop(self) -> None:
        return None


class WavFolder:
    """`--speak-to DIR`: each line as DIR/NNN-KIND.wav, numbered after any already there."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder).expanduser()
        if self.folder.exists() and not self.folder.is_dir():
            raise VoiceError(f"--speak-to {folder}: {self.folder} is not a folder.",
                             "Give a folder (it is created when missing).")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VoiceError(f"--speak-to {folder}: the folder cannot be created "
                             f"({exc.strerror}).", "Give a folder you can write to.") from exc
        numbers = [int(p.name[:3]) for p in self.folder.glob("[0-9][0-9][0-9]-*.wav")]
        self.count = max(numbers, default=0)

    def play(self, synthesis: Sound, kind: str, started: float) -> Utterance:
        import numpy as np

        from netprep.voice.audio import write_wav

        pieces, first = [], None
        for chunk in synthesis.chunks():
            first = first if first is not None else time.perf_counter() - started
            pieces.append(chunk)
        self.count += 1
        samples = np.concatenate(pieces) if pieces else np.zeros(0, np.float32)
        path = write_wav(self.folder / f"{self.count:03d}-{kind}.wav", samples,
                         rate=synthesis.rate or 22050)
        return Written(path, first)


def _sounddevice() -> Any:
    try:
        import sounddevice
    except ImportError as exc:
        raise missing_extra("sounddevice", "Spoken questions") from exc
    except OSError as exc:  # the module is there but PortAudio is not
        raise VoiceError("Playing the interviewer's voice needs the PortAudio library, "
                         "which is not installed.", OUTPUT_HINT) from exc
    return sounddevice


def check_output() -> None:
    """A VoiceError when there is no PortAudio or no output device."""
    sd = _sounddevice()
    try:
        sd.query_devices(kind="output")
    except (sd.PortAudioError, ValueError) as exc:
        raise VoiceError("No audio output device was found, so the interviewer cannot speak.",
                         OUTPUT_HINT) from exc


class Playing:
    """A line being played on its own thread; `stop` cuts it short."""

    def __init__(self, synthesis: Sound, started: float):
        self.first_sound: float | None = None
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(synthesis, started),
                                        name="netprep-play", daemon=True)
        self._thread.start()

    def _run(self, synthesis: Sound, started: float) -> None:
        sd = _sounddevice()
        stream = None
        try:
            for chunk in synthesis.chunks():
                if stream is None:
                    stream = sd.OutputStream(samplerate=synthesis.rate, channels=1,
                                             dtype="float32")
                    stream.start()
                step = int(synthesis.rate * BLOCK_SECONDS)
                for at in range(0, len(chunk), step):
                    if self._stop.is_set():
                        return
                    stream.write(chunk[at:at + step].reshape(-1, 1))
                    if self.first_sound is None:
                        self.first_sound = time.perf_counter() - started
        except BaseException as exc:  # noqa: BLE001 - raised again by wait()
            self.error = exc
        finally:
            if stream is not None:
                (stream.abort if self._stop.is_set() else stream.stop)()
                stream.close()

    def busy(self) -> bool:
        return self._thread.is_alive()

    def wait(self) -> None:
        self._thread.join()
        if self.error is not None:
            error, self.error = self.error, None
            if isinstance(error, VoiceError):
                raise error
            raise VoiceError(f"The interviewer's voice cannot be played ({error}).",
                             OUTPUT_HINT) from error

    def stop(self) -> None:
        self._stop.set()
        self.wait()


class Player:
    """The default output device."""

    def __init__(self) -> None:
        check_output()

    def play(self, synthesis: Sound, kind: str, started: float) -> Utterance:
        return Playing(synthesis, started)


def spoken(text: str) -> str:
    """What is said for a line on screen: no markdown backticks or emphasis."""
    return " ".join(text.replace("`", "").replace("*", "").split())


def make_speaker(speak_to: str | None) -> Speaker:
    """Check everything before the round (extra, voice file, output device or folder);
    the voice itself loads in the background, when the first line is prepared."""
    from netprep.voice import speech
    from netprep.voice.model import ModelLoader

    source = speech.locate()
    sink: Sink = WavFolder(speak_to) if speak_to is not None else Player()
    return Speaker(ModelLoader(source, loads=speech.load), sink)
