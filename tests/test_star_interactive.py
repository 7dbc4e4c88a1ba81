"""`netprep star` in a (pipe-driven) terminal: guided add, the $EDITOR flow, remove asking."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import terminal

DATA = Path(__file__).parent / "data" / "star"
SUBMIT = "\r"  # Enter submits every free-text prompt (Alt+Enter, Esc Enter, adds a line)
NEWLINE = "\x1b\r"
DOWN = "\x1b[B"

EDITED = """\
title: Faster builds
situation: |
  During my internship at a fintech startup, the CI pipeline took 25 minutes.
task: I was responsible for bringing it under ten minutes.
action: |
  I profiled every stage, I cached the dependencies and I split the tests
  into four shards that I ran in parallel. I reviewed each change with the lead.
result: The build dropped from 25 to 7 minutes, and we merged 30% more pull requests.
learned: I now measure before I optimise.
tags: [zz-teamwork]
"""
INVALID = EDITED.replace("task: I was responsible for bringing it under ten minutes.",
                         "task: 12").replace("[zz-teamwork]", "[zz-teamwork, bogus]")


@pytest.fixture(autouse=True)
def star_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "pack")


def show(cli, story_id: int = 1) -> dict:
    result = cli("star", "show", str(story_id), "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def drafts(home: Path, prefix: str) -> list[Path]:
    folder = home / "workspace"
    return sorted(folder.glob(f"{prefix}-*.yaml")) if folder.is_dir() else []


# --- the guided add --------------------------------------------------------------------

ANSWERS = [
    "Library search\r",                       # title
    SUBMIT,                                    # an empty situation is asked again
    "During my internship last summer" + NEWLINE + "the library app had no search." + SUBMIT,
    "I had to build search in two weeks." + SUBMIT,
    "I wrote the index, I built the query parser and I tested it with five users." + SUBMIT,
    "Searches took 200 ms and 40% more books were found." + SUBMIT,
    SUBMIT,                                    # learned is optional
]


def test_guided_add_with_a_template(cli, home) -> None:
    keys = DOWN + "\r" + "".join(ANSWERS) + DOWN + " " + "\r" + "y"
    with terminal(keys):
        result = cli("star", "add")
    assert result.code == 0, result.err
    assert "Which team was it (test guide)?" in result.err  # the template's guiding question
    assert "Saying we all the time" in result.err  # its pitfalls
    assert "The situation is required" in result.err
    assert "Score" in result.err and "no-learning" in result.err  # the analysis before saving
    assert "Added story 1: Library search" in result.err
    story = show(cli)
    assert story["situation"] == "During my internship last summer\nthe library app had no search."
    assert story["learned"] == ""
    assert story["tags"] == ["zz-teamwork", "zz-grit"]  # the template's, plus one ticked
    assert story["template"] == "zz-teamwork"


def test_guided_add_without_a_template(cli) -> None:
    keys = "\r" + "".join(ANSWERS) + "\r" + "y"
    with terminal(keys):
        result = cli("star", "add")
    assert result.code == 0, result.err
    assert "Where and when was this" in result.err  # the generic guide
    story = show(cli)
    assert story["tags"] == [] and story["template"] is None


def test_declining_to_save_keeps_the_story_in_a_file(cli, home) -> None:
    keys = "\r" + "".join(ANSWERS) + "\r" + "n"
    with terminal(keys):
        result = cli("star", "add")
    assert result.code == 0
    assert "Not saved" in result.err
    [kept] = drafts(home, "star-draft")
    assert str(kept) in result.err
    assert cli("star", "list", "--json").out.count('"id"') == 0
    result = cli("star", "add", "--file", str(kept))
    assert result.code == 0, result.err
    assert show(cli)["action"].startswith("I wrote the index")


def test_ctrl_c_during_the_guided_add_keeps_the_draft(cli, home) -> None:
    keys = "\r" + ANSWERS[0] + ANSWERS[2] + "\x03"
    with terminal(keys):
        result = cli("star", "add")
    assert result.code == 130
    [kept] = drafts(home, "star-draft")
    assert "library app had no search" in kept.read_text()
    assert str(kept) in result.err


# --- the editor flow -------------------------------------------------------------------


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake $EDITOR; write the text of its N-th run to <folder>/N.yaml."""
    folder = tmp_path / "edits"
    folder.mkdir()
    monkeypatch.setenv("FAKE_EDITS", str(folder))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {DATA / 'fake_editor.py'}")
    monkeypatch.delenv("VISUAL", raising=False)
    return folder


def _add_weak(cli) -> int:
    result = cli("star", "add", "--title", "Faster builds", "--situation", "At my internship "
                 "the CI took 25 minutes for everyone.", "--task", "I had to make it faster.",
                 "--action", "We met, we talked, we cached things and we split the tests up "
                 "between us.", "--result", "It got a lot faster and people were happy.")
    assert result.code == 0
    return int(show(cli)["analysis"]["score"])


