"""Did-you-mean for every unknown id, and shell completion (issue 20, items 5 and 9)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from netprep.text import closest, did_you_mean


def test_closest_prefers_prefixes_then_look_alikes() -> None:
    ids = ["keeper-test", "candour", "dream-team", "prioritisation"]
    assert closest("keeper", ids) == ["keeper-test"]
    assert closest("prioritization", ids) == ["prioritisation"]
    assert closest("zzz", ids) == []
    hint = did_you_mean("candor", ids, "Theme ids")
    assert hint.startswith("Did you mean candour?") and "Theme ids: keeper-test" in hint


@pytest.mark.parametrize("args, wanted", [
    (("culture", "show", "keeper"), "Did you mean keeper-test?"),
    (("code", "show", "two-su"), "Did you mean two-sum?"),
    (("mock", "--pack", "builtn"), "Did you mean builtin?"),
    (("tips", "intervew"), "Did you mean interview?"),
    (("code", "list", "--topic", "array"), "Did you mean arrays?"),
    (("culture", "quiz", "--pack", "bultin"), "Did you mean builtin?"),
])
def test_unknown_ids_suggest_the_closest_valid_ones(cli, args, wanted) -> None:
    result = cli(*args)
    assert result.code in (1, 2)
    assert wanted in result.err


def test_an_unknown_competency_tag_suggests_one(cli) -> None:
    result = cli("star", "add", "--title", "T", "--situation", "S", "--task", "T",
                 "--action", "I did it.", "--result", "It worked.", "--tag", "ownershp")
    assert result.code == 1 and "Did you mean ownership?" in result.err


def test_an_unknown_story_id_lists_the_ones_there_are(cli) -> None:
    assert "no stories yet" in cli("star", "show", "3").err
    cli("star", "add", "--title", "T", "--situation", "S", "--task", "T",
        "--action", "I did it.", "--result", "It worked.")
    result = cli("star", "show", "3")
    assert result.code == 1 and "Your story ids: 1" in result.err


def _complete(words: str, shell: str = "bash") -> list[str]:
    env = {**os.environ, "_NETPREP_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    done = subprocess.run([sys.executable, "-m", "netprep"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return [line.split(",", 1)[1] for line in done.stdout.splitlines() if "," in line]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_each_shell(cli, shell) -> None:
    result = cli("completion", shell)
    assert result.code == 0 and "_NETPREP_COMPLETE" in result.out


def test_completion_refuses_an_unknown_shell(cli) -> None:
    result = cli("completion", "tcsh")
    assert result.code == 2 and "bash, zsh, fish" in result.err


def test_completion_offers_commands_options_and_ids(cli) -> None:
    cli("star", "add", "--title", "T", "--situation", "S", "--task", "T",
        "--action", "I did it.", "--result", "It worked.")
    assert {"star", "stats"} <= set(_complete("netprep st"))
    assert _complete("netprep star show ") == ["1"]
    assert _complete("netprep culture show keep") == ["keeper-test"]
    assert "two-sum" in _complete("netprep code show two")
    assert "--timed" in _complete("netprep mock --t")


# --- words (item 4) ---------------------------------------------------------------------


def _add(cli, title: str = "Faster builds") -> None:
    result = cli("star", "add", "--title", title, "--situation", "At my internship the CI took "
                 "25 minutes.", "--task", "I had to cut it.", "--action", "We met and talked.",
                 "--result", "It got faster.")
    assert result.code == 0, result.err


def test_piped_views_carry_no_trailing_spaces(cli) -> None:
    _add(cli)
    for args in (("star", "check"), ("star", "list"), ("stats",), ("history",)):
        out = cli(*args).out
        assert out.strip(), args
        assert not [line for line in out.splitlines() if line != line.rstrip()], args


def test_stats_has_no_dangling_separator_when_nothing_is_done(cli) -> None:
    out = cli("stats").out
    assert not [line for line in out.splitlines() if line.rstrip().endswith("·")]


def test_code_show_signature_has_no_dangling_brace_and_drill_hint_is_not_repeated(cli) -> None:
    out = cli("code", "show", "two-sum").out
    assert "function twoSum(nums, target)" in out
    assert not [line for line in out.splitlines() if line.rstrip().endswith("{")]
    assert "Start it: netprep code start two-sum" in out


@pytest.mark.parametrize("group", ["star", "code", "culture", "mock", "resume", "takehome"])
def test_group_help_never_cuts_a_description(cli, group) -> None:
    result = cli(group, "--help")
    assert result.code == 0
    commands = result.out.split("Commands:", 1)[-1]
    assert "..." not in commands


def test_summary_words() -> None:
    from netprep.mock.scoring import suggestions
    from netprep.ui.render_mock import _versus

    assert _versus(47, 120).plain == "1:13 under"
    assert _versus(130, 120).plain == "0:10 over"

    class Record:
        over_seconds, aloud, elapsed_seconds, target_seconds = 0, False, 100, 120
        checklist: dict = {}
        rating = 4
        position = 1
        findings = [{"code": "no-metric", "message": "No number.", "suggestion": "Add one."}]

    assert "(came up once)" in " ".join(suggestions([Record()]))  # type: ignore[list-item]


def test_a_word_for_an_id_is_answered_with_an_example(cli) -> None:
    result = cli("star", "show", "abc")
    assert result.code == 2 and "such as 3" in result.err
    assert "integer range" not in result.err
