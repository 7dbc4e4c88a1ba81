"""The STAR vocabulary and the ready line: light constants that models and stores share."""

STAR = ("situation", "task", "action", "result")
PARTS = (*STAR, "learned")
READY_SCORE = 70  # a story at or above this answers its competencies "well"
