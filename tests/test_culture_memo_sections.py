"""Every built-in theme says which sections of the June 2024 memo it teaches, and every
quiz explanation cites one of them (issue 23, item 1).

A theme names section ids from pack.yaml's `memo.sections`; the validator refuses an id
the memo does not list, naming the file, line and the known ids; `culture show` prints
the sections' titles. Ideas from the 2020 book or an earlier memo say where they come
from instead of passing as the current memo.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from netprep.content import collect, load_library
from netprep.paths import builtin_content_dir

SECTIONS_2024 = [
    "The Dream Team", "People over Process", "Uncomfortably Exciting", "Artistic Expression",
    "Great and Always Better", "Selflessness", "Judgment", "Candor", "Creativity", "Courage",
    "Inclusion", "Curiosity", "Resilience",
]


@pytest.fixture(scope="module")
def library():
    return load_library([(builtin_content_dir(), "builtin")])


def cites(text: str, title: str) -> bool:
    """Whether text names the section by its title, capitalised as a heading."""
    return title.removeprefix("The ") in text


def test_the_pack_lists_the_sections_of_the_june_2024_memo(library) -> None:
    pack = next(p for p in library.packs if p.id == "builtin")
    assert [title for _, title in pack.memo_sections] == SECTIONS_2024


def test_every_theme_names_its_sections_and_every_explanation_cites_one(library) -> None:
    uncited = []
    for theme in library.themes:
        assert theme.memo_sections, f"{theme.id} names no memo section"
        titles = [title for _, title in theme.memo_sections]
        assert set(titles) <= set(SECTIONS_2024), theme.id
        uncited += [f"{theme.id}/{item.id}" for item in theme.quiz
                    if not any(cites(item.explanation, t) for t in titles)]
    assert uncited == []


def test_the_value_and_principle_themes_teach_their_own_section(library) -> None:
    by_id = {t.id: {sid for sid, _ in t.memo_sections} for t in library.themes}
    for theme_id in ("dream-team", "people-over-process", "uncomfortably-exciting",
                     "great-and-always-better", "selflessness", "judgment", "creativity",
                     "courage", "inclusion", "curiosity", "resilience", "artistic-expression"):
        assert theme_id in by_id[theme_id], theme_id
    assert "candor" in by_id["candour"]
    # Artistic Expression sits inside Uncomfortably Exciting in the 2024 memo.
    assert "uncomfortably-exciting" in by_id["artistic-expression"]


OLDER_IDEAS = re.compile(r"\b4A\b|talent density|disloyal|own money|free thinkers", re.I)
SOURCED = re.compile(r"No Rules Rules|2020 book|20(09|17|22) (deck|memo)|earlier memo|"
                     r"older memo|2017-2023 memo", re.I)


def test_older_ideas_say_where_they_come_from(library) -> None:
    unsourced = []
    for theme in library.themes:
        texts = [theme.summary, *theme.key_ideas,
                 *(f"{i.question} {' '.join(i.choices)} {i.explanation}" for i in theme.quiz)]
        unsourced += [f"{theme.id}: {t[:70]}" for t in texts
                      if OLDER_IDEAS.search(t) and not SOURCED.search(t)]
    assert unsourced == []


def test_the_current_wording_of_values_and_rules_is_taught(library) -> None:
    text = {t.id: " ".join([t.summary, *t.key_ideas, *(i.explanation for i in t.quiz),
                            *(c for i in t.quiz for c in i.choices)]).lower()
            for t in library.themes}
    assert "humil" in text["curiosity"] and "other people's ideas" in text["curiosity"]
    assert "specialty" not in text["curiosity"]
    assert "agonis" in text["resilience"] and "team property" not in text["resilience"]
    assert "insider trading" in text["people-over-process"]
    assert "closing the quarter" in text["people-over-process"]
    assert "best interests" in text["people-over-process"]
    assert "games" in text["artistic-expression"] and "languages" in text["artistic-expression"]
    assert "experiment" in text["uncomfortably-exciting"]
    assert "personal market" in text["dream-team"] and "decency" in text["dream-team"]


def test_culture_show_prints_the_sections_a_theme_teaches(cli) -> None:
    shown = cli("culture", "show", "artistic-expression")
    assert shown.code == 0
    assert "Memo sections: Uncomfortably Exciting, Artistic Expression" in shown.out
    data = json.loads(cli("culture", "show", "keeper-test", "--json").out)
    assert data["memo_sections"] == [{"id": "dream-team", "title": "The Dream Team"}]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    (target / "themes").mkdir(parents=True)
    (target / "pack.yaml").write_text("id: p\nname: P\ndescription: d\nversion: '1'\n")
    return target


def _theme(memo_sections: str) -> str:
    return (
        "id: ownership\ntitle: Ownership\nsummary: Own your work.\n"
        f"memo_sections: {memo_sections}\n"
        "key_ideas: [Decide, Follow through]\n"
        "quiz:\n  - id: own-1\n    kind: definition\n    question: Who owns it?\n"
        "    choices: [You do, Your manager does, Nobody does]\n    answer: 1\n"
        "    explanation: Under Ownership, you own your work.\n"
        "reflections:\n  - id: own-r1\n    prompt: What do you own?\n"
    )


def test_an_unknown_memo_section_is_named_with_the_known_ones(pack: Path, cli) -> None:
    (pack / "pack.yaml").write_text(
        "id: p\nname: P\ndescription: d\nversion: '1'\nmemo:\n  title: Handbook\n"
        "  version: May 2025\n  published: '2025-05'\n  sections:\n"
        "    - id: ownership\n      title: Ownership\n    - id: candour\n      title: Candour\n"
    )
    (pack / "themes" / "ownership.yaml").write_text(_theme("[owner-ship]"))
    result = cli("content", "validate", str(pack))
    assert result.code == 1
    assert ("ownership.yaml:4: memo_sections[0]: 'owner-ship' is not a section of this "
            "pack's memo (did you mean 'ownership'? known sections: candour, ownership)"
            in result.err)
    (pack / "themes" / "ownership.yaml").write_text(_theme("[ownership]"))
    assert cli("content", "validate", str(pack)).code == 0, "a listed id is accepted"


def test_memo_sections_need_the_memo_to_list_them(pack: Path) -> None:
    (pack / "themes" / "ownership.yaml").write_text(_theme("[ownership]"))
    found = "\n".join(collect([(pack, "user")])[1])
    assert "memo_sections[0]: names the memo section 'ownership', but pack.yaml's memo " \
           "lists no sections" in found
