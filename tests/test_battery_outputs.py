"""Battery (issue #19, item 3): `star export --output` never replaces what it writes to.

The atomic write (temp file renamed over the target) is for plain files. A FIFO,
a device or /proc's fd links are written directly, a symlink is followed (the
link stays a link), hard links stay linked, and `--output -` is stdout.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

from .battery import run_devnull, story_args


def _one_story(cli) -> None:
    assert cli("star", "add", *story_args("Exported")).code == 0


def test_a_fifo_is_written_not_replaced(cli, tmp_path: Path) -> None:
    _one_story(cli)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("star", "export", "--format", "json", "--output", str(fifo))
    reader.join(10)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b"Exported" in received[0]


def test_a_symlink_is_followed_and_kept(cli, tmp_path: Path) -> None:
    _one_story(cli)
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    result = cli("star", "export", "--output", str(link))
    assert result.code == 0, result.err
    assert link.is_symlink() and "Exported" in target.read_text()


def test_hard_links_stay_linked(cli, tmp_path: Path) -> None:
    _one_story(cli)
    first = tmp_path / "a.md"
    first.write_text("old")
    second = tmp_path / "b.md"
    os.link(first, second)
    assert cli("star", "export", "--output", str(first)).code == 0
    assert first.stat().st_nlink == 2 and "Exported" in second.read_text()


def test_dash_and_a_proc_fd_link_are_stdout(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    _one_story(cli)
    dash = cli("star", "export", "--format", "yaml", "--output", "-")
    assert dash.code == 0 and "Exported" in dash.out
    assert not Path("-").exists()
    # /dev/stdout as a link of our own (never the machine's): /proc/self/fd/1 in the child.
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = run_devnull("star", "export", "--output", str(link))
    assert result.returncode == 0, result.stderr
    assert "Exported" in result.stdout and link.is_symlink()


def test_a_pipe_given_as_dev_fd_is_written(tmp_path: Path) -> None:
    assert run_devnull("star", "add", *story_args("Piped")).returncode == 0
    read, write = os.pipe()
    with subprocess.Popen(
        [sys.executable, "-m", "netprep", "star", "export", "--output", f"/dev/fd/{write}"],
        pass_fds=(write,), stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    ) as child:
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        assert child.wait(30) == 0
    assert b"Piped" in data
