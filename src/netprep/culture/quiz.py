"""The culture quiz: which items to ask, how an answer is rated, and fsrs scheduling.

Pure logic: the clock (`now`) and the random source (`rng`) are passed in, nothing
here prints, prompts or touches the database; `netprep.store.culture` does that.
`fsrs` is imported only when an answer is graded, so the first question appears
without paying for it.

Scheduling (py-fsrs 6)
    Every quiz item is an fsrs `Card` whose id is a stable integer derived from the
    item key ("<pack>:<item id>"), also stored in `cards.card_id`. A new item has
    one learning step of 10 minutes, as has a relapsed one: a wrong answer is due
    again 10 minutes later, a right one graduates to an interval of days.
    When a quiz starts, anything due within the next 20 minutes counts as due
    (`LEARN_AHEAD`, Anki's "learn ahead" limit), so items missed in one session
    open the next one, before any new item. An item answered right is not due again
    within the hour (`RIGHT_AGAIN`; just before the interview when that is sooner), so
    the next quiz, learn-ahead included, never asks again what was just answered
    right, whatever fsrs's learning step or cram mode's cap would say.

Picking (`pick`)
    Due items first (weaker themes first, then the longest overdue), then new
    items (weaker themes first; among themes of equal strength, one item of each
    theme in turn). A theme's strength is its smoothed accuracy over all time,
    (correct + 1) / (answers + 2), so an untried theme counts as 50%.
    `practice_all` ignores the schedule and draws from every item at random.

Rating (`rate`)
    The rating follows correctness and response time, measured against the time
    it takes to read the item: `reading_seconds = 3 + words / 4` (words of the
    question and all its choices, at about 4 words a second).

    - wrong (or an unreadable answer)            -> Again
    - right within reading_seconds               -> Easy
    - right within 2 x reading_seconds           -> Good
    - right, but slower than that                -> Hard
    - right, time unknown (answers read from a pipe) -> Good
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from netprep.content.models import Library, QuizItem, Theme
from netprep.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from fsrs import Scheduler

    from netprep.store.culture import Snapshot

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}

BASE_SECONDS = 3.0
WORDS_PER_SECOND = 4.0
SLOW_FACTOR = 2.0
LEARNING_STEP = timedelta(minutes=10)
LEARN_AHEAD = timedelta(minutes=20)
RIGHT_AGAIN = timedelta(hours=1)
DEFAULT_COUNT = 10

GENERAL_PROMPT = "Which part of this theme resonates with you, and which does not? Why?"


# --- asking ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asked:
    """One quiz item as shown: its choices in display order (`order[i]` = original index)."""

    item: QuizItem
    order: tuple[int, ...]
    why: str  # "due", "new" or "practice"

    @property
    def choices(self) -> list[str]:
        return [self.item.choices[i] for i in self.order]

    @property
    def answer(self) -> int:
        """The 1-based number of the right choice, in display order."""
        return self.order.index(self.item.answer - 1) + 1

    def is_right(self, number: int | None) -> bool:
        return number == self.answer


def parse_answer(line: str, choices: int) -> int | None:
    """A scripted answer line -> a 1-based choice number, or None when it is unreadable."""
    text = line.strip().rstrip(".)")
    if not (text.isascii() and text.isdigit()) or len(text) > 6:
        return None
    number = int(text)
    return number if 1 <= number <= choices else None


def card_id_for(item_key: str) -> int:
    """A stable fsrs card id (48-bit positive integer) derived from the item key."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(item_key.encode("utf-8"), digest_size=6).digest(), "big")


# --- rating ------------------------------------------------------------------------------


def reading_seconds(item: QuizItem) -> float:
    """The time to read the question and every choice once, plus a base."""
    words = len(item.question.split()) + sum(len(c.split()) for c in item.choices)
    return BASE_SECONDS + words / WORDS_PER_SECOND


def rate(item: QuizItem, correct: bool, elapsed: float | None) -> int:
    """The fsrs rating (1-4) for an answer; see the module docstring for the thresholds."""
    if not correct:
        return AGAIN
    if elapsed is None:
        return GOOD
    reading = reading_seconds(item)
    if elapsed <= reading:
        return EASY
    if elapsed <= SLOW_FACTOR * reading:
        return GOOD
    return HARD


# --- picking -----------------------------------------------------------------------------


def theme_strength(answers: int, correct: int) -> float:
    return (correct + 1) / (answers + 2)


