"""Crash safety of the store: SIGKILL mid-write, a full disk, concurrent writers."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from netprep.store import open_store

WRITER = textwrap.dedent(
    """
    import sys
    from netprep.store import open_store
    n = 0
    with open_store() as store:
        print("ready", flush=True)
        while True:
            with store.write() as db:
                db.execute(
                    "INSERT INTO stories(title, situation, created_at, updated_at) "
                    "VALUES (?, ?, 'x', 'x')", (f"story {n}", "s" * 2000))
                db.execute("INSERT INTO settings VALUES ('k', ?) ON CONFLICT(key) "
                           "DO UPDATE SET value = excluded.value", (str(n),))
            n += 1
    """
)


@pytest.mark.slow
def test_sigkill_during_writes_never_corrupts(home: Path) -> None:
    open_store().close()
    for round_ in range(8):
        with subprocess.Popen(
            [sys.executable, "-c", WRITER], stdout=subprocess.PIPE, text=True
        ) as proc:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            time.sleep(0.05 + 0.03 * round_)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        with open_store() as store:
            assert store.query("PRAGMA integrity_check")[0][0] == "ok"
            count = store.query("SELECT count(*) FROM stories")[0][0]
            last = store.get_setting("k")
            # Each transaction wrote a story and the counter together: both or neither.
            assert last is None or int(last) < count


CRASH_MID_COMMIT = textwrap.dedent(
    """
    import os
    from netprep.store import open_store
    store = open_store()
    store.conn.execute("PRAGMA cache_size = 1")  # spill pages to the file mid-transaction
    store.conn.execute("BEGIN IMMEDIATE")
    store.conn.execute("CREATE TABLE scratch(x)")  # page 1 (the header) joins the journal
    for i in range(300):
        store.conn.execute("INSERT INTO stories(title, situation, created_at, updated_at) "
                           "VALUES ('lost', ?, 'x', 'x')", ("y" * 4000,))
    os._exit(0)  # die with a hot journal beside a half-written database
    """
)


def test_crash_mid_commit_with_hot_journal_is_recovered_not_refused(home: Path) -> None:
    with open_store() as store, store.write() as db:
        db.execute("INSERT INTO stories(title, created_at, updated_at) VALUES ('Kept', 'x', 'x')")
    subprocess.run([sys.executable, "-c", CRASH_MID_COMMIT], check=True, timeout=60)
    db_file, journal = home / "netprep.db", home / "netprep.db-journal"
    assert journal.stat().st_size > 0
    # The header may already count pages the crash never wrote: make that explicit.
    with open(db_file, "r+b") as fh:
        fh.seek(28)
        fh.write((db_file.stat().st_size // 4096 + 50).to_bytes(4, "big"))
    with open_store() as store:
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
        assert [r[0] for r in store.query("SELECT title FROM stories")] == ["Kept"]


FILLER = textwrap.dedent(
    """
    import resource, signal, sys
    from netprep.errors import StoreError
    from netprep.store import open_store
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    store = open_store()
    size = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 8192, size + 8192))
    try:
        with store.write() as db:
            for i in range(200):
                db.execute("INSERT INTO stories(title, situation, created_at, updated_at) "
                           "VALUES ('big', ?, 'x', 'x')", ("x" * 50000,))
    except StoreError as exc:
        print("STORE-ERROR", exc.message)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file size limits")
def test_full_disk_fails_cleanly_and_keeps_earlier_data(home: Path) -> None:
    with open_store() as store, store.write() as db:
        db.execute(
            "INSERT INTO stories(title, created_at, updated_at) VALUES ('Earlier', 'x', 'x')"
        )
    size = (home / "netprep.db").stat().st_size
    result = subprocess.run(
        [sys.executable, "-c", FILLER, str(size)], capture_output=True, text=True, timeout=60
    )
    assert "STORE-ERROR" in result.stdout, result.stdout + result.stderr
    assert "disk space" in result.stdout or "full" in result.stdout
    with open_store() as store:
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
        assert [r[0] for r in store.query("SELECT title FROM stories")] == ["Earlier"]
    leftovers = sorted(p.name for p in home.iterdir())
    assert leftovers == ["netprep.db"], leftovers


def test_concurrent_writers_lose_nothing(home: Path) -> None:
    open_store().close()
    code = textwrap.dedent(
        """
        import sys
        from netprep.store import open_store
        with open_store() as store:
            for i in range(50):
                with store.write() as db:
                    db.execute("INSERT INTO stories(title, created_at, updated_at) "
                               "VALUES (?, 'x', 'x')", (f"{sys.argv[1]}-{i}",))
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(n)]) for n in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    db = sqlite3.connect(home / "netprep.db")
    assert db.execute("SELECT count(DISTINCT title) FROM stories").fetchone()[0] == 200
    db.close()


def test_first_open_by_two_processes_at_once_migrates_once(home: Path) -> None:
    code = "from netprep.store import open_store; open_store().close()"
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    with open_store() as store:
        names = [r[0] for r in store.query("SELECT name FROM _migrations")]
        assert len(names) == len(set(names)) == store.schema_version
    assert os.stat(home / "netprep.db").st_mode & 0o077 == 0


def test_concurrent_upgrade_of_an_old_database_backs_up_once(home: Path) -> None:
    from netprep.store.migrations import MIGRATIONS

    home.mkdir(mode=0o700)
    db = sqlite3.connect(home / "netprep.db")
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    name, first = MIGRATIONS[0]
    first(db)
    db.execute("INSERT INTO _migrations VALUES (?, 'then')", (name,))
    db.execute("INSERT INTO stories(title, created_at, updated_at) VALUES ('Kept', 'x', 'x')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    code = "from netprep.store import open_store; open_store().close()"
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(4)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0, 0]
    assert len(list(home.glob("netprep.db.bak-v1-*"))) == 1
    assert not list(home.glob("*.tmp"))
    with open_store() as store:
        assert store.schema_version == len(MIGRATIONS)
        assert [r[0] for r in store.query("SELECT title FROM stories")] == ["Kept"]
