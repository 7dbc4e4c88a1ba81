"""WAV files: check and read 16-bit PCM at any rate (to 16 kHz mono float32), write 0600.

`check_wav` uses only the standard library, so every `--audio` file is checked
before the session starts and a bad one stops it with nothing saved.
"""

from __future__ import annotations

import os
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netprep.voice import SAMPLE_RATE
from netprep.voice.errors import VoiceError

if TYPE_CHECKING:
    import numpy as np

FILE_MODE = 0o600


@dataclass(frozen=True)
class WavInfo:
    path: Path
    rate: int
    channels: int
    frames: int

    @property
    def seconds(self) -> float:
        return self.frames / self.rate if self.rate else 0.0


def check_wav(path: str | os.PathLike[str]) -> WavInfo:
    """The file's format, or a VoiceError naming the file and what is wrong with it."""
    file = Path(path)
    if not file.is_file():
        raise VoiceError(f"Audio file {file} does not exist or is not a file.",
                         "Check the path given to --audio.")
    try:
        with wave.open(str(file), "rb") as wav:
            width, rate = wav.getsampwidth(), wav.getframerate()
            channels, frames = wav.getnchannels(), wav.getnframes()
    except PermissionError as exc:
        raise VoiceError(f"Audio file {file} cannot be read: permission denied.",
                         "Make it readable, or give another file.") from exc
    except (wave.Error, EOFError, OSError) as exc:
        raise VoiceError(f"Audio file {file} is not a readable WAV file ({exc}).",
                         "Give a 16-bit PCM WAV, e.g. `sox in.mp3 -b 16 answer.wav`.") from exc
    if width != 2:
        raise VoiceError(f"Audio file {file} has {width * 8}-bit samples, not 16-bit PCM.",
                         f"Convert it, e.g. `sox {file} -b 16 answer.wav`.")
    if rate < 8000 or channels < 1:
        raise VoiceError(f"Audio file {file} has an unusable format ({rate} Hz, "
                         f"{channels} channels).", "Record at 16 kHz or more.")
    return WavInfo(file, rate, channels, frames)


def read_wav(path: str | os.PathLike[str]) -> np.ndarray:
    """The file as 16 kHz mono float32 in [-1, 1] (channels averaged, rate converted)."""
    import numpy as np

    info = check_wav(path)
    try:
        with wave.open(str(info.path), "rb") as wav:
            raw = wav.readframes(info.frames)
    except (wave.Error, EOFError, OSError) as exc:
        raise VoiceError(f"Audio file {info.path} cannot be read ({exc}).",
                         "Give a 16-bit PCM WAV file.") from exc
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if info.channels > 1:
        samples = samples[: len(samples) // info.channels * info.channels]
        samples = samples.reshape(-1, info.channels).mean(axis=1)
    return resample(samples, info.rate)


def resample(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mono float32 at `rate` -> 16 kHz (soxr's high-quality converter)."""
    import numpy as np

    if rate == SAMPLE_RATE:
        return np.ascontiguousarray(samples, dtype=np.float32)
    import soxr

    return np.asarray(soxr.resample(samples, rate, SAMPLE_RATE), dtype=np.float32)


def write_wav(path: Path, samples: Any, rate: int = SAMPLE_RATE) -> Path:
    """Mono 16-bit PCM (16 kHz unless told), created 0600 and written atomically."""
    import numpy as np

    data = (np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0) * 32767).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_name(path.name + ".part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            with wave.open(handle, "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(rate)
                wav.writeframes(data.tobytes())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
