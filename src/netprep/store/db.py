"""The SQLite connection: safe open, migrations on open, write transactions.

A file that is not a netprep database is never modified. Writes take
`BEGIN IMMEDIATE` with a busy timeout, so two netprep processes queue instead
of losing each other's writes.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from netprep.errors import StoreError
from netprep.paths import FILE_MODE, db_path, make_private
from netprep.store.migrations import MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 15
COUNTED_TABLES = (
    "stories",
    "sessions",
    "answers",
    "reviews",
    "reflections",
    "code_attempts",
    "resume_entries",
)


def iso(moment: datetime) -> str:
    """An aware datetime in the one stored format (UTC, milliseconds), so strings sort by time."""
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def now_iso() -> str:
    """Now as an aware UTC ISO 8601 timestamp, the one format stored."""
    return iso(datetime.now(timezone.utc))


class Store:
    """An open netprep database. Use `open_store()`; close it, or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._checked = False  # PRAGMA quick_check passed on this connection

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: `BEGIN IMMEDIATE`, commit on success, roll back on error."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _store_error(exc, self.path) from exc
        if not self._checked:  # never write into a damaged file (a few ms for a big one)
            try:
                problem = _quick_check(self.conn)
            except sqlite3.Error as exc:
                problem = str(exc)
            if problem is not None:
                self.conn.execute("ROLLBACK")
                raise _damaged(self.path, problem)
            self._checked = True
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _store_error(exc, self.path) from exc
            if isinstance(exc, UnicodeEncodeError):
                raise _not_utf8(exc) from exc
            raise

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self.read_error(exc) from exc
        except UnicodeEncodeError as exc:
            raise _not_utf8(exc) from exc

    def read_error(self, exc: sqlite3.Error) -> StoreError:
        """The StoreError for a failed read; a damaged file is named as such (quick_check)."""
        lowered = str(exc).lower()
        if isinstance(exc, sqlite3.DatabaseError) and "locked" not in lowered \
                and "busy" not in lowered:
            try:
                problem = _quick_check(self.conn)
            except sqlite3.Error as again:
                problem = str(again)
            if problem is not None:
                return _damaged(self.path, problem)
        return _store_error(exc, self.path)

    @property
    def schema_version(self) -> int:
        return int(self.query("PRAGMA user_version")[0][0])

    def counts(self) -> dict[str, int]:
        return {
            table: int(self.query(f"SELECT count(*) FROM {table}")[0][0])
            for table in COUNTED_TABLES
        }

    def get_setting(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return None if not rows else str(rows[0][0])

    def set_setting(self, key: str, value: str | None) -> None:
        with self.write() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                db.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )


def open_store(path: Path | None = None) -> Store:
    """Open (creating and migrating as needed) the netprep database."""
    path = path or db_path()
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_header(path)
    else:
        _create_private(path)
    make_private(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise _store_error(exc, path) from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, path, existed)
    except sqlite3.Error as exc:
        conn.close()
        raise _store_error(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return Store(conn, path)


def _create_private(path: Path) -> None:
    """Create an empty database file that only the user can read (SQLite would use 0644)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
        os.close(fd)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the database {path}: {exc.strerror or exc}.",
            "Check the folder's permissions, or set NETPREP_HOME to a folder you can write.",
        ) from exc


def _check_header(path: Path) -> None:
    """Refuse, without touching it, a file that is not a whole SQLite database."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise StoreError(
            f"Cannot read the database {path}: {exc.strerror or exc}.",
            "Check its permissions (it should be yours, mode 0600).",
        ) from exc
    if not header.startswith(SQLITE_MAGIC):
        raise _not_netprep(path, "it is not an SQLite database")
    if len(header) < 100:
        raise _not_netprep(path, "it is truncated")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # After a crash mid-commit, a hot journal (or a write-ahead log) sits beside a file
    # whose header may count pages never written; SQLite repairs that on open, so the
    # size check is only for a file that stands alone.
    if _has_sidecar(path):
        return
    if header[24:28] == header[92:96] and pages and size < page_size * pages:
        raise _not_netprep(path, f"it is truncated ({size} of {page_size * pages} bytes)")


