"""A STAR story as the user wrote it (the record `store/` reads and writes).

Light on purpose: `star list --json` imports it; only dataclasses and the coach's constants.
"""

from __future__ import annotations

from dataclasses import dataclass

from netprep.coach.terms import PARTS, READY_SCORE, STAR

TARGET_STORIES = (4, 5)  # a bank of four to five stories
REQUIRED = ("title", *STAR)

__all__ = ["PARTS", "READY_SCORE", "REQUIRED", "STAR", "TARGET_STORIES", "Story"]


def _norm(text: str) -> str:
    return " ".join(str(text or "").split())


@dataclass
class Story:
    id: int | None
    title: str
    situation: str
    task: str
    action: str
    result: str
    learned: str = ""
    tags: tuple[str, ...] = ()
    template: str | None = None
    created_at: str = ""
    updated_at: str = ""

    def part(self, name: str) -> str:
        return str(getattr(self, name) or "")

    def text(self) -> str:
        """Everything the user would say, part by part."""
        return "\n".join(self.part(p) for p in PARTS if self.part(p).strip())

    def same_as(self, other: Story) -> bool:
        """Same title and same text (used by import to skip stories already present)."""
        return _norm(self.title) == _norm(other.title) and all(
            _norm(self.part(p)) == _norm(other.part(p)) for p in PARTS
        )

    def missing(self) -> list[str]:
        """Required fields that are empty."""
        return [name for name in REQUIRED if not str(getattr(self, name) or "").strip()]
