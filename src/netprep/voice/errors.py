"""Voice failures: one sentence with the cause and what to do (exit 1 at `cli.main`)."""

from __future__ import annotations

from netprep.errors import NetprepError

EXTRA_HINT = "Install it with `pip install 'netprep[voice]'`."


class VoiceError(NetprepError):
    """The microphone, an audio file or the speech model cannot be used."""


def missing_extra(module: str, what: str = "Spoken answers") -> VoiceError:
    return VoiceError(f"{what} need the voice extra ({module} is not installed).", EXTRA_HINT)


def require(module: str) -> None:
    """Raise the one-sentence 'install the extra' error when `module` cannot be imported."""
    import importlib.util

    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise missing_extra(module)
