"""'Tell me about yourself': a 60-90 second outline from the entries, and how a spoken
answer covers it.

The outline follows present, past, why this role: who you are now (the current
study or role), two or three past entries worth a follow-up (with their outcome),
and why this role. Each beat is one line the user edits in their own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from netprep.coach.terms import speaking_seconds as _seconds_for
from netprep.coach.terms import words_for as _words_for
from netprep.resume.model import Entry
from netprep.text import count_words

TARGET_SECONDS = (60, 90)
BEATS = ("present", "past", "why")
_CURRENT = re.compile(r"\b(?:present|current|now|ongoing|today)\b", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_STOP = {"the", "a", "an", "and", "of", "for", "to", "in", "on", "at", "with", "my", "i",
         "as", "by", "is", "was", "it", "this", "that", "from", "about", "our", "we"}


@dataclass(frozen=True)
class Beat:
    beat: str  # present, past or why
    text: str


def _latest_year(entry: Entry) -> int:
    years = [int(y) for y in _YEAR.findall(entry.dates)]
    return 9999 if _CURRENT.search(entry.dates) else max(years, default=0)


# A full stop after one of these (or after one letter: "J. Doe", "U.S.") ends no sentence.
_ABBREVIATIONS = {"e.g", "i.e", "etc", "vs", "approx", "incl", "dept", "univ", "inc", "ltd",
                  "corp", "co", "dr", "mr", "mrs", "ms", "prof", "st", "no", "jan", "feb",
                  "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def first_sentence(text: str) -> str:
    """The first whole sentence of a field (its first line), never cut inside: "0.8 s",
    "e.g. caching" and "Jan. 2025" end no sentence."""
    line = next((" ".join(part.split()) for part in text.splitlines() if part.strip()), "")
    for match in re.finditer(r"[.!?](?=\s+[\"'(]?[A-Z0-9])", line):
        word = line[:match.start()].rsplit(None, 1)[-1].lstrip("(\"'").lower()
        if line[match.start()] == "." and (word in _ABBREVIATIONS or len(word) <= 1
                                           or re.fullmatch(r"(?:\w\.)+\w", word)):
            continue
        return line[:match.end()]
    return line


def _sentence(text: str) -> str:
    """A sentence as said in the pitch: capitalised, ending in a full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text.rstrip(",;:") + "."


def highlight(entry: Entry) -> str:
    """One past beat: the entry's name, what it was or your part, and how it ended, each in
    whole sentences (an outcome that repeats the first sentence is said once)."""
    said: list[str] = []
    for text in (entry.part or entry.what, entry.outcome):
        sentence = _sentence(first_sentence(text))
        if sentence and all(sentence.casefold() != s.casefold() for s in said):
            said.append(sentence)
    return entry.label() + (": " + " ".join(said) if said else "")


def outline(entries: Sequence[Entry], role: str = "") -> list[Beat]:
    """Present, two or three past highlights, why this role."""
    beats: list[Beat] = []
    education = [e for e in entries if e.kind == "education"]
    others = sorted((e for e in entries if e.kind != "education"),
                    key=lambda e: (-_latest_year(e), -(e.id or 0)))
    current = next((e for e in others if _CURRENT.search(e.dates)), None)
    if education:
        study = max(education, key=_latest_year)
        what = study.role or study.title
        where = f" at {study.organisation}" if study.organisation and \
            study.organisation not in what else ""
        beats.append(Beat("present", f"I'm studying {what}{where}."))
    if current is not None:
        beats.append(Beat("present", f"Right now I'm {current.role or 'involved'} with "
                                     f"{current.organisation or current.title}."))
    if not beats:
        beats.append(Beat("present", "Who I am now: what I study or do, in one sentence."))
    highlights = [e for e in others if e is not current][:3] or ([current] if current else [])
    for entry in highlights:
        beats.append(Beat("past", highlight(entry)))
    if len(highlights) == 0:
        beats.append(Beat("past", "One or two things I built or led, each with a result."))
    target = f" {role}" if role else " this role"
    beats.append(Beat("why", f"Why{target}: what draws me to the team and what I want to "
                             "learn there (one sentence in your own words)."))
    return beats


