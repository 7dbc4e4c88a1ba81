"""Scoring transcripts against scripts: word error rate and filler recall (tests, benchmarks).

Both sides are normalised the same way before they are compared: lower case, no
punctuation, hyphens as spaces, "%" as "percent", and numbers below a thousand
spelt out ("50" and "fifty" are the same word to a listener). Fillers are scored
on their own (recall) and left out of the word error rate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from netprep.voice.measures import FILLER_SPELLINGS, count_fillers

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(number: int) -> str:
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + ("" if not ones else " " + _ONES[ones])
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return _ONES[hundreds] + " hundred" + ("" if not rest else " " + spell(rest))
    return str(number)


def normalise(text: str) -> list[str]:
    text = text.lower().replace("%", " percent ").replace("-", " ").replace("’", "'")
    text = re.sub(r"\d+", lambda m: " " + spell(int(m.group())) + " ", text)
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text)
    return [w for w in words if w not in FILLER_SPELLINGS]


def errors(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    """Word-level edit distance (substitutions + insertions + deletions)."""
    row = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        prev, row[0] = row[:], i
        for j, hyp in enumerate(hypothesis, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ref != hyp))
    return row[-1]


def wer(reference: str, hypothesis: str) -> float:
    ref = normalise(reference)
    return errors(ref, normalise(hypothesis)) / max(1, len(ref))


def filler_hits(reference: str, hypothesis: str) -> tuple[int, int]:
    """(fillers found, fillers said), kind by kind: extra fillers are not credited."""
    said = count_fillers(reference.split())
    heard = count_fillers(hypothesis.split())
    return sum(min(n, heard.get(k, 0)) for k, n in said.items()), sum(said.values())


ESPEAK = ("espeak-ng", "-v", "en-us", "-s", "140", "-g", "3")  # clearest to tiny.en (measured)


def synthesise(text: str, path: str) -> str:
    """Speak `text` into a WAV file with espeak-ng (tests and benchmarks only)."""
    import subprocess

    subprocess.run([*ESPEAK, "-w", str(path), text], check=True, capture_output=True)
    return str(path)


PAUSE_MARK = "[pause]"  # in a labelled answer's script: a silence of PAUSE_SECONDS
PAUSE_SECONDS = 2.5


def unmarked(said: str) -> str:
    """A script without its pause marks: what the words of the answer are."""
    return " ".join(said.replace(PAUSE_MARK, " ").split())


def say_script(loader: Any, said: str) -> Any:
    """A script spoken by a Piper voice (`loader` gives it), with PAUSE_SECONDS of silence
    at each pause mark and half a second before and after: 16 kHz float32 (tests and
    benchmarks only)."""
    import numpy as np

    from netprep.voice.audio import resample
    from netprep.voice.speaker import Synthesis

    pause = np.zeros(int(PAUSE_SECONDS * 16000), np.float32)
    edge = np.zeros(8000, np.float32)
    parts = [edge]
    for n, piece in enumerate(said.split(PAUSE_MARK)):
        if n:
            parts.append(pause)
        if piece.strip():
            synthesis = Synthesis(loader, " ".join(piece.split()))
            chunks = list(synthesis.chunks())
            parts.append(resample(np.concatenate(chunks), synthesis.rate))
    parts.append(edge)
    return np.concatenate(parts)
