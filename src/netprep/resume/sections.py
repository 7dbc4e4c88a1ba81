"""Section headings of a resume (Experience, Projects, Leadership...) and the kind of
entry each holds; Markdown tables; the names a Skills section lists.

A heading is a known one ("Work Experience", "=== PROJECTS ==="), a Markdown heading,
a short line in capitals that names a section ("TECHNICAL PROJECTS", not "BRIGHT PATH
ACADEMY"), or a short Title Case line ending in a section word ("Campus Involvement").
"""

from __future__ import annotations

import re

MIXED = "experience+project"  # a section of both: each entry's header tells which
# heading words -> kind (None: a section that holds no entries, such as Skills)
SECTIONS: dict[str, str | None] = {
    "experience": "internship", "work experience": "internship", "employment": "internship",
    "professional experience": "internship", "internships": "internship",
    "internship": "internship", "work history": "internship", "relevant experience": "internship",
    "projects": "project", "project": "project", "personal projects": "project",
    "academic projects": "project", "selected projects": "project", "side projects": "project",
    "technical projects": "project", "research": "internship",
    "research experience": "internship", "teaching": "internship",
    "teaching experience": "internship", "research and teaching": "internship",
    "research & teaching": "internship", "industry experience": "internship",
    "campus involvement": "community", "service": "community",
    "clubs & organizations": "community", "clubs and organizations": "community",
    "hackathons": "project", "projects & hackathons": "project", "open source": "project",
    "outreach": "community", "involvement": "community", "volunteer work": "community",
    "activities & societies": "community", "activities and societies": "community",
    "leadership & involvement": "community", "leadership and involvement": "community",
    "talks": None, "presentations": None, "honors & awards": None, "honours & awards": None,
    "skills & interests": None, "technical skills & tools": None,
    "leadership": "community", "activities": "community", "extracurricular": "community",
    "extracurricular activities": "community", "extracurriculars": "community",
    "volunteering": "community", "volunteer experience": "community", "volunteer": "community",
    "community": "community", "communities": "community", "organizations": "community",
    "organisations": "community", "clubs": "community", "leadership and activities": "community",
    "leadership & activities": "community", "leadership experience": "community",
    "community involvement": "community", "societies": "community",
    "education": "education", "academic background": "education",
    "skills": None, "technical skills": None, "summary": None, "profile": None,
    "objective": None, "contact": None, "awards": None, "honors": None, "honours": None,
    "certifications": None, "interests": None, "languages": None, "publications": None,
    "references": None, "coursework": None, "relevant coursework": None, "about me": None,
    "awards and honors": None, "achievements": None, "hobbies": None,
    "voluntary work": "community", "positions of responsibility": "community",
    "design team": "community", "design teams": "community", "student teams": "community",
    "associations": "community", "student organisations": "community",
    "student organizations": "community",
    # one section of jobs and projects: each entry's kind is read from its header
    "experience & projects": MIXED, "experience and projects": MIXED,
    "projects & experience": MIXED, "projects and experience": MIXED,
    "work & projects": MIXED, "work and projects": MIXED,
    # German and French resumes
    "ausbildung": "education", "bildungsweg": "education", "studium": "education",
    "berufserfahrung": "internship", "praktika": "internship", "projekte": "project",
    "kenntnisse": None, "persönliche daten": None, "sprachen": None,
    "formation": "education", "expérience professionnelle": "internship",
    "expériences professionnelles": "internship", "expérience": "internship",
    "projets": "project", "compétences": None, "langues": None,
}
_SKILLS = re.compile(r"skill|technolog|\btools\b|tech stack|languages", re.I)


