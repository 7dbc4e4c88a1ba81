"""Battery (issue #19, item 8): output in an encoding that cannot show every character.

With `PYTHONIOENCODING=cp1252` (a Windows pipe) or `ascii`, every view exits 0 and
replaces what it cannot encode; JSON stays exact (\\uXXXX escapes); and text piped
in is stored as typed, never as replacement characters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .battery import assert_no_traceback, run_devnull, story_args

VIEWS = [
    ("star", "list"), ("star", "show", "1"), ("star", "check"), ("star", "export"),
    ("stats",), ("plan",), ("history",), ("culture", "themes"), ("tips",),
    ("content", "list"), ("info",), ("--help",), ("code", "list"),
]
UNICODE = "Café — naïve 😀 “quoted” …"


def _run(*args: str, encoding: str, data: str = "") -> subprocess.CompletedProcess[str]:
    raw = subprocess.run(
        [sys.executable, "-m", "netprep", *args], input=data.encode("utf-8"),
        capture_output=True, timeout=60, env={**os.environ, "PYTHONIOENCODING": encoding},
    )
    return subprocess.CompletedProcess(raw.args, raw.returncode,
                                       raw.stdout.decode(encoding), raw.stderr.decode(encoding))


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_every_view_survives_a_narrow_encoding(home, encoding: str) -> None:
    assert run_devnull("star", "add", *story_args("Plain ASCII title")).returncode == 0
    assert run_devnull("star", "add", *story_args(UNICODE, UNICODE)).returncode == 0
    for args in VIEWS:
        result = _run(*args, encoding=encoding)
        assert result.returncode == 0, (args, result.stderr[-2000:])
        assert_no_traceback(result)
    listed = _run("star", "list", "--json", encoding=encoding)
    titles = [s["title"] for s in json.loads(listed.stdout)["stories"]]
    assert UNICODE in titles  # exact through \\u escapes
    shown = _run("star", "show", "2", "--json", encoding=encoding)
    assert json.loads(shown.stdout)["title"] == UNICODE


ANSWER = "Résumé — I cut the build to 7 minutes, 30% faster 😀"


def test_a_story_piped_with_ascii_stdin_is_stored_exactly(home) -> None:
    story = (f"title: Piped\nsituation: {ANSWER}\ntask: T.\naction: I did it.\n"
             "result: R went up 10%.\n")
    result = _run("star", "add", "--file", "-", encoding="ascii", data=story)
    assert result.returncode == 0, result.stderr
    shown = json.loads(run_devnull("star", "show", "1", "--json").stdout)
    assert shown["situation"] == ANSWER, shown


def test_a_mock_answer_piped_with_ascii_stdin_is_stored_exactly(home) -> None:
    result = _run("mock", "-n", "1", "--untimed", encoding="ascii", data=ANSWER + "\n")
    assert result.returncode == 0, result.stderr[-2000:]
    history = json.loads(run_devnull("history", "show", "1", "--json").stdout)
    assert ANSWER in json.dumps(history, ensure_ascii=False), history
