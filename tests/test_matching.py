"""Story matching: the labelled set's figures, polarity, 'none fits', variety, the cache."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import matching_accuracy as bench  # noqa: E402

from netprep.content import load_library  # noqa: E402
from netprep.star import match_cache, match_index, matching  # noqa: E402

WRONG = "Tell me about a disagreement where it turned out you were the one who was wrong."


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def stories():
    return bench.load_stories()


@pytest.fixture(autouse=True)
def fresh_index():
    match_index.forget()
    yield
    match_index.forget()


def by_id(stories, *ids):
    return [s for s in stories if s.id in ids]


def test_labelled_set_meets_its_targets(library, stories):
    cases = bench.load_cases(library)
    assert len(cases) >= 60
    figures = bench.evaluate(library, stories, cases)
    assert figures.fit_total >= 40 and figures.none_total >= 20
    assert figures.top1 >= 0.87, figures.misses
    assert figures.none >= 0.87, figures.misses
    assert figures.deterministic


def test_held_out_wordings_do_not_regress(library, stories):
    cases = [case for name in ("heldout.yaml", "heldout2.yaml")
             for case in bench.load_cases(library, bench.DATA / name)]
    figures = bench.evaluate(library, stories, cases)
    assert figures.top1 >= 0.65, figures.misses
    assert figures.none >= 0.80, figures.misses
    assert figures.deterministic


def test_dev_banks_and_the_blind_test_split_keep_their_minimums(library):
    """Untagged banks as a student has them: the dev banks (tuned on) and the blind
    test split (never tuned on; only its pooled figures are read)."""
    for name, top1, none in (("banks.yaml", 0.88, 0.88), ("banks2.yaml", 0.75, 0.95),
                             ("banks3.yaml", 0.65, 0.90), ("banks4.yaml", 0.85, 0.95),
                             ("banks5.yaml", 0.66, 0.90)):
        banks = bench.evaluate_test(library, bench.DATA / name)
        assert banks is not None and banks.fit_total >= 20 and banks.none_total >= 10
        assert banks.top1 >= top1, banks.misses
        assert banks.none >= none, banks.misses
        assert banks.deterministic
    test = bench.evaluate_test(library)
    if test is not None:  # issue 30 section 4 found 9/46, 17/22; 14/46, 18/22 before the
        # intent cues (star.intents, new polarities); 20/46, 18/22 with them
        assert test.top1 >= 19 / 46 and test.none >= 18 / 22


def bank(name):
    return {bank_id: stories for file in ("banks.yaml", "banks2.yaml", "banks5.yaml")
            for bank_id, stories, _
            in bench.load_test_banks(bench.DATA / file)}[name]


@pytest.mark.parametrize(("question", "bank_id", "story_id"), [
    ("What project are you working on at the moment?", "a", 1),
    ("What's the hardest part of your current project?", "b", 4),
    ("Tell me about an argument that you lost.", "a", 2),
    ("Tell me about a project that flopped.", "b", 1),
    ("Tell me about a failure that only happened some of the time.", "a", 3),
    ("Tell me about a time you failed.", "a", 5),
    ("Tell me about a time you rallied people you had no power over.", "a", 4),
    ("Tell me about working to a date you couldn't move.", "a", 4),
    ("Tell me about advice you got from someone more experienced.", "b", 3),
    ("Tell me about a time you won over people who were sceptical.", "b", 2),
    ("Tell me about a conflict where you had to influence someone to change their mind.",
     "b", 2),
    ("Tell me about a time you worked with a budget.", "c", 4),
    ("Describe a time you had to communicate something unpopular.", "c", 4),
    ("Describe a time you used evidence to settle an argument.", "d", 2),
    ("Tell me about a time someone caught an error in your work.", "c", 5),
    ("Describe a setback and what you learned from it.", "d", 4),
    # banks5 (written blind): a deadline missed, standing firm, criticism taken on board,
    # a demo that crashed, a mentor's advice
    ("Tell me about a deadline you didn't make.", "j", 5),
    ("Tell me about a time you stood your ground when your lead thought you were wrong.",
     "k", 5),
    ("Tell me about a time you took some criticism on board.", "l", 5),
    ("Tell me about a launch that crashed in front of the audience.", "k", 4),
    ("Tell me about a time you followed a mentor's advice.", "h", 3),
    # a project story that says what the student is doing now; chores automated; users;
    # a safeguard
    ("What are you building at the moment?", "j", 1),
    ("Tell me about a chore you automated so nobody had to do it by hand.", "k", 1),
    ("Tell me about a time you built something around what the people using it needed.",
     "i", 5),
    ("What have you set up so that it keeps working after you hand it over?", "m", 1),
    # leading without a title; a teammate who did not do their share (no git merge conflict)
    ("Tell me about a time you took the lead without a formal title.", "k", 2),
    ("Tell me about a teammate who didn't do their share of the work.", "l", 3),
    # a conflict question read from its kind, not one phrase: a story that shows a
    # disagreement answers it (contractions and idioms read too)
    ("Tell me about a clash you had with someone on your project team.", "l", 3),
    ("Describe a time a group member wasn't contributing much.", "l", 3),
    ("When did you and your coursemates not see eye to eye?", "i", 4),
])
def test_the_question_s_angle_picks_the_story(library, question, bank_id, story_id):
    found = matching.suggest(library, question, bank(bank_id))
    assert found.story is not None and found.story.id == story_id, found.reason


@pytest.mark.parametrize("question", [
    "Why do you want to leave your last company?",
    "Your first day here: what would you work on?",
    "What would you do in your first 90 days in this role?",
    "What do your teammates like about working with you?",
    "Where do you want to be in five years?",
    "So why a move into software after teaching?",
    "What would you hope to learn in your first two months here?",
])
def test_motivation_questions_want_no_story(library, question):
    found = matching.suggest(library, question, bank("b"))
    assert found.story is None and found.reading.motivation


@pytest.mark.parametrize("bank_id", ["h", "l"])
def test_a_deadline_met_is_no_answer_to_one_missed(library, bank_id):
    """Every deadline in these banks was met (one by a story that is a mistake): none fits,
    and a met deadline is no answer to "a deadline you missed" (nor the reverse)."""
    found = matching.suggest(library, "Tell me about a deadline you didn't make.",
                             bank(bank_id))
    assert found.story is None, found.reason
    assert found.reading.polarity == "missed-deadline"
    met = matching.suggest(library, "Tell me about delivering on a really tight deadline.",
                           bank("j"))
    assert met.story is None, met.reason


def test_an_argument_won_is_no_answer_to_one_lost(library):
    found = matching.suggest(library, "Tell me about an argument that you lost.", bank("b"))
    assert found.story is None
    assert "Getting sceptical lab mates" in found.reason


def test_a_won_argument_is_no_answer_to_being_wrong(library, stories):
    found = matching.suggest(library, WRONG, stories, competencies=("conflict", "learning"))
    assert found.reading.polarity == "being-wrong"
    assert found.story is not None and found.story.id == 2
    assert 1 not in [a.id for a in found.alternatives]
    # With only the won-the-argument story in the bank, nothing fits, and it says why.
    alone = matching.suggest(library, WRONG, by_id(stories, 1),
                             competencies=("conflict", "learning"))
    assert alone.story is None
    assert alone.reason.startswith(matching.NONE_FITS)
    assert "Convincing the team" in alone.reason
    assert alone.guide and alone.kind == "template" and alone.template == "conflict"


def test_persuasion_prefers_the_won_argument(library, stories):
    found = matching.suggest(library, "Tell me about a time you persuaded a group to adopt "
                             "your idea.", stories)
    assert found.reading.polarity == "persuasion"
    assert found.story is not None and found.story.id == 1


def test_untagged_questions_are_read_from_their_text(library, stories):
    found = matching.suggest(library, "Tell me about a time you broke something in "
                             "production.", stories)
    assert found.reading.source == "text"
    assert "failure" in found.reading.competencies
    assert found.story is not None and found.story.id == 3
    assert 0 < found.story.fit <= 1


@pytest.mark.parametrize("question", [
    "Tell me about yourself.", "Why do you want to work here?",
    "Why should we hire you?", "Walk me through your resume.",
])
def test_motivation_questions_get_no_story(library, stories, question):
    found = matching.suggest(library, question, stories)
    assert found.reading.motivation and found.story is None and found.kind == "none"
    assert found.alternatives == ()
    points = ("I build tools students use", "I want to learn from your platform team")
    with_points = matching.suggest(library, question, stories, talking_points=points)
    assert with_points.guide == points


def test_nothing_fits_a_gap(library, stories):
    found = matching.suggest(library, "Describe a time you mentored a junior student.",
                             stories)
    assert found.story is None and found.reason.startswith(matching.NONE_FITS)
    # The leadership story is close in topic: named, with what it lacks.
    assert found.kind == "close" and found.closest is not None and found.closest.id == 4
    assert "Name who you taught or mentored (`netprep star edit 4`)." in found.reason


def test_variety_only_among_similar_fits(library, stories):
    question = "Tell me about a time you disagreed with a teammate about how to do something."
    tags = ("conflict", "collaboration")
    first = matching.suggest(library, question, stories, competencies=tags)
    assert first.story is not None
    again = matching.suggest(library, question, stories, competencies=tags,
                             used={first.story.id})
    close = [a for a in first.alternatives if a.fit >= first.story.fit - matching.SIMILAR]
    if close:
        assert again.story is not None and again.story.id == close[0].id
    # A much better story is suggested again rather than a weak unused one.
    wrong = matching.suggest(library, WRONG, stories, competencies=("conflict", "learning"))
    assert wrong.story is not None
    reused = matching.suggest(library, WRONG, stories, competencies=("conflict", "learning"),
                              used={wrong.story.id})
    assert reused.story is not None and reused.story.id == wrong.story.id


def test_same_question_same_suggestion_until_the_bank_changes(library, stories):
    question = "Tell me about a disagreement with your manager."
    runs = {matching.suggest(library, question, list(order)).story.id  # type: ignore[union-attr]
            for order in (stories, stories[::-1], stories[3:] + stories[:3])}
    assert len(runs) == 1
    chosen = runs.pop()
    rest = [s for s in stories if s.id != chosen]
    changed = matching.suggest(library, question, rest)
    assert changed.story is None or changed.story.id != chosen


def test_json_shape(library, stories):
    data = matching.suggest(library, WRONG, stories).to_dict()
    assert list(data) == ["question", "competencies", "polarity", "story", "alternatives",
                          "reason", "closest"]
    assert set(data["story"]) == {"id", "title", "fit"}
    assert all(set(a) == {"id", "title", "fit"} for a in data["alternatives"])
    assert len(data["alternatives"]) <= 2


def test_cached_index_gives_the_same_answers_and_survives_damage(library, stories, home):
    questions = [WRONG, "Tell me about a time you had to learn a new language quickly.",
                 "Why this company?"]
    before = [matching.suggest(library, q, stories).to_dict() for q in questions]
    index = match_cache.load(library)
    match_cache.save(index)
    path = match_cache.cache_path()
    assert path.exists() and (path.stat().st_mode & 0o777) == 0o600
    match_index.forget()
    loaded = match_cache.load(library)
    assert not loaded.dirty  # read from the file, not rebuilt
    assert [matching.suggest(library, q, stories).to_dict() for q in questions] == before
    path.write_text("{not json", encoding="utf-8")
    match_index.forget()
    assert match_cache.load(library).dirty  # rebuilt
    assert [matching.suggest(library, q, stories).to_dict() for q in questions] == before


def test_a_changed_pack_rebuilds_the_index(library):
    from dataclasses import replace

    key = match_index.library_key(library)
    fewer = replace(library, questions=library.questions[1:])
    assert match_index.library_key(fewer) != key
    assert match_index.library_key(library) == key


def test_matching_is_fast_with_a_warm_index(library, stories):
    """A mock round after the first: the index and the story profiles come from the cache
    file; each question then costs well under 10 ms (best of three rounds, shared CPU)."""
    scores = bench.scores_of(stories)
    questions = [q for q in library.questions if q.round in ("behavioral", "culture")][:10]

    def round_() -> float:
        match_index.forget()
        start = time.perf_counter()
        index = match_cache.load(library)
        for question in questions:
            matching.suggest(library, question.text, stories,
                             competencies=question.competencies, scores=scores)
        match_cache.save(index)
        return (time.perf_counter() - start) / len(questions)

    round_()  # the first round builds and saves the index
    assert min(round_() for _ in range(3)) < 0.010


def test_cache_file_holds_no_more_than_its_memo_limit(library, stories):
    index = match_cache.load(library)
    for n in range(match_index.MAX_MEMO + 20):
        index.question(f"Tell me about project number {n}.")
    assert len(index.questions) <= match_index.MAX_MEMO
    match_cache.save(index)
    data = json.loads(match_cache.cache_path().read_text(encoding="utf-8"))
    assert len(data["questions"]) <= match_index.MAX_MEMO


def test_a_conflict_with_someone_above_you_is_not_read_as_any_conflict():
    """The match floor for a story that shows a disagreement is kept from questions that
    name who it was with above the student: a row with a teammate is no answer."""
    from netprep.star import polarity as pol

    assert pol.names_superior("Describe a time you argued with your lab supervisor.")
    assert pol.names_superior("Tell me about pushing back on someone more senior.")
    assert not pol.names_superior("Describe a time you argued with a classmate.")
    assert not pol.names_superior("When did your team not see eye to eye?")
