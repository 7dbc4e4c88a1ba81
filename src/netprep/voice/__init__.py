"""Spoken answers: read or record audio, transcribe it offline, measure how it was said.

Everything heavy (numpy, soxr, faster-whisper, CTranslate2, sounddevice) is imported
inside the functions that need it, so importing this package costs nothing and the
rest of netprep never pays for the speech stack.

- `errors`: the voice failures, each one sentence naming the cause and the fix.
- `audio`: WAV files in and out (16-bit PCM, any rate, resampled to 16 kHz mono).
- `model`: find the Whisper model (env, packaged, by name) and check its SHA-256.
- `transcribe`: voice-activity segments, each decoded with a filler-keeping prompt.
- `stream`: the listener that transcribes segments while the answer is still spoken.
- `recorder`: the input-stream port (sounddevice, or a WAV replayed for tests).
- `measures`: pace, pauses, fillers and talk time from word timestamps (pure).
- `answers`: what `mock --voice/--audio` checks first, kept audio; `evaluate`: WER scoring.

May import `errors` and `paths` (and, inside functions, numpy, soxr, faster_whisper,
sounddevice); never `ui`, `cli` or `mock`: the engine takes its answers as `Spoken`.
"""

SAMPLE_RATE = 16_000  # what Whisper expects; recordings and files are brought to it
