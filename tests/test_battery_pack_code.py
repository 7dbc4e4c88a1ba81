"""Battery (issue #19, item 1): a content pack's language is code, never run unconfirmed.

A user pack that redefines a built-in language is refused by the loader; a pack
that adds a language shows its command in `content list` and `content validate`,
and `code test` runs it only after a confirmation in a terminal (remembered per
pack, language and command hash) or with --allow-pack-language; in a script it
is refused with a message naming that option.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .battery import assert_failure
from .conftest import DATA, REPO, terminal

GOOD = DATA / "packs" / "good"
EXERCISE = (REPO / "content" / "exercises" / "binary-search.yaml").read_text(encoding="utf-8")


def _language(lang_id: str, marker: Path, name: str = "Shell") -> str:
    return (
        "languages:\n"
        f"  - id: {lang_id}\n"
        f"    name: {name}\n"
        f"    command: [sh, -c, 'touch {marker}']\n"
        "    suffix: .sh\n"
        "    starter: |\n      # {header}\n      {signature}\n"
        "    harness: |\n      exit 0\n"
    )


def _pack(home: Path, languages: str, exercise: bool = False) -> Path:
    pack = home / "packs" / "good"
    shutil.copytree(GOOD, pack)
    (pack / "languages.yaml").write_text(languages, encoding="utf-8")
    if exercise:  # binary search, also offered in the pack's `shell`
        text = EXERCISE.replace("id: binary-search", "id: shell-search")
        text = text.replace("signature:\n", "signature:\n  shell: 'search() {'\n")
        text = text.replace("solution:\n", "solution:\n  shell: |\n    search() { :; }\n")
        (pack / "exercises").mkdir(exist_ok=True)
        (pack / "exercises" / "shell-search.yaml").write_text(text, encoding="utf-8")
    return pack


def test_a_pack_cannot_redefine_a_builtin_language(cli, home: Path, tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    pack = _pack(home, _language("python", marker))
    validate = cli("content", "validate")
    assert validate.code == 1
    assert f"{pack / 'languages.yaml'}:2:" in validate.err, validate.err
    assert "already defined" in validate.err and "python" in validate.err
    solution = home / "two_sum.py"
    solution.write_text((REPO / "content" / "exercises" / "two-sum.yaml").read_text())
    result = cli("code", "test", "two-sum", "--file", str(solution))
    assert_failure(result, 1, "languages.yaml:2:")
    assert not marker.exists()


def test_a_new_pack_language_is_listed_with_its_command(cli, home: Path, tmp_path: Path) -> None:
    marker = tmp_path / "RAN"
    _pack(home, _language("shell", marker), exercise=True)
    validate = cli("content", "validate")
    assert validate.code == 0, validate.err
    assert f"touch {marker}" in validate.err and "'shell'" in validate.err
    listed = cli("content", "list", "--json")
    languages = {p["id"]: p["languages"] for p in json.loads(listed.out)["packs"]}
    assert languages["testpack" if "testpack" in languages else "good"][0]["command"] == [
        "sh", "-c", f"touch {marker}"
    ]
    text = cli("content", "list")
    assert f"touch {marker}" in text.err
    assert not marker.exists()


def test_a_pack_language_in_a_script_is_refused_naming_the_option(cli, home: Path,
                                                                  tmp_path: Path) -> None:
    marker = tmp_path / "RAN"
    _pack(home, _language("shell", marker), exercise=True)
    attempt = home / "attempt.sh"
    attempt.write_text("search() { :; }\n")
    args = ("code", "test", "shell-search", "--lang", "shell", "--file", str(attempt))
    refused = cli(*args)
    assert_failure(refused, 1, "--allow-pack-language", f"touch {marker}")
    assert not marker.exists()
    cli(*args, "--allow-pack-language")
    assert marker.exists()


def test_a_confirmation_in_a_terminal_is_remembered_per_command(cli, home: Path,
                                                                tmp_path: Path) -> None:
    marker = tmp_path / "RAN"
    pack = _pack(home, _language("shell", marker), exercise=True)
    attempt = home / "attempt.sh"
    attempt.write_text("search() { :; }\n")
    args = ("code", "test", "shell-search", "--lang", "shell", "--file", str(attempt))
    with terminal("n\r"):
        declined = cli(*args)
    assert declined.code == 1 and f"touch {marker}" in declined.err  # shown before asking
    assert "netprep: Not run" in declined.err and "Traceback" not in declined.err
    assert not marker.exists()
    with terminal("y\r"):
        cli(*args)
    assert marker.exists()
    marker.unlink()
    cli(*args)  # a script now: remembered
    assert marker.exists()
    marker.unlink()
    other = tmp_path / "OTHER"
    (pack / "languages.yaml").write_text(_language("shell", other), encoding="utf-8")
    changed = cli(*args)  # a changed command asks again (refused in a script)
    assert_failure(changed, 1, "--allow-pack-language")
    assert not other.exists() and not marker.exists()


@pytest.mark.parametrize("lang_id", ["javascript"])
def test_redefining_any_builtin_id_is_refused(cli, home: Path, tmp_path: Path,
                                              lang_id: str) -> None:
    _pack(home, _language(lang_id, tmp_path / "X"))
    validate = cli("content", "validate")
    assert validate.code == 1 and "already defined" in validate.err, validate.err
