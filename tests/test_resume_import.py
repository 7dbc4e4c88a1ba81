"""`netprep resume import`: text, Markdown and a PDF made here; bad resumes; the heuristics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netprep.resume.extract import propose

from .pdfmaker import make_pdf

DATA = Path(__file__).parent / "data" / "resume"
TEXT = (DATA / "resume.txt").read_text()


def imported(cli, path: Path, *extra: str) -> list[int]:
    result = cli("resume", "import", str(path), "--yes", "--json", *extra)
    assert result.code == 0, result.err
    return json.loads(result.out)["ids"]


def titles(cli) -> list[tuple[str, str]]:
    data = json.loads(cli("resume", "list", "--json").out)["entries"]
    return [(e["kind"], e["title"]) for e in data]


EXPECTED = [
    ("internship", "Acme Payments internship"),
    ("internship", "Green Grocers internship"),
    ("project", "Campus Navigator"),
    ("project", "Budget Bot"),
    ("community", "Women in Computing Society"),
]


def test_plain_text_resume(cli) -> None:
    assert imported(cli, DATA / "resume.txt") == [1, 2, 3, 4, 5]
    assert titles(cli) == EXPECTED
    acme = json.loads(cli("resume", "show", "1", "--json").out)
    assert acme["organisation"] == "Acme Payments"
    assert acme["role"] == "Software Engineering Intern"
    assert acme["dates"] == "Jun 2024 – Aug 2024"
    assert acme["tech"] == ["React", "Flask"]
    # The wrapped bullet is joined; the bullet with a number and an outcome verb is the outcome.
    assert acme["part"] == ("I designed the caching layer and wrote the integration tests "
                            "for the refund service.")
    assert acme["outcome"].startswith("Reduced page load time from 4 s to 0.8 s")
    nav = json.loads(cli("resume", "show", "3", "--json").out)
    assert nav["tech"] == ["React Native", "Firebase"] and nav["dates"] == "2023"
    society = json.loads(cli("resume", "show", "5", "--json").out)
    assert society["role"] == "Vice President" and society["dates"] == "2023 – Present"


def test_education_only_when_asked(cli) -> None:
    ids = imported(cli, DATA / "resume.txt", "--education")
    assert len(ids) == 6 and titles(cli)[0] == ("education", "State University")


def test_markdown_resume(cli) -> None:
    assert len(imported(cli, DATA / "resume.md")) == 3
    assert titles(cli) == [("internship", "Orbit Logistics internship"),
                           ("project", "Trailmix"), ("community", "Robotics Club")]
    trail = json.loads(cli("resume", "show", "2", "--json").out)
    assert trail["tech"] == ["Go", "PostgreSQL"]
    assert trail["part"] == "I wrote the graph search and the caching of elevation tiles."


def test_pdf_resume_made_in_the_test(cli, tmp_path: Path) -> None:
    lines = TEXT.splitlines()
    pdf = tmp_path / "resume.pdf"
    pdf.write_bytes(make_pdf([lines[:18], lines[18:]]))  # two pages
    assert imported(cli, pdf) == [1, 2, 3, 4, 5]
    assert titles(cli) == EXPECTED


def test_pdf_is_recognised_by_content_not_name(cli, tmp_path: Path) -> None:
    odd = tmp_path / "resume.bin"
    odd.write_bytes(make_pdf([TEXT.splitlines()]))
    assert len(imported(cli, odd)) == 5


@pytest.mark.parametrize(("name", "body", "text"), [
    ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "Cannot read"),
    ("garbage.pdf", b"\x00\x01\x02 not a pdf at all", "Cannot read"),
    ("blank.pdf", None, "no text netprep can read"),
    ("empty.txt", b"", "is empty"),
    ("spaces.md", b"  \n\n\t\n", "is empty"),
    ("nosections.txt", b"Jane Doe\nI like computers and hiking.\n",
     "No projects, internships or organisations found"),
    ("latin1.txt", b"Caf\xe9 \x81\x9d", "neither UTF-8 nor Windows-1252"),
])
def test_bad_resumes_say_what_is_wrong(cli, tmp_path: Path, name, body, text) -> None:
    path = tmp_path / name
    path.write_bytes(make_pdf([[]]) if body is None else body)
    result = cli("resume", "import", str(path), "--yes", "--json")
    assert result.code == 1, result.err
    assert text in result.err and "Traceback" not in result.err
    assert result.out == "" and titles(cli) == []


def test_missing_file_and_no_confirmation(cli, tmp_path: Path) -> None:
    missing = cli("resume", "import", str(tmp_path / "nope.pdf"), "--yes")
    assert missing.code == 1 and "Cannot read" in missing.err
    unconfirmed = cli("resume", "import", str(DATA / "resume.txt"))
    assert unconfirmed.code == 1 and "--yes" in unconfirmed.err and "Found 5" in unconfirmed.err
    assert titles(cli) == []


def test_headings_in_several_spellings() -> None:
    text = """Work Experience:
Intern — Blue Bank (Summer 2025)
* Wrote the fraud alerts in Java.

Volunteering
Mentor, Code Club   2021 - 2023
1. Taught 30 kids to code.

Technical Projects
Pixel: a photo tool (Python, OpenCV)
"""
    found = propose(text)
    assert [(e.kind, e.title) for e in found] == [
        ("internship", "Blue Bank internship"), ("community", "Code Club"),
        ("project", "Pixel")]
    assert found[0].dates == "Summer 2025" and found[0].tech == ("Java",)
    assert found[1].role == "Mentor" and found[1].dates == "2021 - 2023"
    assert found[2].tech == ("Python", "OpenCV")