def pick(
    items: Sequence[QuizItem],
    snap: Snapshot,
    count: int,
    rng: random.Random,
    practice_all: bool = False,
) -> list[Asked]:
    """Choose up to `count` items (due first, then new) and shuffle each one's choices.

    `snap.due` must hold the cards due by now + LEARN_AHEAD (see `cutoff`).
    """
    def strength(item: QuizItem) -> float:
        return theme_strength(*snap.strength.get((item.pack, item.theme), (0, 0)))

    chosen: list[tuple[QuizItem, str]]
    if practice_all:
        pool = list(items)
        rng.shuffle(pool)
        chosen = [(item, "practice") for item in pool[:count]]
    else:
        theme_rank: dict[tuple[str, str], float] = {}
        for item in items:
            theme_rank.setdefault((item.pack, item.theme), rng.random())
        due = [i for i in items if i.key in snap.due]
        due.sort(key=lambda i: (strength(i), snap.due[i.key], theme_rank[(i.pack, i.theme)]))
        position: dict[tuple[str, str], int] = {}
        new: list[tuple[float, int, float, QuizItem]] = []
        for item in items:
            if item.key in snap.known:
                continue
            theme = (item.pack, item.theme)
            position[theme] = position.get(theme, 0) + 1
            new.append((strength(item), position[theme], theme_rank[theme], item))
        new.sort(key=lambda entry: entry[:3])
        chosen = [(i, "due") for i in due] + [(entry[3], "new") for entry in new]
        chosen = chosen[:count]
    asked = []
    for item, why in chosen:
        order = list(range(len(item.choices)))
        rng.shuffle(order)
        asked.append(Asked(item, tuple(order), why))
    return asked


def cram_due(due: datetime, reviewed_at: datetime, interview: datetime | None) -> datetime:
    """With an interview ahead, no item waits past half the time left (cram mode).

    An item reviewed now comes back by the midpoint to the interview at the latest (never
    sooner than one learning step), so everything is seen at least twice before the date.
    """
    if interview is None or interview <= reviewed_at:
        return due
    latest = reviewed_at + max((interview - reviewed_at) / 2, LEARNING_STEP)
    return min(due, latest)


def not_again_soon(due: datetime, reviewed_at: datetime, correct: bool,
                   interview: datetime | None) -> datetime:
    """A right answer's next due: not within RIGHT_AGAIN of now (past the next quiz's
    learn-ahead), or just before the interview when that comes sooner."""
    if not correct:
        return due
    floor = reviewed_at + RIGHT_AGAIN
    if interview is not None and interview > reviewed_at:
        floor = min(floor, interview - timedelta(seconds=1))
    return max(due, floor)


def interview_start(day: str | None, tz: Any = None) -> datetime | None:
    """The start of the remembered interview day (`plan --interview`), as an aware time."""
    from datetime import date, time

    if not day:
        return None
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return None
    midnight = datetime.combine(when, time(0, 0), tzinfo=tz)
    return (midnight if tz is not None else midnight.astimezone()).astimezone(timezone.utc)


def cutoff(now: datetime) -> datetime:
    """Cards due before this moment are asked now (now + LEARN_AHEAD)."""
    return now + LEARN_AHEAD


# --- grading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Graded:
    """One answered item: what was chosen, the rating, and the item's new fsrs card."""

    asked: Asked
    chosen: int | None  # 1-based in display order; None when the answer was unreadable
    correct: bool
    rating: int
    elapsed: float | None
    reviewed_at: datetime
    card_id: int
    state: str  # fsrs Card.to_dict() as JSON
    due: datetime
    log: str  # fsrs ReviewLog.to_dict() as JSON


def make_scheduler(fuzz: bool = True) -> Scheduler:
    """The fsrs scheduler netprep uses: one 10-minute (re)learning step; fuzz off in tests."""
    from fsrs import Scheduler

    return Scheduler(
        learning_steps=(LEARNING_STEP,),
        relearning_steps=(LEARNING_STEP,),
        enable_fuzzing=fuzz,
    )


def grade(
    asked: Asked,
    chosen: int | None,
    elapsed: float | None,
    previous_state: str | None,
    now: datetime,
    scheduler: Scheduler,
    interview: datetime | None = None,
) -> Graded:
    """Rate an answer and review the item's fsrs card at `now` (an aware datetime).

    With `interview` ahead, the card's next due is capped by `cram_due`.
    """
    from fsrs import Card, Rating

    now = now.astimezone(timezone.utc)
    card_id = card_id_for(asked.item.key)
    card = None
    if previous_state:
        try:
            card = Card.from_dict(json.loads(previous_state))
        except (ValueError, KeyError, TypeError):
            card = None  # an unreadable stored card starts over rather than failing the quiz
    if card is None:
        card = Card(card_id=card_id, due=now)
    correct = asked.is_right(chosen)
    rating = rate(asked.item, correct, elapsed)
    duration = None if elapsed is None else int(elapsed * 1000)
    card, log = scheduler.review_card(card, Rating(rating), review_datetime=now,
                                      review_duration=duration)
    capped = not_again_soon(cram_due(card.due.astimezone(timezone.utc), now, interview),
                            now, correct, interview)
    if capped != card.due:
        card.due = capped
    return Graded(
        asked=asked, chosen=chosen, correct=correct, rating=rating, elapsed=elapsed,
        reviewed_at=now, card_id=card.card_id, state=json.dumps(card.to_dict()),
        due=card.due.astimezone(timezone.utc), log=json.dumps(log.to_dict()),
    )


# --- summaries ---------------------------------------------------------------------------


