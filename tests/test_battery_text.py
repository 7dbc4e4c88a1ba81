"""Battery (issue #9): hostile and huge user text, concurrent adds, a fuzzed story importer.

User text is data: markup and terminal escapes in stories, reflections and mock
answers show literally (or are stripped) in every view, and never reach the
terminal raw. Unicode and long texts come back byte-exact through add --file,
export and import. Two processes adding 100 stories each keep all 200. Random
bytes fed to `star import` give exit 0 or 1 with one message, never a crash.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .battery import (
    EVIL,
    assert_failure,
    assert_no_raw_controls,
    assert_no_traceback,
    prime_content_cache,
    story_args,
)

LITERAL = "[bold red]x[/]"


@pytest.fixture(autouse=True)
def content_cache(home: Path) -> None:
    prime_content_cache(home)


def first_theme() -> str:
    from netprep.content import load_library

    return load_library().themes[0].id


def ok(result):
    assert result.code == 0, result.err
    assert_no_traceback(result)
    return result


# --- markup and escape sequences in every view -------------------------------------------


def test_markup_and_escapes_in_user_text_never_reach_the_terminal(cli) -> None:
    theme = first_theme()
    ok(cli("star", "add", *story_args(f"Title {EVIL}", EVIL), "--learned", EVIL))
    ok(cli("culture", "reflect", theme, "--text", f"Reflection {EVIL}", "--resonates"))
    ok(cli("mock", "--round", "behavioral", "-n", "2", "--untimed",
           input=f"Answer one {EVIL}\nAnswer two {EVIL}\n"))
    views = {
        ("star", "list"): True,
        ("star", "show", "1"): True,
        ("star", "check"): False,
        ("star", "check", "1"): False,
        ("star", "export"): False,  # the Markdown cheat sheet escapes [ and ] its own way
        ("culture", "show", theme): True,
        ("culture", "reflections"): True,
        ("culture", "reflections", "--markdown"): False,
        ("history",): False,
        ("history", "show", "1"): True,
        ("stats",): False,
        ("plan",): False,
        ("mock", "--round", "behavioral", "-n", "1"): False,  # the story hint shows its title
    }
    for argv, literal in views.items():
        result = ok(cli(*argv, input="\n"))
        assert_no_raw_controls(result.out + result.err)
        if literal:
            assert LITERAL in result.out, (argv, result.out[:3000])
    # Messages that quote user text are cleaned too (here: an error naming the title).
    bad_tag = cli("star", "add", *story_args(f"Tagged {EVIL}"), "--tag", "no-such-tag")
    assert_failure(bad_tag, 1, "no-such-tag")
    assert_no_raw_controls(bad_tag.err)


def test_json_output_keeps_user_text_exact_and_escaped(cli) -> None:
    ok(cli("star", "add", *story_args(f"Title {EVIL}")))
    result = ok(cli("star", "show", "1", "--json"))
    assert "\x1b" not in result.out and "\x07" not in result.out  # JSON escapes controls
    assert json.loads(result.out)["title"] == f"Title {EVIL}"


# --- unicode and very long texts ---------------------------------------------------------

UNICODE = ("Emoji 🚀👩🏽‍💻🇪🇺, CJK 漢字かなカナ한국어, RTL עברית والعربية, combining é, "
           "math ∑∫√, tab\there,\nnew line,\n\nnew paragraph. ")
MAX_CHARS = 20_000  # netprep.star.files.MAX_CHARS, the documented limit per section


def long_text(chars: int, tag: str) -> str:
    text = f"{tag}: " + UNICODE * (chars // len(UNICODE) + 1)
    return text[: chars - 3].rstrip() + " ok"


def story_file(path: Path, chars: int) -> dict[str, str]:
    story = {
        "title": "Unicode 🚀 漢字 עברית",
        **{part: long_text(chars, part) for part in ("situation", "task", "action", "result")},
        "learned": long_text(chars, "learned"),
    }
    path.write_text(yaml.safe_dump(story, allow_unicode=True), encoding="utf-8")
    return story


def shown(cli) -> dict[str, str]:
    data = json.loads(ok(cli("star", "show", "1", "--json")).out)
    return {k: data[k] for k in ("title", "situation", "task", "action", "result", "learned")}


@pytest.mark.slow
def test_unicode_sections_at_the_limit_round_trip_exactly(cli, home: Path, tmp_path: Path,
                                                           monkeypatch) -> None:
    story = story_file(tmp_path / "story.yaml", MAX_CHARS)
    assert MAX_CHARS - 5 <= len(story["situation"]) <= MAX_CHARS
    assert len(story["situation"].encode()) > 30_000  # multi-byte: about 30 KB a section
    ok(cli("star", "add", "--file", str(tmp_path / "story.yaml")))
    assert shown(cli) == story
    for view in (("star", "list"), ("star", "show", "1"), ("star", "check"), ("star", "export")):
        ok(cli(*view))
    for fmt in ("yaml", "json"):
        exported = tmp_path / f"stories.{fmt}"
        ok(cli("star", "export", "--format", fmt, "--output", str(exported)))
        monkeypatch.setenv("NETPREP_HOME", str(tmp_path / f"fresh-{fmt}"))
        ok(cli("star", "import", str(exported)))
        assert shown(cli) == story, fmt
        monkeypatch.setenv("NETPREP_HOME", str(home))


def test_a_100_kb_section_is_refused_by_name_and_nothing_is_lost(cli, tmp_path: Path) -> None:
    ok(cli("star", "add", *story_args("Kept")))
    story = story_file(tmp_path / "huge.yaml", 100_000)
    result = cli("star", "add", "--file", str(tmp_path / "huge.yaml"))
    assert_failure(result, 1, "situation", "too long", str(MAX_CHARS))
    result = cli("star", "add", *story_args("Huge"), "--situation", story["situation"])
    assert_failure(result, 1, "situation", str(MAX_CHARS))
    titles = [s["title"] for s in json.loads(cli("star", "list", "--json").out)["stories"]]
    assert titles == ["Kept"]


def test_a_100_kb_unicode_reflection_round_trips(cli) -> None:
    text = long_text(100_000, "reflection")
    ok(cli("culture", "reflect", first_theme(), "--text", text))
    kept = json.loads(ok(cli("culture", "reflections", "--json")).out)["reflections"]
    assert [r["text"] for r in kept] == [text]
    ok(cli("culture", "reflections"))
    ok(cli("culture", "reflections", "--markdown"))


# --- two processes adding 100 stories each -----------------------------------------------

ADDER = textwrap.dedent(
    """
    import sys
    from netprep.cli import run
    for n in range(100):
        code = run(["star", "add", "--title", f"{sys.argv[1]} {n}", "--situation", "S.",
                    "--task", "T.", "--action", "I did it.", "--result", "Up 10%."])
        assert code == 0, code
    """
)


@pytest.mark.slow
def test_two_processes_adding_100_stories_each_keep_all_200(cli) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", ADDER, name], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
        for name in ("first", "second")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "busy" not in err
    stories = json.loads(ok(cli("star", "list", "--json")).out)["stories"]
    assert len(stories) == 200
    assert len({s["id"] for s in stories}) == 200
    assert {s["title"] for s in stories} == {f"{p} {n}" for p in ("first", "second")
                                             for n in range(100)}


# --- fuzzing the story importer ----------------------------------------------------------

FRAGMENTS = st.sampled_from([
    "stories:\n", "- ", "  ", "\n", "title: ", "situation: ", "task: ", "action: ",
    "result: ", "learned: ", "tags: ", "template: ", "id: ", "version: 1\n", "created_at: ",
    "[", "]", "{", "}", ":", ",", '"', "'", "|\n", ">-\n", "&a ", "*a", "!!python/object:os ",
    "<<: ", "? ", "no", "012", "1e9", "-1", "99999999999999999999", "~", "null", "#", "---\n",
    "...", "\t", "\x00", "\x1b[31m", "\ufeff", "\u202e", "é漢🚀", "I did it 20%.", "teamwork",
    '{"stories": [', '{"title": "T", "situation": "S", "task": "T", "action": "A", '
    '"result": "R"}', "]}",
]) | st.text(max_size=6)
VALID = "title: T\nsituation: S.\ntask: T.\naction: I did.\nresult: Up 5%.\n"
PAYLOADS = (
    st.lists(FRAGMENTS, max_size=40).map("".join).map(lambda s: s.encode("utf-8", "replace"))
    | st.binary(max_size=300)
    | st.builds(lambda a, b: (VALID[:a] + b + VALID[a:]).encode("utf-8", "replace"),
                st.integers(0, len(VALID)), st.text(max_size=10))
)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payload=PAYLOADS, suffix=st.sampled_from([".yaml", ".json", ".txt"]))
def test_star_import_of_random_bytes_never_crashes(cli, tmp_path: Path, payload: bytes,
                                                   suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(payload)
    result = cli("star", "import", str(path))
    assert result.code in (0, 1), (result.code, result.err)
    assert_no_traceback(result)
    if result.code == 1:
        assert result.err.startswith("netprep: "), result.err
        assert "fuzz" in result.err  # the message names the file
