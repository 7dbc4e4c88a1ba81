"""Battery (issue #19, item 5): journals, symlinked and damaged databases.

A symlinked netprep.db is checked where SQLite keeps its journal (beside the
target); a damaged page is found by quick_check, named, and no command writes into
the file; `info` on a damaged or tampered database is one clear message; a hand-set
`user_version` is refused instead of writing another backup on every command.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from netprep.store import open_store

from .battery import assert_failure, run_devnull, story_args
from .test_reliability_store import CRASH_MID_COMMIT


def _stories(cli, count: int) -> None:
    for i in range(count):
        long = "S " * 900  # about one page a story, so a damaged leaf spares most of them
        result = cli("star", "add", *story_args(f"Story {i}"), "--situation", long)
        assert result.code == 0, result.err


def _damage_a_leaf(db_file: Path) -> None:
    """Make the last leaf page of the stories table unreadable (an invalid page type)."""
    conn = sqlite3.connect(db_file)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'stories'").fetchone()[0]
    conn.close()
    data = bytearray(db_file.read_bytes())
    start = (root - 1) * page_size
    assert data[start] == 0x05, "expected an interior page at the root"
    rightmost = int.from_bytes(data[start + 8:start + 12], "big")
    data[(rightmost - 1) * page_size] = 0xFF
    db_file.write_bytes(bytes(data))


def test_a_symlinked_database_with_a_hot_journal_is_recovered(home: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    with open_store(real / "netprep.db") as store, store.write() as db:
        db.execute("INSERT INTO stories(title, created_at, updated_at) VALUES ('Kept', 'x', 'x')")
    home.mkdir(exist_ok=True)
    (home / "netprep.db").symlink_to(real / "netprep.db")
    subprocess.run([sys.executable, "-c", CRASH_MID_COMMIT], check=True, timeout=60)
    target = real / "netprep.db"
    assert (real / "netprep.db-journal").stat().st_size > 0  # beside the target, not the link
    with open(target, "r+b") as fh:  # the header counts pages the crash never wrote
        fh.seek(28)
        fh.write((target.stat().st_size // 4096 + 50).to_bytes(4, "big"))
    with open_store() as store:  # was: refused as "truncated" (no journal beside the link)
        assert [r[0] for r in store.query("SELECT title FROM stories")] == ["Kept"]


def test_a_damaged_page_is_named_and_never_written_into(cli, home: Path) -> None:
    _stories(cli, 6)
    db_file = home / "netprep.db"
    _damage_a_leaf(db_file)
    damaged = db_file.read_bytes()
    listed = cli("star", "list")
    assert_failure(listed, 1, str(db_file), "damaged", "netprep.db-journal")
    added = cli("star", "add", *story_args("After the damage"))
    assert_failure(added, 1, "damaged", "nothing was written")
    reflected = cli("culture", "reflect", "openness", "--text", "Lost?")
    assert reflected.code == 1
    assert db_file.read_bytes() == damaged
    info = cli("info")
    assert_failure(info, 1, str(db_file))


def test_info_on_a_tampered_database_is_a_clear_message(cli, home: Path) -> None:
    _stories(cli, 1)
    conn = sqlite3.connect(home / "netprep.db")
    conn.execute("DROP TABLE reflections")
    conn.commit()
    conn.close()
    for args in (("info",), ("info", "--json")):
        assert_failure(cli(*args), 1, "netprep.db")


def test_a_hand_set_user_version_is_refused_without_new_backups(cli, home: Path) -> None:
    _stories(cli, 1)
    db_file = home / "netprep.db"
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    before = db_file.read_bytes()
    for _ in range(3):
        result = cli("star", "list", "--json")
        assert_failure(result, 1, str(db_file), "user_version")
    assert sorted(p.name for p in home.iterdir() if ".bak-" in p.name) == []
    assert db_file.read_bytes() == before


def test_a_salvage_export_saves_every_readable_story(cli, home: Path, tmp_path: Path) -> None:
    _stories(cli, 6)
    _damage_a_leaf(home / "netprep.db")
    plain = cli("star", "export", "--format", "yaml")
    assert_failure(plain, 1, "damaged", "--salvage")
    target = tmp_path / "saved.yaml"
    result = cli("star", "export", "--salvage", "--format", "yaml", "--output", str(target))
    assert result.code == 0, result.err
    saved = target.read_text()
    kept = [i for i in range(6) if f"Story {i}" in saved]
    assert 1 <= len(kept) < 6, kept  # the stories on undamaged pages
    assert "Salvaged" in result.err and "could not be read" in result.err
    fresh = tmp_path / "fresh"
    imported = run_devnull("star", "import", str(target), env={"NETPREP_HOME": str(fresh)})
    assert imported.returncode == 0, imported.stderr
