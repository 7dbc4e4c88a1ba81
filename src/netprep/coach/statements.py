"""Which key points a technical answer states, and which it states wrongly.

Coverage by words (`keypoints`: notation and wording normalised, plain-language
versions), less what the answer contradicts (`claims`: negations, swapped roles,
exclusive values; `bounds`: another complexity for the same cost), less points said
of another subject or only as the other dimension of cost.
"""

from __future__ import annotations

from collections.abc import Sequence

from netprep.coach.bounds import cost_stated, dims_agree, wrong_bounds
from netprep.coach.claims import misattributed, wrong_points
from netprep.coach.keypoints import _terms, point_covered, word_hits


def covered_points(points: Sequence[str], answer: str) -> list[int]:
    """Indexes of the key points the answer states (not merely shares words with)."""
    return judge_points(points, answer)[0]


def judge_points(points: Sequence[str], answer: str) -> tuple[list[int], dict[int, str]]:
    """(indexes of the points covered, {index of a point stated wrongly: what was said}).

    A contradicted point is wrong whether or not it shares the answer's words, and
    never covered."""
    terms = _terms(answer)
    texts = [str(p) for p in points]
    wrong = wrong_points(texts, answer)
    for i, said in wrong_bounds(texts, answer).items():
        wrong.setdefault(i, said)
    stems = [_terms(t)[1] for t in texts]
    covered = [i for i, p in enumerate(points)
               if i not in wrong and point_covered(
                   str(p), terms, strict=bool(wrong),
                   cost_stated=lambda point: cost_stated(point, answer),
                   others=set().union(*(w for j, w in enumerate(stems) if j != i)))
               and (word_hits(str(p), terms) >= 2 or dims_agree(str(p), answer))
               and not misattributed(str(p), answer)]
    return covered, wrong
