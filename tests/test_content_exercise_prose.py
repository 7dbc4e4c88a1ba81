"""An exercise's prose is language-neutral: its statement and the interviewer's answers
say "return whether ..." rather than a literal of one language ("return true" beside
Python's True, "return False" beside JavaScript's false)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

EXERCISES = sorted((Path(__file__).resolve().parents[1] / "content" / "exercises")
                   .glob("*.yaml"))
LITERAL = re.compile(r"\breturns?\s+(?:true|false)\b|\btrue or false\b", re.I)


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_the_prose_names_no_language_literal(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    prose = [("statement", data.get("statement") or "")]
    prose += [(f"clarifications.{c.get('id')}", str(c.get("answer") or ""))
              for c in data.get("clarifications") or ()]
    for field, text in prose:
        assert not LITERAL.search(text), f"{path.name}: {field}: {text!r}"


def test_valid_anagram_says_whether() -> None:
    data = yaml.safe_load((EXERCISES[0].parent / "valid-anagram.yaml").read_text())
    assert "return whether `t` is an anagram of `s`" in data["statement"]
