"""The STAR vocabulary, the ready line and the length numbers: light constants shared by
models, stores and renderers (no regular expressions, nothing heavy to import).

The length numbers are the coach rubric's (README, "How the coach reads a story or an
answer"): a story is told at WORDS_PER_MINUTE; under STORY_SECONDS[0] it is too short to
tell, over STORY_SECONDS[1] too long, reported only past LONG_SLACK_SECONDS.
"""

STAR = ("situation", "task", "action", "result")
PARTS = (*STAR, "learned")
# A story or answer with no blocking finding scores at least this; one with a blocking
# finding at most UNREADY_CAP (coach/findings.py), so "score >= READY_SCORE" is "ready".
READY_SCORE = 70

WORDS_PER_MINUTE = 150
STORY_SECONDS = (60, 180)  # 1:00-3:00 spoken
LONG_SLACK_SECONDS = 195  # too-long is reported past about 3:15
# The rubric says background over about 40 %; the engine's content split errs long, so the
# line it draws is 45 %.
SETUP_SHARE = 0.45


def speaking_seconds(words: int) -> int:
    """The one estimate of how long a text takes to say aloud, from its word count."""
    return round(words * 60 / WORDS_PER_MINUTE)


def words_for(seconds: int) -> int:
    """How many words fit in `seconds` said aloud (the inverse of speaking_seconds)."""
    return seconds * WORDS_PER_MINUTE // 60


def story_window() -> str:
    """The spoken window for a story as the renderers print it ("1:00-3:00")."""
    from netprep.text import clock

    return f"{clock(STORY_SECONDS[0])}-{clock(STORY_SECONDS[1])}"
