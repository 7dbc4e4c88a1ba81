"""Every question netprep asks goes through here (the only module importing questionary).

`unsafe_ask()` is used throughout so Ctrl-C raises KeyboardInterrupt and reaches
the single exit point in `netprep.cli.main`, which saves what it can.
Tests drive these prompts with prompt_toolkit's pipe input.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
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
    """`unsafe_ask()`, with a SIGINT (kill -INT, a parent's Ctrl-C) stopping it like Ctrl-C,
    and Ctrl-D leaving it (EOFError).

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

    @bindings.add("c-d")  # README "Keys": Ctrl-D leaves, at a menu as at an empty line
    def _leave(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])
    return question.unsafe_ask()


def text(message: str, default: str = "", multiline: bool = False, instruction: str = "") -> str:
    import questionary

    result = _ask(questionary.text(
        message, default=default, multiline=multiline, instruction=instruction or None
    ))
    return str(result or "")


def password(message: str) -> str:
    """A secret typed without echo (a PDF's password); the caller never stores it."""
    import questionary

    return str(_ask(questionary.password(message)) or "")


# Our own instructions, wrapped by words like everything else (questionary's own line is
# one long string that the terminal cuts wherever the edge falls, "<i> to inver" / "t)").
SELECT_KEYS = "↑↓ or a number picks · Enter accepts"
CHECKBOX_KEYS = "↑↓ moves · Space ticks · a: all · i: invert · Enter accepts"
_POINTER = 3  # questionary's " » " before every choice
_NUMBER = 3  # "1) " when choices have number keys
_TICK = 2  # "○ " before every checklist choice


def _columns() -> int:
    """The width prompts are laid out for: the terminal's (a test's DummyOutput says 80)."""
    from prompt_toolkit.application.current import get_app_session

    try:
        return max(20, get_app_session().output.get_size().columns - 1)
    except Exception:  # noqa: BLE001 - no size known: the usual terminal
        return 79


def _wrap(text: str, width: int, indent: int) -> str:
    """`text` wrapped by words to `width`, lines after the first indented by `indent`."""
    import textwrap

    from netprep.text import clean

    lines = textwrap.wrap(" ".join(clean(text).split()), max(10, width - indent),
                          break_on_hyphens=False) or [""]
    return ("\n" + " " * indent).join(lines)


def _key_lines(keys: str, width: int, indent: int = 2) -> str:
    """`keys` ("a · b · c") wrapped between whole keys, never inside one ("Enter accepts")."""
    lines: list[str] = []
    for key in keys.split(" · "):
        if lines and len(lines[-1]) + 3 + len(key) <= width - indent:
            lines[-1] += " · " + key
        else:
            lines.append(key)
    return ("\n" + " " * indent).join(lines)


def _heading(message: str, keys: str, width: int) -> tuple[str, str]:
    """The question and our key line beneath it, both indented under the "? "."""
    return _wrap(message, width - 1, 2), "\n  " + _key_lines(keys, width)


def _titled(choices: Sequence[tuple[str, Any]], lead: int, width: int) -> list[Any]:
    """Choices whose titles wrap by words, continuation lines under the first word."""
    import questionary

    return [questionary.Choice(title=_wrap(title, width, lead), value=value)
            for title, value in choices]


