"""Read a resume (plain text, Markdown or PDF) and propose entries from it.

The heuristics follow how resumes are laid out: section headings (Experience,
Projects, Leadership...) set the kind; inside a section, a line that is not a
bullet starts an entry (its title, organisation, role and dates), and the bullets
under it describe it (what it was, the candidate's part, the outcome with numbers,
the scale, the technologies). Nothing is saved here: the caller confirms.
"""

from __future__ import annotations

import re
from pathlib import Path

from netprep.errors import NetprepError
from netprep.resume.model import MAX_CHARS, MAX_TITLE, Entry

MAX_BYTES = 32 * 1024 * 1024  # a PDF with photos; text is read up to MAX_TEXT_BYTES

# heading words -> kind (None: a section that holds no entries, such as Skills)
SECTIONS: dict[str, str | None] = {
    "experience": "internship", "work experience": "internship", "employment": "internship",
    "professional experience": "internship", "internships": "internship",
    "internship": "internship", "work history": "internship", "relevant experience": "internship",
    "projects": "project", "project": "project", "personal projects": "project",
    "academic projects": "project", "selected projects": "project", "side projects": "project",
    "technical projects": "project", "research": "project", "research experience": "project",
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
}
_BULLET = re.compile(r"^\s*(?:[-*•▪◦●○·‣⁃–—]|\d{1,2}[.)])\s+")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|"
          r"autumn|winter)\.?")
_WHEN = rf"(?:{_MONTH}\s+)?(?:\d{{1,2}}/)?(?:19|20)\d\d"
_DATES = re.compile(
    rf"\(?\b{_WHEN}(?:\s*(?:-|–|—|to|until)\s*(?:{_WHEN}|present|current|now|today|ongoing))?"
    rf"\b\)?|\b(?:present|current)\b", re.I)
_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+|\s*\|\s*|,\s+|(?<=\w):\s+|\s{3,}|\t+")
ROLE_WORDS = re.compile(
    r"\b(?:intern|internship|engineer|developer|analyst|assistant|associate|lead|leader|"
    r"president|vice[- ]president|vp|member|volunteer|founder|co-?founder|officer|treasurer|"
    r"secretary|coordinator|captain|mentor|tutor|researcher|scientist|designer|manager|chair|"
    r"chairperson|organi[sz]er|head|director|representative|ambassador|teaching assistant|"
    r"ta|student|fellow|contributor|maintainer|consultant|trainee|apprentice)\b", re.I)
_TECH_LINE = re.compile(r"^\s*(?:tech(?:nologies)?|stack|tools|built with|skills used|"
                        r"languages)\s*[:\-–]\s*(.+)$", re.I)
_METRIC = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|"
                     r"thousand|million|double[sd]?|half|tripled?)\b", re.I)
_SCALE = re.compile(r"\b(?:users?|customers?|students?|members?|people|visitors?|requests?|"
                    r"rows?|records?|gb|tb|mb|datasets?|team of|engineers?|downloads?|"
                    r"attendees?|participants?)\b", re.I)
_OUTCOME = re.compile(r"\b(?:reduc|increas|improv|cut|sav|grew|grow|rais|won|boost|"
                      r"decreas|faster|speed|launch|shipp|adopt|doubl|halv|award|placed)",
                      re.I)
TECH_WORDS = (
    "Python", "Java", "JavaScript", "TypeScript", "React", "Node.js", "SQL", "PostgreSQL",
    "MySQL", "SQLite", "MongoDB", "Redis", "AWS", "GCP", "Azure", "Docker", "Kubernetes",
    "Go", "Rust", "C++", "C#", "Swift", "Kotlin", "Flask", "Django", "FastAPI", "Pandas",
    "NumPy", "TensorFlow", "PyTorch", "scikit-learn", "Git", "Linux", "HTML", "CSS",
    "GraphQL", "Spark", "Kafka", "Terraform", "Figma", "Excel", "Tableau", "Vue", "Angular",
    "Spring", "Ruby", "Rails", "PHP", "Scala", "R", "MATLAB", "Firebase", "Next.js",
)
_TECH_RE = {word: re.compile(r"(?<![\w+#.])" + re.escape(word) + r"(?![\w+#])",
                             0 if len(word) <= 2 else re.I) for word in TECH_WORDS}


# --- reading ---------------------------------------------------------------------------


MAX_TEXT_BYTES = 2**20  # of a text resume: a resume is a few pages


