"""The follow-up round on a submitted take-home, as real loops run it.

The questions name the candidate's own files and quote their README: how the
code is organised, a choice they wrote down, what they would do with more time,
how it would scale, and a bug they hit (or the requirement that did not pass).
Pure: the folder is read, nothing is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from netprep.content.models import Brief, Library, Question
from netprep.errors import NetprepError, UsageError
from netprep.mock.model import Plan, Planned
from netprep.mock.plan import briefing_tips
from netprep.store.takehome import TakehomeAttempt
from netprep.takehome.review import LEFT_OUT_HEADING, _section
from netprep.takehome.workspace import source_files

SECONDS = 150  # per question
SCALE = re.compile(r"scale|million|billion|grow|large|GB|10,000|per second|parallel", re.I)
DESIGN_HEADING = re.compile(r"^#+\s*(design|approach|architecture|how it works)\b", re.I | re.M)
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _sentences(text: str | None) -> list[str]:
    if not text:
        return []
    flat = " ".join(line.strip() for line in text.splitlines() if line.strip()
                    and not line.startswith("    "))
    return [s.strip() for s in SENTENCE.split(flat) if len(s.split()) >= 6 and "TODO" not in s]


def _quote(sentence: str, words: int = 24) -> str:
    parts = sentence.split()
    return sentence if len(parts) <= words else " ".join(parts[:words]) + " ..."


def _main_files(folder: Path) -> list[str]:
    code = [p for p in source_files(folder) if p.suffix in (".py", ".js")
            and not p.name.startswith("test") and ".test." not in p.name]
    code.sort(key=lambda p: -p.stat().st_size)
    return [p.relative_to(folder).as_posix() for p in code[:2]]


def follow_up_questions(brief: Brief, attempt: TakehomeAttempt, folder: Path) -> list[str]:
    readme = folder / "README.md"
    text = readme.read_text(encoding="utf-8", errors="replace") if readme.is_file() else ""
    files = _main_files(folder)
    questions = []
    if files:
        named = " and ".join(f"`{f}`" for f in files)
        questions.append(f"Walk me through {named}: how is the code organised, and why "
                         "that way rather than another?")
    design = _sentences(_section(text, DESIGN_HEADING))
    if design:
        questions.append(f'Your README says: "{_quote(design[0])}" Why did you choose '
                         "that, and what would make you change it?")
    left = _sentences(_section(text, LEFT_OUT_HEADING))
    if left:
        questions.append(f'You wrote that you left something out: "{_quote(left[0])}" '
                         "With two more hours, what would you build first, and how would "
                         "you test it?")
    else:
        questions.append("Your README does not say what you left out. What would you do "
                         "with two more hours, and why that first?")
    scale = [q for q in brief.follow_ups if SCALE.search(q)] or list(brief.follow_ups)
    questions.append(scale[0])
    review = attempt.review or {}
    failed = [r for r in review.get("acceptance", {}).get("requirements", [])
              if not r.get("passed")]
    if failed:
        questions.append(f"The check for \"{failed[0]['title']}\" did not pass. What do you "
                         "think went wrong, and how would you find out?")
    else:
        questions.append("Tell me about a bug you hit while building this: how did you "
                         "notice it, find the cause and fix it?")
    over = review.get("seconds_used", 0) - review.get("seconds_limit", 0)
    if over > 60:
        questions.append(f"You went {round(over / 60)} minutes over the time box. What took "
                         "longer than you planned, and what would you cut next time?")
    others = [q for q in brief.follow_ups if q not in questions]
    questions.extend(others[:1])
    return questions


def build_followup_plan(library: Library, attempt: TakehomeAttempt, *, timed: bool = True,
                        minutes: float | None = None, questions: int | None = None) -> Plan:
    """A mock `Plan` of the follow-up round on ``attempt`` (which must be submitted)."""
    from netprep.takehome.briefs import get_brief

    if attempt.state != "submitted":
        raise NetprepError(
            f"Attempt {attempt.id} is not submitted yet.",
            "Submit it first with `netprep takehome submit`; the follow-up round asks "
            "about submitted work.",
        )
    folder = Path(attempt.path)
    if not folder.is_dir():
        raise NetprepError(f"The submitted folder {folder} no longer exists.",
                           "The follow-up round reads your README and files from it.")
    brief = get_brief(library, attempt.brief_id)
    texts = follow_up_questions(brief, attempt, folder)
    if questions is not None:
        if not 1 <= questions <= 20:
            raise UsageError(f"--questions must be between 1 and 20, not {questions}.")
        texts = texts[:questions]
    target = round(minutes * 60) if minutes else SECONDS
    items = []
    for position, text in enumerate(texts, start=1):
        question = Question(id=f"takehome-{brief.id}-{position}", round="takehome", text=text,
                            seconds=target, pack=brief.pack)
        items.append(Planned(position, question, max(1, target)))
    settings: dict[str, Any] = {"attempt": attempt.id, "brief": brief.id,
                                "planned": [item.question.key for item in items]}
    return Plan("takehome", timed, tuple(items), briefing_tips(library, "takehome"), None, None,
                settings)
