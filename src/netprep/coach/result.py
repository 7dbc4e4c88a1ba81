"""An analysis as data: what the engine returns and what a cache holds.

Light on purpose (dataclasses and the finding type only): a command that shows cached
analyses (`star check` on an unchanged bank) builds them with `Analysis.from_dict`
without importing the engine and compiling its patterns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netprep.coach.findings import Finding

TYPE_CHECKING = False
if TYPE_CHECKING:
    from netprep.coach.parts import Labelled


@dataclass
class Analysis:
    words: int
    speaking_seconds: int
    score: int
    findings: list[Finding]
    parts: dict[str, int]
    has_metric: bool
    i_count: int
    we_count: int
    fillers: dict[str, int] = field(default_factory=dict)
    ready: bool = False
    kind: str = "story"
    typed: bool = False
    labels: list[Labelled] = field(default_factory=list, repr=False)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def sentences(self) -> list[dict[str, str]]:
        return [{"text": lab.text, "label": lab.label} for lab in self.labels]

    def to_dict(self) -> dict:
        out = {
            "words": self.words,
            "speaking_seconds": self.speaking_seconds,
            "score": self.score,
            "ready": self.ready,
            "has_metric": self.has_metric,
            "i_count": self.i_count,
            "we_count": self.we_count,
            "parts": dict(self.parts),
            "fillers": dict(self.fillers),
            "findings": [
                {"code": f.code, "part": f.part, "message": f.message, "suggestion": f.suggestion}
                for f in self.findings
            ],
        }
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """An analysis read back from `to_dict` (with `kind` and `typed`); no labels."""
        known = {"words", "speaking_seconds", "score", "ready", "has_metric", "i_count",
                 "we_count", "parts", "fillers", "findings", "kind", "typed"}
        return cls(
            words=int(data["words"]), speaking_seconds=int(data["speaking_seconds"]),
            score=int(data["score"]),
            findings=[Finding(str(f["code"]), str(f["message"]), str(f["suggestion"]),
                              f.get("part")) for f in data["findings"]],
            parts={str(k): int(v) for k, v in data["parts"].items()},
            has_metric=bool(data["has_metric"]), i_count=int(data["i_count"]),
            we_count=int(data["we_count"]),
            fillers={str(k): int(v) for k, v in (data.get("fillers") or {}).items()},
            ready=bool(data["ready"]), kind=str(data.get("kind", "story")),
            typed=bool(data.get("typed", False)),
            extra={k: v for k, v in data.items() if k not in known})
