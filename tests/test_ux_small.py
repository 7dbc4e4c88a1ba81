"""The smaller things a new user trips on (issue 29, item 16)."""

from __future__ import annotations

import json

import pytest

from .test_ux_words import _complete


def test_completion_offers_rounds_tracks_and_brief_ids() -> None:
    assert _complete("netprep mock --round te") == ["technical"]
    assert "takehome" in _complete("netprep mock --round ")
    assert "backend" in _complete("netprep mock --track ")
    assert _complete("netprep partner kit --round pi") == ["pitch"]
    briefs = _complete("netprep takehome show ")
    assert briefs and all("-" in b or b.isalnum() for b in briefs)
    assert _complete("netprep takehome start " + briefs[0][:4])[0] == briefs[0]


def test_the_british_spelling_of_a_round_is_read_as_that_round(cli, tmp_path) -> None:
    done = cli("partner", "kit", "--round", "behavioural", "-o", str(tmp_path / "kit.html"))
    assert done.code == 0, done.err
    assert "--round behavioral" in done.err + done.out


def test_a_mistyped_round_is_answered_with_the_nearest(cli) -> None:
    done = cli("mock", "--round", "behavorial", "-n", "1")
    assert done.code == 2
    assert "Did you mean behavioral?" in done.err and "Traceback" not in done.err


@pytest.mark.parametrize(("argv", "near"), [
    (("stars",), "star"), (("star", "lsit"), "list"), (("histroy",), "history"),
])
def test_a_mistyped_command_is_answered_with_the_nearest(cli, argv, near) -> None:
    done = cli(*argv)
    assert done.code == 2
    assert f"Did you mean {near}" in done.err


def test_an_unknown_command_with_nothing_near_keeps_clicks_message(cli) -> None:
    done = cli("zzzzqq")
    assert done.code == 2 and "zzzzqq" in done.err and "Did you mean" not in done.err


@pytest.mark.parametrize("argv", [("resume", "show", "0"), ("star", "show", "0")])
def test_id_zero_says_ids_start_at_one_not_the_largest_integer(cli, argv) -> None:
    done = cli(*argv)
    assert done.code == 2
    assert "start at 1" in done.err and "9223372036854775807" not in done.err


def test_a_count_of_zero_says_to_give_one_or_more(cli) -> None:
    done = cli("history", "--limit", "0")
    assert done.code == 2 and "give 1 or more" in done.err and "ids you have" not in done.err


@pytest.mark.parametrize(("question", "says"), [
    ("can the array contain duplicates?", "Yes"),
    ("are there duplicate numbers", "Yes"),
    ("can I use the same element twice", "No"),
    ("can I reuse an element?", "No"),
])
def test_two_sum_duplicates_are_allowed_but_one_element_is_not_used_twice(cli, question,
                                                                          says) -> None:
    done = cli("code", "ask", "two-sum", question, "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out)["answer"].startswith(says)


def test_the_voice_extra_hint_names_the_command_for_this_install() -> None:
    from netprep.voice.errors import extra_hint, install_command

    command = install_command()
    assert "[voice]" in command and command in extra_hint()
    # this suite runs from a clone (an editable install): the clone's own folder
    assert "netprep[voice]" not in command


def test_ctrl_d_in_reflect_ends_the_reflection_and_keeps_the_answers(cli) -> None:
    from .conftest import terminal

    theme = "candour"
    with terminal("\r" + "What I think about candor." + "\r" + "\x04"):
        done = cli("culture", "reflect", theme)
    assert done.code == 0, done.err
    assert "Interrupted" not in done.err and "Stopped at Ctrl-D" in done.err
    assert "Saved 1 reflection" in done.err
    kept = json.loads(cli("culture", "reflections", "--json").out)["reflections"]
    assert [r["text"] for r in kept] == ["What I think about candor."]


def test_ctrl_d_at_a_choice_says_it_stopped_not_interrupted(cli) -> None:
    from .conftest import terminal

    with terminal("\x04"):
        done = cli("culture", "reflect", "candour")
    assert done.code == 130
    assert "Ctrl-D" in done.err and "Interrupted" not in done.err


# --- item 13: no editor set ------------------------------------------------------------

@pytest.mark.parametrize(("fallback", "leave"), [("nano", "Ctrl-X leaves"), ("vi", ":wq")])
def test_with_no_editor_set_netprep_says_which_opens_and_how_to_leave(
        cli, tmp_path, monkeypatch, fallback, leave) -> None:
    import sys
    from pathlib import Path

    from .conftest import terminal

    data = Path(__file__).parent / "data" / "star"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / fallback  # only this editor is found (nano before vi when both exist)
    fake.write_text(f"#!/bin/sh\nexec {sys.executable} {data / 'fake_editor.py'} \"$@\"\n")
    fake.chmod(0o755)
    edits = tmp_path / "edits"
    edits.mkdir()
    monkeypatch.setenv("FAKE_EDITS", str(edits))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", str(bin_dir))  # a real nano elsewhere must not win
    cli("resume", "add", "--kind", "project", "--title", "StudyMatch")
    with terminal(""):
        done = cli("resume", "edit", "1")
    assert (edits / "seen-1.yaml").exists(), done.err  # the fallback editor really opened
    assert f"in {fallback} (set $EDITOR to use another editor)" in done.err
    assert leave in done.err


def test_an_editor_the_user_chose_is_named_without_the_fallback_advice(cli, tmp_path,
                                                                       monkeypatch) -> None:
    import sys
    from pathlib import Path

    from .conftest import terminal

    data = Path(__file__).parent / "data" / "star"
    edits = tmp_path / "edits"
    edits.mkdir()
    monkeypatch.setenv("FAKE_EDITS", str(edits))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {data / 'fake_editor.py'}")
    monkeypatch.delenv("VISUAL", raising=False)
    cli("resume", "add", "--kind", "project", "--title", "StudyMatch")
    with terminal(""):
        done = cli("resume", "edit", "1")
    assert "Opening the" in done.err and "set $EDITOR" not in done.err
    assert "close the editor to come back" in done.err


def test_a_theme_is_found_by_its_title_as_well_as_its_id(cli) -> None:
    """Issue 29, item 16: the theme titled "Candor" has the id `candour`; `candor` (and
    any title, as words) finds it in every command that takes a theme."""
    shown = cli("culture", "show", "candor")
    assert shown.code == 0, shown.err
    assert shown.out.splitlines()[0].startswith("Candor")
    assert cli("culture", "show", "great-and-always-better").code == 0
    assert cli("culture", "quiz", "--theme", "candor", "-n", "1", input="1\n").code == 0
    missing = cli("culture", "show", "candid")
    assert missing.code == 1 and "candour" in missing.err  # did-you-mean names the id
