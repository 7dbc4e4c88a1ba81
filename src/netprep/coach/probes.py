"""Follow-up probes chosen from the gap the analysis found, and whether the reply closed it.

An interviewer probes where the answer was thin: no outcome -> the measurable result;
a hidden actor -> what you yourself did; no lesson -> what you would do differently.
A technical answer that missed key points is probed on the first one missed.
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


_LESSON_WORDS = re.compile(r"\b(?:would|next time|differently|instead|learn(?:ed|t)?)\b", re.I)


@dataclass(frozen=True)
class Probe:
    text: str
    gap: str | None  # the finding code it targets; None for the question's own follow-up


def choose_probe(analysis: Any, own_follow_ups: Sequence[str] = (),
                 pick: Any = None) -> Probe | None:
    """The probe for the first gap found, else one of the question's own follow-ups."""
    codes = set(getattr(analysis, "codes", ()) or ())
    for code, text in PROBES:
        if code in codes:
            return Probe(text, code)
    if "key-points-missed" in codes:
        missed = (getattr(analysis, "extra", {}) or {}).get("key_points_missed") or []
        if missed:
            return Probe(f"Can you say more about this: {missed[0]}?", "key-points-missed")
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
