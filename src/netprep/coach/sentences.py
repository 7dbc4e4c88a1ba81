"""Splitting text into sentences and clauses, the units the part classifier labels.

A clause boundary is a sentence end, a line break or bullet, a semicolon, a dash,
or a connective that usually starts a new beat in a spoken answer (", so ...",
", which cut ...", "... and we shipped ..."). Abbreviations and decimals do not end
a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from netprep.coach import lazyre as re


@dataclass(frozen=True)
class Clause:
    text: str
    field: str | None = None  # the story field it was written in (a hint, not the truth)
    index: int = 0  # position among all clauses of the text
    sentence: int = 0  # which sentence it belongs to
    lead: str = ""  # the connective that opened it ("so", "which", "and"), lower case


_ABBREV = r"(?:e\.g|i\.e|etc|vs|approx|dr|mr|mrs|ms|prof|inc|ltd|no|fig|st|jr|sr)"
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+", re.M)
_ABBREV_END = re.compile(r"\b" + _ABBREV + r"\.$|(?<![\w.])[A-Z]\.$")
# Connectives that open a new clause. Group 1 is the connective kept as the lead.
_PAST = (r"(?:\w+ed|built|wrote|ran|made|met|took|sent|led|set|spent|chose|found|got|gave|"
         r"brought|began|kept|held|drew|put|told|taught|dug|rewrote|split|broke|read|sought|did|"
         r"drove|spoke|won|cut|paid|left|sold|shut|rebuilt|reran|redid|fell|rose|grew|went|came|"
         r"saw|knew|thought|felt|became|stood|rang|began|lost|meant|hit)")
_CLAUSE = re.compile(
    r"\s*;\s*|\s+[-–—]+>?\s+|\s*(?:->|=>|→)\s*|"
    r",\s*(?=(?:and\s+)?(?:so|which|but|then|after which|as a result|in the end|"
    r"and then|until|because|while)\b)|"
    r",\s*(?=and\s)|"
    r",\s*(?=(?:then\s+|also\s+)?" + _PAST + r"\s+(?:a|an|the|it|them|him|her|my|our|every|"
    r"each|all|some|two|three|\d|up|out|down|in|to|with|back|over)\b)|"
    r"\s+(?=(?:and|but|so)\s+(?:then\s+)?(?:(?i:i|we|they|he|she|it|this|that|the team)|"
    r"my \w+|our \w+|[A-Z][a-z]+)\s+(?!and\b|or\b)\w)|"
    r"\s+(?=and\s+(?:then\s+|also\s+)?" + _PAST + r"\s)"
    r"|\s+(?=which\s+(?:cut|reduced|saved|brought|meant|made|led|dropped|raised|increased|"
    r"improved|halved|doubled|took|got|let|gave|lowered|removed)\b)"
)
_LEAD = re.compile(r"^(?:and\s+then|and|but|so|then|which|as a result|in the end|until|"
                   r"because|while|after which)\b[,\s]*", re.I)
# "Result: ..." in a typed outline names the part it starts.
_HEADING = re.compile(r"^\s*(situation|context|background|task|goal|problem|challenge|action|"
                      r"actions|what i did|result|results|outcome|impact|lesson|lessons|"
                      r"learned|learning|learnt|takeaway|[starl])\s*[:=]\s*", re.I)
HEADING_PART = {"situation": "situation", "context": "situation", "background": "situation",
                "s": "situation", "task": "task", "goal": "task", "problem": "task",
                "challenge": "task", "t": "task", "action": "action", "actions": "action",
                "what i did": "action", "a": "action", "result": "result", "results": "result",
                "outcome": "result", "impact": "result", "r": "result", "lesson": "learned",
                "lessons": "learned", "learned": "learned", "learning": "learned",
                "learnt": "learned", "takeaway": "learned", "l": "learned"}
_VERBISH = re.compile(r"\b(?:" + _PAST + r"|is|are|was|were|am|be|been|has|have|had|do|does|"
                      r"can|could|would|will|should|\w+s|\w+ing)\b", re.I)


_NAMED = re.compile(r"^\w+(?:\s+\w+){0,3},\s*[A-Z][a-z]+$")  # "Our senior engineer, Marta"


def sentences(text: str) -> list[str]:
    """Sentences of a text, by end punctuation, line breaks and bullets."""
    out: list[str] = []
    for line in re.split(r"\n+", _BULLET.sub("", text or "")):
        line = line.strip()
        if not line:
            continue
        start = 0
        for m in re.finditer(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Za-z0-9])", line):
            head = line[start:m.end()]
            if m.group(0) == "." and _ABBREV_END.search(head):
                continue
            out.append(head.strip())
            start = m.end()
        tail = line[start:].strip()
        if tail:
            out.append(tail)
    return out


def clauses(text: str, field: str | None = None, start: int = 0,
            first_sentence: int = 0) -> list[Clause]:
    """Clauses of a text, each with the connective that opened it.

    A piece with no verb ("and error codes") stays with the clause before it; a
    heading ("Result: ...") makes its part the clause's field.
    """
    out: list[Clause] = []
    heading = field
    for s_index, sentence in enumerate(sentences(text), first_sentence):
        pieces: list[str] = []
        for piece in _CLAUSE.split(sentence):
            piece = (piece or "").strip(" ,")
            if not re.search(r"[A-Za-z0-9]", piece):
                continue
            if pieces and (not _VERBISH.search(piece) and len(piece.split()) < 5 or
                           _NAMED.search(pieces[-1]) and not _VERBISH.search(pieces[-1])):
                # a piece with no verb ("and error codes", "Our lead, Sam") joins its neighbour
                pieces[-1] = pieces[-1] + ", " + piece
                continue
            pieces.append(piece)
        for piece in pieces:
            h = _HEADING.match(piece)
            if h and field is None:
                heading = HEADING_PART.get(h.group(1).lower(), heading)
                piece = piece[h.end():].strip()
                if not piece:
                    continue
            m = _LEAD.match(piece)
            lead = " ".join(m.group(0).lower().strip(" ,").split()) if m else ""
            out.append(Clause(piece, heading, start + len(out), s_index, lead))
    return out


def split_fields(fields: dict[str, str], order: tuple[str, ...]) -> list[Clause]:
    """Clauses of every field of a story, in order, each tagged with its field."""
    out: list[Clause] = []
    sentence = 0
    for name in order:
        text = fields.get(name) or ""
        part = clauses(text, name, len(out), sentence)
        out.extend(part)
        sentence = (part[-1].sentence + 1) if part else sentence
    return out
