"""The $EDITOR flow: open text in the user's editor until it validates, never losing it.

The text lives in a private file under the workspace while it is being edited.
It is deleted once a valid edit is accepted; otherwise it is kept and its path
printed, so what the user typed survives an invalid edit, a declined re-open,
a crashed editor or Ctrl-C.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar

from netprep.errors import NetprepError
from netprep.paths import atomic_write, workspace_dir
from netprep.ui.console import message, verbatim

T = TypeVar("T")
FALLBACKS = ("nano", "vi")
PROBLEMS_MARK = "# --- netprep: problems in the last save (fix them; this block is ignored) ---"


def find_editor() -> list[str]:
    """$VISUAL, then $EDITOR, then nano, then vi, as an argument list."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                command = shlex.split(value)
            except ValueError:
                command = [value]
            if command:
                return command
    for fallback in FALLBACKS:
        found = shutil.which(fallback)
        if found:
            return [found]
    raise NetprepError(
        "No editor found: $VISUAL and $EDITOR are unset and neither nano nor vi is installed.",
        "Set EDITOR (for example `export EDITOR=nano`), or change fields with flags instead.",
    )


# How to save and leave the editors people land in without choosing one.
LEAVING = {
    "nano": "Ctrl-O then Enter saves, Ctrl-X leaves",
    "pico": "Ctrl-O then Enter saves, Ctrl-X leaves",
    "vi": "type :wq and Enter to save and leave, or :q! to leave without saving",
    "vim": "type :wq and Enter to save and leave, or :q! to leave without saving",
    "nvim": "type :wq and Enter to save and leave, or :q! to leave without saving",
    "emacs": "Ctrl-X Ctrl-S saves, Ctrl-X Ctrl-C leaves",
}


def editor_note(command: list[str], what: str) -> str:
    """The sentence said before the editor opens: which one, and how to get back."""
    name = Path(command[0]).name if command else "the editor"
    chosen = any(os.environ.get(v, "").strip() for v in ("VISUAL", "EDITOR"))
    how = LEAVING.get(name, "save the file and close the editor to come back here")
    source = "" if chosen else " (set $EDITOR to use another editor)"
    return f"Opening the {what} in {name}{source}: {how}."


def recovery_path(name: str, suffix: str = ".yaml") -> Path:
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return workspace_dir() / f"{name}-{stamp}{suffix}"


def keep_text(text: str, name: str, suffix: str = ".yaml") -> Path:
    """Save text the user typed to a private recovery file and return its path.

    Bytes that were not UTF-8 (an argument or paste in another encoding) become U+FFFD
    in the file rather than failing the very write that keeps the rest.
    """
    path = recovery_path(name, suffix)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    atomic_write(path, text)
    return path


def keep_somewhere(text: str, name: str, suffix: str = ".yaml") -> Path | None:
    """keep_text, falling back to the temp folder when the workspace cannot be written."""
    try:
        return keep_text(text, name, suffix)
    except (OSError, NetprepError):
        import tempfile

        try:
            fd, raw = tempfile.mkstemp(prefix=f"netprep-{name}-", suffix=suffix)
            with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as fh:
                fh.write(text)
            return Path(raw)
        except OSError:
            return None


@contextmanager
def kept_on_failure(text: Callable[[], str], name: str, finish: str,
                    path: Path | None = None) -> Iterator[None]:
    """Around a store write of what the user typed: if it fails, the text is kept.

    The text is written to `path` (or a new file under workspace/) and the error
    names the file and `finish` (formatted with `path`), the command that saves it
    once the problem is fixed. If not even a file can be written, the text is
    printed on stderr so it is never lost.
    """
    try:
        yield
    except BaseException as exc:
        body = text()
        kept: Path | None = path
        if kept is not None:
            try:
                atomic_write(kept, body)
            except OSError:
                kept = None
        if kept is None:
            kept = keep_somewhere(body, name)
        if kept is None:
            message("Your text could not be written to a file; here it is:\n" + body)
            raise
        command = finish.format(path=kept)
        if isinstance(exc, NetprepError):
            first = f"{exc.hint} " if exc.hint else ""
            raise NetprepError(
                f"{exc.message} Your text is kept in {kept}.",
                f"{first}Then save it with `{command}`.",
                exit_code=exc.exit_code,
            ) from exc
        verbatim(f"Your text is kept in {kept} (save it with `{command}`).")
        raise


def strip_problems(text: str) -> str:
    """The text without the problems block a previous round appended."""
    index = text.find(PROBLEMS_MARK)
    return text if index < 0 else text[:index].rstrip("\n") + "\n"


def _with_problems(text: str, problems: list[str]) -> str:
    lines = [PROBLEMS_MARK, *(f"# {p}" for p in problems)]
    return strip_problems(text).rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"


def _run(command: list[str], path: Path) -> int:
    try:
        return subprocess.call([*command, str(path)])
    except OSError as exc:
        raise NetprepError(
            f"Cannot start the editor `{shlex.join(command)}`: {exc.strerror or exc}.",
            f"Check $VISUAL/$EDITOR. Your text is kept in {path}.",
        ) from exc


def edit_until_valid(initial: str, validate: Callable[[str, str], T], name: str,
                     retry_hint: str, what: str = "story",
                     commit: Callable[[T], None] | None = None, finish: str = "") -> T | None:
    """Open `initial` in the editor; return `validate(text, file name)`, or None if unchanged.

    On an invalid edit the problems are shown and the user may re-open the
    editor; declining raises NetprepError pointing at the kept recovery file.
    `retry_hint` is formatted with `path` for that message. `commit` saves the
    valid value: the recovery file is deleted only once it returned, and when it
    fails the error names the file and `finish` (formatted with `path`).
    """
    from netprep.ui import prompts

    command = find_editor()
    path = recovery_path(name)
    atomic_write(path, initial)
    message(editor_note(command, what))
    try:
        while True:
            code = _run(command, path)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise NetprepError(f"Cannot read back the edited file {path}: {exc}.",
                                   f"The {what} was not changed.") from exc
            body = strip_problems(text)
            if code != 0:
                unchanged = body == strip_problems(initial)
                if unchanged:
                    path.unlink(missing_ok=True)
                raise NetprepError(
                    f"The editor exited with status {code}; the {what} was not changed.",
                    None if unchanged else f"Your text is kept in {path}.",
                )
            if body == strip_problems(initial):
                path.unlink(missing_ok=True)
                return None
            try:
                value = validate(body, path.name)
            except NetprepError as exc:
                problems = getattr(exc, "problems", None) or [exc.message]
                atomic_write(path, _with_problems(body, problems))
                for problem in problems:
                    message(problem)
                message(f"Your text is kept in {path}.")
                if prompts.confirm("Re-open the editor to fix it?", default=True):
                    continue
                raise NetprepError(
                    f"The edit was not saved: it is not a valid {what}.",
                    retry_hint.format(path=path),
                ) from None
            if commit is not None:
                with kept_on_failure(partial(str, body), name, finish or retry_hint, path):
                    commit(value)
            path.unlink(missing_ok=True)
            return value
    except KeyboardInterrupt:
        if path.exists():
            message(f"Your text is kept in {path}.")
        raise
