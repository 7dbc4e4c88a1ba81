"""The interviewer's voice in a round (`mock --speak`): say a line, wait or skip it.

At a terminal the line plays while "Enter skips" is shown; otherwise (scripts, or
`--speak-to DIR`) each line is written or played to its end. Ctrl-C cuts it and stops.
"""

from __future__ import annotations

import contextlib
from typing import Any

END_OF_ROUND = "That is the end of the round. Thank you for your time."
SKIP = "(the interviewer is speaking · Enter skips) "


def say(speaker: Any, text: str, kind: str) -> None:
    """Say `text` (already shown) and return when it has been said or skipped."""
    if speaker is None or not text.strip():
        return
    from netprep.ui import prompts

    utterance = speaker.say(text, kind)
    try:
        if prompts.is_interactive() and utterance.busy():
            prompts.wait_while(utterance.busy, SKIP)
            utterance.stop()  # Enter was pressed (or it has just ended)
        else:
            utterance.wait()
    except KeyboardInterrupt:
        with contextlib.suppress(Exception):
            utterance.stop()
        raise


def say_turn(speaker: Any, turn: Any) -> None:
    """The question (or follow-up) on screen, said; its clock starts once it is said."""
    if speaker is None:
        return
    position = turn.item.position
    if turn.follow_up is None:
        say(speaker, turn.item.question.text, f"question-{position}")
    else:
        say(speaker, turn.follow_up, f"follow-up-{position}")
    turn.restart()
