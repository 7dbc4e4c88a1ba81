"""The countdown's soft tones (`mock --speak`): made with numpy, short and quiet.

- "30 s left": one soft chime, 660 Hz, 0.25 s.
- "time": two soft chimes, 880 Hz, 0.25 s each, 0.1 s apart.

Each chime is a sine that rises over 10 ms and dies away (exponential decay), peaking
at PEAK of full scale (about -18 dBFS), well under the interviewer's voice. Each
chime is shorter than the 0.3 s of sound in a row that starts a spoken answer
(voice.silence), so a tone the microphone hears does not start one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

RATE = 22_050  # the interviewer's voice's rate, so one output stream plays both
PEAK = 0.12
CHIME_SECONDS = 0.25
GAP_SECONDS = 0.1
TONES = {"30s-left": (660.0, 1), "time": (880.0, 2)}  # kind -> (frequency, chimes)


def chime(frequency: float, rate: int = RATE) -> Any:
    import numpy as np

    t = np.arange(int(rate * CHIME_SECONDS), dtype=np.float32) / rate
    attack = np.minimum(1.0, t / 0.01)
    decay = np.exp(-t / (CHIME_SECONDS / 4))
    return (PEAK * attack * decay * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


def tone(kind: str, rate: int = RATE) -> Any:
    """The samples of one tone ("30s-left" or "time"), mono float32 at `rate`."""
    import numpy as np

    frequency, count = TONES[kind]
    one = chime(frequency, rate)
    gap = np.zeros(int(rate * GAP_SECONDS), np.float32)
    parts = [one]
    for _ in range(count - 1):
        parts += [gap, one]
    return np.concatenate(parts)


class Made:
    """Audio already made, read like a Synthesis by the speaker's sinks."""

    def __init__(self, samples: Any, rate: int, text: str = ""):
        self.samples = samples
        self.rate = rate
        self.text = text

    def chunks(self) -> Iterator[Any]:
        yield self.samples
