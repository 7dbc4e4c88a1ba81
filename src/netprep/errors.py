"""One exception base for every failure a user can cause or fix.

Nothing below the command layer prints or exits: it raises one of these, and
`netprep.cli.main` turns it into one message on stderr and an exit code.
"""

from __future__ import annotations

# Documented exit codes (README, "Exit codes").
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class NetprepError(Exception):
    """A failure with a message for the user, a hint on what to do, and an exit code."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, hint: str | None = None, exit_code: int | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} {self.hint}"


class UsageError(NetprepError):
    """The command line itself is wrong (bad option value, unknown id format)."""

    exit_code = EXIT_USAGE


class DataDirError(NetprepError):
    """The data directory cannot be created, read or written."""


class StoreError(NetprepError):
    """The database is not usable: not a netprep database, too new, or locked."""


class ContentError(NetprepError):
    """A content pack is invalid. `problems` holds every `file:line: field: message`."""

    def __init__(self, problems: list[str], hint: str | None = None):
        count = len(problems)
        first = problems[0] if problems else "content is invalid"
        more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
        super().__init__(
            first + more,
            hint or "Fix the file, then run `netprep content validate` to check it.",
        )
        self.problems = problems


class NotFoundError(NetprepError):
    """A story, theme, session or exercise id that does not exist."""


class NoTerminalError(NetprepError):
    """An interactive command was run without a terminal on stdin."""