def read_resume(file: str, password: str | None = None) -> tuple[str, list[str]]:
    """The text of a resume file and notes for the user: PDF (by content, read in a
    bounded child process: `resume.pdf`), else text or Markdown (`content.textfile`:
    a byte-order mark, UTF-8 or Windows-1252), of which the first MAX_TEXT_BYTES."""
    from netprep.content.textfile import EncodingProblem, decode

    path = Path(file).expanduser()
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
            is_pdf = head.lstrip()[:5] == b"%PDF-" or path.suffix.lower() == ".pdf"
            rest = fh.read((MAX_BYTES if is_pdf else MAX_TEXT_BYTES) + 1 - len(head))
    except OSError as exc:
        raise NetprepError(f"Cannot read {file}: {exc.strerror or exc}.",
                           "Check the path and try again.") from exc
    raw = head + rest
    if is_pdf:
        if len(raw) > MAX_BYTES:
            raise NetprepError(f"{file} is larger than {MAX_BYTES // 2**20} MB; a resume is "
                               "far smaller.", "Export it again as a PDF without large "
                               "images, or save it as .txt and import that.")
        from netprep.resume.pdf import pdf_text

        found = pdf_text(raw, file, password)
        return found.text, found.notes
    cut = len(raw) > MAX_TEXT_BYTES
    try:
        decoded = decode(raw[:MAX_TEXT_BYTES], file, partial=cut)
    except EncodingProblem as exc:
        raise NetprepError(
            f"{file} is neither a PDF nor text netprep reads (line {exc.line}: {exc.message}).",
            "Import a PDF, a .txt or a .md file (save a Word file as PDF first).") from None
    notes = [decoded.note] if decoded.note else []
    if cut:
        notes.append(f"Only the first {MAX_TEXT_BYTES // 2**20} MB of {file} was read: a "
                     "resume is a few pages.")
    return decoded.text, notes


# --- proposing entries ---------------------------------------------------------------


