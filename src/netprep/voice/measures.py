"""How an answer was spoken, from word timestamps (pure: no audio, no model).

- words: spoken words, fillers left out; wpm: those words per minute of talk,
  talk being the span from the first word's start to the last word's end.
- pauses: silences of PAUSE_SECONDS or more between two words (`at` = where it began).
- fillers: vocal fillers by kind. Whisper spells the same hesitation several ways
  ("umm", "erm"; "uhh", British "er"), so the spellings are folded into um, uh, hmm.
  Hedge words ("just", "kind of") are the coach engine's, counted from the transcript.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

PAUSE_SECONDS = 2.0
FILLER_SPELLINGS = {
    "um": "um", "umm": "um", "ummm": "um", "uhm": "um", "erm": "um", "mm": "um",
    "uh": "uh", "uhh": "uh", "uhhh": "uh", "er": "uh", "err": "uh", "ah": "uh",
    "hmm": "hmm", "hm": "hmm", "hmmm": "hmm",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def filler_of(text: str) -> str | None:
    """The filler kind of one transcribed word ("Um," -> "um"), or None."""
    found = tokens(text)
    return FILLER_SPELLINGS.get(found[0]) if len(found) == 1 else None


def count_fillers(words: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in words:
        for token in tokens(word):
            kind = FILLER_SPELLINGS.get(token)
            if kind:
                counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items()))


def measure(words: Sequence[Word], audio_seconds: float, model: str, transcript: str | None = None,
            target_seconds: float | None = None) -> dict[str, Any]:
    """The `voice` record stored with a spoken answer (see README, history show --json)."""
    spoken = [w for w in words if tokens(w.text)]
    text = transcript if transcript is not None else " ".join(w.text.strip() for w in spoken)
    fillers = count_fillers(w.text for w in spoken)
    lexical = sum(len(tokens(w.text)) for w in spoken if filler_of(w.text) is None)
    talk = max(0.0, spoken[-1].end - spoken[0].start) if spoken else 0.0
    minutes = talk / 60
    pauses = [
        {"at": round(before.end, 1), "seconds": round(after.start - before.end, 1)}
        for before, after in zip(spoken, spoken[1:], strict=False)
        if after.start - before.end >= PAUSE_SECONDS
    ]
    total_fillers = sum(fillers.values())
    record: dict[str, Any] = {
        "transcript": " ".join(text.split()),
        "words": lexical,
        "wpm": round(lexical / minutes) if minutes >= 1 / 60 else 0,
        "pauses": pauses,
        "fillers": fillers,
        "fillers_per_min": round(total_fillers / minutes, 1) if minutes >= 1 / 60 else 0.0,
        "audio_seconds": round(audio_seconds, 1),
        "talk_seconds": round(talk, 1),
        "model": model,
    }
    if target_seconds is not None:
        record["target_seconds"] = int(target_seconds)
    return record
