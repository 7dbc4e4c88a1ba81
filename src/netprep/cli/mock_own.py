"""The parts of `netprep mock` that come from the user's own data (issue 16).

Glue between the mock engine and the resume bank, kept out of both: the deep-dive
questions about resume entries (`--round resume`, and one in a mixed round), the
"tell me about yourself" question (`--round pitch`) compared with the saved outline,
and "Do you have any questions for me?" at the end of every round.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

PITCH_QUESTION = "Tell me about yourself."
PITCH_SECONDS = 90


def own_questions(store: Any, library: Any, config: Any,
                  practice: dict[str, Any]) -> tuple[dict[str, list[Any]], dict[str, Any]]:
    """The extra questions and hints `build_plan` takes, by round."""
    from netprep.errors import NetprepError

    if config.round == "pitch":
        from netprep.content.models import Question

        return {"pitch": [Question("pitch", "pitch", PITCH_QUESTION, PITCH_SECONDS,
                                   "resume")]}, {}
    if config.round not in ("resume", "mixed"):
        return {}, {}
    from netprep.store.resume import list_entries, practised_entries

    entries = list_entries(store)
    if not entries:
        if config.round == "resume":
            raise NetprepError("No resume entries yet, so there is nothing to ask about.",
                               "Import your resume with `netprep resume import FILE`, or add "
                               "an entry with `netprep resume add`.")
        return {}, {}
    import random

    from netprep.mock.plan import priority
    from netprep.resume.deepdive import pick, questions_for

    now = datetime.now(timezone.utc)
    scores = {q.key: priority(practice.get(q.key), now)
              for e in entries for q in questions_for(e, library.probes)}
    count = config.questions if config.round == "resume" else 1
    chosen = pick(entries, library.probes, count, scores, random.Random(config.seed),
                  practised_entries(store))
    return {"resume": chosen}, _hints(store, entries, chosen)


def _hints(store: Any, entries: list[Any], chosen: list[Any]) -> dict[str, Any]:
    from netprep.mock.model import Hint
    from netprep.resume.deepdive import entry_of
    from netprep.store.stories import list_stories

    by_id = {e.id: e for e in entries}
    titles = {s.id: s.title for s in list_stories(store)} if any(e.stories for e in entries) \
        else {}
    hints = {}
    for question in chosen:
        entry = by_id.get(entry_of(question.id))
        if entry is None:
            continue
        lines = []
        for label, value in (("Your part", entry.part), ("Outcome", entry.outcome),
                             ("Tech", ", ".join(entry.tech)), ("Scale", entry.scale)):
            if value:
                flat = " ".join(value.split())
                lines.append(f"{label}: {flat[:109] + '…' if len(flat) > 110 else flat}")
        for sid in entry.stories:
            if sid in titles:
                lines.append(f"Story {sid}: {titles[sid]}")
        if not lines:
            lines.append("Nothing written yet: fill it in with `netprep resume edit "
                         f"{entry.id}`.")
        hints[question.key] = Hint("entry", entry.label(), tuple(lines))
    return hints


def check_pitch(store: Any, result: Any, recorder: Any) -> dict[str, Any] | None:
    """Compare a typed pitch with the saved outline; the findings join the answer's."""
    from netprep.resume.pitch import compare
    from netprep.store.resume import get_pitch

    saved = get_pitch(store)
    for record in result.answers:
        if record.question.round != "pitch" or not record.answer.strip():
            continue
        if saved is None:
            return {"saved": False}
        check = compare(record.answer, saved["text"])
        record.findings = [*check.findings, *record.findings]
        recorder.update(record)
        return {"saved": True, "covered": check.covered, "missed": check.missed,
                "seconds": check.seconds}
    return None


def ask_back(interviewer: Any, store: Any, result: Any) -> list[dict[str, Any]]:
    """'Do you have any questions for me?': each question analysed and saved as it comes."""
    if result.session_id is None or result.stopped_early:
        return []
    ask = getattr(interviewer, "questions_for_me", None)
    if ask is None:
        return []
    from netprep.resume.asking import MAX_QUESTIONS, analyse
    from netprep.store.resume import add_asked

    asked: list[dict[str, Any]] = []

    def keep(text: str, voice: dict[str, Any] | None = None) -> None:
        """One question, typed or (with its speaking measures) spoken."""
        if len(asked) >= MAX_QUESTIONS or not text.strip():
            return
        item = {"text": " ".join(text.split()), "findings": analyse(text), "voice": voice}
        add_asked(store, result.session_id, [item], start=len(asked) + 1)
        asked.append(item)

    ask(keep)
    return asked
