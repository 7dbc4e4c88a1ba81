"""The complexities a text states, each with what it is the cost of, and the key points
an answer gives another cost.

"O(n) time and O(1) extra space" is two bounds: O(n) of time and O(1) of space.
"Lookups are O(1) on average, but O(n) in the worst case" gives both the lookups, each
with its case. Growth is compared, not letters: O(n + m), O(V + E) and "linear" are
one growth, a tree's O(h) is O(log n). A bound contradicts a key point when it is the
same dimension, case and operation with another growth that no key point gives it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from netprep.coach import lazyre as re
from netprep.coach.claims import (
    CARRIED,
    HYPOTHETICAL,
    REJECTED,
    SUBJECTS,
    canonical,
    clauses_of,
    original,
)

_DIMS = {"space": "space", "memory": "space", "extra": "space", "stack": "space",
         "time": "time", "steps": "time", "operations": "time", "comparisons": "time"}
_CASES = {"average": "average", "averages": "average", "expected": "average",
          "typically": "average", "usually": "average", "normally": "average",
          "worst": "worst", "always": "worst", "guaranteed": "worst", "amortised": "amortised",
          "amortized": "amortised", "best": "best"}
_OPS = re.compile(r"\b(lookups?|look up|search\w*|inserts?|insert(?:ion|ing)|adds?|adding|deletes?|"
                  r"delet(?:ion|ing)|push\w*|pop\w*|peek\w*|access\w*|appends?|append(?:ing)?|"
                  r"build\w*|heapify|sort\w*|merg\w*|resiz\w*|dequeue\w*|enqueue\w*|"
                  r"extract\w*|reading|read|join\w*|concaten\w*|set|sets|visited|recursive|"
                  r"iterative\w*|recursion|table|cop(?:y|ies|ying))\b")


@dataclass(frozen=True)
class Bound:
    value: str
    dim: str
    case: str | None
    ops: frozenset[str]
    clause: str


def bounds_of(text: str, hypothetical: bool = False) -> list[Bound]:
    """The complexities a text states, each with what it is the cost of; with
    `hypothetical`, those it only supposes instead ("growing by a fixed number would
    make appends O(n)")."""
    return list(_bounds(text, hypothetical))


@lru_cache(maxsize=2048)
def _bounds(text: str, hypothetical: bool) -> tuple[Bound, ...]:
    from netprep.coach.keypoints import normalise

    out: list[Bound] = []
    for clause in clauses_of(canonical(text)):
        if bool(HYPOTHETICAL.search(clause)) != hypothetical:
            continue
        norm = REJECTED.sub("", normalise(clause))
        pieces = re.split(r"(o\((?:[^()]|\([^()]*\))*\))", norm)
        if len(pieces) < 3:
            continue
        terms = pieces[1::2]
        gaps = pieces[0::2]
        prefix = gaps[0]
        for k, term in enumerate(terms):
            after = gaps[k + 1]
            if k + 1 < len(terms):  # words after "and"/"but" belong to the next term
                after = re.split(r"\b(?:and|but|while|whereas)\b|,", after)[0]
            before = gaps[k] if k else ""
            if k:
                tail = re.split(r"\b(?:and|but|while|whereas)\b|,", gaps[k])
                before = tail[-1] if len(tail) > 1 else ""
            own = f"{before} {after}"
            if k and (_OPS.search(own) or set(re.findall(r"[a-z_]+", own)) & SUBJECTS):
                near = own  # its own operation: the opening words were about the first
            else:
                near = f"{prefix} {own}"
            tokens = [_SUBJECT_OF.get(t, t) for t in re.findall(r"[a-z_]+", re.sub(
                r"\b(?:no|without|with no)\s+(?:extra|additional)\s+\w+", " ", near))]
            dim = next((_DIMS[t] for t in tokens if t in _DIMS), "time")
            case = next((_CASES[t] for t in tokens if t in _CASES), None)
            ops = frozenset(_op(m) for m in _OPS.findall(near)) | frozenset(
                t for t in tokens if t in SUBJECTS)
            out.append(Bound(_growth(term), dim, case, ops, clause))
    return tuple(out)


# normalise() rewrites some subjects (a BST is a "treemap"); bounds name them as claims do
_SUBJECT_OF = {"treemap": "bst"}


def _growth(term: str) -> str:
    """A complexity by its growth, whatever its letters: O(n + m), O(V + E) and "linear"
    are one growth; O(n log k) is O(n log n); a tree's O(h) is O(log n)."""
    inner = term[2:-1].replace("log", " log ")
    inner = re.sub(r"(?<![a-z])h(?![a-z])", "log n", inner)
    inner = re.sub(r"(?<![a-z])[nmkvebd](?![a-z])", "n", inner)
    inner = re.sub(r"\s+", "", inner)
    inner = re.sub(r"^min(?:imum)?\(n,n\)$", "n", inner)
    while True:
        merged = re.sub(r"\bn\+n\b|n\+n", "n", inner)
        if merged == inner:
            break
        inner = merged
    inner = inner.replace("n*n", "n^2")
    return f"o({inner})"


def _op(word: str) -> str:
    if word in ("add", "adds", "adding"):
        return "inser"  # adding an item is inserting it
    return re.sub(r"(?:ion|ing|s|es|ed)$", "", word.replace("look up", "lookup"))[:5]


def _same_cost(a: Bound, b: Bound) -> bool:
    if a.dim != b.dim:
        return False
    if a.case and b.case and a.case != b.case:
        return False
    if a.ops and b.ops:
        return bool(a.ops & b.ops)
    return not a.ops and not b.ops



def _ops(ops: frozenset[str]) -> frozenset[str]:
    return frozenset("hashmap" if o in ("set", "sets") else o for o in ops)


def _of_same_cost(point: Bound, said: Bound, named: frozenset[str]) -> bool:
    """The answer gives this growth to the point's cost: same dimension, no other case,
    and no other operation when both name one (a set is the hash set of the point); a
    bound said of nothing in particular counts when the answer names the point's
    operation somewhere (`named`)."""
    if point.value != said.value or point.dim != said.dim:
        return False
    if point.case and said.case and point.case != said.case:
        return False
    wanted, given = _ops(point.ops), _ops(said.ops)
    if wanted and given:
        return bool(wanted & given)
    return not wanted or bool(wanted & named)


def cost_stated(point: str, answer: str) -> bool:
    """Whether the answer gives each complexity of the point to the same cost: "inserting
    at the front is O(n)" is not stated by "the copy costs O(n)", and a supposed cost
    ("a fixed step would make appends O(n)") only by an answer that supposes it too."""
    from netprep.coach.keypoints import normalise

    text = normalise(canonical(answer))
    named = _ops(frozenset(_op(m) for m in _OPS.findall(text)) | frozenset(
        t for t in re.findall(r"[a-z_]+", text) if t in SUBJECTS))
    for hypothetical in (False, True):
        said = bounds_of(answer, hypothetical)
        if not all(any(_of_same_cost(pb, sb, named) for sb in said)
                   for pb in bounds_of(point, hypothetical)):
            return False
    return True


def dims_agree(point: str, answer: str) -> bool:
    """False when the answer gives a point's complexities only as the other dimension
    ("O(n) time" for a point about O(n) space)."""
    said = {(a.value, a.dim) for a in bounds_of(answer)}
    wanted = {(b.value, b.dim) for b in bounds_of(point)}
    values = {v for v, _ in said}
    return not wanted or not any(v in values for v, _ in wanted) or bool(wanted & said)


def _with_point_ops(bounds: list[Bound], point: str) -> list[Bound]:
    """A point's bounds said of nothing in particular take what the point is about from its
    other words ("A recursive version is shorter but uses O(n) stack": the recursion)."""
    from netprep.coach.keypoints import normalise

    if not bounds or all(b.ops for b in bounds):
        return bounds
    text = REJECTED.sub("", normalise(canonical(point)))
    ops = frozenset(_op(m) for m in _OPS.findall(text)) | frozenset(
        t for t in re.findall(r"[a-z_]+", text) if t in SUBJECTS)
    if not ops:
        return bounds
    return [b if b.ops else Bound(b.value, b.dim, b.case, ops, b.clause) for b in bounds]


# "On average each append costs a fixed small amount" is the amortised cost in plain words.
_SPREAD = {"average", "amortised"}


def _as_case(bound: Bound, case: str | None) -> Bound:
    if {bound.case, case} == _SPREAD:
        return Bound(bound.value, bound.dim, case, bound.ops, bound.clause)
    return bound


def _only_cost(point: Bound, every: list[Bound]) -> bool:
    """The point's bound is the only one of its dimension (and case) that any key point
    gives, so an answer's bound of that dimension said of nothing in particular ("It is
    O(n^2) time") can only be about it."""
    return not point.case and sum(1 for o in every if o.dim == point.dim) == 1


def wrong_bounds(points: Sequence[str], answer: str) -> dict[int, str]:
    """The same operation given another complexity than every key point gives it."""
    raw = [bounds_of(str(p)) for p in points]
    by_point = [_with_point_ops(bs, str(p)) for bs, p in zip(raw, points, strict=True)]
    every = [b for bs in by_point for b in bs]
    said = bounds_of(answer)
    # An answer that never recurses tells the iterative version: its costs said of nothing
    # in particular are the iterative ones ("O(n) extra space" against "O(1) extra space
    # iteratively; a recursive version uses O(n) stack").
    loops = not re.search(r"\brecurs\w*", answer.lower())
    out: dict[int, str] = {}
    for i, bounds in enumerate(by_point):
        for pb in bounds:
            for sb in said:
                if sb.value == pb.value:
                    continue
                if loops and not sb.ops and pb.ops == {"itera"}:
                    sb = Bound(sb.value, sb.dim, sb.case, pb.ops, sb.clause)
                inherited = pb.ops and pb not in raw[i]  # "... iteratively; a recursive ..."
                if not _same_cost(pb, sb) and not (inherited and not sb.ops and not sb.case
                                                   and sb.dim == pb.dim
                                                   and _only_cost(pb, every)):
                    continue
                if not pb.ops and sum(1 for o in bounds if not o.ops and _same_cost(o, pb)) > 1:
                    continue  # several such costs in the point, none named: cannot tell which
                if any(o.value == sb.value and (o.case == sb.case or sb.case is None
                                                or {o.case, sb.case} == _SPREAD)
                       and _same_cost(_as_case(o, sb.case), sb) for o in every):
                    continue  # some key point gives it this cost
                if any(o.value == pb.value and _same_cost(o, pb) for o in said):
                    continue  # the answer also gives the point's cost
                out.setdefault(i, original(answer, sb.clause))
    for i, clause in _unnamed_wrong([str(p) for p in points], by_point, said, answer).items():
        out.setdefault(i, clause)
    return out


def _unnamed_wrong(points: Sequence[str], by_point: list[list[Bound]], said: list[Bound],
                   answer: str) -> dict[int, str]:
    """A cost said of nothing in particular ("the cost is O(n log n) overall") with a
    growth no key point gives in that dimension contradicts the point whose cost of that
    dimension the answer never states, the closest in words to its clause when several
    are (and none of the points without that cost is closer)."""
    from netprep.coach.keypoints import _terms

    out: dict[int, str] = {}
    for sb in said:
        if sb.ops or sb.case:
            continue
        if any(pb.value == sb.value and pb.dim == sb.dim for bs in by_point for pb in bs):
            continue
        stated = {b.value for b in said if b.dim == sb.dim}
        open_ = [i for i, bs in enumerate(by_point)
                 if any(pb.dim == sb.dim and pb.value not in stated for pb in bs)]
        if not open_:
            continue
        sentence = original(answer, sb.clause)
        stems = _terms(CARRIED.sub("", sb.clause))[1]
        near = {i: len(_terms(points[i])[1] & stems) for i in range(len(points))}
        best = max(near.values())
        top = [i for i in near if near[i] == best]
        if len(top) == 1 and top[0] in open_:  # not a cost of what another point names
            out.setdefault(top[0], sentence)
    return out
