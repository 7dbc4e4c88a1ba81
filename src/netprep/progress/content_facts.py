"""The few content facts `stats` and `plan` need, from the content library.

`netprep.content.collect()` reads the validated library from its cache, so
`stats --json` parses no YAML unless a pack changed. Broken packs never fail
the dashboard: whatever loaded is summarised.
"""

from __future__ import annotations

from typing import Any


def summarise(library: Any) -> dict[str, Any]:
    """The dashboard's view of a loaded `Library`."""
    themes: dict[str, dict[str, Any]] = {}
    for theme in library.themes:
        entry = themes.setdefault(theme.id, {"id": theme.id, "title": theme.title, "items": 0})
        entry["items"] += len(theme.quiz)
    rounds: dict[str, int] = {}
    for question in library.questions:
        rounds[question.round] = rounds.get(question.round, 0) + 1
    calendar = [
        {"title": tip.title, "text": tip.text}
        for section in library.tips if section.id == "calendar" for tip in section.items
    ]
    return {
        "competencies": [{"id": c.id, "name": c.name} for c in library.competencies.values()],
        "themes": list(themes.values()),
        "rounds": rounds,
        "exercises": len(library.exercises),
        "exercise_list": [{"id": e.id, "title": e.title, "difficulty": e.difficulty}
                          for e in library.exercises],
        "calendar": calendar,
    }


def content_summary() -> dict[str, Any]:
    """The dashboard's content facts for the loaded packs (built-in and the user's)."""
    from netprep.content import collect

    library, _problems = collect()
    return summarise(library)
