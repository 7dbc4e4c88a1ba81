"""Partner scores: parsing a scripted line, and the record kept beside the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from netprep.errors import NetprepError
from netprep.partner.rubric import LEVELS, Dimension

_PAIR = re.compile(r"^([a-z_-]+)\s*=\s*(\S+)$")


@dataclass
class PartnerScore:
    ratings: dict[str, int]
    note: str = ""
    name: str | None = None
    self_ratings: dict[str, int] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "ratings": dict(self.ratings),
                               "note": self.note or None}
        if self.self_ratings:
            out["self_ratings"] = dict(self.self_ratings)
        return out


class BadScores(NetprepError):
    """A scripted partner line that cannot be read; the answers so far are kept."""


def parse_line(line: str, dims: tuple[Dimension, ...], where: str) -> PartnerScore:
    """`structure=3 specifics=2 result=4 communication=3 | an optional note`."""
    scores, _, note = line.partition("|")
    wanted = [d.id for d in dims]
    example = " ".join(f"{d}=3" for d in wanted)
    ratings: dict[str, int] = {}
    for token in scores.split():
        match = _PAIR.match(token.strip().lower())
        if not match:
            raise BadScores(f"{where}: cannot read {token!r} as a score.",
                            f"Write the scores as `{example} | a note`.")
        dim, value = match.groups()
        if dim not in wanted:
            raise BadScores(f"{where}: {dim!r} is not a dimension of this question's rubric.",
                            f"Its dimensions are {', '.join(wanted)}: `{example}`.")
        if not value.isdigit() or int(value) not in LEVELS:
            raise BadScores(f"{where}: {dim} is {value!r}; scores go from 1 to 4.",
                            f"Write, for example, `{example}`.")
        ratings[dim] = int(value)
    missing = [d for d in wanted if d not in ratings]
    if missing:
        raise BadScores(f"{where}: the score for {', '.join(missing)} is missing.",
                        f"Give every dimension of this question's rubric: `{example}`.")
    return PartnerScore(ratings, note.strip())


def overall_rating(ratings: dict[str, int]) -> int:
    """A 1-4 rubric mean on the answer's 1-5 self-rating scale (1 -> 1, 4 -> 5)."""
    mean = sum(ratings.values()) / len(ratings)
    return max(1, min(5, round(1 + (mean - 1) * 4 / 3)))
