"""A walk-through is its own kind of answer, not a STAR story.

"Walk me through `logtool.py`: how is the code organised" (the take-home round) and
"Walk me through “StudyMatch”" (the resume round) ask for four things: the
**structure** (the parts and how they fit), the **decisions and their reasons**, the
**trade-offs** (what a choice cost, or what it was chosen over) and **what you would
change**. Structure and reasons are what the question asks: without either the answer
is not ready. No trade-off and no change are advice, as a missing lesson is for a
story. Small pure functions over the text, beside the coach (its counting, fillers,
findings and score scale); labelled examples in tests/data/walkthrough/items.yaml.
"""

from __future__ import annotations

from typing import Any

from netprep.coach import lazyre as re

KIND = "walkthrough"
_WALK = re.compile(r"^\s*walk (?:me|us) through\b(?!\s+(?:your|my) (?:cv|resume|résumé|"
                   r"background)\b)", re.I)

# The parts and how they fit: named pieces of the work, or the way it is split.
_STRUCTURE = re.compile(
    r"\b(?:modules?|layers?|components?|classes|(?:one|a|the|each) class|functions?|"
    r"entry point|main (?:loop|function|file|script)|pipeline|stages?|steps? (?:are|is)|"
    r"front[\s-]?end|back[\s-]?end|api|endpoints?|database|schema|tables?|services?|"
    r"parser|reader|writer|handlers?|cli|command line|packages?|folders?|directories|"
    r"files?|config(?:uration)?|tests? (?:folder|suite|files?)|split (?:in)?to|"
    r"(?:is|are) organi[sz]ed|organi[sz]ed (?:into|as|around|by)|(?:made|built) of|"
    r"consists? of|(?:two|three|four|five) (?:parts|pieces|layers|modules|files|steps|"
    r"stages|services|components)|calls?|passes (?:it|them|the)|returns?|feeds?|reads? "
    r"(?:from|the)|writes? (?:to|the))\b|\b[\w-]+\.(?:py|js|ts|java|go|rb|rs|sql|yaml|json)\b",
    re.I)
# A choice, and a reason given for it.
_CHOICE = re.compile(
    r"\b(?:i|we) (?:chose|picked|decided|went with|opted|settled on|used|kept|made|put|"
    r"split|wrote|moved|separated|built|designed|structured)\b|\bthe (?:reason|idea|point)\b|"
    r"\b(?:my|our|the) (?:choice|decision)\b", re.I)
_REASON = re.compile(
    r"\b(?:because|since|so that|so (?:i|we|it|the|each|that)|in order to|which (?:meant|means|"
    r"lets?|made|makes|keeps?)|that way|the reason|to (?:keep|make|avoid|let|allow|stop|"
    r"separate|test|isolate|reuse|handle|save|reduce)|otherwise)\b", re.I)
# What a choice cost, or what it was chosen over.
_TRADE_OFF = re.compile(
    r"\btrade[\s-]?offs?\b|\bat the (?:cost|price|expense) of\b|\binstead of\b|\brather than\b|"
    r"\bthe (?:downside|cost|price|catch|drawback)\b|\bdownside\b|\bgave up\b|\bgive up\b|"
    r"\b(?:simpler|faster|slower|easier|harder|cheaper|smaller|bigger) (?:but|than)\b|"
    r"\bover (?:a|an|the|using)\b|\b(?:versus|vs\.?)\b|\bcosts? (?:more|less|us|me)\b|"
    r"\bbut (?:it|that|this) (?:means|meant|costs?|makes?|made)\b|\bthe alternative\b|"
    r"\bconsidered\b|\bweighed\b", re.I)
# What you would change.
_CHANGE = re.compile(
    r"\b(?:i|we)(?:'d| would)(?: now| probably| also| first)? (?:change|refactor|rewrite|"
    r"replace|split|move|add|drop|remove|redo|restructure|switch|use|make|do|start|pick|"
    r"choose|put|extract|test|like to)\b|\bnext time\b|\bif i (?:did|started|were to do|"
    r"could do|had)\b|\bwith (?:more|another|two more) (?:time|hours?|days?|weeks?)\b|"
    r"\bin hindsight\b|\blooking back\b|\bdifferently\b|\b(?:i want|i plan|i'm planning) to "
    r"(?:change|refactor|rewrite|replace|split|add)\b|\bwhat i(?:'d| would) change\b", re.I)

