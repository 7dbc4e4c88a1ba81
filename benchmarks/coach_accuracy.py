"""How often the coach is right: the dev set it is tuned on beside the frozen test set.

    python benchmarks/coach_accuracy.py [--data DIR] [--test DIR] [--json] [--errors]

Dev is `tests/data/coach/items.yaml` (rules, weights and thresholds are chosen on it);
test is `tests/data/coach/test/items.yaml`, written and labelled blind by others and
never used to choose anything (`no test split` when it is absent). Side by side, per
split: `star check` ready accuracy and findings micro precision/recall (and per code);
typed answers (behavioral/culture answers, and the stories typed as mock answers) with
the length codes left out, since a typed answer is an outline; key points covered and
wrong (precision/recall), the covered precision on answers that use the right words for
wrong claims and the recall on paraphrases (items marked `variant:`), and clarifying
accuracy for technical answers. Then the test
set's labeller agreement (Cohen's kappa per code, writer's intent vs blind labeller,
from `test/agreement.yaml`). Dev alone: the same texts as spoken transcripts, the
star-vs-mock agreement, and the sentence classifier's accuracy on sentences.yaml.
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
TEST = DATA / "test"
LENGTH = frozenset({"too-short", "too-long"})
BLOCKING = frozenset({"missing-situation", "missing-task", "missing-action", "short-action",
                      "missing-result", "we-heavy", "setup-heavy", "too-short", "too-long",
                      "fillers"})
VOCABULARY = ("missing-situation", "missing-task", "missing-action", "missing-result",
              "short-action", "no-metric", "we-heavy", "setup-heavy", "too-long", "too-short",
              "fillers", "no-learning", "key-points-missed", "key-point-wrong", "not-specific",
              "no-own-experience", "not-forward-looking")
STAR_ANSWER_KINDS = ("behavioral", "culture")


def load(data: Path) -> tuple[list[dict], list[dict]]:
    path = data / "items.yaml"
    if not path.exists():
        return [], []
    items = (yaml.safe_load(path.read_text()) or {}).get("items") or []
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
            parts: set[str] | None, drop: frozenset[str] = frozenset(),
            gold_ready: bool | None = None) -> None:
        labels = dict(item.get("labels") or {})
        if gold_ready is not None:
            labels["ready"] = gold_ready
        gold = {c for c in labels.get("codes") or [] if c in VOCABULARY and c not in drop}
        codes = {c for c in codes if c in VOCABULARY and c not in drop}
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


def typed_gold_ready(labels: dict) -> bool:
    """The ready label of a text read as a typed outline: length never blocks it."""
    codes = set(labels.get("codes") or [])
    if codes & (BLOCKING - LENGTH):
        return False
    if "concrete" in labels:
        return bool(labels["concrete"])
    if labels.get("ready"):
        return True
    # Dev items carry no `concrete`: unready with nothing but length against it is
    # concrete unless its outcome is unmeasured (then it was labelled vague).
    return "no-metric" not in codes


def variant_group(item: dict) -> str | None:
    """The subset a technical item belongs to, from its `variant` (either split):
    right words for wrong claims, paraphrases, or plain answers."""
    variant = str(item.get("variant") or (item.get("labels") or {}).get("variant") or "")
    variant = variant.lower()
    if "wrong" in variant:
        return "wrong-claims"
    if "paraphras" in variant:
        return "paraphrase"
    return "plain" if variant else None


def evaluate(items: list[dict]) -> dict[str, Any]:
    """The figures both splits report."""
    star, typed = Tally(), Tally()
    kp = Counter()  # tp, fp, fn for covered; wtp, wfp, wfn for wrong; by variant: "v:..."
    kp_items = clar_right = clar_total = 0
    for item in items:
        kind = item.get("kind")
        labels = item.get("labels") or {}
        if kind == "story":
            a = analyze_fields({p: str(item.get(p) or "") for p in PARTS})
            star.add(item, set(a.codes), a.ready, {p for p in STAR if a.parts[p]})
            t = coach_answers.analyze(story_text(item), kind="behavioral", typed=True)
            typed.add(item, set(t.codes), t.ready, None, LENGTH, typed_gold_ready(labels))
        elif kind in STAR_ANSWER_KINDS:
            t = coach_answers.analyze(str(item.get("answer") or ""), kind=str(kind))
            typed.add(item, set(t.codes), t.ready, {p for p in STAR if t.parts.get(p)},
                      LENGTH, typed_gold_ready(labels))
        elif kind == "technical" and "key_points_covered" in labels:
            a = coach_answers.analyze(str(item.get("answer") or ""), kind="technical",
                                      key_points=item.get("key_points") or (),
                                      question=str(item.get("question") or ""))
            kp_items += 1
            group = variant_group(item)
            for name, got, want in (
                    ("", set(a.extra.get("key_points_covered") or []),
                     set(labels.get("key_points_covered") or [])),
                    ("w", set(a.extra.get("key_points_wrong") or []),
                     set(labels.get("key_points_wrong") or []))):
                for prefix in ("", f"{group}:") if group else ("",):
                    kp[prefix + name + "tp"] += len(got & want)
                    kp[prefix + name + "fp"] += len(got - want)
                    kp[prefix + name + "fn"] += len(want - got)
                if group and not name:
                    kp[f"{group}:items"] += 1
            wanted = item.get("clarifying", labels.get("clarifying"))
            if wanted is not None:
                clar_total += 1
                clar_right += bool(a.extra.get("clarifying")) == bool(wanted)

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "star_check": star.figures(),
        "typed_star": typed.figures(),
        "key_points": {
            "answers": kp_items,
            "precision": ratio(kp["tp"], kp["tp"] + kp["fp"]),
            "recall": ratio(kp["tp"], kp["tp"] + kp["fn"]),
            "wrong_precision": ratio(kp["wtp"], kp["wtp"] + kp["wfp"]),
            "wrong_recall": ratio(kp["wtp"], kp["wtp"] + kp["wfn"]),
            "wrong_claims_answers": kp["wrong-claims:items"],
            "wrong_claims_precision": ratio(kp["wrong-claims:tp"],
                                            kp["wrong-claims:tp"] + kp["wrong-claims:fp"]),
            "wrong_claims_wrong_recall": ratio(kp["wrong-claims:wtp"],
                                               kp["wrong-claims:wtp"] + kp["wrong-claims:wfn"]),
            "paraphrase_answers": kp["paraphrase:items"],
            "paraphrase_recall": ratio(kp["paraphrase:tp"],
                                       kp["paraphrase:tp"] + kp["paraphrase:fn"]),
            "clarifying_accuracy": ratio(clar_right, clar_total),
        },
        "_errors": {"star_check": star.errors, "typed": typed.errors},
    }


def agreement(data: Path) -> dict[str, Any] | None:
    """Cohen's kappa per code by writer batch, from agreement.yaml (None when absent)."""
    path = data / "agreement.yaml"
    if not path.exists():
        return None
    raw = (yaml.safe_load(path.read_text()) or {}).get("agreement") or {}
    out: dict[str, Any] = {}
    for batch, figures in raw.items():
        if not isinstance(figures, dict):
            continue
        row = {code: (v or {}).get("kappa") for code, v in (figures.get("codes") or {}).items()}
        for key in ("ready", "concrete", "key_points", "clarifying"):
            if isinstance(figures.get(key), dict):
                row[key] = figures[key].get("kappa")
        out[str(batch)] = row
    return out


