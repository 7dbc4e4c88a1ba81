"""Voice failures: one sentence with the cause and what to do (exit 1 at `cli.main`)."""

from __future__ import annotations

from netprep.errors import NetprepError


def install_command() -> str:
    """How to add the voice extra to *this* install: a clone needs its own folder's path
    (`pip install 'netprep[voice]'` would look for netprep on a package index)."""
    import json
    from importlib import metadata
    from urllib.parse import unquote, urlparse

    try:
        raw = metadata.distribution("netprep").read_text("direct_url.json") or "{}"
        found = json.loads(raw)
        url, editable = found.get("url", ""), (found.get("dir_info") or {}).get("editable")
    except (metadata.PackageNotFoundError, ValueError, OSError, AttributeError):
        url, editable = "", False
    if url.startswith("file://"):
        folder = unquote(urlparse(url).path)
        return f"pip install {'-e ' if editable else ''}'{folder}[voice]'"
    return "pip install 'netprep[voice]'"


def extra_hint() -> str:
    return f"Install it with `{install_command()}`."


class VoiceError(NetprepError):
    """The microphone, an audio file or the speech model cannot be used."""


def missing_extra(module: str, what: str = "Spoken answers") -> VoiceError:
    return VoiceError(f"{what} need the voice extra ({module} is not installed).",
                      extra_hint())


def require(module: str, package: str | None = None, what: str = "Spoken answers") -> None:
    """Raise the one-sentence 'install the extra' error when `module` cannot be imported
    (naming `package`, the distribution that provides it, when it differs)."""
    import importlib.util

    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise missing_extra(package or module, what)
