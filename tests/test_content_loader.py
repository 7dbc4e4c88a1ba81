"""The content loader: strict, safe, and precise about where a problem is."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from netprep.content import collect, load_library
from netprep.errors import ContentError

from .conftest import DATA

GOOD = DATA / "packs" / "good"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A writable copy of the small valid pack."""
    target = tmp_path / "pack"
    shutil.copytree(GOOD, target)
    return target


def load(pack: Path) -> list[str]:
    _, problems = collect([(pack, "user")])
    return problems


def test_valid_pack_loads_into_typed_models(pack: Path) -> None:
    library, problems = collect([(pack, "user")])
    assert problems == []
    theme = library.theme("openness")
    assert theme is not None and theme.quiz[0].correct_choice == "Share progress and doubts early"
    assert library.questions[0].seconds == 120  # the default target time
    assert library.templates["teamwork"].example["result"].startswith("Sync errors")


BROKEN = {
    "bad yaml": (
        "questions/behavioral.yaml",
        "round: behavioral\nquestions: [\n",
        3,
        "YAML syntax",
    ),
    "python tag": (
        "pack.yaml",
        "id: x\nname: !!python/object/apply:os.system ['touch PWNED']\n"
        "description: d\nversion: '1'\n",
        2,
        "!!python/object/apply:os.system is not allowed",
    ),
    "alias": (
        "competencies.yaml",
        "competencies:\n  - &c {id: a, name: A, description: D}\n  - *c\n",
        2,
        "anchors (&c) are not allowed",
    ),
    "duplicate key": (
        "pack.yaml",
        "id: x\nname: A\nname: B\ndescription: d\nversion: '1'\n",
        3,
        "duplicate key 'name'",
    ),
    "unknown key": (
        "pack.yaml",
        "id: x\nname: A\ndescripton: d\nversion: '1'\n",
        3,
        "descripton: unknown key",
    ),
    "wrong type": (
        "questions/behavioral.yaml",
        "round: behavioral\nquestions:\n  - id: q\n    text: Tell me.\n"
        "    competencies: [teamwork]\n    seconds: two\n",
        6,
        'questions[0].seconds: expected a number of seconds, got "two"',
    ),
    "yaml 1.1 boolean": (
        "pack.yaml",
        "id: x\nname: no\ndescription: d\nversion: '1'\n",
        2,
        "name: expected text, got the boolean false",
    ),
    "octal-looking number": (
        "pack.yaml",
        "id: x\nname: A\ndescription: d\nversion: 012\n",
        4,
        "version: expected text, got the number 10",
    ),
    "empty file": ("themes/openness.yaml", "", 1, "the file is empty"),
    "non-mapping root": ("pack.yaml", "- just\n- a list\n", 1, "expected a mapping, got a list"),
    "unknown competency": (
        "questions/behavioral.yaml",
        "round: behavioral\nquestions:\n  - id: q\n    text: Tell me.\n    competencies: [nope]\n",
        5,
        "unknown competency 'nope'",
    ),
    "answer out of range": (
        "themes/openness.yaml",
        (GOOD / "themes" / "openness.yaml").read_text().replace("answer: 1", "answer: 5"),
        15,
        "quiz[0].answer: is 5 but there are only 3 choices",
    ),
    "control bytes": (
        "pack.yaml",
        "id: x\nname: A\x07B\ndescription: d\nversion: '1'\n",
        2,
        "control characters are not allowed",
    ),
    "two documents": ("pack.yaml", "id: x\n---\nid: y\n", 2, "a second YAML document"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_pack_names_file_line_and_field(pack: Path, case: str) -> None:
    relative, text, line, expected = BROKEN[case]
    (pack / relative).write_text(text, encoding="utf-8")
    problems = load(pack)
    assert problems, f"{case} was accepted"
    joined = "\n".join(problems)
    assert f"{relative}:{line}:" in joined, joined
    assert expected in joined, joined


def test_missing_pack_yaml_is_reported(pack: Path) -> None:
    (pack / "pack.yaml").unlink()
    problems = load(pack)
    assert len(problems) == 1 and "pack.yaml: missing" in problems[0]


def test_stray_yaml_file_is_reported(pack: Path) -> None:
    (pack / "question.yaml").write_text("round: behavioral\n")
    assert any("question.yaml: not a known content file" in p for p in load(pack))


def test_deep_nesting_and_alias_bomb_are_refused_quickly(pack: Path) -> None:
    # Behaviour, not wording: refused, file and line named, fast (libyaml's own limit
    # and message differ between PyYAML releases; tests/test_battery_yaml.py pins ours).
    (pack / "competencies.yaml").write_text("a: " + "[" * 20000 + "]" * 20000 + "\n")
    started = time.process_time()  # CPU time: the machine may be busy
    problems = load(pack)
    assert time.process_time() - started < 2
    assert any("competencies.yaml:1:" in p for p in problems), problems
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n"
    (pack / "competencies.yaml").write_text(bomb)
    assert any("anchors (&a) are not allowed" in p for p in load(pack))


def test_every_problem_is_listed_not_just_the_first(pack: Path) -> None:
    (pack / "pack.yaml").write_text("id: Bad Id\nname: 5\ndescription: d\nversion: '1'\n")
    problems = load(pack)
    assert any("pack.yaml:1: id:" in p for p in problems)
    assert any("pack.yaml:2: name:" in p for p in problems)


def test_python_tag_is_never_run(pack: Path, tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    (pack / "pack.yaml").write_text(
        f"id: x\nname: !!python/object/apply:os.system ['touch {marker}']\n"
        "description: d\nversion: '1'\n"
    )
    load(pack)
    assert not marker.exists()


def test_load_library_raises_content_error_naming_the_file(pack: Path) -> None:
    (pack / "pack.yaml").write_text("id: x\n")
    with pytest.raises(ContentError) as info:
        load_library([(pack, "user")])
    assert "pack.yaml:1: name: required, but missing" in info.value.message


def test_two_packs_with_one_id_are_refused(pack: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(GOOD, twin)
    _, problems = collect([(pack, "user"), (twin, "user")])
    assert any("the pack id 'testpack' is already used" in p for p in problems)
