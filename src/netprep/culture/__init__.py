"""Culture: the quiz over the culture memo's themes, scheduled by spaced repetition (FSRS).

- `quiz`: picking items (due, new, weakest themes first), grading, the FSRS review.

Reflections are stored by `store/culture.py` and shown by `ui/render_culture.py`.
Plain logic over `content` and `store`; `fsrs` loads only when an answer is graded.
"""
