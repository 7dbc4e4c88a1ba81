"""What a story close in topic lacks to answer a question, said as what to add to it.

`star suggest` and the mock name such a story instead of asking for a new one (issue 29
item 8): the angle the question asks for (a failure, being wrong, advice sought) that the
story does not show, and the constraints it lacks (a deadline, a senior person, money).
"""

from __future__ import annotations

from typing import Any

# What a close story lacks, said as what to add to it.
ANGLE_ADVICE = {
    "failure": "say plainly what went wrong, your part in it, and what you do differently now",
    "mistake": "name your own mistake, how you put it right, and what you changed after",
    "being-wrong": "say where you were wrong, what showed you, and how you changed course",
    "persuasion": "say who you had to win over, how you did it, and what they agreed to",
    "feedback-received": "quote the feedback you got and what you changed because of it",
    "feedback-given": "say what feedback you gave, how you gave it, and what changed",
    "feedback-declined": "say which feedback you chose not to follow, and why",
    "intermittent": "say how the failure came and went, and how you pinned it down",
    "authority": "say that the people did not report to you, and how you got them to act",
    "advice": "say whose advice you asked for, what they said, and what you did with it",
    "deadline": "name the deadline and how you worked to it",
    "missed-deadline": "say which deadline you missed, why, and what you do differently now",
    "conflict": "say what you disagreed about, and how you settled it",
}
CONSTRAINT_ADVICE = {
    "hierarchy": "the senior person involved", "risk": "the risk you took",
    "deadline": "the deadline", "users": "the users and what they needed",
    "teaching": "who you taught or mentored", "distance": "where the others were",
    "ethics": "the dilemma", "stakeholder": "the stakeholder and what you told them",
    "mediation": "the two people you helped", "bad-news": "the bad news you gave",
    "competing": "what competed for your time", "money": "the money or budget involved",
}


def improvement(polarity: str | None, closest: Any) -> str:
    """What to change in a close story (a `matching.StoryFit`) so it answers a question
    with this polarity (one sentence)."""
    missing = [CONSTRAINT_ADVICE[c] for c in sorted(closest.lacks) if c in CONSTRAINT_ADVICE]
    parts = []
    if closest.polarity == "weak" and polarity in ANGLE_ADVICE:
        parts.append(ANGLE_ADVICE[polarity])
    if missing:
        parts.append("name " + " and ".join(missing[:2]))
    if not parts:
        parts.append("retell it so the situation and the result answer this question")
    text = "; ".join(parts)
    return f"{text[0].upper()}{text[1:]} (`netprep star edit {closest.id}`)."
