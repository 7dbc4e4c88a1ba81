"""Battery (issue #19, items 6 and 10): the data directory.

A shared folder given as NETPREP_HOME (mode 1777, like /tmp) keeps its mode, with
a note; a folder netprep creates is 0700; a relative NETPREP_HOME is refused
instead of giving each working directory its own empty database.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from .battery import assert_failure, run_devnull, story_args


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_shared_folder_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    env = {"NETPREP_HOME": str(shared)}
    added = run_devnull("star", "add", *story_args(), env=env)
    assert added.returncode == 0, added.stderr
    assert _mode(shared) == 0o1777
    assert str(shared) in added.stderr and "1777" in added.stderr  # the note
    assert _mode(shared / "netprep.db") == 0o600
    listed = run_devnull("star", "list", "--json", env=env)
    assert json.loads(listed.stdout)["stories"][0]["title"] == "Faster builds"


def test_a_folder_netprep_creates_is_private(tmp_path: Path) -> None:
    home = tmp_path / "new" / "home"
    result = run_devnull("star", "add", *story_args(), env={"NETPREP_HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert _mode(home) == 0o700 and "note" not in result.stderr


def test_a_relative_home_is_refused(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NETPREP_HOME", "data")
    for args in (("star", "add", *story_args()), ("star", "list", "--json"), ("info",)):
        result = cli(*args)
        assert_failure(result, 1, "NETPREP_HOME", "absolute", str(tmp_path / "data"))
    assert not (tmp_path / "data").exists()
    assert os.listdir(tmp_path) == []


def _small_files() -> None:
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))


def test_code_start_on_a_full_disk_leaves_no_empty_starter(home: Path) -> None:
    import subprocess
    import sys

    assert run_devnull("code", "list").returncode == 0  # the content cache, written first
    full = subprocess.run([sys.executable, "-m", "netprep", "code", "start", "two-sum"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
                          preexec_fn=_small_files)
    assert full.returncode == 1, full.stderr
    assert "Cannot write" in full.stderr and "Traceback" not in full.stderr
    workspace = home / "workspace"
    assert [p.name for p in workspace.iterdir()] == []  # was: a 0-byte two-sum.py
    (workspace / "two-sum.py").write_text("")  # as an older netprep left it
    again = run_devnull("code", "start", "two-sum")
    assert again.returncode == 0, again.stderr
    assert "def two_sum" in (workspace / "two-sum.py").read_text()


def test_a_read_only_data_dir_still_shows_the_data(cli, home: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("star", "add", *story_args()).code == 0
    real_access = os.access

    def access(path, mode, *args, **kwargs) -> bool:  # as on a read-only mount
        if mode & os.W_OK and Path(path) == home:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    for args in (("star", "list"), ("star", "list", "--json"), ("star", "export")):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
        assert "Faster builds" in result.out and "read-only" in result.err
