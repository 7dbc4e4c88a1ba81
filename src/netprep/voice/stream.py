"""From audio to a transcript, while the answer is still being spoken.

`Listener` takes audio blocks from the recorder's thread (`feed` only queues them)
and a worker thread cuts and decodes each piece as soon as a pause closes it, so
when the answer ends only the last few seconds remain to decode. `transcribe_audio`
runs the same steps at once over a whole recording (the `--audio` files).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from netprep.voice import SAMPLE_RATE
from netprep.voice.measures import Word, measure
from netprep.voice.transcribe import FILLER_PROMPT, Decoder, Segmenter


@dataclass
class Transcript:
    words: list[Word]
    text: str
    audio: Any  # the whole answer, 16 kHz mono float32 (kept only with --keep-audio)
    model: str
    segments: int = 0
    fillers_added: int = 0  # fillers taken from the prompted readings
    decode_seconds: float = 0.0  # time spent decoding (for the real-time factor)
    tail_seconds: float = 0.0  # time from the end of the answer to the transcript

    @property
    def audio_seconds(self) -> float:
        return len(self.audio) / SAMPLE_RATE

    def measures(self, target_seconds: float | None = None) -> dict[str, Any]:
        return measure(self.words, self.audio_seconds, self.model, self.text, target_seconds)


class Pipeline:
    """Segmenter + decoder, driven by whoever feeds it (one thread at a time)."""

    def __init__(self, model: Any, model_name: str, prompt: str | None = FILLER_PROMPT,
                 fillers_only: bool = False, keep: bool = True):
        self.segmenter = Segmenter(keep=keep)
        self.decoder = Decoder(model, prompt=prompt, fillers_only=fillers_only)
        self.model_name = model_name
        self.words: list[Word] = []
        self.texts: list[str] = []
        self.segments = 0
        self.decode_seconds = 0.0

    def feed(self, samples: Any) -> None:
        self.segmenter.feed(samples)

    def step(self, final: bool = False) -> None:
        for segment in self.segmenter.ready(final=final):
            started = time.perf_counter()
            piece = self.decoder.decode(segment)
            self.decode_seconds += time.perf_counter() - started
            self.segments += 1
            self.words.extend(piece.words)
            if piece.text:
                self.texts.append(piece.text)

    def finish(self) -> Transcript:
        self.step(final=True)
        return Transcript(self.words, " ".join(self.texts), self.segmenter.audio,
                          self.model_name, self.segments, self.decoder.added,
                          self.decode_seconds)


def transcribe_audio(model: Any, model_name: str, samples: Any, **options: Any) -> Transcript:
    """A whole recording at once (same cuts and decoding as a live answer)."""
    pipeline = Pipeline(model, model_name, **options)
    pipeline.feed(samples)
    started = time.perf_counter()
    transcript = pipeline.finish()
    transcript.tail_seconds = time.perf_counter() - started
    return transcript


_END = object()


@dataclass
class Listener:
    """Decodes in a worker thread while audio arrives; `finish()` waits for the rest."""

    model: Callable[[], Any]  # the ModelLoader: the first piece waits for the load if needed
    model_name: str
    keep: bool = True  # False for a whole coding drill: audio is let go once decoded
    _queue: queue.Queue = field(default_factory=queue.Queue, init=False)
    _error: BaseException | None = field(default=None, init=False)
    _result: Transcript | None = field(default=None, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)
    _cancelled: bool = field(default=False, init=False)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="netprep-listen", daemon=True)
        self._thread.start()

    def feed(self, samples: Any) -> None:
        """Called from the audio thread: only queues a copy."""
        self._queue.put(samples)

    def _work(self) -> None:
        try:
            pipeline = Pipeline(self.model(), self.model_name, keep=self.keep)
            while True:
                item = self._queue.get()
                if item is _END:
                    break
                if self._cancelled:
                    return
                pipeline.feed(item)
                while True:  # take everything already waiting before decoding
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is _END:
                        if not self._cancelled:
                            self._result = pipeline.finish()
                        return
                    pipeline.feed(more)
                pipeline.step()
            if not self._cancelled:
                self._result = pipeline.finish()
        except BaseException as exc:  # noqa: BLE001 - raised again in finish()
            self._error = exc

    def cancel(self) -> None:
        """Ctrl-C: stop decoding after the current piece; the answer is dropped."""
        self._cancelled = True
        self._queue.put(_END)

    def finish(self) -> Transcript:
        """End of the answer: decode what is left and return the whole transcript."""
        started = time.perf_counter()
        self._queue.put(_END)
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        self._result.tail_seconds = time.perf_counter() - started
        return self._result
