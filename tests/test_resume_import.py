"""`netprep resume import`: text, Markdown and a PDF made here; bad resumes; the heuristics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netprep.resume.extract import propose

from .pdfmaker import groff_pdf, make_pdf

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
    assert len(ids) == 6 and titles(cli)[0] == ("education", "BSc Computer Science")
    school = json.loads(cli("resume", "show", "1", "--json").out)
    assert school["organisation"] == "State University"
    assert school["dates"] == "Sep 2022 – Jun 2026"


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


# --- issue 29, item 14: an ordinary resume made with groff ---------------------------------

GROFF_RESUME = r""".nr PS 10
.LP
.ce
\fBAlex Kim\fP
.SH
Experience
.LP
\fBSoftware Engineering Intern\fP, Stripe \(em Jun\-Aug 2026
.IP \(bu 2
Built a retry queue for webhook delivery in Go.
.IP \(bu 2
Cut failed deliveries by 40% across 3,000 merchants, e.g. the largest ones.
.LP
\fBTeaching Assistant\fP, CS 61B: Data Structures, UC Berkeley \(em Jan 2025 \- May 2025
.IP \(bu 2
Led weekly sections for 30 students.
.LP
\fBTeaching Assistant\fP, CS 70: Discrete Mathematics, UC Berkeley \(em Jan 2025 \- May 2025
.IP \(bu 2
Wrote the weekly problem sets.
.SH
Projects
.LP
\fBStudyMatch\fP (HackMIT 2025)
.IP \(bu 2
A web app that pairs students for study sessions, built with React and Firebase.
.IP \(bu 2
Won second place among 120 teams with a matching algorithm that reduced wait time by 30%.
.SH
Skills
.LP
Go, React, Firebase
"""


def _entries(cli) -> list[dict]:
    ids = [e["id"] for e in json.loads(cli("resume", "list", "--json").out)["entries"]]
    return [json.loads(cli("resume", "show", str(i), "--json").out) for i in ids]


def test_groff_resume_read_right(cli, tmp_path: Path) -> None:
    pdf = groff_pdf(GROFF_RESUME, tmp_path / "resume.pdf")
    assert len(imported(cli, pdf)) == 4
    stripe, ta61b, ta70, study = _entries(cli)
    # A month range keeps its start.
    assert stripe["dates"] == "Jun-Aug 2026" and stripe["organisation"] == "Stripe"
    assert stripe["role"] == "Software Engineering Intern"
    # A TA's organisation is the university; the course names the entry, so two courses
    # at one university in the same term are two entries.
    assert ta61b["organisation"] == ta70["organisation"] == "UC Berkeley"
    assert ta61b["role"] == "Teaching Assistant" and ta61b["dates"] == "Jan 2025 - May 2025"
    assert "CS 61B: Data Structures" in ta61b["title"]
    assert "CS 70: Discrete Mathematics" in ta70["title"]
    # The event in parentheses is the project's context, not part of its title.
    assert study["title"] == "StudyMatch" and study["organisation"] == "HackMIT 2025"
    assert study["dates"] == "" and study["tech"] == ["React", "Firebase"]


def test_each_bullet_fills_one_field(cli, tmp_path: Path) -> None:
    imported(cli, groff_pdf(GROFF_RESUME, tmp_path / "resume.pdf"))
    for entry in _entries(cli):
        lines = [line for name in ("what", "part", "outcome", "scale")
                 for line in entry[name].splitlines()]
        assert len(lines) == len(set(lines)), entry  # no bullet said twice
    stripe = _entries(cli)[0]
    assert stripe["what"] == "Built a retry queue for webhook delivery in Go."
    assert stripe["outcome"].startswith("Cut failed deliveries by 40%")
    assert stripe["scale"] == ""


def test_two_column_tbl_layout(cli, tmp_path: Path) -> None:
    source = r""".LP
\fBRiya Patel\fP
.SH
Work Experience
.TS
tab(;) expand;
lb r.
Data Science Intern, Acme Health;May 2025 \- Aug 2025
.TE
.IP \(bu 2
Built a churn model in Python with scikit-learn.
.TS
tab(;) expand;
l r.
Acme Health;Boston, MA
Analytics Assistant;Sep 2024 \- Dec 2024
.TE
.IP \(bu 2
Cleaned the claims data for 12 analysts.
.SH
Projects
.TS
tab(;) expand;
lb r.
Plantwise \(em a watering reminder;Jan 2024
.TE
.IP \(bu 2
An app that reminds you to water plants.
"""
    imported(cli, groff_pdf(source, tmp_path / "tbl.pdf"))
    found = [(e["kind"], e["organisation"], e["role"], e["dates"]) for e in _entries(cli)]
    assert found == [("internship", "Acme Health", "Data Science Intern", "May 2025 - Aug 2025"),
                     ("internship", "Acme Health", "Analytics Assistant", "Sep 2024 - Dec 2024"),
                     ("project", "", "", "Jan 2024")]
    assert _entries(cli)[2]["title"] == "Plantwise"


def test_an_entry_already_saved_is_not_saved_twice(cli, tmp_path: Path) -> None:
    assert imported(cli, DATA / "resume.txt") == [1, 2, 3, 4, 5]
    again = cli("resume", "import", str(DATA / "resume.txt"), "--yes", "--json")
    assert again.code == 0, again.err
    assert json.loads(again.out) == {"ids": [], "existing": [1, 2, 3, 4, 5]}
    assert "Already saved as #1: Acme Payments internship" in again.err
    assert "Nothing new" in again.err
    assert len(titles(cli)) == 5
    # A resume with one new entry saves only that one, and names the others.
    longer = tmp_path / "resume.txt"
    longer.write_text(TEXT.replace("Budget Bot", "Pixel | Python\n- A photo tool.\n\nBudget Bot"))
    third = cli("resume", "import", str(longer), "--yes", "--json")
    assert json.loads(third.out) == {"ids": [6], "existing": [1, 2, 3, 4, 5]}
    assert "Already saved as #3: Campus Navigator" in third.err
    assert titles(cli)[-1] == ("project", "Pixel")
    assert len(titles(cli)) == 6


def test_pitch_from_imported_entries_says_whole_sentences(cli, tmp_path: Path) -> None:
    imported(cli, groff_pdf(GROFF_RESUME, tmp_path / "resume.pdf"))
    result = cli("resume", "pitch", "--yes", "--json")
    assert result.code == 0, result.err
    text = json.loads(result.out)["pitch"]["text"]
    assert "Result:" not in text and "…" not in text
    past = [b["text"] for b in json.loads(result.out)["pitch"]["beats"] if b["beat"] == "past"]
    assert past and all(line.endswith(".") for line in past)
    # Sentences are whole: "e.g." and "0.8 s" end none of them.
    assert any("Cut failed deliveries by 40% across 3,000 merchants, e.g. the largest ones."
               in line for line in past)


@pytest.mark.parametrize(("text", "expected"), [
    # A Markdown table: each row an entry, its header row naming the columns.
    ("## Experience\n\n| Role | Company | Dates | What I did |\n|---|---|---|---|\n"
     "| Software Engineering Intern | Cactus Cloud | Jun–Aug 2025 | Built an export |\n"
     "| Teaching Assistant, CSC 210 | University of Arizona | Fall 2024 | Graded labs |\n",
     [("internship", "Cactus Cloud", "Software Engineering Intern", "Jun–Aug 2025"),
      ("internship", "University of Arizona", "Teaching Assistant", "Fall 2024")]),
    # `Role @ Org | dates` written as bullets, their details nested under them.
    ("**Experience**\n\n- **Backend Intern @ Nimbus Cloud** | May 2025 – Aug 2025\n"
     "  • Built a rate limiter in Rust\n- Data Analyst @ Pine Bank | Summer 2024\n",
     [("internship", "Nimbus Cloud", "Backend Intern", "May 2025 – Aug 2025"),
      ("internship", "Pine Bank", "Data Analyst", "Summer 2024")]),
    # `=== X ===` headings, dates in a left column, a city and state after the company.
    ("=== EXPERIENCE ===\n\nJun 2025 - Aug 2025    Software Intern, Harbor Systems, Seattle, WA\n"
     "                       - Built a deploy tool.\n\n=== ACTIVITIES ===\n\n"
     "2023 - 2024            Member, Husky Robotics\n",
     [("internship", "Harbor Systems", "Software Intern", "Jun 2025 - Aug 2025"),
      ("community", "Husky Robotics", "Member", "2023 - 2024")]),
    # An organisation in capitals above two roles (not a heading), the second one undated
    # by the organisation: it keeps the organisation.
    ("PROFESSIONAL EXPERIENCE\n\nNORTHWIND TRADERS, Chicago, IL\n"
     "Store Manager                      2018 - 2022\n  * Led a team of 14.\n\n"
     "Assistant Store Manager            2016 - 2018\n\nBRIGHT PATH ACADEMY\n"
     "Math Teacher                       2022 - 2024\n",
     [("internship", "NORTHWIND TRADERS", "Store Manager", "2018 - 2022"),
      ("internship", "NORTHWIND TRADERS", "Assistant Store Manager", "2016 - 2018"),
      ("internship", "BRIGHT PATH ACADEMY", "Math Teacher", "2022 - 2024")]),
    # A date a PDF broke over two lines; a department of a university stays whole.
    ("Experience\nUniversity of Toronto, Department of Computer Science\n"
     "Teaching Assistant, CSC108: Introduction to Programming   Sep 2024 – Apr\n2025\n"
     "• Ran two tutorials.\n",
     [("internship", "University of Toronto, Department of Computer Science",
       "Teaching Assistant", "Sep 2024 – Apr 2025")]),
    # A one-line job, then a role line above the next job's line: the role goes with it.
    ("EXPERIENCE\nLifeguard, City Parks & Recreation          Summers 2019–2021\n"
     "Software Engineer Intern\nStripe · San Francisco, CA · Jun 2024 – Sep 2024\n- Did it.\n",
     [("internship", "City Parks & Recreation", "Lifeguard", "Summers 2019–2021"),
      ("internship", "Stripe", "Software Engineer Intern", "Jun 2024 – Sep 2024")]),
])
def test_layouts_are_read_into_their_fields(text: str, expected) -> None:
    assert [(e.kind, e.organisation, e.role, e.dates) for e in propose(text)] == expected


def test_projects_written_as_bullets_and_their_context() -> None:
    found = propose("PROJECTS\n- Tide: a habit tracker for people with ADHD (Swift)\n"
                    "- Dune Maps -- trail finder built at WildHacks 2024 (React)\n"
                    "- Rainfall Imputation (STAT 435 course project) | R | Winter 2024\n")
    assert [(e.title, e.organisation, e.dates, e.tech) for e in found] == [
        ("Tide", "", "", ("Swift",)),
        ("Dune Maps", "WildHacks 2024", "", ("React",)),
        ("Rainfall Imputation", "STAT 435", "Winter 2024", ("R",))]


def test_club_lines_keep_their_own_organisation() -> None:
    found = propose("ACTIVITIES & SOCIETIES\nIEEE Student Branch, Webmaster (2022 – 2024)\n"
                    "Hack Club President                     2024 – present\n"
                    "EDUCATION\nLincoln High School, Omaha, NE - High School Diploma, 2019\n",
                    education=True)
    assert [(e.title, e.organisation, e.role, e.dates) for e in found] == [
        ("IEEE Student Branch", "IEEE Student Branch", "Webmaster", "2022 – 2024"),
        ("Hack Club", "Hack Club", "President", "2024 – present"),
        ("High School Diploma", "Lincoln High School", "", "2019")]


def _shown(cli, entry_id: int) -> dict:
    return json.loads(cli("resume", "show", str(entry_id), "--json").out)


def test_dates_first_iso_months_and_a_combined_section(cli, tmp_path: Path) -> None:
    """Dates written first (ISO months, 'since', 'now'), one section of jobs and projects,
    a role qualified after its comma above the company's line, a city in parentheses."""
    path = tmp_path / "resume.md"
    path.write_text(
        "## Experience & Projects\n\n"
        "`2025-07 – 2025-09`  **Java Developer Intern**, Vistula Logistics (Warsaw)\n"
        "- Built a Spring Boot service for 300 parcel lockers\n\n"
        "`2024`  **flyway-lint** — a linter that catches unsafe SQL migrations (Kotlin)\n\n"
        "since 10/2025   Working Student, Robotics Software\n"
        "Falkenried Automation GmbH, Munich\n"
        "- Develop motion-planning nodes in C++\n")
    assert len(imported(cli, path)) == 3
    java, lint, student = _shown(cli, 1), _shown(cli, 2), _shown(cli, 3)
    assert (java["kind"], java["organisation"], java["role"], java["dates"]) == (
        "internship", "Vistula Logistics", "Java Developer Intern", "2025-07 – 2025-09")
    assert (lint["kind"], lint["title"], lint["dates"]) == ("project", "flyway-lint", "2024")
    assert (student["organisation"], student["role"], student["dates"]) == (
        "Falkenried Automation GmbH", "Working Student, Robotics Software", "since 10/2025")


def test_a_teaching_assistant_whose_course_comes_first(cli, tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_text(
        "EXPERIENCE\n"
        "  Teaching Assistant, Programación Orientada a Objetos -- CUCEI    Aug 2023 - Dec 2023\n"
        "    * Graded Java homework for 90 students\n\n"
        "  Lab Demonstrator, Systems Programming (H)   Sept 2025 – Present\n"
        "  School of Computing Science, University of Glasgow\n"
        "    * Help 120 students debug C labs\n\n"
        "EDUCATION\n"
        "  BSc (Hons) Computer Science, University of Glasgow   Sept 2022 – June 2026 (expected)\n")
    assert len(imported(cli, path, "--education")) == 3
    cucei, glasgow, degree = _shown(cli, 1), _shown(cli, 2), _shown(cli, 3)
    assert (cucei["organisation"], cucei["title"]) == (
        "CUCEI", "Teaching Assistant, Programación Orientada a Objetos")
    assert (glasgow["organisation"], glasgow["role"]) == (
        "School of Computing Science, University of Glasgow", "Lab Demonstrator")
    assert (degree["title"], degree["dates"]) == (
        "BSc (Hons) Computer Science", "Sept 2022 – June 2026 (expected)")


def test_a_browser_made_pdf_with_a_sidebar(cli) -> None:
    """Chromium prints no bullet glyphs and sets the date flush right: the bullets are read
    by their indent, the date and the location kept apart from the organisation."""
    corpus = DATA / "corpus" / "dev"
    assert len(imported(cli, corpus / "res26.pdf")) == 6
    intern, research = _shown(cli, 1), _shown(cli, 2)
    assert (intern["organisation"], intern["role"], intern["dates"]) == (
        "Peachline Freight", "Software Engineer Intern", "May 2026 – Aug. 2026")
    assert intern["tech"][:3] == ["Java", "Spring Boot", "Kafka"]
    assert research["organisation"] == "Networked Systems Lab, Georgia Institute of Technology"
    imported(cli, corpus / "res25.pdf")
    checkout = _shown(cli, 7)
    assert (checkout["organisation"], checkout["dates"]) == ("Nuvem Pagamentos",
                                                             "Jan 2026 – Mar 2026")
    # three bullets, the lines a bullet wrapped onto joined to it
    assert checkout["outcome"].startswith("Rebuilt the merchant checkout settings page in "
                                          "React and TypeScript, reducing bundle size by 38%")


@pytest.mark.parametrize(("line", "title"), [
    ("B.S.E. in Computer Science, Minor in Mathematics; GPA 3.8", "B.S.E. in Computer Science"),
    ("Bachelor of Science, Computer Science", "Bachelor of Science, Computer Science"),
    ("M.Sc. Robotics, Cognition, Intelligence", "M.Sc. Robotics, Cognition, Intelligence"),
    ("BASc, Computer Engineering (Co-op)", "BASc, Computer Engineering (Co-op)"),
    ("B.Sc. Computer Science (First Class Honours)", "B.Sc. Computer Science"),
])
def test_a_degree_keeps_its_field_not_its_minor_or_grade(line: str, title: str) -> None:
    text = f"EDUCATION\n{line}   Sep 2022 – May 2026\nUniversity of Waterloo\n"
    [entry] = propose(text, education=True)
    assert (entry.title, entry.organisation) == (title, "University of Waterloo")


@pytest.mark.parametrize(("lines", "organisation", "role"), [
    (["Software Engineer Intern at Microsoft (Redmond, WA)   June 2025 – September 2025"],
     "Microsoft", "Software Engineer Intern"),
    (["The University of Texas at Austin   Austin, TX",
      "Undergraduate Research Assistant, Machine Learning Lab   Jan 2024 - Present"],
     "The University of Texas at Austin", "Undergraduate Research Assistant"),
    (["Summer Intern, Penetration Testing   Jun 2023 – Aug 2023",
      "Redgauntlet Security Ltd   Glasgow"], "Redgauntlet Security Ltd",
     "Summer Intern, Penetration Testing"),
])
def test_a_job_header_names_its_organisation_and_role(lines: list[str], organisation: str,
                                                       role: str) -> None:
    text = "EXPERIENCE\n" + "\n".join(lines) + "\n- Built a thing in Python\n"
    [entry] = propose(text)
    assert (entry.organisation, entry.role) == (organisation, role)


@pytest.mark.parametrize(("school", "organisation"), [
    ("University of California, Berkeley", "University of California, Berkeley"),
    ("California State University, Sacramento", "California State University, Sacramento"),
    ("University of Michigan, Ann Arbor, MI", "University of Michigan"),
    ("Purdue University, West Lafayette, IN", "Purdue University"),
])
def test_a_campus_named_by_its_city_keeps_it(school: str, organisation: str) -> None:
    [entry] = propose(f"EDUCATION\n{school}   2022 – 2026\nB.S. Computer Science\n",
                      education=True)
    assert entry.organisation == organisation


@pytest.mark.parametrize(("text", "expected"), [
    # A PDF wrapped the header inside a name, the dates set below the rest (issue 29, item 14)
    ("EDUCATION\nBSc Computer Science · Universidade de São\nPaulo (USP)\nFeb 2023 – Dec 2026\n",
     ("BSc Computer Science", "Universidade de São Paulo (USP)", "Feb 2023 – Dec 2026")),
    ("TEACHING\nTeaching Assistant, CS5691 Pattern Recognition and Machine\nLearning, IIT Madras\n"
     "Jan 2026 – May 2026\n• Graded three assignments for 180 students\n",
     ("Teaching Assistant, CS5691 Pattern Recognition and Machine Learning", "IIT Madras",
      "Jan 2026 – May 2026")),
    # ... but a place on the line below is the place, not the rest of the name
    ("EXPERIENCE\nResearch Intern, Kestrel AI Research\nBengaluru, India\nMay 2026 – Jul 2026\n"
     "• Built a counting benchmark\n",
     ("Kestrel AI Research internship", "Kestrel AI Research", "May 2026 – Jul 2026")),
    # a district in parentheses after a club is its place; a role's qualifier stays
    ("ACTIVITIES\nJun 2024   Volunteer Coding Instructor, Code in the Community (Tampines)\n",
     ("Code in the Community", "Code in the Community", "Jun 2024")),
    ("ACTIVITIES\nAug 2023 to ongoing   Vice-President (Events), NUS Women in Tech\n",
     ("NUS Women in Tech", "NUS Women in Tech", "Aug 2023 to ongoing")),
    # a title in another language keeps its English in parentheses; a course named in a
    # bullet ("Course project for Image Processing") or after "final project for" is the
    # project's organisation, as is a German course ("Lehrveranstaltung ...")
    ("## Projects\n#### 2024 | Hệ thống điểm danh (Attendance System) | Python, OpenCV\n"
     "* Face-recognition attendance for classrooms\n"
     "* Course project for Image Processing; accuracy 94% in normal lighting\n",
     ("Hệ thống điểm danh (Attendance System)", "Image Processing", "2024")),
    ("#### 2025 | Phở Finder (Hanoi Student Hackathon 2025)\n", None),
    ("PROJECTS\n2024  Ray tracer in Rust, final project for CS 184\n"
     "  - Path tracer with BVH acceleration\n", ("Ray tracer in Rust", "CS 184", "2024")),
    ("PROJEKTE\nMärz 2025 – Juni 2025   WG-Budgetplaner\n"
     "Lehrveranstaltung Software Engineering und Projektmanagement\n- Kotlin-App für WGs\n",
     ("WG-Budgetplaner", "Lehrveranstaltung Software Engineering und Projektmanagement",
      "März 2025 – Juni 2025")),
])
def test_wrapped_names_translations_and_courses(text: str, expected) -> None:
    if expected is None:  # an event in parentheses stays the organisation
        text = "## Projects\n" + text
        expected = ("Phở Finder", "Hanoi Student Hackathon 2025", "2025")
    [entry] = propose(text, education=True)
    assert (entry.title, entry.organisation, entry.dates) == expected


def test_what_qa_found_in_a_markdown_resume(cli, tmp_path: Path) -> None:
    """Education left out is said, with how to get it; a bullet that leads a team is the
    student's part (and what the team built the entry's what); a TA for a course names
    the course, not an organisation."""
    path = tmp_path / "resume.md"
    path.write_text(
        "# Ana Student\n\n## Education\n\n"
        "**BSc Computer Science**, University of Somewhere, 2023-2027\n\n"
        "## Projects\n\n### Course Scheduler (Python, Flask, PostgreSQL)\n"
        "- Led a team of four building a course-scheduling web app for 300 students\n"
        "- Benchmarked two schema designs on 5,000 schedules; normalised tables were 4x faster\n\n"
        "## Activities\n\n- Teaching assistant for Intro to Programming, 2025\n")
    result = cli("resume", "import", str(path), "--yes", "--json")
    assert result.code == 0, result.err
    assert "Left out 1 education entry (BSc Computer Science): import again with " \
        "--education to add it." in " ".join(result.err.split())
    project, ta = _shown(cli, 1), _shown(cli, 2)
    assert (project["part"], project["what"]) == (
        "Led a team of four", "A course-scheduling web app for 300 students")
    assert project["outcome"].startswith("Benchmarked two schema designs")
    assert (ta["title"], ta["organisation"], ta["role"]) == (
        "Teaching assistant, Intro to Programming", "", "Teaching assistant")
    assert len(imported(cli, path, "--education")) == 1  # the rest is saved already
    assert _shown(cli, 3)["organisation"] == "University of Somewhere"


def test_a_resume_of_education_alone_says_so(cli, tmp_path: Path) -> None:
    path = tmp_path / "resume.md"
    path.write_text("## Education\n\n**BSc Computer Science**, University of Somewhere, "
                    "2023-2027\n")
    result = cli("resume", "import", str(path), "--yes")
    assert result.code != 0 and "Traceback" not in result.err
    said = " ".join(result.err.split())
    assert "Only education entries found in" in said and "(BSc Computer Science)" in said
    assert "Import again with --education" in said
    assert imported(cli, path, "--education")


@pytest.mark.parametrize(("text", "expected"), [
    # an organisation and its city with no comma between them: the organisation alone
    ("EXPERIENCE\nSoftware Engineer Intern   May 2026 – Aug 2026\n"
     "Quillfeather Systems Oakland, CA\n- Built a thing\n",
     ("Quillfeather Systems internship", "Quillfeather Systems", "Software Engineer Intern")),
    ("EXPERIENCE\nPrep Cook   2021 – 2023\nJuniper & Ash Bistro Bend, OR\n- Cooked\n",
     ("Prep Cook at Juniper & Ash Bistro", "Juniper & Ash Bistro", "Prep Cook")),
    # ... but a city that is part of the name stays
    ("EXPERIENCE\nUndergraduate Researcher, Longhorn Cyber Range, UT Austin   2024\n- Did\n",
     ("Undergraduate Researcher at Longhorn Cyber Range, UT Austin",
      "Longhorn Cyber Range, UT Austin", "Undergraduate Researcher")),
    # an organisation's own heading, a blank line, then the role held there
    ("Internships\n-----------\n\n### Ambari Analytics Pvt. Ltd. — Bengaluru\n\n"
     "**Data Engineering Intern** · Jan. 2026 – Apr. 2026\n- Migrated 14 Spark jobs\n",
     ("Ambari Analytics Pvt. Ltd. internship", "Ambari Analytics Pvt. Ltd.",
      "Data Engineering Intern")),
    # a description of a club in parentheses is no part of its name; a role's qualifier is
    ("## Activities\n\n### Devcircle VIT (student tech club)\n"
     "**Core Member, Cloud Track** · Aug 2023 – Jul 2024\n- Ran a study jam\n",
     ("Devcircle VIT", "Devcircle VIT", "Core Member, Cloud Track")),
    ("EXPERIENCE\nData Analyst (part-time), Kestrel Foods   2024\n- Built reports\n",
     ("Data Analyst (part-time) at Kestrel Foods", "Kestrel Foods", "Data Analyst (part-time)")),
    # headings that end in work or roles hold jobs
    ("## Vacation Work & Part-time Roles\n\n**Tutor**, Department of Computer Science, UCT\n"
     "_Cape Town · Feb–Jun 2025_\n+ Ran a weekly tutorial\n",
     ("Tutor at Department of Computer Science, UCT", "Department of Computer Science, UCT",
      "Tutor")),
])
def test_organisations_without_their_city_or_description(text: str, expected) -> None:
    [entry] = propose(text)
    assert (entry.title, entry.organisation, entry.role) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a translation in parentheses is the title's, an English title or not
    ("## Projects\n### Saathi (Companion) — course project, CSE3001 Software Engineering\n"
     "- Offline reminder app\n", ("Saathi (Companion)", "CSE3001 Software Engineering", "")),
    # "Event: Title"
    ("PROJECTS\nCascade Hacks 2024: TrailMix                      Nov 2024\n- A playlist app\n",
     ("TrailMix", "Cascade Hacks 2024", "")),
    # the student's role in parentheses, the event after a dash
    ("PROJECTS\nRainfall Nowcast (Team lead) — Lion City Datathon 2025\n- A model\n",
     ("Rainfall Nowcast", "Lion City Datathon 2025", "Team lead")),
    # a course named on the header line, with its name in parentheses; a lowercase
    # "group assignment" after a course code is no part of it
    ("Projects\nSnowPlot — final project for EECS 467 (Autonomous Robotics)\nC++, ROS 2\n"
     "• Built a small rover\n", ("SnowPlot", "EECS 467 (Autonomous Robotics)", "")),
    ("## Projects\n**Loadshed Planner** — CSC2002S group assignment\n+ Java desktop app\n",
     ("Loadshed Planner", "CSC2002S", "")),
])
def test_projects_read_their_translation_event_role_and_course(text: str, expected) -> None:
    [entry] = propose(text)
    assert (entry.title, entry.organisation, entry.role) == expected


def test_school_leaving_qualifications_and_expected_dates() -> None:
    found = propose(
        "EDUCATION\n06/2022   Abitur (university entrance qualification)\n"
        "Humboldt-Gymnasium Leverkusen\n\nMComp Software Engineering   2022 – 2027\n"
        "The University of Sheffield\n\n"
        "National University of Singapore — Bachelor of Computing\nAug 2023 – May 2027\n"
        "(Expected)\n", education=True)
    assert [(e.title, e.organisation, e.dates) for e in found] == [
        ("Abitur (university entrance qualification)", "Humboldt-Gymnasium Leverkusen",
         "06/2022"),
        ("MComp Software Engineering", "The University of Sheffield", "2022 – 2027"),
        ("Bachelor of Computing", "National University of Singapore",
         "Aug 2023 – May 2027 (Expected)")]


def test_no_technology_from_words_about_one() -> None:
    """'Rust (learning)' in Skills, 'runner-up', 'Open source' and 'Spring Intern' name no
    technology; Postgres and PostGIS do."""
    found = propose(
        "EXPERIENCE\nSpring Intern (1 week), Tsubame Mobility   2025\n"
        "- Fixed a Swift bug and moved tables to Postgres with PostGIS\n\n"
        "PROJECTS\nTaxi Rank Finder (Mzansi Civic Hack 2025, runner-up)\n- A Python map\n\n"
        "kafka-replay\nOpen source · Python\n- Replays Kafka topics\n\n"
        "SKILLS\nC++, Python, Go, Rust (learning)\n")
    assert [list(e.tech) for e in found] == [["Swift", "Postgres", "PostGIS"], ["Python"],
                                             ["Python", "Kafka"]]
