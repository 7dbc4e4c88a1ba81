"""The optional sentence-embedding signal of `star suggest` (`netprep[embed]`, star.embed):
with the extra absent the matcher is as it was; with it, the model is checked by its
SHA-256 digest, loaded only when asked, and lifts the labelled figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import matching_accuracy as bench  # noqa: E402

from netprep.content import load_library  # noqa: E402
from netprep.star import embed, match_index, matching  # noqa: E402

HAVE = embed.available()
needs_extra = pytest.mark.skipif(not HAVE, reason="the embed extra is not installed "
                                 "(pip install 'netprep[embed]')")
WRONG = "Tell me about a disagreement where it turned out you were the one who was wrong."


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def stories():
    return bench.load_stories()


@pytest.fixture
def without_extra(monkeypatch):
    """As if the extra's packages were not installed."""
    monkeypatch.setattr(embed, "_package_dir", lambda name: None)
    embed.embedder.cache_clear()
    yield
    embed.embedder.cache_clear()


def test_absent_extra_gives_no_cosines_and_the_same_suggestions(without_extra, library,
                                                                  stories):
    assert not embed.available()
    assert embed.story_cosines(WRONG, stories) is None
    assert embed.similarities(WRONG, ["a story"]) is None
    match_index.forget()
    plain = matching.suggest(library, WRONG, stories)
    assert plain.story is not None and plain.story.title == "Wrong about the database schema"
    assert matching.suggest(library, WRONG, stories, cosines=None) == plain


def test_absent_extra_star_suggest_works_and_writes_no_vectors(without_extra, cli):
    assert cli("star", "add", "--file", str(bench.DATA / "stories.yaml")).code == 0
    done = cli("star", "suggest", WRONG, "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out)["story"]["title"] == "Wrong about the database schema"
    from netprep.star.match_cache import vectors_path

    assert not vectors_path().exists()


@needs_extra
def test_netprep_embed_0_turns_it_off(monkeypatch, stories):
    monkeypatch.setenv("NETPREP_EMBED", "0")
    assert not embed.available()
    assert embed.story_cosines(WRONG, stories) is None
    monkeypatch.setenv("NETPREP_EMBED", "1")
    assert embed.available()


def test_no_story_no_model():
    assert embed.story_cosines(WRONG, []) is None


def test_importing_netprep_loads_neither_the_module_nor_onnxruntime():
    code = ("import sys, netprep.cli, netprep.star.matching, netprep.star.match_cache, "
            "netprep.mock.plan; print(sorted(m for m in ('netprep.star.embed', 'onnxruntime',"
            " 'tokenizers') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)
    assert done.stdout.strip() == "[]"


def test_cosines_shift_the_fit_by_the_weight(library, stories):
    index = match_index.index_for(library)
    reading = matching.read_question(index, WRONG)
    plain = {f.id: f.fit for f in matching.rank(index, reading, stories)}
    cosines = {int(s.id): matching.EMBED_CENTRE + 0.5 for s in stories}
    lifted = {f.id: f.fit for f in matching.rank(index, reading, stories, cosines=cosines)}
    for sid, fit in plain.items():
        if fit > 0:
            assert lifted[sid] == pytest.approx(min(1.0, fit + 0.5 * matching.EMBED_WEIGHT),
                                                abs=2e-3)
        else:  # a story that contradicts the angle stays out
            assert lifted[sid] == 0


@needs_extra
def test_a_changed_model_file_is_not_used(monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(embed, "MODEL_SHA256", "0" * 64)
        embed.embedder.cache_clear()
        assert not embed.available()
    embed.embedder.cache_clear()
    assert embed.available()


@needs_extra
def test_vectors_are_unit_length_and_read_meaning():
    got = embed.similarities("Tell me about a time you disagreed with your manager.", [
        "I argued with my lead about the release plan and we settled it with data.",
        "I baked bread for the office party.",
    ])
    assert got is not None and got[0] > got[1] + 0.05
    vector = embed.vectors(["any text"])[0]
    assert sum(x * x for x in vector) == pytest.approx(1.0, abs=1e-4)


@needs_extra
def test_story_vectors_are_kept_between_runs(stories, tmp_path, monkeypatch):
    path = tmp_path / "cache" / "story-vectors.json"
    first = embed.story_cosines(WRONG, stories, path)
    assert first is not None and set(first) == {int(s.id) for s in stories}
    assert path.stat().st_mode & 0o777 == 0o600
    assert WRONG not in path.read_text()  # digests and vectors only, not the text
    # A later run: nothing in memory, the stories' vectors read from the file, only the
    # question embedded.
    monkeypatch.setattr(embed, "_memo", {})
    seen: list[str] = []
    model = embed.embedder()
    assert model is not None
    real = model.vectors
    monkeypatch.setattr(model, "vectors", lambda texts: seen.extend(texts) or real(texts))
    again = embed.story_cosines(WRONG, stories, path)
    assert seen == [WRONG]
    assert again == pytest.approx(first)


@needs_extra
def test_the_signal_lifts_the_labelled_figures(library, stories):
    """Pins a little under the figures with the signal (benchmarks/matching_accuracy.py:
    main 47/49, 27/30; dev banks pooled 193/251, 131/139; TEST 23/46, 18/22)."""
    main = bench.evaluate(library, stories, bench.load_cases(library), semantic=True)
    assert main.top1 >= 0.95 and main.none >= 0.89 and main.deterministic, main.misses
    right = total = none_right = none_total = 0
    for name in bench.BANKS:
        got = bench.evaluate_test(library, bench.DATA / name, semantic=True)
        assert got is not None and got.deterministic
        right, total = right + got.fit_right, total + got.fit_total
        none_right, none_total = none_right + got.none_right, none_total + got.none_total
    assert right / total >= 0.76 and none_right / none_total >= 0.94
    test = bench.evaluate_test(library, semantic=True)
    if test is not None:  # 22/46, 18/22 without the signal
        assert test.top1 >= 23 / 46 and test.none >= 18 / 22


@needs_extra
def test_star_suggest_uses_the_signal_and_keeps_the_vectors(cli):
    assert cli("star", "add", "--file", str(bench.DATA / "stories.yaml")).code == 0
    done = cli("star", "suggest", WRONG, "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out)["story"]["title"] == "Wrong about the database schema"
    from netprep.star.match_cache import vectors_path

    assert vectors_path().exists()