def _echo(message: str, answer: str) -> None:
    """What was asked and chosen, left on screen once the menu is erased (wrapped by words)."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText
    from questionary.constants import DEFAULT_STYLE

    width = _columns()
    asked = _wrap(message, width - 1, 2)
    last = len(("? " + asked).rsplit("\n", 1)[-1])
    if last + 1 + len(answer) <= width:
        shown = " " + answer
    else:
        shown = "\n  " + _wrap(answer, width, 2)
    print_formatted_text(FormattedText([("class:qmark", "?"), ("class:question", " " + asked),
                                        ("class:answer", shown)]), style=DEFAULT_STYLE)


def select(message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
    """Pick one of (title, value) pairs with arrow keys or number keys.

    The question, the keys and every choice wrap by words to the terminal (a long choice
    continues under its first word), so nothing the student must read is cut off.
    """
    import questionary

    width = _columns()
    shortcuts = len(choices) <= 36
    options = _titled(choices, _POINTER + (_NUMBER if shortcuts else 0), width)
    chosen_default = next((c for c in options if c.value == default), None)
    heading, keys = _heading(message, SELECT_KEYS, width)
    value = _ask(questionary.select(
        heading, choices=options, default=chosen_default, use_shortcuts=shortcuts,
        instruction=keys, erase_when_done=True,
    ))
    title = next((t for t, v in choices if v == value), "")
    _echo(message, " ".join(str(title).split()))
    return value


def confirm(message: str, default: bool = True) -> bool:
    """Yes or no. The question wraps by words, each line short enough that its " (Y/n)"
    and the answer stay on the last line (at 60 columns "(Y/n" / ")" was split)."""
    import questionary

    asked = _wrap(message, _columns() - len(" (Y/n) Yes") - 1, 2)
    return bool(_ask(questionary.confirm(asked, default=default)))


def checkbox(message: str, choices: Sequence[tuple[str, Any]], checked: Sequence[Any] = ()) -> list:
    """Tick any of (title, value) pairs; laid out as `select` is, with our own key line."""
    import questionary

    width = _columns()
    options = _titled(choices, _POINTER + _TICK, width)
    for option in options:
        option.checked = option.value in checked
    heading, keys = _heading(message, CHECKBOX_KEYS, width)
    ticked = list(_ask(questionary.checkbox(
        heading, choices=options, instruction=keys, erase_when_done=True,
    )) or [])
    titles = [" ".join(str(t).split()) for t, v in choices if v in ticked]
    _echo(message, titles[0] if len(titles) == 1 else
          f"{len(titles)} of {len(choices)} ticked" if titles else "none ticked")
    return ticked


# The one multi-line convention (README "Keys"): every prompt that takes free text.
MULTILINE_KEYS = ("Enter: submit · Alt+Enter or Esc Enter: new line · "
                  "Ctrl-X Ctrl-E: $EDITOR · Ctrl-C: stop, text kept")
WORDS_SHOWN_FROM = 1  # the bar counts words as soon as there are any (a paste is never hidden)


class InterruptedWithText(KeyboardInterrupt):
    """Ctrl-C (or SIGINT) at a free-text prompt; `text` is what was on screen, to keep."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text


class EndOfInputWithText(EOFError):
    """Ctrl-D at a free-text prompt (empty line); `text` is what it held (usually "")."""

    def __init__(self, text: str = ""):
        super().__init__()
        self.text = text


def _word_count(text: str) -> int:
    return len(text.split())


def keys_bar(text: str, keys: str = MULTILINE_KEYS, room: int = 10_000) -> list[tuple[str, str]]:
    """The bar's word count (once anything is typed or pasted) and as many whole keys as fit.

    `room` is the columns left after the caller's own part of the bar; a key that does not
    fit is left out whole, never cut mid-word (a 60-column pane shows the first few).
    """
    parts: list[tuple[str, str]] = []
    words = _word_count(text)
    if words >= WORDS_SHOWN_FROM:
        lines = text.count("\n") + 1
        size = f"{words:,} word{'s' if words != 1 else ''}"
        if lines > 1:
            size += f", {lines:,} lines"
        parts.append(("class:toolbar.size", f" {size} "))
        room -= len(size) + 2
    shown = ""
    for item in keys.split(" · "):
        candidate = f"{shown} · {item}" if shown else f" {item}"
        if len(candidate) > room - 1:
            break
        shown = candidate
    if shown:
        parts.append(("class:toolbar.keys", shown))
    return parts


def multiline(message: str, default: str = "", toolbar: Any = None, refresh: float = 0.0,
              style: dict[str, str] | None = None, keys: str = MULTILINE_KEYS) -> str:
    """Free text, the same keys everywhere: Enter submits, Alt+Enter (Esc Enter) adds a line.

    A paste keeps its line breaks and never submits. Ctrl-X Ctrl-E writes the text in
    $EDITOR. The bottom bar shows `toolbar()` (a list of (style, text), such as the
    mock's countdown, redrawn every `refresh` seconds) followed by the keys and the
    word count. Ctrl-C raises `InterruptedWithText` and Ctrl-D on an empty line
    `EndOfInputWithText`, both carrying the text on screen so the caller can keep it.
    """
    from prompt_toolkit import PromptSession
    from prompt_toolkit.application.current import get_app
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.styles import Style

    bindings = KeyBindings()

    @bindings.add("escape", "enter")
    def _newline(event: Any) -> None:
        event.current_buffer.insert_text("\n")

    @bindings.add("c-c")
    @bindings.add(Keys.SIGINT)
    def _stop(event: Any) -> None:
        event.app.exit(exception=InterruptedWithText(event.current_buffer.text))

    @bindings.add("c-d")
    def _end(event: Any) -> None:
        buffer = event.current_buffer
        if buffer.text:
            buffer.delete()  # as in a shell: Ctrl-D deletes forward inside text
        else:
            event.app.exit(exception=EndOfInputWithText(""))

    def bottom() -> Any:
        head = list(toolbar()) if toolbar is not None else []
        try:
            app = get_app()
            typed, width = app.current_buffer.text, app.output.get_size().columns
        except Exception:  # noqa: BLE001 - no app while the prompt is being built
            typed, width = "", 80
        used = sum(len(fragment[1]) for fragment in head)
        return head + keys_bar(typed, keys, width - used)

    first = len(message.rsplit("\n", 1)[-1])
    styles = {"bottom-toolbar": "noreverse", "toolbar.keys": "#8a8a8a",
              "toolbar.size": "bold", **(style or {})}
    # A fresh session per prompt: earlier answers are never recalled with the up arrow.
    session: PromptSession[str] = PromptSession(
        history=InMemoryHistory(), key_bindings=bindings, style=Style.from_dict(styles),
        prompt_continuation="  ", bottom_toolbar=bottom, refresh_interval=refresh,
        enable_open_in_editor=True, input_processors=[_word_wrap(first, 2)],
    )
    return str(session.prompt(message, default=default))


