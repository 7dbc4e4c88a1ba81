"""The schema of every kind of pack file (see docs/content-format.md)."""

from __future__ import annotations

from netprep.content.models import (
    DESIGN_PHASES,
    KINDS,
    LEVELS,
    ROUNDS,
    RUBRIC_ROUNDS,
    SCREENS,
)
from netprep.content.schema import (
    IDENT_RE,
    F,
    boolean,
    code_text,
    enum,
    ident,
    integer,
    json_value,
    record,
    text,
)
from netprep.content.schema import list_of as many

MEMO = record(
    {
        "title": F(text(max_chars=120)),
        "version": F(text(max_chars=40)),
        "published": F(text(max_chars=20)),
        "note": F(text(max_chars=400), False),
        # The memo's sections, which themes name in their memo_sections.
        "sections": F(
            many(record({"id": F(ident()), "title": F(text(max_chars=80))}), 1, 40),
            False,
            (),
        ),
    }
)

PACK = record(
    {
        "id": F(ident()),
        "name": F(text(max_chars=80)),
        "description": F(text(max_chars=600)),
        "version": F(text(max_chars=40)),
        "memo": F(MEMO, False),
    }
)

TRACKS = record(
    {
        "tracks": F(
            many(
                record(
                    {
                        "id": F(ident()),
                        "name": F(text(max_chars=80)),
                        "description": F(text(max_chars=400)),
                    }
                ),
                low=1,
            )
        )
    }
)

TOPICS = record(
    {
        "topics": F(
            many(record({"id": F(ident()), "name": F(text(max_chars=80))}), low=1)
        )
    }
)

COMPETENCIES = record(
    {
        "competencies": F(
            many(
                record(
                    {
                        "id": F(ident()),
                        "name": F(text(max_chars=80)),
                        "description": F(text(max_chars=400)),
                    }
                ),
                low=1,
            )
        )
    }
)

THEME = record(
    {
        "id": F(ident()),
        "title": F(text(max_chars=80)),
        "order": F(integer(1, 999, "a listing position"), False, 500),
        "summary": F(text(max_words=80)),
        # Ids of the sections of the pack's memo (pack.yaml memo.sections) this theme teaches.
        "memo_sections": F(many(ident(), 1, 6, unique=True), False, ()),
        "key_ideas": F(many(text(max_chars=400), 2, 4)),
        "quiz": F(
            many(
                record(
                    {
                        "id": F(ident()),
                        "kind": F(enum("definition", "scenario")),
                        "question": F(text(max_chars=600)),
                        "choices": F(many(text(max_chars=300), 3, 5, unique=True)),
                        "answer": F(integer(1, 5, "the number of the correct choice")),
                        "explanation": F(text(max_chars=800)),
                    }
                ),
                low=1,
            )
        ),
        "reflections": F(many(record({"id": F(ident()), "prompt": F(text(max_chars=400))}), low=1)),
    }
)

_CLARIFICATION = record(
    {
        "id": F(ident()),
        "question": F(text(max_chars=200)),
        "answer": F(text(max_chars=400)),
        "key": F(boolean(), False, False),
    }
)

QUESTIONS = record(
    {
        "round": F(enum(*ROUNDS)),
        "kind": F(enum(*KINDS), False),  # the default kind of this file's questions
        "tracks": F(many(ident(), 1, 8, unique=True), False, ()),  # likewise
        "screen": F(enum(*SCREENS), False),  # likewise
        "questions": F(
            many(
                record(
                    {
                        "id": F(ident()),
                        "text": F(text(max_chars=600)),
                        "kind": F(enum(*KINDS), False),
                        "tracks": F(many(ident(), 1, 8, unique=True), False, ()),
                        "level": F(enum(*LEVELS), False),
                        "competencies": F(many(ident(), 1, 3, unique=True), False, ()),
                        "themes": F(many(ident(), 1, 4, unique=True), False, ()),
                        "topic": F(ident(), False),
                        "seconds": F(integer(15, 900, "a number of seconds"), False, 120),
                        "follow_ups": F(many(text(max_chars=300), 0, 3), False, ()),
                        "key_points": F(many(text(max_chars=300), 3, 6), False, ()),
                        "clarifications": F(many(_CLARIFICATION, 1, 12), False, ()),
                        "talking_points": F(many(text(max_chars=300), 2, 6), False, ()),
                        "screen": F(enum(*SCREENS), False),
                        # A problem to solve out loud: credited for its approach,
                        # complexity and a test case; `challenges` are the reasoned
                        # pushbacks a --follow-ups round may ask about the answer.
                        "problem": F(boolean(), False, False),
                        "challenges": F(many(text(max_chars=300), 1, 3), False, ()),
                    }
                ),
                low=1,
            )
        ),
    }
)

_GUIDE = many(text(max_chars=300), 1, 5)
TEMPLATES = record(
    {
        "templates": F(
            many(
                record(
                    {
                        "competency": F(ident()),
                        "title": F(text(max_chars=120)),
                        "situation": F(_GUIDE),
                        "task": F(_GUIDE),
                        "action": F(_GUIDE),
                        "result": F(_GUIDE),
                        "learned": F(_GUIDE),
                        "pitfalls": F(_GUIDE),
                        "example": F(
                            record(
                                {
                                    "situation": F(text()),
                                    "task": F(text()),
                                    "action": F(text()),
                                    "result": F(text()),
                                    "learned": F(text(), False, ""),
                                }
                            )
                        ),
                    }
                ),
                low=1,
            )
        )
    }
)

