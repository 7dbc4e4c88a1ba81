"""Countdown state and formatting for timed answers (pure: no clock of its own).

The caller passes the seconds elapsed since the answer started, always computed
from a monotonic start (`now - start`), so the display never drifts however
often, or rarely, it is redrawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from netprep.text import clock

WARN_SECONDS = 30  # amber from here down to zero
OK, WARN, OVER = "ok", "warn", "over"


def signed(seconds: float) -> str:
    """A difference as +m:ss or -m:ss (used for over/under in summaries)."""
    sign = "+" if seconds >= 0 else "-"
    return f"{sign}{clock(seconds)}"


def over(elapsed: float, target: float) -> float:
    """Whole seconds over (positive) or under (negative) target, as the clocks show them.

    Elapsed time is shown truncated (1:59.8 shows 1:59), so the difference is taken from
    the shown value: "2:07 of 2:00" always reads "+0:07".
    """
    return int(elapsed) - int(target)


@dataclass(frozen=True)
class TimerState:
    phase: str  # ok | warn | over
    text: str  # "1:23 left", "0:12 over", or "1:23" (untimed: time taken)
    remaining: float  # negative when over


def countdown(target: float, elapsed: float, timed: bool = True) -> TimerState:
    """What the clock shows `elapsed` seconds into an answer with a `target` time.

    Remaining seconds are rounded up while counting down (a fresh 2:00 answer shows
    2:00, not 1:59), and overtime is rounded down (0:00 over, then 0:01 over).
    """
    remaining = target - elapsed
    if not timed:
        return TimerState(OK, clock(elapsed), remaining)
    if remaining > 0:
        shown = math.ceil(remaining - 1e-9)
        phase = WARN if remaining <= WARN_SECONDS else OK
        return TimerState(phase, f"{clock(shown)} left", remaining)
    return TimerState(OVER, f"{clock(-remaining)} over", remaining)
