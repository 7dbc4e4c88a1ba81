"""Speech to words: cut the audio at pauses, decode each piece with a filler-keeping prompt.

Whisper leaves "um" and "uh" out unless its prompt shows them; with such a prompt
over a long recording it can also drop whole sentences (the prompt steers every
30 s window that follows). Here the audio is cut by voice activity (Silero VAD,
shipped with faster-whisper) into pieces of SEGMENT_MIN..SEGMENT_MAX seconds, at
pauses, and each piece is decoded on its own with the prompt and without the
previous text: a piece is short enough that the prompt cannot carry it off, and
if a piece still comes back with far fewer words than its speech holds, it is
decoded again without the prompt and the fuller reading kept.
(benchmarks/voice.py prints the word error rate and filler recall of each way.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netprep.voice import SAMPLE_RATE
from netprep.voice.measures import Word, filler_of, tokens

FILLER_PROMPT = "Um, so, uh, I was, um, thinking, er, about it. Uh, well, hmm, yes."
SEGMENT_MIN = 6.0  # seconds: a piece is cut at the last pause after this much audio...
SEGMENT_TRY = 8.0  # ...once this much is waiting...
SEGMENT_MAX = 25.0  # ...and never longer than this (Whisper decodes 30 s at most)
MIN_SILENCE_MS = 300  # a pause this long is a place to cut
PAD_MS = 150
MIN_WORDS_PER_SECOND = 0.9  # below this the prompted reading is suspected of skipping


@dataclass
class Segment:
    start: float  # seconds from the start of the answer
    audio: Any  # float32 samples at 16 kHz
    speech_seconds: float


@dataclass
class Piece:
    """A decoded segment: its words (answer-relative times) and text."""

    words: list[Word]
    text: str
    retried: bool = False


@dataclass
class Decoder:
    """Decodes segments with a loaded faster-whisper model."""

    model: Any
    prompt: str | None = FILLER_PROMPT
    beam_size: int = 1
    retries: int = field(default=0, init=False)

    def _run(self, audio: Any, offset: float, prompt: str | None) -> Piece:
        segments, _info = self.model.transcribe(
            audio, language="en", beam_size=self.beam_size, initial_prompt=prompt,
            condition_on_previous_text=False, word_timestamps=True, vad_filter=False,
        )
        words: list[Word] = []
        texts: list[str] = []
        for segment in segments:
            texts.append(segment.text.strip())
            for w in segment.words or []:
                start, end = offset + float(w.start), offset + float(w.end)
                words.append(Word(round(start, 2), round(end, 2), str(w.word)))
        return Piece(words, " ".join(t for t in texts if t))

    def decode(self, segment: Segment) -> Piece:
        piece = self._run(segment.audio, segment.start, self.prompt)
        if self.prompt and _lexical(piece) < MIN_WORDS_PER_SECOND * segment.speech_seconds:
            plain = self._run(segment.audio, segment.start, None)
            self.retries += 1
            if _lexical(plain) > _lexical(piece):
                plain.retried = True
                return plain
        return piece


def _lexical(piece: Piece) -> int:
    return sum(len(tokens(w.text)) for w in piece.words if filler_of(w.text) is None)


class Segmenter:
    """Collects audio as it arrives and hands out pieces cut at pauses.

    `ready()` returns the pieces that can be cut now (the speaker is still talking);
    `ready(final=True)` also returns the rest. Pieces with no speech are dropped.
    """

    def __init__(self) -> None:
        import numpy as np

        self._np = np
        self._chunks: list[Any] = []
        self._audio = np.zeros(0, dtype=np.float32)
        self._cut = 0  # samples before this are already handed out
        self._checked = 0  # length of audio when VAD last ran without a cut

    @property
    def audio(self) -> Any:
        self._join()
        return self._audio

    @property
    def seconds(self) -> float:
        return (len(self._audio) + sum(len(c) for c in self._chunks)) / SAMPLE_RATE

    def feed(self, samples: Any) -> None:
        self._chunks.append(self._np.asarray(samples, dtype=self._np.float32).reshape(-1))

    def _join(self) -> None:
        if self._chunks:
            self._audio = self._np.concatenate([self._audio, *self._chunks])
            self._chunks = []

    def ready(self, final: bool = False) -> list[Segment]:
        self._join()
        rate = SAMPLE_RATE
        out: list[Segment] = []
        while True:
            pending = self._audio[self._cut:]
            if not len(pending):
                break
            if not final and (len(pending) < SEGMENT_TRY * rate
                              or len(self._audio) - self._checked < rate // 2):
                break
            chunks = _speech(pending)
            if final and len(pending) <= SEGMENT_MAX * rate:
                point = len(pending)
            else:
                point = _cut_point(chunks, len(pending), final)
            if point is None:
                self._checked = len(self._audio)
                break
            piece = [c for c in chunks if c["start"] < point]
            if piece:
                pad = PAD_MS * rate // 1000
                first = max(0, piece[0]["start"] - pad)
                last = min(point, piece[-1]["end"] + pad)
                speech = sum(min(c["end"], point) - c["start"] for c in piece) / rate
                out.append(Segment((self._cut + first) / rate, pending[first:last].copy(), float(speech)))
            self._cut += point
        return out


def _speech(audio: Any) -> list[dict[str, int]]:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=MIN_SILENCE_MS, speech_pad_ms=0)
    return list(get_speech_timestamps(audio, options))


def _cut_point(chunks: list[dict[str, int]], length: int, final: bool) -> int | None:
    """Where to cut the waiting audio: the latest pause between SEGMENT_MIN and SEGMENT_MAX."""
    rate = SAMPLE_RATE
    low, high = int(SEGMENT_MIN * rate), int(SEGMENT_MAX * rate)
    if not chunks:  # silence only: let it go, keeping a little in case speech starts
        keep = int(0.5 * rate)
        return length - keep if length > keep else (length if final else None)
    gap = MIN_SILENCE_MS * rate // 1000
    points = [(a["end"] + b["start"]) // 2 for a, b in zip(chunks, chunks[1:])]
    if length - chunks[-1]["end"] >= gap:
        points.append(min(length, chunks[-1]["end"] + gap))
    fitting = [p for p in points if low <= p <= high]
    if fitting:
        return max(fitting)
    if length >= high:  # no pause where one was wanted: the latest before the limit, or the limit
        earlier = [p for p in points if 0 < p < high]
        return max(earlier) if earlier else high
    return None
