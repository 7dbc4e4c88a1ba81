"""WRONG: macro_f1 weights each class by its support, which is the weighted f1, not the macro
mean.

Evaluation with exact fractions, a small Evaluator class and argparse.

Scores are computed as Fractions and rounded only when the result is built.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from fractions import Fraction


def load_map(path: str, field: str) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out[row["id"].strip()] = row[field].strip()
    return out


def fraction(num: int, den: int) -> Fraction:
    return Fraction(num, den) if den else Fraction(0)


class Evaluator:
    def __init__(self, predictions: dict[str, str], labels: dict[str, str]) -> None:
        self.labels = labels
        self.predictions = predictions
        self.scored = sorted(set(labels) & set(predictions))
        self.confusion: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for i in self.scored:
            self.confusion[labels[i]][predictions[i]] += 1

    def f1(self, label: str) -> tuple[Fraction, Fraction, Fraction, int]:
        tp = self.confusion[label][label] if label in self.confusion else 0
        predicted = sum(row.get(label, 0) for row in self.confusion.values())
        support = sum(self.confusion[label].values()) if label in self.confusion else 0
        p, r = fraction(tp, predicted), fraction(tp, support)
        return p, r, (2 * p * r / (p + r) if p + r else Fraction(0)), support

    def result(self) -> dict:
        classes = {}
        f1s = []
        for label in sorted(set(self.labels.values())):
            p, r, f, support = self.f1(label)
            f1s.append(f)
            classes[label] = {"precision": round(float(p), 4), "recall": round(float(r), 4),
                              "f1": round(float(f), 4), "support": support}
        right = sum(self.confusion[a][a] for a in list(self.confusion))
        return {
            "accuracy": round(float(fraction(right, len(self.scored))), 4),
            "classes": classes,
            "macro_f1": round(sum(c["f1"] * c["support"] for c in classes.values())
                              / len(self.scored), 4),
            "confusion": {a: dict(row) for a, row in sorted(self.confusion.items())},
            "missing": sorted(set(self.labels) - set(self.predictions)),
            "unknown": sorted(set(self.predictions) - set(self.labels)),
        }


def evaluate(predictions_csv: str, labels_csv: str) -> dict:
    return Evaluator(load_map(predictions_csv, "predicted"), load_map(labels_csv, "label")).result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score predictions against labels.")
    parser.add_argument("predictions")
    parser.add_argument("labels")
    args = parser.parse_args(argv)
    print(json.dumps(evaluate(args.predictions, args.labels), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
