"""Content packs: strict YAML loading and validation into typed models."""

from netprep.content.loader import collect, counts, load_library, validate_paths
from netprep.content.models import Library

__all__ = ["Library", "collect", "counts", "load_library", "validate_paths"]
