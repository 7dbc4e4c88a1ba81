"""How the coach's ready rule and thresholds were chosen: each alternative, measured.

    python benchmarks/coach_calibrate.py [--data DIR]

1. The ready rule: which findings cap the score below 70 on their own. For the chosen
   set and for each set that adds or drops one code, the ready accuracy on the stories
   and STAR answers of the corpus.
2. Thresholds: the setup share behind `setup-heavy`, the word count under which a typed
   answer is too skeletal (`too-short`), and the spoken seconds under which a story is
   `too-short`: the F1 of that code for each value tried.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from coach_accuracy import DATA, load  # noqa: E402

from netprep.coach import answers, engine, findings  # noqa: E402
from netprep.coach.engine import PARTS, analyze_fields  # noqa: E402

CANDIDATES = ("missing-action", "missing-result", "we-heavy", "too-short", "missing-task",
              "missing-situation", "no-learning", "setup-heavy", "fillers", "too-long")


def _read(items: list[dict]) -> list[tuple[dict, set[str], bool]]:
    out = []
    for item in items:
        kind = item.get("kind")
        if kind == "story":
            a = analyze_fields({p: str(item.get(p) or "") for p in PARTS})
        elif kind in ("behavioral", "culture"):
            a = answers.analyze(str(item.get("answer") or ""), kind=str(kind))
        else:
            continue
        vague = "no-metric" in a.codes and not a.extra.get("concrete", True)
        out.append((item, set(a.codes), vague))
    return out


def ready_accuracy(read: list[tuple[dict, set[str], bool]], unready: set[str],
                   vague_rule: bool = True) -> float:
    right = total = 0
    for item, codes, vague in read:
        gold = (item.get("labels") or {}).get("ready")
        if gold is None:
            continue
        total += 1
        predicted = not (codes & unready) and not (vague_rule and vague)
        right += predicted == bool(gold)
    return right / total if total else 0.0


def code_f1(items: list[dict], code: str, kinds: tuple[str, ...]) -> float:
    tp = fp = fn = 0
    for item in items:
        kind = item.get("kind")
        if kind not in kinds:
            continue
        if kind == "story":
            a = analyze_fields({p: str(item.get(p) or "") for p in PARTS})
        else:
            a = answers.analyze(str(item.get("answer") or ""), kind=str(kind))
        got = code in a.codes
        gold = code in ((item.get("labels") or {}).get("codes") or [])
        tp += got and gold
        fp += got and not gold
        fn += gold and not got
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    items, _ = load(args.data)
    read = _read(items)
    chosen = set(findings.UNREADY) - {"key-points-missed"}
    labelled = sum(1 for r in read if "ready" in (r[0].get("labels") or {}))
    print(f"1. Ready rule ({labelled} items with a ready label)")
    print(f"   chosen {sorted(chosen)} + vague result: {ready_accuracy(read, chosen):.3f}")
    print(f"   without the vague-result rule: {ready_accuracy(read, chosen, False):.3f}")
    print(f"   no-metric always unready: "
          f"{ready_accuracy(read, chosen | {'no-metric'}, False):.3f}")
    for code in CANDIDATES:
        alt = chosen ^ {code}
        sign = "-" if code in chosen else "+"
        print(f"   {sign}{code:20} {ready_accuracy(read, alt):.3f}")
    print("2. Thresholds (F1 of the code they decide)")
    saved = engine.SETUP_SHARE, engine.TYPED_SKELETON, engine.SHORT_SECONDS
    for share in (0.4, 0.5, 0.55, 0.6, 0.65, 0.7):
        engine.SETUP_SHARE = share
        print(f"   setup share {share:.2f}: setup-heavy F1 stories "
              f"{code_f1(items, 'setup-heavy', ('story',)):.3f}")
    engine.SETUP_SHARE = saved[0]
    for words in (15, 20, 25, 30, 35, 45):
        engine.TYPED_SKELETON = words
        print(f"   typed skeleton < {words} words: too-short F1 typed "
              f"{code_f1(items, 'too-short', ('behavioral', 'culture')):.3f}")
    engine.TYPED_SKELETON = saved[1]
    for seconds in (45, 55, 60, 65, 75):
        engine.SHORT_SECONDS = seconds
        print(f"   story under {seconds} s: too-short F1 stories "
              f"{code_f1(items, 'too-short', ('story',)):.3f}")
    engine.SHORT_SECONDS = saved[2]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
