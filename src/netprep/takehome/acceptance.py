"""Run a brief's hidden acceptance checks against a workspace.

The checks run through the coding runner (`netprep.coding.runner.run_tests`):
a separate process started from `languages.yaml`, in a scratch directory, with
a time limit per requirement and a memory cap. Each requirement is one case
whose expected value is True; the checks file is written to a private temporary
folder outside the workspace, so the candidate never sees it.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netprep.coding.runner import DEFAULT_MEMORY_MB, language_available, run_tests
from netprep.content.models import Brief, Library
from netprep.errors import NetprepError
from netprep.takehome import preludes

TIME_LIMIT = 5.0  # seconds per requirement
LOAD_LIMIT = 15.0
MAX_TIMEOUTS = 2


class LanguageMissing(NetprepError):
    """The brief's language is not installed (node for the frontend brief)."""


@dataclass(frozen=True)
class Requirement:
    id: str
    title: str
    passed: bool
    note: str = ""  # why it failed, in terms of the candidate's code only

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "passed": self.passed, "note": self.note}


@dataclass(frozen=True)
class CheckResult:
    brief: str
    requirements: list[Requirement] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> int:
        return sum(1 for r in self.requirements if r.passed)

    @property
    def total(self) -> int:
        return len(self.requirements)

    @property
    def all_passed(self) -> bool:
        return self.total > 0 and self.passed == self.total

    def to_dict(self) -> dict[str, Any]:
        return {
            "brief": self.brief,
            "passed": self.passed,
            "total": self.total,
            "all_passed": self.all_passed,
            "seconds": round(self.seconds, 3),
            "requirements": [r.to_dict() for r in self.requirements],
        }


def checks_source(brief: Brief) -> str:
    """The prelude, the requirements' titles (for the notes), then the brief's checks."""
    javascript = brief.acceptance["language"] == "javascript"
    prelude = preludes.JAVASCRIPT if javascript else preludes.PYTHON
    titles = json.dumps({r["id"]: r["title"] for r in brief.requirements})
    named = f"Object.assign(TITLES, {titles});" if javascript else f"TITLES.update({titles})"
    return prelude + named + "\n\n" + brief.acceptance["code"]


ALLOW_OPTION = "--allow-pack-checks"


def run_checks(
    library: Library, brief: Brief, workspace: Path, *, time_limit: float = TIME_LIMIT,
    allow_pack_code: bool = False,
) -> CheckResult:
    """Run every requirement's check on ``workspace``; raise LanguageMissing without node.

    A brief from a user pack carries code of its own (the checks): it runs only
    with ``allow_pack_code`` (the user passed --allow-pack-checks).
    """
    source_of = next((p.source for p in library.packs if p.id == brief.pack), "user")
    if source_of != "builtin" and not allow_pack_code:
        raise NetprepError(
            f"The brief {brief.id} comes from the pack '{brief.pack}', and its acceptance "
            "checks are code that would run with your permissions.",
            f"Read them in the pack's takehome/{brief.id}.yaml, then pass {ALLOW_OPTION} "
            "if you trust it.",
        )
    lang_id = brief.acceptance["language"]
    language = library.languages.get(lang_id)
    if language is None or not language_available(language):
        name = "Node.js (node)" if lang_id == "javascript" else lang_id
        raise LanguageMissing(
            f"The {brief.id} brief's checks need {name}, which is not on PATH.",
            "Install it (Node.js 18 or later for JavaScript) and run the check again.",
        )
    cases = [{"args": [str(workspace.resolve()), r["id"]], "expected": True}
             for r in brief.requirements]
    with tempfile.TemporaryDirectory(prefix="netprep-checks-") as folder:
        source = Path(folder) / f"checks{language.suffix}"
        source.write_text(checks_source(brief), encoding="utf-8")
        source.chmod(0o600)
        try:
            report = run_tests(
                source,
                language,
                function="check",
                cases=cases,
                time_limit=time_limit,
                load_limit=LOAD_LIMIT,
                memory_mb=DEFAULT_MEMORY_MB,
                max_timeouts=MAX_TIMEOUTS,
            )
        except OSError as exc:
            raise NetprepError(f"Could not run the checks: {exc.strerror or exc}.") from exc
    if report.error is not None:  # our own checks failed to load: a broken brief
        raise NetprepError(
            f"The {brief.id} brief's acceptance checks could not start.",
            "Run `netprep content validate` and report the brief.",
        )
    requirements = []
    for spec, case in zip(brief.requirements, report.cases, strict=True):
        requirements.append(Requirement(spec["id"], spec["title"], case.passed, _note(case)))
    return CheckResult(brief.id, requirements, report.seconds)


def _note(case: Any) -> str:
    if case.passed:
        return ""
    if case.status == "timeout":
        return "timed out (an endless loop, or waiting for input?)"
    if case.status == "skipped":
        return "not run: earlier requirements timed out"
    if case.status == "crash":
        return "the process running your code died (out of memory?)"
    if case.status == "error":  # a failure outside the prelude's net; keep it generic
        return "your code could not be run"
    return str(case.actual) if isinstance(case.actual, str) else "not met"
