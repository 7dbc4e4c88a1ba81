"""Battery (issue #9): odd standard streams and arguments, in real processes.

Bytes that are not UTF-8 on stdin or in an argument, a closed stdin or stdout,
a full output device, and ids too large for SQLite: exit 0 or 1 with one clear
message, never "Unexpected error", and nothing typed earlier lost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .battery import assert_failure, assert_no_traceback, prime_content_cache, story_args


@pytest.fixture(autouse=True)
def content_cache(home: Path) -> None:
    prime_content_cache(home)


def run(*args: str | bytes, stdin: bytes | None = b"", close: tuple[int, ...] = (),
        stdout_to: str | None = None) -> subprocess.CompletedProcess[str]:
    """netprep in a real process; `close` closes those fds (0: stdin, 1: stdout) in the child."""
    command = [sys.executable, "-m", "netprep", *args]
    if close:
        closing = " ".join(f"{fd}>&-" if fd else "<&-" for fd in close)
        command = ["sh", "-c", '"$@" ' + closing, "sh", *command]
    out = open(stdout_to, "wb") if stdout_to else subprocess.PIPE  # noqa: SIM115
    try:
        done = subprocess.run(command, input=stdin, stdout=out, stderr=subprocess.PIPE,
                              timeout=30, env=os.environ.copy())
    finally:
        if stdout_to:
            out.close()  # type: ignore[union-attr]
    return subprocess.CompletedProcess(
        done.args, done.returncode,
        (done.stdout or b"").decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"),
    )


def stories(cli) -> list[dict]:
    return json.loads(cli("star", "list", "--json").out)["stories"]


def test_an_argument_that_is_not_utf8_is_refused_and_nothing_is_saved(cli) -> None:
    assert cli("star", "add", *story_args("Kept")).code == 0
    args = [a.encode() for a in story_args("T")]
    args[1] = b"Bad \xff title"
    result = run("star", "add", *args)
    assert_failure(result, 1, "not valid UTF-8", "nothing was saved")
    result = run("culture", "reflect", "--text", b"x\xfe", "--prompt", "general",
                 _first_theme().encode())
    assert_failure(result, 1, "not valid UTF-8")
    assert [s["title"] for s in stories(cli)] == ["Kept"]


def _first_theme() -> str:
    from netprep.content import load_library

    return load_library().themes[0].id


def test_stdin_that_is_not_utf8_is_kept_with_replacement_characters(cli) -> None:
    result = run("mock", "--round", "behavioral", "-n", "2", "--untimed",
                 stdin=b"caf\xe9 \xff answer\nsecond answer\n")
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    answers = [q["answer"] for q in
               json.loads(cli("history", "show", "1", "--json").out)["questions"]]
    assert answers == ["caf\ufffd \ufffd answer", "second answer"]
    story = b"title: T\xff\nsituation: S.\ntask: T.\naction: I did.\nresult: Up 5%.\n"
    result = run("star", "add", "--file", "-", stdin=story)
    assert result.returncode == 0, result.stderr
    assert stories(cli)[0]["title"] == "T\ufffd"
    result = run("culture", "quiz", "-n", "1", stdin=b"\xff\xfe\n")
    assert result.returncode == 0 and "counted as wrong" in result.stderr, result.stderr


@pytest.mark.parametrize("argv", [
    ("culture", "quiz", "-n", "1"),
    ("mock", "-n", "1"),
    ("star", "add", "--file", "-"),
    ("star", "import", "-"),
    ("star", "add"),
])
def test_a_closed_stdin_reads_as_empty(argv: tuple[str, ...]) -> None:
    result = run(*argv, stdin=None, close=(0,))
    assert result.returncode in (0, 1), result.stderr
    assert_no_traceback(result)
    if result.returncode == 1:
        assert result.stderr.startswith("netprep: ")


@pytest.mark.parametrize("argv", [("info",), ("star", "list", "--json"), ("culture", "themes")])
def test_a_closed_stdout_is_not_a_crash(argv: tuple[str, ...]) -> None:
    result = run(*argv, close=(1,))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [("info",), ("star", "list", "--json"), ("stats", "--json"),
                                  ("star", "export"), ("tips",)])
def test_a_full_output_device_is_one_clear_message(argv: tuple[str, ...]) -> None:
    result = run(*argv, stdout_to="/dev/full")
    assert_failure(result, 1, "Could not write the output", "No space left")
    assert result.stderr.count("\n") == 2  # the message and its hint, nothing after


HUGE = "99999999999999999999"  # more than SQLite's 64-bit integers


@pytest.mark.parametrize("argv", [
    ("star", "show", HUGE), ("star", "remove", HUGE, "--yes"), ("star", "check", HUGE),
    ("star", "edit", HUGE, "--title", "x"), ("history", "show", HUGE),
    ("history", "--limit", HUGE),
])
def test_an_id_too_large_for_sqlite_is_a_clear_error(cli, argv: tuple[str, ...]) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert_no_traceback(result)
    assert "9223372036854775807" in result.err
