"""The built-in quiz cannot be gamed, and the pack's words are its own.

The limits here are the issue's: the right choice is the longest in at most
35 % of items, absolute words are about as common in right choices as in
wrong ones, no wrong choice is a filler, explanations answer the wrong
choices, and reflection prompts are distinct per theme. The n-gram check keeps
any run of 8 words from the culture-memo texts out of content/.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from netprep.content import load_library
from netprep.content.quality import figures, shared_runs, words
from netprep.paths import builtin_content_dir

from .conftest import REPO

SHINGLES = REPO / "tests" / "data" / "memo_shingles.txt"


@pytest.fixture(scope="module")
def library():
    return load_library([(builtin_content_dir(), "builtin")])


@pytest.fixture(scope="module")
def quiz(library):
    return figures(library.quiz_items())


def test_the_right_choice_is_rarely_the_longest(quiz) -> None:
    assert quiz["items"] >= 60
    assert quiz["right_is_longest_share"] <= 0.35, quiz


def test_the_right_answer_is_spread_evenly_over_the_positions(library) -> None:
    """No letter is a safe guess: each of A-D holds the answer in about a quarter of the
    four-choice items (issue 23: D had been right 12 times against 20 for the others)."""
    four = [i for i in library.quiz_items() if len(i.choices) == 4]
    counts = [sum(i.answer == pos for i in four) for pos in (1, 2, 3, 4)]
    assert max(counts) - min(counts) <= 2, counts


def test_absolute_words_do_not_give_the_answer_away(quiz) -> None:
    gap = abs(quiz["absolute_in_right_share"] - quiz["absolute_in_wrong_share"])
    assert gap <= 0.08, quiz


def test_no_filler_distractors_and_explanations_answer_them(library, quiz) -> None:
    assert quiz["filler_wrong_choices"] == []
    wrong = sum(len(item.choices) - 1 for item in library.quiz_items())
    answered = wrong - len(quiz["unexplained_wrong_choices"])
    assert answered / wrong >= 0.6, quiz["unexplained_wrong_choices"]
    for item in library.quiz_items():
        assert len(item.explanation.split()) >= 20, item.id


def test_reflection_prompts_are_distinct_per_theme(library) -> None:
    prompts = [(t.id, r.prompt) for t in library.themes for r in t.reflections]
    assert shared_runs(prompts, size=6) == []
    openings = [" ".join(words(p)[:4]) for _, p in prompts]
    assert len(set(openings)) >= 0.9 * len(openings)


def test_one_theme_per_principle_and_value_and_the_memo_version(library, cli) -> None:
    ids = {t.id for t in library.themes}
    principles = {"dream-team", "people-over-process", "uncomfortably-exciting",
                  "great-and-always-better"}
    values = {"selflessness", "judgment", "candour", "creativity", "courage", "inclusion",
              "curiosity", "resilience"}
    assert principles | values | {"artistic-expression", "keeper-test"} <= ids
    assert library.memo() == {**library.memo(), "version": "June 2024", "published": "2024-06"}
    assert "June 2024" in cli("culture", "themes").out
    assert "June 2024" in cli("content", "list").out


def test_keeper_test_asks_both_current_questions(library) -> None:
    item = next(i for i in library.quiz_items() if i.id == "kt-7")
    right = item.correct_choice.lower()
    assert "hire them again" in right and "fight to keep" in right
    text = " ".join(
        s for t in library.themes if t.id in ("dream-team", "keeper-test")
        for s in [t.summary, *t.key_ideas, *(i.explanation for i in t.quiz),
                  *(c for i in t.quiz for c in i.choices)]
    )
    assert "severance" not in text.lower()


def _content_text(root: Path) -> list[tuple[Path, list[str]]]:
    return [(p, words(p.read_text(encoding="utf-8"))) for p in sorted(root.rglob("*.yaml"))]


def test_no_run_of_eight_words_is_shared_with_the_memo_texts() -> None:
    hashes = {line.strip() for line in SHINGLES.read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    assert len(hashes) > 1000  # the list is present and real
    found = []
    for path, w in _content_text(REPO / "content"):
        for i in range(len(w) - 7):
            run = " ".join(w[i : i + 8])
            if hashlib.sha256(run.encode()).hexdigest() in hashes:
                found.append(f"{path.relative_to(REPO)}: {run}")
    assert found == []
