"""Take-home checks judge what the brief says, and nothing it does not (issue 23, item 2).

`tests/data/takehome/<brief>/` holds, per brief, solutions written apart from the
reference: `correct-*` ones, each a different reading the brief allows (other
structure, output order, libraries), must pass every requirement; `wrong-*` ones,
each wrong in one way the brief forbids, must fail exactly the requirements their
`expect.json` names, with a note that says what is not met (never just an
exception).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from netprep.content import load_library
from netprep.takehome.acceptance import run_checks

LIBRARY = load_library()
DATA = Path(__file__).parent / "data" / "takehome"
VARIANTS = sorted(p for p in DATA.glob("*/*") if p.is_dir())
HAS_NODE = shutil.which("node") is not None


def _brief(folder: Path):
    brief = LIBRARY.brief(folder.parent.name)
    assert brief is not None, f"{folder.parent.name} is not a built-in brief"
    if brief.acceptance["language"] == "javascript" and not HAS_NODE:
        pytest.skip("node is not on PATH: the JavaScript brief's checks cannot run")
    return brief


def _notes(brief, folder: Path, tmp_path: Path) -> dict[str, str | None]:
    """Requirement id -> None when met, else its note (run on a copy: imports leave caches)."""
    work = tmp_path / folder.name
    shutil.copytree(folder, work)
    result = run_checks(LIBRARY, brief, work)
    return {r.id: (None if r.passed else r.note) for r in result.requirements}


def test_every_brief_has_three_correct_and_three_wrong_solutions() -> None:
    for brief in LIBRARY.briefs:
        names = [p.name for p in (DATA / brief.id).iterdir() if p.is_dir()]
        assert sum(n.startswith("correct-") for n in names) >= 3, brief.id
        assert sum(n.startswith("wrong-") for n in names) >= 3, brief.id
        assert all(n.startswith(("correct-", "wrong-")) for n in names), names


@pytest.mark.parametrize("folder", [p for p in VARIANTS if p.name.startswith("correct-")],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_correct_solution_meets_every_requirement(folder: Path, tmp_path: Path) -> None:
    brief = _brief(folder)
    notes = _notes(brief, folder, tmp_path)
    failed = {k: v for k, v in notes.items() if v is not None}
    assert not failed, failed


@pytest.mark.parametrize("folder", [p for p in VARIANTS if p.name.startswith("wrong-")],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_wrong_solution_fails_with_a_note_naming_the_requirement(folder: Path,
                                                                  tmp_path: Path) -> None:
    brief = _brief(folder)
    expected = json.loads((folder / "expect.json").read_text(encoding="utf-8"))
    notes = _notes(brief, folder, tmp_path)
    failed = {k: v for k, v in notes.items() if v is not None}
    assert set(failed) == set(expected["fails"]), (expected["why"], failed)
    for requirement, fragment in expected["fails"].items():
        note = failed[requirement]
        assert note is not None and note.startswith("not met: "), note
        assert fragment in note, (expected["why"], requirement, note)


def test_the_notes_api_brief_states_what_its_checks_require(cli) -> None:
    text = json.loads(cli("takehome", "show", "notes-api", "--json").out)["brief"]
    assert '`{"notes": [...]}`' in text
    assert "204 with an empty body" in text and "Every response other than the 204" in text
