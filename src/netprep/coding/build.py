"""Build a compiled language's harness once and keep it in netprep's cache.

A language with a ``build`` command in ``languages.yaml`` (Java: javac) has its
harness compiled once into a folder under the data dir's cache; every run then
starts the built harness from there. Pure logic: nothing here prints or exits.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

BUILD_LIMIT = 120.0  # seconds to build a harness (once, then cached)


def fill(template: Sequence[str], values: Mapping[str, str]) -> list[str] | None:
    """``template`` with its placeholders filled; None when its program is not installed."""
    argv = []
    for part in template:
        for name, value in values.items():
            part = part.replace("{" + name + "}", value)
        argv.append(part)
    if not argv:
        return None
    if template[0] != "{python}":
        found = shutil.which(argv[0])
        if found is None:
            return None
        argv[0] = found
    return argv


class BuildError(Exception):
    """The language's harness could not be built (its compiler failed)."""


def build_harness(language: Any) -> Path | None:
    """The folder holding the language's built harness, built now if not cached yet.

    Only languages with a ``build`` command have one (None otherwise). The folder is
    kept under the data dir's cache, named by a hash of the harness, the build
    command and the compiler's real path, so a new harness or JDK builds afresh; it
    is built in a temporary folder and renamed into place, so a half-built one is
    never used. Raises LookupError when the compiler is not installed and BuildError
    when it fails.
    """
    if not language.build:
        return None
    import hashlib
    import subprocess

    compiler = shutil.which(language.build[0])
    if compiler is None:
        raise LookupError(f"{language.build[0]} is not installed")
    real = os.path.realpath(compiler)
    what = json.dumps([language.harness, list(language.build), real,
                       os.stat(real).st_mtime_ns])
    key = hashlib.sha256(what.encode("utf-8")).hexdigest()[:20]
    from netprep.paths import data_dir, ensure_private_dir

    root = ensure_private_dir(data_dir() / "cache" / "harness")
    folder = root / f"{language.id}-{key}"
    if (folder / ".built").is_file():
        return folder
    work = Path(tempfile.mkdtemp(prefix=f".{language.id}-", dir=root))
    try:
        source = work / f"harness{language.suffix}"
        source.write_text(language.harness, encoding="utf-8")
        argv = fill(language.build, {"harness": str(source), "build": str(work),
                                     "pathsep": os.pathsep, "python": sys.executable})
        if argv is None:
            raise LookupError(f"{language.build[0]} is not installed")
        from netprep.coding.process import clean_environment

        try:
            done = subprocess.run(argv, cwd=work, env=clean_environment(), capture_output=True,
                                  timeout=BUILD_LIMIT, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise BuildError(f"{language.build[0]} took over {BUILD_LIMIT:g} s") from exc
        if done.returncode != 0:
            text = (done.stderr or done.stdout).decode("utf-8", errors="replace").strip()
            raise BuildError(text[:4000] or f"{language.build[0]} exited with {done.returncode}")
        (work / ".built").write_text(real + "\n", encoding="utf-8")
        try:
            os.rename(work, folder)
        except OSError:  # another netprep built it meanwhile: use theirs
            if not (folder / ".built").is_file():
                raise
        return folder
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
