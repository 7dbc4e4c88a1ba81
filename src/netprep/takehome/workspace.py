"""The attempt's folder: `$NETPREP_HOME/workspace/takehome/ID/`, never overwritten."""

from __future__ import annotations

import os
from pathlib import Path

from netprep.content.models import Brief
from netprep.errors import NetprepError
from netprep.paths import ensure_private_dir, workspace_dir


def root() -> Path:
    return ensure_private_dir(workspace_dir() / "takehome")


def folder_for(brief_id: str) -> Path:
    return root() / brief_id


def write_files(folder: Path, files: dict[str, str]) -> list[str]:
    """Write ``files`` into ``folder``, skipping any file that exists; return those written."""
    written = []
    for name, text in sorted(files.items()):
        path = folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise NetprepError(
                f"Cannot write {path}: {exc.strerror or exc}.",
                "Check the workspace folder's permissions, or set NETPREP_HOME.",
            ) from exc
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        written.append(name)
    return written


def write_scaffold(brief: Brief, folder: Path | None = None) -> tuple[Path, bool]:
    """The scaffold in its folder; an existing folder is kept as it is.

    Returns the folder and whether the scaffold was written now.
    """
    folder = folder or folder_for(brief.id)
    if folder.exists():
        return folder, False
    folder.mkdir(parents=True, mode=0o700)
    write_files(folder, brief.scaffold)
    return folder, True


def freeze(folder: Path, attempt_id: int) -> Path:
    """Move a submitted attempt aside (`ID.attempt-N`) so a new start gets a fresh scaffold."""
    target = folder.with_name(f"{folder.name}.attempt-{attempt_id}")
    try:
        os.replace(folder, target)
    except OSError as exc:
        raise NetprepError(
            f"Cannot freeze {folder}: {exc.strerror or exc}.",
            "Close programs using the folder and submit again; nothing was changed.",
        ) from exc
    return target


def source_files(folder: Path) -> list[Path]:
    """The candidate's files (no caches, no hidden folders, no databases)."""
    skip = {"__pycache__", "node_modules", ".git", ".venv"}
    found = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if any(part in skip or part.startswith(".") for part in rel) or not path.is_file():
            continue
        found.append(path)
    return found