def summarize(graded: Sequence[Graded], library: Library, now: datetime) -> dict[str, Any]:
    """Score, accuracy per theme, and when the answered items fall due again."""
    themes: dict[tuple[str, str], dict[str, Any]] = {}
    for g in graded:
        item = g.asked.item
        entry = themes.setdefault((item.pack, item.theme), {
            "id": item.theme, "pack": item.pack, "title": _title(library, item.pack, item.theme),
            "answered": 0, "correct": 0,
        })
        entry["answered"] += 1
        entry["correct"] += int(g.correct)
    for entry in themes.values():
        entry["accuracy"] = entry["correct"] / entry["answered"]
    buckets: dict[str, int] = {}
    for g in sorted(graded, key=lambda g: g.due):
        label = until(g.due, now)
        buckets[label] = buckets.get(label, 0) + 1
    right = sum(1 for g in graded if g.correct)
    return {
        "answered": len(graded),
        "correct": right,
        "accuracy": right / len(graded) if graded else None,
        "themes": sorted(themes.values(), key=lambda e: (e["accuracy"], e["title"])),
        "due_again": [{"when": label, "items": n} for label, n in buckets.items()],
    }


def until(moment: datetime, now: datetime) -> str:
    """A short human phrase for when `moment` comes: "now", "in 10 minutes", "in 3 days"."""
    seconds = (moment - now).total_seconds()
    if seconds <= 60:
        return "now"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    hours = round(seconds / 3600)
    if hours < 20:
        return f"in {hours} hour{'s' if hours != 1 else ''}"
    days = max(1, round(seconds / 86400))
    return f"in {days} day{'s' if days != 1 else ''}"


def _title(library: Library, pack: str, theme_id: str) -> str:
    theme = next((t for t in library.themes if t.pack == pack and t.id == theme_id), None)
    return theme.title if theme else theme_id


def theme_progress(
    themes: Iterable[Theme],
    accuracy: dict[tuple[str, str], tuple[int, int]],
    schedule: dict[tuple[str, str], dict[str, Any]],
) -> list[dict[str, Any]]:
    """One entry per theme for `culture themes`: items, answers, due now, next due."""
    rows = []
    for theme in themes:
        key = (theme.pack, theme.id)
        answers, correct = accuracy.get(key, (0, 0))
        sched = schedule.get(key, {"cards": 0, "due_now": 0, "next_due": None})
        rows.append({
            "id": theme.id,
            "pack": theme.pack,
            "title": theme.title,
            "summary": theme.summary,
            "items": len(theme.quiz),
            "reviewed": answers,
            "correct": correct,
            "accuracy": correct / answers if answers else None,
            "seen": sched["cards"],
            "new": max(len(theme.quiz) - sched["cards"], 0),
            "due_now": sched["due_now"],
            "next_due": sched["next_due"],
        })
    return rows


# --- themes and reflections --------------------------------------------------------------


def find_theme(library: Library, theme_id: str) -> Theme:
    """A theme by id, or "pack:id" when two packs share the id; NotFoundError lists valid ids."""
    pack, _, bare = theme_id.rpartition(":")
    matches = [t for t in library.themes if t.id == bare and (not pack or t.pack == pack)]
    if not matches:  # a theme's title works as its id too ("candor" for candour)
        matches = [t for t in library.themes if _slug(t.title) == _slug(bare)
                   and (not pack or t.pack == pack)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        options = ", ".join(f"{t.pack}:{t.id}" for t in matches)
        raise UsageError(f"The theme id '{theme_id}' is in several packs.",
                         f"Say which one: {options}.")
    from netprep.text import did_you_mean

    raise NotFoundError(f"No culture theme '{theme_id}'.",
                        did_you_mean(bare, [t.id for t in library.themes], "Valid theme ids"))


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def select_items(library: Library, theme_id: str | None, pack_id: str | None) -> list[QuizItem]:
    """The quiz items in scope of `--pack` and `--theme`."""
    if pack_id is not None:
        if not any(p.id == pack_id for p in library.packs):
            from netprep.text import did_you_mean

            raise UsageError(f"No content pack '{pack_id}'.",
                             did_you_mean(pack_id, [p.id for p in library.packs], "Loaded packs"))
        library = library.only(pack_id)
    if theme_id is not None:
        return list(find_theme(library, theme_id).quiz)
    return library.quiz_items()


def reflection_prompts(theme: Theme) -> list[tuple[str, str]]:
    """(id, prompt) pairs: the general resonance question first, then the theme's own."""
    return [("general", GENERAL_PROMPT)] + [(r.id, r.prompt) for r in theme.reflections]


def find_prompt(theme: Theme, prompt_id: str | None) -> str:
    prompts = reflection_prompts(theme)
    if prompt_id is None:
        return prompts[0][1]
    for pid, text in prompts:
        if pid == prompt_id:
            return text
    known = ", ".join(pid for pid, _ in prompts)
    raise UsageError(f"Theme '{theme.id}' has no reflection prompt '{prompt_id}'.",
                     f"Choose one of: {known}.")


def latest_per_prompt(entries: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The newest reflection for each (pack, theme, prompt), keeping the input's order."""
    latest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for entry in entries:
        latest[(entry["pack"], entry["theme"], entry["prompt"])] = entry
    return [e for e in entries if latest[(e["pack"], e["theme"], e["prompt"])] is e]
