"""Quiz-quality figures for a set of themes: can the right answer be guessed?

Used by the tests (which pin the limits) and by `benchmarks/quiz_quality.py`.
A well-made item gives no surface clue: the right choice is not usually the
longest, absolute words (always, never, only...) are no likelier in wrong
choices than in right ones, and every wrong choice is a plausible misreading
that the explanation answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

ABSOLUTE = frozenset(
    "always never only all every none nothing entirely completely must cannot "
    "whatever whoever any".split()
)
_WORD = re.compile(r"[a-z0-9']+")
_STOP = frozenset(
    "about after again against because before being below between could doesn during "
    "every from have having into itself might more most other ought same should since "
    "some such than that their theirs them then there these they this those through "
    "under until very were what when where which while will with would your yours".split()
)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def has_absolute(text: str) -> bool:
    return any(w in ABSOLUTE for w in words(text))


def _stems(text: str) -> set[str]:
    return {w[:5] for w in words(text) if len(w) >= 4 and w not in _STOP}


def answered(choice: str, explanation: str, question: str = "") -> bool:
    """Whether the explanation speaks to a wrong choice: it shares a content word with it
    that the question itself does not already supply."""
    own = _stems(choice) - _stems(question)
    return bool(own & _stems(explanation)) or not own


def figures(items: Iterable[Any]) -> dict[str, Any]:
    """Counts and shares over quiz items (anything with choices, answer, explanation)."""
    items = list(items)
    longest = 0
    right_abs = wrong_abs = wrong_total = 0
    unanswered: list[str] = []
    short_wrong: list[str] = []
    for item in items:
        right = item.choices[item.answer - 1]
        lengths = [len(c) for c in item.choices]
        if len(right) == max(lengths) and lengths.count(max(lengths)) == 1:
            longest += 1
        right_abs += has_absolute(right)
        for i, choice in enumerate(item.choices, start=1):
            if i == item.answer:
                continue
            wrong_total += 1
            wrong_abs += has_absolute(choice)
            if len(words(choice)) < 4:
                short_wrong.append(f"{item.id}: {choice}")
            if not answered(choice, item.explanation, item.question):
                unanswered.append(f"{item.id}: {choice}")
    n = len(items) or 1
    return {
        "items": len(items),
        "right_is_longest": longest,
        "right_is_longest_share": round(longest / n, 3),
        "absolute_in_right_share": round(right_abs / n, 3),
        "absolute_in_wrong_share": round(wrong_abs / (wrong_total or 1), 3),
        "filler_wrong_choices": short_wrong,
        "unexplained_wrong_choices": unanswered,
    }


def shingles(text: str, size: int) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + size]) for i in range(len(w) - size + 1)}


def shared_runs(prompts: Sequence[tuple[str, str]], size: int = 6) -> list[tuple[str, str]]:
    """Pairs of (owner, prompt) from different owners that share a run of `size` words."""
    clashes = []
    seen: dict[tuple[str, ...], str] = {}
    for owner, prompt in prompts:
        for run in shingles(prompt, size):
            other = seen.get(run)
            if other is not None and other != owner:
                clashes.append((other, owner))
            seen.setdefault(run, owner)
    return clashes
