"""Every question netprep asks goes through here (the only module importing questionary).

`unsafe_ask()` is used throughout so Ctrl-C raises KeyboardInterrupt and reaches
the single exit point in `netprep.cli.main`, which saves what it can.
Tests drive these prompts with prompt_toolkit's pipe input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from netprep.errors import NoTerminalError

if TYPE_CHECKING:
    from threading import Thread


def is_interactive() -> bool:
    """True when a person can answer: stdin is a terminal (or a test's pipe input)."""
    try:
        return sys.stdin.isatty() or _pipe_input_active()
    except (AttributeError, ValueError):
        return False


def _pipe_input_active() -> bool:
    # A test that drives prompts through create_pipe_input sets the app session's input.
    if "prompt_toolkit" not in sys.modules:
        return False
    from prompt_toolkit.application.current import get_app_session
    from prompt_toolkit.input.base import PipeInput

    return isinstance(get_app_session().input, PipeInput)


def require_terminal(what: str, alternative: str) -> None:
    if not is_interactive():
        raise NoTerminalError(
            f"{what} asks questions, but stdin is not a terminal.",
            alternative,
        )


def _ask(question: Any) -> Any:
    """`unsafe_ask()`, with a SIGINT (kill -INT, a parent's Ctrl-C) stopping it like Ctrl-C.

    prompt_toolkit turns SIGINT into a `<sigint>` key press while a prompt runs;
    questionary's select, confirm and checkbox bind Ctrl-C but not that key, so
    without this the signal would be swallowed and the prompt would keep waiting.
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    bindings = KeyBindings()

    @bindings.add(Keys.SIGINT)
    def _(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])
    return question.unsafe_ask()


def text(message: str, default: str = "", multiline: bool = False, instruction: str = "") -> str:
    import questionary

    result = _ask(questionary.text(
        message, default=default, multiline=multiline, instruction=instruction or None
    ))
    return str(result or "")


def select(message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
    """Pick one of (title, value) pairs with arrow keys or number keys."""
    import questionary

    options = [questionary.Choice(title=title, value=value) for title, value in choices]
    chosen_default = next((c for c in options if c.value == default), None)
    return _ask(questionary.select(
        message, choices=options, default=chosen_default, use_shortcuts=len(options) <= 36
    ))


def confirm(message: str, default: bool = True) -> bool:
    import questionary

    return bool(_ask(questionary.confirm(message, default=default)))


def checkbox(message: str, choices: Sequence[tuple[str, Any]], checked: Sequence[Any] = ()) -> list:
    import questionary

    options = [
        questionary.Choice(title=title, value=value, checked=value in checked)
        for title, value in choices
    ]
    return list(_ask(questionary.checkbox(message, choices=options)) or [])


def text_block(message: str, default: str = "", instruction: str = "") -> str:
    """Multi-line text; Esc then Enter submits, Ctrl-X Ctrl-E writes it in $EDITOR."""
    import questionary

    result = _ask(questionary.text(
        message, default=default, multiline=True, instruction=instruction or None,
        enable_open_in_editor=True,
    ))
    return str(result or "")


def command_line(message: str, toolbar: Any = None, refresh: float = 0.5) -> str:
    """One line of input (Enter alone gives ""), with an optional bottom toolbar.

    `toolbar` is a callable returning the toolbar text, redrawn every `refresh`
    seconds (the coding drill's live countdown).
    """
    import questionary

    extra: dict[str, Any] = {}
    if toolbar is not None:
        extra = {"bottom_toolbar": toolbar, "refresh_interval": refresh}
    return str(_ask(questionary.text(message, **extra)) or "")


def wait_for_enter(message: str, loading: Sequence[str] = ()) -> None:
    """Show `message` on stderr and wait for Enter, reading stdin in the terminal's line mode.

    Needs no prompt_toolkit, so it is on screen at once. Meanwhile the modules in
    `loading` are imported in a background thread: the line read releases the
    interpreter lock, so the time spent reading costs nothing. The thread is always
    joined before this returns or raises, so no other import ever runs beside it
    (two threads importing overlapping packages could meet a partly initialised
    module). Ctrl-C raises KeyboardInterrupt; end of input (Ctrl-D) raises EOFError.
    """
    sys.stderr.write(message)
    sys.stderr.flush()
    loader = _import_in_background(loading) if loading else None
    try:
        line = sys.stdin.readline()
    finally:
        if loader is not None:
            loader.join()
    if not line:
        sys.stderr.write("\n")
        raise EOFError


def _import_in_background(modules: Sequence[str]) -> Thread:
    import importlib
    import signal
    import threading

    def load() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - reported when the caller imports it
                return

    thread = threading.Thread(target=load, name="netprep-preload", daemon=True)
    # Ctrl-C must interrupt the main thread's line read: the kernel may hand SIGINT to
    # any thread that does not block it, and only the main thread's read returns then.
    # A thread inherits its creator's signal mask, so start it with SIGINT blocked.
    mask = getattr(signal, "pthread_sigmask", None)  # POSIX only
    blocked = mask(signal.SIG_BLOCK, {signal.SIGINT}) if mask else None
    try:
        thread.start()
    finally:
        if mask and blocked is not None:
            mask(signal.SIG_SETMASK, blocked)
    return thread
