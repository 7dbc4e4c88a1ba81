"""How often the coach hears a problem's three habits as a labeller did.

    python benchmarks/habits_accuracy.py [--json] [--errors]

A technical mock answer to a problem (`problem: true`) is credited for saying its approach,
its complexity and a test case (`netprep.coach.habits`); each credit pre-ticks a box in
the self-review, so each is a judgement measured here. Dev is
`tests/data/habits/dev/answers.yaml` (the cues are chosen on it); test is
`tests/data/habits/test/answers.yaml`, written and labelled blind by a writer who never
saw the reader, relabelled blind by a second labeller (Cohen's kappa per habit in
`test/agreement.yaml`), and never used to choose anything: only its pooled figures are
printed. Per split and habit: accuracy, precision and recall of "said"; and the share of
answers whose three habits are all read right.
`--errors` lists the dev answers read differently (never test ones).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from netprep.coach.habits import Habits, said  # noqa: E402

DATA = ROOT / "tests" / "data" / "habits"
HABITS = Habits._fields


def load(split: str) -> list[dict[str, Any]]:
    path = DATA / split / "answers.yaml"
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))) if path.is_file() else []


def score(items: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    counts = {h: {"tp": 0, "fp": 0, "fn": 0, "right": 0} for h in HABITS}
    exact = 0
    wrong: list[dict[str, Any]] = []
    for item in items:
        got = said(item["answer"])._asdict()
        want = {h: bool(item["labels"][h]) for h in HABITS}
        for h in HABITS:
            c = counts[h]
            c["right"] += got[h] == want[h]
            c["tp"] += got[h] and want[h]
            c["fp"] += got[h] and not want[h]
            c["fn"] += want[h] and not got[h]
        exact += got == want
        if got != want:
            wrong.append({"id": item["id"], "misread": [h for h in HABITS if got[h] != want[h]],
                          "want": want, "answer": item["answer"]})
    n = max(1, len(items))

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    figures: dict[str, Any] = {"answers": len(items), "all_three_right": round(exact / n, 3)}
    for h, c in counts.items():
        figures[h] = {"accuracy": round(c["right"] / n, 3),
                      "precision": ratio(c["tp"], c["tp"] + c["fp"]),
                      "recall": ratio(c["tp"], c["tp"] + c["fn"])}
    return figures, wrong


def agreement() -> dict[str, Any] | None:
    path = DATA / "test" / "agreement.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list dev answers misread")
    args = parser.parse_args()
    dev, dev_wrong = score(load("dev"))
    test, _ = score(load("test"))
    figures = {"dev": dev, "test": test, "agreement": agreement()}
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{'habit':<12}{'DEV acc':>9}{'P':>7}{'R':>7}{'TEST acc':>10}{'P':>7}{'R':>7}")
    for h in HABITS:
        d, t = dev[h], test[h]
        print(f"{h:<12}{d['accuracy']:>9}{d['precision']!s:>7}{d['recall']!s:>7}"
              f"{t['accuracy']:>10}{t['precision']!s:>7}{t['recall']!s:>7}")
    print(f"{'all three':<12}{dev['all_three_right']:>9}{'':>14}{test['all_three_right']:>10}")
    print(f"answers: dev {dev['answers']}, test {test['answers']} (test: pooled figures only)")
    kappa = (figures["agreement"] or {}).get("kappa")
    if kappa:
        print("test labels, writer vs second labeller, Cohen's kappa: "
              + ", ".join(f"{h} {kappa[h]}" for h in HABITS))
    if args.errors:
        for item in dev_wrong:
            print(f"\n{item['id']} misread {item['misread']} (labelled {item['want']}):\n  "
                  f"{item['answer']}")


if __name__ == "__main__":
    main()
