"""A whole drill without a terminal: `code start ID --audio FILE --solution FILE --events FILE`.

The recording is the drill's sound and sets its clock; the events file places test
runs, nudges and edits on that clock (JSON lines, `{"at": SECONDS, "event": "run"}`,
`"nudge"` or `"edit"`; a run may name `"file"`, the code as it was then, relative to
the events file); the solution file is the code at the end, run once more when the
drill ends. The interviewer's offers of a nudge fall where an interactive drill would
make them; a nudge event right after one takes it, any other event declines it.
Nothing here prints or prompts; the attempt comes back unsaved.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netprep.coding.feedback import choose
from netprep.coding.session import Attempt
from netprep.content.models import Exercise, Language
from netprep.errors import NetprepError

EVENTS = ("run", "nudge", "edit")
EVENTS_HINT = ('Write one JSON object a line, e.g. {"at": 95, "event": "run"}; events are '
               "run, nudge and edit.")


@dataclass(frozen=True)
class Event:
    at: float
    kind: str
    line: int
    file: Path | None = None


class ScriptError(NetprepError):
    """An events or solution file that cannot drive a drill."""


def read_events(path: Path, seconds: float | None = None) -> list[Event]:
    """The events in time order, or a ScriptError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScriptError(f"The events file {path} does not exist.", EVENTS_HINT) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise ScriptError(f"The events file {path} cannot be read ({reason}).",
                          EVENTS_HINT) from None
    events: list[Event] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(raw)
        except ValueError:
            raise ScriptError(f"{where}: the line is not a JSON object.", EVENTS_HINT) from None
        if not isinstance(item, dict):
            raise ScriptError(f"{where}: the line is not a JSON object.", EVENTS_HINT)
        at, kind = item.get("at"), item.get("event")
        if isinstance(at, bool) or not isinstance(at, (int, float)) or at < 0:
            raise ScriptError(f"{where}: \"at\" must be a number of seconds from the start of "
                              "the recording.", EVENTS_HINT)
        if kind not in EVENTS:
            raise ScriptError(f"{where}: \"event\" must be run, nudge or edit, not "
                              f"{json.dumps(kind)}.", EVENTS_HINT)
        unknown = sorted(set(item) - {"at", "event", "file"})
        if unknown:
            raise ScriptError(f"{where}: unknown key {json.dumps(unknown[0])}.", EVENTS_HINT)
        if seconds is not None and at > seconds + 0.5:
            raise ScriptError(f"{where}: at {at:g} s is after the end of the recording "
                              f"({seconds:.0f} s).", "Place every event within the recording.")
        file = None
        if "file" in item:
            if kind != "run" or not isinstance(item["file"], str) or not item["file"].strip():
                raise ScriptError(f"{where}: \"file\" names the code a run tests, so it goes "
                                  "with a run event and must be a path.", EVENTS_HINT)
            file = (path.parent / item["file"]).expanduser()
            if not file.is_file():
                raise ScriptError(f"{where}: the file {file} does not exist.",
                                  "Give a path relative to the events file.")
        events.append(Event(float(at), str(kind), number, file))
    return sorted(events, key=lambda e: (e.at, e.line))


class ScriptClock:
    """The drill's clock, moved by the script (seconds from the start of the recording)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def replay(exercise: Exercise, language: Language, solution: Path, events: Sequence[Event],
           seconds: float, *, timed: bool = True, turn: int = 0) -> Attempt:
    """Run the drill's events on its clock; returns the attempt, feedback chosen, unsaved."""
    if not solution.is_file():
        raise ScriptError(f"The solution file {solution} does not exist.",
                          "Give the code as it was at the end of the drill with --solution.")
    clock = ScriptClock()
    attempt = Attempt(exercise, language, solution, timed=timed, clock=clock)
    end = max([seconds, *(e.at for e in events)])

    def advance(to: float) -> None:
        while True:
            due = attempt.nudging.due_at()
            if due is None or due > to:
                break
            clock.now = due
            attempt.offer_due()
        clock.now = to

    last_file: Path | None = None
    for event in events:
        advance(event.at)
        if event.kind == "nudge":
            attempt.next_nudge()
            continue
        attempt.nudging.decline()
        if event.kind == "edit":
            attempt.edited()
        else:
            last_file = event.file or solution
            attempt.run(event.file)
    advance(end)
    attempt.nudging.decline()
    if last_file != solution:
        attempt.run()
    attempt.feedback = choose(exercise, language.id, attempt.last, _source(solution), turn)
    return attempt


def _source(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def answer(attempt: Attempt, reply: str | None) -> dict[str, Any] | None:
    """The coach's reading of the reply to the attempt's feedback, kept on the attempt."""
    from netprep.coach.reply import read_reply

    if attempt.feedback is None:
        return None
    if reply is None or not reply.strip():
        attempt.feedback["reply"] = None
        return None
    reading = read_reply(reply, attempt.feedback["text"]).to_dict()
    attempt.feedback["reply"] = reading
    return reading
