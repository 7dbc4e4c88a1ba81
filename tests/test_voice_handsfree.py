"""Hands-free rounds: a spoken reply that ends by itself (--end-silence), the countdown's
soft tones (--no-tones), and their bad inputs.

These need numpy (the voice extra) but no speech model; the rounds that transcribe are
in test_voice_speak.py.
"""

from __future__ import annotations

import wave
from pathlib import Path
from types import SimpleNamespace

import pytest

np = pytest.importorskip("numpy")

from netprep.voice.silence import (  # noqa: E402
    SilenceWatch,
    cut_file,
    loudness,
    parse_end_silence,
)

RATE = 16_000


def noise(seconds: float, db: float, seed: int = 0) -> np.ndarray:
    """White noise at `db` dBFS RMS: speech-loud at -20, a quiet room at -60."""
    samples = np.random.default_rng(seed).standard_normal(int(RATE * seconds))
    return (samples * 10 ** (db / 20)).astype(np.float32)


def speech_then(*parts: tuple[str, float], room: float = -60.0) -> np.ndarray:
    """("speech"|"quiet", seconds) pieces: speech at -20 dBFS over the room's noise."""
    pieces = [noise(s, -20.0 if kind == "speech" else room, n) for n, (kind, s) in
              enumerate(parts)]
    return np.concatenate(pieces)