TIPS = record(
    {
        "sections": F(
            many(
                record(
                    {
                        "id": F(ident()),
                        "title": F(text(max_chars=120)),
                        "items": F(
                            many(
                                record(
                                    {
                                        "title": F(text(max_chars=120)),
                                        "text": F(text(max_chars=800)),
                                        "practice": F(text(max_chars=400), False, ""),
                                    }
                                ),
                                low=1,
                            )
                        ),
                    }
                ),
                low=1,
            )
        )
    }
)

_CASE = record(
    {"args": F(many(json_value())), "expected": F(json_value()), "explain": F(text(), False)}
)

EXERCISE = record(
    {
        "id": F(ident()),
        "title": F(text(max_chars=120)),
        "difficulty": F(enum("easy", "medium", "hard")),
        "topics": F(many(ident(), 1, 4, unique=True)),
        "minutes": F(integer(1, 120, "a number of minutes")),
        "statement": F(text(max_chars=6000)),
        "function": F(ident(IDENT_RE, "a function name")),
        "signature": F(json_value()),
        "examples": F(many(_CASE, 1, 3)),
        "tests": F(many(_CASE, 8, 200)),
        "compare": F(enum("exact", "unordered", "float"), False, "exact"),
        "adapter": F(enum("linked-list", "binary-tree"), False),
        "hints": F(many(text(max_chars=600), 1, 4)),
        # What the interviewer says when you are stuck, gentlest first (issue 24): a
        # question pointing at the right view, then a direction, then the key idea.
        "nudges": F(many(text(max_chars=400), 3, 6), False, ()),
        # Points the interviewer can raise after the drill: a reasoned challenge.
        "feedback": F(many(text(max_chars=400), 2, 6), False, ()),
        "solution": F(json_value()),
        "clarifications": F(many(_CLARIFICATION, 1, 12), False, ()),
        "explanation": F(
            record(
                {
                    "approach": F(text(max_chars=1500)),
                    "time": F(text(max_chars=200)),
                    "space": F(text(max_chars=200)),
                }
            ),
            False,
        ),
    }
)

LANGUAGES = record(
    {
        "languages": F(
            many(
                record(
                    {
                        "id": F(ident()),
                        "name": F(text(max_chars=40)),
                        "command": F(many(text(max_chars=200), 1, 20)),
                        "build": F(many(text(max_chars=200), 1, 20), False, ()),
                        "suffix": F(text(max_chars=10)),
                        "starter": F(code_text()),
                        "harness": F(code_text()),
                    }
                ),
                low=1,
            )
        )
    }
)

# The deep-dive probes asked about the user's own resume entries (`mock --round resume`).
# `{title}` in a probe's text is replaced by the entry's title, so the question names it.
PROBES = record(
    {
        "probes": F(
            many(
                record(
                    {
                        "id": F(ident()),
                        "angle": F(text(max_chars=80)),
                        "text": F(text(max_chars=300)),
                        "follow_up": F(text(max_chars=300)),
                        "kinds": F(many(enum("project", "internship", "community",
                                             "education"), 1, 4, unique=True)),
                        "seconds": F(integer(30, 600, "seconds"), required=False,
                                     default=120),
                    }
                ),
                low=1,
            )
        )
    }
)

# Good questions to ask the interviewer, by theme (`netprep tips questions`).
INTERVIEWER_QUESTIONS = record(
    {
        "questions": F(
            many(
                record(
                    {
                        "id": F(ident()),
                        "theme": F(enum("team", "culture", "growth", "work", "memo")),
                        "text": F(text(max_chars=300)),
                        "why": F(text(max_chars=400)),
                    }
                ),
                low=1,
            )
        )
    }
)

# What each round scores (`rubrics.yaml`), shown in the mock briefing and `netprep tips rubrics`.
RUBRICS = record(
    {
        "rubrics": F(
            many(
                record(
                    {
                        "round": F(enum(*RUBRIC_ROUNDS)),
                        "title": F(text(max_chars=120)),
                        "summary": F(text(max_chars=400)),
                        "areas": F(
                            many(
                                record(
                                    {
                                        "id": F(ident()),
                                        "name": F(text(max_chars=60)),
                                        "strong": F(text(max_chars=400)),
                                        "weak": F(text(max_chars=400)),
                                    }
                                ),
                                3,
                                6,
                            )
                        ),
                        "habits": F(many(text(max_chars=300), 1, 5)),
                    }
                ),
                low=1,
            )
        )
    }
)

_ESTIMATE = record(
    {
        "id": F(ident()),
        "question": F(text(max_chars=300)),
        "answer": F(integer(1, 10**15, "a positive whole number")),
        "low": F(integer(1, 10**15, "a positive whole number")),
        "high": F(integer(1, 10**15, "a positive whole number")),
        "unit": F(text(max_chars=60)),
        "method": F(text(max_chars=600)),
    }
)

# A full design round (`design/<id>.yaml`): 45 minutes in five phases.
DESIGN = record(
    {
        "id": F(ident()),
        "title": F(text(max_chars=120)),
        "prompt": F(text(max_chars=600)),
        "tracks": F(many(ident(), 1, 8, unique=True)),
        "level": F(enum(*LEVELS)),
        "phases": F(
            many(
                record(
                    {
                        "phase": F(enum(*DESIGN_PHASES)),
                        "minutes": F(integer(1, 30, "a number of minutes")),
                        "ask": F(text(max_chars=400)),
                        "key_points": F(many(text(max_chars=300), 3, 6)),
                        "follow_ups": F(many(text(max_chars=300), 1, 3), False, ()),
                        "clarifications": F(many(_CLARIFICATION, 1, 12), False, ()),
                    }
                ),
                len(DESIGN_PHASES),
                len(DESIGN_PHASES),
            )
        ),
        "estimates": F(many(_ESTIMATE, 1, 4)),
    }
)
