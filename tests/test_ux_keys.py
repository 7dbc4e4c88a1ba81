"""One keyboard for every free-text prompt; typed text is never lost (issue 20: 1, 2, 6, 10).

Every prompt here is driven with real key presses through prompt_toolkit's pipe input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import terminal

DATA = Path(__file__).parent / "data"
ENTER, NEWLINE, CTRL_C, CTRL_D, DOWN = "\r", "\x1b\r", "\x03", "\x04", "\x1b[B"
PASTE = "\x1b[200~{}\x1b[201~"  # a bracketed paste, as terminals send it


@pytest.fixture(autouse=True)
def real_terminal_type(monkeypatch: pytest.MonkeyPatch) -> None:
    # conftest sets TERM=dumb, where prompt_toolkit runs a reduced prompt without custom
    # keys; a student's terminal is an xterm (the output is still a DummyOutput).
    monkeypatch.setenv("TERM", "xterm-256color")


def ask(keys: str, **kwargs: object) -> str:
    from netprep.ui import prompts

    with terminal(keys):
        return prompts.multiline("> ", **kwargs)  # type: ignore[arg-type]


# --- the convention itself ------------------------------------------------------------------


def test_enter_submits_and_alt_enter_adds_a_line() -> None:
    assert ask("first" + NEWLINE + "second" + ENTER) == "first\nsecond"


def test_a_pasted_block_keeps_its_lines_and_does_not_submit() -> None:
    pasted = "line one\nline two\n\nline four"
    assert ask(PASTE.format(pasted) + " and more" + ENTER) == pasted + " and more"


def test_ctrl_c_carries_the_text_on_screen() -> None:
    from netprep.ui import prompts

    with pytest.raises(prompts.InterruptedWithText) as stop:
        ask("half an answer" + CTRL_C)
    assert stop.value.text == "half an answer"
    assert isinstance(stop.value, KeyboardInterrupt)  # still reaches the exit point as Ctrl-C


def test_ctrl_d_ends_only_an_empty_prompt_and_deletes_inside_text() -> None:
    with pytest.raises(EOFError):
        ask(CTRL_D)
    assert ask("abc" + "\x1b[D" + CTRL_D + ENTER) == "ab"  # left arrow, then delete forward


def test_the_bar_counts_words_and_never_cuts_a_key_in_half() -> None:
    from netprep.ui.prompts import MULTILINE_KEYS, keys_bar

    huge = " ".join(["word"] * 1_234) + "\nlast"
    bar = keys_bar(huge, room=60)
    assert bar[0][1].strip() == "1,235 words, 2 lines"  # a huge paste is never silent
    shown = "".join(text for _, text in bar)
    assert len(shown) <= 60
    keys = [k.strip() for k in bar[1][1].split(" · ")]
    assert keys and all(k in MULTILINE_KEYS.split(" · ") for k in keys)  # whole keys only
    wide = keys_bar("", room=120)
    assert [k.strip() for k in wide[0][1].split(" · ")] == MULTILINE_KEYS.split(" · ")


def test_mock_answer_prompt_bar_fits_60_columns() -> None:
    from netprep.ui.interview import ANSWER_KEYS
    from netprep.ui.prompts import keys_bar

    head = " Question 12 of 20 " + " 10:00 left "
    bar = keys_bar("some typed words here", ANSWER_KEYS, room=60 - len(head))
    assert len(head + "".join(text for _, text in bar)) <= 60
    assert "Enter: submit" in "".join(text for _, text in bar)


# --- star add: drafts keep everything -------------------------------------------------------


@pytest.fixture
def star_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "star" / "pack")


def _drafts(home: Path, prefix: str, suffix: str = ".yaml") -> list[Path]:
    folder = home / "workspace"
    return sorted(folder.glob(f"{prefix}-*{suffix}")) if folder.is_dir() else []


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stopping_at_the_task_keeps_the_text_on_screen_and_the_draft_round_trips(
        cli, home, star_pack, stop) -> None:
    typed = "I had to ship search" if stop == CTRL_C else ""
    keys = ("\r" + "Library search" + ENTER + "In my internship the app had no search."
            + ENTER + typed + stop)
    with terminal(keys):
        result = cli("star", "add")
    assert result.code == 130
    [draft] = _drafts(home, "star-draft")
    assert str(draft) in result.err and f"star add --file {draft}" in result.err
    text = draft.read_text()
    assert "In my internship the app had no search." in text
    if typed:
        assert typed in text  # the buffer on screen at Ctrl-C is kept too
    assert "''" not in text  # empty parts are `|` blocks, as the header says
    import yaml

    data = yaml.safe_load(text)
    data["task"] = data["task"] or "I had to ship search in two weeks."
    data["action"] = "I built the index and I wrote the query parser, then I tested it."
    data["result"] = "Searches took 200 ms and 40% more books were found."
    draft.write_text(yaml.safe_dump(data))
    done = cli("star", "add", "--file", str(draft))
    assert done.code == 0, done.err
    story = json.loads(cli("star", "show", "1", "--json").out)
    assert story["situation"] == "In my internship the app had no search."
    assert story["task"].startswith("I had to ship search")


# --- culture reflect and reflections --------------------------------------------------------


@pytest.fixture
def culture_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "culture" / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "culture" / "mini"))


def test_reflect_keeps_the_unfinished_answer_and_file_saves_it(cli, home, culture_pack) -> None:
    keys = ENTER + "It resonates because" + NEWLINE + "of one demo" + CTRL_C
    with terminal(keys):
        result = cli("culture", "reflect", "ownership")
    assert result.code == 130
    [draft] = _drafts(home, "reflection", ".md")
    assert draft.read_text() == "It resonates because\nof one demo\n"
    assert f"--file {draft}" in result.err
    saved = cli("culture", "reflect", "ownership", "--prompt", "general", "--file", str(draft))
    assert saved.code == 0, saved.err
    [entry] = json.loads(cli("culture", "reflections", "--json").out)["reflections"]
    assert entry["text"] == "It resonates because\nof one demo"


def test_reflect_multiline_answer_is_one_reflection(cli, culture_pack) -> None:
    keys = ENTER + "First line" + NEWLINE + "second line" + ENTER + ENTER * 5
    with terminal(keys):
        result = cli("culture", "reflect", "ownership")
    assert result.code == 0, result.err
    entries = json.loads(cli("culture", "reflections", "--json").out)["reflections"]
    assert [e["text"] for e in entries] == ["First line\nsecond line"]


def test_reflections_edit_and_remove(cli, culture_pack, tmp_path, monkeypatch) -> None:
    cli("culture", "reflect", "ownership", "--resonates", "--text", "First take.")
    assert cli("culture", "reflections", "edit", "1", "--text", "Second take.").code == 0
    [entry] = json.loads(cli("culture", "reflections", "--json").out)["reflections"]
    assert entry["text"] == "Second take." and entry["resonates"] is True

    edits = tmp_path / "edits"
    edits.mkdir()
    (edits / "1.yaml").write_text("resonates: false\ntext: |\n  Third take,\n  on two lines.\n")
    monkeypatch.setenv("FAKE_EDITS", str(edits))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {DATA / 'star' / 'fake_editor.py'}")
    monkeypatch.delenv("VISUAL", raising=False)
    assert cli("culture", "reflections", "edit", "1").code == 0
    [entry] = json.loads(cli("culture", "reflections", "--json").out)["reflections"]
    assert entry == {**entry, "text": "Third take,\non two lines.", "resonates": False}
    assert "Reflection 1" in (edits / "seen-1.yaml").read_text()

    refused = cli("culture", "reflections", "remove", "1")
    assert refused.code == 1 and "--yes" in refused.err
    assert cli("culture", "reflections", "remove", "1", "--yes").code == 0
    assert json.loads(cli("culture", "reflections", "--json").out)["reflections"] == []
    missing = cli("culture", "reflections", "edit", "7", "--text", "x")
    assert missing.code == 1 and "No reflection with id 7" in missing.err


def test_an_invalid_reflection_edit_keeps_the_text(cli, culture_pack, home, tmp_path,
                                                   monkeypatch) -> None:
    cli("culture", "reflect", "ownership", "--text", "Kept safe.")
    edits = tmp_path / "edits"
    edits.mkdir()
    (edits / "1.yaml").write_text("resonates: sometimes\ntext: |\n  My new words.\n")
    monkeypatch.setenv("FAKE_EDITS", str(edits))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {DATA / 'star' / 'fake_editor.py'}")
    with terminal("n"):
        result = cli("culture", "reflections", "edit", "1")
    assert result.code == 1 and "resonates" in result.err
    [kept] = _drafts(home, "reflection-edit")
    assert "My new words." in kept.read_text() and str(kept) in result.err
    [entry] = json.loads(cli("culture", "reflections", "--json").out)["reflections"]
    assert entry["text"] == "Kept safe."


# --- mock: an unfinished answer --------------------------------------------------------------


def test_ctrl_c_mid_answer_keeps_the_unfinished_answer(home, capsys, monkeypatch) -> None:
    import io

    from netprep.cli import run

    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "mock" / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "mock" / "main"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))  # Enter at the Ready? prompt
    with terminal("I started by profiling" + NEWLINE + "the slow query" + CTRL_C):
        code = run(["mock", "--round", "behavioral", "--questions", "2"])
    err = capsys.readouterr().err
    assert code == 130
    [draft] = _drafts(home, "mock-answer", ".md")
    assert "I started by profiling\nthe slow query" in draft.read_text()
    assert str(draft) in err


def test_the_printed_command_saves_the_unfinished_answer_once(home, capsys, monkeypatch,
                                                              cli) -> None:
    """Issue 29, item 12: the draft kept on Ctrl-C is saved by the command printed with it."""
    import io
    import shutil

    from netprep.cli import run

    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "mock" / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "mock" / "main"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    with terminal("I profiled the slow query" + NEWLINE + "and added an index" + CTRL_C):
        assert run(["mock", "--round", "behavioral", "--questions", "2"]) == 130
    err = capsys.readouterr().err
    [draft] = _drafts(home, "mock-answer", ".md")
    assert f"netprep history import {draft}" in err
    copy = home / "copy.md"
    shutil.copy(draft, copy)
    result = cli("history", "import", str(draft))
    assert result.code == 0, result.err
    assert not draft.exists()  # netprep's own draft has done its job
    shown = json.loads(cli("history", "show", "1", "--json").out)
    [answer] = shown["questions"]
    assert answer["answer"] == "I profiled the slow query\nand added an index"
    assert answer["position"] == 1 and answer["elapsed_seconds"] >= 0
    again = cli("history", "import", str(copy))
    assert again.code == 0 and "Nothing new to save" in again.err
    assert len(json.loads(cli("history", "show", "1", "--json").out)["questions"]) == 1


def test_a_broken_unfinished_draft_is_refused_in_one_sentence(cli, tmp_path) -> None:
    bad = tmp_path / "draft.md"
    bad.write_text("---\nkind: netprep unfinished answer\nposition: [1\n---\ntext\n")
    result = cli("history", "import", str(bad))
    assert result.code == 1 and "not valid YAML" in result.err and "Traceback" not in result.err
    bad.write_text("---\nkind: netprep unfinished answer\n---\nMy answer.\n")
    result = cli("history", "import", str(bad))
    assert result.code == 1 and "the draft has no field 'position'" in result.err


def test_at_60_columns_the_save_command_stays_whole_on_its_own_line(home, capsys,
                                                                     monkeypatch) -> None:
    """Tried in a real terminal at 60 columns: the draft's path was split mid-name, its
    second half lost the indent and a ';' stuck to it; the command is now a line alone."""
    import io

    from netprep.cli import run

    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "mock" / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "mock" / "main"))
    monkeypatch.setattr("netprep.text.terminal_width", lambda stream: 60)
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    with terminal("I profiled the slow query" + CTRL_C):
        assert run(["mock", "--round", "behavioral", "--questions", "2"]) == 130
    err = capsys.readouterr().err
    [draft] = _drafts(home, "mock-answer", ".md")
    assert f"  netprep history import {draft}" in err.splitlines()