def both(dev: Path = DATA, test: Path = TEST) -> dict[str, Any]:
    """Dev and test figures, and the test set's agreement; test is None when absent."""
    dev_items, _ = load(dev)
    test_items, _ = load(test)
    return {"dev": evaluate(dev_items), "test": evaluate(test_items) if test_items else None,
            "test_items": len(test_items), "agreement": agreement(test)}


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_side_by_side(figures: dict[str, Any], errors: bool = False) -> None:
    dev, test = figures["dev"], figures["test"]
    print(f"{'':46} {'DEV':>8} {'TEST':>8}")
    if test is None:
        print("(no test split: tests/data/coach/test/items.yaml is absent)")

    def row(label: str, get: Any) -> None:
        values = [get(dev), get(test) if test is not None else None]
        print(f"{label:46} {_fmt(values[0]):>8} {_fmt(values[1]):>8}")

    for group, title in (("star_check", "star check"),
                         ("typed_star", "typed (no length codes)")):
        row(f"{title}: items", lambda f, g=group: f[g]["items"])
        row(f"{title}: ready accuracy", lambda f, g=group: f[g]["ready_accuracy"])
        row(f"{title}: findings micro precision", lambda f, g=group: f[g]["micro_precision"])
        row(f"{title}: findings micro recall", lambda f, g=group: f[g]["micro_recall"])
        codes = sorted(set(dev[group]["per_code"]) | set(
            test[group]["per_code"] if test is not None else ()), key=VOCABULARY.index)
        for code in codes:
            for metric in ("precision", "recall"):
                row(f"    {code} {metric[0].upper()}", lambda f, g=group, c=code, m=metric:
                    (f[g]["per_code"].get(c) or {}).get(m))
    for key, label in (("answers", "technical answers with key points"),
                       ("precision", "key points covered: precision"),
                       ("recall", "key points covered: recall"),
                       ("wrong_precision", "key points wrong: precision"),
                       ("wrong_recall", "key points wrong: recall"),
                       ("wrong_claims_answers", "  answers with right words, wrong claims"),
                       ("wrong_claims_precision", "  covered precision on those answers"),
                       ("wrong_claims_wrong_recall", "  wrong recall on those answers"),
                       ("paraphrase_answers", "  paraphrased answers"),
                       ("paraphrase_recall", "  covered recall on paraphrases"),
                       ("clarifying_accuracy", "clarifying question: accuracy")):
        row(label, lambda f, k=key: f["key_points"][k])
    agree = figures["agreement"]
    if agree:
        batches = sorted(agree)
        codes = sorted({c for b in batches for c in agree[b]})
        print("\ntest labeller agreement (Cohen's kappa, writer's intent vs blind labeller)")
        print(f"{'':24} " + " ".join(f"{b:>7}" for b in batches))
        for code in codes:
            print(f"{code:24} " + " ".join(f"{_fmt(agree[b].get(code)):>7}" for b in batches))
    if errors:
        for split in ("dev", "test"):
            f = figures[split]
            if f is None:
                continue
            for name, lines in f["_errors"].items():
                print(f"--- {split} {name} errors")
                for line in lines:
                    print("   ", line)


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
    parser.add_argument("--data", type=Path, default=DATA, help="the dev split")
    parser.add_argument("--test", type=Path, default=TEST, help="the frozen test split")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list every item read wrong")
    parser.add_argument("--dev-detail", action="store_true",
                        help="also the dev-only figures (transcripts, sentences)")
    args = parser.parse_args(argv)
    figures = both(args.data, args.test)
    if args.json:
        for split in ("dev", "test"):
            if figures[split] is not None:
                figures[split].pop("_errors")
        print(json.dumps(figures, indent=2))
        return 0
    print_side_by_side(figures, args.errors)
    if args.dev_detail:
        print("\n--- dev only")
        _print(run(args.data), args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
