"""The built-in pack (and the example pack) validate and are sized for real practice."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from netprep.content import load_library
from netprep.content.loader import default_pack_dirs
from netprep.paths import builtin_content_dir

from .conftest import REPO

MINIMUMS = {
    "themes": 16,
    "quiz_items": 70,
    "reflection_prompts": 32,
    "culture_questions": 22,
    "behavioral_questions": 75,
    "motivation_questions": 15,
    "role_questions": 80,
    "technical_questions": 85,
    "exercises": 37,
    "system_design_questions": 15,
    "competencies": 10,
    "star_templates": 10,
    "tracks": 9,
}


@pytest.fixture(scope="module")
def library():
    return load_library([(builtin_content_dir(), "builtin")])


def test_every_shipped_file_validates(cli) -> None:
    result = cli("content", "validate", str(builtin_content_dir()))
    assert result.code == 0, result.err
    assert "Valid" in result.err


def test_counts_meet_the_minimums(cli) -> None:
    builtin = json.loads(cli("content", "list", "--json").out)["packs"][0]
    assert builtin["id"] == "builtin" and builtin["source"] == "builtin"
    for key, minimum in MINIMUMS.items():
        assert builtin["counts"][key] >= minimum, f"{key}: {builtin['counts'][key]} < {minimum}"


def test_tracks_have_ten_role_questions_with_key_points(library) -> None:
    role = library.questions_of("role")
    per_track = Counter(t for q in role for t in q.tracks)
    assert sum(1 for n in per_track.values() if n >= 10) >= 8, per_track
    for q in role:
        if q.tracks:
            assert 3 <= len(q.key_points) <= 6 and q.follow_ups, q.id


def test_every_question_has_a_kind_and_motivation_has_talking_points(library) -> None:
    assert all(q.kind for q in library.questions)
    motivation = library.questions_of_kind("motivation")
    assert len(motivation) >= 15
    assert all(len(q.talking_points) >= 2 for q in motivation)


def test_practical_topics_and_exercises_with_explanations(library) -> None:
    topics = Counter(q.topic for q in library.questions_of("technical"))
    for topic in ("oo-design", "sql", "concurrency", "apis-http", "testing", "debugging"):
        assert topics[topic] >= 5, (topic, topics[topic])
    practical = {"lru-cache", "rate-limiter", "log-error-paths", "merge-bookings",
                 "retry-backoff", "parse-query-string", "sort-versions", "dedupe-events"}
    ids = {e.id for e in library.exercises}
    assert practical <= ids
    for exercise in library.exercises:
        assert exercise.explanation, exercise.id
        assert exercise.explanation["time"].startswith("O(") and exercise.explanation["space"]
        assert len(exercise.explanation["approach"].split()) >= 15, exercise.id
        if exercise.id in practical:
            assert {"python", "javascript", "java"} <= set(exercise.solution)
            assert len(exercise.tests) >= 8


def test_code_solution_shows_how_it_works_on_stderr(cli) -> None:
    result = cli("code", "solution", "lru-cache")
    assert result.code == 0
    assert "def lru_cache_ops" in result.out and "How it works" not in result.out
    assert "How it works:" in result.err and "Time: O(1) per operation" in result.err


def test_no_two_questions_share_a_text(library) -> None:
    texts = Counter(q.text.strip().lower() for q in library.questions)
    assert [t for t, n in texts.items() if n > 1] == []


def test_every_competency_has_a_template_and_three_behavioral_questions(library) -> None:
    behavioral = Counter(
        c for q in library.questions_of("behavioral") for c in q.competencies
    )
    for competency in library.competencies:
        assert competency in library.templates, f"{competency} has no STAR template"
        assert behavioral[competency] >= 3, f"{competency}: {behavioral[competency]} questions"


def test_every_quiz_item_has_one_correct_choice_and_an_explanation(library) -> None:
    for theme in library.themes:
        assert len(theme.quiz) >= 4, theme.id
        assert len(theme.reflections) >= 2, theme.id
        assert len(theme.summary.split()) <= 80
        for item in theme.quiz:
            assert 3 <= len(item.choices) <= 5
            assert 1 <= item.answer <= len(item.choices)
            assert len(set(item.choices)) == len(item.choices)
            assert len(item.explanation.split()) >= 5
    kinds = Counter(item.kind for item in library.quiz_items())
    assert kinds["definition"] and kinds["scenario"]


def test_correct_answers_are_spread_over_positions(library) -> None:
    positions = Counter(item.answer for item in library.quiz_items())
    assert len(positions) >= 3
    assert max(positions.values()) <= 0.5 * sum(positions.values())


def test_technical_questions_cover_every_topic_with_key_points(library) -> None:
    topics = Counter(q.topic for q in library.questions_of("technical"))
    assert len(topics) >= 9 and min(topics.values()) >= 3
    for q in library.questions_of("technical"):
        assert 3 <= len(q.key_points) <= 6


def test_behavioral_questions_have_target_and_probes(library) -> None:
    for q in library.questions_of("behavioral"):
        assert 1 <= len(q.competencies) <= 3
        assert 1 <= len(q.follow_ups) <= 3
        assert q.seconds >= 60


def test_tips_cover_interview_loop_preparation_and_calendar(cli) -> None:
    result = cli("tips", "--json")
    assert result.code == 0, result.err
    sections = {s["id"]: s for s in json.loads(result.out)["sections"]}
    assert {"interview", "loop", "preparation", "calendar"} <= set(sections)
    text = json.dumps(sections).lower()
    for phrase in ("clarifying", "out loud", "take-home", "august", "march", "star"):
        assert phrase in text, phrase
    human = cli("tips", "calendar")
    assert human.code == 0 and "August" in human.out
    assert cli("tips", "nonsense").code == 2


def test_example_pack_loads_beside_the_builtin(cli, home: Path) -> None:
    shutil.copytree(REPO / "examples" / "packs" / "acme", home / "packs" / "acme")
    result = cli("content", "list", "--json")
    assert result.code == 0, result.err
    packs = {p["id"]: p for p in json.loads(result.out)["packs"]}
    assert packs["builtin"]["source"] == "builtin"
    assert packs["acme"]["source"] == "user"
    assert packs["acme"]["counts"]["themes"] >= 3
    assert [p for p, _ in default_pack_dirs()][1].name == "acme"
    assert cli("content", "validate").code == 0


@pytest.mark.parametrize("loader", ["pure", "c"])
def test_builtin_pack_loads_the_same_with_either_yaml_parser(monkeypatch, loader) -> None:
    """PyYAML without libyaml falls back to its pure-Python parser: every shipped file
    must load under it, to the same questions, follow-ups and themes."""
    import yaml

    from netprep.content import yamlio

    if loader == "c" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("this PyYAML was built without libyaml")
    parser = yaml.SafeLoader if loader == "pure" else yaml.CSafeLoader
    monkeypatch.setattr(yamlio, "_Loader", parser)
    monkeypatch.setattr(yamlio, "_PyLoader", parser)  # no fallback to the other parser
    lib = load_library([(builtin_content_dir(), "builtin")])
    questions = {q.id: (q.text, tuple(q.follow_ups), tuple(q.key_points))
                 for kind in ("behavioral", "culture", "role", "technical")
                 for q in lib.questions_of(kind)}
    assert len(questions) > 300
    assert all(fu for q, (_, fu, _) in questions.items() if q.startswith("be-"))
    monkeypatch.undo()
    reference = load_library([(builtin_content_dir(), "builtin")])
    assert questions == {q.id: (q.text, tuple(q.follow_ups), tuple(q.key_points))
                         for kind in ("behavioral", "culture", "role", "technical")
                         for q in reference.questions_of(kind)}
