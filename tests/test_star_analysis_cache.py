"""`star check` reads stories' cached analyses when their text and the analyzer match."""

from __future__ import annotations

import json
import subprocess
import sys

from netprep.coach.analysis import analyze_story
from netprep.star import analysis_cache
from netprep.star.model import Story

STORY = Story(None, "Faster builds",
              "During my internship the build took 25 minutes and blocked six developers.",
              "I was responsible for bringing it under ten minutes.",
              "I profiled every stage, cached the dependencies and split the tests into four "
              "shards. I reviewed each change with the platform lead.",
              "The build dropped from 25 to 7 minutes.", "I now measure before I optimise.")


def test_a_cached_analysis_is_the_fresh_one() -> None:
    first = analysis_cache.analyses([STORY])[0]
    assert analysis_cache.cache_path().exists()
    again = analysis_cache.analyses([STORY])[0]
    fresh = analyze_story(STORY)
    assert again.to_dict() == first.to_dict() == fresh.to_dict()
    assert again.ready == fresh.ready and again.codes == fresh.codes


def test_a_changed_story_or_analyzer_is_analysed_again(monkeypatch) -> None:
    analysis_cache.analyses([STORY])
    changed = Story(None, STORY.title, STORY.situation, STORY.task, STORY.action,
                    "It went fine.", STORY.learned)
    [analysis] = analysis_cache.analyses([changed])
    assert "no-metric" in analysis.codes
    monkeypatch.setattr(analysis_cache, "ANALYZER_VERSION", -1)
    assert analysis_cache._load() == {}  # written by another version: ignored


def test_a_corrupt_cache_is_ignored() -> None:
    path = analysis_cache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json")
    [analysis] = analysis_cache.analyses([STORY])
    assert analysis.words > 0
    assert json.loads(path.read_text())["items"]


def test_star_check_on_an_unchanged_bank_does_not_load_the_engine(cli) -> None:
    assert cli("star", "add", "--title", "T", "--situation", STORY.situation, "--task",
               STORY.task, "--action", STORY.action, "--result", STORY.result,
               "--learned", STORY.learned).code == 0
    assert cli("star", "check", "1").code == 0  # analyses and caches
    code = ("import sys; from netprep.cli import main; sys.argv = ['netprep', 'star', "
            "'check', '1', '--json']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('ENGINE', 'netprep.coach.engine' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "ENGINE False" in done.stderr, done.stderr
    assert json.loads(done.stdout)["stories"][0]["title"] == "T"


def test_the_bank_gaps_are_read_back_until_a_story_changes(cli) -> None:
    assert cli("star", "add", "--title", "T", "--situation", STORY.situation, "--task",
               STORY.task, "--action", STORY.action, "--result", STORY.result,
               "--learned", STORY.learned, "--tag", "conflict").code == 0
    first = json.loads(cli("star", "check", "--json").out)["bank"]["no_fit"]
    code = ("import sys; from netprep.cli import main; sys.argv = ['netprep', 'star', "
            "'check', '--json']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('MATCHER', 'netprep.star.matching' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "MATCHER False" in done.stderr, done.stderr
    assert json.loads(done.stdout)["bank"]["no_fit"] == first
    assert cli("star", "edit", "1", "--result", "It went fine.").code == 0
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "MATCHER True" in done.stderr  # the story changed: matched again
