"""The mock-interview engine with a fake clock and a fake interviewer: no sleeping, no I/O."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from netprep.content import load_library
from netprep.content.models import Library
from netprep.errors import UsageError
from netprep.mock.model import MockConfig, Practice, Review
from netprep.mock.plan import build_plan
from netprep.mock.scoring import key_point_covered, suggestions
from netprep.mock.session import EndOfAnswers, SessionInterrupted, run_session
from netprep.store import open_store
from netprep.store.sessions import StoreRecorder, get_session, practice_by_question
from netprep.ui.timer import OK, OVER, WARN, countdown

DATA = Path(__file__).parent / "data" / "mock" / "main"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
GOOD = ("When I was an intern at a bank, the nightly build kept failing. My task was to get "
        "it green before the release. So I decided to bisect the commits and I wrote a script "
        "that ran the tests in parallel. I talked to the owner of the flaky test and I set up "
        "a retry with a log. As a result the build time dropped from 40 to 12 minutes and we "
        "shipped on time. I learned to measure before I change anything.")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakeInterviewer:
    """Answers from a script of (text, seconds) steps; KeyboardInterrupt raises it."""

    def __init__(self, clock: FakeClock, script: list, reviews: list[Review] | None = None):
        self.clock = clock
        self.script = list(script)
        self.reviews = list(reviews or [])
        self.turns: list = []
        self.seen_states: list = []
        self.briefed = None

    def briefing(self, plan) -> None:
        self.briefed = plan

    def ask(self, turn) -> str:
        self.turns.append(turn)
        if not self.script:
            raise EndOfAnswers()
        step = self.script.pop(0)
        if step is KeyboardInterrupt:
            raise KeyboardInterrupt()
        text, seconds = step
        # The clock as the toolbar would show it, sampled at a few moments of the answer.
        for fraction in (0.0, 0.5, 1.0):
            self.seen_states.append(
                countdown(turn.target_seconds, turn.elapsed() + seconds * fraction, turn.timed))
        self.clock.advance(seconds)
        return text

    def review(self, turn, record):
        return self.reviews.pop(0) if self.reviews else None


@dataclass(frozen=True)
class S:
    id: int
    title: str
    tags: tuple[str, ...]
    result: str = "Shipped it; errors fell by 30%."


@pytest.fixture
def library() -> Library:
    return load_library([(DATA, "user")])


@pytest.fixture
def store():
    with open_store() as s:
        yield s


def plan_of(library, stories=(), practice=None, **options):
    options.setdefault("seed", 7)
    return build_plan(library, MockConfig(**options), stories, practice or {}, NOW)


# --- the countdown -------------------------------------------------------------------------


def test_countdown_phases_and_formatting() -> None:
    assert countdown(120, 0).text == "2:00 left" and countdown(120, 0).phase == OK
    assert countdown(120, 0.2).text == "2:00 left"  # rounds up while counting down
    assert countdown(120, 89.5).text == "0:31 left" and countdown(120, 89.5).phase == OK
    assert countdown(120, 90).phase == WARN and countdown(120, 90).text == "0:30 left"
    assert countdown(120, 119.9).phase == WARN
    assert countdown(120, 120).phase == OVER and countdown(120, 120).text == "0:00 over"
    late = countdown(120, 185.4)
    assert late.phase == OVER and late.text == "1:05 over" and late.remaining < 0
    untimed = countdown(120, 185.4, timed=False)
    assert untimed.phase == OK and untimed.text == "3:05"


def test_turn_time_comes_from_the_monotonic_start_not_from_ticks(library) -> None:
    from netprep.mock.model import Turn

    clock = FakeClock()
    plan = plan_of(library, questions=1, minutes=1)
    turn = Turn(plan.items[0], 1, clock, True)
    for _ in range(7):  # however often the toolbar redraws, the time is the same
        assert countdown(turn.target_seconds, turn.elapsed()).text == "1:00 left"
    clock.advance(45.0)
    assert countdown(turn.target_seconds, turn.elapsed()).text == "0:15 left"
    clock.advance(30.0)
    assert countdown(turn.target_seconds, turn.elapsed()).text == "0:15 over"


# --- planning --------------------------------------------------------------------------------


def test_default_is_a_mixed_round_of_five_modelled_on_the_loop(library) -> None:
    plan = plan_of(library)
    assert plan.total == 5 and plan.timed
    assert [i.question.round for i in plan.items] == [
        "behavioral", "culture", "role", "technical", "behavioral"]
    assert [i.position for i in plan.items] == [1, 2, 3, 4, 5]
    assert len({i.question.key for i in plan.items}) == 5


def test_seed_makes_the_plan_reproducible(library) -> None:
    keys = [i.question.key for i in plan_of(library, seed=3, round="behavioral").items]
    assert keys == [i.question.key for i in plan_of(library, seed=3, round="behavioral").items]
    seen = {tuple(i.question.key for i in plan_of(library, seed=s, round="behavioral").items)
            for s in range(20)}
    assert len(seen) > 1  # ties between unpractised questions vary with the seed


def test_selection_favours_least_recent_and_lowest_rated(library) -> None:
    recent = (NOW - timedelta(hours=1)).isoformat()
    old = (NOW - timedelta(days=30)).isoformat()
    practice = {
        "mockfix:b-conflict": Practice(recent, 5.0, 3),   # just done, rated well
        "mockfix:b-ownership": Practice(recent, 1.0, 1),  # just done, rated badly
        "mockfix:b-learning": Practice(old, 4.0, 2),      # long ago
    }
    for seed in range(10):
        plan = plan_of(library, practice=practice, round="behavioral", questions=3, seed=seed)
        assert [i.question.id for i in plan.items] == ["b-learning", "b-ownership", "b-conflict"]
    never = plan_of(library, practice={"mockfix:t-hash": Practice(old, 1.0, 1)},
                    round="technical", questions=1)
    assert never.items[0].question.id == "t-bigo"  # never practised beats everything


def test_minutes_overrides_every_target_and_fewer_questions_are_noted(library) -> None:
    plan = plan_of(library, minutes=1.5, round="technical", questions=4)
    assert [i.target_seconds for i in plan.items] == [90, 90]
    assert plan.note and "Only 2 questions" in plan.note
    assert plan_of(library, round="technical").items[0].target_seconds == 90


@pytest.mark.parametrize("options, field", [
    ({"round": "coding"}, "--round"), ({"questions": 0}, "--questions"),
    ({"questions": 21}, "--questions"), ({"minutes": 0}, "--minutes"),
    ({"minutes": -2}, "--minutes"), ({"pack": "nope"}, "--pack"),
])
def test_bad_options_are_usage_errors_naming_the_option(library, options, field) -> None:
    with pytest.raises(UsageError) as caught:
        plan_of(library, **options)
    assert field in caught.value.message


def test_pack_restricts_the_questions(library) -> None:
    both = load_library([(DATA, "user"), (DATA.parent / "extra", "user")])
    plan = build_plan(both, MockConfig(pack="mockextra", questions=3, seed=1), (), {}, NOW)
    assert {i.question.pack for i in plan.items} == {"mockextra"}


# --- hints -----------------------------------------------------------------------------------


def test_best_matching_story_is_suggested_and_not_repeated_while_another_fits(library) -> None:
    stories = [S(1, "Flaky build", ("fx-ownership",)),
               S(2, "Database argument", ("fx-conflict", "fx-ownership")),
               S(3, "Learned Rust", ("fx-learning",))]
    plan = plan_of(library, stories, round="behavioral", questions=3, seed=1)
    by_id = {i.question.id: i.hint for i in plan.items}
    assert by_id["b-conflict"].kind == "story"
    used = [h.story_id for h in by_id.values()]
    assert len(set(used)) == 3  # three questions, three different stories
    assert by_id["b-conflict"].story_id == 2
    assert "Handling conflict" in by_id["b-conflict"].lines[0]
    assert by_id["b-conflict"].lines[0].startswith("Fit 0.")


def test_a_weak_fit_is_not_suggested_and_a_gap_says_so(library) -> None:
    stories = [S(9, "The only one", ("fx-ownership",))]
    plan = plan_of(library, stories, round="behavioral", questions=3, seed=1)
    hints = {i.question.id: i.hint for i in plan.items}
    assert hints["b-ownership"].story_id == 9 and 0.4 <= hints["b-ownership"].fit <= 1
    # Ownership is only the second competency of the learning question: too weak a fit.
    assert hints["b-learning"].story_id is None
    assert hints["b-conflict"].kind == "template"  # nothing fits: the guide
    assert hints["b-conflict"].template == "fx-conflict"
    assert "none of your stories fits this question well" in hints["b-conflict"].title
    assert hints["b-conflict"].record() == {"kind": "template", "story_id": None,
                                            "template": "fx-conflict", "fit": None}
    assert hints["b-ownership"].record()["kind"] == "story"


def test_hints_are_the_same_every_session_for_the_same_bank(library) -> None:
    stories = [S(1, "Flaky build", ("fx-ownership",)),
               S(2, "Database argument", ("fx-conflict", "fx-ownership")),
               S(3, "Learned Rust", ("fx-learning",))]
    seen = set()
    for seed in range(5):
        plan = plan_of(library, stories, round="behavioral", questions=3, seed=seed)
        seen.add(tuple(sorted((i.question.id, i.hint.story_id) for i in plan.items)))
    assert len(seen) == 1


def test_no_stories_gives_template_guiding_questions(library) -> None:
    plan = plan_of(library, (), round="behavioral", questions=3)
    conflict = next(i for i in plan.items if i.question.id == "b-conflict")
    assert conflict.hint.kind == "template"
    assert conflict.hint.lines[0] == "Situation: Where were you, and who disagreed?"
    assert conflict.hint.lines[-1] == "Result: How did it end, and what changed?"
    ownership = next(i for i in plan.items if i.question.id == "b-ownership")
    assert ownership.hint.kind == "gap" and "No story for Ownership" in ownership.hint.title


def test_no_hints_and_technical_rounds_have_no_hint(library) -> None:
    stories = [S(1, "x", ("fx-conflict",))]
    assert all(i.hint is None for i in plan_of(library, stories, hints=False).items)
    assert all(i.hint is None for i in plan_of(library, stories, round="technical").items)


def test_briefing_tips_come_from_the_tips_content(library) -> None:
    plan = plan_of(library, round="technical")
    assert plan.tips[0].startswith("Ask clarifying questions: Restate the question")
    assert plan.tips[1].startswith("Think out loud:")
    bare = Library(questions=library.questions, competencies=library.competencies,
                   packs=library.packs)
    plan = build_plan(bare, MockConfig(seed=1, round="technical"), (), {}, NOW)
    assert "clarifying question" in plan.tips[0] and "out loud" in plan.tips[1].lower()
    plan = build_plan(bare, MockConfig(seed=1, round="behavioral"), (), {}, NOW)
    assert plan.tips[0].startswith("Structure your stories")  # tips fit the round


# --- running ---------------------------------------------------------------------------------


def test_a_full_session_records_real_seconds_overtime_and_reviews(library, store) -> None:
    clock = FakeClock()
    plan = plan_of(library, round="behavioral", questions=3, minutes=1)
    fake = FakeInterviewer(clock, [(GOOD, 95.0), ("", 20.0), ("I think we kind of fixed it", 61.0)],
                           [Review(4, {"clarifying_question": True}), Review(2, {}), Review(1, {})])
    result = run_session(plan, fake, StoreRecorder(store), clock)
    assert fake.briefed is plan and result.complete and not result.stopped_early
    phases = [s.phase for s in fake.seen_states]
    assert phases[:3] == [OK, WARN, OVER] and phases[3:6] == [OK, OK, OK]
    first, aloud, third = result.answers
    assert first.elapsed_seconds == 95.0 and first.over_seconds == 35.0
    assert aloud.aloud and aloud.analysis is None and aloud.findings == []
    assert first.analysis.has_metric and first.checklist["used_star"]
    assert first.checklist["clarifying_question"] is True and first.rating == 4
    saved = get_session(store, result.session_id)
    assert saved["complete"] and saved["answered"] == 3 and saved["total"] == 3
    assert saved["total_seconds"] == 176.0 and saved["avg_rating"] == pytest.approx(7 / 3, 0.01)
    q1 = saved["questions"][0]
    assert q1["elapsed_seconds"] == 95.0 and q1["target_seconds"] == 60 and q1["rating"] == 4
    assert q1["answer"] == GOOD
    assert all({"code", "message", "suggestion"} == set(f) for f in q1["findings"])
    assert saved["questions"][1]["answer"] == "" and saved["questions"][1]["findings"] == []
    assert saved["questions"][2]["findings"]  # short, hedged, no result
    assert any("ran long" in s for s in result.suggestions)


def test_untimed_sessions_still_record_the_time(library, store) -> None:
    clock = FakeClock()
    plan = plan_of(library, round="technical", questions=1, timed=False)
    fake = FakeInterviewer(clock, [("chaining uses a list per bucket", 33.3)])
    result = run_session(plan, fake, StoreRecorder(store), clock)
    assert fake.seen_states[-1].text == "0:33"
    row = store.query("SELECT s.timed, a.elapsed_seconds FROM sessions s JOIN answers a "
                      "ON a.session_id = s.id")[0]
    assert row["timed"] == 0 and row["elapsed_seconds"] == 33.3
    assert isinstance(result.answers[0].checklist["key_points"], list)


def test_ctrl_c_keeps_earlier_answers_and_marks_the_session_incomplete(library, store) -> None:
    clock = FakeClock()
    plan = plan_of(library, questions=3)
    fake = FakeInterviewer(clock, [(GOOD, 50.0), ("", 10.0), KeyboardInterrupt])
    with pytest.raises(SessionInterrupted) as caught:
        run_session(plan, fake, StoreRecorder(store), clock)
    error = caught.value
    assert error.exit_code == 130 and error.answered == 2
    assert "2 of 3 answers saved in session" in error.message
    assert f"netprep history show {error.session_id}" in error.hint
    saved = get_session(store, error.session_id)
    assert not saved["complete"] and saved["answered"] == 2 and saved["ended_at"]


def test_ctrl_c_before_any_answer_saves_nothing(library, store) -> None:
    fake = FakeInterviewer(FakeClock(), [KeyboardInterrupt])
    with pytest.raises(SessionInterrupted) as caught:
        run_session(plan_of(library), fake, StoreRecorder(store), FakeClock())
    assert caught.value.session_id is None and "nothing was saved" in caught.value.message
    assert store.query("SELECT count(*) AS n FROM sessions")[0]["n"] == 0


def test_ctrl_c_during_the_review_keeps_the_answer(library, store) -> None:
    class Impatient(FakeInterviewer):
        def review(self, turn, record):
            raise KeyboardInterrupt()

    fake = Impatient(FakeClock(), [(GOOD, 30.0)])
    with pytest.raises(SessionInterrupted) as caught:
        run_session(plan_of(library), fake, StoreRecorder(store), fake.clock)
    saved = get_session(store, caught.value.session_id)
    assert saved["questions"][0]["answer"] == GOOD and saved["questions"][0]["rating"] is None


def test_end_of_input_stops_early_and_keeps_what_was_answered(library, store) -> None:
    clock = FakeClock()
    fake = FakeInterviewer(clock, [("one", 5.0)])
    result = run_session(plan_of(library), fake, StoreRecorder(store), clock)
    assert result.stopped_early and not result.complete and len(result.answers) == 1
    assert not get_session(store, result.session_id)["complete"]


def test_follow_ups_are_asked_timed_and_saved(library, store) -> None:
    clock = FakeClock()
    plan = plan_of(library, round="technical", questions=2, follow_ups=True, seed=1)
    with_probe = [i for i in plan.items if i.follow_up]
    assert with_probe and with_probe[0].follow_up == "What is the worst case lookup time?"

    class Prober(FakeInterviewer):
        def ask(self, turn) -> str:
            if turn.follow_up:
                self.script.insert(0, ("linear when everything collides", 12.5))
            return super().ask(turn)

    fake = Prober(clock, [("an answer about it", 40.0)] * len(plan.items))
    result = run_session(plan, fake, StoreRecorder(store), clock)
    probe = next(t for t in fake.turns if t.follow_up)
    assert probe.target_seconds == 60
    record = next(a for a in result.answers if a.follow_up)
    assert record.follow_up_answer == "linear when everything collides"
    assert record.follow_up_seconds == 12.5
    # The probe targets the gap the analysis found: here, the missed key points.
    assert record.follow_up_gap == "key-points-missed"
    row = get_session(store, result.session_id)["questions"][record.position - 1]
    assert row["follow_up_seconds"] == 12.5 and row["follow_up"] == record.follow_up
    assert row["follow_up_gap"] == "key-points-missed"


def test_technical_answers_skip_star_findings_and_note_missed_key_points(library, store) -> None:
    clock = FakeClock()
    plan = plan_of(library, round="technical", questions=1, seed=1)
    assert plan.items[0].question.id == "t-hash" or plan.items[0].question.id == "t-bigo"
    fake = FakeInterviewer(clock, [("Chaining keeps a list in each bucket.", 20.0)])
    record = run_session(plan, fake, StoreRecorder(store), clock).answers[0]
    codes = [f["code"] for f in record.findings]
    assert not any(c.startswith(("missing-", "short-")) or c == "no-learning" for c in codes)
    if record.question.id == "t-hash":
        assert record.checklist["key_points"] == [record.question.key_points[0]]
        assert codes[0] == "key-points-missed"


def test_key_point_matching() -> None:
    assert key_point_covered("Open addressing probes for another free slot",
                             "with open addressing you probe the next slot")
    assert not key_point_covered("Resizing keeps the load factor low", "use chaining")


def test_practice_history_feeds_the_next_plan(library, store) -> None:
    clock = FakeClock()
    plan = plan_of(library, round="technical", questions=1, seed=5)
    fake = FakeInterviewer(clock, [("x", 5.0)], [Review(1, {})])
    run_session(plan, fake, StoreRecorder(store), clock)
    practice = practice_by_question(store)
    key = plan.items[0].question.key
    assert practice[key].count == 1 and practice[key].avg_rating == 1.0
    later = build_plan(library, MockConfig(round="technical", questions=1, seed=5), (),
                       practice, datetime.now(timezone.utc))
    assert later.items[0].question.key != key  # the unpractised one comes first now


def test_saved_checklist_and_findings_are_json_of_the_agreed_shape(library, store) -> None:
    clock = FakeClock()
    fake = FakeInterviewer(clock, [(GOOD, 100.0)], [Review(3, {"thought_out_loud": False})])
    result = run_session(plan_of(library, round="behavioral", questions=1), fake,
                         StoreRecorder(store), clock)
    row = store.query("SELECT * FROM answers WHERE session_id = ?", (result.session_id,))[0]
    assert isinstance(json.loads(row["checklist"]), dict)
    assert json.loads(row["checklist"])["thought_out_loud"] is False
    assert isinstance(json.loads(row["findings"]), list)
    assert row["rating"] == 3 and row["target_seconds"] > 0


def test_suggestions_are_concrete_and_at_most_two(library, store) -> None:
    clock = FakeClock()
    plan = plan_of(library, round="behavioral", questions=3, minutes=1)
    fake = FakeInterviewer(clock, [("we did it", 90.0), ("we did it again", 80.0), ("", 5.0)])
    result = run_session(plan, fake, StoreRecorder(store), clock)
    assert 1 <= len(result.suggestions) <= 2
    assert result.suggestions[0].startswith("You ran long on 2 of 3 answers (question 1 by 0:30)")
    assert suggestions([]) == []