def _word_wrap(first: int, rest: int) -> Any:
    """A display-only processor that wraps typed lines between words, never inside one.

    prompt_toolkit wraps at the window's edge wherever it falls ("a counter o" / "f the");
    this pads the row before a word that would cross the edge, so the word starts the next
    row. `first` is the prompt's width on the first row, `rest` the continuation's. The
    text itself is untouched: only what is shown, and the cursor's mapping to it.
    """
    import bisect

    from prompt_toolkit.layout.processors import Processor, Transformation
    from prompt_toolkit.layout.utils import explode_text_fragments
    from prompt_toolkit.utils import get_cwidth

    class WordWrap(Processor):
        def apply_transformation(self, ti: Any) -> Any:
            chars = explode_text_fragments(ti.fragments)
            full = ti.width - rest
            room = ti.width - (first if ti.lineno == 0 else rest)
            out: list[Any] = []
            pads: list[tuple[int, int]] = []  # (index of the word's first char, spaces added)
            col, i = 0, 0
            while i < len(chars):
                end = i
                while end < len(chars) and chars[end][1] not in (" ", ""):
                    end += 1
                end = max(end, i + 1)  # a space (or a zero-width mark) is a word of its own
                size = sum(get_cwidth(c[1]) for c in chars[i:end])
                spaced = size + (end < len(chars) and chars[end][1] == " ")  # its space too
                if chars[i][1] != " " and 0 < col and col + spaced > room and size < full:
                    pads.append((i, room - col))
                    out.append(("", " " * (room - col)))
                    col, room = 0, full
                for char in chars[i:end]:
                    width = get_cwidth(char[1])
                    if col + width > room:  # a word wider than a row, or a space at the edge
                        col, room = 0, full
                    out.append(char)
                    col += width
                i = end
            if not pads:
                return Transformation(ti.fragments)
            starts = [start for start, _ in pads]
            totals = [sum(n for _, n in pads[: k + 1]) for k in range(len(pads))]

            def to_display(pos: int) -> int:
                k = bisect.bisect_right(starts, pos)
                return pos + (totals[k - 1] if k else 0)

            def to_source(pos: int) -> int:
                for start, total in zip(reversed(starts), reversed(totals), strict=True):
                    if pos >= start + total:
                        return pos - total
                    if pos >= start + total - dict(pads)[start]:
                        return start  # inside the padding: the word's first character
                return pos

            return Transformation(out, to_display, to_source)

    return WordWrap()


def command_line(message: str, toolbar: Any = None, refresh: float = 0.5) -> str:
    """One line of input (Enter alone gives ""), with an optional bottom toolbar.

    `toolbar` is a callable returning the toolbar text, redrawn every `refresh`
    seconds (the coding drill's live countdown).
    """
    import questionary

    extra: dict[str, Any] = {}
    if toolbar is not None:
        extra = {"bottom_toolbar": partial(_toolbar_lines, toolbar),
                 "refresh_interval": refresh}
    return str(_ask(questionary.text(message, **extra)) or "")


def _toolbar_lines(toolbar: Callable[[], str]) -> str:
    """The toolbar's text, wrapped by words onto more lines when the window is narrower
    than it (one line was cut at the edge: "1:59:19 l" at 60 columns)."""
    text = toolbar()
    width = _columns()
    if len(text) <= width:
        return text
    return "\n".join(f" {line} " for line in _wrap(text.strip(), width - 2, 0).split("\n"))


