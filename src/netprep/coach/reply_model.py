"""The learned half of the reply reader: one logistic regression per finding code.

The hand cues in `coach.reply` were chosen on the dev replies and carry poorly to a new
writer (each new blind batch read 0.62-0.69 exact before the cues were tuned on it). This
model weighs, per code, the cues' own answers with the reply's words and word pairs, a few
characters' shapes (code, brackets, numbers) and how much of the feedback's vocabulary the
reply takes up; its weights were chosen by leave-one-writer-out cross-validation on dev
(benchmarks/reply_train.py, which needs the `train` extra: scikit-learn) and are shipped in
`reply_model.json`, read here with the standard library only. Pure: text in, scores out.

`features` is the one feature function: the trainer calls it too, so the weights always
match what is computed at run time. The weights file records the SHA-256 of the dev file
it was trained on (tests/test_reply_accuracy.py fails when the dev file changes without a
retrain).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from netprep.coach import lazyre as re

WEIGHTS = Path(__file__).with_name("reply_model.json")
CODES = ("bare-ok", "defensive", "no-acknowledge", "no-reason", "no-change")

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+|[\[\]()=<>+*/%^?!:;,.-]")
_WORDY = re.compile(r"[a-z]+(?:'[a-z]+)?")
_FEEDBACK_ASKS = {
    "why": re.compile(r"\bwhy\b"),
    "when": re.compile(r"\bwhen (would|should|is|does)\b"),
    "how": re.compile(r"\b(what|how|where) (would|could|will|should|do) (you|it)\b|\binstead\?"),
    "question": re.compile(r"\?\s*$"),
    "yes-no": re.compile(r"(^|[.;:?] )(is|does|do|are|can|will|would|should|did) [^?]*\?\s*$"),
}
_STOP = frozenset(
    "the a an and or but if of to in on at for with is are was were be been it its it's this "
    "that these those you your i my me we our they them what which who how why when where "
    "does do did doesn't don't not no yes so as by from can could would should will just "
    "like then than there here there's one all any some very really".split())


def _stems(words: list[str]) -> set[str]:
    return {w[:5] for w in words if w not in _STOP and len(w) > 1}


# The hand reader's detectors that every version of it since the first has had: whether
# each finds anything in the reply is a feature (so a reader of an earlier day, which had
# not seen a writer, can give the features a reply of that writer had before it joined).
def cues(text: str, point: str, reader: Any) -> dict[str, bool]:
    """The hand reader's codes for the reply, from `reader` (`coach.reply`, or an older
    copy of that module: the trainer reads each dev writer with the reader of the day
    before that writer joined, as a new writer is read at run time)."""
    hand = getattr(reader, "hand_codes", None)
    return coded(hand(text, point) if hand else reader.read_reply(text, point).codes)


def coded(codes: list[str]) -> dict[str, bool]:
    """The hand codes as the model's cue features."""
    return {"code:" + code: code in codes for code in CODES}


def features(text: str, point: str, cues: dict[str, bool] | None) -> dict[str, float]:
    """The model's features for the reply `text` to the feedback `point`; `cues` are what
    the hand reader hears in it (None when unknown: those features are then left out)."""
    lower = " ".join(text.replace("\u2019", "'").split()).lower()
    said = point.lower()
    out: dict[str, float] = {"bias": 1.0}
    if cues is not None:
        for name, value in cues.items():
            out["cue:" + name] = 1.0 if value else -1.0
    tokens = ["#" if t.isdigit() else t for t in _TOKEN.findall(lower)]
    words = _WORDY.findall(lower)
    for token in tokens:
        out["w:" + token] = 1.0
    for first, second in zip(tokens, tokens[1:], strict=False):
        out["b:" + first + " " + second] = 1.0
    mine, theirs = _stems(words), _stems(_WORDY.findall(said))
    shared = mine & theirs
    out["ov:share"] = len(shared) / max(1, len(theirs))
    out["ov:new"] = len(mine - theirs) / max(1, len(mine))
    for stem in shared:
        out["ov:" + stem] = 1.0
    out["len:log"] = math.log1p(len(words)) / 5
    out["len:short"] = 1.0 if len(words) <= 12 else 0.0
    for name, pattern in _FEEDBACK_ASKS.items():
        if pattern.search(said):
            out["fb:" + name] = 1.0
            # the same words mean another thing to a why-question
            if name == "why":
                for word in set(words):
                    out["why:" + word] = 1.0
    return out


@lru_cache(maxsize=1)
def load(path: str = "") -> dict[str, Any]:
    """The shipped weights, each code's as a {feature: weight} dict. The file holds
    {"features": [name, ...], "codes": {code: {"bias", "threshold", "weights": [w, ...]}},
    "band", "hand_yes", "dev_sha256", ...}, each code's weights in the features' order."""
    return unpack(json.loads(Path(path or WEIGHTS).read_text(encoding="utf-8")))


def unpack(model: dict[str, Any]) -> dict[str, Any]:
    """A model as written (weights listed in the features' order) as `scores` reads it."""
    names = model.get("features")
    if names is None:
        return model
    out = {k: v for k, v in model.items() if k != "features"}
    out["codes"] = {
        code: dict(part, weights={n: w for n, w in zip(names, part["weights"], strict=True) if w})
        for code, part in model["codes"].items()}
    return out


def read(text: str, point: str, hand: list[str],
         model: dict[str, Any] | None = None) -> list[str]:
    """The codes the model gives the reply (`decide`), given the hand cues' codes `hand`
    (passed in, so this module never imports the reader that imports it)."""
    model = model or load()
    heard = coded(hand)
    return decide(scores(text, point, heard, model), heard, model)


def decide(found: dict[str, float], heard: dict[str, bool] | None,
           model: dict[str, Any]) -> list[str]:
    """Codes from the model's probabilities: each code whose probability passes its
    threshold, except that the hand cue decides where the model is close to it (within
    `band`) and the hand cue's yes stands for the codes in `hand_yes`; bare-ok stands
    alone."""

    def given(code: str) -> bool:
        threshold = model["codes"][code]["threshold"]
        if heard is not None and code in model["hand_yes"] and heard["code:" + code]:
            return True
        if heard is not None and abs(found[code] - threshold) < model["band"]:
            return heard["code:" + code]
        return found[code] > threshold

    if given("bare-ok"):
        return ["bare-ok"]
    return [code for code in CODES if code != "bare-ok" and given(code)]


def scores(text: str, point: str, cues: dict[str, bool] | None,
           model: dict[str, Any] | None = None) -> dict[str, float]:
    """The model's probability of each code for the reply."""
    model = model or load()
    feats = features(text, point, cues)
    out = {}
    for code, part in model["codes"].items():
        weights = part["weights"]
        z = part["bias"] + sum(value * weights.get(name, 0.0) for name, value in feats.items())
        out[code] = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    return out
