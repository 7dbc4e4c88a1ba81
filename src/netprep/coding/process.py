"""One harness process: hard limits, bounded reads, and a kill that reaches everything.

The harness runs in its own session with hard resource limits (data size, file
size, process count, no core files) that the code cannot lift. Its pipes are read
in bounded chunks by two threads, so neither a flood without newlines nor a
grandchild holding a pipe can make netprep grow or block. `kill()` stops the
session, every descendant (also one that called `setsid`: netprep is their
subreaper on Linux, and each carries the run's marker in its environment), and
never waits on a pipe.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

STDERR_CAP = 8000
LINE_CAP = 16 * 1024 * 1024  # one result line (a large answer) at most
CHUNK = 64 * 1024
FILE_SIZE_LIMIT = 16 * 1024 * 1024
DATA_MARGIN_MB = 256  # interpreter and heap overhead above the code's memory cap
EXTRA_PROCESSES = 64  # threads and processes the code may add to the user's count
MARKER = "NETPREP_RUN"
TOO_LONG = "\x00netprep:too-long"  # in place of a result line over LINE_CAP

_subreaper = False


def _prctl() -> Any:
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux
        return None


def _become_subreaper() -> None:
    """Orphans of the harness (a `setsid` daemon) become our children, not init's."""
    global _subreaper
    if _subreaper or not os.path.exists("/proc/self/stat"):
        return
    _subreaper = True
    prctl = _prctl()
    if prctl is not None:  # else the group kill remains
        prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _tasks_of_user() -> int:
    """Threads the user runs now (RLIMIT_NPROC counts them); 0 when /proc is absent."""
    uid, count = os.getuid(), 0
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for entry in entries:
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry}/task"))
            except OSError:
                continue
    return count


def _limit_resources(memory_mb: int | None) -> Any:
    """A preexec_fn setting hard limits (soft = hard, so the code cannot raise them)."""
    if os.name != "posix":
        return None
    import resource

    limits = [(resource.RLIMIT_FSIZE, FILE_SIZE_LIMIT), (resource.RLIMIT_CORE, 0)]
    if memory_mb:  # RLIMIT_DATA also counts node's Buffers, which V8's heap flag misses
        limits.append((resource.RLIMIT_DATA, (memory_mb + DATA_MARGIN_MB) * 1024 * 1024))
    tasks = _tasks_of_user()
    if tasks and hasattr(resource, "RLIMIT_NPROC"):
        limits.append((resource.RLIMIT_NPROC, tasks + EXTRA_PROCESSES))
    prctl = _prctl() if os.geteuid() == 0 else None

    def apply() -> None:
        if prctl is not None:  # root could lift hard limits: drop that capability first
            prctl(24, 24, 0, 0, 0)  # PR_CAPBSET_DROP, CAP_SYS_RESOURCE
        for kind, value in limits:
            try:
                _soft, hard = resource.getrlimit(kind)
                if hard != resource.RLIM_INFINITY:
                    value = min(value, hard)
                resource.setrlimit(kind, (value, value))
            except (ValueError, OSError):  # not allowed here: run without it
                pass

    return apply


# Variables that would change how an interpreter starts (options, class or module paths).
_STARTUP_VARIABLES = ("PYTHONSTARTUP", "NODE_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
                      "JDK_JAVA_OPTIONS", "CLASSPATH")


def clean_environment() -> dict[str, str]:
    """netprep's environment without what would change how an interpreter starts."""
    env = dict(os.environ)
    env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
    for name in _STARTUP_VARIABLES:
        env.pop(name, None)
    return env


