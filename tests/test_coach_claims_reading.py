"""The readings added for issue 30, 3b: a subject carried across clauses, costs said of
nothing in particular, counts, and notation from plain words.
Every sentence here was written for these tests."""

from __future__ import annotations

import time

from netprep.coach.answers import analyze
from netprep.coach.bounds import wrong_bounds
from netprep.coach.claims import canonical, clauses_of, original, wrong_points
from netprep.coach.keypoints import normalise
from netprep.coach.statements import judge_points

QUEUE = ["A priority queue keeps the smallest item at the top, so peeking is O(1).",
         "A heap is not sorted beyond its root."]


def test_pronoun_takes_the_subject_of_the_sentence_before() -> None:
    clauses = clauses_of(canonical("The heap keeps the smallest item at the top. It is "
                                   "fully sorted, which is why peeking is cheap."))
    assert clauses[1].startswith("heap ~ it is fully sorted")
    assert 1 in wrong_points(QUEUE, "The heap keeps the smallest item at the top. It is "
                                    "fully sorted, which is why peeking is cheap.")


def test_a_verb_opening_a_clause_keeps_the_subject_before_it() -> None:
    points = ["A hash map gives O(1) lookups on average but keeps no order among its keys."]
    said = "A hash map gives O(1) lookups on average and keeps its keys sorted."
    assert 0 in wrong_points(points, said)
    assert judge_points(points, "A hash map gives O(1) lookups on average, but it keeps "
                                "the keys in no particular order.")[0] == [0]


def test_no_subject_is_carried_past_a_sentence_with_several_or_an_empty_it() -> None:
    clauses = clauses_of(canonical("BFS uses a queue and DFS uses a stack. It is fine to "
                                   "say either. It matters for memory."))
    assert not any(" ~ " in c for c in clauses)


def test_the_carried_subject_is_not_shown_as_said() -> None:
    answer = "The heap keeps the smallest item at the top. It is fully sorted."
    assert original(answer, "heap ~ it is fully sorted") == "It is fully sorted"


def test_a_cost_said_of_nothing_contradicts_the_closest_point_with_that_cost() -> None:
    points = ["Appending to a Python string in a loop can cost O(n^2) in total.",
              "Joining a list of the pieces once at the end is O(n)."]
    said = "Strings grow in place when you append in a loop, and the total is O(n log n)."
    assert set(wrong_bounds(points, said)) == {0}
    # a growth some point gives, or a cost the answer names for another thing, is no claim
    assert not wrong_bounds(points, "Appending in a loop is O(n^2) in total; joining once "
                                    "is O(n).")


def test_always_is_the_worst_case() -> None:
    points = ["Lookups in a hash map are O(1) on average but O(n) in the worst case."]
    assert 0 in wrong_bounds(points, "Lookups in a hash map are always O(1).")


def test_a_named_tree_keeps_its_subject_in_its_cost() -> None:
    points = ["A hash map is O(1) on average.", "A balanced tree map is O(log n) per lookup."]
    assert 1 in wrong_bounds(points, "A tree map is O(1) per lookup because it hashes "
                                     "into the tree.")


def test_a_count_given_as_a_size_must_be_the_same() -> None:
    points = ["Sorting a deck of 52 cards with merge sort takes about 300 comparisons."]
    assert 0 in wrong_points(points, "Merge sort on 52 cards takes around a million "
                                     "comparisons.")
    assert 0 not in wrong_points(points, "Merge sort on 52 cards takes about 300 "
                                         "comparisons.")


def test_plain_language_complexity_has_one_spelling() -> None:
    assert "o(logn)" in normalise("each probe halves the search range")
    assert "o(v+e)" in normalise("every node and each edge is handled once")
    assert "suits" in normalise("a stack is handy for undo")


def test_halving_in_words_covers_a_logarithmic_point() -> None:
    points = ["Binary search is O(log n) because each step halves the range."]
    assert judge_points(points, "Every probe halves the search range, so the number of "
                                "steps is the number of times you can halve n.")[0] == [0]


def test_a_300_word_answer_is_read_quickly() -> None:
    points = QUEUE + ["Push and pop are O(log n).", "Heapify builds it in O(n)."]

    def answer(run: int) -> str:  # fresh sentences each run: nothing read before
        return " ".join(
            f"Step {run * 100 + k}: the heap keeps item {k} near the top. It is not sorted "
            f"past the root, push {k} is O(log n) since it sifts one path, and you should "
            f"not rely on the order of slot {k}." for k in range(8))

    assert 280 <= len(answer(0).split()) <= 320
    analyze(answer(99), kind="technical", key_points=points)  # compile patterns once
    start = time.perf_counter()
    for run in range(3):
        analyze(answer(run), kind="technical", key_points=points)
    assert (time.perf_counter() - start) / 3 < 0.06  # budget 20 ms; slack for a loaded box
