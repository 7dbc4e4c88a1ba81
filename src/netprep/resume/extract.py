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
from netprep.resume.sections import MIXED, header_row, heading_kind, plain_line, skills, table_row

MAX_BYTES = 32 * 1024 * 1024  # a PDF with photos; text is read up to MAX_TEXT_BYTES

_BULLET = re.compile(r"^\s*(?:[-*+•▪◦●○·‣⁃–—■□◆◇❖➤➢►▸✓✔→>]|o(?=\s+[A-Z])|\d{1,2}[.)])\s+")
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
_EVENT_IN = re.compile(
    r"\b(?:at|during|for|in)\s+(?:the\s+)?((?:[A-Z][\w&'.-]*\s+){0,3}(?:[A-Z]\w*[Hh]acks?\w*|"
    r"Hack\w*|[A-Z]\w*\s+(?:Jam|Hackathon))(?:\s+[A-Z][\w&'-]*){0,2}(?:\s+(?:19|20)\d\d)?|"
    r"(?:[A-Z][\w&'.-]*\s+){0,3}(?:Bootcamp|Academy))")
_TERM = re.compile(r"\b(?:Spring|Summer|Fall|Winter)\s+(?:intern\w*|term|semester|quarter|"
                   r"co-?op|break|school|session|cohort)\b", re.I)
# The student's own part: leading the work ("Led a team of four", "I owned the audio")
_LEAD = re.compile(r"^(?:I\s+)?(?:co-)?(?:led|managed|mentored|coordinated|supervised|directed|"
                   r"headed|oversaw|spearheaded|owned|ran)\b", re.I)
# ... and what the team built: "Led a team of four | building a course-scheduling web app"
_BUILDING = re.compile(r"(\b(?:team|group|squad|crew)(?:\s+of\s+\w+(?:\s+(?:students|engineers|"
                       r"developers|people|classmates))?)?)\s+(?:building|to build|developing|"
                       r"to develop|creating|to create|designing|to design)\s+(?=\S)", re.I)
_COURSE_FOR = re.compile(
    r"\b(?i:course|class|final|term|semester|capstone|module)\s+(?i:project)\s+(?:for|in|of)\s+"
    r"(?:the\s+)?(?:course\s+|class\s+|module\s+)?((?:[A-Z]{2,5}\s?-?\d{2,5}[A-Z]?\b"
    r"(?:\s\([A-Z][^()]{2,60}\))?|"  # "EECS 467 (Autonomous Robotics)"
    r"[A-Z][\w&'+-]*)(?:\s+(?:[A-Z0-9][\w&'+.-]*|of|and|for|in|&))*)")


def _tech_text(text: str) -> str:
    """Where tech names are looked for: without dates, nor a term ("(Spring 2025)",
    "Spring Intern"), whose words are no tech."""
    from netprep.resume.header import DATES

    text = DATES.sub(" ", text)
    low = text.lower()
    if "spring" in low or "summer" in low or "fall" in low or "winter" in low:
        return _TERM.sub(" ", text)
    return text


def _course_name(text: str) -> str:
    """"CS 184", "Image Processing" (not "Image Processing and"), "HackMIT 2025"."""
    return re.sub(r"(?:\s+(?:of|and|for|in|&))+$", "", text.strip(" .,;:"))


# A detail of the entry above, not a new entry, even after a blank line.
_DETAIL = re.compile(r"^\s*(?:(?:relevant\s+)?course(?:work|s)|gpa|cgpa|honou?rs|awards?|"
                     r"thesis|advisor|supervisor|minor|major|concentration|focus|"
                     r"specialization|dean'?s list|tech(?:nologies)?|stack|tools|built with|"
                     r"skills(?: used)?|languages|highlights|achievements|activities|"
                     r"responsibilities|key projects)\b[^:]{0,20}:\s*\S", re.I)


# --- reading ---------------------------------------------------------------------------


