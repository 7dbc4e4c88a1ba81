"""Where netprep keeps user data and finds content.

`NETPREP_HOME` overrides the data directory (as llm's LLM_USER_PATH or pipx's
PIPX_HOME do); otherwise it is the platform's user data dir. The directory is
private to the user (0700) and every file netprep writes there is 0600.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from netprep.errors import DataDirError

DB_NAME = "netprep.db"
DIR_MODE = 0o700
FILE_MODE = 0o600


# Messages for the user that the command layer prints once on stderr (nothing here prints).
NOTICES: list[str] = []


def data_dir(create: bool = True) -> Path:
    """The data directory, created private to the user when `create` is true."""
    home = os.environ.get("NETPREP_HOME")
    if home:
        path = Path(home).expanduser()
        if not path.is_absolute():  # each working directory would get its own database
            raise DataDirError(
                f"NETPREP_HOME is a relative path ({home}), so every folder you run "
                "netprep from would get its own empty database.",
                f"Set it to an absolute path, such as NETPREP_HOME={Path.cwd() / path}.",
            )
    else:
        import platformdirs

        path = platformdirs.user_data_path("netprep")
    if create:
        ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (0700) if needed and check it is writable.

    A folder netprep creates, or an existing one of the user's own, is made private
    (0700). A shared folder (another owner, sticky, setgid or writable by others, such
    as /tmp at 1777) keeps its mode, with a notice; netprep's own files in it are 0600.
    """
    try:
        existed = path.is_dir()
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        if not path.is_dir():
            raise NotADirectoryError(path)
        info = path.stat()
        mode = stat.S_IMODE(info.st_mode)
        if os.name == "posix" and mode & 0o077:
            if not existed or _own_private_folder(info):
                path.chmod(mode & ~0o077)
            else:
                _notice(
                    f"note: {path} is open to other users (mode {mode:04o}); netprep left "
                    "the folder as it is and keeps its own files private (0600). Set "
                    "NETPREP_HOME to a folder of your own to avoid this note."
                )
        if not os.access(path, os.X_OK):
            raise PermissionError(errno.EACCES, "permission denied", str(path))
        if not os.access(path, os.W_OK):  # reading still works; a write says why it cannot
            _notice(f"note: {path} is read-only: netprep can show your data but not save "
                    "anything there until it is writable again.")
    except (NotADirectoryError, FileExistsError) as exc:
        # The path itself, or one of the folders above it, is a file.
        blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), path)
        raise DataDirError(
            f"The data directory {path} is a file, not a directory."
            if blocker == path
            else f"Cannot create the data directory {path}: {blocker} is a file, not a directory.",
            "Move that file away, or set NETPREP_HOME to another folder.",
        ) from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DataDirError(
            f"Cannot use the data directory {path}: {reason}.",
            "Check its permissions, or set NETPREP_HOME to a folder you can write.",
        ) from exc
    return path


def _own_private_folder(info: os.stat_result) -> bool:
    """A folder of the user's own (as an older netprep left it), not one meant to be shared:
    owned by the user, neither sticky nor setgid, and not writable by others."""
    shared = stat.S_ISVTX | stat.S_ISGID | stat.S_IWOTH
    return info.st_uid == os.geteuid() and not info.st_mode & shared


def _notice(text: str) -> None:
    if text not in NOTICES:
        NOTICES.append(text)


def make_private(path: Path) -> None:
    """Tighten an existing file netprep owns to 0600."""
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(FILE_MODE)
    except OSError:
        pass


def db_path() -> Path:
    return data_dir() / DB_NAME


def workspace_dir() -> Path:
    return ensure_private_dir(data_dir() / "workspace")


def builtin_content_dir() -> Path:
    """The built-in pack: `netprep/_content` inside the installed package, or the repo's
    `content/` in a source checkout (editable install)."""
    # The wheel places content/ at netprep/_content (pyproject force-include). For a
    # package on the file system that is exactly what importlib.resources.files()
    # returns; it is resolved from __file__ here because importing importlib.resources
    # costs more than everything else netprep does before a quiz's first question.
    packaged = Path(__file__).resolve().parent / "_content"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "content"


def user_pack_dirs() -> list[Path]:
    """User packs: every folder in `$NETPREP_HOME/packs/`, then each `NETPREP_CONTENT` entry."""
    dirs: list[Path] = []
    packs = data_dir(create=False) / "packs"
    if packs.is_dir():
        dirs.extend(sorted(p for p in packs.iterdir() if p.is_dir() and not p.name.startswith(".")))
    extra = os.environ.get("NETPREP_CONTENT", "")
    dirs.extend(Path(p).expanduser() for p in extra.split(os.pathsep) if p.strip())
    return dirs


def pack_dirs() -> list[tuple[Path, str]]:
    """Every pack to load, in order, with its source: the built-in pack, then the user's."""
    return [(builtin_content_dir(), "builtin"), *((p, "user") for p in user_pack_dirs())]


def atomic_write(path: Path, data: str | bytes, private: bool = True) -> None:
    """Write a file the user keeps: temp file beside it, fsync, then rename over.

    A symlink is followed (the file it points to is replaced, the link kept). A
    target that exists and is not a plain file (a FIFO, a device such as /dev/stdout,
    a socket), or a file with other hard links, is opened and written in place:
    renaming over it would replace the device node or break the links.
    """
    import tempfile

    raw = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    try:
        info = path.stat()  # follows symlinks, /dev/stdout's too
    except OSError:
        info = None
    if info is not None and (not stat.S_ISREG(info.st_mode) or info.st_nlink > 1):
        _write_in_place(path, raw, regular=stat.S_ISREG(info.st_mode))
        return
    if path.is_symlink():
        path = path.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        if private and os.name == "posix":
            os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write_in_place(path: Path, raw: bytes, regular: bool) -> None:
    flags = os.O_WRONLY | (os.O_TRUNC if regular else 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "wb") as fh:
        fh.write(raw)
        fh.flush()
        if regular:
            os.fsync(fh.fileno())
