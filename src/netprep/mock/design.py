"""The full design round (`mock --round design`) and estimation practice (`--round estimate`).

A design round is 45 minutes in five phases (content `design/<id>.yaml`): each phase is
asked as one question whose target is the phase's minutes, so the countdown times the
phase; the deep-dive's follow-up is always asked. Estimation practice asks the design
rounds' estimation questions one by one and reads the final number of the answer
against the sound range (`check_estimate`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from typing import Any

from netprep.content.models import DesignRound, Library, Question
from netprep.errors import NetprepError, UsageError

DESIGN_ROUNDS = ("design", "estimate")
PHASE_NAMES = {"requirements": "Requirements and clarifications",
               "estimates": "Back-of-envelope estimates", "high-level": "High-level design",
               "deep-dive": "Deep dive", "trade-offs": "Trade-offs"}
ALWAYS_FOLLOWED = "deep-dive"  # the phase whose follow-up is asked in every design round
ESTIMATE_SECONDS = 180


def pick_design(library: Library, design_id: str | None, tracks: Sequence[str],
                scores: Mapping[str, float], rng: random.Random) -> DesignRound:
    """The round named by --design, else the least practised one of the --track tracks."""
    if design_id is not None:
        found = library.design(design_id)
        if found is None:
            from netprep.text import did_you_mean

            raise UsageError(f"No design round '{design_id}' for --design.",
                             did_you_mean(design_id, [d.id for d in library.designs],
                                          "Design rounds"))
        return found
    pool = [d for d in library.designs if not tracks or set(d.tracks) & set(tracks)]
    if not pool:
        raise NetprepError("There are no design rounds to run"
                           + (f" for --track {', '.join(tracks)}." if tracks else "."),
                           "See them with `netprep content list`, or drop --track.")
    return max(pool, key=lambda d: (scores.get(phase_key(d, "requirements"), 3.0)
                                    + rng.random() * 0.3, d.id))


def phase_key(design: DesignRound, phase: str) -> str:
    return f"{design.pack}:{design.id}--{phase}"


def phase_questions(design: DesignRound) -> list[Question]:
    """One question per phase, in order; the first states the problem."""
    questions = []
    for phase in design.phases:
        name = PHASE_NAMES.get(phase.phase, phase.phase)
        text = f"{name} ({phase.minutes} min): {phase.ask}"
        if phase.phase == "requirements":
            text = f"{design.title}. {design.prompt}\n\n{text}"
        if phase.phase == "estimates" and design.estimates:
            text += f"\nFor instance: {design.estimates[0]['question']}"
        questions.append(Question(
            id=f"{design.id}--{phase.phase}", round="design", text=text,
            seconds=phase.minutes * 60, pack=design.pack, topic="system-design",
            follow_ups=tuple(phase.follow_ups), key_points=tuple(phase.key_points),
            clarifications=tuple(phase.clarifications), kind="system-design",
            tracks=design.tracks, level=design.level))
    return questions


def estimate_questions(library: Library, tracks: Sequence[str]) -> list[Question]:
    """Every design round's estimation questions (of the --track tracks), as questions."""
    out = []
    for design in library.designs:
        if tracks and not set(design.tracks) & set(tracks):
            continue
        for est in design.estimates:
            unit = est["unit"]
            out.append(Question(
                id=f"{design.id}--{est['id']}", round="estimate",
                text=f"{est['question']} Say your assumptions, then one number in {unit}.",
                seconds=ESTIMATE_SECONDS, pack=design.pack, topic="system-design",
                key_points=("State each assumption with its number (users, actions each, "
                            "size per item).",
                            "Multiply step by step with round numbers, saying each result.",
                            f"End on one number with its unit ({unit}) and what it means "
                            "for the design."),
                kind="system-design", tracks=design.tracks, level=design.level,
                estimate=dict(est)))
    return out


def round_questions(library: Library, round_: str, design_id: str | None,
                    tracks: Sequence[str], count: int, scores: Mapping[str, float],
                    seed: int | None) -> tuple[list[Question], str | None]:
    """The questions of a design or estimate round, in the order to ask, and a note."""
    rng = random.Random(seed)
    if round_ == "design":
        design = pick_design(library, design_id, tracks, scores, rng)
        plan = ", ".join(f"{PHASE_NAMES[p.phase].split(' and ')[0].lower()} {p.minutes}"
                         for p in design.phases)
        return phase_questions(design), (f"{design.title}: 45 minutes in five timed phases "
                                         f"({plan} min); each phase's clock is its own.")
    if design_id is not None:
        raise UsageError("--design picks the round of `--round design`.",
                         "Drop it for estimation practice, or use --round design.")
    pool = estimate_questions(library, tracks)
    if not pool:
        raise NetprepError("There are no estimation questions to ask.",
                           "See the design rounds with `netprep content list`.")
    ranked = sorted(pool, key=lambda q: (-(scores.get(q.key, 3.0) + rng.random() * 0.3),
                                         q.key))
    return ranked[:count], None


