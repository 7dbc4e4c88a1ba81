"""The text of a PDF resume, read by pypdf in a child process under netprep's own limits.

The bounds do not depend on the pypdf release installed (the range allows 4.x, whose
own limits are far looser than 7.x's): the child runs with an address-space limit
(MEMORY), a CPU-time limit and a wall-clock timeout (SECONDS), no files written, and
it reads at most MAX_PAGES pages, MAX_INFLATED bytes of decompressed streams (every
zlib call pypdf makes is counted) and MAX_TEXT characters of text. Whatever a file
does, the parent gets an answer within SECONDS and turns it into one sentence.

The parent sends a JSON header line (the limits and a password, if the user typed
one: never on the command line or in the environment, never stored) and the PDF's
bytes on the child's stdin; the child answers with one JSON object on stdout.
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass, field

from netprep.errors import NetprepError

MAX_PAGES = 50  # an academic CV runs to a dozen or two; a resume to one or two
MAX_INFLATED = 16 * 2**20  # decompressed streams: a long resume holds under 1 MB
MAX_TEXT = 2**20  # characters of text: a resume is a few thousand
MEMORY = 224 * 2**20  # the child's address space (its resident size stays below)
SECONDS = 4.0  # wall clock (and CPU time) for the child, start-up included
LAID_OUT_PAGES = 4  # a resume's pages are also read laid out, to see its columns
LAID_OUT_BY = 1.5  # seconds into the child after which pages are no longer laid out
LAID_OUT_TEXT = 20_000  # characters of a page read laid out (a resume page has ~3,000)
WIDE = 3  # spaces between two words in the laid-out text that make them columns apart
HINT = "Export the resume again as a PDF, or save it as .txt and import that."


class PasswordNeeded(NetprepError):
    """The PDF opens only with a user password (or the one given did not open it)."""

    def __init__(self, file: str, wrong: bool):
        if wrong:
            super().__init__(f"The password does not open {file}; nothing was imported.",
                             "Check the password, or save an unprotected copy of the PDF.")
        else:
            super().__init__(f"{file} is a password-protected PDF, and stdin is not a "
                             "terminal to ask for the password; nothing was imported.",
                             "Run the import in a terminal to type the password (it is "
                             "never stored), or save an unprotected copy.")
        self.file = file
        self.wrong = wrong


@dataclass
class PdfText:
    text: str
    notes: list[str] = field(default_factory=list)


def pdf_text(raw: bytes, file: str, password: str | None = None) -> PdfText:
    """The text of the PDF's pages, or a NetprepError in one sentence (never a traceback)."""
    import subprocess

    header = json.dumps({"password": password, "pages": MAX_PAGES, "inflated": MAX_INFLATED,
                         "text": MAX_TEXT}).encode() + b"\n"
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", _BOOT, _package_root()],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            preexec_fn=_limits, close_fds=True)
    except OSError as exc:
        raise NetprepError(f"Cannot start the PDF reader: {exc.strerror or exc}.",
                           "Save the resume as .txt and import that.") from exc
    try:
        out, err = child.communicate(header + raw, timeout=SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise _too_slow(file) from None
    try:
        answer = json.loads(out.decode("utf-8"))
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise _crashed(file, child.returncode, err)
    return _result(answer, file)


def _result(answer: dict, file: str) -> PdfText:
    why = answer.get("why")
    if why is None:
        text = str(answer.get("text", ""))
        if not text.strip():
            raise NetprepError(f"{file} has no text netprep can read (a scanned image?).", HINT)
        notes = []
        if answer.get("cut"):
            notes.append(f"Only the first {MAX_TEXT // 2**20} MB of text in {file} was read: "
                         "a resume is a few pages.")
        return PdfText(text, notes)
    if why == "password":
        raise PasswordNeeded(file, wrong=bool(answer.get("tried")))
    if why == "pages":
        raise NetprepError(f"{file} has {answer.get('count', 'too many')} pages; a resume has a "
                           f"few, and netprep reads PDFs of up to {MAX_PAGES} pages. Nothing "
                           "was imported.", "Import the pages of your resume alone.")
    if why == "inflated":
        raise NetprepError(f"{file} holds more than {MAX_INFLATED // 2**20} MB of compressed "
                           "page data, far more than any resume; nothing was imported.", HINT)
    if why == "memory":
        raise _too_big(file)
    if why == "dependency":
        raise NetprepError(f"{file} is encrypted in a way this install cannot read "
                           f"({answer.get('detail', '')}).",
                           "Reinstall netprep (`pip install --force-reinstall netprep`), or "
                           "save an unprotected copy.")
    raise NetprepError(f"Cannot read {file} as a PDF: it is damaged or not a PDF "
                       f"({answer.get('detail', 'unknown')}).", HINT)


def _too_slow(file: str) -> NetprepError:
    return NetprepError(f"{file} takes longer than {SECONDS:g} s to read, far longer than any "
                        "resume; nothing was imported.", HINT)


def _too_big(file: str) -> NetprepError:
    return NetprepError(f"{file} needs more than {MEMORY // 2**20} MB of memory to read, far "
                        "more than any resume; nothing was imported.", HINT)


def _crashed(file: str, code: int | None, err: bytes) -> NetprepError:
    import signal

    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        return _too_slow(file) if code == -signal.SIGXCPU else _too_big(file)
    if b"MemoryError" in err:
        return _too_big(file)
    return NetprepError(f"Cannot read {file} as a PDF: the reader stopped (exit {code}).", HINT)


def _package_root() -> str:
    import os

    import netprep

    return os.path.dirname(os.path.dirname(os.path.abspath(netprep.__file__)))


# The child's first lines: netprep from the same place as the parent, then `child()`.
_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from netprep.resume.pdf import child; child()"


def _limits() -> None:  # pragma: no cover - runs in the child between fork and exec
    import resource

    cpu = int(SECONDS) + 1
    for limit, value in ((resource.RLIMIT_AS, MEMORY), (resource.RLIMIT_CPU, cpu),
                         (resource.RLIMIT_FSIZE, 0), (resource.RLIMIT_CORE, 0)):
        try:
            resource.setrlimit(limit, (value, value))
        except (ValueError, OSError):
            pass


# --- the child -----------------------------------------------------------------------


class _Exceeded(BaseException):
    """Raised through pypdf (not an Exception, so none of its handlers can swallow it)."""

    def __init__(self, why: str, **facts: object):
        super().__init__(why)
        self.why = why
        self.facts = facts


class _Budget:
    def __init__(self, limit: int):
        self.left = limit
        self.spent = False

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            self.spent = True
        if self.spent:
            raise _Exceeded("inflated")


def _counting_zlib(budget: _Budget) -> object:
    """A stand-in for the zlib module whose decompression stops at the budget."""
    import types
    import zlib

    class Decompressor:
        def __init__(self, real: object):
            self._real = real

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            room = max(budget.left, 0) + 1
            out = self._real.decompress(data, min(max_length or room, room))  # type: ignore[attr-defined]
            budget.spend(len(out))
            return out

        def flush(self, *args: int) -> bytes:
            out = b""
            while self._real.unconsumed_tail:  # type: ignore[attr-defined]
                chunk = self._real.decompress(  # type: ignore[attr-defined]
                    self._real.unconsumed_tail, max(budget.left, 0) + 1)  # type: ignore[attr-defined]
                budget.spend(len(chunk))
                out += chunk
            out += self._real.flush(*args)  # type: ignore[attr-defined]
            budget.spend(len(out))
            return out

        def __getattr__(self, name: str) -> object:
            return getattr(self._real, name)

    class CountingZlib(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            return getattr(zlib, name)

        @staticmethod
        def decompressobj(*args: object, **kwargs: object) -> Decompressor:
            return Decompressor(zlib.decompressobj(*args, **kwargs))  # type: ignore[arg-type]

        @staticmethod
        def decompress(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
            inflater = Decompressor(zlib.decompressobj(wbits))
            out = inflater.decompress(bytes(data)) + inflater.flush()
            if not inflater.eof:
                raise zlib.error("Error -5 while decompressing data: incomplete or "
                                 "truncated stream")
            return out

    return CountingZlib("zlib")


def child() -> None:  # pragma: no cover - measured through the parent in the tests
    stdin = sys.stdin.buffer
    header = json.loads(stdin.readline())
    header["started"] = time.monotonic()
    raw = stdin.read()
    budget = _Budget(int(header["inflated"]))
    sys.modules["zlib"] = _counting_zlib(budget)  # type: ignore[assignment]  # before pypdf
    try:
        import pypdf  # noqa: F401 - first, so a failure to load it is told apart
    except MemoryError:
        answer: dict = {"why": "memory"}
    except ImportError as exc:  # a shared library that cannot be mapped under MEMORY
        memory = "map" in str(exc) or "memory" in str(exc).lower()
        answer = {"why": "memory" if memory else "damaged", "detail": "ImportError"}
    else:
        answer = _answer(raw, header)
    sys.modules.pop("zlib", None)
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()


def _answer(raw: bytes, header: dict) -> dict:  # pragma: no cover - in the child
    try:
        answer = _read(raw, header)
    except _Exceeded as exc:
        answer = {"why": exc.why, **exc.facts}
    except MemoryError:
        answer = {"why": "memory"}
    except RecursionError:
        answer = {"why": "damaged", "detail": "RecursionError"}
    except Exception as exc:  # noqa: BLE001 - any failure of the parser is a damaged file
        answer = {"why": "dependency" if type(exc).__name__ == "DependencyError" else "damaged",
                  "detail": type(exc).__name__}
    return answer


def _read(raw: bytes, header: dict) -> dict:
    import io
    import logging

    logging.disable(logging.CRITICAL)  # pypdf's warnings are not the user's
    import warnings

    warnings.simplefilter("ignore")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    password = header.get("password")
    if reader.is_encrypted and not reader.decrypt(""):
        if not password or not reader.decrypt(password):
            return {"why": "password", "tried": bool(password)}
    _check_page_tree(reader, int(header["pages"]))
    limit = int(header["text"])
    texts: list[str] = []
    size = 0
    few = len(reader.pages) <= LAID_OUT_PAGES
    for page in reader.pages:
        text = page.extract_text() or ""
        # laid out only while time is left: a slow machine gets the plain text in time
        if few and len(text) <= LAID_OUT_TEXT and \
                time.monotonic() - float(header.get("started", 0)) < LAID_OUT_BY:
            try:
                text = gapped(text, page.extract_text(extraction_mode="layout") or "")
            except Exception:  # noqa: BLE001 - the plain text stands
                pass
        texts.append(text)
        size += len(text)
        if size > limit:
            return {"text": "\n".join(texts)[:limit], "cut": True}
    return {"text": "\n".join(texts), "cut": False}


def gapped(text: str, layout: str) -> str:
    """The plain text with a wide gap ("   ") between two words that the laid-out text
    shows columns apart ("Peachline Freight" ... "Atlanta, GA", a date flush right):
    plain extraction joins them with one space, as it does words. Each plain line is found
    in the laid-out one by its letters; a line not found stays as it is.

    On a page with no bullet glyphs (a browser's list markers are not text), a line set
    in from the line above it is a bullet ("• "), or its wrapped rest when the line before
    it ran to the column's edge."""
    letters: list[str] = []
    before: list[int] = []  # spaces before each laid-out letter on its line, -1 first
    column: list[int] = []  # of each laid-out letter
    for line in layout.split("\n"):
        run = -1
        for x, char in enumerate(line):
            if char.isspace():
                run += run >= 0
            else:
                letters.append(char)
                before.append(run)
                column.append(x)
                run = 0
    seq = "".join(letters)
    lines: list[tuple[str, int]] = []  # (line, column of its first letter)
    hint = 0
    for line in text.split("\n"):
        bare = "".join(line.split())
        at = seq.find(bare, hint, hint + 4 * len(bare) + 4000) if bare else -1
        if at < 0 and bare:
            at = seq.find(bare, max(0, hint - 20000), hint + 20000)
        if at < 0:
            lines.append((line, -1))
            continue
        hint = at + len(bare)
        chars: list[str] = []
        k = -1  # index of the letter just written, in `bare`
        spaces = ""
        for char in line:
            if char.isspace():
                spaces += char
                continue
            k += 1
            if spaces == " " and k and before[at + k] >= WIDE:
                spaces = " " * WIDE
            chars.append(spaces + char)
            spaces = ""
        lines.append(("".join(chars) + spaces, column[at]))
    return "\n".join(_bulleted(lines))


_GLYPH = re.compile(r"^\s*[•▪◦●○·‣⁃■□◆◇❖➤➢►▸✓✔→*–-]\s")


# A line that ends so goes on below ("... in React and" / "TypeScript, reducing ...").
_DANGLING = re.compile(r"(?:[-,&/]|\b(?:and|or|of|in|on|at|to|for|with|by|from|the|a|an|"
                       r"including|into|via|than|as|that|which|per|using|across|over))\s*$")


def _bulleted(lines: list[tuple[str, int]]) -> list[str]:
    """The lines with each bullet whole, its wrapped lines joined to it; on a page with no
    bullet glyphs, a line set in from a header is a bullet ("• ")."""
    from netprep.resume.sections import heading_kind

    glyphs = any(_GLYPH.match(line) for line, _ in lines)
    out: list[str] = []
    bullet = -1  # column of the bullet's text that the lines above continue, or -1
    for i, (line, x) in enumerate(lines):
        prev_line, prev_x = lines[i - 1] if i else ("", -1)
        if glyphs:
            if _GLYPH.match(line):
                bullet = x
            elif bullet >= 0 and x >= bullet + 2 and line.strip() and \
                    " " * WIDE not in line.strip() and not heading_kind(line)[0]:
                # (a table's row, set in as well, has its columns apart)
                out[-1] = _joined(out[-1], line.strip())  # set in under its bullet
                continue
            else:
                bullet = -1
            out.append(line)
            continue
        # set in by 2 to 12 columns from the nearest line above that is set further out,
        # when that one is a header: not a section heading ("EXPERIENCE", "Projects")
        outer = next(((text, px) for text, px in reversed(lines[max(0, i - 12):i])
                      if 0 <= px < x), None)
        if outer is not None and not (x - 12 <= outer[1] <= x - 2 and
                                      not heading_kind(outer[0])[0]):
            outer = None
        if x < 0 or outer is None or not line.strip():
            if out and x >= 0 and prev_x > x and bullet >= 0:
                out.append("")  # a line set out again after bullets starts an entry
            bullet = -1
            out.append(line)
        elif bullet == x and prev_x == x and (_DANGLING.search(prev_line) or
                                              line.strip()[:1].islower()):
            out[-1] = _joined(out[-1], line.strip())  # the wrapped rest of the bullet
        else:
            bullet = x
            out.append("• " + line.strip())
    return out


def _joined(previous: str, rest: str) -> str:
    """A line and its wrapped rest: "pair-" + "coding" is one word, "ChaCha20-" + "Poly1305"
    keeps its hyphen."""
    previous = previous.rstrip()
    if re.search(r"[a-z]-$", previous) and rest[:1].islower():
        return previous[:-1] + rest
    if previous.endswith("-"):
        return previous + rest
    return previous + " " + rest


def _check_page_tree(reader: object, most: int) -> None:
    """Count the pages by walking the tree (pypdf flattens all of it at the first page,
    which takes seconds for 70,000), refusing more than `most` before pypdf sees them."""
    root = reader.trailer["/Root"]["/Pages"].get_object()  # type: ignore[attr-defined]
    declared = root.get("/Count", 0)
    if isinstance(declared, int) and declared > most:
        raise _Exceeded("pages", count=f"{declared:,}")
    stack, leaves, seen = [root], 0, 0
    while stack:
        node = stack.pop()
        seen += 1
        kids = node.get("/Kids")
        if kids is None:
            leaves += 1
        elif len(stack) + len(kids) <= 4 * most:
            stack.extend(kid.get_object() for kid in kids)
        else:
            raise _Exceeded("pages", count=f"more than {most}")
        if leaves > most or seen > 4 * most + 10:
            raise _Exceeded("pages", count=f"more than {most}")
