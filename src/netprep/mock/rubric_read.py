"""The coach's findings read against the round's rubric (content `rubrics.yaml`).

No new judgement: each area of the rubric collects the coach's own findings that show
it (behavioral: structure, your own part, result, reflection) or, in a design round,
the answer to the phase it scores (key points covered). An area is met in an answer
when none of its findings is there (a design phase: every key point covered).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Behavioral areas by the finding codes that cost their marks (README's coach rubric).
BEHAVIORAL = {
    "structure": ("missing-situation", "missing-task", "missing-action", "setup-heavy",
                  "too-short", "too-long"),
    "ownership": ("we-heavy", "short-action"),
    "result": ("missing-result", "no-metric", "vague-result", "short-result"),
    "reflection": ("no-learning",),
}
# What each code means, as the summary names it.
SAID = {"missing-situation": "no situation", "missing-task": "no task",
        "missing-action": "no action", "setup-heavy": "long background",
        "too-short": "too short", "too-long": "too long", "we-heavy": "only \"we\"",
        "short-action": "thin action", "missing-result": "no result",
        "no-metric": "result not measured", "vague-result": "vague result",
        "short-result": "thin result", "no-learning": "no lesson",
        "key-points-missed": "key points missed"}
STAR_KINDS = ("behavioral", "culture")
# Design areas by the phase that shows them (`design/<id>.yaml` phases).
DESIGN = {"requirements": "requirements", "estimates": "estimation", "high-level": "design",
          "deep-dive": "depth", "trade-offs": "trade-offs"}


def read(rubric: Any, answers: Sequence[Any]) -> list[dict[str, Any]]:
    """One row per rubric area: `{"id", "name", "met", "of", "missing": [codes]}`, over the
    answers the coach read (answers given aloud without text are left out)."""
    if rubric is None or rubric.round not in ("behavioral", "design"):
        return []
    rows = {a.id: {"id": a.id, "name": a.name, "met": 0, "of": 0, "missing": []}
            for a in rubric.areas}
    for record in answers:
        analysis = record.analysis
        if analysis is None or not getattr(record, "answer", "").strip():
            continue
        codes = set(getattr(analysis, "codes", ()))
        if rubric.round == "behavioral":
            if getattr(analysis, "kind", "") not in STAR_KINDS:
                continue  # a motivation or technical answer is not read as a story
            for area, costs in BEHAVIORAL.items():
                if area in rows:
                    _count(rows[area], [c for c in costs if c in codes])
        else:
            phase = str(record.question.id).rpartition("--")[2]
            scored = DESIGN.get(phase)
            if scored in rows:
                missed = getattr(analysis, "extra", {}).get("key_points_missed") or []
                _count(rows[scored], ["key-points-missed"] if missed else [])
    return [row for row in rows.values() if row["of"]]


def _count(row: dict[str, Any], found: list[str]) -> None:
    row["of"] += 1
    if found:
        row["missing"] += [c for c in found if c not in row["missing"]]
    else:
        row["met"] += 1

