"""`content validate` reports every problem of every file in one pass, helpfully."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netprep.content import collect

from .conftest import DATA

GOOD = DATA / "packs" / "good"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(GOOD, target)
    return target


def problems(pack: Path) -> str:
    return "\n".join(collect([(pack, "user")])[1])


def test_a_broken_pack_yaml_does_not_hide_the_other_files(pack: Path) -> None:
    (pack / "pack.yaml").write_text("id: x\nname: A\ndescripton: d\nversion: '1'\n")
    (pack / "questions" / "behavioral.yaml").write_text(
        "round: behavioral\nquestions:\n  - id: q\n    text: Tell me.\n"
        "    competencies: [teamwrok]\n"
    )
    found = problems(pack)
    assert "pack.yaml:3: descripton: unknown key (did you mean 'description'?" in found
    assert "behavioral.yaml:5: questions[0].competencies: unknown competency 'teamwrok'" in found


def test_type_errors_do_not_hide_reference_errors(pack: Path) -> None:
    (pack / "questions" / "behavioral.yaml").write_text(
        "round: behavioral\nquestions:\n  - id: q\n    text: Tell me.\n"
        "    competencies: [prioritization]\n    seconds: two\n"
    )
    found = problems(pack)
    assert 'questions[0].seconds: expected a number of seconds, got "two"' in found
    assert "unknown competency 'prioritization'" in found


def test_near_miss_ids_get_a_did_you_mean_and_the_valid_list(tmp_path: Path, cli) -> None:
    pack = tmp_path / "p"
    (pack / "questions").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: p\nname: P\ndescription: d\nversion: '1'\n")
    (pack / "questions" / "role.yaml").write_text(
        "round: role\nquestions:\n  - id: q\n    text: How would you design a cache?\n"
        "    competencies: [prioritization]\n    tracks: [bakend]\n"
        "  - id: r\n    text: What would you build first?\n"
    )
    result = cli("content", "validate", str(pack))
    assert result.code == 1
    assert "unknown competency 'prioritization' (did you mean 'prioritisation'?" in result.err
    assert "known competencies: ambiguity," in result.err
    assert "unknown track 'bakend' (did you mean 'backend'? known tracks:" in result.err
    assert "required for role questions: 1-3 of the known competencies (ambiguity," in result.err


def test_a_broken_theme_is_not_reported_again_as_unknown(pack: Path) -> None:
    theme = pack / "themes" / "openness.yaml"
    theme.write_text(theme.read_text().replace("title:", "titel:", 1))
    (pack / "questions" / "culture.yaml").write_text(
        "round: culture\nquestions:\n  - id: c\n    text: What resonates?\n"
        "    themes: [openness]\n"
    )
    found = problems(pack)
    assert "titel: unknown key (did you mean 'title'?" in found
    assert "unknown theme 'openness'" not in found


def test_kinds_tracks_levels_and_topics_are_checked(pack: Path) -> None:
    (pack / "tracks.yaml").write_text(
        "tracks:\n  - id: games\n    name: Games\n    description: Game engines.\n"
    )
    (pack / "topics.yaml").write_text("topics:\n  - id: shaders\n    name: Shaders\n")
    (pack / "questions" / "technical.yaml").write_text(
        "round: technical\nquestions:\n"
        "  - id: t1\n    text: What is a vertex shader?\n    topic: shaders\n"
        "    tracks: [games]\n    level: easy\n    key_points: [a, b, c]\n"
        "  - id: t2\n    text: Design a leaderboard.\n    kind: system-design\n"
        "    topic: shader\n    level: trivial\n"
        "  - id: t3\n    text: Why us?\n    kind: motivation\n    topic: shaders\n"
        "    key_points: [a, b, c]\n"
    )
    library, found_list = collect([(pack, "user")])
    found = "\n".join(found_list)
    assert "unknown topic 'shader' (did you mean 'shaders'?" in found
    assert "questions[1].level: expected one of easy, medium, hard" in found
    assert "questions[1].key_points: required for system-design questions" in found
    assert "questions[2].kind: motivation questions belong in a behavioral or culture" in found
    t1 = next(q for q in library.questions if q.id == "t1")
    assert (t1.kind, t1.tracks, t1.level, t1.topic) == ("technical", ("games",), "easy",
                                                          "shaders")
    behavioral = next(q for q in library.questions if q.id == "team-win")
    assert behavioral.kind == "behavioral"  # the default: the file's round
    assert "games" in library.tracks and "shaders" in library.topics


def test_the_complete_example_pack_in_the_format_doc_validates(tmp_path: Path, cli) -> None:
    from .conftest import REPO

    doc = (REPO / "docs" / "content-format.md").read_text(encoding="utf-8")
    section = doc.split("## A complete example pack", 1)[1]
    pack = tmp_path / "acme"
    written = 0
    for block in section.split("```yaml\n")[1:]:
        body = block.split("```", 1)[0]
        name = body.splitlines()[0].removeprefix("# ").strip()
        (pack / name).parent.mkdir(parents=True, exist_ok=True)
        (pack / name).write_text(body, encoding="utf-8")
        written += 1
    assert written >= 10
    result = cli("content", "validate", str(pack))
    assert result.code == 0, result.err


def test_validate_refuses_a_file_only_libyaml_can_read(pack: Path, cli) -> None:
    """`[How long would you keep the keys?]` is a flow list the C parser accepts and the
    pure-Python one (PyYAML without libyaml) refuses: validate names the line."""
    import yaml

    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("this PyYAML has no libyaml, so every file is read by the pure parser")
    (pack / "questions" / "behavioral.yaml").write_text(
        "round: behavioral\nquestions:\n  - id: q-keys\n    text: Tell me about a time.\n"
        "    competencies: [teamwork]\n    follow_ups: [How long would you keep the keys?]\n"
    )
    result = cli("content", "validate", str(pack))
    assert result.code == 1
    assert "behavioral.yaml:6" in result.err and "write the list one item per line" in result.err
    # Loading for practice stays lenient: the C parser reads it, so the pack still works.
    assert "q-keys" in {q.id for q in collect([(pack, "user")])[0].questions_of("behavioral")}
