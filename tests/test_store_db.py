"""The store: migrations, refusal of foreign or newer files, privacy, concurrency."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from netprep.errors import StoreError
from netprep.store import open_store
from netprep.store.migrations import MIGRATIONS


def test_first_open_creates_and_migrates_a_private_database(home: Path) -> None:
    old = os.umask(0o022)
    try:
        with open_store() as store:
            assert store.schema_version == len(MIGRATIONS)
            names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY name")]
            assert names == [name for name, _ in MIGRATIONS]
    finally:
        os.umask(old)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "netprep.db").stat().st_mode) == 0o600


def test_looser_existing_files_are_tightened(home: Path) -> None:
    open_store().close()
    (home / "netprep.db").chmod(0o644)
    home.chmod(0o755)
    open_store().close()
    assert stat.S_IMODE((home / "netprep.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


@pytest.mark.parametrize("applied", range(1, len(MIGRATIONS)))
def test_upgrade_from_every_earlier_schema_keeps_data_and_backs_up(
    home: Path, applied: int
) -> None:
    home.mkdir(mode=0o700)
    path = home / "netprep.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, migration in MIGRATIONS[:applied]:
        migration(db)
        db.execute("INSERT INTO _migrations VALUES (?, 'then')", (name,))
    db.execute(f"PRAGMA user_version = {applied}")
    db.execute(
        "INSERT INTO stories(title, situation, task, action, result, created_at, updated_at) "
        "VALUES ('Kept', 's', 't', 'a', 'r', 'x', 'x')"
    )
    db.commit()
    db.close()

    with open_store() as store:
        assert store.schema_version == len(MIGRATIONS)
        assert [r["title"] for r in store.query("SELECT title FROM stories")] == ["Kept"]
    backups = list(home.glob(f"netprep.db.bak-v{applied}-*"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == applied
    copy.close()


def test_newer_database_is_refused_and_untouched(home: Path) -> None:
    open_store().close()
    path = home / "netprep.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="written by a newer netprep"):
        open_store()
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content, why",
    [
        (b"this is my shopping list, not a database\n" * 50, "not an SQLite database"),
        (None, "truncated"),
    ],
)
def test_garbage_and_truncated_files_are_refused_and_untouched(
    home: Path, content: bytes | None, why: str
) -> None:
    path = home / "netprep.db"
    if content is None:
        with open_store() as store, store.write() as db:
            db.executemany(
                "INSERT INTO stories(title, created_at, updated_at) VALUES (?, 'x', 'x')",
                [("t" * 500,)] * 200,
            )
        content = path.read_bytes()[: len(path.read_bytes()) // 2]
    home.mkdir(exist_ok=True, mode=0o700)
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        open_store()
    assert str(path) in info.value.message and why in info.value.message
    assert path.read_bytes() == content


def test_another_programs_database_is_refused(home: Path) -> None:
    home.mkdir(mode=0o700)
    path = home / "netprep.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="belongs to another program"):
        open_store()
    assert path.read_bytes() == before


def test_failed_write_rolls_back_and_keeps_earlier_data(home: Path) -> None:
    with open_store() as store:
        store.set_setting("interview_date", "2026-12-01")
        with pytest.raises(RuntimeError):
            with store.write() as db:
                db.execute("INSERT INTO settings VALUES ('other', 'x')")
                raise RuntimeError("disk full, say")
        assert store.get_setting("other") is None
        assert store.get_setting("interview_date") == "2026-12-01"


def test_data_dir_that_cannot_be_created_is_a_clear_error(cli, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NETPREP_HOME", str(blocker / "home"))
    result = cli("info")
    assert result.code == 1
    assert str(blocker / "home") in result.err and "NETPREP_HOME" in result.err
    assert "Traceback" not in result.err
