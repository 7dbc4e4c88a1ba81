"""Resume queries that `stats --json` needs, free of the feature's model (kept lean)."""

from __future__ import annotations

import json
from typing import Any

from netprep.store.db import Store

PITCH_KEY = "resume.pitch"


def get_pitch(store: Store) -> dict[str, Any] | None:
    """The saved pitch: {"text", "saved_at"}, or None."""
    raw = store.get_setting(PITCH_KEY)
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) and isinstance(value.get("text"), str) else None


def practised_entries(store: Store) -> dict[int, int]:
    """Entry id -> how many deep-dive answers it has had (question ids `resume-<id>-...`)."""
    # A range on the question-id index (`resume-` up to `resume.`), not a scan of every
    # answer: `stats --json` over 100k answers stays fast.
    rows = store.query("SELECT question_id, count(*) AS n FROM answers "
                       "WHERE question_id >= 'resume-' AND question_id < 'resume.' "
                       "AND round = 'resume' GROUP BY question_id")
    counts: dict[int, int] = {}
    for r in rows:
        parts = str(r["question_id"]).split("-")
        if len(parts) >= 3 and parts[0] == "resume" and parts[1].isdigit():
            counts[int(parts[1])] = counts.get(int(parts[1]), 0) + int(r["n"])
    return counts
