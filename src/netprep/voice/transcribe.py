"""Speech to words: cut the audio at pauses; read each piece twice and keep both strengths.

Whisper leaves "um" and "uh" out unless its prompt shows them, and with such a prompt
it can also skip whole sentences (measured on tests/data/voice/answers.yaml: word
error rate 6-8 % without it, 13-17 % with it). So each piece, cut by voice activity
(Silero VAD, shipped with faster-whisper) at a pause, is decoded twice:
1. plainly, with word timestamps: the words, their times and the transcript;
2. with the filler prompt and no timestamps: only its fillers are taken, and each is
   put into the plain reading after the word it follows there, found by aligning the
   two readings' other words (difflib), so a sentence the prompted reading skipped
   costs nothing. The second reading needs no timestamps, so it costs less than the first.
benchmarks/voice.py prints the word error rate and filler recall of each way.
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
LONG_PAUSE = 1.8  # seconds: a silence this long always ends a piece (a pause is >= 2 s)
PAD_MS = 150


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


@dataclass
class Decoder:
    """Decodes segments with a loaded faster-whisper model.

    `prompt` None: one plain reading (no fillers). `fillers_only`: one prompted reading
    taken as it is (the way that can skip sentences; kept for the benchmark).
    """

    model: Any
    prompt: str | None = FILLER_PROMPT
    beam_size: int = 1
    fillers_only: bool = False
    added: int = field(default=0, init=False)  # fillers taken from the prompted readings

    def _options(self, prompt: str | None, timestamps: bool) -> dict[str, Any]:
        return {"language": "en", "beam_size": self.beam_size, "initial_prompt": prompt,
                "condition_on_previous_text": False, "vad_filter": False,
                "word_timestamps": timestamps, "without_timestamps": not timestamps}

    def _words(self, audio: Any, offset: float, prompt: str | None) -> list[Word]:
        segments, _info = self.model.transcribe(audio, **self._options(prompt, True))
        words: list[Word] = []
        for segment in segments:
            for w in segment.words or []:
                start, end = offset + float(w.start), offset + float(w.end)
                words.append(Word(round(start, 2), round(end, 2), str(w.word)))
        return words

    def _text(self, audio: Any, prompt: str | None) -> str:
        # Greedy only: no retries at higher temperatures, which sample at random; a failed
        # reading here only costs fillers, never words.
        options = {**self._options(prompt, False), "temperature": 0.0}
        segments, _info = self.model.transcribe(audio, **options)
        return " ".join(s.text.strip() for s in segments)

    def decode(self, segment: Segment) -> Piece:
        if self.fillers_only:
            words = self._words(segment.audio, segment.start, self.prompt)
        else:
            words = self._words(segment.audio, segment.start, None)
            if self.prompt:
                before = len(words)
                words = merge_fillers(words, self._text(segment.audio, self.prompt))
                self.added += len(words) - before
        return Piece(words, "".join(w.text for w in words).strip())


def merge_fillers(words: list[Word], prompted: str) -> list[Word]:
    """The plain reading's words with the prompted reading's fillers put where they were said.

    The two readings' non-filler words are aligned; a filler that followed word j of
    the prompted reading goes after the plain word aligned with j (or the nearest
    aligned word before it). A filler the plain reading already has there is not doubled.
    """
    from difflib import SequenceMatcher

    plain = [(i, t) for i, w in enumerate(words) if filler_of(w.text) is None
             for t in tokens(w.text)[:1]]
    heard: list[str] = []
    fillers: list[tuple[int, str, str]] = []  # (lexical words before it, kind, as written)
    for raw in prompted.split():
        kind = filler_of(raw)
        if kind:
            fillers.append((len(heard), kind, raw))
        else:
            heard.extend(tokens(raw)[:1])
    if not fillers:
        return words
    matcher = SequenceMatcher(None, [t for _, t in plain], heard, autojunk=False)
    aligned: dict[int, int] = {}  # prompted lexical index -> plain word index
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            aligned[block.b + k] = plain[block.a + k][0]
    out = list(words)
    inserted = 0
    for before, kind, raw in fillers:
        anchor = next((aligned[j] for j in range(before - 1, -1, -1) if j in aligned), -1)
        at = anchor + 1 + inserted  # position in `out`
        neighbours = out[max(0, at - 1):at + 1]
        if any(filler_of(w.text) == kind for w in neighbours):
            continue
        left = out[at - 1].end if at > 0 else (out[0].start if out else 0.0)
        right = out[at].start if at < len(out) else left + 0.3
        middle = round((left + right) / 2, 2)
        out.insert(at, Word(middle, middle, " " + raw))
        inserted += 1
    return out


class Segmenter:
    """Collects audio as it arrives and hands out pieces cut at pauses.

    `ready()` returns the pieces that can be cut now (the speaker is still talking);
    `ready(final=True)` also returns the rest. Pieces with no speech are dropped.
    `keep=False` (a whole coding drill) lets go of audio once it is handed out, so memory
    and the cost of joining blocks stay those of the last piece, however long the drill.
    """

    def __init__(self, keep: bool = True) -> None:
        import numpy as np

        self._np = np
        self._keep = keep
        self._chunks: list[Any] = []
        self._audio = np.zeros(0, dtype=np.float32)
        self._base = 0  # samples let go of before _audio[0] (keep=False)
        self._cut = 0  # samples before this are already handed out
        self._checked = 0  # length of audio when VAD last ran without a cut

    @property
    def audio(self) -> Any:
        self._join()
        return self._audio

    @property
    def seconds(self) -> float:
        return (self._base + len(self._audio) + sum(len(c) for c in self._chunks)) / SAMPLE_RATE

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
            point: int | None = len(pending)
            if not final or len(pending) > SEGMENT_MAX * rate:
                point = _cut_point(chunks, len(pending), final)
            point = _long_pause(chunks) or point
            if point is None:
                self._checked = len(self._audio)
                break
            piece = [c for c in chunks if c["start"] < point]
            if piece:
                pad = PAD_MS * rate // 1000
                first = max(0, piece[0]["start"] - pad)
                last = min(point, piece[-1]["end"] + pad)
                speech = sum(min(c["end"], point) - c["start"] for c in piece) / rate
                out.append(Segment((self._base + self._cut + first) / rate,
                                   pending[first:last].copy(), float(speech)))
            self._cut += point
        if not self._keep and self._cut:
            self._audio = self._audio[self._cut:].copy()
            self._base += self._cut
            self._checked = max(0, self._checked - self._cut)
            self._cut = 0
        return out


def _speech(audio: Any) -> list[dict[str, int]]:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=MIN_SILENCE_MS, speech_pad_ms=0)
    return list(get_speech_timestamps(audio, options))


def _long_pause(chunks: list[dict[str, int]]) -> int | None:
    """The middle of the first silence of LONG_PAUSE seconds or more between two stretches
    of speech, or None. A piece always ends there: decoded in one window, Whisper would
    stretch the word before the silence into it and the pause would not be measured."""
    gap = int(LONG_PAUSE * SAMPLE_RATE)
    for a, b in zip(chunks, chunks[1:], strict=False):
        if b["start"] - a["end"] >= gap:
            return (a["end"] + b["start"]) // 2
    return None


def _cut_point(chunks: list[dict[str, int]], length: int, final: bool) -> int | None:
    """Where to cut the waiting audio: the latest pause between SEGMENT_MIN and SEGMENT_MAX."""
    rate = SAMPLE_RATE
    low, high = int(SEGMENT_MIN * rate), int(SEGMENT_MAX * rate)
    if not chunks:  # silence only: let it go, keeping a little in case speech starts
        keep = int(0.5 * rate)
        return length - keep if length > keep else (length if final else None)
    gap = MIN_SILENCE_MS * rate // 1000
    points = [(a["end"] + b["start"]) // 2 for a, b in zip(chunks, chunks[1:], strict=False)]
    if length - chunks[-1]["end"] >= gap:
        points.append(min(length, chunks[-1]["end"] + gap))
    fitting = [p for p in points if low <= p <= high]
    if fitting:
        return max(fitting)
    if length >= high:  # no pause where one was wanted: the latest before the limit, or the limit
        earlier = [p for p in points if 0 < p < high]
        return max(earlier) if earlier else high
    return None
