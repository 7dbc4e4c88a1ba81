"""Short versions for recruiter and hiring-manager screens: 30-60 seconds said aloud.

A screen asks for the gist, not the whole story. The short version is cut from the
saved text with the coach's own tools, never rewritten: the situation in one line (its
first sentence), the student's key action (the sentence whose clauses are most the
student's own steps), the measured result (the outcome sentence that measures its
effect, else the first outcome), and, while the whole stays under a minute, the next
steps and the lesson. Speaking time is the one estimate (`terms.speaking_seconds`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from netprep.coach.terms import PARTS, speaking_seconds
from netprep.text import count_words

SHORT_SECONDS = (30, 60)  # a screen's answer: half a minute to a minute
LINE_WORDS = 30  # a line longer than this is cut at a clause


@dataclass(frozen=True)
class ShortLine:
    part: str  # situation, task, action, result, learned (a story); present, past, why
    text: str


@dataclass(frozen=True)
class Short:
    lines: tuple[ShortLine, ...]
    words: int
    seconds: int
    full_seconds: int  # the whole text, for comparison
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"lines": [{"part": ln.part, "text": ln.text} for ln in self.lines],
                "words": self.words, "speaking_seconds": self.seconds,
                "full_seconds": self.full_seconds, "notes": list(self.notes)}


def _words_for(seconds: int) -> int:
    from netprep.coach.terms import WORDS_PER_MINUTE

    return seconds * WORDS_PER_MINUTE // 60


def _one_line(sentence: str) -> str:
    """A sentence kept to one spoken line: cut at its first clauses past LINE_WORDS."""
    if count_words(sentence) <= LINE_WORDS:
        return sentence
    from netprep.coach.sentences import clauses

    kept: list[str] = []
    for clause in clauses(sentence):
        if kept and count_words(" ".join(kept + [clause.text])) > LINE_WORDS:
            break
        kept.append(clause.text)
    line = ", ".join(kept).rstrip(" ,.;:")
    return line + "." if line else sentence


def short_story(fields: Mapping[str, str]) -> Short:
    """The 30-60 s version of a story (its fields by STAR part, plus learned)."""
    from netprep.coach.engine import label_story
    from netprep.coach.metrics import is_impact
    from netprep.coach.sentences import sentences

    labels = label_story(fields)
    # Sentences of each field, and for each sentence how many of its words are own steps.
    by_part = {p: sentences(fields.get(p) or "") for p in PARTS}
    base: dict[str, int] = {}
    for lab in labels:
        if lab.clause.field is not None:
            base.setdefault(lab.clause.field, lab.clause.sentence)
    own: dict[str, int] = {}  # an action sentence -> words of the student's own steps
    measured: set[str] = set()  # result sentences that measure their effect
    for lab in labels:
        part = lab.clause.field or ""
        index = lab.clause.sentence - base.get(part, 0)
        if not 0 <= index < len(by_part.get(part, ())):
            continue
        sentence = by_part[part][index]
        if lab.label == "own_action" and part == "action":
            own[sentence] = own.get(sentence, 0) + count_words(lab.text)
        if lab.label == "outcome" and part == "result" and is_impact(lab.text):
            measured.add(sentence)
    picked: dict[str, list[str]] = {p: [] for p in PARTS}
    notes: list[str] = []
    if by_part["situation"]:
        picked["situation"].append(by_part["situation"][0])
    actions = sorted(by_part["action"], key=lambda s: (-own.get(s, 0),
                                                       by_part["action"].index(s)))
    if actions:
        picked["action"].append(actions[0])
    results = [s for s in by_part["result"] if s in measured] or by_part["result"][:1]
    if results:
        picked["result"].append(results[0])
    if not any(s in measured for s in by_part["result"]):
        notes.append("No measured result: a screen remembers a number; add one to the "
                     "result if you have it.")
    # Fill toward 30 s, never past 60 s: further own steps, the task, the lesson.
    extra = [("action", s) for s in actions[1:] if own.get(s)]
    extra += [("task", s) for s in by_part["task"][:1]]
    extra += [("learned", s) for s in by_part["learned"][:1]]
    extra += [("action", s) for s in actions[1:] if not own.get(s)]
    short = _build(picked, PARTS, by_part)
    low, high = (_words_for(s) for s in SHORT_SECONDS)
    for part, sentence in extra:
        if short.words >= low:
            break
        trial = {**picked, part: [*picked[part], sentence]}
        if _build(trial, PARTS, by_part).words <= high:
            picked = trial
            short = _build(picked, PARTS, by_part)
    full = speaking_seconds(sum(count_words(fields.get(p) or "") for p in PARTS))
    whole = [(p, fields.get(p) or "") for p in PARTS if (fields.get(p) or "").strip()]
    return _finish(short, full, notes, "story", whole)


def short_pitch(beats: Sequence[tuple[str, str]]) -> Short:
    """The 30-60 s version of a saved pitch ((beat, text) pairs: present, past, why):
    the first present line, the past highlight with a measured result (else the first),
    and why this role; more past highlights while it stays under a minute."""
    from netprep.coach.metrics import is_impact

    present = [t for b, t in beats if b == "present"]
    past = [t for b, t in beats if b == "past"]
    why = [t for b, t in beats if b == "why"]
    order = ("present", "past", "why")
    source = {"present": present, "past": past, "why": why}
    ranked = sorted(past, key=lambda t: (not is_impact(t), past.index(t)))
    picked: dict[str, list[str]] = {"present": present[:1], "past": ranked[:1],
                                    "why": why[:1]}
    notes: list[str] = []
    if not why:
        notes.append("No 'why this role' line: a screen always asks it; add a `- why:` line "
                     "with `netprep resume pitch`.")
    short = _build(picked, order, source)
    low, high = (_words_for(s) for s in SHORT_SECONDS)
    for text in [*ranked[1:], *present[1:]]:
        if short.words >= low:
            break
        part = "present" if text in present else "past"
        trial = {**picked, part: [*picked[part], text]}
        if _build(trial, order, source).words <= high:
            picked = trial
            short = _build(picked, order, source)
    full = speaking_seconds(sum(count_words(t) for _, t in beats))
    return _finish(short, full, notes, "pitch", beats)


def _build(picked: Mapping[str, list[str]], order: Sequence[str],
           source: Mapping[str, Sequence[str]] | None = None) -> Short:
    """The lines in the order they were written (part by part, then within a part)."""
    def place(part: str, sentence: str) -> int:
        known = (source or {}).get(part, ())
        return list(known).index(sentence) if sentence in known else 0

    lines = tuple(ShortLine(part, _one_line(" ".join(s.split())))
                  for part in order
                  for s in sorted(picked.get(part, ()), key=lambda s, p=part: place(p, s)))
    words = sum(count_words(ln.text) for ln in lines)
    return Short(lines, words, speaking_seconds(words), 0)


def _finish(short: Short, full: int, notes: list[str], what: str,
            whole: Sequence[tuple[str, str]] = ()) -> Short:
    """The short version with its notes. When the whole text already fits a screen and
    the cut is under half a minute, the short version is the whole text, as written: a
    cut (a long sentence shortened at a clause) that is then told "tell it as it is"
    would contradict itself."""
    from netprep.text import clock

    low, high = SHORT_SECONDS
    if not short.lines:
        notes.insert(0, f"The {what} is empty: nothing to shorten.")
    elif short.seconds < low:
        if full <= high:
            lines = tuple(ShortLine(part, " ".join(text.split())) for part, text in whole
                          if text.strip())
            if lines:
                words = sum(count_words(ln.text) for ln in lines)
                short = Short(lines, words, speaking_seconds(words), 0)
            if short.seconds < low:
                notes.append(f"This is the whole {what}, about {clock(full)}: under the "
                             f"{clock(low)} a screen gives you, so tell it all and add a "
                             "detail in your own words as you say it.")
            else:
                notes.append(f"This is the whole {what}, about {clock(full)}: it already "
                             "fits a screen, so tell it as it is.")
        else:
            notes.append(f"About {clock(short.seconds)}, under the {clock(low)} a screen "
                         "gives you: add a detail in your own words as you say it.")
    return Short(short.lines, short.words, short.seconds, full, tuple(notes))
