"""When a spoken answer ends by itself: a silence of `--end-silence` seconds after speech.

`SilenceWatch` is fed the audio block by block (the microphone's 0.1 s blocks, or a
file cut into the same blocks) and judges each block by its loudness: speech when it
is louder than SPEECH_DB and MARGIN_DB above the quietest block heard so far (the
room's noise), or louder than CAP_DB whatever the noise. The answer has *started*
once START_SECONDS of speech came in a row (a click, a cough or the countdown's
short tone does not start it), and it *ends* once `end_seconds` of non-speech follow.
`cut_file` applies the same rule to a whole recording (`mock --audio`), so a file is
read as the microphone would be.

Pure numpy over samples; no model, no device.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from netprep.voice import SAMPLE_RATE

DEFAULT_END_SILENCE = 5.0  # seconds (`mock --end-silence`)
MIN_END_SILENCE, MAX_END_SILENCE = 1.0, 60.0
SPEECH_DB = -42.0  # a block quieter than this is never speech (dBFS, RMS)
MARGIN_DB = 12.0  # speech is at least this much above the room's noise...
CAP_DB = -30.0  # ...but a block louder than this is always speech
START_SECONDS = 0.3  # speech in a row that starts the answer
BLOCK_SECONDS = 0.1


def loudness(samples: Any) -> float:
    """A block's RMS level in dBFS (-120 for digital silence)."""
    import numpy as np

    if not len(samples):
        return -120.0
    rms = float(np.sqrt(np.mean(np.square(np.asarray(samples, dtype=np.float32)))))
    return 20 * math.log10(rms) if rms > 1e-6 else -120.0


class SilenceWatch:
    """Follows an answer's loudness; `ended` once it has started and then gone quiet."""

    def __init__(self, end_seconds: float = DEFAULT_END_SILENCE):
        self.end_seconds = end_seconds
        self.seconds = 0.0  # audio judged so far
        self.floor = 0.0  # the quietest block so far (dBFS), the room's noise
        self.started = False
        self.ended = False
        self.speech_end = 0.0  # where the last speech block ended (seconds)
        self.began: float | None = None  # where the speech that started the answer began
        self._run = 0.0  # speech in a row
        self._quiet = 0.0  # non-speech in a row

    @property
    def quiet(self) -> float:
        """Seconds of silence since the last speech (0 while speaking or before it starts)."""
        return self._quiet if self.started else 0.0

    def speech(self, db: float) -> bool:
        return db > max(SPEECH_DB, min(self.floor + MARGIN_DB, CAP_DB))

    def feed_level(self, db: float, seconds: float) -> bool:
        """One block's level and length; True once the answer has ended."""
        self.floor = min(self.floor, max(db, -90.0))
        self.seconds += seconds
        if self.ended:
            return True
        if self.speech(db):
            self._run += seconds
            self._quiet = 0.0
            self.speech_end = self.seconds
            if self._run >= START_SECONDS - 1e-9 and not self.started:
                self.started = True
                self.began = self.seconds - self._run
        else:
            self._run = 0.0
            self._quiet += seconds
            if self.started and self._quiet >= self.end_seconds - 1e-9:
                self.ended = True
        return self.ended

    def feed(self, samples: Any, rate: int = SAMPLE_RATE) -> bool:
        return self.feed_level(loudness(samples), len(samples) / rate)


@dataclass(frozen=True)
class Cut:
    """A recording read with the end-silence rule."""

    samples: Any  # what is kept: up to the end of the silence that ended the answer
    ended_at: float | None  # seconds into the file where the answer ended (None: never)
    dropped_speech: float  # seconds of speech in the part after it (0: only silence)


def cut_file(samples: Any, end_seconds: float, rate: int = SAMPLE_RATE) -> Cut:
    """Where the answer in a whole recording ends, as it would at the microphone."""
    block = int(rate * BLOCK_SECONDS)
    watch = SilenceWatch(end_seconds)
    for at in range(0, len(samples), block):
        if watch.feed(samples[at:at + block], rate):
            end = at + block
            rest = SilenceWatch(end_seconds)
            rest.floor = watch.floor
            spoken = 0.0
            for more in range(end, len(samples), block):
                piece = samples[more:more + block]
                if rest.speech(loudness(piece)):
                    spoken += len(piece) / rate
            return Cut(samples[:end], end / rate, round(spoken, 1))
    return Cut(samples, None, 0.0)


def parse_end_silence(text: str | float) -> float:
    """`--end-silence` as seconds, or a UsageError saying what is accepted."""
    from netprep.errors import UsageError

    try:
        value = float(str(text).strip())
    except ValueError:
        value = math.nan
    if not MIN_END_SILENCE <= value <= MAX_END_SILENCE:  # also refuses nan and inf
        raise UsageError(f"--end-silence takes seconds from {MIN_END_SILENCE:g} to "
                         f"{MAX_END_SILENCE:g} (for example 3 or 2.5), not '{text}'.")
    return value
