"""Spoken answers without the speech stack: measures, scoring, WAV checks, clear errors.

These run on every install; the tests that transcribe are in test_voice_transcribe.py.
"""

from __future__ import annotations

import builtins
import sys
import wave
from pathlib import Path

import pytest

from netprep.voice.errors import VoiceError
from netprep.voice.evaluate import filler_hits, normalise, wer
from netprep.voice.measures import Word, count_fillers, measure


def words(*spec: tuple[float, float, str]) -> list[Word]:
    return [Word(*w) for w in spec]


def test_pace_pauses_and_fillers_come_from_word_timestamps() -> None:
    spoken = words((0.5, 0.8, " So"), (0.9, 1.1, " um,"), (1.2, 1.5, " I"),
                   (1.6, 2.0, " fixed"), (4.5, 4.9, " the"), (5.0, 5.5, " build."),
                   (5.6, 5.8, " Uhh,"), (5.9, 30.5, " done."))
    voice = measure(spoken, audio_seconds=31.0, model="tiny.en", target_seconds=120)
    assert voice["words"] == 6  # "um" and "uhh" are fillers, not words
    assert voice["talk_seconds"] == 30.0 and voice["wpm"] == 12
    assert voice["pauses"] == [{"at": 2.0, "seconds": 2.5}]  # 2.5 s between "fixed" and "the"
    assert voice["fillers"] == {"uh": 1, "um": 1}
    assert voice["fillers_per_min"] == 4.0
    assert voice["audio_seconds"] == 31.0 and voice["model"] == "tiny.en"
    assert voice["transcript"] == "So um, I fixed the build. Uhh, done."
    for key in ("transcript", "words", "wpm", "pauses", "fillers", "fillers_per_min",
                "audio_seconds", "model"):
        assert key in voice


def test_a_pause_just_under_two_seconds_is_not_one_and_silence_gives_zeros() -> None:
    spoken = words((0.0, 1.0, "one"), (2.99, 3.5, "two"))
    assert measure(spoken, 4.0, "m")["pauses"] == []
    empty = measure([], 3.0, "m")
    assert empty["words"] == 0 and empty["wpm"] == 0 and empty["fillers"] == {}
    assert empty["transcript"] == ""


def test_whisper_spellings_of_a_hesitation_fold_into_one_kind() -> None:
    assert count_fillers(["Um,", "umm", "Erm...", "uh", "er,", "Hmm.", "summer", "umbrella"]) == {
        "hmm": 1, "uh": 2, "um": 3}


def test_word_error_rate_ignores_case_punctuation_number_spelling_and_fillers() -> None:
    assert wer("We cut it by 50%, um, in 3 days.", "we cut it by fifty percent in three days") == 0
    assert wer("one two three four", "one two four") == 0.25
    assert normalise("Room-booking app") == ["room", "booking", "app"]
    assert filler_hits("so um I uh did it um", "so um I did it") == (1, 3)


def write_wav(path: Path, width: int = 2, rate: int = 16000, frames: int = 1600) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        wav.writeframes(b"\0" * width * frames)
    return path


def test_wav_files_are_checked_before_anything_is_loaded(tmp_path: Path) -> None:
    from netprep.voice.audio import check_wav

    ok = check_wav(write_wav(tmp_path / "ok.wav", rate=44100, frames=44100))
    assert ok.rate == 44100 and ok.seconds == 1.0
    cases = {
        tmp_path / "missing.wav": "does not exist",
        write_wav(tmp_path / "eight.wav", width=1): "8-bit samples, not 16-bit PCM",
        write_wav(tmp_path / "float.wav", width=4): "32-bit samples",
    }
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"MP3 or something else entirely")
    cases[junk] = "not a readable WAV file"
    for path, problem in cases.items():
        with pytest.raises(VoiceError) as caught:
            check_wav(path)
        assert str(path) in str(caught.value) and problem in str(caught.value)


def test_a_missing_extra_is_one_sentence_naming_the_install(monkeypatch) -> None:
    from netprep.voice.errors import require

    monkeypatch.setitem(sys.modules, "faster_whisper", None)
    with pytest.raises(VoiceError) as caught:
        require("faster_whisper")
    from netprep.voice.errors import install_command

    assert f"`{install_command()}`" in str(caught.value)  # the command for this install


def test_mock_audio_without_the_extra_says_what_to_install(cli, monkeypatch, tmp_path) -> None:
    monkeypatch.setitem(sys.modules, "faster_whisper", None)
    result = cli("mock", "--audio", str(write_wav(tmp_path / "a.wav")))
    assert result.code == 1
    from netprep.voice.errors import install_command

    assert install_command() in result.err and "Traceback" not in result.err
    assert cli("history", "--json").out.count('"id"') == 0


