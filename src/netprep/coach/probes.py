"""Follow-up probes chosen from the gap the analysis found, and whether the reply closed it.

An interviewer probes where the answer was thin: no outcome -> the measurable result;
a hidden actor -> what you yourself did; no lesson -> what you would do differently.
A technical answer that missed key points is probed on the first one missed; a problem's
answer that did not say its complexity, a test case or its approach is asked for it; a
problem's answer with no gap gets one of the question's reasoned challenges ("why not sort
first?"), whose reply is read as a reply to feedback (`coach.reply`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from netprep.coach import lazyre as re

# Gap code -> the probe asked for it, in the order an interviewer would ask.
PROBES = (
    ("missing-action", "What did you yourself do, step by step?"),
    ("we-heavy", "What did you yourself do?"),
    ("missing-result", "What was the measurable result?"),
    ("no-metric", "What was the measurable result?"),
    ("no-learning", "What would you do differently?"),
)


# A problem's habits (`coach.habits`) by the finding code, in the order they are asked.
HABIT_PROBES = (
    ("no-complexity", "What are the time and space complexity of that?"),
    ("no-tests", "Which test cases would you run on it? Name one edge case."),
    ("no-approach", "In a sentence or two, what is your approach?"),
)
CHALLENGE = "challenge"  # the gap code of a challenge put to a complete answer

_LESSON_WORDS = re.compile(r"\b(?:would|next time|differently|instead|learn(?:ed|t)?)\b", re.I)


@dataclass(frozen=True)
class Probe:
    text: str
    gap: str | None  # the finding code it targets; None for the question's own follow-up


def choose_probe(analysis: Any, own_follow_ups: Sequence[str] = (),
                 pick: Any = None, challenges: Sequence[str] = ()) -> Probe | None:
    """The probe for the first gap found, else a challenge to the answer (a problem's),
    else one of the question's own follow-ups."""
    codes = set(getattr(analysis, "codes", ()) or ())
    for code, text in PROBES:
        if code in codes:
            return Probe(text, code)
    if "no-complexity" in codes:  # asked before a missed point, which is often the cost
        return Probe(HABIT_PROBES[0][1], "no-complexity")
    if "key-points-missed" in codes:
        missed = (getattr(analysis, "extra", {}) or {}).get("key_points_missed") or []
        if missed:
            # The answer did not say it: ask for it as not covered yet, never "say more"
            # about it, and without its own full stop ("...processed.?").
            point = str(missed[0]).strip().rstrip(" .?!;:")
            return Probe(f"One thing you have not covered yet: {point}. How would you "
                         "handle it?", "key-points-missed")
    for code, text in HABIT_PROBES[1:]:
        if code in codes:
            return Probe(text, code)
    if challenges and "key-point-wrong" not in codes:
        choice = pick(list(challenges)) if pick else challenges[0]
        return Probe(str(choice), CHALLENGE)
    if own_follow_ups:
        choice = pick(list(own_follow_ups)) if pick else own_follow_ups[0]
        return Probe(str(choice), None)
    return None


def gap_closed(gap: str | None, reply: str, kind: str = "behavioral",
               key_points: Sequence[str] = ()) -> bool | None:
    """Whether the reply to a probe supplies what the probe asked for (None: no gap)."""
    if gap is None or not (reply or "").strip():
        return None if gap is None else False
    from netprep.coach.answers import analyze
    from netprep.coach.metrics import is_impact

    a = analyze(reply, kind="behavioral", typed=True)
    labels = a.labels
    if gap in ("missing-result", "no-metric"):
        outcomes = [lab for lab in labels if lab.label == "outcome"]
        return any(is_impact(lab.text) for lab in outcomes) or (
            gap == "missing-result" and bool(outcomes))
    if gap in ("we-heavy", "missing-action"):
        return sum(1 for lab in labels if lab.label == "own_action") >= 1 and \
            "we-heavy" not in a.codes
    if gap == "no-learning":
        return any(lab.label == "lesson" for lab in labels) or bool(
            _LESSON_WORDS.search(reply))
    if gap == "key-points-missed":
        from netprep.coach.statements import covered_points

        return bool(covered_points(list(key_points), reply))
    return None
