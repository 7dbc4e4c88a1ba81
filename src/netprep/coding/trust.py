"""A language from a user pack is code: it runs only after the user agreed to it.

The built-in pack's languages run as they are. A user pack may add a language
(never redefine one: the loader refuses that), and its command and harness run
only once the user confirmed them in a terminal; the agreement is kept in
`$NETPREP_HOME/trusted-languages.json`, keyed by pack and language id, with a
hash of everything that runs (command, suffix, harness), so a changed pack asks again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from netprep.content.models import Language, Library
from netprep.errors import NetprepError

TRUST_FILE = "trusted-languages.json"
ALLOW_OPTION = "--allow-pack-language"


class UntrustedLanguage(NetprepError):
    """A pack language the user has not agreed to run (in a script: the refusal)."""


def needs_consent(library: Library, language: Language) -> bool:
    """True for a language that does not come from the built-in pack."""
    source = next((p.source for p in library.packs if p.id == language.pack), "user")
    return source != "builtin"


def fingerprint(language: Language) -> str:
    """A hash of everything of the language that runs."""
    what_runs = [list(language.command), language.suffix, language.harness]
    if language.build:
        what_runs.append(list(language.build))
    return hashlib.sha256(json.dumps(what_runs).encode("utf-8")).hexdigest()


def command_line(language: Language) -> str:
    import shlex

    run = shlex.join(language.command)
    return f"{shlex.join(language.build)} && {run}" if language.build else run


def _file() -> Path:
    from netprep.paths import data_dir

    return data_dir() / TRUST_FILE


def _key(language: Language) -> str:
    return f"{language.pack}/{language.id}"


def _read() -> dict[str, str]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def is_trusted(language: Language) -> bool:
    return _read().get(_key(language)) == fingerprint(language)


def remember(language: Language) -> None:
    from netprep.paths import atomic_write

    trusted = _read()
    trusted[_key(language)] = fingerprint(language)
    atomic_write(_file(), json.dumps(trusted, indent=2, sort_keys=True) + "\n")


def refusal(language: Language) -> UntrustedLanguage:
    return UntrustedLanguage(
        f"The language '{language.id}' comes from the pack '{language.pack}' and runs "
        f"`{command_line(language)}` with its own harness: netprep runs a pack's code "
        "only after you agreed to it.",
        f"Run the command once in a terminal to review and confirm it, or pass "
        f"{ALLOW_OPTION} if you trust this pack.",
    )