def wait_for_enter(message: str, loading: Sequence[str | Callable[[], object]] = ()) -> None:
    """Show `message` on stderr and wait for Enter, reading stdin in the terminal's line mode.

    Needs no prompt_toolkit, so it is on screen at once. Meanwhile the modules in
    `loading` are imported (and callables in it called: the voice model's loader,
    which keeps its own error for the caller) in a background thread: the line read
    releases the interpreter lock, so the time spent reading costs nothing. The thread is always
    joined before this returns or raises, so no other import ever runs beside it
    (two threads importing overlapping packages could meet a partly initialised
    module). Ctrl-C raises KeyboardInterrupt; end of input (Ctrl-D) raises EOFError.
    """
    with _waiting(message, loading):
        line = sys.stdin.readline()
    _end_of_input(line)


def wait_for_enter_or(message: str, heard: Callable[[], bool],
                      loading: Sequence[str | Callable[[], object]] = ()) -> bool:
    """`wait_for_enter`, but also done once `heard()` is true ("ready" said aloud):
    True then, False on Enter. Stdin is polled every 50 ms; where it cannot be polled
    (Windows, a test's stream) only Enter ends the wait. End of input raises EOFError.
    """
    import select

    line: str | None = None
    with _waiting(message, loading):
        while line is None:
            if heard():
                sys.stderr.write("\n")
                return True
            try:
                ready = select.select([sys.stdin], [], [], 0.05)[0]
            except (OSError, ValueError):
                ready = [sys.stdin]  # cannot be polled: wait for the line itself
            if ready:
                line = sys.stdin.readline()
    _end_of_input(line)
    return False


@contextmanager
def _waiting(message: str, loading: Sequence[str | Callable[[], object]]) -> Iterator[None]:
    """The message on stderr (fitted to the terminal), and `loading` imported in the
    background while the caller waits; the thread is joined on every path, also when
    Ctrl-C lands while it is being started: leaving it importing while the exit path
    imports too could deadlock on a lock."""
    from netprep.text import fit, terminal_width

    width = terminal_width(sys.stderr)
    shown = fit(message.rstrip(), width - 1 if width else None)
    sys.stderr.write(shown + (" " if message.endswith(" ") else ""))
    sys.stderr.flush()
    started: list[Thread] = []
    try:
        if loading:
            _import_in_background(loading, started)
        yield
    finally:
        for thread in started:
            if thread.ident is not None:
                thread.join()


def _end_of_input(line: str | None) -> None:
    """Ctrl-D (an empty read) ends the wait with EOFError, on its own line."""
    if not line:
        sys.stderr.write("\n")
        raise EOFError


def read_line(message: str) -> str | None:
    """One line typed in the terminal's line mode (no prompt_toolkit); None at end of input.

    For short free-text questions after a round, where a full prompt would wait on input
    that a script or a test never sends. Ctrl-C raises KeyboardInterrupt.
    """
    sys.stderr.write(message)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        sys.stderr.write("\n")
        return None
    return line.rstrip("\r\n")


def wait_while(busy: Callable[[], bool], message: str) -> None:
    """Show `message` on stderr until `busy()` turns false or Enter is pressed.

    Reads stdin in the terminal's line mode (no prompt_toolkit), polling every 50 ms;
    where stdin cannot be polled (Windows) it just waits. Ctrl-C raises KeyboardInterrupt.
    """
    import select
    import time

    sys.stderr.write(message)
    sys.stderr.flush()
    pressed = False
    while busy():
        try:
            ready = select.select([sys.stdin], [], [], 0.05)[0]
        except (OSError, ValueError):
            time.sleep(0.05)
            continue
        if ready:
            sys.stdin.readline()
            pressed = True
            break
    if not pressed:
        sys.stderr.write("\n")
        sys.stderr.flush()


def _import_in_background(modules: Sequence[str | Callable[[], object]],
                          started: list[Thread]) -> None:
    """Start the importing thread; it is put in `started` before it starts."""
    import importlib
    import signal
    import threading

    def load() -> None:
        for name in modules:
            if callable(name):
                try:
                    name()
                except Exception:  # noqa: BLE001, S112 - the callable keeps its error
                    pass
                continue
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
    started.append(thread)
    try:
        thread.start()
    finally:
        if mask and blocked is not None:
            mask(signal.SIG_SETMASK, blocked)
