"""The one reader of text files people hand to netprep, in the encodings they really have.

Used by resume import, story files (`star import`, `star add --file`), `history
import` and pack files, so each reads a file the same way:

- a byte-order mark decides (UTF-8, UTF-16 or UTF-32, as Windows Notepad saves
  "Unicode"), and the mark is dropped;
- else UTF-8;
- else Windows-1252 (cp1252, a superset of Latin-1 as Windows saves "ANSI"), with a
  note saying the file was not UTF-8;
- else refused, naming the encoding (UTF-16 without a mark, or neither UTF-8 nor
  Windows-1252), with the line of the first bad byte.

Windows line ends (CRLF) become newlines, as Python's text files read them.

Only the standard library; nothing here prints: a note is returned to the caller.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# C0 controls other than tab, newline, form feed and carriage return: no Windows-1252
# text holds them, so bytes that decode to them are not text in that encoding.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class EncodingProblem(ValueError):
    """The bytes are not text in an encoding netprep reads; `line` of the first bad byte."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as people name it: "UTF-8", "UTF-16", "Windows-1252"
    note: str  # "" for UTF-8 or a marked file; else one sentence for the user


def read_prefix(path: Path, cap: int) -> tuple[bytes, bool]:
    """At most `cap` bytes of the file, and whether more followed (never reads past cap+1)."""
    with open(path, "rb") as fh:
        raw = fh.read(cap + 1)
    return raw[:cap], len(raw) > cap


def decode(raw: bytes, name: str, partial: bool = False) -> Decoded:
    """The text of `raw`, with Windows line ends (CRLF) read as newlines; `partial` when
    `raw` is a prefix (a character cut at the end is dropped). Raises EncodingProblem
    naming the encoding it found, or the one it lacks."""
    found = _decode(raw, name, partial)
    if "\r\n" not in found.text:
        return found
    return Decoded(found.text.replace("\r\n", "\n"), found.encoding, found.note)


def _decode(raw: bytes, name: str, partial: bool) -> Decoded:
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            return Decoded(_strict(raw[len(bom):], codec, label, partial, len(bom)), label, "")
    try:
        text = _strict(raw, "utf-8", "UTF-8", partial, 0)
    except EncodingProblem:
        text = None
    if (text is None or "\x00" in text) and _looks_utf16(raw):
        raise EncodingProblem(
            "UTF-16 text without a byte-order mark; save it as UTF-8 (or as UTF-16 with "
            "its mark, which Notepad's \"Unicode\" writes)", 1)
    if text is not None:
        return Decoded(text, "UTF-8", "")
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise EncodingProblem(
            f"neither UTF-8 nor Windows-1252 text (byte {exc.start} is 0x{raw[exc.start]:02x}); "
            "save it as UTF-8", _line(raw, exc.start)) from None
    binary = _BINARY.search(text)
    if binary:
        raise EncodingProblem(
            f"not text: neither UTF-8 nor Windows-1252 (byte {binary.start()} is a control "
            "character); save it as UTF-8", _line(raw, binary.start()))
    return Decoded(text, "Windows-1252",
                   f"{name} is not UTF-8; it was read as Windows-1252 (cp1252). Check its "
                   "accented letters, and save it as UTF-8 to be sure.")


def _strict(raw: bytes, codec: str, label: str, partial: bool, offset: int) -> str:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        return decoder.decode(raw, final=not partial)
    except UnicodeDecodeError as exc:
        where = offset + exc.start
        article = "an" if label == "UTF-8" else "a"
        if label == "UTF-8" and not offset:
            raise EncodingProblem(f"not UTF-8 (byte {where})", _line(raw, exc.start)) from None
        raise EncodingProblem(
            f"marked as {label} by its byte-order mark but not {article} {label} text "
            f"(byte {where}); save it again as UTF-8", _line(raw, exc.start)) from None


def _looks_utf16(raw: bytes) -> bool:
    """ASCII-range text in UTF-16 without a mark: every other byte is NUL."""
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def _line(raw: bytes, position: int) -> int:
    return raw[:position].count(b"\n") + 1


MAX_SOURCE_BYTES = 32 * 1024 * 1024  # far above 1,000 stories at the section limits


def read_source(file: str, what: str = "file", hint: str = "",
                cap: int = MAX_SOURCE_BYTES) -> tuple[str, str]:
    """The text of FILE (stdin for `-`) and the name to show in messages.

    At most `cap` bytes are read (`--file /dev/zero` is refused, not read forever);
    a file that was not UTF-8 but read as Windows-1252 leaves a note for the user
    (`netprep.paths.NOTICES`, printed once on stderr).
    """
    import sys

    from netprep.errors import NetprepError

    if file == "-":
        text = sys.stdin.read(cap + 1)
        if len(text.encode("utf-8", errors="replace")) > cap:
            raise _too_big("<stdin>", what, hint, cap)
        return text, "<stdin>"
    try:
        raw, more = read_prefix(Path(file).expanduser(), cap)
    except OSError as exc:
        raise NetprepError(f"Cannot read {file}: {exc.strerror or exc}.",
                           "Check the path and try again.") from exc
    if more:
        raise _too_big(file, what, hint, cap)
    try:
        decoded = decode(raw, file)
    except EncodingProblem as exc:
        raise NetprepError(f"{file}:{exc.line}: {exc.message}.",
                           "In most editors: Save as, Encoding: UTF-8.") from None
    if decoded.note:
        from netprep.paths import NOTICES

        if decoded.note not in NOTICES:
            NOTICES.append(decoded.note)
    return decoded.text, file


def _too_big(name: str, what: str, hint: str, cap: int) -> Exception:
    from netprep.errors import NetprepError

    return NetprepError(
        f"{name} is larger than {cap // 2**20} MB, far more than any {what}; nothing was "
        "read into netprep.", hint or "Check the file.")
