"""Battery (issue #19, item 4): YAML problems do not depend on the PyYAML release.

libyaml's C parser scans ahead, and some releases stop deep nesting or raw control
bytes with their own message before netprep's checks see the events. netprep
reports the same problem on the same line whichever build is installed: these
tests run the reader with the C parser, the pure-Python parser, and a stand-in C
parser that refuses everything in its own words.
"""

from __future__ import annotations

import time

import pytest
import yaml

from netprep.content import yamlio

DEEP_FLOW = "a: " + "[" * 20000 + "]" * 20000 + "\n"
DEEP_MAPS = "a: " + "{b: " * 5000 + "1" + "}" * 5000 + "\n"
LOADERS = {"pure": yaml.SafeLoader, "c": getattr(yaml, "CSafeLoader", yaml.SafeLoader)}


class _RefusingParser(yaml.SafeLoader):
    """A C parser of some future release: refuses with its own words, before any event."""

    def __init__(self, stream):
        mark = yaml.Mark("<input>", 0, 0, 0, None, None)
        raise yaml.scanner.ScannerError("while scanning", mark, "its own wording", mark)


def _problem(text: str) -> yamlio.YamlProblem:
    with pytest.raises(yamlio.YamlProblem) as info:
        yamlio.parse(text)
    return info.value


@pytest.mark.parametrize("loader", sorted(LOADERS) + ["refusing"])
@pytest.mark.parametrize(
    "text, line, words",
    [
        (DEEP_FLOW, 1, "nesting deeper than 40 levels"),
        (DEEP_MAPS, 1, "nesting deeper than 40 levels"),
        ("id: x\nname: A\x1b[31mB\n", 2, "control characters are not allowed"),
        ("id: x\nname: A\x00B\n", 2, "control characters are not allowed"),
        ("id: x\nname: [\n", 3, "YAML syntax"),
    ],
)
def test_the_same_problem_and_line_with_any_parser(monkeypatch: pytest.MonkeyPatch, loader: str,
                                                   text: str, line: int, words: str) -> None:
    chosen = _RefusingParser if loader == "refusing" else LOADERS[loader]
    monkeypatch.setattr(yamlio, "_Loader", chosen)
    started = time.process_time()  # CPU time: the machine may be busy
    problem = _problem(text)
    assert time.process_time() - started < 2
    assert problem.line == line and words in problem.message, (problem.line, problem.message)


def test_a_valid_file_still_parses_with_the_fast_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "_Loader", _RefusingParser)
    node = yamlio.parse("id: x\nitems: [1, 2]\n")  # the pure parser takes over
    assert node is not None and node.value["id"].value == "x"
