"""Battery (issue #9): an unusable database or data dir, and file permissions, via the CLI.

For every command that opens the store: a garbage, truncated or newer-version
`netprep.db` gives exit 1 with one message naming the file, and the file is left
byte-for-byte unchanged; a data dir that cannot be created gives exit 1 naming it.
Every file netprep writes under umask 022 is 0600 and every folder 0700.
The store-level versions of these cases are in test_store_db.py.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from netprep.store import open_store
from netprep.store.migrations import MIGRATIONS

from .battery import CTRL_C, assert_failure, prime_content_cache, story_args
from .conftest import terminal

EXPORT = """\
version: 1
stories:
  - title: Imported
    situation: During my internship.
    task: I had to fix it.
    action: I fixed it.
    result: It worked 20% faster.
"""


def theme_id() -> str:
    from netprep.content import load_library

    return load_library().themes[0].id


def exercise_id() -> str:
    from netprep.content import load_library

    return load_library().exercises[0].id


def store_commands(tmp_path: Path) -> list[tuple[tuple[str, ...], str]]:
    """(argv, stdin) of every command that opens the store."""
    export = tmp_path / "export.yaml"
    export.write_text(EXPORT, encoding="utf-8")
    theme = theme_id()
    return [
        (("info",), ""),
        (("info", "--json"), ""),
        (("stats",), ""),
        (("stats", "--json"), ""),  # a fast path, without Typer
        (("plan",), ""),
        (("plan", "--json"), ""),
        (("star", "list"), ""),
        (("star", "list", "--json"), ""),  # a fast path, without Typer
        (("star", "show", "1"), ""),
        (("star", "check"), ""),
        (("star", "export", "--format", "yaml"), ""),
        (("star", "add", *story_args()), ""),
        (("star", "add", "--file", "-"), EXPORT),
        (("star", "import", str(export)), ""),
        (("star", "edit", "1", "--title", "New"), ""),
        (("star", "remove", "1", "--yes"), ""),
        (("culture", "themes"), ""),
        (("culture", "show", theme), ""),
        (("culture", "reflections"), ""),
        (("culture", "reflect", theme, "--text", "It resonates."), ""),
        (("culture", "quiz", "-n", "1"), "1\n"),
        (("history",), ""),
        (("history", "show", "1"), ""),
        (("mock", "-n", "1", "--untimed"), "My answer.\n"),
    ]


@pytest.fixture(autouse=True)
def content_cache(home: Path) -> None:
    prime_content_cache(home)


def make_database(home: Path, kind: str) -> bytes:
    """A netprep.db that must be refused: its bytes, as written."""
    path = home / "netprep.db"
    if kind == "garbage":
        data = b"my shopping list, not a database\n" * 100
    else:
        with open_store() as store, store.write() as db:
            db.executemany(
                "INSERT INTO stories(title, situation, created_at, updated_at) "
                "VALUES (?, ?, 'x', 'x')",
                [(f"story {n}", "s" * 500) for n in range(100)],
            )
        if kind == "truncated":
            whole = path.read_bytes()
            data = whole[: len(whole) // 2]
        else:
            conn = sqlite3.connect(path)
            conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 7}")
            conn.commit()
            conn.close()
            data = path.read_bytes()
    path.write_bytes(data)
    return data


WHY = {
    "garbage": "not an SQLite database",
    "truncated": "truncated",
    "newer": "newer netprep",
}


@pytest.mark.parametrize("kind", list(WHY))
def test_unusable_database_is_refused_by_every_command_and_untouched(
    cli, home: Path, tmp_path: Path, kind: str
) -> None:
    commands = store_commands(tmp_path)
    data = make_database(home, kind)
    path = home / "netprep.db"
    before = sorted(p.name for p in home.iterdir())
    for argv, stdin in commands:
        result = cli(*argv, input=stdin)
        assert_failure(result, 1, str(path), WHY[kind])
        assert "untouched" in result.err, (argv, result.err)
        assert path.read_bytes() == data, argv
    after = sorted(p.name for p in home.iterdir())
    # No journal, no new file beside the database; text typed into a command that could
    # not save it is kept in a draft under workspace/ (issue #19).
    assert [name for name in after if name != "workspace"] == before
    drafts = list((home / "workspace").iterdir()) if "workspace" in after else []
    assert all(p.name.startswith("star-draft-") for p in drafts), drafts


def test_data_dir_that_cannot_be_created_is_named_by_every_command(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = store_commands(tmp_path)  # reads the content while the home is still usable
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    home = blocker / "netprep"
    monkeypatch.setenv("NETPREP_HOME", str(home))
    for argv, stdin in commands:
        result = cli(*argv, input=stdin)
        assert_failure(result, 1, str(home), "NETPREP_HOME")
    assert blocker.read_text() == "not a folder\n"


def test_data_dir_that_is_a_file_is_named(cli, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "netprep-home"
    blocker.write_text("x")
    monkeypatch.setenv("NETPREP_HOME", str(blocker))
    for argv in (("info",), ("star", "list", "--json"), ("stats", "--json")):
        assert_failure(cli(*argv), 1, str(blocker), "not a directory")


def _older_database(home: Path) -> None:
    """A database one migration behind, so the next open backs it up first."""
    home.mkdir(mode=0o700, exist_ok=True)
    conn = sqlite3.connect(home / "netprep.db")
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, migration in MIGRATIONS[:-1]:
        migration(conn)
        conn.execute("INSERT INTO _migrations VALUES (?, 'then')", (name,))
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    conn.commit()
    conn.close()
    (home / "netprep.db").chmod(0o644)  # as an older netprep or a copy might have left it


def test_every_file_netprep_writes_is_private_under_umask_022(
    cli, home: Path, tmp_path: Path
) -> None:
    import shutil

    shutil.rmtree(home)  # start from nothing: netprep creates every folder itself
    old = os.umask(0o022)
    try:
        _older_database(home)
        home.chmod(0o755)
        assert cli("star", "add", *story_args()).code == 0  # migrates: backup + db
        assert cli("culture", "reflect", theme_id(), "--text", "Yes.").code == 0
        assert cli("culture", "quiz", "-n", "1", input="1\n").code == 0
        assert cli("mock", "-n", "1", "--untimed", input="An answer.\n").code == 0
        assert cli("code", "start", exercise_id()).code == 0  # workspace starter file
        exports = tmp_path / "exports"
        exports.mkdir()
        for fmt in ("markdown", "yaml", "json"):
            result = cli("star", "export", "--format", fmt, "--output",
                         str(exports / f"stories.{fmt}"))
            assert result.code == 0, result.err
        with terminal("\r" + "Half a title\r" + CTRL_C):  # Ctrl-C keeps a draft file
            assert cli("star", "add").code == 130
    finally:
        os.umask(old)
    written = {p.relative_to(home).as_posix(): p for p in home.rglob("*")}
    assert any(name.startswith("netprep.db.bak-") for name in written), sorted(written)
    assert any(name.startswith("workspace/star-draft-") for name in written), sorted(written)
    assert "cache/content-cache.json" in written
    assert any(name.startswith("workspace/") and name.endswith(".py") for name in written)
    for name, path in [("", home), *written.items()]:
        mode = stat.S_IMODE(path.stat().st_mode)
        expected = 0o700 if path.is_dir() else 0o600
        assert mode == expected, f"{name or home}: {oct(mode)}"
    for path in exports.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
