"""One harness process: started in its own session, read line by line, killed cleanly."""

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
FILE_SIZE_LIMIT = 16 * 1024 * 1024


def _limit_resources() -> Any:
    """A preexec_fn capping the size of files the code writes (POSIX only).

    Memory is capped by each language itself (the Python harness sets RLIMIT_AS,
    node gets ``--max-old-space-size``): V8 cannot start under an address-space cap.
    """
    if os.name != "posix":
        return None

    def apply() -> None:
        import resource

        try:
            _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
            value = FILE_SIZE_LIMIT
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(resource.RLIMIT_FSIZE, (value, hard))
        except (ValueError, OSError):  # not allowed here: run without it
            pass

    return apply


class HarnessProcess:
    """One harness process; its stdout lines arrive on a queue."""

    def __init__(self, argv: list[str], cwd: Path) -> None:
        env = dict(os.environ)
        env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
        env.pop("PYTHONSTARTUP", None)
        env.pop("NODE_OPTIONS", None)
        kwargs: dict[str, Any] = {}
        if os.name == "posix":
            kwargs["start_new_session"] = True  # so a kill reaches its children too
            kwargs["preexec_fn"] = _limit_resources()
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
        self._stderr: list[str] = []
        self._stderr_size = 0
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
        try:
            for raw in self.proc.stdout:
                self.lines.put(raw.decode("utf-8", errors="replace"))
        except (OSError, ValueError):  # the pipe was closed under us
            pass
        finally:
            self.lines.put(None)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        try:
            for raw in self.proc.stderr:
                if self._stderr_size < STDERR_CAP:
                    text = raw.decode("utf-8", errors="replace")
                    self._stderr.append(text)
                    self._stderr_size += len(text)
        except (OSError, ValueError):
            pass

    def next_message(self, timeout: float) -> dict[str, Any] | None:
        """The next result message; None at end of output. Raises queue.Empty on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            if line is None:
                return None
            try:
                message = json.loads(line)
            except ValueError:
                continue  # not ours: the code wrote straight to the result channel
            if isinstance(message, dict) and "event" in message:
                return message

    def stderr(self) -> str:
        self._threads[1].join(timeout=1.0)
        return "".join(self._stderr)[:STDERR_CAP].rstrip()

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
        """Stop the process (and anything it started), then release its pipes."""
        if self.proc.poll() is None:
            try:
                if os.name == "posix":
                    os.killpg(self.proc.pid, signal.SIGKILL)
                else:
                    self.proc.kill()
            except (ProcessLookupError, PermissionError):
                self.proc.kill()
        try:
            self.proc.wait(timeout=5.0)
        except subprocess.TimeoutExpired:  # pragma: no cover - a process we cannot reap
            pass
        for thread in self._threads:
            thread.join(timeout=2.0)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