def plain_line(line: str) -> str:
    """A line without Markdown emphasis, links and heading marks."""
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__|`)", "", line)
    line = re.sub(r"(?<!\w)[*_](\S[^*_]*)[*_](?!\w)", r"\1", line)
    return line.rstrip()


_GUESS = (("skill", None), ("award", None), ("honor", None), ("honour", None),
          ("publication", None), ("certific", None), ("course", None), ("interest", None),
          ("summary", None), ("language", None), ("reference", None), ("objective", None),
          ("profile", None), ("contact", None), ("talk", None), ("project", "project"),
          ("hackathon", "project"), ("portfolio", "project"), ("experience", "internship"),
          ("employment", "internship"), ("work", "internship"), ("teaching", "internship"),
          ("research", "internship"), ("leadership", "community"), ("volunteer", "community"),
          ("activit", "community"), ("involvement", "community"), ("service", "community"),
          ("club", "community"), ("organi", "community"), ("extracurricular", "community"),
          ("outreach", "community"), ("societ", "community"),
          ("community", "community"), ("education", "education"), ("voluntary", "community"),
          ("responsibilit", "community"), ("association", "community"),
          ("berufserfahrung", "internship"), ("praktik", "internship"),
          ("projekt", "project"), ("engagement", "community"), ("ausbildung", "education"),
          ("kenntnisse", None), ("expérience", "internship"), ("projet", "project"),
          ("compétence", None), ("formation", "education"))
# A short line ending in one of these is a heading ("Relevant Experience", "Honors & Awards").
_ENDS = re.compile(r"\b(?:experience|employment|projects|education|skills|leadership|"
                   r"volunteering|activities|involvement|service|awards|honou?rs|"
                   r"publications|certifications|coursework|interests|extracurriculars?|"
                   r"organi[sz]ations|hackathons|history|responsibility|berufserfahrung|ausbildung|"
                   r"projekte|engagement|kenntnisse|associations|work|roles|jobs|positions)$", re.I)


# The words that make a short Title Case line a heading in a PDF ("Campus Involvement").
_TITLED = ("skills", "experience", "employment", "teaching", "hackathon", "leadership",
           "volunteer", "activities", "involvement", "extracurricular", "education",
           "projects")


def heading_kind(line: str) -> tuple[bool, str | None]:
    """(is this a section heading, and the kind of entry the section holds)."""
    text = plain_line(line).strip()
    level = len(text) - len(text.lstrip("#"))
    text = text.lstrip("#").strip().rstrip(":").strip()
    text = re.sub(r"^[=~]{2,}\s*(.*?)\s*[=~]{2,}$", r"\1", text)  # "=== Experience ==="
    if re.fullmatch(r"(?:[A-Z&] ){3,}[A-Z]", text):  # "E X P E R I E N C E"
        text = text.replace(" ", "")
    text = re.sub(r"^(?:\d{1,2}|[IVX]{1,4})\.?\s+(?=[A-Za-z])", "", text)  # "1. Experience"
    if text.isupper():
        text = re.sub(r"\b([A-Z]) (?=[A-Z]{2,})", r"\1", text)  # small caps: "E XPERIENCE"
    key = re.sub(r"\s+", " ", text.lower())
    if key in SECTIONS:
        return True, SECTIONS[key]
    words = text.split()
    capitals = text.isupper() and len(re.sub(r"[^A-Za-z]", "", text)) >= 4 and \
        not re.search(r"\d|[|,.@]", text) and len(words) <= 5
    titled = 0 < len(words) <= 3 and not level and not re.search(r"[^\w &]", text) and \
        all(w[:1].isupper() or w in ("&", "and", "of") for w in words)
    if titled and not any(w in key for w in _TITLED):  # "Robotics Club" is an entry
        titled = False
    joined = sum(w in ("&", "and") for w in words)  # "Vacation Work & Part-time Roles"
    if 0 < len(words) <= 4 + joined and _ENDS.search(text) and \
            not re.search(r"[^\w &/-]", text):
        titled = True
    if capitals and not level and not any(word in key for word, _ in _GUESS):
        capitals = False  # "BRIGHT PATH ACADEMY" is an organisation, not a section
    if (0 < level <= 2 and len(words) <= 4) or capitals or titled:
        # An unknown heading: guess from its words.
        if "project" in key and re.search(r"experience|employment|\bwork\b", key):
            return True, MIXED
        for word, kind in _GUESS:
            if word in key:
                return True, kind
        return True, None
    return False, None


def table_row(line: str) -> list[str] | None:
    """The cells of a Markdown table row, or None."""
    stripped = line.strip()
    if not (stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3):
        return None
    return [cell.strip() for cell in stripped.strip("|").split("|")]


def skills(plain: list[str], headings: list[tuple[bool, str | None]]) -> list[str]:
    """The names the resume's Skills sections list."""
    from netprep.resume.techs import skills_vocabulary

    listed: list[str] = []
    inside = False
    for line, (is_heading, _) in zip(plain, headings, strict=True):
        if is_heading:
            inside = bool(_SKILLS.search(line))
        elif inside and line.strip():
            listed.append(line)
    return skills_vocabulary(listed)


def header_row(cells: list[str]) -> bool:
    """A table's header row: "| Role | Organisation | Dates |"."""
    names = {"role", "position", "title", "organisation", "organization", "company",
             "employer", "dates", "date", "when", "period", "school", "degree", "program",
             "club", "group", "location", "where", "institution", "project", "tech", "stack",
             "name", "description", "details", "what", "highlights", "notes", "event",
             "course", "technologies", "tools", "built with", "years", "year", "team",
             "society", "university", "college", "field", "major", "outcome", "result",
             "context", "for", "org", "time", "duration", "link", "links", "status"}
    return all(c.lower() in names for c in cells if c)