def test_valid_edit_saves_and_the_score_rises(cli, editor, home) -> None:
    before = _add_weak(cli)
    (editor / "1.yaml").write_text(EDITED)
    with terminal(""):
        result = cli("star", "edit", "1")
    assert result.code == 0, result.err
    seen = (editor / "seen-1.yaml").read_text()
    assert "title: Faster builds" in seen and "# Story 1." in seen  # the story, as YAML
    story = show(cli)
    assert story["result"].startswith("The build dropped from 25 to 7 minutes")
    assert story["tags"] == ["zz-teamwork"]
    after = story["analysis"]["score"]
    assert after > before
    assert f"score {before} → {after}" in result.err
    assert drafts(home, "star-edit-1") == []  # nothing left behind


def test_invalid_edit_then_fixed(cli, editor, home) -> None:
    _add_weak(cli)
    (editor / "1.yaml").write_text(INVALID)
    (editor / "2.yaml").write_text(EDITED)
    with terminal("y"):
        result = cli("star", "edit", "1")
    assert result.code == 0, result.err
    assert "task: expected text, got the number 12" in result.err
    # The second run opened the user's own text, with the problems appended as comments.
    seen = (editor / "seen-2.yaml").read_text()
    assert seen.startswith(INVALID.rstrip("\n"))
    assert "# --- netprep: problems" in seen and "task: expected text" in seen
    assert show(cli)["task"] == "I was responsible for bringing it under ten minutes."
    assert drafts(home, "star-edit-1") == []


def test_invalid_edit_abandoned_keeps_the_text(cli, editor, home) -> None:
    _add_weak(cli)
    (editor / "1.yaml").write_text(INVALID)
    with terminal("n"):
        result = cli("star", "edit", "1")
    assert result.code == 1
    [kept] = drafts(home, "star-edit-1")
    assert str(kept) in result.err and "--file" in result.err
    assert kept.read_text().startswith(INVALID.rstrip("\n"))
    assert show(cli)["task"] == "I had to make it faster."  # unchanged
    # Fixing the kept file and passing it back finishes the edit.
    kept.write_text(kept.read_text().replace("task: 12", "task: I had to fix it.")
                    .replace(", bogus", ""))
    result = cli("star", "edit", "1", "--file", str(kept))
    assert result.code == 0, result.err
    assert show(cli)["task"] == "I had to fix it."


def test_ctrl_c_at_the_reopen_question_keeps_the_text(cli, editor, home) -> None:
    _add_weak(cli)
    (editor / "1.yaml").write_text(INVALID)
    with terminal("\x03"):
        result = cli("star", "edit", "1")
    assert result.code == 130
    [kept] = drafts(home, "star-edit-1")
    assert str(kept) in result.err


def test_unchanged_edit_changes_nothing(cli, editor, home) -> None:
    _add_weak(cli)
    with terminal(""):
        result = cli("star", "edit", "1")
    assert result.code == 0
    assert "No changes to story 1" in result.err
    assert drafts(home, "star-edit-1") == []


def test_editor_failing_changes_nothing_and_keeps_edited_text(cli, editor, home) -> None:
    _add_weak(cli)
    (editor / "1.yaml").write_text(EDITED)
    (editor / "exit-1").write_text("3")
    with terminal(""):
        result = cli("star", "edit", "1")
    assert result.code == 1
    assert "exited with status 3" in result.err
    [kept] = drafts(home, "star-edit-1")
    assert kept.read_text() == EDITED
    assert show(cli)["task"] == "I had to make it faster."


def test_no_editor_at_all(cli, monkeypatch, tmp_path) -> None:
    _add_weak(cli)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with terminal(""):
        result = cli("star", "edit", "1")
    assert result.code == 1
    assert "No editor found" in result.err and "EDITOR" in result.err


def test_visual_wins_over_editor(monkeypatch) -> None:
    from netprep.ui.editor import find_editor

    monkeypatch.setenv("VISUAL", "code --wait")
    monkeypatch.setenv("EDITOR", "vi")
    assert find_editor() == ["code", "--wait"]
    monkeypatch.delenv("VISUAL")
    assert find_editor() == ["vi"]


# --- remove asks -----------------------------------------------------------------------


@pytest.mark.parametrize("key, kept", [("y", False), ("n", True), ("\r", True)])
def test_remove_asks_in_a_terminal(cli, key: str, kept: bool) -> None:
    _add_weak(cli)
    with terminal(key):
        result = cli("star", "remove", "1")
    assert result.code == 0
    remaining = json.loads(cli("star", "list", "--json").out)["stories"]
    assert bool(remaining) is kept
    assert ("Kept story 1" in result.err) is kept
