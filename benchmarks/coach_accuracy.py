"""How often the coach is right, measured on the labelled corpus in tests/data/coach/.

    python benchmarks/coach_accuracy.py [--data DIR] [--json] [--errors]

Prints, for `star check` (stories read field by field) and for the same texts typed
as mock answers: per finding code precision, recall and F1, micro precision and
recall, ready accuracy, part-found accuracy, and the star-vs-mock agreement; for the
typed answers of every kind the same figures, the share of complete answers whose
four STAR parts are all found, and key-point and clarifying-question accuracy; and
the sentence classifier's accuracy on sentences.yaml.
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

from netprep.coach import answers as coach_answers  # noqa: E402
from netprep.coach.engine import PARTS, STAR, analyze_fields  # noqa: E402
from netprep.coach.parts import classify  # noqa: E402
from netprep.coach.sentences import Clause  # noqa: E402

DATA = ROOT / "tests" / "data" / "coach"
VOCABULARY = ("missing-situation", "missing-task", "missing-action", "missing-result",
              "short-action", "no-metric", "we-heavy", "setup-heavy", "too-long", "too-short",
              "fillers", "no-learning", "key-points-missed", "not-specific",
              "no-own-experience", "not-forward-looking")
STAR_ANSWER_KINDS = ("behavioral", "culture")


def load(data: Path) -> tuple[list[dict], list[dict]]:
    items = (yaml.safe_load((data / "items.yaml").read_text()) or {}).get("items") or []
    path = data / "sentences.yaml"
    sentences = ((yaml.safe_load(path.read_text()) or {}).get("sentences") or []
                 if path.exists() else [])
    return items, sentences


def story_text(item: dict) -> str:
    return "\n".join(str(item.get(p) or "") for p in PARTS if str(item.get(p) or "").strip())


class Tally:
    """Per-code confusion counts and verdicts for one way of reading the items."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()
        self.ready_right = self.ready_total = 0
        self.parts_right = self.parts_total = 0
        self.n = 0
        self.errors: list[str] = []

    def add(self, item: dict, codes: set[str], ready: bool | None,
            parts: set[str] | None) -> None:
        labels = item.get("labels") or {}
        gold = {c for c in labels.get("codes") or [] if c in VOCABULARY}
        codes = {c for c in codes if c in VOCABULARY}
        self.n += 1
        for c in codes & gold:
            self.tp[c] += 1
        for c in codes - gold:
            self.fp[c] += 1
        for c in gold - codes:
            self.fn[c] += 1
        wrong = []
        if codes != gold:
            wrong.append(f"codes +{sorted(codes - gold)} -{sorted(gold - codes)}")
        if ready is not None and "ready" in labels:
            self.ready_total += 1
            if bool(labels["ready"]) == ready:
                self.ready_right += 1
            else:
                wrong.append(f"ready {ready} (gold {labels['ready']})")
        if parts is not None and "parts" in labels:
            self.parts_total += 1
            if set(labels["parts"] or []) == parts:
                self.parts_right += 1
            else:
                wrong.append(f"parts {sorted(parts)} (gold {sorted(labels['parts'] or [])})")
        if wrong:
            self.errors.append(f"{item.get('id')}: " + "; ".join(wrong))

    def figures(self) -> dict[str, Any]:
        per = {}
        for c in VOCABULARY:
            tp, fp, fn = self.tp[c], self.fp[c], self.fn[c]
            if tp + fp + fn == 0:
                continue
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            per[c] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
                      "support": tp + fn}
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        return {
            "items": self.n,
            "micro_precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "micro_recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
            "ready_accuracy": round(self.ready_right / self.ready_total, 3)
            if self.ready_total else None,
            "parts_accuracy": round(self.parts_right / self.parts_total, 3)
            if self.parts_total else None,
            "per_code": per,
        }


