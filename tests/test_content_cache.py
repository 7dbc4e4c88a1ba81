"""The content cache: same library as a fresh load, rebuilt whenever a pack changes."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

from netprep.content import collect, load_library
from netprep.content import loader as content_loader

from .conftest import DATA


def _cache(home: Path) -> Path:
    return home / "cache" / "content-cache.json"


def test_cached_library_equals_a_fresh_load(home: Path) -> None:
    fresh, problems = content_loader.collect(content_loader.default_pack_dirs())
    assert problems == []
    first = load_library()  # builds the cache
    assert _cache(home).is_file()
    assert stat.S_IMODE(_cache(home).stat().st_mode) == 0o600
    cached = load_library()  # reads it
    assert cached == fresh == first
    assert cached.questions and cached.themes and cached.templates


def test_a_changed_or_new_pack_invalidates_the_cache(home: Path) -> None:
    load_library()
    pack = home / "packs" / "mine"
    shutil.copytree(DATA / "packs" / "good", pack)
    library = load_library()
    assert [p.id for p in library.packs] == ["builtin", "testpack"]
    theme = pack / "themes" / "openness.yaml"
    theme.write_text(theme.read_text().replace("title: Openness", "title: Being open"))
    os.utime(theme, ns=(theme.stat().st_atime_ns, theme.stat().st_mtime_ns + 10_000_000))
    assert load_library().theme("openness").title == "Being open"
    theme.write_text("id: [broken\n")
    library, problems = collect()
    assert problems and "openness.yaml" in problems[0]


def test_a_corrupt_cache_is_ignored_and_rebuilt(home: Path) -> None:
    load_library()
    _cache(home).write_text('{"key": "x", "library": {"packs": [')
    assert load_library().questions
    assert load_library() == load_library()


def test_a_cache_hit_does_not_import_the_yaml_parser(home: Path) -> None:
    load_library()
    import subprocess

    code = (
        "import sys; from netprep.content import load_library; load_library(); "
        "print('yaml' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "NETPREP_HOME": str(home)},
    )
    assert result.stdout.strip() == "False", result.stderr