class HarnessProcess:
    """One harness process; its stdout lines arrive on a queue."""

    def __init__(self, argv: list[str], cwd: Path, memory_mb: int | None = None,
                 nonce: str = "") -> None:
        env = clean_environment()
        self.marker = f"{MARKER}={nonce or os.getpid()}"
        env[MARKER] = self.marker.split("=", 1)[1]
        self.nonce = nonce
        kwargs: dict[str, Any] = {}
        if os.name == "posix":
            _become_subreaper()
            kwargs["start_new_session"] = True  # so a kill reaches its children too
            kwargs["preexec_fn"] = _limit_resources(memory_mb)
        self.proc = subprocess.Popen(  # noqa: S603 - argv comes from languages.yaml
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            **kwargs,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self._stderr = bytearray()
        self._threads = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def send(self, payload: str) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(payload.encode("utf-8"))
            self.proc.stdin.close()
        except (BrokenPipeError, OSError):  # it died at once; the reader sees EOF
            pass

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        pending = bytearray()
        too_long = False
        try:
            while True:
                chunk = os.read(fd, CHUNK)
                if not chunk:
                    break
                while chunk:
                    newline = chunk.find(b"\n")
                    part, chunk = (chunk, b"") if newline < 0 else (
                        chunk[: newline + 1], chunk[newline + 1 :])
                    if not too_long:
                        pending += part
                        if len(pending) > LINE_CAP:
                            too_long, pending = True, bytearray()
                    if newline >= 0:
                        self.lines.put(TOO_LONG if too_long
                                       else pending.decode("utf-8", errors="replace"))
                        pending, too_long = bytearray(), False
        except (OSError, ValueError):  # the pipe was closed under us
            pass
        finally:
            self.lines.put(None)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        fd = self.proc.stderr.fileno()
        try:
            while True:
                chunk = os.read(fd, CHUNK)
                if not chunk:
                    break
                if len(self._stderr) < STDERR_CAP:  # keep the start, drain the rest
                    self._stderr += chunk[: STDERR_CAP - len(self._stderr)]
        except (OSError, ValueError):
            pass

    def next_message(self, timeout: float) -> dict[str, Any] | None:
        """The next result message; None at end of output. Raises queue.Empty on timeout.

        Only lines carrying this run's nonce count: anything else on the channel was
        written by the code under test.
        """
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            if line is None:
                return None
            if line == TOO_LONG:
                return {"event": "case", "error": f"the answer is over {LINE_CAP // 2**20} MB "
                        "as JSON; return something smaller", "_netprep": True}
            try:
                message = json.loads(line)
            except RecursionError:
                return {"event": "case", "error": "the answer is nested too deeply to be read "
                        "(over about 900 levels)", "_netprep": True}
            except ValueError:
                continue  # not ours: the code wrote straight to the result channel
            if not isinstance(message, dict) or "event" not in message:
                continue
            if self.nonce and message.get("nonce") != self.nonce:
                continue  # a forged line
            message.pop("_netprep", None)
            return message

    def stderr(self) -> str:
        self._threads[1].join(timeout=1.0)
        return bytes(self._stderr[:STDERR_CAP]).decode("utf-8", errors="replace").rstrip()

    def exit_description(self) -> str:
        try:
            code = self.proc.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            return "the process stopped answering"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            if name == "SIGKILL":
                return "the process was killed (SIGKILL: out of memory?)"
            return f"the process was killed by {name}"
        return f"the process exited with code {code}"

    def kill(self) -> None:
        """Stop the process and everything it started, then release its pipes."""
        killed: set[int] = set()
        if os.name == "posix":
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self._kill_strays(killed)
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(timeout=5.0)
        except subprocess.TimeoutExpired:  # pragma: no cover - a process we cannot reap
            pass
        released = self._pipes_released(killed)
        _reap(killed - {self.proc.pid})
        if not released:
            return  # a pipe is still held open: never block on it (the threads are daemons)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass

    def _pipes_released(self, killed: set[int]) -> bool:
        """Whether the pipe readers finished within 2 s. While a pipe is still held, whoever
        holds it was missed (it was mid-exec): look for strays again."""
        deadline = time.monotonic() + 2.0
        while True:
            for thread in self._threads:
                thread.join(timeout=max(0.0, min(0.25, deadline - time.monotonic())))
            if not any(thread.is_alive() for thread in self._threads):
                return True
            if time.monotonic() >= deadline:
                return False
            if os.name == "posix":
                self._kill_strays(killed)

    def _kill_strays(self, killed: set[int]) -> None:
        """SIGKILL every live process of this run, until two looks 20 ms apart find none.

        The second look catches a process that was between `setsid` and `exec` at the
        first, when its environment (and so its marker) cannot be read yet.
        """
        quiet = 0
        for _ in range(40):  # a fork loop may add processes while we look
            stray = self._strays()
            if not stray:
                quiet += 1
                if quiet == 2:
                    return
                time.sleep(0.02)
                continue
            quiet = 0
            for pid in stray:
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed.add(pid)
                except (ProcessLookupError, PermissionError):
                    pass

    def _strays(self) -> list[int]:
        """Live processes of this run: descendants of the harness, or carrying its marker."""
        parents: dict[int, int] = {}
        try:
            entries = [int(e) for e in os.listdir("/proc") if e.isdigit()]
        except OSError:
            return []
        for pid in entries:
            try:
                with open(f"/proc/{pid}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if fields[0] != b"Z":
                parents[pid] = int(fields[1])
        ours = {self.proc.pid}
        me, marker = os.getpid(), self.marker.encode()
        uid = os.getuid()
        for pid in parents:  # the nonce is this run's own: whoever carries it is ours
            if pid not in (self.proc.pid, me) and self._owned_by(pid, uid) \
                    and self._has_marker(pid, marker):
                ours.add(pid)
        changed = True
        while changed:
            changed = False
            for pid, parent in parents.items():
                if parent in ours and pid not in ours:
                    ours.add(pid)
                    changed = True
        return [pid for pid in ours if pid in parents and pid != me]

    @staticmethod
    def _owned_by(pid: int, uid: int) -> bool:
        try:
            return os.stat(f"/proc/{pid}").st_uid == uid
        except OSError:
            return False

    @staticmethod
    def _has_marker(pid: int, marker: bytes) -> bool:
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                return marker in fh.read().split(b"\x00")
        except OSError:
            return False


_UNREAPED: set[int] = set()  # killed orphans still dying at the last kill: reaped later


def _reap(pids: set[int]) -> None:
    """Collect the killed orphans handed to us as subreaper, so none stays a zombie."""
    deadline = time.monotonic() + 2.0
    waiting = set(pids) | _UNREAPED
    _UNREAPED.clear()
    while waiting and time.monotonic() < deadline:
        for pid in list(waiting):
            try:
                done, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:  # not our child (its parent reaps it)
                waiting.discard(pid)
                continue
            if done:
                waiting.discard(pid)
        if waiting:
            time.sleep(0.01)
    _UNREAPED.update(waiting)