def run(data: Path) -> dict[str, Any]:
    items, sentences = load(data)
    star, mock, typed = Tally(), Tally(), Tally()
    same = same_total = 0
    complete = complete_found = 0
    kp_right = kp_total = clar_right = clar_total = 0
    for item in items:
        kind = item.get("kind")
        labels = item.get("labels") or {}
        if kind == "story":
            a = analyze_fields({p: str(item.get(p) or "") for p in PARTS})
            star.add(item, set(a.codes), a.ready, {p for p in STAR if a.parts[p]})
            m = coach_answers.analyze(story_text(item), kind="behavioral", typed=False)
            mock.add(item, set(m.codes), m.ready, {p for p in STAR if m.parts.get(p)})
            same_total += 1
            same += set(a.codes) == set(m.codes)
            continue
        a = coach_answers.analyze(str(item.get("answer") or ""), kind=str(kind),
                                  key_points=item.get("key_points") or (),
                                  question=str(item.get("question") or ""))
        star_kind = kind in STAR_ANSWER_KINDS
        typed.add(item, set(a.codes), a.ready if "ready" in labels else None,
                  {p for p in STAR if a.parts.get(p)} if star_kind else None)
        if star_kind and set(labels.get("parts") or []) >= set(STAR):
            complete += 1
            complete_found += all(a.parts.get(p) for p in STAR)
        if "key_points_covered" in labels:
            kp_total += 1
            kp_right += set(a.extra.get("key_points_covered", [])) == set(
                labels["key_points_covered"] or [])
        wanted = item.get("clarifying", labels.get("clarifying"))
        if wanted is not None:
            clar_total += 1
            clar_right += bool(a.extra.get("clarifying")) == bool(wanted)
    right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for s in sentences:
        got = classify(Clause(str(s["text"]))).label
        right += got == s["label"]
        if got != s["label"]:
            confusion[(str(s["label"]), got)] += 1
    return {
        "star_check": star.figures(),
        "mock_same_texts": mock.figures(),
        "star_vs_mock_same_codes": round(same / same_total, 3) if same_total else None,
        "typed_answers": typed.figures(),
        "complete_typed_all_four_parts": round(complete_found / complete, 3) if complete
        else None,
        "key_points_exact": round(kp_right / kp_total, 3) if kp_total else None,
        "clarifying_accuracy": round(clar_right / clar_total, 3) if clar_total else None,
        "sentence_accuracy": round(right / len(sentences), 3) if sentences else None,
        "sentences": len(sentences),
        "sentence_confusion": {f"{g}->{p}": n for (g, p), n in confusion.most_common(8)},
        "_errors": {"star_check": star.errors, "mock": mock.errors, "typed": typed.errors},
    }


def _print(figures: dict[str, Any], errors: bool) -> None:
    for name in ("star_check", "mock_same_texts", "typed_answers"):
        f = figures[name]
        print(f"{name}: {f['items']} items  micro P {f['micro_precision']:.3f}  "
              f"R {f['micro_recall']:.3f}  ready acc {f['ready_accuracy']}  "
              f"parts acc {f['parts_accuracy']}")
        for code, v in f["per_code"].items():
            print(f"    {code:22} P {v['precision']:.2f}  R {v['recall']:.2f}  "
                  f"F1 {v['f1']:.2f}  (n={v['support']})")
    for key in ("star_vs_mock_same_codes", "complete_typed_all_four_parts",
                "key_points_exact", "clarifying_accuracy", "sentence_accuracy"):
        print(f"{key}: {figures[key]}")
    print(f"sentence confusion (gold->got): {figures['sentence_confusion']}")
    if errors:
        for name, lines in figures["_errors"].items():
            print(f"--- {name} errors")
            for line in lines:
                print("   ", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every item read wrong")
    args = parser.parse_args(argv)
    figures = run(args.data)
    if args.json:
        figures.pop("_errors")
        print(json.dumps(figures, indent=2))
    else:
        _print(figures, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
