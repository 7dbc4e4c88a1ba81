"""Story matching against its labelled set: top-1 fit accuracy, "none" accuracy, determinism.

    python benchmarks/matching_accuracy.py [--verbose]

The set is tests/data/matching/: eight stories and 60+ questions (built-in ones with
their tags, and new untagged wordings, as a user pack without tags would have), each
labelled with the stories an honest coach would accept as the top suggestion, or
`none`. The built-in pack is the library. Two held-out sets (heldout*.yaml) are
reported for the record: how far the tuning generalises to wordings it never saw.
`banks*.yaml` hold dev banks shaped as the test split is (five untagged stories and
questions as typed), written for issue 30 section 4 (banks3.yaml was untuned until the
intent cues; banks4.yaml holds section 4's wordings; banks5.yaml, six banks written blind
by a writer who never saw the matcher, was first run before any change for it).
The frozen blind test split (`tests/data/matching/test/test.yaml`: two banks of one
student's five stories and 34 questions each, written and labelled blind, never tuned
on) is printed beside them with its labeller agreement, or "no test split".
Exits 1 when a figure of the main set is under its target.
`tests/test_matching.py` pins the same figures.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data" / "matching"
TARGET = 0.85


@dataclass
class Case:
    text: str
    competencies: tuple[str, ...]
    fits: frozenset[int] | None  # None: no story fits
    key: str | None = None


@dataclass
class Figures:
    fit_total: int = 0
    fit_right: int = 0
    none_total: int = 0
    none_right: int = 0
    deterministic: bool = True
    misses: list[str] = field(default_factory=list)
    per_question_ms: float = 0.0

    @property
    def top1(self) -> float:
        return self.fit_right / self.fit_total if self.fit_total else 1.0

    @property
    def none(self) -> float:
        return self.none_right / self.none_total if self.none_total else 1.0


def load_stories(path: Path = DATA / "stories.yaml") -> list[Any]:
    from netprep.star.model import Story

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Story(id=s["id"], title=s["title"], situation=s["situation"], task=s["task"],
                  action=s["action"], result=s["result"], learned=s.get("learned", ""),
                  tags=tuple(s.get("tags") or ())) for s in data["stories"]]


def load_cases(library: Any, path: Path = DATA / "questions.yaml") -> list[Case]:
    by_key = {q.key: q for q in library.questions}
    cases = []
    for row in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
        fits = None if row["fits"] == "none" else frozenset(int(i) for i in row["fits"])
        if "key" in row:
            question = by_key[row["key"]]
            cases.append(Case(question.text, tuple(question.competencies), fits, row["key"]))
        else:
            cases.append(Case(row["text"], (), fits))
    return cases


TEST = DATA / "test"


def load_test_banks(path: Path = TEST / "test.yaml") -> list[tuple[str, list[Any], list[Case]]]:
    """The blind test split: (bank id, its stories, its questions) per bank."""
    from netprep.star.model import Story

    if not path.exists():
        return []
    banks = []
    for bank in yaml.safe_load(path.read_text(encoding="utf-8"))["banks"]:
        stories = [Story(id=s["id"], title=s["title"], situation=s["situation"],
                         task=s["task"], action=s["action"], result=s["result"],
                         learned=s.get("learned") or "", tags=tuple(s.get("tags") or ()))
                   for s in bank["stories"]]
        cases = [Case(q["text"], (), None if q["fits"] == "none"
                      else frozenset(int(i) for i in q["fits"])) for q in bank["questions"]]
        banks.append((str(bank["id"]), stories, cases))
    return banks


def evaluate_test(library: Any, path: Path = TEST / "test.yaml") -> Figures | None:
    """The banks of a file pooled (each question matched against its own bank's stories):
    the blind test split, or the dev banks (banks.yaml)."""
    from netprep.star import match_index

    banks = load_test_banks(path)
    if not banks:
        return None
    pooled = Figures()
    for bank_id, stories, cases in banks:
        match_index.forget()
        got = evaluate(library, stories, cases)
        pooled.fit_total += got.fit_total
        pooled.fit_right += got.fit_right
        pooled.none_total += got.none_total
        pooled.none_right += got.none_right
        pooled.deterministic &= got.deterministic
        pooled.misses += [f"{bank_id} {m}" for m in got.misses]
    match_index.forget()
    return pooled


def scores_of(stories: list[Any]) -> dict[int, int]:
    from netprep.coach.analysis import analyze_story

    return {int(s.id): analyze_story(s).score for s in stories}


def evaluate(library: Any, stories: list[Any], cases: list[Case]) -> Figures:
    from netprep.star import match_index, matching

    scores = scores_of(stories)
    figures = Figures()
    start = time.perf_counter()
    first = []
    for case in cases:
        found = matching.suggest(library, case.text, stories, competencies=case.competencies,
                                 scores=scores)
        first.append(found.story.id if found.story else None)
        got = found.story.id if found.story else None
        if case.fits is None:
            figures.none_total += 1
            figures.none_right += got is None
            ok = got is None
        else:
            figures.fit_total += 1
            figures.fit_right += got in case.fits
            ok = got in case.fits
        if not ok:
            want = "none" if case.fits is None else sorted(case.fits)
            fit = f" ({found.story.fit:.2f})" if found.story else ""
            alts = ", ".join(f"{a.id} {a.fit:.2f}" for a in found.alternatives)
            figures.misses.append(f"{case.text[:70]!r}: got {got}{fit}, want {want}"
                                  f"  [{','.join(found.reading.competencies)}"
                                  f" / {found.reading.polarity}; alt {alts}]")
    figures.per_question_ms = (time.perf_counter() - start) * 1000 / max(1, len(cases))
    # Determinism: a fresh index, the stories in another order: the same suggestions.
    match_index.forget()
    shuffled = list(stories)
    random.Random(7).shuffle(shuffled)
    for case, before in zip(cases, first, strict=True):
        again = matching.suggest(library, case.text, shuffled, competencies=case.competencies,
                                 scores=scores)
        if (again.story.id if again.story else None) != before:
            figures.deterministic = False
    return figures


def mock_cost(library: Any, stories: list[Any], rounds: int = 9) -> float:
    """Seconds per question that story hints add to planning a 5-question behavioral mock,
    the matcher's index read from its cache file as in every run after the first (median)."""
    import os
    import statistics
    import tempfile

    from netprep.mock.model import MockConfig
    from netprep.mock.plan import build_plan
    from netprep.star import match_cache, match_index

    scores = scores_of(stories)
    old = os.environ.get("NETPREP_HOME")
    with tempfile.TemporaryDirectory() as home:
        os.environ["NETPREP_HOME"] = home

        def plan(hints: bool) -> float:
            match_index.forget()
            start = time.perf_counter()
            index = match_cache.load(library) if hints else None
            build_plan(library, MockConfig(round="behavioral", questions=5, seed=3,
                                           hints=hints), stories if hints else [], {},
                       scores=scores)
            if index is not None:
                match_cache.save(index)
            return time.perf_counter() - start

        plan(True)  # the first run builds and saves the index
        with_hints = statistics.median(plan(True) for _ in range(rounds))
        without = statistics.median(plan(False) for _ in range(rounds))
    if old is None:
        os.environ.pop("NETPREP_HOME", None)
    else:
        os.environ["NETPREP_HOME"] = old
    match_index.forget()
    return (with_hints - without) / 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list every dev miss (the blind test split's are never listed)")
    opts = parser.parse_args()
    from netprep.content import load_library

    library = load_library()
    stories = load_stories()
    cases = load_cases(library)
    figures = evaluate(library, stories, cases)
    print(f"questions: {len(cases)} ({figures.fit_total} with a fitting story, "
          f"{figures.none_total} with none) x {len(stories)} stories")
    print(f"top-1 fit accuracy: {figures.fit_right}/{figures.fit_total} = {figures.top1:.1%}"
          f"  (target >= {TARGET:.0%})")
    print(f"'none' accuracy:    {figures.none_right}/{figures.none_total} = {figures.none:.1%}"
          f"  (target >= {TARGET:.0%})")
    print(f"deterministic:      {'yes' if figures.deterministic else 'NO'}"
          " (fresh index, stories shuffled)")
    print(f"time per question:  {figures.per_question_ms:.2f} ms (index built once)")
    for name, note in (("banks.yaml", "untagged, as a student's bank"),
                       ("banks2.yaml", "first run 14/39, 20/21; then concept and cue fixes"),
                       ("banks3.yaml", "first run 4/20, 8/10; tuned on since the intent cues"),
                       ("banks4.yaml", "issue 30 section 4 wordings; first run 19/40, "
                                       "17/20"),
                       ("banks5.yaml", "written blind; first run 53/117, 47/63")):
        banks = evaluate_test(library, DATA / name)
        if banks is None:
            continue
        print(f"dev banks {name}: top-1 {banks.fit_right}/{banks.fit_total} = "
              f"{banks.top1:.0%}, 'none' {banks.none_right}/{banks.none_total} = "
              f"{banks.none:.0%}  ({note})")
        if opts.verbose:
            for miss in banks.misses:
                print("  miss:", miss)
    for name, note in (("heldout.yaml", "written after tuning; its misses led to cue fixes"),
                       ("heldout2.yaml", "first run 8/13, 1/7; then self-question cues and the "
                                         "text-confidence weight")):
        held = evaluate(library, stories, load_cases(library, DATA / name))
        print(f"held-out {name}: top-1 {held.fit_right}/{held.fit_total} = {held.top1:.0%}, "
              f"'none' {held.none_right}/{held.none_total} = {held.none:.0%}  ({note})")
        if opts.verbose:
            for miss in held.misses:
                print("  miss:", miss)
    test = evaluate_test(library)
    if test is None:
        print("TEST split: no test split (tests/data/matching/test/test.yaml is absent)")
    else:
        agreement = yaml.safe_load((TEST / "agreement.yaml").read_text(encoding="utf-8"))
        print(f"TEST split (blind, never tuned on): top-1 {test.fit_right}/{test.fit_total} = "
              f"{test.top1:.1%}, 'none' {test.none_right}/{test.none_total} = {test.none:.1%}"
              f"  (targets >= 90%); labeller agreement {agreement['overlap_agreement']}, "
              f"kappa on none {agreement['kappa_none']}")
    per_question = mock_cost(library, stories)
    print(f"mock hints:         {per_question * 1000:.1f} ms per question (index from its "
          "cache; budget <= 10 ms)")
    if opts.verbose:
        for miss in figures.misses:
            print("  miss:", miss)
    ok = (figures.top1 >= TARGET and figures.none >= TARGET and figures.deterministic
          and per_question <= 0.010)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