MAX_TEXT_BYTES = 2**20  # of a text resume: a resume is a few pages
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st",
                            "ﬆ": "st"})


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
        # A kerned pair comes out split ("T ableau", "W omen"); these letters are no words.
        text = re.sub(r"\b([TVWY]) (?=[a-z]{2,})", r"\1", found.text)
        # a table's cells run together ("Expected April 2027Bachelor of ...")
        text = re.sub(r"(?<=\b(?:19|20)\d\d)(?=[A-Z][a-z])", "   ", text)
        # ligatures ("Oﬃcer", "Leaﬂet") are letters
        return text.translate(_LIGATURES), found.notes
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


def propose(text: str, education: bool = False,
            left_out: list[Entry] | None = None) -> list[Entry]:
    """Entries found in a resume's text, in order. Education only when asked for (the
    education entries not asked for go into `left_out`)."""
    from netprep.resume.header import ROLE_WORDS, find_dates

    # A line longer than any field is cut: no header or bullet runs to pages.
    lines = _unwrap([line[:MAX_CHARS] for line in
                     text.replace("\r\n", "\n").replace("\r", "\n").split("\n")])
    plain = [plain_line(raw) for raw in lines]
    headings = [heading_kind(line) if line.strip() else (False, None) for line in plain]
    vocabulary = list(dict.fromkeys(skills(plain, headings)))
    entries: list[Entry] = []
    kind: str | None = None
    header: list[str] = []
    bullets: list[str] = []
    indents: list[int] = []  # of each bullet, to tell a nested one
    above = ""  # the organisation of the entry before, in this section
    gap = False

    def dated(lines_: list[str]) -> bool:
        return any(find_dates(line, kind or "") for line in lines_)

    def flush() -> None:
        nonlocal above
        # A section of bullets alone ("- Tide: a habit tracker (Swift)"): one entry each.
        heads = _bullet_entries(bullets, indents) if not header \
            else [(header, bullets)]
        for lines_, bullets_ in heads:
            if kind is None or not lines_:
                continue
            entry = _entry(kind, lines_, bullets_, vocabulary, above)
            if entry is not None:
                # Passed on only from an organisation's own line ("Northbeam Studio"),
                # not from "Webmaster, Brown Design Collective".
                above = entry.organisation if any(
                    entry.organisation in line and not ROLE_WORDS.search(line)
                    for line in lines_) else ""
                if education or kind != "education":
                    entries.append(entry)
                elif left_out is not None:
                    left_out.append(entry)
        header.clear()
        bullets.clear()
        indents.clear()

    separators = {i for i, raw in enumerate(lines)
                  if re.fullmatch(r"\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*", raw)}
    for index, raw in enumerate(lines):
        line = plain[index]
        if not line.strip() or re.fullmatch(r"\s*[-=_*]{3,}\s*", line):
            gap = gap or bool(line.strip() == "")
            continue
        is_heading, section = headings[index]
        if is_heading:
            flush()
            kind, above, gap = section, "", False
            continue
        if kind is None:
            continue
        row = table_row(line)
        if row is not None:
            if all(re.fullmatch(r":?-{2,}:?", c) for c in row if c) or header_row(row) \
                    or index + 1 in separators:  # the row above "|---|---|" names columns
                continue
            flush()
            header.append(" | ".join(c for c in row if c))
            gap = True  # each row is an entry of its own
            continue
        line = line.lstrip("#").strip() if line.lstrip().startswith("#") else line
        if _BULLET.match(line):
            bullets.append(_BULLET.sub("", line).strip())
            indents.append(_indent(raw))
        elif bullets and not gap and (_continues(line, bullets[-1]) or (
                indents[-1] >= 0 and _indent(raw) > indents[-1] + 1)):  # set in under it
            bullets[-1] = _joined(bullets[-1], line.strip())
        elif header and (_DETAIL.match(line) or (gap and _sentence(line))):
            # "Relevant coursework: ...", "Tech: Go", or a paragraph under the header
            bullets.append(line.strip())
            indents.append(-1)
        elif _only_dates(line) and not dated(header):
            header.append(line.strip())  # the dates of a two-column layout, on their own
        elif bullets or (header and ((gap and not _org_line_above(header, line, kind))
                                     or (dated(header) and dated([line])
                                             and not _org_above(header, line, kind))
                                     or (_complete(header[-1]) and _complete(line)))):
            # "Lifeguard, City Parks  2019" / "Software Intern" / "Stripe  2024": the role
            # line between two dated ones, with no bullets, goes with the next.
            moved = header.pop() if not bullets and len(header) > 1 and \
                _role_line(header[-1]) and not dated(header[-1:]) and \
                _complete(header[-2]) and dated([line]) else None
            flush()
            header.extend([moved, line.strip()] if moved else [line.strip()])
        elif header and _wrapped(header[-1], line, plain[index + 1:index + 3]):
            header[-1] += " " + line.strip()  # "... · Universidade de São" / "Paulo (USP)"
        elif header and re.search(r"(?:,|\b(?:and|of|for|&|the|in|at|de|da|der|für))$",
                                  header[-1]):
            header[-1] += " " + line.strip()  # "Robert Bosch Centre for ... AI," / "IIT Madras"
        else:
            header.append(line.strip())
        gap = False
    flush()
    return _merged(entries)


