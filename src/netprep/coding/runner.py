"""Run a solution against an exercise's cases, the way an online judge does.

The code under test runs in a separate process started from the language's
``command`` with the language's harness (both from ``languages.yaml``), in its
own scratch directory, with a time limit per case and, where the OS allows, a
memory limit. The harness writes one JSON object a line on its stdout and
captures what the user's code prints, so prints never corrupt the report.

Pure logic: nothing here prints, prompts or exits.
"""

from __future__ import annotations

import json
import os
import queue
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from netprep.coding.build import BuildError, build_harness, fill
from netprep.coding.compare import matches
from netprep.coding.process import HarnessProcess

DEFAULT_TIME_LIMIT = 2.0  # seconds per case
DEFAULT_LOAD_LIMIT = 10.0  # seconds to start the interpreter and load the file
DEFAULT_MEMORY_MB = 512
DEFAULT_MAX_TIMEOUTS = 2  # after this many timed-out cases the rest are skipped
SCRATCH_PREFIX = "netprep-run-"  # then the pid of the netprep that made it

Status = Literal["pass", "fail", "error", "timeout", "crash", "skipped"]
Compare = Literal["exact", "unordered", "float"]


class LanguageSpec(Protocol):
    """What the runner needs from a ``languages.yaml`` entry."""

    @property
    def id(self) -> str: ...

    @property
    def command(self) -> Sequence[str]: ...

    @property
    def suffix(self) -> str: ...

    @property
    def harness(self) -> str: ...

    @property
    def build(self) -> Sequence[str]: ...


class CaseSpec(Protocol):
    @property
    def args(self) -> Sequence[Any]: ...

    @property
    def expected(self) -> Any: ...


@dataclass(frozen=True)
class CaseResult:
    index: int  # 0-based position in the cases given
    args: list[Any]
    expected: Any
    status: Status
    actual: Any = None
    error: str | None = None  # the exception, timeout or crash, as text
    output: str = ""  # what the code printed while running this case
    seconds: float | None = None

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "status": self.status,
            "args": self.args,
            "expected": self.expected,
            "actual": self.actual,
            "error": self.error,
            "output": self.output,
            "seconds": self.seconds,
        }


@dataclass(frozen=True)
class RunReport:
    language: str
    file: str
    total: int
    cases: list[CaseResult] = field(default_factory=list)
    error: str | None = None  # the code could not be loaded (syntax error, ...)
    output: str = ""  # printed while loading the file
    seconds: float = 0.0  # wall time of the whole run

    @property
    def passed(self) -> int:
        return sum(1 for case in self.cases if case.passed)

    @property
    def all_passed(self) -> bool:
        return self.error is None and self.total > 0 and self.passed == self.total

    @property
    def failures(self) -> list[CaseResult]:
        return [case for case in self.cases if not case.passed]

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "file": self.file,
            "passed": self.passed,
            "total": self.total,
            "all_passed": self.all_passed,
            "error": self.error,
            "output": self.output,
            "seconds": round(self.seconds, 3),
            "cases": [case.to_dict() for case in self.cases],
        }


@dataclass(frozen=True)
class Case:
    args: list[Any]
    expected: Any


def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def function_name(function: str, signature: str | None = None) -> str:
    """The exercise's function as spelled in a language's ``signature``.

    ``function`` is the exercise's name (``two_sum``); a signature that spells it
    in camelCase (``function twoSum(nums, target) {``) gives ``twoSum``.
    """
    if signature:
        for candidate in (function, camel_case(function)):
            if re.search(rf"(?<![A-Za-z0-9_$]){re.escape(candidate)}(?![A-Za-z0-9_$])", signature):
                return candidate
    return function


def command_for(language: LanguageSpec, harness: Path, *, build: Path | None = None,
                memory_mb: int | None = None) -> list[str] | None:
    """The argv that runs ``harness``, or None when the interpreter is not installed."""
    return fill(language.command, {
        "python": sys.executable,
        "harness": str(harness),
        "build": str(build if build is not None else harness.parent),
        "pathsep": os.pathsep,
        "memory_mb": str(memory_mb or DEFAULT_MEMORY_MB),
    })


def language_available(language: LanguageSpec) -> bool:
    """Whether the language's interpreter (and its compiler, if any) is on this machine."""
    if command_for(language, Path("harness")) is None:
        return False
    return not language.build or shutil.which(language.build[0]) is not None


def missing_program(language: LanguageSpec) -> str:
    """The program of the language that is not installed (for the message)."""
    if command_for(language, Path("harness")) is None:
        return language.command[0]
    return language.build[0] if language.build else language.command[0]


def _value_of(case: Any, name: str) -> Any:
    return case[name] if isinstance(case, Mapping) else getattr(case, name)


def _sweep_stale_scratch() -> None:
    """Remove scratch folders left by a netprep that was killed mid-run (its pid is gone)."""
    base = Path(tempfile.gettempdir())
    try:
        entries = list(base.glob(f"{SCRATCH_PREFIX}*"))
    except OSError:
        return
    for entry in entries:
        pid_text = entry.name[len(SCRATCH_PREFIX):].split("-", 1)[0]
        if not pid_text.isdigit() or not entry.is_dir() or entry.is_symlink():
            continue
        try:
            if entry.stat().st_uid != os.getuid():
                continue
            os.kill(int(pid_text), 0)
            continue  # that netprep is still running
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue


def _clean_error(text: str, scratch: Path) -> str:
    return text.replace(str(scratch) + os.sep, "")


