""""Ready?" answered aloud (`mock --voice --speak`): listen for "ready", "yes" or "go".

`ReadyListener` records from the microphone while the Ready? prompt waits for Enter.
Each short utterance (speech, then READY_SILENCE seconds of quiet, or UTTERANCE_MAX
seconds of speech) is decoded with the packaged speech model, offline; once one of
READY_WORDS is heard, `heard` is set. Nothing is kept.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from netprep.voice import SAMPLE_RATE
from netprep.voice.measures import tokens

READY_WORDS = frozenset({"ready", "yes", "yeah", "yep", "go", "okay", "ok", "start"})
READY_SILENCE = 0.6  # seconds of quiet that close an utterance
UTTERANCE_MAX = 4.0  # a longer one is decoded as it is
LEAD_SECONDS = 0.3  # audio kept before the speech began (its first sound)


def says_ready(text: str) -> bool:
    """True when a transcript holds one of READY_WORDS ("Yes, I'm ready." -> True)."""
    return any(word in READY_WORDS for word in tokens(text))


class ReadyListener:
    """Listens on `stream` (an InputStream) until stopped; `heard` once ready is said."""

    def __init__(self, loader: Callable[[], Any], stream: Any):
        self.loader = loader
        self.stream = stream
        self.heard = threading.Event()
        self.said: list[str] = []  # what each utterance was heard as
        self._queue: queue.Queue = queue.Queue()
        self._recording: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from netprep.voice.recorder import Recording

        self._thread = threading.Thread(target=self._work, name="netprep-ready", daemon=True)
        self._thread.start()
        self._recording = Recording(self.stream, self._queue.put)
        self._recording.start()

    def stop(self) -> None:
        if self._recording is not None:
            self._recording.stop()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join()

    def _work(self) -> None:
        import numpy as np

        from netprep.voice.silence import SilenceWatch

        blocks: list[Any] = []
        watch = SilenceWatch(READY_SILENCE)
        while not self.heard.is_set():
            block = self._queue.get()
            if block is None:
                return
            blocks.append(block)
            watch.feed(block)
            if not watch.started:
                while len(blocks) > 10:  # keep about a second before any speech
                    blocks.pop(0)
                continue
            assert watch.began is not None
            if watch.ended or watch.seconds - watch.began >= UTTERANCE_MAX:
                audio = np.concatenate(blocks)
                start = len(audio) - int((watch.seconds - watch.began + LEAD_SECONDS)
                                         * SAMPLE_RATE)
                self._decode(audio[max(0, start):])
                floor = watch.floor
                blocks, watch = [], SilenceWatch(READY_SILENCE)
                watch.floor = floor

    def _decode(self, audio: Any) -> None:
        try:
            segments, _info = self.loader().transcribe(
                audio, language="en", beam_size=1, without_timestamps=True,
                condition_on_previous_text=False, vad_filter=False, temperature=0.0)
            text = " ".join(s.text.strip() for s in segments)
        except Exception:  # noqa: BLE001 - the model's own error is raised at question 1
            return
        self.said.append(text)
        if says_ready(text):
            self.heard.set()
