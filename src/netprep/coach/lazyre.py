"""`re` for the coach's modules, with patterns compiled on first use.

Every engine module imports this as `re` (`from netprep.coach import lazyre as re`), so its
few hundred module-level `re.compile(...)` patterns cost nothing at import: each compiles
the first time a method of it is called, and later calls go straight to the compiled
pattern's bound methods. A command that analyses a story compiles only the patterns that
story reaches; one that never analyses (or reads cached analyses) compiles none. Everything
else (`re.I`, `re.sub(str, ...)`, `re.Pattern`) is the standard module's.
"""

from __future__ import annotations

import re as _re
from re import (  # noqa: F401 - the rest of `re`, as the engine uses it
    IGNORECASE,
    I,
    M,
    Match,
    Pattern,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    search,
    split,
    sub,
)
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer",
            "scanner", "flags", "groups", "groupindex")


class LazyPattern:
    """A pattern's text and flags until a method is asked for; then the compiled pattern's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only reached before the first compile
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = _re.compile(self.pattern, self._flags)
        for method in _METHODS:  # found in the instance dict from now on
            self.__dict__[method] = getattr(compiled, method)
        return self.__dict__[name]

    @property
    def compiled(self) -> bool:
        return "search" in self.__dict__

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self._flags})"


def compile(pattern: str, flags: int = 0) -> Pattern[str]:
    """A pattern that compiles when first used (typed as the Pattern it stands in for)."""
    return cast("Pattern[str]", LazyPattern(pattern, int(flags)))

