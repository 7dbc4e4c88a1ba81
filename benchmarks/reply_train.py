"""Train the reply reader's model and measure it by leave-one-writer-out on dev.

    pip install -e '.[train]'          # scikit-learn, for this script only
    python benchmarks/reply_train.py --cv [--variants]
    python benchmarks/reply_train.py --write     # retrain on all of dev, write the weights

Dev (tests/data/replies/dev/replies.yaml) has six writers, told by the id's first letter
(d, e, f, g, h, i). `--cv` trains on five writers and reads the sixth, for each, and prints
per-writer and pooled exact / verdict / precision / recall. The test split is never read.

The hand cues (coach.reply) cannot be cross-validated: they were tuned on d to g, so their
dev figures are in-sample there. What can be measured honestly is how the reader of the day
read a writer before that writer joined dev: the reader at 541e397 read e before its cues
saw e, 88b1cb9 read f, 5b7f948 read g, and 2f56b08 read h and i (written and labelled blind
on 2026-12-08, after the cues last changed); `git show`, so this needs the repository. The
model's cue features are made the same way: each dev reply's cue features come from the
reader before its writer joined (none for d, the first writer, whose replies every reader
saw), so the model learns how far to trust the cues on a writer they have not seen, as at
run time, where every reply is a new writer's.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import reply_accuracy as bench  # noqa: E402

from netprep.coach import reply_model  # noqa: E402

DEV = bench.DATA / "dev" / "replies.yaml"
WRITERS = ("d", "e", "f", "g", "h", "i")
# The reader as it was just before each writer's replies joined dev (see the docstring).
BEFORE = {"e": "541e397", "f": "88b1cb9", "g": "5b7f948", "h": "2f56b08", "i": "2f56b08"}
WORK = ROOT / "benchmarks" / ".work" / "readers"
C = 1.0  # inverse regularisation strength, chosen by --variants (0.3-100 tried; C=3 reads the
# six writers a little better, 0.739 / 0.900 against 0.729 / 0.898, but hears no reason in
# the rubric's own "dict of value to index; each lookup is constant" in test_code_nudges)
# A finding is given above these probabilities (0.35 for the four that combine: chosen by
# --variants, against 0.5, for a better verdict and recall at the same exact accuracy).
# Where the model's probability is within BAND of the threshold, the hand cue decides
# (0.1 costs about 2 dev replies in 330 under --variants and keeps the rubric's own examples
# in tests/test_code_nudges.py read as the rubric reads them; 0.05-0.4 tried).
BAND = 0.1
# Codes where the hand cue's yes stands whatever the model says. On four writers defensive
# was one (its set phrases, "running out of time", "it passed the tests", were too few in a
# writer's examples to teach the model); on six, leaving it to the model reads every
# held-out writer as well or better (--variants: pooled 0.720 / 0.888 -> 0.729 / 0.898).
HAND_YES: tuple[str, ...] = ()
MIN_REPLIES = 2  # chosen by --variants (1, 2, 3 tried)
THRESHOLDS = {"bare-ok": 0.5, "defensive": 0.35, "no-acknowledge": 0.35, "no-reason": 0.35,
              "no-change": 0.35}


def dev_sha256() -> str:
    return hashlib.sha256(DEV.read_bytes()).hexdigest()


def _old_reader(commit: str) -> Any:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"reply_{commit}.py"
    if not path.is_file():
        text = subprocess.run(["git", "-C", str(ROOT), "show",
                               f"{commit}:src/netprep/coach/reply.py"],
                              check=True, capture_output=True, text=True).stdout
        path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"reply_{commit}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


Cues = list[dict[str, bool] | None]


def honest_cues(items: list[dict[str, Any]]) -> Cues:
    """Per reply, what the reader before its writer joined dev hears (None for d)."""
    readers = {w: _old_reader(c) for w, c in BEFORE.items()}
    out: Cues = []
    for item in items:
        old = readers.get(item["id"][0])
        out.append(None if old is None
                   else reply_model.cues(item["reply"], item["feedback"], old))
    return out


def current_cues(items: list[dict[str, Any]]) -> Cues:
    from netprep.coach import reply

    return [reply_model.cues(item["reply"], item["feedback"], reply) for item in items]


def codes_of(cues: dict[str, bool] | None) -> list[str]:
    return [k[5:] for k, v in (cues or {}).items() if k.startswith("code:") and v]


def fit(items: list[dict[str, Any]], cues: Cues, c: float = C,
        min_replies: int | None = None) -> dict[str, Any]:
    """One logistic regression per code, as the weights file holds them."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    min_replies = MIN_REPLIES if min_replies is None else min_replies

    rows = [reply_model.features(i["reply"], i["feedback"], cue)
            for i, cue in zip(items, cues, strict=True)]
    # a feature seen in fewer than MIN_REPLIES training replies is left out (a word of one
    # reply only memorises that reply; it also keeps the weights file small)
    seen: Counter[str] = Counter(name for row in rows for name in row)
    rows = [{n: v for n, v in row.items() if seen[n] >= min_replies} for row in rows]
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(rows)
    names = vectoriser.get_feature_names_out()
    model: dict[str, Any] = {"features": [str(n) for n in names], "codes": {}}
    for code in reply_model.CODES:
        y = [code in i["findings"] for i in items]
        # bare-ok stands alone: learn it against every reply, the others against the
        # replies that are not bare (as they are read)
        keep = [k for k, i in enumerate(items) if code == "bare-ok" or "bare-ok" not in
                i["findings"]]
        learner = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
        learner.fit(x[keep], [y[k] for k in keep])
        model["codes"][code] = {"bias": 0.0, "threshold": THRESHOLDS[code],
                                "weights": [round(float(w), 3) + 0.0 for w in learner.coef_[0]]}
    model["band"] = BAND
    model["hand_yes"] = list(HAND_YES)
    return model


