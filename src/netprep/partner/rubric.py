"""The partner's rubric: four dimensions per kind of question, 1-4 each, with anchors.

A friend with no interview experience scores by the anchors, not by feel; the same
dimensions are then rated by the candidate, so `stats` can say where they disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    anchors: tuple[str, str, str, str]  # what a 1, 2, 3 and 4 sound like


STORY = (
    Dimension("structure", "Structure", (
        "hard to follow: no clear start, middle or end",
        "some order, but a part (situation, task, action or result) is missing",
        "situation, task, action and result in order, with a little wandering",
        "easy to follow from start to end, each part in its place",
    )),
    Dimension("specifics", "Specifics and own role", (
        "general talk; you could not say what they did",
        "some details, but mostly \"we\" or vague steps",
        "concrete steps, mostly their own",
        "concrete steps they clearly took themselves, with their reasons",
    )),
    Dimension("result", "Result", (
        "no result, or only a hope or a plan",
        "a result, but vague (\"it went well\")",
        "a concrete result you could check",
        "a measured result and what they learnt from it",
    )),
    Dimension("communication", "Communication", (
        "rambling, far too long or too short, many fillers",
        "understandable, but hesitant or off time",
        "clear and about the right length",
        "confident, concise, on time, easy to listen to",
    )),
)
TECHNICAL = (
    Dimension("approach", "Approach", (
        "no plan, or jumped in without understanding the question",
        "a plan, but not explained or not the right one",
        "a sensible approach, explained before the details",
        "a clear approach, alternatives compared, clarifying questions asked",
    )),
    Dimension("correctness", "Correctness", (
        "wrong, or most key points missed or stated wrongly",
        "partly right: some key points, some gaps or errors",
        "right, with a small gap",
        "right and complete: every key point, stated correctly",
    )),
    Dimension("complexity", "Complexity", (
        "no time or space cost given",
        "a cost given, but wrong or unexplained",
        "time and space costs right",
        "costs right and compared with another approach",
    )),
    Dimension("communication", "Communication", (
        "silent or hard to follow",
        "followable with effort",
        "thought out loud, clear steps",
        "easy to follow throughout, checked in with the interviewer",
    )),
)
PITCH = (
    Dimension("structure", "Structure", (
        "a list of facts with no thread",
        "some thread: past, present or future is missing",
        "past, present and future in order",
        "a clear thread that ends on why this role",
    )),
    Dimension("specifics", "Specifics", (
        "nothing you would remember",
        "one detail, mostly general",
        "two or three concrete facts about their experience",
        "memorable, concrete facts that fit this role",
    )),
    Dimension("fit", "Fit and motivation", (
        "no reason for this role or company",
        "a generic reason any company would get",
        "a reason tied to this role",
        "a specific, believable reason tied to their own experience",
    )),
    Dimension("communication", "Communication", STORY[3].anchors),
)


def dimensions_for(kind: str) -> tuple[Dimension, ...]:
    """The rubric for a question of this kind (mock.scoring.question_kind)."""
    if kind == "technical":
        return TECHNICAL
    if kind == "motivation":
        return PITCH
    return STORY
