"""Evaluation with a full confusion matrix (zeros included) over every class.

Counting is done once into a matrix; every metric is read off it.
"""

import csv
import json
import sys


def column(path, name):
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["id"].strip(): row[name].strip() for row in csv.DictReader(handle)}


def safe(num, den):
    return num / den if den else 0.0


def evaluate(predictions_csv, labels_csv):
    predicted = column(predictions_csv, "predicted")
    labels = column(labels_csv, "label")
    shared = [i for i in labels if i in predicted]
    classes = sorted(set(labels.values()))
    everything = sorted(set(classes) | {predicted[i] for i in shared})
    matrix = {a: {g: 0 for g in everything} for a in classes}
    for i in shared:
        matrix[labels[i]][predicted[i]] += 1
    per_class = {}
    for c in classes:
        tp = matrix[c][c]
        col = sum(matrix[a].get(c, 0) for a in classes)
        support = sum(1 for v in labels.values() if v == c)
        scored_support = sum(matrix[c].values())
        p, r = safe(tp, col), safe(tp, scored_support)
        per_class[c] = {"precision": round(p, 4), "recall": round(r, 4),
                        "f1": round(safe(2 * p * r, p + r), 4), "support": support}
    correct = sum(matrix[c][c] for c in classes)
    return {
        "accuracy": round(safe(correct, len(shared)), 4),
        "classes": per_class,
        "macro_f1": round(safe(sum(v["f1"] for v in per_class.values()), len(per_class)), 4),
        "confusion": matrix,
        "missing": sorted(set(labels) - set(predicted)),
        "unknown": sorted(set(predicted) - set(labels)),
    }


def main(argv):
    json.dump(evaluate(argv[0], argv[1]), sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
