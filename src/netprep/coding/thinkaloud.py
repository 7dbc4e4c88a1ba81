"""The think-aloud review of a spoken drill: one timeline of talk, test runs and silences.

Pure: takes the transcript's words (seconds from the start of the drill), the test
runs and nudges on the same clock, and the drill's length; returns the `think_aloud`
record that `history show --json` keeps, with a finding and a suggestion per habit.

- talk_share: the share of the drill inside spoken pieces (words closer than
  PIECE_GAP seconds make one piece).
- silences: each quiet stretch over SILENCE_SECONDS, with what happened just before.
- approach_before_first_run: the plan was said (a way of solving, or the structures
  it uses) before the first test run (before the end when nothing was run).
- complexity_said: a time or space complexity was named; tests_said: a test case,
  an edge case or an example was talked through.
- fillers_per_min: um, uh and hmm per minute of talk.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from netprep.coach.habits import APPROACH as _APPROACH
from netprep.coach.habits import COMPLEXITY as _COMPLEXITY
from netprep.coach.habits import SPOKEN_TESTS as _TESTS
from netprep.voice.measures import Word, filler_of, tokens

PIECE_GAP = 1.5  # seconds between words that end a piece of talk
PIECE_MAX = 20.0  # a piece is cut after this long, so the transcript reads in steps
SILENCE_SECONDS = 60.0
AFTER_WINDOW = 20.0  # an event this close before a silence is what it came "right after"
LOW_TALK_SHARE = 0.3
MANY_FILLERS = 6.0  # per minute

ORDINALS = ("first", "second", "third", "fourth", "fifth")


def pieces(words: Sequence[Word]) -> list[dict[str, Any]]:
    """The transcript in pieces of talk: {"start", "end", "text"}."""
    out: list[dict[str, Any]] = []
    current: list[Word] = []
    for word in words:
        if not tokens(word.text):
            continue
        if current and (word.start - current[-1].end >= PIECE_GAP
                        or word.end - current[0].start > PIECE_MAX):
            out.append(_piece(current))
            current = []
        current.append(word)
    if current:
        out.append(_piece(current))
    return out


def _piece(words: list[Word]) -> dict[str, Any]:
    text = " ".join("".join(w.text for w in words).split())
    return {"start": round(words[0].start, 1), "end": round(max(w.end for w in words), 1),
            "text": text}


def clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _run_name(runs: Sequence[dict[str, Any]], index: int) -> str:
    run = runs[index]
    if run["all_passed"]:
        return "the run where every test passed"
    failing = [i for i, r in enumerate(runs[: index + 1]) if not r["all_passed"]]
    nth = len(failing) - 1
    word = ORDINALS[nth] if nth < len(ORDINALS) else f"{nth + 1}th"
    what = "run that did not load" if run.get("error") else "failing run"
    return f"the {word} {what}"


def _events(runs: Sequence[dict[str, Any]], nudges: Sequence[dict[str, Any]],
            offers: Sequence[dict[str, Any]]) -> list[tuple[float, str]]:
    events = [(float(r["at"]), _run_name(runs, i)) for i, r in enumerate(runs)]
    events += [(float(n["at"]), f"nudge {n['level']}") for n in nudges]
    events += [(float(o["at"]), "the interviewer's offer of a nudge") for o in offers
               if not o.get("taken")]
    return sorted(events)


def _after(at: float, events: list[tuple[float, str]]) -> str | None:
    if at <= 1.0:
        return "the start"
    close = [name for when, name in events if at - AFTER_WINDOW <= when <= at + 5.0]
    return close[-1] if close else None


def review(words: Sequence[Word], duration: float, runs: Sequence[dict[str, Any]] = (),
           nudges: Sequence[dict[str, Any]] = (), offers: Sequence[dict[str, Any]] = ()
           ) -> dict[str, Any]:
    """The `think_aloud` record of one drill, with `findings` (code, message, suggestion)."""
    spoken = pieces(words)
    duration = max(duration, spoken[-1]["end"] if spoken else 0.0, 0.0)
    talk = sum(p["end"] - p["start"] for p in spoken)
    events = _events(runs, nudges, offers)
    silences: list[dict[str, Any]] = []
    edges = [0.0] + [x for p in spoken for x in (p["start"], p["end"])] + [duration]
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        if end - start > SILENCE_SECONDS:
            silences.append({"start": round(start, 1), "seconds": round(end - start, 1),
                             "after": _after(start, events)})
    first_run = float(runs[0]["at"]) if runs else duration
    before = " ".join(p["text"] for p in spoken if p["start"] < first_run).lower()
    everything = " ".join(p["text"] for p in spoken).lower()
    fillers = sum(1 for w in words if filler_of(w.text))
    minutes = talk / 60
    record: dict[str, Any] = {
        "talk_share": round(talk / duration, 2) if duration > 0 else 0.0,
        "talk_seconds": round(talk, 1),
        "drill_seconds": round(duration, 1),
        "silences": silences,
        "approach_before_first_run": bool(_APPROACH.search(before)),
        "complexity_said": bool(_COMPLEXITY.search(everything)),
        "tests_said": bool(_TESTS.search(everything)),
        "fillers_per_min": round(fillers / minutes, 1) if minutes >= 1 / 6 else 0.0,
        "transcript": spoken,
        "runs": [dict(r) for r in runs],
    }
    record["findings"] = findings(record)
    return record


def silence_text(silence: dict[str, Any]) -> str:
    """"quiet for 2:10, from 4:05, right after the first failing run"."""
    text = f"quiet for {clock(silence['seconds'])}, from {clock(silence['start'])}"
    after = silence.get("after")
    if after == "the start":
        return text + ", at the start"
    return text + (f", right after {after}" if after else "")


def findings(record: dict[str, Any]) -> list[dict[str, str]]:
    """One finding per habit missed, each with what to do next time."""
    out: list[dict[str, str]] = []
    share = record["talk_share"]
    if share < LOW_TALK_SHARE:
        out.append({"code": "quiet", "message": f"You talked for {share:.0%} of the drill.",
                    "suggestion": "Say what you are doing as you do it, even while typing: "
                    "the interviewer can only help with what they hear."})
    for silence in record["silences"]:
        message = silence_text(silence).capitalize() + "."
        after = silence.get("after") or ""
        if "failing" in after or "did not load" in after:
            tip = ("After a failing run, read the failing case out loud and say what you "
                   "think went wrong before you change the code.")
        elif "nudge" in after:
            tip = "After a nudge, say how you read it and what you will try with it."
        else:
            tip = "When you go quiet to think, say what you are weighing: two options, a doubt."
        out.append({"code": "long-silence", "message": message, "suggestion": tip})
    if not record["approach_before_first_run"]:
        out.append({"code": "no-approach", "message": "The approach was not said before the "
                    "first test run.", "suggestion": "Before you write code, say your plan in "
                    "a sentence or two: the idea and the structure it uses."})
    if not record["complexity_said"]:
        out.append({"code": "no-complexity", "message": "Neither time nor space complexity "
                    "was said.", "suggestion": "Name the time and space cost of your approach "
                    "(\"linear time, linear space for the map\") and of the brute force."})
    if not record["tests_said"]:
        out.append({"code": "no-tests", "message": "No test case or edge case was talked "
                    "through.", "suggestion": "Trace one small example out loud and name the "
                    "edge cases you would test: empty input, one element, duplicates."})
    if record["fillers_per_min"] > MANY_FILLERS:
        out.append({"code": "many-fillers", "message": f"{record['fillers_per_min']} fillers a "
                    "minute of talk.", "suggestion": "A short pause reads better than \"um\"; "
                    "finish the sentence, then breathe."})
    return out
