"""Evaluation as a plain script: no main(), the command line is the __main__ block.

csv.reader and Counter of (label, prediction) pairs; statistics.fmean for the
macro average; ids are numbers here, so missing/unknown are sorted as numbers.
"""

import csv
import json
import statistics
import sys
from collections import Counter


def read_pairs(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        return {int(row[0]): row[1].strip() for row in rows if row}


def evaluate(predictions_csv, labels_csv):
    guesses = read_pairs(predictions_csv)
    truth = read_pairs(labels_csv)
    both = truth.keys() & guesses.keys()
    pairs = Counter((truth[i], guesses[i]) for i in both)
    guessed = Counter(guesses[i] for i in both)
    actual = Counter(truth[i] for i in both)
    classes = {}
    for label in sorted(set(truth.values())):
        hit = pairs[(label, label)]
        precision = hit / guessed[label] if guessed[label] else 0.0
        recall = hit / actual[label] if actual[label] else 0.0
        f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        classes[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                          "f1": round(f1, 4), "support": actual[label]}
    confusion = {}
    for (label, guess), count in sorted(pairs.items()):
        confusion.setdefault(label, {})[guess] = count
    hits = sum(n for (a, g), n in pairs.items() if a == g)
    return {
        "accuracy": round(hits / len(both), 4) if both else 0.0,
        "classes": classes,
        "macro_f1": (round(statistics.fmean(c["f1"] for c in classes.values()), 4)
                     if classes else 0.0),
        "confusion": confusion,
        "missing": sorted(truth.keys() - guesses.keys()),
        "unknown": sorted(guesses.keys() - truth.keys()),
    }


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python evaluate.py predictions.csv labels.csv")
    print(json.dumps(evaluate(sys.argv[1], sys.argv[2])))
