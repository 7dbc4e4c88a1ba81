"""The coach's accuracy on the labelled corpus (tests/data/coach) does not fall.

The minimums sit a little under what `python benchmarks/coach_accuracy.py` prints, so a
change that makes the coach wrong more often fails here; raise them as it improves.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("coach_accuracy",
                                                  ROOT / "benchmarks" / "coach_accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run(module.DATA)


MINIMUMS = {
    # starrecall: 0.955 / 0.948, ready 0.954, parts 0.950 (0.946 / 0.925, 0.950, 0.934)
    ("star_check", "micro_precision"): 0.94,
    ("star_check", "micro_recall"): 0.94,
    ("star_check", "ready_accuracy"): 0.95,  # 211 stories since 60 blind ones (issue 30)
    ("star_check", "parts_accuracy"): 0.94,
    # starrecall: 0.865 / 0.888, ready 0.934 (0.862 / 0.869, 0.929)
    ("mock_same_texts", "micro_precision"): 0.85,
    ("mock_same_texts", "micro_recall"): 0.87,
    ("mock_same_texts", "ready_accuracy"): 0.93,  # 211 stories since issue 30 added 75
    # starrecall: 0.873 / 0.884, ready 0.908 (0.874 / 0.872, 0.903)
    ("typed_answers", "micro_precision"): 0.86,
    ("typed_answers", "micro_recall"): 0.87,  # 0.852 since 110 more blind items (coach3)
    ("typed_answers", "ready_accuracy"): 0.90,  # 50 blind typed answers added
}
SINGLE = {
    "star_vs_mock_same_codes": 0.80,
    "complete_typed_all_four_parts": 0.86,
    "sentence_accuracy": 0.84,
    "clarifying_accuracy": 0.95,
    "key_points_exact": 0.66,  # 0.674 since keypoints (0.51 on 141 answers before)
}


def test_the_corpus_is_big_enough(figures) -> None:
    assert figures["star_check"]["items"] + figures["typed_answers"]["items"] >= 150
    assert figures["sentences"] >= 500


@pytest.mark.parametrize("key", sorted(MINIMUMS), ids=lambda k: ".".join(k))
def test_reading_figures_do_not_fall(figures, key) -> None:
    group, name = key
    assert figures[group][name] >= MINIMUMS[key], figures[group]


@pytest.mark.parametrize("name", sorted(SINGLE))
def test_single_figures_do_not_fall(figures, name) -> None:
    assert figures[name] >= SINGLE[name]


def test_the_unready_findings_are_found(figures) -> None:
    per = figures["star_check"]["per_code"]
    for code in ("missing-action", "missing-result", "we-heavy", "no-metric", "too-short"):
        assert per[code]["f1"] >= 0.6, (code, per[code])


# --- dev and test side by side (issue 30 section 2) ------------------------------------

@pytest.fixture(scope="module")
def splits() -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("coach_accuracy_splits",
                                                  ROOT / "benchmarks" / "coach_accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.both()


# Minimums on each split, a little under what the benchmark prints. The test split is
# frozen: these are measured on it, never tuned on it.
SPLIT_MINIMUMS = {
    "dev": {  # lowered where 260 items written blind by two other writers cost (issue 30)
        # starrecall: 0.954, 0.955/0.948; typed 0.911, 0.849/0.861
        ("star_check", "ready_accuracy"): 0.95,
        ("star_check", "micro_precision"): 0.94,
        ("star_check", "micro_recall"): 0.94,
        ("typed_star", "ready_accuracy"): 0.90,
        ("typed_star", "micro_precision"): 0.84,
        ("typed_star", "micro_recall"): 0.85,
        # key points since keypoints2 (issue 30 3b): 0.926/0.931, wrong 0.958/0.891,
        # wrong-claims 0.762, paraphrases 0.915 (0.918/0.923, 0.956/0.837, 0.727, 0.895)
        ("key_points", "precision"): 0.91,
        ("key_points", "recall"): 0.92,
        ("key_points", "wrong_precision"): 0.94,
        ("key_points", "wrong_recall"): 0.87,
        ("key_points", "wrong_claims_precision"): 0.75,
        ("key_points", "paraphrase_recall"): 0.90,
    },
    # Measured on main ffbd8f7 (issue 30): 0.873, 0.853/0.763; typed 0.811, 0.686/0.715;
    # key points 0.802/0.742, wrong 0.714/0.417, wrong-claims 0.529, paraphrases 0.471.
    "test": {
        ("star_check", "ready_accuracy"): 0.92,  # 0.929 since starrecall (0.881 before)
        ("star_check", "micro_precision"): 0.88,  # 0.887 since starrecall (0.878 before)
        ("star_check", "micro_recall"): 0.82,  # 0.825 since starrecall (0.754 before)
        ("typed_star", "ready_accuracy"): 0.84,  # 0.844 since starrecall (0.825 before)
        ("typed_star", "micro_precision"): 0.78,  # 0.786 since starrecall (0.768 before)
        # 0.710 since starrecall (0.677 before; 0.715 at coach2's start)
        ("typed_star", "micro_recall"): 0.70,
        ("key_points", "precision"): 0.82,  # 0.832 since keypoints2 (0.822 before)
        ("key_points", "recall"): 0.81,  # 0.825 since keypoints2 (0.808 before)
        ("key_points", "wrong_precision"): 0.84,  # 0.857 since keypoints2 (0.850 before)
        ("key_points", "wrong_recall"): 0.49,  # 0.500 since keypoints2 (0.472 before)
        ("key_points", "wrong_claims_precision"): 0.59,  # 0.600 since keypoints2 (0.581)
        ("key_points", "paraphrase_recall"): 0.65,  # 0.667 since keypoints2 (0.627 before)
    },
}


@pytest.mark.parametrize("split, key", [(s, k) for s, keys in SPLIT_MINIMUMS.items()
                                        for k in keys], ids=lambda v: str(v))
def test_split_figures_do_not_fall(splits, split, key) -> None:
    figures = splits[split]
    if figures is None:
        pytest.skip("no test split")
    group, name = key
    assert figures[group][name] >= SPLIT_MINIMUMS[split][key], figures[group]


# Recall of the codes starrecall read better (test split, star check), a little under
# what it measured: 0.333, 1.000, 0.444 (0.111, 0.250, 0.222 before).
TEST_RECALL = {"missing-result": 0.30, "missing-task": 0.9, "short-action": 0.40}


@pytest.mark.parametrize("code", sorted(TEST_RECALL))
def test_test_split_recall_of_the_star_codes_does_not_fall(splits, code) -> None:
    if splits["test"] is None:
        pytest.skip("no test split")
    per = splits["test"]["star_check"]["per_code"][code]
    assert per["recall"] >= TEST_RECALL[code], per


def test_the_test_split_reports_its_agreement(splits) -> None:
    if splits["test"] is None:
        pytest.skip("no test split")
    assert splits["agreement"], "tests/data/coach/test/agreement.yaml is missing"
    for batch in ("b", "d", "e", "f", "g", "h"):
        assert batch in splits["agreement"], batch


def test_the_test_split_is_as_large_as_issue_30_asks() -> None:
    """At least 120 stories and 80 typed STAR answers, written and labelled blind."""
    import collections

    import yaml

    items = yaml.safe_load((ROOT / "tests/data/coach/test/items.yaml").read_text())["items"]
    kinds = collections.Counter(item["kind"] for item in items)
    assert kinds["story"] >= 120, kinds
    assert kinds["behavioral"] + kinds["culture"] >= 80, kinds
    assert len({item["id"] for item in items}) == len(items)
