"""Battery (issue #19, item 9): input bounds.

A `--seed` SQLite cannot store is a usage error before the first question; every id
and count is read by one parser that takes ASCII digits only; `--file /dev/zero`
and an oversized pack file are refused without being read whole; a symlinked pack
folder and escape sequences in pack text are refused by `content validate`.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from .battery import assert_failure, run_devnull, story_args
from .conftest import DATA

GOOD = DATA / "packs" / "good"


def test_a_seed_too_large_is_refused_before_any_question(cli) -> None:
    for args in (("mock", "-n", "1", "--seed", "99999999999999999999"),
                 ("culture", "quiz", "-n", "1", "--seed", "99999999999999999999")):
        result = cli(*args, input="An answer that must not be lost.\n")
        assert result.code == 2, (args, result.err)
        assert "9223372036854775807" in result.err and "Traceback" not in result.err
    assert json.loads(cli("history", "--json").out)["sessions"] == []


@pytest.mark.parametrize("typed", ["١", "1_0", "+1", "１", "1.0"])
def test_ids_are_ascii_digits_everywhere(cli, typed: str) -> None:
    assert cli("star", "add", *story_args()).code == 0
    for args in (("star", "remove", "--yes", typed), ("star", "show", typed),
                 ("star", "edit", typed, "--title", "X"), ("star", "check", typed),
                 ("history", "show", typed), ("history", "--limit", typed)):
        result = cli(*args)
        assert result.code == 2, (args, result.code, result.err)
        assert "digits 0-9" in result.err, result.err
    stories = json.loads(cli("star", "list", "--json").out)["stories"]
    assert [(s["id"], s["title"]) for s in stories] == [(1, "Faster builds")]


@pytest.mark.parametrize("args", [
    ("star", "add", "--file", "/dev/zero"),
    ("star", "import", "/dev/zero"),
    ("star", "edit", "1", "--file", "/dev/zero"),
])
def test_an_endless_file_is_refused_not_read_forever(args: tuple[str, ...]) -> None:
    assert run_devnull("star", "add", *story_args()).returncode == 0
    started = time.monotonic()
    result = run_devnull(*args, timeout=60)
    assert time.monotonic() - started < 30
    assert_failure(result, 1, "/dev/zero", "larger than")


def _user_pack(home: Path) -> Path:
    pack = home / "packs" / "good"
    shutil.copytree(GOOD, pack)
    return pack


def test_an_oversized_pack_file_is_refused_quickly(home: Path) -> None:
    pack = _user_pack(home)
    big = pack / "competencies.yaml"
    big.write_text("competencies:\n" + "  # filler line of a huge file\n" * 110_000)
    started = time.monotonic()
    result = run_devnull("content", "validate", timeout=60)
    assert time.monotonic() - started < 20
    assert result.returncode == 1
    assert f"{big}:1:" in result.stderr and "larger than 2 MB" in result.stderr


def test_a_symlinked_pack_folder_is_named_not_ignored(cli, home: Path, tmp_path: Path) -> None:
    pack = _user_pack(home)
    elsewhere = tmp_path / "themes-elsewhere"
    shutil.move(str(pack / "themes"), elsewhere)
    (pack / "themes").symlink_to(elsewhere, target_is_directory=True)
    result = cli("content", "validate")
    assert result.code == 1, result.err
    assert str(pack / "themes") in result.err and "link to a folder" in result.err


@pytest.mark.parametrize("escape", [r"\e[31m", r"\x1b]0;title\x07", r"\u202e", r"\x07"])
def test_escape_sequences_in_pack_text_are_refused(cli, home: Path, escape: str) -> None:
    pack = _user_pack(home)
    (pack / "pack.yaml").write_text(
        f'id: testpack\nname: "Red {escape}text"\ndescription: d\nversion: "1"\n')
    result = cli("content", "validate")
    assert result.code == 1
    assert f"{pack / 'pack.yaml'}:2:" in result.err and "control characters" in result.err