def _plain(line: str) -> str:
    """A line without Markdown emphasis, links and heading marks."""
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__|`)", "", line)
    line = re.sub(r"(?<!\w)[*_](\S[^*_]*)[*_](?!\w)", r"\1", line)
    return line.rstrip()


def heading_kind(line: str) -> tuple[bool, str | None]:
    """(is this a section heading, and the kind of entry the section holds)."""
    text = _plain(line).strip()
    level = len(text) - len(text.lstrip("#"))
    text = text.lstrip("#").strip().rstrip(":").strip()
    key = re.sub(r"\s+", " ", text.lower())
    if key in SECTIONS:
        return True, SECTIONS[key]
    if 0 < level <= 2 and len(text.split()) <= 4:
        # An unknown Markdown heading: guess from its words.
        for word, kind in SECTIONS.items():
            if word in key.split() and kind is not None:
                return True, kind
        return True, None
    return False, None


def propose(text: str, education: bool = False) -> list[Entry]:
    """Entries found in a resume's text, in order. Education only when asked for."""
    entries: list[Entry] = []
    kind: str | None = None
    header: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if kind is not None and header and (education or kind != "education"):
            entry = _entry(kind, header, bullets)
            if entry is not None:
                entries.append(entry)
        header.clear()
        bullets.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _plain(raw)
        if not line.strip() or re.fullmatch(r"\s*[-=_*]{3,}\s*", line):
            continue
        is_heading, section = heading_kind(line)
        if is_heading:
            flush()
            kind = section
            continue
        if kind is None:
            continue
        line = line.lstrip("#").strip() if line.lstrip().startswith("#") else line
        if _BULLET.match(line):
            bullets.append(_BULLET.sub("", line).strip())
        elif bullets and _continues(line, bullets[-1]):
            bullets[-1] += " " + line.strip()
        elif bullets:
            flush()
            header.append(line.strip())
        else:
            header.append(line.strip())
    flush()
    return entries


def _continues(line: str, previous: str) -> bool:
    """A wrapped bullet line (PDF text breaks bullets), not the header of the next entry."""
    stripped = line.strip()
    if _DATES.search(stripped) or re.search(r"\s[|·]\s", stripped):
        return False
    if stripped[:1].islower() or not previous.rstrip().endswith((".", "!", "?", ";")):
        return not (len(stripped.split()) <= 8 and stripped[:1].isupper()
                    and previous.rstrip().endswith((".", "!", "?")))
    return False


def _entry(kind: str, header: list[str], bullets: list[str]) -> Entry | None:
    head = " | ".join(header)
    dates = ", ".join(m.group(0).strip("() ") for m in _DATES.finditer(head))
    rest = _DATES.sub(" ", head)
    tech: list[str] = []
    if kind == "project":
        for match in re.finditer(r"\(([^)]*)\)", rest):  # "Navigator (React, Node.js)"
            if "," in match.group(1) or _techs(match.group(1)):
                tech += [t.strip() for t in match.group(1).split(",") if t.strip()]
                rest = rest.replace(match.group(0), " ")
    parts = [p.strip(" ,|-–—:()") for p in _SEPARATORS.split(rest)]
    parts = [p for p in parts if p and not re.fullmatch(r"[\W\d]+", p)]
    if not parts:
        return None
    role = ""
    organisation = ""
    described = ""
    if kind in ("internship", "community"):
        roles = [p for p in parts if ROLE_WORDS.search(p)]
        others = [p for p in parts if p not in roles]
        role = roles[0] if roles else ""
        organisation = others[0] if others else ""
        if kind == "internship":
            intern = re.search(r"\bintern(?:ship)?\b", role, re.I)
            title = (f"{organisation} internship" if intern and organisation else
                     f"{role} at {organisation}" if role and organisation else
                     role or organisation)
        else:
            title = organisation or role
    elif kind == "education":
        title = parts[0]
        organisation = next((p for p in parts if re.search(r"universit|college|school|institut",
                                                           p, re.I)), "")
        role = next((p for p in parts[1:] if p != organisation), "")
    else:
        title = parts[0]
        for extra in parts[1:]:
            found = _techs(extra)
            if found and len(found) * 2 >= len(extra.split(",")):
                tech += [t.strip() for t in extra.split(",") if t.strip()]
            elif not described and (extra[:1].islower() or len(extra.split()) >= 4):
                described = extra
            elif not organisation and not ROLE_WORDS.search(extra):
                organisation = extra
            elif not role and ROLE_WORDS.search(extra):
                role = extra
    what: list[str] = []
    part: list[str] = []
    outcome: list[str] = []
    scale: list[str] = []
    for bullet in bullets:
        listed = _TECH_LINE.match(bullet)
        if listed:
            tech += [t.strip() for t in re.split(r"[,;]", listed.group(1)) if t.strip()]
            continue
        tech += _techs(bullet)
        if _SCALE.search(bullet) and _METRIC.search(bullet):
            scale.append(bullet)
        if _METRIC.search(bullet) and _OUTCOME.search(bullet):
            outcome.append(bullet)
        elif not what:
            what.append(bullet)
        else:
            part.append(bullet)
    if described and not what:
        what.append(described[:1].upper() + described[1:])
    return Entry(
        None, kind, title[:MAX_TITLE], organisation=organisation[:MAX_TITLE],
        dates=dates[:MAX_TITLE], role=role[:MAX_TITLE], what=_join(what), part=_join(part),
        outcome=_join(outcome), scale=_join(scale[:2]),
        tech=tuple(dict.fromkeys(t[:80] for t in tech))[:30],
    )


def _techs(text: str) -> list[str]:
    return [word for word, pattern in _TECH_RE.items() if pattern.search(text)]


def _join(lines: list[str]) -> str:
    return "\n".join(lines)[:MAX_CHARS]


# --- garbage in, nothing saved ----------------------------------------------------------

MAX_ENTRIES = 100  # a resume holds a few dozen entries at the most
_WORD = re.compile(r"[^\W\d_]{2,}")


def plausible(found: list[Entry], file: str) -> tuple[list[Entry], list[str]]:
    """The proposals that look like resume items, and notes on what was left out.

    Raises a NetprepError (so nothing is saved, even with --yes) when none does, when
    there are more than MAX_ENTRIES, or when most of them repeat one another.
    """
    kept = [entry for entry in found if _plausible_title(entry.title)]
    if not kept:
        raise NetprepError(
            f"No entry in {file} looks like a resume item: titles such as "
            f"\"{_preview(found[0].title)}\" have no words. Nothing was saved.",
            "Import the text of your resume, or add entries with `netprep resume add`.")
    keys = {(e.kind, e.title.casefold(), e.organisation.casefold(), e.dates) for e in kept}
    if len(kept) >= 6 and len(keys) * 2 <= len(kept):
        raise NetprepError(
            f"{len(kept) - len(keys):,} of the {len(kept):,} entries found in {file} repeat "
            "others, which no resume does; nothing was saved.",
            "Check that this is your resume, not a file generated or pasted many times.")
    if len(kept) > MAX_ENTRIES:
        raise NetprepError(
            f"{len(kept):,} entries found in {file}; a resume holds a few dozen at most "
            f"(netprep imports up to {MAX_ENTRIES}), so nothing was saved.",
            "Import your resume alone, or split the file.")
    notes = []
    if len(kept) < len(found):
        count = len(found) - len(kept)
        notes.append(f"Left out {count} entr{'y' if count == 1 else 'ies'} whose title has no "
                     "words.")
    unique: dict[tuple[str, str, str, str], Entry] = {}
    for entry in kept:
        unique.setdefault((entry.kind, entry.title.casefold(), entry.organisation.casefold(),
                           entry.dates), entry)
    if len(unique) < len(kept):
        count = len(kept) - len(unique)
        notes.append(f"Left out {count} entr{'y' if count == 1 else 'ies'} repeating one "
                     "found before.")
    return list(unique.values()), notes


def _plausible_title(title: str) -> bool:
    """Words, not punctuation, and not one token said over and over ("ab ab ab ab")."""
    if not _WORD.search(title):
        return False
    tokens = title.split()
    return len(tokens) < 4 or len(set(tokens)) * 3 > len(tokens)


def _preview(title: str) -> str:
    from netprep.text import clean

    text = " ".join(clean(title).split())
    return text if len(text) <= 40 else text[:39] + "…"
