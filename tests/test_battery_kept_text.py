"""Battery (issue #19, item 2): typed text is never lost when the database write fails.

Another process holds the write lock past the busy timeout. `star edit` keeps the
recovery file until its commit succeeded, the guided `star add` and a `mock`
answer go to a draft under workspace/; each message names the file and the
command that finishes the job, and that command then works.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import terminal
from .test_star_interactive import ANSWERS, DATA, EDITED, _add_weak

SUBMIT = "\x1b\r"


@pytest.fixture(autouse=True)
def quick_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.store.db.BUSY_TIMEOUT_SECONDS", 0.2)


@pytest.fixture
def star_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "pack")


@contextmanager
def busy(home: Path) -> Iterator[None]:
    """Another writer holds the database's write lock."""
    other = sqlite3.connect(home / "netprep.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def _kept(err: str) -> tuple[Path, str]:
    """The kept file and the finishing command, as the message names them."""
    path = re.search(r"kept in (\S+?)\.?(?:\s|$)", err)
    command = re.search(r"`(netprep [^`]+)`", err)
    assert path and command, err
    return Path(path.group(1)), command.group(1)


def _finish(cli, command: str):
    args = command.split()[1:]
    return cli(*args)


def test_star_edit_keeps_the_recovery_file_until_the_commit(cli, home, tmp_path, monkeypatch,
                                                             star_content) -> None:
    folder = tmp_path / "edits"
    folder.mkdir()
    monkeypatch.setenv("FAKE_EDITS", str(folder))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {DATA / 'fake_editor.py'}")
    monkeypatch.delenv("VISUAL", raising=False)
    _add_weak(cli)
    (folder / "1.yaml").write_text(EDITED)
    with busy(home), terminal(""):
        result = cli("star", "edit", "1")
    assert result.code == 1 and "busy" in result.err, result.err
    kept, command = _kept(result.err)
    assert "The build dropped from 25 to 7 minutes" in kept.read_text()
    assert command == f"netprep star edit 1 --file {kept}"
    done = _finish(cli, command)
    assert done.code == 0, done.err
    story = json.loads(cli("star", "show", "1", "--json").out)
    assert story["result"].startswith("The build dropped from 25 to 7 minutes")


def test_guided_add_keeps_the_story_when_saving_fails(cli, home, star_content) -> None:
    cli("star", "list")  # creates the database
    keys = "\r" + "".join(ANSWERS) + "\r" + "y"
    with busy(home), terminal(keys):
        result = cli("star", "add")
    assert result.code == 1 and "busy" in result.err, result.err
    kept, command = _kept(result.err)
    assert kept.parent == home / "workspace"
    assert "library app had no search" in kept.read_text()
    done = _finish(cli, command)
    assert done.code == 0, done.err
    story = json.loads(cli("star", "show", "1", "--json").out)
    assert story["action"].startswith("I wrote the index")


def test_a_story_from_flags_is_kept_when_saving_fails(cli, home, star_content) -> None:
    cli("star", "list")
    with busy(home):
        result = cli("star", "add", "--title", "Flags", "--situation", "S at work.",
                     "--task", "T to do.", "--action", "I did A.", "--result", "R up 10%.")
    assert result.code == 1
    kept, command = _kept(result.err)
    assert "R up 10%." in kept.read_text()
    assert _finish(cli, command).code == 0


def test_a_mock_answer_is_kept_when_saving_fails(cli, home) -> None:
    cli("star", "list")
    answer = "I led the migration; I split the work and we shipped 2 weeks early."
    with busy(home):
        result = cli("mock", "-n", "1", "--untimed", "--no-hints", input=answer + "\n")
    assert result.code == 1 and "busy" in result.err, result.err
    kept, command = _kept(result.err)
    assert kept.parent == home / "workspace" and answer in kept.read_text()
    assert command == f"netprep history import {kept}"
    done = _finish(cli, command)
    assert done.code == 0, done.err
    shown = json.loads(cli("history", "show", "1", "--json").out)
    assert answer in json.dumps(shown, ensure_ascii=False)
    assert not kept.exists()  # saved: the draft has done its job


def test_at_60_columns_the_kept_path_and_command_are_one_line_each(tmp_path, capsys,
                                                                   monkeypatch) -> None:
    """Interrupted mid-save in a 60-column terminal: the message is printed whole, so the
    long path and the command can be copied (wrapped, they broke inside the path)."""
    import netprep.text
    from netprep.ui.editor import kept_on_failure

    monkeypatch.setattr(netprep.text, "terminal_width", lambda stream: 60)
    deep = tmp_path / "a-rather-long-folder-name" / "and-another-one" / "story-draft.md"
    deep.parent.mkdir(parents=True)
    with pytest.raises(KeyboardInterrupt), kept_on_failure(
            lambda: "My answer.", "story", "netprep star import {path}", deep):
        raise KeyboardInterrupt
    err = capsys.readouterr().err
    path, command = _kept(err)
    assert path == deep and deep.read_text() == "My answer."
    assert command == f"netprep star import {deep}" and len(err.strip().splitlines()) == 1