def _indent(raw: str) -> int:
    return len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())


def _bullet_entries(bullets: list[str], indents: list[int]) -> list[tuple[list[str], list[str]]]:
    """A Projects section of bullets alone: each outermost bullet is a project ("- Tide:
    a habit tracker (Swift)"), the bullets nested under it its bullets."""
    if not bullets:
        return []
    top = min((i for i in indents if i >= 0), default=0)
    found: list[tuple[list[str], list[str]]] = []
    for bullet, indent in zip(bullets, indents, strict=True):
        if indent == top or not found:
            found.append(([bullet], []))
        else:
            found[-1][1].append(bullet)
    return found


def _org_above(header: list[str], line: str, kind: str) -> bool:
    """An organisation's line with its overall dates, and under it a role with its own:
    one entry ("Volta Robotics   2023 - 2025" / "Firmware Intern   May - Aug 2025")."""
    from netprep.resume.header import ROLE_WORDS

    return kind in ("internship", "community", MIXED) and len(header) == 1 and \
        not ROLE_WORDS.search(header[0]) and bool(ROLE_WORDS.search(line))


def _org_line_above(header: list[str], line: str, kind: str) -> bool:
    """An organisation's own line ("### Ambari Analytics Pvt. Ltd. — Bengaluru"), a blank
    line, then the role held there ("**Data Engineering Intern** · Jan. 2026 – Apr. 2026"):
    one header, the organisation passed on to the roles below it."""
    from netprep.resume.header import ROLE_WORDS, find_dates

    return kind in ("internship", "community", MIXED) and len(header) == 1 and \
        not ROLE_WORDS.search(header[0]) and not find_dates(header[0], kind) and \
        _role_first(line)


def _role_first(line: str) -> bool:
    from netprep.resume.header import role_like

    first = re.split(r",\s|\s[|·•—–-]\s|\s{2,}|\t", line.strip())[0]
    return role_like(first)


def _sentence(line: str) -> bool:
    """A line of prose ("Built a tracker used by 300 students."), not a header."""
    from netprep.resume.header import DATES

    if DATES.match(line.strip()) or re.search(r"\S\s{2,}\S|\s\|\s", line.strip()):
        return False  # "2024  flyway-lint — a linter that ...": a header, dated first
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 6 and (line.rstrip().endswith(".") or lower * 2 > len(words))


def _role_line(line: str) -> bool:
    from netprep.resume.header import role_like

    return role_like(line.strip()) and not re.search(r",\s|\s[|·•—–-]\s", line)


