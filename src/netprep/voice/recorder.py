"""The microphone port: an input stream delivering mono float32 blocks to a callback.

`SoundDeviceStream` is the real one (PortAudio through sounddevice); `WavStream`
replays a WAV file block by block, in real time or faster, so the recording path
runs in tests and benchmarks with no microphone. `Recording` ties a stream to the
listener: it resamples to 16 kHz when the device cannot record at that rate, and
keeps the last block's level for the meter that `ui/` draws, and (with
`end_silence`) notes when the answer has gone quiet for that long (voice.silence).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from netprep.voice import SAMPLE_RATE
from netprep.voice.errors import VoiceError, missing_extra

BLOCK_SECONDS = 0.1
PORTAUDIO_HINT = ("Install PortAudio (Debian/Ubuntu: `sudo apt-get install libportaudio2`; "
                  "macOS: `brew install portaudio`), or answer from files with --audio.")
DEVICE_HINT = ("Connect a microphone and allow this terminal to use it (macOS: System Settings "
               "> Privacy & Security > Microphone), or answer from files with --audio.")

Callback = Callable[[Any], None]


class InputStream(Protocol):
    rate: int

    def start(self, callback: Callback) -> None:
        """Begin calling `callback(samples)` with mono float32 blocks from another thread."""

    def stop(self) -> None:
        """Stop and release the device; no callback runs after this returns."""


def _sounddevice() -> Any:
    try:
        import sounddevice
    except ImportError as exc:
        raise missing_extra("sounddevice") from exc
    except OSError as exc:  # the module is there but PortAudio is not
        raise VoiceError("Recording needs the PortAudio library, which is not installed.",
                         PORTAUDIO_HINT) from exc
    return sounddevice


def check_microphone() -> int:
    """The sample rate to record at, or a VoiceError: no PortAudio, no device, no permission."""
    sd = _sounddevice()
    try:
        device = sd.query_devices(kind="input")
    except (sd.PortAudioError, ValueError) as exc:
        raise VoiceError("No microphone was found.", DEVICE_HINT) from exc
    for rate in (SAMPLE_RATE, int(device["default_samplerate"])):
        try:
            sd.check_input_settings(channels=1, dtype="float32", samplerate=rate)
            return rate
        except (sd.PortAudioError, ValueError):
            continue
    raise VoiceError(f"The microphone ({device['name']}) cannot be opened for recording.",
                     DEVICE_HINT)


class SoundDeviceStream:
    """The default input device, mono, at `rate` (16 kHz when the device allows it)."""

    def __init__(self, rate: int | None = None):
        self.rate = rate or check_microphone()
        self._stream: Any = None

    def start(self, callback: Callback) -> None:
        sd = _sounddevice()

        def on_block(indata: Any, frames: int, when: Any, status: Any) -> None:
            callback(indata[:, 0].copy())

        try:
            self._stream = sd.InputStream(samplerate=self.rate, channels=1, dtype="float32",
                                          blocksize=int(self.rate * BLOCK_SECONDS),
                                          callback=on_block)
            self._stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            self._stream = None
            raise VoiceError(f"The microphone cannot be opened ({exc}).", DEVICE_HINT) from exc

    def stop(self) -> None:
        if self._stream is not None:
            try:
                self._stream.stop()
                self._stream.close()
            finally:
                self._stream = None


class WavStream:
    """Replays a WAV file as if spoken: `speed` 1.0 is real time, 0 is as fast as possible."""

    def __init__(self, path: str | Path, speed: float = 1.0):
        from netprep.voice.audio import read_wav

        self.samples = read_wav(path)
        self.rate = SAMPLE_RATE
        self.speed = speed
        self.done = threading.Event()  # set once the whole file has been delivered
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, callback: Callback) -> None:
        block = int(self.rate * BLOCK_SECONDS)

        def play() -> None:
            began = time.monotonic()
            for n, at in enumerate(range(0, len(self.samples), block)):
                if self._stop.is_set():
                    return
                callback(self.samples[at:at + block].copy())
                if self.speed:
                    wait = began + (n + 1) * BLOCK_SECONDS / self.speed - time.monotonic()
                    if wait > 0 and self._stop.wait(wait):
                        return
            self.done.set()

        self._thread = threading.Thread(target=play, name="netprep-wav-stream", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


class Recording:
    """One answer being recorded: blocks go to `sink` (the Listener) at 16 kHz."""

    def __init__(self, stream: InputStream, sink: Callback, end_silence: float | None = None):
        from netprep.voice.silence import SilenceWatch

        self.stream = stream
        self.sink = sink
        # With `end_silence`: `watch.ended` once that much silence followed the speech.
        self.watch = SilenceWatch(end_silence) if end_silence else None
        self.level = 0.0  # 0..1, the last block's loudness (for the meter)
        self.peak = 0.0  # the loudest block so far
        self.seconds = 0.0  # audio received so far
        self._resampler: Any = None
        if stream.rate != SAMPLE_RATE:
            import soxr

            self._resampler = soxr.ResampleStream(stream.rate, SAMPLE_RATE, 1, dtype="float32")

    def _on_block(self, samples: Any) -> None:
        import numpy as np

        self.seconds += len(samples) / self.stream.rate
        if len(samples):
            rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float32))))
            db = 20 * float(np.log10(max(rms, 1e-6)))
            # -60 dBFS (silence) .. 0 dBFS (full scale) mapped onto 0..1
            self.level = max(0.0, min(1.0, 1 + db / 60))
            self.peak = max(self.peak, self.level)
            if self.watch is not None:
                self.watch.feed_level(db if rms > 1e-6 else -120.0,
                                      len(samples) / self.stream.rate)
        if self._resampler is not None:
            samples = self._resampler.resample_chunk(samples)
        self.sink(samples)

    def start(self) -> None:
        self.stream.start(self._on_block)

    def stop(self) -> None:
        self.stream.stop()
        if self._resampler is not None:
            import numpy as np

            self.sink(self._resampler.resample_chunk(np.zeros(0, np.float32), last=True))