def test_no_portaudio_and_no_microphone_are_clear(monkeypatch) -> None:
    from netprep.voice import recorder

    real_import = builtins.__import__

    def no_portaudio(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_portaudio)
    with pytest.raises(VoiceError) as caught:
        recorder.check_microphone()
    assert "PortAudio" in str(caught.value) and "libportaudio2" in str(caught.value)
    monkeypatch.setattr(builtins, "__import__", real_import)

    class NoDevices:
        class PortAudioError(Exception):
            pass

        def query_devices(self, kind: str) -> dict:
            raise self.PortAudioError("Error querying device -1")

    monkeypatch.setitem(sys.modules, "sounddevice", NoDevices())
    with pytest.raises(VoiceError) as caught:
        recorder.check_microphone()
    assert "No microphone was found" in str(caught.value) and "--audio" in str(caught.value)

    class Refused(NoDevices):
        def query_devices(self, kind: str) -> dict:
            return {"name": "Built-in Microphone", "default_samplerate": 44100.0}

        def check_input_settings(self, **settings) -> None:  # type: ignore[no-untyped-def]
            raise self.PortAudioError("Invalid device / permission denied")

    monkeypatch.setitem(sys.modules, "sounddevice", Refused())
    with pytest.raises(VoiceError) as caught:
        recorder.check_microphone()
    assert "Built-in Microphone" in str(caught.value) and "Privacy" in str(caught.value)


def test_voice_without_a_terminal_points_to_audio_files(cli) -> None:
    result = cli("mock", "--voice")
    assert result.code == 1 and "--audio FILE" in result.err and "Traceback" not in result.err


def test_keep_audio_alone_is_a_usage_error(cli) -> None:
    result = cli("mock", "--keep-audio")
    assert result.code == 2 and "--voice or --audio" in result.err


def test_a_model_folder_that_is_not_one_is_refused(monkeypatch, tmp_path) -> None:
    from netprep.voice import model

    monkeypatch.setenv("NETPREP_VOICE_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(VoiceError) as caught:
        model.locate()
    assert "NETPREP_VOICE_MODEL" in str(caught.value) and "model.bin" in str(caught.value)


def test_a_damaged_model_file_is_refused_by_its_digest(tmp_path) -> None:
    from netprep.voice import model

    (tmp_path / "config.json").write_text("{}")
    source = model.ModelSource("tiny.en", tmp_path, {"config.json": "0" * 64})
    with pytest.raises(VoiceError) as caught:
        model.verify(source)
    assert "SHA-256" in str(caught.value) and "config.json" in str(caught.value)
    missing = model.ModelSource("tiny.en", tmp_path, {"model.bin": "0" * 64})
    with pytest.raises(VoiceError, match="cannot be read"):
        model.verify(missing)


def test_no_model_offline_says_how_to_get_one(monkeypatch) -> None:
    from netprep.voice import model

    monkeypatch.delenv("NETPREP_VOICE_MODEL", raising=False)
    monkeypatch.setattr(model, "packaged_model", lambda: None)
    monkeypatch.setattr(model, "_from_cache", lambda name, local_only: None)
    with pytest.raises(VoiceError) as caught:
        model.locate()
    message = str(caught.value)
    from netprep.voice.errors import install_command

    assert "No speech model" in message and install_command() in message
    assert "NETPREP_VOICE_MODEL" in message


def test_a_spoken_answer_is_stored_with_its_voice_and_shown_by_history_and_stats(
        cli, monkeypatch) -> None:
    """The engine's side, with a stand-in interviewer that hands back a Spoken answer."""
    import json

    from netprep.mock.model import Spoken
    from netprep.ui.interview import ScriptedInterviewer

    mock = Path(__file__).parent / "data" / "mock"
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: mock / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(mock / "main"))
    said = "So um I fixed the build and it got 40% faster."
    voice = measure(words((0.0, 0.3, " So"), (0.4, 0.6, " um"), (0.7, 3.0, " I"),
                          (5.5, 6.0, " fixed")), 40.0, "tiny.en", said)

    def speak(self, turn):  # type: ignore[no-untyped-def]
        self.stream.readline()
        return Spoken(said, voice, 40.0)

    monkeypatch.setattr(ScriptedInterviewer, "ask", speak)
    result = cli("mock", "--pack", "mockfix", "--questions", "1", input="\n")
    assert result.code == 0, result.err
    assert "Speaking" in result.out
    [question] = json.loads(cli("history", "show", "1", "--json").out)["questions"]
    assert question["answer"] == said and question["elapsed_seconds"] == 40.0
    assert question["voice"] == json.loads(json.dumps(voice))
    assert question["voice"]["pauses"] == [{"at": 3.0, "seconds": 2.5}]
    stats = json.loads(cli("stats", "--json").out)["mock"]["voice"]
    assert stats["answers"] == 1 and stats["avg_wpm"] == voice["wpm"]
    assert stats["weekly"][-1]["answers"] == 1
    assert stats["avg_fillers_per_min"] == voice["fillers_per_min"]
    text = cli("stats")
    assert text.code == 0 and "spoken answers 1" in text.out