def predict(model: dict[str, Any], items: list[dict[str, Any]],
            cues: Cues) -> list[list[str]]:
    model = reply_model.unpack(model)
    return [reply_model.decide(reply_model.scores(i["reply"], i["feedback"], cue, model),
                               cue, model) for i, cue in zip(items, cues, strict=True)]


def cross_validate(items: list[dict[str, Any]], train_cues: Cues,
                   test_cues: Cues, c: float = C, min_replies: int | None = None,
                   ) -> dict[str, list[list[str]]]:
    """Per held-out writer, the codes the model trained on the others reads its replies as."""
    out = {}
    for writer in WRITERS:
        train = [k for k, i in enumerate(items) if i["id"][0] != writer]
        held = [k for k, i in enumerate(items) if i["id"][0] == writer]
        model = fit([items[k] for k in train], [train_cues[k] for k in train], c, min_replies)
        out[writer] = predict(model, [items[k] for k in held], [test_cues[k] for k in held])
    return out


def table(items: list[dict[str, Any]], by_writer: dict[str, list[list[str]]]) -> str:
    lines = [f"{'writer':<8}{'replies':>8}{'exact':>8}{'verdict':>9}{'precision':>11}"
             f"{'recall':>8}"]
    pooled_items: list[dict[str, Any]] = []
    pooled_got: list[list[str]] = []
    for writer, got in by_writer.items():
        mine = [i for i in items if i["id"][0] == writer]
        pooled_items += mine
        pooled_got += got
        lines.append(_row(writer, bench.score(mine, got)[0]))
    lines.append(_row("pooled", bench.score(pooled_items, pooled_got)[0]))
    return "\n".join(lines)


def _row(name: str, f: dict[str, Any]) -> str:
    return (f"{name:<8}{f['replies']:>8}{f['accuracy']:>8.3f}{f['verdict_accuracy']:>9.3f}"
            f"{f['precision'] or 0:>11.3f}{f['recall'] or 0:>8.3f}")


def rules_table(items: list[dict[str, Any]]) -> str:
    """The hand cues per writer: today's (in-sample) and the reader before each writer."""
    now = current_cues(items)
    then = honest_cues(items)
    by_now = {w: [codes_of(now[k]) for k, i in enumerate(items) if i["id"][0] == w]
              for w in WRITERS}
    ws = [w for w in WRITERS if w in BEFORE]
    by_then = {w: [codes_of(then[k]) for k, i in enumerate(items) if i["id"][0] == w] for w in ws}
    return ("hand cues today (in-sample on d-g; h and i unseen by them)\n" + table(items, by_now)
            + "\n\nhand cues before each writer joined (e-i read untouched)\n"
            + table(items, by_then))


def report(variants: bool = False) -> str:
    """The leave-one-writer-out tables (`--cv`; `--variants` adds the ones compared)."""
    global THRESHOLDS, BAND, HAND_YES
    items = bench.load("dev")
    out = [rules_table(items)]
    honest = honest_cues(items)
    out.append(f"model (C={C}), cue features from the reader before each writer\n"
               + table(items, cross_validate(items, honest, honest)))
    if not variants:
        return "\n\n".join(out)
    none: Cues = [None] * len(items)
    out.append("model without cue features (words, pairs, overlap only)\n"
               + table(items, cross_validate(items, none, none)))
    now = current_cues(items)
    out.append("model, today's cues as features (optimistic: they saw the held-out writer)\n"
               + table(items, cross_validate(items, now, now)))
    for c in (0.3, 1.0, 3.0, 30.0, 100.0):
        out.append(f"model C={c}\n" + table(items, cross_validate(items, honest, honest, c)))
    for least in (1, 3):
        out.append(f"model, features seen in at least {least} replies\n"
                   + table(items, cross_validate(items, honest, honest, C, least)))
    kept, kept_band = THRESHOLDS, BAND
    THRESHOLDS = dict.fromkeys(kept, 0.5)
    out.append("model, every threshold 0.5\n"
               + table(items, cross_validate(items, honest, honest)))
    THRESHOLDS = kept
    for BAND in (0.0, 0.2, 0.3):
        out.append(f"model, hand cues decide within {BAND} of the threshold\n"
                   + table(items, cross_validate(items, honest, honest)))
    BAND = kept_band
    HAND_YES = ("defensive",)
    out.append("model, the hand cue's yes for defensive kept\n"
               + table(items, cross_validate(items, honest, honest)))
    HAND_YES = ()
    return "\n\n".join(out)


def write() -> dict[str, Any]:
    """Retrain on all of dev and write the weights file."""
    items = bench.load("dev")
    model = fit(items, honest_cues(items))
    model.update(dev_sha256=dev_sha256(), trained_on=len(items), c=C,
                 note="written by benchmarks/reply_train.py --write; features: "
                      "netprep.coach.reply_model.features")
    reply_model.WEIGHTS.write_text(json.dumps(model, sort_keys=True, separators=(",", ":"))
                                   + "\n", encoding="utf-8")
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="Leave-one-writer-out on dev.")
    parser.add_argument("--variants", action="store_true", help="Also the variants compared.")
    parser.add_argument("--write", action="store_true", help="Retrain, write the weights.")
    args = parser.parse_args()
    if args.cv or args.variants:
        print(report(args.variants))
    if args.write:
        write()
        print(f"wrote {reply_model.WEIGHTS} ({reply_model.WEIGHTS.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
