"""When the interviewer nudges: graded nudges, the offer after a stuck stretch, the step-back card.

Pure: times are seconds since the drill began, passed in by the session; nothing
here prints, prompts or reads a clock.

The interviewer offers a nudge ("Want a nudge, or to step back and try a small
example?") once STUCK_SECONDS have passed either without an edit or a test run, or
with the same tests failing run after run. An offer, taken or declined, and a nudge
restart that stretch, so the offer never nags.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netprep.content.models import Exercise

STUCK_SECONDS = 240.0  # "several minutes"
OFFER = "Want a nudge, or to step back and try a small example?"
STEP_BACK = (
    "Step back for a minute:",
    "1. Say the problem again in your own words: what comes in, what goes out.",
    "2. Take the smallest example that is not trivial and solve it by hand, out loud.",
    "3. Write the brute force first, even if it is slow; then look for the work it repeats.",
)


def nudges_of(exercise: Exercise) -> tuple[str, ...]:
    """The exercise's graded nudges; a user pack's exercise without any falls back to hints."""
    return exercise.nudges or exercise.hints


@dataclass
class NudgeState:
    """What the interviewer has seen of the attempt, to decide when to offer a nudge."""

    available: int  # how many nudges the exercise has
    used: list[dict[str, Any]] = field(default_factory=list)  # {"level", "at", "offered"}
    offers: list[dict[str, Any]] = field(default_factory=list)  # {"at", "taken"}
    step_backs: list[float] = field(default_factory=list)
    _activity: float = 0.0  # last edit, run, nudge or offer
    _failing_since: float | None = None  # when the current set of failing tests first failed
    _failing: tuple[int, ...] | None = None
    _open: bool = False  # an offer is on the table

    @property
    def offer_open(self) -> bool:
        return self._open

    def edited(self, at: float) -> None:
        self._activity = max(self._activity, at)

    def ran(self, at: float, failing: tuple[int, ...] | None) -> None:
        """A test run; `failing` are the failing cases' indices (None: nothing ran, a load error
        counts as every case failing the same way)."""
        self._activity = max(self._activity, at)
        if not failing:
            self._failing, self._failing_since = None, None
        elif failing != self._failing:
            self._failing, self._failing_since = failing, at

    def _restart(self, at: float) -> None:
        self._activity = max(self._activity, at)
        if self._failing_since is not None:
            self._failing_since = max(self._failing_since, at)

    def due_at(self) -> float | None:
        """When the next offer falls due (None: no nudge left, or one is already offered)."""
        if self._open or len(self.used) >= self.available:
            return None
        idle = self._activity + STUCK_SECONDS
        if self._failing_since is not None:
            return min(idle, self._failing_since + STUCK_SECONDS)
        return idle

    def offer_due(self, at: float) -> bool:
        """Whether to offer now; when it is, the offer is made (and recorded) at `at`."""
        due = self.due_at()
        if due is None or at < due:
            return False
        self.offers.append({"at": round(at, 1), "taken": False})
        self._open = True
        self._restart(at)
        return True

    def decline(self) -> None:
        self._open = False

    def take(self, at: float) -> int | None:
        """Use the next nudge; its 1-based level, or None when none is left."""
        offered = self._open
        if offered:
            self.offers[-1]["taken"] = True
            self._open = False
        if len(self.used) >= self.available:
            return None
        level = len(self.used) + 1
        self.used.append({"level": level, "at": round(at, 1), "offered": offered})
        self._restart(at)
        return level

    def step_back(self, at: float) -> None:
        if self._open:
            self.offers[-1]["taken"] = True
            self._open = False
        self.step_backs.append(round(at, 1))
        self._restart(at)


def nudge_words(solved: bool, used: list[dict[str, Any]]) -> str:
    """The drill's result in an interviewer's words: "Solved with 1 nudge."."""
    count = len(used)
    if not solved:
        if not count:
            return "Not solved yet."
        return f"Not solved yet, after {count} nudge{'s' if count != 1 else ''}."
    if not count:
        return "Solved on your own."
    return f"Solved with {count} nudge{'s' if count != 1 else ''}."


def nudge_note(used: list[dict[str, Any]], available: int) -> str | None:
    """What an interviewer makes of the nudges taken (None when none was)."""
    if not used:
        return None
    deepest = max(n["level"] for n in used)
    if deepest >= available:
        return ("You needed the key idea from the interviewer. That is still a pass in many "
                "loops if you build on it quickly; next time, try a small example by hand "
                "before asking.")
    return ("Taking a nudge is normal: interviewers give them to see how you use a hint. "
            "You took it and moved on, which is what they look for.")
