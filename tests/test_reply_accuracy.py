"""The reply reader against labelled replies: dev (tuned on) and the blind test split.

Minimums a little under today's figures (benchmarks/reply_accuracy.py prints them), so a
change that reads replies worse fails here. Only pooled figures of the test split are used.
The reader is a model trained on dev (coach.reply_model, benchmarks/reply_train.py) over
the hand cues (coach.reply.hand_codes); both are pinned on dev, and the weights file must
have been trained on the dev file as it is.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "reply_accuracy.py"


@pytest.fixture(scope="module")
def bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("reply_accuracy", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["reply_accuracy"] = module
    spec.loader.exec_module(module)
    return module


def test_the_dev_replies_are_read_as_labelled(bench) -> None:  # type: ignore[no-untyped-def]
    figures, _ = bench.score(bench.load("dev"))
    # d001-d060, e001-e100, f001-f080, g001-g090, h001-h090, i001-i090 (six writers)
    assert figures["replies"] == 510
    # in-sample (the model was trained on dev): 1.000 / 1.000 when it was written
    assert figures["accuracy"] >= 0.97 and figures["verdict_accuracy"] >= 0.98


def test_the_hand_cues_alone_still_read_dev_as_labelled(bench) -> None:  # type: ignore[no-untyped-def]
    """The model's cue features: the hand reader's codes, in-sample on the writers they were
    tuned on (d-g: 0.961 / 0.988) and untouched on the two who wrote after (h, i: 0.656 /
    0.822 when they joined)."""
    from netprep.coach.reply import hand_codes

    items = bench.load("dev")
    for writers, least_exact, least_verdict in (("defg", 0.95, 0.98), ("hi", 0.63, 0.80)):
        mine = [i for i in items if i["id"][0] in writers]
        figures, _ = bench.score(mine, [hand_codes(i["reply"], i["feedback"]) for i in mine])
        assert figures["accuracy"] >= least_exact, (writers, figures["accuracy"])
        assert figures["verdict_accuracy"] >= least_verdict, (writers, figures["verdict_accuracy"])


def test_the_model_was_trained_on_the_dev_file_as_it_is() -> None:
    """Changing tests/data/replies/dev/replies.yaml needs a retrain:
    `pip install -e '.[train]' && python benchmarks/reply_train.py --write`."""
    import hashlib
    import json

    from netprep.coach import reply_model

    dev = Path(__file__).resolve().parent / "data" / "replies" / "dev" / "replies.yaml"
    written = json.loads(reply_model.WEIGHTS.read_text(encoding="utf-8"))
    assert written["dev_sha256"] == hashlib.sha256(dev.read_bytes()).hexdigest(), (
        "the dev replies changed since the reply model was trained: retrain with "
        "python benchmarks/reply_train.py --write")
    assert written["trained_on"] == 510
    assert set(written["codes"]) == set(reply_model.CODES)
    assert all(len(part["weights"]) == len(written["features"])
               for part in written["codes"].values())


def test_the_reader_needs_neither_scikit_learn_nor_numpy() -> None:
    import subprocess

    code = ("import sys\nfrom netprep.coach.reply import read_reply\n"
            "r = read_reply('You are right, I will add [3, 3] as a test.', 'Two loops?')\n"
            "assert 'netprep.coach.reply_model' in sys.modules\n"
            "print(sorted(m for m in ('sklearn', 'numpy', 'scipy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_without_its_weights_the_reader_falls_back_to_the_hand_cues(monkeypatch,  # type: ignore[no-untyped-def]
                                                                     tmp_path) -> None:
    from netprep.coach import reply, reply_model

    monkeypatch.setattr(reply_model, "WEIGHTS", tmp_path / "missing.json")
    text, point = "honestly I ran out of time", "Why not a heap?"
    assert reply.read_reply(text, point).codes == reply.hand_codes(text, point)


def test_the_blind_replies_stay_at_their_measured_level(bench) -> None:  # type: ignore[no-untyped-def]
    items = bench.load("test")
    assert len(items) == 250  # t001-t070 (first writer), j001-j090, k001-k090 (2026-12-08)
    figures, _ = bench.score(items)
    # 0.804 / 0.888 pooled when j and k joined the test split, read by the model they never
    # trained: the weights file predates them
    assert figures["accuracy"] >= 0.78, figures["accuracy"]
    assert figures["verdict_accuracy"] >= 0.87, figures["verdict_accuracy"]
    first = [i for i in items if i["id"][0] == "t"]
    figures, _ = bench.score(first)
    # 0.729 / 0.857 when the model was trained on six writers (0.671 / 0.829 on four)
    assert figures["accuracy"] >= 0.71, figures["accuracy"]
    assert figures["verdict_accuracy"] >= 0.84, figures["verdict_accuracy"]


def test_a_transcript_without_punctuation_is_read_nearly_as_well(bench) -> None:  # type: ignore[no-untyped-def]
    """A recogniser may drop commas and full stops: the dev replies with all of them removed."""
    import re

    items = [dict(item, reply=re.sub(r"[.,;:!?]", "", item["reply"]).lower())
             for item in bench.load("dev")]
    figures, _ = bench.score(items)
    assert figures["accuracy"] >= 0.92, figures["accuracy"]
