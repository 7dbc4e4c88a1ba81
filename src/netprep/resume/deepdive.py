"""Deep-dive questions about the user's own resume entries, from the probe bank.

Each question names its entry by title (the probe's `{title}`), is keyed
`resume-<entry id>-<probe id>` so practice is tracked per entry, and carries the
probe's follow-up. A round spreads its questions over the entries, least
practised entries and probes first.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from netprep.content.models import Probe, Question
from netprep.resume.model import Entry

ROUND = "resume"
PACK = "resume"  # the pack id recorded with deep-dive answers: the user's own bank


def question_id(entry_id: int, probe_id: str) -> str:
    return f"resume-{entry_id}-{probe_id}"


def entry_of(question_id_: str) -> int | None:
    """The entry id in a deep-dive question id, or None."""
    parts = question_id_.split("-")
    return int(parts[1]) if len(parts) >= 3 and parts[0] == "resume" and parts[1].isdigit() \
        else None


def _name(entry: Entry) -> str:
    """The entry's whole title, quoted: scripts find the entry by it (never shortened)."""
    return f"“{' '.join(entry.title.split())}”"


def questions_for(entry: Entry, probes: Sequence[Probe]) -> list[Question]:
    """Every probe that suits the entry's kind, as a question about it."""
    out = []
    for probe in probes:
        if entry.kind not in probe.kinds:
            continue
        if probe.id == "hardest-decision" and entry.kind == "internship" and not (
                entry.tech or entry.what):
            continue
        text = probe.text.replace("{title}", _name(entry))
        out.append(Question(question_id(int(entry.id or 0), probe.id), ROUND, text,
                            probe.seconds, PACK, follow_ups=(probe.follow_up,)))
    return out


def pick(entries: Sequence[Entry], probes: Sequence[Probe], count: int,
         practised: Mapping[str, float], rng: random.Random,
         answers: Mapping[int, int] | None = None) -> list[Question]:
    """`count` questions spread over the entries, round-robin.

    `practised` maps a question key to a priority (higher: ask sooner); a question
    never asked should be given the highest. Entries with the fewest deep-dive answers so
    far (`answers`: entry id -> count) go first.
    """
    answers = answers or {}
    pools = []
    for entry in entries:
        pool = questions_for(entry, probes)
        if not pool:
            continue
        jitter = {q.key: rng.random() * 0.3 for q in pool}
        pool.sort(key=lambda q: (-(practised.get(q.key, 3.0) + jitter[q.key]), q.id))
        pools.append((answers.get(int(entry.id or 0), 0), pool))
    # The least practised entries first, then the one whose best question is most overdue.
    ordered = [pool for _, pool in sorted(
        pools, key=lambda item: (item[0], -practised.get(item[1][0].key, 3.0)))]
    chosen: list[Question] = []
    depth = 0
    while len(chosen) < count and any(depth < len(p) for p in ordered):
        for pool in ordered:
            if depth < len(pool) and len(chosen) < count:
                chosen.append(pool[depth])
        depth += 1
    return chosen