def _complete(line: str) -> bool:
    """A header line that names a role and something else ("Mentor, Code Club"): the
    next such line starts another entry, even without dates or bullets between them."""
    from netprep.resume.header import role_like

    parts = re.split(r",\s|\s[|·•—–-]\s|\s{2,}|\t|\s(?:at|@)\s", line.strip())
    return len(parts) > 1 and any(role_like(p.strip()) for p in parts)


def _wrapped(previous: str, line: str, below: list[str]) -> bool:
    """A header line a PDF wrapped inside a name, its dates set below the rest: "BSc
    Computer Science · Universidade de São" / "Paulo (USP)" / "Feb 2023 – Dec 2026". The
    line above is complete (a role or degree and more), the rest starts with one word
    that is no place ("Bengaluru, India" under "Research Intern, Kestrel AI" is one)."""
    from netprep.resume.header import DEGREE, find_dates, is_place

    rest = line.strip()
    nxt = next((b for b in below if b.strip()), "")
    if not (nxt and _only_dates(nxt)) or not rest[:1].isupper() or \
            find_dates(previous, "") or find_dates(rest, "") or \
            re.search(r"\s{3,}|\t|\s[|·•—–-]\s", rest) or re.search(r"\s{3,}|\t", previous):
        return False
    first = re.split(r",\s|\s\(", rest)[0]
    if len(first.split()) != 1 or is_place(first) or not previous.rstrip()[-1:].isalpha():
        return False
    parts = re.split(r",\s|\s[|·•—–-]\s", previous.strip())
    return len(parts) > 1 and (_complete(previous) or any(DEGREE.search(p) for p in parts))


def _only_dates(line: str) -> bool:
    from netprep.resume.header import DATES

    if not any(c.isdigit() for c in line) or not DATES.search(line):
        return False
    return not re.sub(r"[\s|·•,()*_–—-]+", "", DATES.sub("", line))


def _unwrap(lines: list[str]) -> list[str]:
    """Lines a PDF broke inside a date ("Sep 2021 – Apr" / "2026") joined again."""
    from netprep.resume.header import MONTH, YEAR

    ends = re.compile(rf"(?:\b{MONTH}|[-–—]|\bto)\s*$", re.I)
    starts = re.compile(rf"^\s*(?:{YEAR}|present|current|now)\b", re.I)
    out: list[str] = []
    for line in lines:
        if out and re.fullmatch(r"\s*\((?:expected|exp\.?|anticipated)\)\s*", line, re.I) and \
                re.search(rf"{YEAR}\s*$", out[-1]):
            out[-1] = out[-1].rstrip() + " " + line.strip()  # "May 2027" / "(Expected)"
            continue
        if out and starts.match(line) and ends.search(out[-1]) and \
                re.search(r"\d|present|current|now", line, re.I):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return out


def _joined(previous: str, line: str) -> str:
    """A bullet and its wrapped line; a word broken by a hyphen at the line end is joined."""
    if re.search(r"[a-z]-$", previous) and line[:1].islower():
        return previous[:-1] + line
    return previous + " " + line


_SMALL = {"of", "and", "the", "for", "in", "at", "&", "to", "de", "on", "a", "an", "with", "@",
          "-", "–", "—", "|", "·", "•"}


def _continues(line: str, previous: str) -> bool:
    """A wrapped bullet line (PDF text breaks bullets), not the header of the next entry:
    a header has dates, a separator, or is a name in Title Case ("Brown HCI Group")."""
    from netprep.resume.header import find_dates

    stripped = line.strip()
    if find_dates(stripped, "") or re.search(r"\s[|·•@]\s|\s[–—]\s|\s--?\s|\t|\s{3,}",
                                              stripped):
        return False
    ended = previous.rstrip().endswith((".", "!", "?", ";"))
    if line[:1].isspace() and not ended:
        return True
    if stripped[:1].islower():
        return True
    words = stripped.split()
    if all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words) and \
            not stripped.endswith((".", ")")) and len(words) <= 10:
        return False
    return not ended


