"""How often the coach reads a reply to the interviewer's feedback as a labeller did.

    python benchmarks/reply_accuracy.py [--json] [--errors] [--cv]

Dev is `tests/data/replies/dev/replies.yaml` (the reader's cues are chosen on it); test is
`tests/data/replies/test/replies.yaml`, written and labelled blind by others and never
used to choose anything: only its pooled figures are printed, never an item. Per split:
- accuracy: replies whose set of findings is exactly the labelled one;
- verdict: replies where "answered well" (no finding) agrees with the label;
- findings micro precision and recall over the five codes (bare-ok, no-acknowledge,
  no-reason, no-change, defensive); per code on dev only.
`--errors` lists the dev replies read differently (never test ones). `--cv` prints the
leave-one-writer-out figures on dev instead (benchmarks/reply_train.py --cv; needs the
`train` extra, scikit-learn): the reader's model trained on five writers, read on the
sixth, beside the hand cues' own figures for each writer before it joined dev.

The reader (coach.reply) is the learned model of coach.reply_model over the hand cues; its
dev figures are in-sample (it was trained on dev), so compare readers by `--cv`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from netprep.coach.reply import read_reply  # noqa: E402

DATA = ROOT / "tests" / "data" / "replies"
CODES = ("bare-ok", "no-acknowledge", "no-reason", "no-change", "defensive")
# The test split's writers, told by the id's first letter (tests/data/replies/README.md).
TEST_WRITERS = {"t": "t (1st)", "j": "j (7th)", "k": "k (8th)"}


def load(split: str) -> list[dict[str, Any]]:
    path = DATA / split / "replies.yaml"
    if not path.is_file():
        return []
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


def score(items: list[dict[str, Any]], got_codes: list[list[str]] | None = None,
          ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Figures for `items` as the reader reads them (or as `got_codes` says, one list of
    codes per item, for a reading made elsewhere: the cross-validation's)."""
    exact = verdict = 0
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    wrong: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        want = set(item["findings"])
        got = set(got_codes[index] if got_codes is not None
                  else read_reply(item["reply"], item["feedback"]).codes)
        exact += want == got
        verdict += (not want) == (not got)
        for code in CODES:
            tp[code] += code in want and code in got
            fp[code] += code in got and code not in want
            fn[code] += code in want and code not in got
        if want != got:
            wrong.append({"id": item["id"], "want": sorted(want), "got": sorted(got),
                          "feedback": item["feedback"], "reply": item["reply"]})
    n = max(1, len(items))

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    figures = {
        "replies": len(items),
        "accuracy": round(exact / n, 3),
        "verdict_accuracy": round(verdict / n, 3),
        "precision": ratio(all_tp, all_tp + all_fp),
        "recall": ratio(all_tp, all_tp + all_fn),
        "codes": {c: {"precision": ratio(tp[c], tp[c] + fp[c]),
                      "recall": ratio(tp[c], tp[c] + fn[c]), "labelled": tp[c] + fn[c]}
                  for c in CODES},
    }
    return figures, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="List dev replies read wrong.")
    parser.add_argument("--cv", action="store_true",
                        help="Leave-one-writer-out on dev (needs the train extra).")
    args = parser.parse_args()
    if args.cv:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            sys.exit("--cv trains the model: pip install -e '.[train]' (scikit-learn)")
        import reply_train

        print(reply_train.report())
        return
    dev, dev_wrong = score(load("dev"))
    test_items = load("test")
    test = score(test_items)[0] if test_items else None
    if test is not None:
        test.pop("codes")  # pooled figures only for the blind split
    by_writer = {}
    for writer, label in TEST_WRITERS.items():
        mine = [i for i in test_items if i["id"][0] == writer]
        if mine:
            by_writer[label] = score(mine)[0]
            by_writer[label].pop("codes")
    if args.json:
        print(json.dumps({"dev": dev, "test": test, "test_by_writer": by_writer}))
        return
    print(f"{'split':<10}{'n':>4}{'accuracy':>10}{'verdict':>9}{'precision':>11}"
          f"{'recall':>8}")
    rows = [("dev", dev), ("test", test)] + [(f"  {k}", v) for k, v in by_writer.items()]
    for name, figures in rows:
        if figures is None:
            print(f"{name:<10} no test split")
            continue
        print(f"{name:<10}{figures['replies']:>4}{figures['accuracy']:>10.3f}"
              f"{figures['verdict_accuracy']:>9.3f}{figures['precision'] or 0:>11.3f}"
              f"{figures['recall'] or 0:>8.3f}")
    print("\ndev per code (precision / recall, labelled):")
    for code, c in dev["codes"].items():
        print(f"  {code:<15} {c['precision'] or 0:.2f} / {c['recall'] or 0:.2f}  "
              f"({c['labelled']})")
    if args.errors:
        for item in dev_wrong:
            print(f"\n{item['id']} want {item['want']} got {item['got']}\n  F: "
                  f"{item['feedback']}\n  R: {item['reply']}")


if __name__ == "__main__":
    main()
