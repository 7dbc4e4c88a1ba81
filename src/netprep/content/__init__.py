"""Content packs: strict YAML loading and validation into typed models.

`load_library()` and `collect()` read through a cache (see `content.cache`), so
the YAML parser is imported and run only when a pack changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netprep.content.models import Library

if TYPE_CHECKING:
    from netprep.content.loader import counts, validate_paths

__all__ = ["Library", "collect", "counts", "load_library", "validate_paths"]


def collect(pack_dirs: Iterable[tuple[Path, str]] | None = None) -> tuple[Library, list[str]]:
    """Load packs (the built-in and the user's by default); return the library and problems."""
    if pack_dirs is not None:
        from netprep.content import loader

        return loader.collect(pack_dirs)
    from netprep.content import cache
    from netprep.paths import data_dir
    from netprep.paths import pack_dirs as default_dirs

    dirs = default_dirs()
    key = cache.fingerprint(dirs)
    where = data_dir(create=False) / "cache" / cache.CACHE_NAME
    library = cache.read(where, key)
    if library is not None:
        return library, []
    from netprep.content import loader

    library, problems = loader.collect(dirs)
    if not problems:
        cache.write(where, key, library)
    return library, problems


def load_library(pack_dirs: Iterable[tuple[Path, str]] | None = None) -> Library:
    """Load the built-in pack and the user's packs; raise ContentError listing every problem."""
    from netprep.errors import ContentError

    library, problems = collect(pack_dirs)
    if problems:
        raise ContentError(problems)
    return library


def __getattr__(name: str) -> Any:
    if name in ("counts", "validate_paths", "default_pack_dirs"):
        from netprep.content import loader

        return getattr(loader, name)
    raise AttributeError(name)