def feed(watch: SilenceWatch, samples: np.ndarray) -> float | None:
    """Feed 0.1 s blocks; the audio time at which the watch said the answer ended."""
    for at in range(0, len(samples), RATE // 10):
        if watch.feed(samples[at:at + RATE // 10]):
            return round(watch.seconds, 1)
    return None


def test_an_answer_ends_after_the_set_silence_once_speech_has_started() -> None:
    watch = SilenceWatch(5)
    audio = speech_then(("quiet", 3), ("speech", 4), ("quiet", 2), ("speech", 2),
                        ("quiet", 8))
    # the 2 s pause mid-answer does not end it; 5 s after the last word does
    assert feed(watch, audio) == 16.0
    assert watch.started and watch.speech_end == pytest.approx(11.0)


def test_silence_before_speaking_never_ends_the_answer_nor_does_a_click() -> None:
    watch = SilenceWatch(2)
    click = speech_then(("quiet", 1), ("speech", 0.2), ("quiet", 10))
    assert feed(watch, click) is None and not watch.started
    from netprep.voice.audio import resample
    from netprep.voice.tones import RATE as TONE_RATE
    from netprep.voice.tones import tone

    heard = SilenceWatch(2)  # the countdown's tones, heard by the microphone
    for kind in ("30s-left", "time"):
        assert feed(heard, np.concatenate([resample(tone(kind), TONE_RATE),
                                           noise(3, -60)])) is None
    assert not heard.started


def test_a_noisy_room_is_not_speech_and_the_answer_still_ends() -> None:
    watch = SilenceWatch(3)
    audio = speech_then(("quiet", 2), ("speech", 3), ("quiet", 4), room=-38.0)
    assert feed(watch, audio) == 8.0


def test_a_file_is_cut_where_the_microphone_would_end_the_reply() -> None:
    audio = speech_then(("quiet", 1), ("speech", 3), ("quiet", 6), ("speech", 2),
                        ("quiet", 1))
    cut = cut_file(audio, 5)
    assert cut.ended_at == 9.0 and len(cut.samples) == 9 * RATE
    assert cut.dropped_speech == 2.0  # said after the pause: reported, not used
    whole = cut_file(audio, 10)
    assert whole.ended_at is None and len(whole.samples) == len(audio)
    trailing = cut_file(speech_then(("speech", 2), ("quiet", 9)), 5)
    assert trailing.ended_at == 7.0 and trailing.dropped_speech == 0.0
    assert loudness(np.zeros(1600, np.float32)) == -120.0


@pytest.mark.parametrize("bad", ["0", "0.5", "61", "-3", "abc", "nan", "inf", ""])
def test_a_bad_end_silence_is_one_sentence_and_exit_2(cli, bad: str, tmp_path) -> None:
    from netprep.errors import UsageError

    with pytest.raises(UsageError):
        parse_end_silence(bad)
    result = cli("mock", "--audio", str(tmp_path / "a.wav"), "--end-silence", bad)
    assert result.code == 2, result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1 and "--end-silence takes seconds from 1 to 60" in lines[0]
    assert f"not '{bad}'" in lines[0] and "Traceback" not in result.err
    assert parse_end_silence("2.5") == 2.5 and parse_end_silence(" 60 ") == 60


def test_end_silence_and_no_tones_need_what_they_change(cli, tmp_path) -> None:
    result = cli("mock", "--end-silence", "3", input="an answer\n")
    assert result.code == 2 and "--voice or --audio" in result.err
    result = cli("mock", "--no-tones", input="an answer\n")
    assert result.code == 2 and "--speak" in result.err
    for flag in (("--end-silence", "3"), ("--no-tones",)):
        result = cli("mock", "--round", "takehome", "--attempt", "1", *flag)
        assert result.code == 2 and flag[0] in result.err
    help_text = cli("mock", "--help").out
    assert "--end-silence" in help_text and "--no-tones" in help_text


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def turn(clock: Clock, target: int, timed: bool = True, follow_up: str | None = None) -> object:
    from netprep.mock.model import Turn

    item = SimpleNamespace(position=2, target_seconds=target)
    return Turn(item, 3, clock, timed, follow_up=follow_up)  # type: ignore[arg-type]


def read(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        data = np.frombuffer(wav.readframes(wav.getnframes()), "<i2")
    return data.astype(np.float32) / 32768, rate


def test_the_countdown_sounds_two_soft_tones_once_each(tmp_path) -> None:
    """Written to --speak-to DIR as WAV files: short, quiet, 660 Hz then 880 Hz twice."""
    from netprep.ui.speaking import ToneClock
    from netprep.voice.speaker import Speaker, WavFolder

    said = tmp_path / "said"
    speaker = Speaker(lambda: None, WavFolder(said))
    clock = Clock()
    tones = ToneClock(speaker, turn(clock, 120), True)
    for at in (0, 60, 89.9, 90, 95, 119.9, 120, 150, 200):
        clock.now = 100.0 + at
        tones.tick()
        if at == 89.9:
            assert not list(said.iterdir())
    names = [p.name for p in sorted(said.iterdir())]
    assert names == ["001-tone-30s-left-2.wav", "002-tone-time-2.wav"]
    for name, frequency, chimes in ((names[0], 660, 1), (names[1], 880, 2)):
        samples, rate = read(said / name)
        assert len(samples) / rate <= 0.6 and np.abs(samples).max() <= 0.15
        spectrum = np.abs(np.fft.rfft(samples))
        assert abs(np.argmax(spectrum) * rate / len(samples) - frequency) < 10
        loud = np.abs(samples) > 0.02
        assert sum(1 for a, b in zip(loud, loud[1:], strict=False) if b and not a) >= chimes


def test_no_tone_when_untimed_off_or_short_and_a_dead_device_stops_nothing(tmp_path) -> None:
    from netprep.ui.speaking import ToneClock
    from netprep.voice.speaker import Speaker, WavFolder

    said = tmp_path / "said"
    speaker = Speaker(lambda: None, WavFolder(said))
    clock = Clock()
    untimed = ToneClock(speaker, turn(clock, 120, timed=False), True)
    off = ToneClock(speaker, turn(clock, 120), False)
    short = ToneClock(speaker, turn(clock, 20, follow_up="And then?"), True)
    clock.now += 300
    for tones in (untimed, off, short):
        tones.tick()
    assert [p.name for p in said.iterdir()] == ["001-tone-time-follow-up-2.wav"]

    class NoDevice:
        def play(self, *args: object) -> object:
            raise OSError("PortAudio: device unavailable")

    gone = ToneClock(Speaker(lambda: None, NoDevice()), turn(clock, 120), True)
    clock.now += 300
    gone.tick()  # no tone, no error: the round goes on
    assert gone.pending == []
