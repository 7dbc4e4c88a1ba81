"""`mock --track` narrows role and technical questions to the chosen tracks."""

from __future__ import annotations

import pytest

from netprep.content import load_library
from netprep.errors import UsageError
from netprep.mock.model import MockConfig
from netprep.mock.plan import build_plan
from netprep.paths import builtin_content_dir


@pytest.fixture(scope="module")
def library():
    return load_library([(builtin_content_dir(), "builtin")])


def test_a_track_round_asks_that_tracks_questions_first(library) -> None:
    plan = build_plan(library, MockConfig(round="role", questions=8, tracks=("security",),
                                          seed=3))
    tracks = [item.question.tracks for item in plan.items]
    assert all(t == ("security",) for t in tracks), tracks
    assert plan.settings["tracks"] == ["security"]


def test_other_tracks_are_left_out_and_untagged_questions_stay(library) -> None:
    plan = build_plan(library, MockConfig(round="role", questions=20, tracks=("mobile",),
                                          seed=1))
    for item in plan.items:
        assert not item.question.tracks or "mobile" in item.question.tracks
    assert any(not item.question.tracks for item in plan.items)


def test_tracks_repeat_and_an_unknown_one_suggests_the_nearest(library, cli) -> None:
    plan = build_plan(library, MockConfig(round="role", questions=20,
                                          tracks=("backend", "frontend"), seed=2))
    seen = {t for item in plan.items for t in item.question.tracks}
    assert {"backend", "frontend"} <= seen
    with pytest.raises(UsageError, match="did you mean 'backend'"):
        build_plan(library, MockConfig(round="role", tracks=("bakend",)))
    result = cli("mock", "--round", "role", "--track", "bakend", input="")
    assert result.code == 2 and "did you mean 'backend'" in result.err
