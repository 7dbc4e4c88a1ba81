"""The hostile files of issue 28, made on the fly (nothing large is committed).

Not a test module. `make(name, folder)` writes one attack file and returns its path;
`python -m tests.attackfiles FOLDER` writes them all (for `/usr/bin/time -v` by hand).
The PDFs are written byte by byte, as `pdfmaker` does, so their shape does not
depend on the pypdf release installed; the encrypted ones are written by pypdf
(with `cryptography`, which netprep depends on for AES).
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable
from pathlib import Path

RESUME = (Path(__file__).parent / "data" / "resume" / "resume.txt").read_text(encoding="utf-8")
OWNER = "owner-secret"
USER = "open-sesame"


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """Objects numbered from 1, an xref table and a trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
    head = b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" * compress)
    return head + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def many_pages(pages: int = 70_000) -> bytes:
    """About 9.8 MB: `pages` tiny pages that all share one content stream."""
    content = _stream(b"BT /F1 10 Tf 50 780 Td (Projects) Tj ET")
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d "
               b"/Resources << /Font << /F1 3 0 R >> >> >>" % pages, FONT, content]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R >>"
    objects += [page] * pages
    return _pdf(objects)


def shared_bomb(pages: int = 200, size: int = 70 * 2**20) -> bytes:
    """About 100 KB: `pages` pages sharing one stream that inflates to `size` bytes."""
    unit = b"BT /F1 10 Tf 50 780 Td (a) Tj ET\n"
    content = _stream(unit * (size // len(unit)), compress=True)
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages, FONT, content]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    objects += [page] * pages
    return _pdf(objects)


def padded(size: int = 31 * 2**20) -> bytes:
    """The resume on one page with a photo of `size` bytes: just under the 32 MB cap."""
    import os

    ops = ["BT", "/F1 10 Tf", "12 TL", "50 780 Td"]
    for line in RESUME.splitlines():
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    photo = (b"<< /Type /XObject /Subtype /Image /Width 4096 /Height %d /ColorSpace "
             b"/DeviceRGB /BitsPerComponent 8 /Length %d >>\nstream\n" % (size // 12288, size)
             + os.urandom(size) + b"\nendstream")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", FONT,
               _stream("\n".join(ops).encode("cp1252")),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font "
               b"<< /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>", photo]
    return _pdf(objects)


def _encrypted(user: str, algorithm: str = "AES-128") -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    from .pdfmaker import make_pdf

    lines = RESUME.splitlines()
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([lines[:18], lines[18:]]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user, owner_password=OWNER, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def owner_only_aes() -> bytes:
    """The resume, AES-encrypted with an owner password only: it opens without one."""
    return _encrypted("")


def user_password_aes() -> bytes:
    """The resume, AES-encrypted with a user password (USER): it opens only with it."""
    return _encrypted(USER)


def star_markdown(size: int = 9 * 2**20) -> bytes:
    """9 MB of `*a` runs under a Projects heading: no entry a resume would have."""
    return b"# Projects\n" + b"*a " * (size // 3) + b"\n"


def many_entries(size: int = int(9.9 * 2**20)) -> bytes:
    """9.9 MB of well-formed entries: thousands of projects, most of them alike."""
    entry = ("Campus Navigator {n} | Python, React | 2023\n"
             "- Built a route planner used by 4,000 students.\n"
             "- Reduced the average walk by 12%.\n\n")
    parts, total, n = ["## Projects\n\n"], 0, 0
    while total < size:
        parts.append(entry.format(n=n % 50))
        total += len(parts[-1])
        n += 1
    return "".join(parts).encode()


def utf16_bom() -> bytes:
    """The resume as Windows Notepad saves 'Unicode': UTF-16 LE with a BOM."""
    return RESUME.replace("\n", "\r\n").encode("utf-16")


CP1252_RESUME = RESUME.replace("Campus Navigator", "Café Navigator – “beta”")


def cp1252_text() -> bytes:
    """The resume with é, – and curly quotes, saved in Windows-1252."""
    return CP1252_RESUME.encode("cp1252")


FILES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "many-pages": ("many-pages.pdf", many_pages),
    "shared-bomb": ("shared-bomb.pdf", shared_bomb),
    "bomb-40-pages": ("bomb-40-pages.pdf", lambda: shared_bomb(pages=40)),
    "padded": ("padded-31mb.pdf", padded),
    "owner-only": ("owner-only-aes.pdf", owner_only_aes),
    "user-password": ("user-password-aes.pdf", user_password_aes),
    "star-markdown": ("stars.md", star_markdown),
    "many-entries": ("many-entries.md", many_entries),
    "utf16": ("resume-utf16.txt", utf16_bom),
    "cp1252": ("resume-cp1252.txt", cp1252_text),
}


def make(name: str, folder: Path) -> Path:
    filename, build = FILES[name]
    path = folder / filename
    path.write_bytes(build())
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for key in FILES:
        made = make(key, target)
        print(f"{made} {made.stat().st_size:,} bytes")
