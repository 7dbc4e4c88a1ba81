"""Knowledge questions are judged by their key points, not as STAR stories (issues 13, 18)."""

from __future__ import annotations

from netprep.coach.answers import analyze, question_kind
from netprep.content.models import Question

POINTS = ("cache recent thumbnails near the users", "expire entries with a TTL",
          "measure the hit rate")
ANSWER = ("I would cache recent thumbnails near the users in a CDN, expire entries with a "
          "TTL of a day, and measure the hit rate to size it.")


def _question(kind: str, key_points: tuple[str, ...] = POINTS) -> Question:
    return Question("q", "technical" if kind == "system-design" else "role",
                    "Design a thumbnail cache.", 180, "builtin", key_points=key_points,
                    kind=kind)


def test_system_design_and_role_questions_with_key_points_are_technical() -> None:
    assert question_kind(_question("system-design")) == "technical"
    assert question_kind(_question("role")) == "technical"
    assert question_kind(_question("role", key_points=())) == "role"  # a story question


def test_a_complete_design_answer_is_not_told_it_has_no_action() -> None:
    for kind in ("system-design", "role"):
        q = _question(kind)
        codes = [f.code for f in analyze(ANSWER, kind=question_kind(q),
                                         key_points=q.key_points, question=q.text).findings]
        assert "missing-action" not in codes and "missing-result" not in codes, codes
        assert "key-points-missed" not in codes, codes