_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)\s*(k|m|bn|b|thousand|million|billion|"
                     r"trillion|tb|gb|mb|kb)?\b", re.I)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
          "billion": 1e9, "trillion": 1e12}


_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALE_WORDS = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_ROUGH = {"a": 1.0, "an": 1.0, "one": 1.0, "half": 0.5, "couple": 2.0, "few": 3.0}
_TOKENS = re.compile(r"[a-z]+(?:-[a-z]+)*|\S", re.I)
_DIGIT_NEXT = re.compile(r"\s+(?:zero|one|two|three|four|five|six|seven|eight|nine)\b", re.I)


def _said_in_words(text: str) -> list[tuple[int, float]]:
    """Numbers said in words, each with where it ends: "around a thousand" -> 1000,
    "twelve hundred" -> 1200, "twenty one thousand" -> 21000, "two hundred and fifty",
    "one point five million", "half a million", "a few hundred" (about 300), "sixty-five".
    A lone "a" or "one" is no number ("the one that expires"); before a scale word it is,
    and so is "one" inside a number ("twenty one", "a thousand and one")."""
    found: list[tuple[int, float]] = []
    total = current = rough = 0.0
    scaled = False
    decimals = 0  # digits said after "point" so far (0: none, or no "point")
    end = 0

    def flush() -> None:
        nonlocal total, current, rough, scaled, decimals
        if total or current:
            found.append((end, total + current))
        total = current = rough = 0.0
        scaled, decimals = False, 0

    word = ""
    for match in [*_TOKENS.finditer(text), None]:
        previous, word = word, match.group(0).lower() if match else ""
        parts = word.split("-")
        inside = bool(current or total)
        if word and all(p in _UNITS or p in _TENS for p in parts) and (word != "one" or inside):
            value = float(sum(_UNITS.get(p, 0) + _TENS.get(p, 0) for p in parts))
            if decimals and value < 10:  # "one point five": a digit after the point
                current += value / 10 ** decimals
                decimals += 1
            elif not current or current % 100 == 0 or (
                    value < 10 and current % 100 >= 20 and current % 10 == 0):
                current += value  # "two hundred" + "fifty", "twenty" + "one"
            else:  # "twelve five": a new number starts
                flush()
                current = value
            end = match.end() if match else end
            continue
        if word == "point" and match and (current or previous == "one") and not (
                decimals or scaled or total) and _DIGIT_NEXT.match(text, match.end()):
            current, decimals = current or 1.0, 1  # "one point five million"
            continue
        if word in _SCALE_WORDS and (current or rough or total):
            base = current or rough or 1.0
            if word == "hundred":
                current = base * 100
            else:
                total, current = total + base * _SCALE_WORDS[word], 0.0
            rough, scaled, decimals = 0.0, True, 0
            end = match.end() if match else end
            continue
        if word in _ROUGH and not current and not total:
            if word in ("couple", "few", "half") or not rough:
                rough = _ROUGH[word]  # "a few", "half a": the rougher word counts
            continue
        if word == "of" and rough and not current:  # "a couple of thousand"
            continue
        if word == "and" and scaled:  # "a thousand and fifty"
            continue
        flush()
    return found


def final_number(text: str) -> float | None:
    """The last number said in an answer ("so about 4k a second" -> 4000, "I guess around
    a thousand" -> 1000), or None."""
    found: list[tuple[int, float]] = []
    for match in _NUMBER.finditer(text):
        raw = match.group(1)
        raw = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", raw) else \
            raw.replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            continue
        found.append((match.end(), value * _SCALE.get((match.group(2) or "").lower(), 1.0)))
    found += _said_in_words(text)
    return max(found)[1] if found else None


def check_estimate(answer: str, estimate: Mapping[str, Any]) -> dict[str, Any]:
    """Whether the answer's final number falls in the sound range: {"said", "low", "high",
    "unit", "in_range", "method"} (`said` None when no number was given)."""
    said = final_number(answer)
    low, high = estimate["low"], estimate["high"]
    return {"said": said, "low": low, "high": high, "unit": estimate["unit"],
            "in_range": said is not None and low <= said <= high,
            "method": estimate["method"]}


def estimate_finding(check: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """(code, message, suggestion) for an estimate out of range or never said, else None."""
    span = f"{check['low']:,}-{check['high']:,} {check['unit']}"
    if check["said"] is None:
        return ("estimate-no-number", "No final number: an estimate ends on one number.",
                f"Finish with it (a sound answer is {span}). Worked: {check['method']}")
    if not check["in_range"]:
        return ("estimate-out-of-range",
                f"Your final number, {check['said']:,.0f}, is outside the sound range {span}.",
                f"Check each step. Worked: {check['method']}")
    return None
