"""Issue 24: a spoken coding drill replayed end to end (espeak-ng speech, scripted runs).

The recording is made here: sentences spoken by espeak-ng placed on a silent track
at known times, so the review's silences, habits and timings can be checked.
Skipped only without the voice extra (CI installs it and espeak-ng).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

try:
    import faster_whisper  # noqa: F401
except ImportError:
    if os.environ.get("CI"):
        pytest.fail("the voice extra is not installed in CI", pytrace=False)
    pytest.skip("the voice extra is not installed: pip install -e '.[voice]'",
                allow_module_level=True)

from .test_code_nudges import TWO_SUM_WRONG, reference

SAID = [  # (seconds from the start, what is said)
    (2, "Okay, so my approach is one pass with a hash map from value to index. "
        "Um, for each number I look up the complement."),
    (25, "That should be linear time, and linear space for the map."),
    (45, "Let me run the tests now."),
    (185, "Hmm, the second case failed. Let me try the example with three and three, "
          "an edge case with duplicates."),
]
SECONDS = 260


def drill_wav(path: Path, said: list[tuple[int, str]], seconds: int) -> Path:
    import numpy as np

    from netprep.voice.audio import read_wav, write_wav
    from netprep.voice.evaluate import synthesise

    track = np.zeros(seconds * 16000, dtype=np.float32)
    for n, (at, text) in enumerate(said):
        speech = read_wav(synthesise(text, str(path.with_name(f"{path.stem}-{n}.wav"))))
        track[at * 16000: at * 16000 + len(speech)] = speech
    return write_wav(path, track)


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not shutil.which("espeak-ng"):
        if os.environ.get("CI"):
            pytest.fail("espeak-ng is not installed: .ci/run installs it with apt-get")
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return drill_wav(tmp_path_factory.mktemp("drill") / "drill.wav", SAID, SECONDS)


def test_a_recorded_drill_is_reviewed_on_one_timeline(cli, recording: Path,
                                                      tmp_path: Path) -> None:
    good = reference(cli, tmp_path)
    (tmp_path / "first.py").write_text(TWO_SUM_WRONG, encoding="utf-8")
    events = tmp_path / "events.jsonl"
    events.write_text('{"at": 50, "event": "run", "file": "first.py"}\n'
                      '{"at": 240, "event": "run"}\n', encoding="utf-8")
    result = cli("code", "start", "two-sum", "--audio", str(recording), "--solution",
                 str(good), "--events", str(events), "--reply",
                 "Fair point, sorting would lose the original indices, so I'd keep the map "
                 "and add a test with negative numbers.")
    assert result.code == 0, result.err
    assert "How you thought aloud" in result.out
    assert "right after the first failing run" in result.out.replace("\n", " ")
    [attempt] = json.loads(cli("history", "--json").out)["code_attempts"]
    shown: dict[str, Any] = json.loads(
        cli("history", "show", str(attempt["id"]), "--drill", "--json").out)
    review = shown["think_aloud"]
    assert {"talk_share", "silences", "approach_before_first_run", "complexity_said",
            "tests_said", "fillers_per_min", "transcript"} <= set(review)
    assert review["approach_before_first_run"] and review["complexity_said"]
    assert review["tests_said"]
    assert 0.05 <= review["talk_share"] <= 0.4
    # quiet from just after "Let me run the tests now" (about 0:47) to 3:05
    [silence] = [s for s in review["silences"] if 40 <= s["start"] <= 60]
    assert 120 <= silence["seconds"] <= 145 and silence["after"] == "the first failing run"
    texts = " ".join(p["text"] for p in review["transcript"]).lower()
    assert "hash map" in texts and "linear time" in texts
    first = review["transcript"][0]
    assert 1.0 <= first["start"] <= 4.0 and first["end"] > first["start"]
    assert review["fillers_per_min"] > 0
    assert shown["feedback"]["reply"]["verdict"] == "answered well"
    stats = json.loads(cli("stats", "--json").out)
    assert stats["coding"]["think_aloud"]["drills"] == 1


def test_a_quiet_drill_gets_each_habit_as_a_finding(cli, recording: Path,
                                                    tmp_path: Path) -> None:
    quiet = drill_wav(tmp_path / "quiet.wav", [(100, "Okay.")], 200)
    good = reference(cli, tmp_path)
    result = cli("code", "start", "two-sum", "--audio", str(quiet), "--solution", str(good),
                 "--json")
    assert result.code == 0, result.err
    review = json.loads(result.out)["think_aloud"]
    codes = [f["code"] for f in review["findings"]]
    assert {"quiet", "long-silence", "no-approach", "no-complexity", "no-tests"} <= set(codes)
    assert review["silences"][0]["after"] == "the start"


def test_the_live_drill_records_the_microphone_while_the_student_works(
        cli, recording: Path, tmp_path: Path, monkeypatch) -> None:
    """`code start --voice` driven for real: pipe-input keys, a WAV replayed as the microphone."""
    import sys

    from netprep.cli.code_drill import _DrillRecorder
    from netprep.voice.recorder import WavStream

    from .conftest import terminal

    class Replay(WavStream):
        def stop(self) -> None:  # the drill ends once the recording has been "spoken"
            self.done.wait(60)
            super().stop()

    good = reference(cli, tmp_path, "two-sum")
    script = tmp_path / "editor.py"
    script.write_text(f"import shutil, sys\nshutil.copyfile({str(good)!r}, sys.argv[1])\n",
                      encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setattr("netprep.voice.recorder.check_microphone", lambda: 16000)
    monkeypatch.setattr(_DrillRecorder, "_stream", lambda self: Replay(recording, speed=0))
    # The replay is delivered at once; the drill's clock says the recording's length passed.
    from netprep.coding.session import Attempt

    calls: list[int] = []

    def elapsed(self: Attempt) -> float:  # 0 when the recording starts, then its length
        calls.append(1)
        return 0.0 if len(calls) == 1 else float(SECONDS)

    monkeypatch.setattr(Attempt, "elapsed", property(elapsed))
    with terminal("\rGood point, since sorting loses the indices I'd keep the map and test "
                  "duplicates.\r"):
        result = cli("code", "start", "two-sum", "--voice")
    assert result.code == 0, result.err
    assert "How you thought aloud" in result.out
    [attempt] = json.loads(cli("history", "--json").out)["code_attempts"]
    said = " ".join(p["text"] for p in attempt["think_aloud"]["transcript"]).lower()
    assert "hash map" in said
