"""What `netprep info` reports."""

from __future__ import annotations

from typing import Any

from netprep import __version__
from netprep.paths import builtin_content_dir, data_dir, user_pack_dirs
from netprep.store import open_store


def gather() -> dict[str, Any]:
    home = data_dir()
    with open_store() as store:
        return {
            "version": __version__,
            "data_dir": str(home),
            "database": str(store.path),
            "schema_version": store.schema_version,
            "content": {
                "builtin": str(builtin_content_dir()),
                "user_packs": [str(p) for p in user_pack_dirs()],
                "user_packs_dir": str(home / "packs"),
            },
            "counts": store.counts(),
        }