PARTS = (
    ("structure", "the structure", _STRUCTURE),
    ("decisions", "decisions and their reasons", None),
    ("trade_offs", "trade-offs", _TRADE_OFF),
    ("change", "what you would change", _CHANGE),
)
FINDINGS = {
    "structure": ("walkthrough-no-structure",
                  "It does not say how the work is organised: its parts and how they fit.",
                  "Name the two or three main parts (files, modules, stages) and what each "
                  "does, in the order the data goes through them."),
    "decisions": ("walkthrough-no-reasons",
                  "No decision is given with its reason.",
                  "Pick one choice you made and say why (\"I kept parsing apart from the "
                  "report, so each could be tested on its own\")."),
    "trade_offs": ("walkthrough-no-trade-offs",
                   "No trade-off: what a choice cost, or what it was chosen over.",
                   "Say what you gave up (\"simpler than a database, but it reads the whole "
                   "file into memory\")."),
    "change": ("walkthrough-no-change",
               "It does not say what you would change.",
               "End with one thing you would change now, and why."),
}
BLOCKING = frozenset({"walkthrough-no-structure", "walkthrough-no-reasons", "too-short",
                      "too-long", "fillers"})
WEIGHTS = {"walkthrough-no-structure": 30, "walkthrough-no-reasons": 30,
           "walkthrough-no-trade-offs": 12, "walkthrough-no-change": 8, "too-short": 20,
           "too-long": 6, "fillers": 4}
SKELETON = 25  # a typed walk-through under this many words is too skeletal to follow


# A role question asking to walk through one of your own projects (no key points).
_OWN_PROJECT = re.compile(r"\bproject\b[^.?!:]{0,60}\bwalk (?:me|us) through it\b", re.I)


def is_walkthrough(question: Any) -> bool:
    """A walk-through of the candidate's own work: a take-home's code or a resume entry
    ("Walk me through ..."), a role question on one of your projects ("Pick one project
    on your resume and walk me through it"), or a question marked so."""
    if getattr(question, "kind", "") == KIND:
        return True
    text = str(getattr(question, "text", "") or "")
    round_ = getattr(question, "round", "")
    if round_ == "role" and not getattr(question, "key_points", ()):
        return bool(_OWN_PROJECT.search(text))
    return round_ in ("takehome", "resume") and bool(_WALK.search(text))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]


def shows(text: str) -> dict[str, bool]:
    """Which of the four things the answer does."""
    sentences = _sentences(text)
    decided = any(_REASON.search(s) and (_CHOICE.search(s) or _STRUCTURE.search(s))
                  for s in sentences)
    found = {"decisions": decided}
    for key, _name, pattern in PARTS:
        if pattern is not None:
            found[key] = bool(pattern.search(text))
    return {key: found[key] for key, _n, _p in PARTS}


def analyze(text: str, typed: bool = True) -> Any:
    """The coach-shaped analysis of a walk-through (kind "walkthrough")."""
    from netprep.coach.fillers import count_fillers
    from netprep.coach.findings import READY_SCORE, UNREADY_CAP, Finding
    from netprep.coach.result import Analysis
    from netprep.coach.terms import LONG_SLACK_SECONDS, speaking_seconds
    from netprep.text import clock, count_words

    words = count_words(text)
    seconds = speaking_seconds(words)
    found = shows(text)
    findings = [Finding(*FINDINGS[key]) for key, _n, _p in PARTS if not found[key]]
    if words < SKELETON:
        findings.insert(0, Finding("too-short", f"Too short to follow ({words} words).",
                                   "Walk through the parts in order, one choice and why, "
                                   "and what you would change."))
    elif not typed and seconds > LONG_SLACK_SECONDS:
        findings.append(Finding("too-long", f"About {clock(seconds)} to say ({words} words).",
                                "Keep to the main parts and one or two decisions."))
    fillers = count_fillers(text)
    if sum(fillers.values()) >= 2:
        findings.append(Finding("fillers", f"{sum(fillers.values())} filler or hedge words.",
                                "Say it plainly; drop the hedges."))
    codes = [f.code for f in findings]
    ready = bool(words) and not BLOCKING & set(codes)
    raw = max(0, 100 - sum(WEIGHTS.get(c, 5) for c in codes))
    score = (READY_SCORE + round((100 - READY_SCORE) * raw / 100) if ready
             else round(UNREADY_CAP * raw / 100)) if words else 0
    analysis = Analysis(words=words, speaking_seconds=seconds, score=score, findings=findings,
                        parts={}, has_metric=False, i_count=0, we_count=0, fillers=fillers,
                        ready=ready, kind=KIND, typed=typed)
    analysis.extra.update(walkthrough=found, estimated_seconds=seconds)
    return analysis
