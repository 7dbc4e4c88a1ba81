"""Storage: the one SQLite database, its migrations and typed queries per area."""

from netprep.store.db import Store, now_iso, open_store

__all__ = ["Store", "now_iso", "open_store"]