def run_tests(
    source: Path | str,
    language: LanguageSpec,
    *,
    function: str,
    cases: Sequence[CaseSpec | Case | Mapping[str, Any]],
    adapter: str | None = None,
    compare: str = "exact",
    time_limit: float = DEFAULT_TIME_LIMIT,
    load_limit: float = DEFAULT_LOAD_LIMIT,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    max_timeouts: int = DEFAULT_MAX_TIMEOUTS,
) -> RunReport:
    """Run ``function`` from the file ``source`` on every case and compare the answers.

    ``function`` is the name as spelled in this language (see ``function_name``);
    ``memory_mb`` is passed to the harness, which caps memory where it can.
    Each case gets ``time_limit`` seconds; a case that runs over is reported as
    ``timeout`` and the remaining cases run in a fresh process, until
    ``max_timeouts`` cases have timed out (the rest are ``skipped``). A crash of
    the process marks the running case ``crash``.
    Raises FileNotFoundError when ``source`` does not exist and LookupError when
    the language's interpreter is not installed.
    """
    path = Path(source).resolve()
    if not path.is_file():
        raise FileNotFoundError(str(path))
    specs = [
        Case(args=list(_value_of(case, "args")), expected=_value_of(case, "expected"))
        for case in cases
    ]
    started = time.monotonic()
    results: dict[int, CaseResult] = {}
    load_output = ""
    error: str | None = None
    timeouts = 0
    pending = list(range(len(specs)))
    _sweep_stale_scratch()
    try:
        build = build_harness(language)
    except BuildError as exc:
        return RunReport(language=language.id, file=str(path), total=len(specs),
                         error=f"the {language.id} harness could not be built: {exc}",
                         seconds=time.monotonic() - started)
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-",
                                     ignore_cleanup_errors=True) as scratch_name:
        scratch = Path(scratch_name)
        harness = scratch / f"harness{language.suffix}"
        if build is None:  # a built harness runs from its folder; the scratch stays empty
            harness.write_text(language.harness, encoding="utf-8")
        argv = command_for(language, harness, build=build, memory_mb=memory_mb)
        if argv is None:
            raise LookupError(f"{language.command[0]} is not installed")
        payload_base: dict[str, Any] = {
            "file": str(path),
            "function": function,
            "adapter": adapter,
            "memory_mb": memory_mb,
        }
        while pending:
            if timeouts >= max_timeouts:
                for index in pending:
                    results[index] = CaseResult(
                        index,
                        specs[index].args,
                        specs[index].expected,
                        "skipped",
                        error="not run: earlier cases timed out",
                    )
                break
            nonce = secrets.token_hex(16)
            process = HarnessProcess(argv, scratch, memory_mb=memory_mb, nonce=nonce)
            try:
                payload = dict(payload_base, nonce=nonce)
                payload["cases"] = [{"index": i, "args": specs[i].args} for i in pending]
                process.send(json.dumps(payload))
                try:
                    message = process.next_message(load_limit)
                except queue.Empty:
                    error = (
                        f"your code did not finish loading within {load_limit:g} s "
                        "(a loop at the top level of the file?)"
                    )
                    break
                if message is None:
                    detail = process.stderr() or process.exit_description()
                    error = _clean_error(detail, scratch)
                    break
                if message.get("event") == "load_error":
                    error = _clean_error(str(message.get("error", "")), scratch)
                    load_output = str(message.get("output", ""))
                    break
                load_output = load_output or str(message.get("output", ""))
                pending = _collect(process, specs, pending, results, compare, time_limit)
                timeouts = sum(1 for r in results.values() if r.status == "timeout")
            finally:
                process.kill()
    ordered = [results[i] for i in sorted(results)]
    return RunReport(
        language=language.id,
        file=str(path),
        total=len(specs),
        cases=[] if error is not None else ordered,
        error=error,
        output=load_output,
        seconds=time.monotonic() - started,
    )


def _collect(
    process: HarnessProcess,
    specs: list[Case],
    pending: list[int],
    results: dict[int, CaseResult],
    compare: str,
    time_limit: float,
) -> list[int]:
    """Read case results from ``process``; return the cases still to run."""
    for position, index in enumerate(pending):
        spec = specs[index]
        try:
            message = process.next_message(time_limit)
        except queue.Empty:
            results[index] = CaseResult(
                index,
                spec.args,
                spec.expected,
                "timeout",
                error=f"timed out after {time_limit:g} s (an endless loop?)",
                seconds=time_limit,
            )
            return pending[position + 1 :]
        if message is None:
            process.kill()
            detail = process.stderr()
            why = process.exit_description()
            results[index] = CaseResult(
                index,
                spec.args,
                spec.expected,
                "crash",
                error=f"{why}\n{detail}".rstrip() if detail else why,
            )
            return pending[position + 1 :]
        if message.get("event") != "case" or (
            message.get("index") != index and not message.get("_netprep")
        ):
            process.kill()
            results[index] = CaseResult(
                index, spec.args, spec.expected, "error",
                error="the harness sent a result out of order; the run was stopped",
            )
            return pending[position + 1 :]
        output = str(message.get("output", ""))
        seconds = message.get("seconds")
        seconds = float(seconds) if isinstance(seconds, (int, float)) else None
        if message.get("error"):
            results[index] = CaseResult(
                index,
                spec.args,
                spec.expected,
                "error",
                error=str(message["error"]),
                output=output,
                seconds=seconds,
            )
            continue
        actual = message.get("value")
        status: Status = "pass" if matches(spec.expected, actual, compare) else "fail"
        results[index] = CaseResult(
            index, spec.args, spec.expected, status, actual=actual, output=output, seconds=seconds
        )
    return []

