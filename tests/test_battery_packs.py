"""Battery (issue #9): a broken user pack in $NETPREP_HOME/packs/, through the real CLI.

Every case: `content validate` and the content-using commands (`culture themes`,
`tips`, `mock`) exit 1 naming file:line, no traceback, the Python tag never runs,
and the user's stories and reflections are still there and still readable.
The loader-level cases are in test_content_loader.py; these go through the commands.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .battery import assert_failure, run_devnull
from .conftest import DATA

GOOD = DATA / "packs" / "good"
QUESTIONS = (GOOD / "questions" / "behavioral.yaml").read_text(encoding="utf-8")
THEME = (GOOD / "themes" / "openness.yaml").read_text(encoding="utf-8")
QUIZ_ITEM = THEME.split("quiz:\n")[1].split("reflections:")[0]
PACK = "id: testpack\nname: {name}\ndescription: d\nversion: {version}\n"

# case -> (file in the pack, its new content, the line named, words of the message)
BROKEN: dict[str, tuple[str, str | bytes, int, str]] = {
    "python tag": (
        "pack.yaml",
        PACK.format(name="!!python/object/apply:os.system ['touch {marker}']", version="'1'"),
        2, "!!python/object/apply:os.system is not allowed",
    ),
    "malformed yaml": ("questions/behavioral.yaml", "round: behavioral\nquestions: [\n", 3,
                       "YAML syntax"),
    "bell and escape bytes": ("pack.yaml", PACK.format(name="A\x07B\x1b[31m", version="'1'"), 2,
                              "control characters are not allowed"),
    "nul byte": ("pack.yaml", PACK.format(name="A\x00B", version="'1'"), 2,
                 "control characters are not allowed"),
    "not utf-8": ("pack.yaml", b"id: testpack\nname: caf\xe9 \x81\x9d\n", 2,
                  "neither UTF-8 nor Windows-1252"),
    # No wording asserted: libyaml's limit and message vary by release (see test_battery_yaml).
    "20000 levels of nesting": ("competencies.yaml",
                                "competencies: " + "[" * 20000 + "]" * 20000 + "\n", 1, ""),
    "deep block mappings": ("competencies.yaml",
                            "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 200)), 41,
                            "nesting deeper than 40 levels"),
    "empty file": ("themes/openness.yaml", "", 1, "the file is empty"),
    "only a comment": ("themes/openness.yaml", "# nothing yet\n", 1, "the file is empty"),
    "list at the root": ("pack.yaml", "- just\n- a list\n", 1, "expected a mapping, got a list"),
    "text at the root": ("pack.yaml", "just a sentence\n", 1, "expected a mapping"),
    "alias bomb": ("competencies.yaml",
                   "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n", 1,
                   "anchors (&a) are not allowed"),
    "duplicate key": ("pack.yaml", "id: testpack\nname: A\nname: B\ndescription: d\n"
                      "version: '1'\n", 3, "duplicate key 'name'"),
    "duplicate question id": ("questions/behavioral.yaml",
                              QUESTIONS + QUESTIONS.split("questions:\n")[1], 8,
                              "'team-win' is used twice"),
    "duplicate quiz item id": ("themes/openness.yaml",
                               THEME.replace("reflections:", QUIZ_ITEM + "reflections:"), 17,
                               "'open-1' is used twice"),
    "yaml 1.1 boolean no": ("pack.yaml", PACK.format(name="no", version="'1'"), 2,
                            "expected text, got the boolean false"),
    "yaml 1.1 octal 012": ("pack.yaml", PACK.format(name="A", version="012"), 4,
                           "expected text, got the number 10"),
}
COMMANDS = [("content", "validate"), ("culture", "themes"), ("tips",), ("mock", "-n", "1")]


@pytest.fixture(autouse=True)
def small_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-file stand-in for the built-in pack, so each case parses only a few files."""
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "culture" / "base")


def user_pack(home: Path) -> Path:
    pack = home / "packs" / "good"
    shutil.copytree(GOOD, pack)
    return pack


def seed_user_data(cli) -> None:
    """A story and a reflection written while the pack was still valid."""
    added = cli("star", "add", "--title", "Kept", "--situation", "S.", "--task", "T.",
                "--action", "I did A.", "--result", "R went up 10%.")
    assert added.code == 0, added.err
    reflected = cli("culture", "reflect", "openness", "--text", "Still here.")
    assert reflected.code == 0, reflected.err


def assert_user_data_intact(cli) -> None:
    stories = json.loads(cli("star", "list", "--json").out)["stories"]
    assert [s["title"] for s in stories] == ["Kept"]
    kept = cli("culture", "reflections", "--json")
    assert kept.code == 0, kept.err
    assert [r["text"] for r in json.loads(kept.out)["reflections"]] == ["Still here."]


@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_user_pack_names_file_and_line_everywhere(cli, home: Path, tmp_path: Path,
                                                         case: str) -> None:
    relative, content, line, needle = BROKEN[case]
    pack = user_pack(home)
    seed_user_data(cli)
    db = home / "netprep.db"
    before = db.read_bytes()
    marker = tmp_path / "PWNED"
    target = pack / relative
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content.replace("{marker}", str(marker)), encoding="utf-8")
    where = f"{target}:{line}:"

    validate = cli("content", "validate")
    assert validate.code == 1
    assert where in validate.err and needle in validate.err, validate.err
    assert "problem" in validate.err.splitlines()[-1]  # "N problems found."
    assert "Traceback" not in validate.err
    for command in COMMANDS[1:]:
        result = cli(*command)
        assert_failure(result, 1, where, needle, "netprep content validate")
        assert result.out == ""
    assert not marker.exists()
    assert db.read_bytes() == before  # the failing commands wrote nothing
    assert_user_data_intact(cli)


def test_broken_pack_then_fixed_works_again(cli, home: Path) -> None:
    pack = user_pack(home)
    assert cli("culture", "themes", "--json").code == 0  # builds the content cache
    original = (pack / "pack.yaml").read_text()
    (pack / "pack.yaml").write_text(original.replace('version: "0.1"', "version: 012"))
    assert cli("culture", "themes").code == 1  # the cache does not hide the change
    (pack / "pack.yaml").write_text(original)
    fixed = cli("culture", "themes", "--json")
    assert fixed.code == 0, fixed.err
    assert [t["id"] for t in json.loads(fixed.out)["themes"]] == ["openness"]


def test_python_tag_in_a_real_process_with_the_real_builtin_pack(home: Path,
                                                                  tmp_path: Path) -> None:
    pack = home / "packs" / "evil"
    shutil.copytree(GOOD, pack)
    marker = tmp_path / "PWNED"
    (pack / "pack.yaml").write_text(
        f"id: evil\nname: !!python/object/apply:os.system ['touch {marker}']\n"
        "description: d\nversion: '1'\n"
    )
    for command in (("culture", "themes"), ("content", "validate")):
        result = run_devnull(*command)
        assert result.returncode == 1, result.stderr
        assert f"{pack / 'pack.yaml'}:2:" in result.stderr
        assert "Traceback" not in result.stderr
    assert not marker.exists()