def _entry(kind: str, header: list[str], bullets: list[str], vocabulary: list[str],
           above: str) -> Entry | None:
    """One entry from its header and bullets; each bullet fills one field."""
    from netprep.resume.header import read_header
    from netprep.resume.techs import find_techs, is_tech

    if kind == MIXED:  # "Experience & Projects": a role makes it a job
        head = read_header("internship", header, vocabulary, above)
        kind = "internship" if head is not None and head.role else "project"
        if kind == "project":
            head = read_header(kind, header, vocabulary, "")
    else:
        head = read_header(kind, header, vocabulary, above)
    if head is None:
        return None
    tech = list(head.tech) + find_techs(_tech_text(" ".join(header)), vocabulary)
    what: list[str] = []
    part: list[str] = []
    outcome: list[str] = []
    scale: list[str] = []
    for bullet in bullets:
        listed = _TECH_LINE.match(bullet)
        items = [t.strip() for t in re.split(r"[,;]", listed.group(1) if listed else bullet)
                 if t.strip()]
        if listed or (1 < len(items) and len(bullet.split()) <= 3 * len(items)
                      and all(is_tech(t, vocabulary) for t in items)):
            tech += items  # "Python, DuckDB, Streamlit"
            continue
        tech += find_techs(_tech_text(bullet), vocabulary)
        lead = _LEAD.match(bullet)
        built = _BUILDING.search(bullet) if lead else None
        if _METRIC.search(bullet) and _OUTCOME.search(bullet):
            outcome.append(bullet)
        elif lead and not part:
            # "Led a team of four building a course-scheduling web app": the part, and
            # what they built when no other bullet says it
            if built and not what:
                rest = bullet[built.end():]
                what.append(rest[:1].upper() + rest[1:])
                part.append(bullet[:built.end(1)])
            else:
                part.append(bullet)
        elif not what:
            what.append(bullet)
        elif not scale and _SCALE.search(bullet) and _METRIC.search(bullet):
            scale.append(bullet)
        else:
            part.append(bullet)
    if kind == "project" and not head.organisation:  # "Won first place at HackMIT 2025"
        # "final project for CS 184", "Course project for Image Processing; ..."
        found = ((_COURSE_FOR.search(text) if "roject" in text else None) or
                 _EVENT_IN.search(text) for text in [head.described, *bullets])
        head.organisation = next((_course_name(m.group(1)) for m in found if m), "")
    if kind == "project":  # "SnowPlot — final project for EECS 467": the course, said so
        named = next((m for m in map(_COURSE_FOR.search, header) if m), None) \
            if any("roject" in line for line in header) else None
        if named:
            head.organisation = _course_name(named.group(1))
    if head.described and not what:
        what.append(head.described[:1].upper() + head.described[1:])
    return Entry(
        None, kind, head.title[:MAX_TITLE], organisation=head.organisation[:MAX_TITLE],
        dates=head.dates[:MAX_TITLE], role=head.role[:MAX_TITLE], what=_join(what),
        part=_join(part), outcome=_join(outcome), scale=_join(scale),
        tech=tuple(dict.fromkeys(t[:80] for t in tech))[:30],
    )


def _merged(entries: list[Entry]) -> list[Entry]:
    """A table row and the bold line that repeats it above its bullets are one entry."""
    kept: list[Entry] = []
    seen: dict[tuple[str, str, str, str], Entry] = {}
    for entry in entries:
        key = (entry.kind, entry.title.casefold(), entry.role.casefold(),
               entry.organisation.casefold())
        twin = seen.get(key)
        if twin is None or entry.kind == "project" or (twin.dates and entry.dates) or \
                not (entry.role or entry.organisation):
            kept.append(entry)
            seen.setdefault(key, entry)
            continue
        for name in ("dates", "what", "part", "outcome", "scale"):
            if not getattr(twin, name):
                setattr(twin, name, getattr(entry, name))
        twin.tech = tuple(dict.fromkeys(twin.tech + entry.tech))[:30]
    return kept


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
