"""Resume import against its labelled corpus: per-field accuracy, DEV and TEST side by side.

    python benchmarks/resume_accuracy.py [--verbose] [--corpus DIR]

The corpus is tests/data/resume/corpus/{dev,test}/: resumes written and labelled blind
(resNN.md, .txt, or a .pdf, which is what is read, beside its source: groff .ms, or the
.html Chromium printed, or the .fodt LibreOffice converted), each with resNN.yaml listing
its entries (kind, title, organisation, role, dates, tech).
Every file is read as `netprep resume import --education` reads it.

Scoring. A labelled entry is found by an extracted one of the same kind whose
organisation, title (and role, for two roles at one organisation) match best. Per
field, a found entry scores 1 when the value equals the label (case, spacing, dash and
quote style aside); tech scores its F1 (a name counts as matched when one contains the
other: "PostgreSQL" for "Dockerized PostgreSQL"). A labelled entry not found scores 0
in every field, and an extracted entry that matches no label counts as one error in
every field. Title is scored only where the label gives one (internship labels leave
it empty: those entries are named by role and organisation). Field accuracy is the
sum of the scores over the number of scored values, all fields pooled.

DEV is what the extractor was tuned on (--verbose prints its misses, file by file);
TEST is never tuned on, and only its pooled figures are printed. Exits 1 when TEST's
field accuracy is under TARGET. `tests/test_resume_accuracy.py` pins the figures.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "data" / "resume" / "corpus"
FIELDS = ("kind", "title", "organisation", "role", "dates", "tech")
TARGET = 0.90
SUFFIXES = (".pdf", ".md", ".txt")


@dataclass
class Score:
    right: dict[str, float] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0.0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    labelled: int = 0
    found: int = 0
    extra: int = 0
    resumes: int = 0
    misses: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 1.0

    @property
    def overall(self) -> float:
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 1.0


def norm(text: Any) -> str:
    """A value as compared: case, spacing, dashes, quotes and final stops aside."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    text = re.sub(r"[–—−]", "-", text).replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    return text


def _similar(a: str, b: str) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a in b or b in a:
        return 0.7
    wa, wb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _pair_score(label: dict[str, Any], entry: Any) -> float:
    score = _similar(label.get("organisation", ""), entry.organisation)
    if label.get("title"):
        score = max(score, _similar(label["title"], entry.title))
    if label.get("role") and entry.role:
        score += 0.5 * _similar(label["role"], entry.role)
    if label.get("dates") and entry.dates:
        score += 0.25 * (norm(label["dates"]) == norm(entry.dates))
    return score


def tech_f1(labelled: list[str], found: list[str]) -> float:
    want = [norm(t) for t in labelled if norm(t)]
    got = [norm(t) for t in found if norm(t)]
    if not want and not got:
        return 1.0
    if not want or not got:
        return 0.0

    def hit(a: str, pool: list[str]) -> bool:
        return any(a == b or a in b or b in a for b in pool)

    precision = sum(hit(g, want) for g in got) / len(got)
    recall = sum(hit(w, got) for w in want) / len(want)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _value(entry: Any, name: str) -> Any:
    return list(entry.tech) if name == "tech" else getattr(entry, name)


def score_resume(path: Path, labels: list[dict[str, Any]], score: Score) -> None:
    from netprep.resume.extract import propose, read_resume

    text, _ = read_resume(str(path))
    found = propose(text, education=True)
    score.resumes += 1
    score.labelled += len(labels)
    pairs = sorted(((_pair_score(label, entry), i, j) for i, label in enumerate(labels)
                    for j, entry in enumerate(found) if entry.kind == label["kind"]),
                   reverse=True)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for value, i, j in pairs:
        if value >= 0.5 and i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    score.found += len(matched)
    for i, label in enumerate(labels):
        scored = [n for n in FIELDS if n != "title" or label.get("title")]
        for name in scored:
            score.total[name] += 1
        if i not in matched:
            score.misses.append(f"{path.name}: not found: [{label['kind']}] "
                                f"{label.get('title') or label.get('role')} / "
                                f"{label.get('organisation')}")
            continue
        entry = found[matched[i]]
        for name in scored:
            want = label.get(name) or ([] if name == "tech" else "")
            got = _value(entry, name)
            if name == "tech":
                value = tech_f1(list(want), got)
            else:
                value = float(norm(want) == norm(got))
            score.right[name] += value
            if value < 1:
                score.misses.append(f"{path.name}: {entry.title!r} {name}: got {got!r}, "
                                    f"labelled {want!r}")
    for j, entry in enumerate(found):
        if j not in used:
            score.extra += 1
            for name in FIELDS:
                score.total[name] += 1
            score.misses.append(f"{path.name}: extra: [{entry.kind}] {entry.title!r} / "
                                f"{entry.organisation!r}")


def measure(split: Path) -> Score | None:
    score = Score()
    files = sorted(split.glob("res*.yaml")) if split.is_dir() else []
    if not files:
        return None
    for labels in files:
        resume = next((labels.with_suffix(s) for s in SUFFIXES
                       if labels.with_suffix(s).exists()), None)
        if resume is None:
            continue
        data = yaml.safe_load(labels.read_text(encoding="utf-8")) or {}
        score_resume(resume, list(data.get("entries") or []), score)
    return score


def report(dev: Score | None, test: Score | None) -> str:
    def cell(score: Score | None, name: str) -> str:
        return f"{score.accuracy(name):.3f}" if score else "-"

    lines = [f"{'field':<14}{'DEV':>8}{'TEST':>8}"]
    for name in FIELDS:
        lines.append(f"{name:<14}{cell(dev, name):>8}{cell(test, name):>8}")
    lines.append(f"{'all fields':<14}{(f'{dev.overall:.3f}' if dev else '-'):>8}"
                 f"{(f'{test.overall:.3f}' if test else 'no test split'):>8}")
    for label, score in (("DEV", dev), ("TEST", test)):
        if score:
            lines.append(f"{label}: {score.resumes} resumes, {score.found}/{score.labelled} "
                         f"labelled entries found, {score.extra} extra")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="print DEV's misses")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    dev = measure(args.corpus / "dev")
    test = measure(args.corpus / "test")
    if args.verbose and dev:
        print("\n".join(dev.misses))
        print()
    print(report(dev, test))
    if test is not None and test.overall < TARGET:
        print(f"TEST field accuracy {test.overall:.3f} is under the target {TARGET:.2f}.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