def outline_text(beats: Sequence[Beat]) -> str:
    """The outline as the editable text that is saved: one `- beat: line` per beat."""
    return "\n".join(f"- {b.beat}: {b.text}" for b in beats) + "\n"


def parse_outline(text: str) -> list[Beat]:
    """Beats from the saved (and possibly edited) text; unlabelled lines count as past."""
    beats = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("-*• ").strip()
        if not line or line.startswith("#"):
            continue
        match = re.match(r"(present|past|why)\s*:\s*(.*)$", line, re.I)
        beats.append(Beat(match.group(1).lower(), match.group(2)) if match
                     else Beat("past", line))
    return beats


def _keywords(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9+#]+", text.lower())
            if w not in _STOP and (len(w) > 3 or any(c.isdigit() for c in w))}


@dataclass(frozen=True)
class PitchCheck:
    words: int
    seconds: int
    covered: list[str]  # beat texts the answer touched
    missed: list[str]
    findings: list[dict[str, str]]


def compare(answer: str, outline_: str) -> PitchCheck:
    """Which beats of the saved outline a typed pitch covers, and whether it fits 60-90 s."""
    beats = parse_outline(outline_)
    said = _keywords(answer)
    covered: list[str] = []
    missed: list[str] = []
    for beat in beats:
        wanted = _keywords(beat.text)
        hit = len(wanted & said) >= max(1, min(2, len(wanted) // 3)) if wanted else False
        (covered if hit else missed).append(beat.text)
    words = count_words(answer)
    findings = []
    if missed:
        findings.append({"code": "pitch-beats-missed",
                         "message": f"Covered {len(covered)} of {len(beats)} beats of your "
                                    f"outline; missed: {missed[0]}",
                         "suggestion": "Walk the outline in order: present, past, why this role."})
    return PitchCheck(words, _seconds_for(words), covered, missed, findings)


def length_finding(words: int) -> tuple[str, str, str] | None:
    """(code, message, suggestion) when a pitch of this many words is said in under 1:00
    or over 1:30 (the 60-90 s aim), else None."""
    from netprep.text import clock

    seconds = _seconds_for(words)
    low, high = TARGET_SECONDS
    said = (f"About {clock(seconds)} spoken ({words} words); a pitch takes "
            f"{clock(low)}-{clock(high)}.")
    if seconds > high:
        return ("pitch-too-long", said, f"Trim to about {_words_for(high)} words: one "
                "highlight per beat, and stop at why this role.")
    if words and seconds < low:
        return ("pitch-too-short", said, f"Grow it to at least {_words_for(low)} words: add "
                "one past highlight with its result, and why this role.")
    return None


PITCH_HEADER = """\
# Tell me about yourself: 60-90 seconds, present -> past -> why this role.
# One line per beat, `- present: ...`, `- past: ...`, `- why: ...`; say it in your own words.
# Lines starting with # are ignored. Save and close the editor to keep it.
"""
MAX_PITCH_CHARS = 4000


def clean_pitch(text: str) -> str:
    """The pitch without comment lines and surrounding blank lines."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").splitlines()
             if not line.lstrip().startswith("#")]
    return "\n".join(lines).strip() + "\n"


def speaking_seconds(text: str) -> int:
    return _seconds_for(sum(count_words(b.text) for b in parse_outline(text)))


def check_pitch(text: str, source: str = "") -> str:
    """The edited pitch, or a NetprepError saying why it cannot be saved."""
    from netprep.errors import NetprepError

    body = clean_pitch(text)
    if not body.strip():
        raise NetprepError(f"{source or 'The pitch'}: empty; write at least one beat.")
    if len(body) > MAX_PITCH_CHARS:
        raise NetprepError(f"{source or 'The pitch'}: {len(body)} characters; at most "
                           f"{MAX_PITCH_CHARS} (a pitch is said in 90 seconds).")
    return body
