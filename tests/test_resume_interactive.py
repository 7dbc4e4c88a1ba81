"""`netprep resume` in a (pipe-driven) terminal: guided add, Ctrl-C, $EDITOR, import choices."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import terminal

SUBMIT = "\r"  # Enter submits every free-text prompt
NEWLINE = "\x1b\r"  # Alt+Enter (Esc Enter) adds a line
DOWN = "\x1b[B"
DATA = Path(__file__).parent / "data"
RESUME = DATA / "resume" / "resume.txt"
EDITED = """\
kind: project
title: Trailmix
what: |
  A route planner for hikers.
tech: [Go]
outcome: 300 hikers used it.
"""


def entries(cli) -> list[dict]:
    return json.loads(cli("resume", "list", "--json").out)["entries"]


def show(cli, entry_id: int = 1) -> dict:
    return json.loads(cli("resume", "show", str(entry_id), "--json").out)


def drafts(home: Path, prefix: str) -> list[Path]:
    folder = home / "workspace"
    return sorted(folder.glob(f"{prefix}-*.yaml")) if folder.is_dir() else []


ANSWERS = [
    "\r",                                   # an empty title is asked again
    "Campus Navigator\r",
    "Hack Club\r", "Lead developer\r", "2023\r",
    "A campus map app." + SUBMIT,
    "React, Firebase\r",
    "2,000 students\r",
    "I built the routing" + NEWLINE + "and the offline cache." + SUBMIT,
    "Used by 2,000 students in a term." + SUBMIT,
]


def test_guided_add(cli) -> None:
    keys = "\r" + "".join(ANSWERS) + "y"  # kind: the first (project)
    with terminal(keys):
        result = cli("resume", "add")
    assert result.code == 0, result.err
    assert "The title is required" in result.err
    assert "Added resume entry 1: Campus Navigator (project)" in result.err
    data = show(cli)
    assert data["organisation"] == "Hack Club" and data["role"] == "Lead developer"
    assert data["tech"] == ["React", "Firebase"]
    assert data["part"] == "I built the routing\nand the offline cache."
    assert data["outcome"] == "Used by 2,000 students in a term."


def test_guided_add_links_stories(cli) -> None:
    cli("star", "add", "--title", "Search", "--situation", "At my internship search was slow "
        "for everyone.", "--task", "I had to make search fast.", "--action", "I profiled the "
        "queries, I added an index and I tested it with users.", "--result", "2 s to 200 ms.")
    keys = DOWN + "\r" + "".join(ANSWERS[1:]) + " \r" + "y"  # internship; tick story 1
    with terminal(keys):
        result = cli("resume", "add")
    assert result.code == 0, result.err
    assert entries(cli)[0]["kind"] == "internship" and entries(cli)[0]["stories"] == [1]


def test_declining_to_save_keeps_a_draft(cli, home) -> None:
    with terminal("\r" + "".join(ANSWERS) + "n"):
        result = cli("resume", "add")
    assert result.code == 0 and entries(cli) == []
    [kept] = drafts(home, "resume-draft")
    assert str(kept) in result.err and "title: Campus Navigator" in kept.read_text()
    again = cli("resume", "add", "--file", str(kept))
    assert again.code == 0, again.err
    assert show(cli)["outcome"] == "Used by 2,000 students in a term."


def test_ctrl_c_keeps_what_was_typed(cli, home) -> None:
    with terminal("\r" + "".join(ANSWERS[1:6]) + "\x03"):
        result = cli("resume", "add")
    assert result.code == 130
    [kept] = drafts(home, "resume-draft")
    assert str(kept) in result.err
    text = kept.read_text()
    assert "Campus Navigator" in text and "A campus map app." in text
    assert entries(cli) == []


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "edits"
    folder.mkdir()
    monkeypatch.setenv("FAKE_EDITS", str(folder))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {DATA / 'star' / 'fake_editor.py'}")
    monkeypatch.delenv("VISUAL", raising=False)
    return folder


def test_edit_in_the_editor(cli, editor, home) -> None:
    cli("resume", "add", "--kind", "project", "--title", "Old")
    (editor / "1.yaml").write_text(EDITED)
    with terminal(""):
        result = cli("resume", "edit", "1")
    assert result.code == 0, result.err
    assert "Opening the resume entry in " in result.err and "story" not in result.err
    assert "# Resume entry 1." in (editor / "seen-1.yaml").read_text()
    assert show(cli)["title"] == "Trailmix" and show(cli)["tech"] == ["Go"]
    assert drafts(home, "resume-edit-1") == []


def test_invalid_edit_reopened_then_abandoned_keeps_the_text(cli, editor, home) -> None:
    cli("resume", "add", "--kind", "project", "--title", "Old")
    bad = EDITED.replace("kind: project", "kind: job")
    (editor / "1.yaml").write_text(bad)
    with terminal("y" + "n"):
        result = cli("resume", "edit", "1")
    assert result.code == 1
    assert "kind: expected one of" in result.err
    assert "# --- netprep: problems" in (editor / "seen-2.yaml").read_text()
    [kept] = drafts(home, "resume-edit-1")
    assert str(kept) in result.err and "--file" in result.err
    assert show(cli)["title"] == "Old"


def test_unknown_story_in_an_edit_is_a_problem_to_fix(cli, editor, home) -> None:
    cli("resume", "add", "--kind", "project", "--title", "Old")
    (editor / "1.yaml").write_text(EDITED + "stories: [5]\n")
    with terminal("n"):
        result = cli("resume", "edit", "1")
    assert result.code == 1 and "No STAR story with id 5" in result.err
    assert drafts(home, "resume-edit-1")


def test_import_save_all(cli) -> None:
    with terminal("\r"):
        result = cli("resume", "import", str(RESUME))
    assert result.code == 0, result.err
    assert "Found 5 entries" in result.err and len(entries(cli)) == 5


def test_import_pick_some(cli) -> None:
    with terminal(DOWN + "\r" + " " + DOWN + " " + "\r"):  # untick the first two
        result = cli("resume", "import", str(RESUME))
    assert result.code == 0, result.err
    assert [e["title"] for e in entries(cli)] == ["Campus Navigator", "Budget Bot",
                                                  "Women in Computing Society"]


def test_import_edit_first(cli, editor) -> None:
    (editor / "1.yaml").write_text("entries:\n  - kind: project\n    title: Only this one\n")
    with terminal(DOWN + DOWN + "\r"):
        result = cli("resume", "import", str(RESUME))
    assert result.code == 0, result.err
    assert "Opening the list of entries in " in result.err and "story" not in result.err
    assert "Campus Navigator" in (editor / "seen-1.yaml").read_text()
    assert [e["title"] for e in entries(cli)] == ["Only this one"]


def test_import_cancel_saves_nothing(cli) -> None:
    with terminal(DOWN + DOWN + DOWN + "\r"):
        result = cli("resume", "import", str(RESUME))
    assert result.code == 0 and "Nothing was saved" in result.err
    assert entries(cli) == []


def test_remove_asks(cli) -> None:
    cli("resume", "add", "--kind", "project", "--title", "A")
    with terminal("n"):
        kept = cli("resume", "remove", "1")
    assert "Kept resume entry 1" in kept.err and len(entries(cli)) == 1
    with terminal("y"):
        gone = cli("resume", "remove", "1")
    assert gone.code == 0 and entries(cli) == []


def test_pitch_in_the_editor(cli, editor) -> None:
    cli("resume", "add", "--kind", "internship", "--title", "Acme internship", "--org", "Acme",
        "--outcome", "Refunds 3x faster.")
    (editor / "1.yaml").write_text("- present: I study CS.\n- why: payments.\n")
    with terminal(""):
        result = cli("resume", "pitch")
    assert result.code == 0, result.err
    assert "Opening the pitch in " in result.err and "story" not in result.err  # not a story
    seen = (editor / "seen-1.yaml").read_text()
    assert seen.startswith("# Tell me about yourself") and "Acme" in seen
    pitch = json.loads(cli("resume", "pitch", "--show", "--json").out)["pitch"]
    assert pitch["text"] == "- present: I study CS.\n- why: payments.\n"
