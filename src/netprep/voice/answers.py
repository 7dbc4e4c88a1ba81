"""What `mock --voice` and `mock --audio` need before and while a round runs.

`prepare` checks everything that can fail before the first question (the extra,
each --audio file, the microphone, the model), so a failure stops the round with
nothing saved. The model itself loads later, in the background (`setup.loader`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netprep.voice.errors import require
from netprep.voice.silence import DEFAULT_END_SILENCE

AUDIO_DIR = "audio"  # under the data dir, with --keep-audio


@dataclass
class VoiceSetup:
    loader: Any  # ModelLoader: call it to get the model (waits if still loading)
    model_name: str
    files: list[Path] = field(default_factory=list)
    rate: int | None = None  # the microphone's recording rate (--voice)
    keep_audio: bool = False
    end_silence: float = DEFAULT_END_SILENCE  # a reply ends after this much silence


def prepare(files: Sequence[str] = (), live: bool = False, keep_audio: bool = False,
            end_silence: float = DEFAULT_END_SILENCE) -> VoiceSetup:
    from netprep.voice.audio import check_wav
    from netprep.voice.model import ModelLoader, locate

    for module in ("numpy", "soxr", "faster_whisper"):
        require(module)
    checked = [check_wav(f).path for f in files]
    rate = None
    if live:
        from netprep.voice.recorder import check_microphone

        rate = check_microphone()
    source = locate()
    return VoiceSetup(ModelLoader(source), source.name, checked, rate, keep_audio, end_silence)


def audio_dir(create: bool = False) -> Path:
    from netprep.paths import data_dir, ensure_private_dir

    path = data_dir() / AUDIO_DIR
    return ensure_private_dir(path) if create else path


def keep(samples: Any, position: int, follow_up: bool = False) -> Path:
    """Save an answer's audio (0600) as audio/YYYYmmdd-HHMMSS-qN.wav in the data dir."""
    from netprep.voice.audio import write_wav

    stamp = time.strftime("%Y%m%d-%H%M%S")
    name = f"{stamp}-q{position}{'-follow-up' if follow_up else ''}.wav"
    return write_wav(audio_dir(create=True) / name, samples)


def kept_audio() -> list[dict[str, Any]]:
    """Audio kept with --keep-audio: path and size of each file, oldest first."""
    folder = audio_dir()
    if not folder.is_dir():
        return []
    return [{"path": str(p), "bytes": p.stat().st_size}
            for p in sorted(folder.glob("*.wav"))]


def transcribe_file(setup: VoiceSetup, path: Path) -> tuple[Any, Any]:
    """An --audio file -> (Transcript, Cut): the reply ends where the microphone's would,
    after `end_silence` seconds of silence once speech has started (voice.silence)."""
    from netprep.voice.audio import read_wav
    from netprep.voice.silence import cut_file
    from netprep.voice.stream import transcribe_audio

    cut = cut_file(read_wav(path), setup.end_silence)
    return transcribe_audio(setup.loader(), setup.model_name, cut.samples), cut
