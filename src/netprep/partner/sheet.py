"""The interviewer's sheet for one question: what to read, listen for, ask next, and score.

Plain data, shared by the terminal sheet (`mock --partner`) and the printable kit
(`partner kit`), so a friend sees the same guidance on screen and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netprep.partner.rubric import Dimension, dimensions_for

LISTEN_STAR = (
    "Situation: where and when, and what was at stake.",
    "Task: what they were responsible for.",
    "Action: the steps they took themselves (listen for \"I\", not only \"we\").",
    "Result: what changed, ideally with a number, and what they learnt.",
)
LISTEN_PITCH = (
    "Where they are now: studies, the role or project that matters most.",
    "Two or three concrete facts from their experience that fit this role.",
    "Where they are heading, and why this role and this company.",
    "About 60-90 seconds.",
)
LISTEN_TECH = ("Thinking out loud: the approach before the details.",
               "Time and space costs, and the edge cases tested.")
GENERAL_FOLLOW_UPS = (
    "What did you yourself do, step by step?",
    "What was the measurable result?",
    "What would you do differently next time?",
)
GUIDE = (
    "Sit facing the candidate in a quiet room; phones away.",
    "Read each question aloud as written, then stay quiet: silence is fine.",
    "Watch the clock; say \"one minute left\" if they run long, and stop them at the "
    "target plus a minute.",
    "Ask one follow-up from the list, the one their answer left open.",
    "Score each dimension by its anchors, not by how much you like them; a 2 is a "
    "useful answer to hear.",
    "Afterwards, give one thing that worked and one thing to change, with an example "
    "from what they said.",
)


@dataclass(frozen=True)
class Sheet:
    position: int
    total: int
    question: str
    kind: str
    target_seconds: int
    listen_for: tuple[str, ...]
    clarify: tuple[str, ...]  # clarifications a strong candidate asks (technical)
    follow_ups: tuple[str, ...]
    rubric: tuple[Dimension, ...]

    def record(self) -> dict[str, Any]:
        return {"position": self.position, "question": self.question, "kind": self.kind,
                "target_seconds": self.target_seconds, "listen_for": list(self.listen_for),
                "clarify": list(self.clarify), "follow_ups": list(self.follow_ups),
                "rubric": [{"id": d.id, "name": d.name, "anchors": list(d.anchors)}
                           for d in self.rubric]}


def sheet_for(item: Any, total: int) -> Sheet:
    """The sheet for a planned question (mock.model.Planned)."""
    from netprep.mock.scoring import question_kind

    q = item.question
    kind = question_kind(q)
    if kind == "technical":
        listen = tuple(f"Key point: {p}" for p in q.key_points) + LISTEN_TECH
    elif kind == "motivation":
        listen = tuple(q.talking_points) or LISTEN_PITCH
    else:
        listen = tuple(f"Key point: {p}" for p in q.key_points) + LISTEN_STAR
    clarify = tuple(str(c.get("question")) for c in q.clarifications if c.get("key"))
    follow_ups: list[str] = []
    for text in (item.follow_up, *q.follow_ups, *(() if kind == "technical"
                                                   else GENERAL_FOLLOW_UPS)):
        if text and text not in follow_ups:
            follow_ups.append(str(text))
    return Sheet(item.position, total, q.text, kind, item.target_seconds, listen, clarify,
                 tuple(follow_ups[:3]), dimensions_for(kind))
