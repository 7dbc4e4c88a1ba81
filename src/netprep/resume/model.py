"""A resume entry: one project, internship, community or education line of a resume."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = ("project", "internship", "community", "education")
TEXT_FIELDS = ("title", "organisation", "dates", "role", "what", "scale", "part", "outcome")
MAX_TITLE = 200
MAX_CHARS = 4000
MAX_TECH = 30


@dataclass
class Entry:
    id: int | None
    kind: str
    title: str
    organisation: str = ""
    dates: str = ""
    role: str = ""
    what: str = ""
    tech: tuple[str, ...] = ()
    scale: str = ""
    part: str = ""
    outcome: str = ""
    stories: tuple[int, ...] = ()
    created_at: str = ""
    updated_at: str = ""

    def label(self) -> str:
        """How the entry is named to the user: its title, with the organisation if any."""
        if self.organisation and self.organisation.lower() not in self.title.lower():
            return f"{self.title} ({self.organisation})"
        return self.title

    def gaps(self) -> list[str]:
        """The fields a deep-dive leans on that are still empty."""
        wanted = ("what", "part", "outcome") + (("tech",) if self.kind == "project" else ())
        return [name for name in wanted if not getattr(self, name)]

    def to_dict(self, meta: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id} if meta and self.id is not None else {}
        data["kind"] = self.kind
        for name in TEXT_FIELDS:
            data[name] = getattr(self, name)
        data["tech"] = list(self.tech)
        data["stories"] = list(self.stories)
        if meta:
            data["created_at"] = self.created_at
            data["updated_at"] = self.updated_at
        return data

    def summary(self) -> dict[str, Any]:
        """The `resume list --json` row."""
        return {"id": self.id, "kind": self.kind, "title": self.title,
                "organisation": self.organisation, "dates": self.dates, "role": self.role,
                "stories": list(self.stories)}


def split_list(values: Any) -> tuple[str, ...]:
    """`--tech "Python, SQL" --tech Docker` -> ("Python", "SQL", "Docker"), no repeats."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    found: list[str] = []
    for value in values:
        for part in str(value).replace(";", ",").split(","):
            item = " ".join(part.split())
            if item and item.lower() not in (f.lower() for f in found):
                found.append(item)
    return tuple(found)
