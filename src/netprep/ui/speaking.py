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


class ToneClock:
    """The countdown's soft tones for one turn: at 30 s left (when the target is longer)
    and at time, each sounded once. `tick()` is called on every redraw of the clock;
    `after(seconds)` sounds those an answer of that length passed (`--audio` files).
    A tone that cannot be played is left out: it never stops the round."""

    def __init__(self, speaker: Any, turn: Any, enabled: bool = True):
        from netprep.ui.timer import WARN_SECONDS

        self.speaker = speaker if enabled and turn.timed else None
        self.turn = turn
        where = f"{turn.item.position}" if turn.follow_up is None else \
            f"follow-up-{turn.item.position}"
        marks = [("time", turn.target_seconds)]
        if turn.target_seconds > WARN_SECONDS:
            marks.insert(0, ("30s-left", turn.target_seconds - WARN_SECONDS))
        self.pending = [(tone, at, f"tone-{tone}-{where}") for tone, at in marks]

    def tick(self) -> None:
        self.after(self.turn.elapsed())

    def after(self, seconds: float) -> None:
        while self.speaker is not None and self.pending and seconds >= self.pending[0][1]:
            tone, _at, kind = self.pending.pop(0)
            with contextlib.suppress(Exception):  # no device now: no tone, the round goes on
                self.speaker.tone(tone, kind)
