"""Reading a reply to the interviewer's feedback: acknowledged, reasoned, acted on?

An interviewer who raises a point after a drill ("why not a heap here?", "this
case fails") watches how the candidate takes it: you need not agree, but you should
engage with the point, give a reason for agreeing or disagreeing, and say what you
would change or test. Pure: text in, findings out.

Findings (codes):
- bare-ok: the whole reply is an "ok", "sure" or "got it";
- defensive: the reply defends the code without engaging ("it works", "you never said");
- no-acknowledge: nothing shows the point was heard (no "good point", "you're right",
  "I see", no agreement or disagreement, no words of the point itself);
- no-reason: no because, since, so, otherwise... behind the agreement or disagreement;
- no-change: nothing said about what would change or what to test.
The verdict is "answered well" when no finding applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

BARE = {"ok", "okay", "k", "sure", "fine", "yes", "yeah", "yep", "right", "noted", "thanks",
        "thank", "you", "got", "it", "alright", "cool", "understood", "agreed", "true", "i",
        "see", "will", "do", "makes", "sense", "fair", "enough", "point", "taken", "hmm", "um",
        "uh", "oh", "well", "no", "problem", "good", "to", "know", "gotcha", "mm", "sounds"}

_ACK = re.compile(
    r"\b(good (point|catch|question|call)|fair (point|enough|question)|you'?re right|that'?s"
    r" (right|true|fair|a good)|true|i see|i agree|agreed|i missed|i overlooked|i forgot"
    r"|i didn'?t (think|consider|handle|notice|check|account)|i hadn'?t|makes sense"
    r"|i understand|that'?s a (bug|mistake|problem|miss)|my (mistake|bad)|you have a point"
    r"|thanks for|i disagree|i don'?t (fully )?agree|not sure i agree|i'?d push back"
    r"|i see what you mean|yes|yeah|right|indeed|it (does|is)|it'?s (slower|wrong|broken|"
    r"quadratic|true)|(that|this) case|on that input|on (that|this) (example|input))\b")
_REASON = re.compile(
    r"\b(because|since|as (the|it|we|n|k|each|every|a|long)|so (that|the|it|each|we|i)"
    r"|otherwise|which (means|is|makes|would|costs|gives|keeps)|the reason|given (that|the)"
    r"|due to|that way|in order to|thanks to|means (that)?|would (make|cost|be|give|need)"
    r"|costs?|cheaper|slower|faster|simpler|clearer|safer|bounded|at most|at least|only"
    r"|than)\b")
_CHANGE = re.compile(
    r"\b(i'?d|i would|i will|i'?ll|i could|i should|i can|i'?m going to|i am going to|next time"
    r"|let me|to fix|fix (it|this|that)|i need to|we could|we should|we can|change|switch"
    r"|replace|rewrite|refactor|instead|add (a |an )?(test|check|case|guard)|test (it|for|with"
    r"|that|this|the)|(a|more) tests?|check (for|that|the|whether|if)|handle|guard|use (a|an|"
    r"the)|move|keep|swap|try)\b")
_DEFENSIVE = re.compile(
    r"\b(it works|it (still )?passes|it passed|works fine|works for|my (code|solution) is "
    r"(fine|correct|right|ok)|nothing (is )?wrong|doesn'?t matter|does not matter|not "
    r"(important|a big deal|my problem|my fault|relevant)|who cares|whatever|you (never|didn'?t)"
    r" (said|say|ask|mention|tell)|nobody (said|asked)|the (question|problem|statement) "
    r"didn'?t (say|ask|mention)|that'?s not (fair|what you asked)|unfair|obviously|i (already|"
    r"clearly) (did|said)|as i said|i don'?t see (why|the problem|what)|it'?s (fine|correct) as"
    r" (it is|is)|good enough|premature|overkill|no need)\b")


@dataclass
class ReplyReading:
    """What the coach made of one reply (`to_dict` is what `history show --json` keeps)."""

    text: str
    findings: list[dict[str, str]] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        return [f["code"] for f in self.findings]

    @property
    def verdict(self) -> str:
        return "answered well" if not self.findings else "could be better"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "verdict": self.verdict, "findings": self.findings}


SUGGESTIONS = {
    "bare-ok": ("A bare \"ok\" closes the conversation.", "Say whether you agree, why, and what "
                "you would change: \"Good point: the nested loop is quadratic; a set makes the "
                "lookup constant, so I'd switch to one.\""),
    "defensive": ("The reply defends the code instead of weighing the point.", "Take the point "
                  "seriously first (\"fair\", \"I see\"); you may still disagree, with a "
                  "reason."),
    "no-acknowledge": ("Nothing shows the point was heard.", "Start by naming it: \"You're "
                       "right that this case fails\" or \"I see the concern about the heap\"."),
    "no-reason": ("No reason is given for agreeing or disagreeing.", "Add the why: \"because "
                  "k is small\", \"since the input is sorted\", \"which keeps it linear\"."),
    "no-change": ("The reply does not say what you would change or test.", "End with the next "
                  "step: \"I'd add a test for the empty list\" or \"I'd switch to a heap\"."),
}


def _finding(code: str) -> dict[str, str]:
    message, suggestion = SUGGESTIONS[code]
    return {"code": code, "message": message, "suggestion": suggestion}


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3}


def read_reply(text: str, point: str = "") -> ReplyReading:
    """The findings for `text`, a reply to the feedback `point`."""
    clean = " ".join(text.replace("’", "'").split())
    lower = clean.lower()
    words = _WORD.findall(lower)
    reading = ReplyReading(clean)
    if not words or (len(words) <= 4 and all(w in BARE for w in words)):
        reading.findings.append(_finding("bare-ok"))
        return reading
    defensive = bool(_DEFENSIVE.search(lower))
    shared = _content_words(point) & _content_words(lower) if point else set()
    acknowledged = bool(_ACK.search(lower)) or len(shared) >= 2
    if defensive:
        reading.findings.append(_finding("defensive"))
    if not acknowledged and not defensive:
        reading.findings.append(_finding("no-acknowledge"))
    if not _REASON.search(lower):
        reading.findings.append(_finding("no-reason"))
    if not _CHANGE.search(lower):
        reading.findings.append(_finding("no-change"))
    return reading
