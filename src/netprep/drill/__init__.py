"""The mock-interview engine: plan a round, time each answer, score, save as it goes.

Plain logic. The clock is injected (a monotonic `() -> float`), and so is the
interviewer: the I/O port through which questions are asked and answers read.
The terminal UI (`netprep.ui.interview.TerminalInterviewer`), the scripted stdin
mode (`ScriptedInterviewer`) and the tests are three implementations of it.
Each answer is saved the moment it is given, so Ctrl-C or the end of input never
loses what was already said.

- `plan`: choose questions (least recently practised, lowest rated first), targets, hints.
- `session`: `run_session(plan, interviewer, recorder, clock)`.
- `scoring`: findings, checklist, key points covered, suggestions for the summary.
"""

from netprep.drill.plan import (
    ROUND_CHOICES,
    Hint,
    MockConfig,
    Plan,
    Planned,
    Practice,
    build_plan,
)
from netprep.drill.scoring import CHECKLIST, default_rating, main_finding, suggestions
from netprep.drill.session import (
    AnswerRecord,
    EndOfAnswers,
    Interviewer,
    Recorder,
    Review,
    SessionInterrupted,
    SessionResult,
    Turn,
    run_session,
)

__all__ = [
    "CHECKLIST", "ROUND_CHOICES", "AnswerRecord", "EndOfAnswers", "Hint", "Interviewer",
    "MockConfig", "Plan", "Planned", "Practice", "Recorder", "Review", "SessionInterrupted",
    "SessionResult", "Turn", "build_plan", "default_rating", "main_finding", "run_session",
    "suggestions",
]
