"""Accuracy of the coach's read of questions for the interviewer, on the labelled set.

    python benchmarks/interviewer_questions.py [--errors]

For each code (web-searchable, pay-perks, yes-no, specific, no-questions) it prints
precision and recall over `tests/data/interviewer_questions.yaml`, then the share of
questions whose whole set of codes is right. `--errors` lists the misses.
tests/test_resume_asking.py pins the minimum figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "interviewer_questions.yaml"
CODES = ("web-searchable", "pay-perks", "yes-no", "specific", "no-questions")


def load() -> list[tuple[str, set[str]]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return [(item["text"], set(item["flags"])) for item in data["questions"]]


def score(cases: list[tuple[str, set[str]]]) -> dict[str, dict[str, float]]:
    """Per code: tp, fp, fn, precision, recall; plus `exact` for whole-set agreement."""
    from netprep.resume.asking import codes

    figures: dict[str, dict[str, float]] = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CODES}
    exact = 0
    for text, expected in cases:
        got = set(codes(text))
        exact += got == expected
        for code in CODES:
            if code in got and code in expected:
                figures[code]["tp"] += 1
            elif code in got:
                figures[code]["fp"] += 1
            elif code in expected:
                figures[code]["fn"] += 1
    for f in figures.values():
        f["precision"] = f["tp"] / (f["tp"] + f["fp"]) if f["tp"] + f["fp"] else 1.0
        f["recall"] = f["tp"] / (f["tp"] + f["fn"]) if f["tp"] + f["fn"] else 1.0
    figures["exact"] = {"share": exact / len(cases), "n": len(cases)}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misclassified questions")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    cases = load()
    figures = score(cases)
    print(f"{len(cases)} labelled questions ({DATA.relative_to(ROOT)})")
    print(f"{'code':<16}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    for code in CODES:
        f = figures[code]
        print(f"{code:<16}{f['precision']:>10.2f}{f['recall']:>8.2f}"
              f"{int(f['tp']):>5}{int(f['fp']):>5}{int(f['fn']):>5}")
    print(f"exact set of codes right: {figures['exact']['share']:.2f}")
    if args.errors:
        from netprep.resume.asking import codes

        for text, expected in cases:
            got = set(codes(text))
            if got != expected:
                print(f"  expected {sorted(expected)}, got {sorted(got)}: {text}")


if __name__ == "__main__":
    main()
