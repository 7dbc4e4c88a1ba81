"""Stories saved with their analysis cached, and caches kept current.

The store keeps each story's words, speaking time and score beside its text so that
listing never re-analyses. This module computes those numbers with the coach and
refreshes rows written by another analyzer version. Only `coach.version` and
`store.story_rows` load at import: `star list --json` pays for the analyzer only when
some row is stale.
"""

from __future__ import annotations

from netprep.coach.version import ANALYZER_VERSION
from netprep.store.db import Store
from netprep.store.story_rows import has_stale

TYPE_CHECKING = False
if TYPE_CHECKING:
    from netprep.star.model import Story
    from netprep.store.stories import Cache, Summary


def cache_of(story: Story) -> Cache:
    """The numbers stored beside a story: words, speaking seconds, score, analyzer version."""
    from netprep.coach.analysis import analyze_story
    from netprep.store.stories import normalize_story

    normalize_story(story)
    analysis = analyze_story(story)
    return (analysis.words, analysis.speaking_seconds, analysis.score, ANALYZER_VERSION)


def add_story(store: Store, story: Story) -> int:
    """Save a new story (its id is ignored) and return the id it was given."""
    return add_stories(store, [story])[0]


def add_stories(store: Store, stories: list[Story], keep_created: bool = False) -> list[int]:
    """Save new stories in one transaction (all or none); set and return their ids."""
    from netprep.store.stories import add_stories as insert

    return insert(store, stories, [cache_of(s) for s in stories], keep_created)


def update_story(store: Store, story: Story) -> None:
    """Save every field of an existing story with a fresh analysis."""
    from netprep.store.stories import update_story as write

    write(store, story, cache_of(story))


def refresh_stale(store: Store) -> dict[int, Cache]:
    """Re-analyse the stories cached by another analyzer version (usually none).

    Returns id -> cache for the stories it re-analysed, also when the database is
    read-only and they could not be written back.
    """
    if not has_stale(store, ANALYZER_VERSION):
        return {}
    from netprep.store.stories import stale_stories, write_caches

    fresh = {int(s.id or 0): cache_of(s) for s in stale_stories(store, ANALYZER_VERSION)}
    write_caches(store, fresh)
    return fresh


def list_summaries(store: Store) -> list[Summary]:
    """Every story's id, title, tags and current cached analysis."""
    from netprep.store.stories import list_summaries as rows

    return rows(store, refresh_stale(store))


def list_summaries_json(store: Store) -> list[str]:
    """`star list --json` rows, built by SQLite, after refreshing any stale cache."""
    from netprep.store.story_rows import list_summaries_json as rows

    refresh_stale(store)
    return rows(store)