def _has_sidecar(path: Path) -> bool:
    """True when a non-empty -wal or -journal file sits beside the database.

    SQLite keeps them beside the file a symlink points to, so look there."""
    try:
        path = path.resolve()
    except OSError:
        pass
    for suffix in ("-wal", "-journal"):
        try:
            if path.with_name(path.name + suffix).stat().st_size > 0:
                return True
        except OSError:
            continue
    return False


def _not_netprep(path: Path, why: str) -> StoreError:
    return StoreError(
        f"{path} is not a usable netprep database: {why}. It was left untouched.",
        f"Move it aside together with {path.name}-journal and {path.name}-wal if they exist "
        "(a stale journal would corrupt a restored copy), then restore a backup such as "
        f"{path.name}.bak-* or run netprep again to start a new one; or set NETPREP_HOME to "
        "another folder.",
    )


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """None when SQLite's quick_check finds the file sound, else its first finding."""
    rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    findings = [str(r[0]) for r in rows if str(r[0]) != "ok"]
    return None if not findings else findings[0]


def _damaged(path: Path, problem: str) -> StoreError:
    return StoreError(
        f"{path} is damaged ({problem}); nothing was written to it.",
        "Save the stories that can still be read with `netprep star export --salvage "
        "--format yaml --output FILE`, then "
        f"move {path.name} aside together with {path.name}-journal if it exists, and restore "
        f"a backup ({path.name}.bak-*) or let netprep start a new one.",
    )


def _migrate(conn: sqlite3.Connection, path: Path, existed: bool) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    latest = len(MIGRATIONS)
    if version > latest:
        raise StoreError(
            f"{path} was written by a newer netprep (schema {version}; "
            f"this version knows up to {latest}). It was left untouched.",
            "Upgrade netprep (pip install --upgrade netprep) to use it.",
        )
    if version == latest:
        return
    tables = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
    }
    if version == 0 and tables and "_migrations" not in tables:
        raise _not_netprep(path, "it belongs to another program")

    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    backed_up = False
    for number, (name, migration) in enumerate(MIGRATIONS, start=1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Decide under the write lock: another process may have migrated (or be
            # migrating) this database since we looked.
            current = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if current >= number:
                conn.execute("COMMIT")
                continue
            applied = {str(r[0]) for r in conn.execute("SELECT name FROM _migrations")}
            ahead = [later for later, _ in MIGRATIONS[current:] if later in applied]
            if ahead:  # the version was changed by hand: never migrate (nor back up) again
                raise _not_netprep(
                    path,
                    f"its schema version says {current}, but the migration {ahead[-1]} was "
                    "already applied (PRAGMA user_version was changed)",
                )
            if existed and current > 0 and not backed_up:
                _backup(path, current)
                backed_up = True
            migration(conn)
            conn.execute(
                "INSERT INTO _migrations(name, applied_at) VALUES (?, ?)", (name, now_iso())
            )
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _backup(path: Path, version: int) -> Path:
    """Copy the database aside before changing its schema."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bak-v{version}-{stamp}")
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE)
        os.close(fd)
        # A second, read-only connection: the caller holds the write lock, and SQLite
        # refuses to back up through a connection that has a write transaction open.
        source = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise StoreError(
            f"Could not back up {path} before upgrading it: {exc}.",
            "Free some disk space or check permissions, then run netprep again.",
        ) from exc
    return target


def _not_utf8(exc: UnicodeEncodeError) -> StoreError:
    """Text holding bytes that were not UTF-8 (from argv or a file read leniently)."""
    return StoreError(
        "Some of the text given is not valid UTF-8, so nothing was saved.",
        "Check your terminal's or file's encoding (netprep expects UTF-8) and try again.",
    )


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreError(
            f"The database {path} is busy: another netprep is writing to it.",
            "Wait a moment and try again.",
        )
    if "disk is full" in lowered or "disk i/o" in lowered:
        return StoreError(
            f"Could not write to {path}: {text}. Nothing was half-saved.",
            "Free some disk space, then try again.",
        )
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError(
            f"The database {path} is read-only.",
            "Check its permissions (it should be yours, mode 0600).",
        )
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return _not_netprep(path, text)
    return StoreError(f"Database error in {path}: {text}.", "Run with --debug for details.")
