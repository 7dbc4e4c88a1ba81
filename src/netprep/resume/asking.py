"""The coach's read of the questions a candidate asks at "Do you have any questions for me?".

Flags: `web-searchable` (a search engine answers it: what the company does, its
size, founders, offices, public mission), `pay-perks` (salary, equity, time off,
remote work: for the recruiter or a later round, not a first interview), `yes-no`
(a closed question that ends the conversation). Praise: `specific` (an open
question about this team or its culture in practice, such as a recent decision,
a habit, a first-90-days bar). `no-questions` when the candidate declines to ask.
Pure functions over text; measured against `tests/data/interviewer_questions.yaml`
(`python benchmarks/interviewer_questions.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_QUESTIONS = 3
FLAGS = ("web-searchable", "pay-perks", "yes-no")
PRAISE = "specific"
MESSAGES = {
    "web-searchable": "A web search answers this; ask something only this interviewer "
                      "can tell you, such as how their team works.",
    "pay-perks": "Pay, perks and time off are for the recruiter or a later round; in a first "
                 "interview they read as your main interest.",
    "yes-no": "A yes/no question ends the conversation; start with how, what or "
              "\"tell me about\" to get a story.",
    "specific": "Good question: specific to this team and its culture, and it invites a real "
                "example.",
    "no-questions": "Always ask at least one question: it is your chance to show curiosity "
                    "about the team (see `netprep tips questions`).",
}

_DECLINE = re.compile(r"^(?:no|nope|none|nothing|not really|not at the moment|i'?m good|"
                      r"i am good|that'?s all|all good|i think you(?:'ve| have)? (?:covered|"
                      r"answered))\b[^?]*$", re.I)
_AUX = ("do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would",
        "should", "have", "has", "had", "am", "may", "might", "shall", "isn't", "aren't",
        "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't")
_LEAD_IN = re.compile(r"^(?:(?:so|and|also|just|okay|ok|well|yes|actually|one more|i was "
                      r"wondering|i wanted to ask|i'd like to know|i would like to know|"
                      r"quick question)[,:]?\s+)+", re.I)
_OPEN_REQUEST = re.compile(r"^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|walk|"
                           r"describe|share|explain|talk|give|say|expand|elaborate|paint)\b",
                           re.I)
_WH = re.compile(r"(?:,|\band\b|\bor\b|;|\?)\s*(?:if so,?\s*)?(?:what|how|why|which|who|where|"
                 r"when|tell me)\b", re.I)
_PAY = re.compile(
    r"\b(?:salar(?:y|ies)|pay(?:s|ing)?\b(?! attention)|paid\b(?! off)|compensation|"
    r"bonus(?:es)?|stock options?|equity|rsus?|benefits|perks|vacation|pto|paid time off|"
    r"time off|days off|holidays?|(?:parental|sick|annual|maternity|paternity) leave|401k|"
    r"pension|health insurance|insurance|relocation|stipend|housing|free (?:food|lunch|meals|"
    r"snacks)|gym|wages?|a raise|raises|overtime|how much (?:do|does|will|would)\b.*\b(?:make|"
    r"earn|get)|work (?:from home|remotely)|remote work|wfh|work-life|hybrid)\b", re.I)
_COMPANY = r"(?:the company|your company|the firm|the organi[sz]ation|the business|the startup)"
_SEARCHABLE = [re.compile(p, re.I) for p in (
    rf"\bwhat (?:does|do) {_COMPANY} (?:do|make|sell|build)\b",
    r"\bwhat (?:products|services) (?:does|do)\b.*\b(?:sell|offer|make|build|have)\b",
    r"\bhow many (?:employees|offices|countries|locations|customers|people (?:work|are "
    r"employed)\b(?! on)(?!.*\bteam\b))",
    rf"\bhow (?:big|large|old) is {_COMPANY}",
    rf"\bwhen (?:was|did) (?:{_COMPANY}|it|[a-z]+) (?:founded|start(?:ed)?|created|established|"
    rf"go public|ipo)\b",
    rf"\bwho (?:founded|started|owns|is the ceo|is your ceo|are (?:your|the company's|the) "
    rf"competitors|runs {_COMPANY})\b",
    rf"\bwhere (?:is|are) (?:{_COMPANY}|you|your|the) ?(?:company'?s? )?(?:headquarter|hq|"
    rf"offices?|based|located)",
    rf"\bwhat (?:is|are|'s) (?:{_COMPANY}'s|the company's|your company's|{_COMPANY}) "
    rf"(?:mission|vision|values|core values|products|main products|revenue|stock price|market "
    rf"cap|competitors|history|headcount|size)\b",
    rf"\bwhat (?:is|are) the (?:mission|vision|values|revenue|history) of {_COMPANY}",
    rf"\bis {_COMPANY} (?:public|publicly traded|profitable|listed)\b",
    r"\bwhat (?:industry|sector|market) (?:is|does|are)\b",
)]
_CAPITAL_COMPANY_DO = re.compile(r"^[Ww]hat (?:does|do) ((?:[A-Z][\w&.'-]*)(?:\s[A-Z][\w&.'-]*)?) "
                                 r"(?:do|make|sell)\b")
_ANCHOR = re.compile(r"\b(?:you personally|your own|your team|on the team|this team|the team|"
                     r"in your experience|you've seen|you have seen|for you|you joined|"
                     r"show up|in practice|day to day|day-to-day)\b", re.I)
_TEAM = re.compile(
    r"\b(?:team(?:s|'s|mates?)?|colleagues?|manager|mentors?|mentoring|onboard(?:ing)?|new "
    r"(?:hires?|people|joiners?|interns?)|code reviews?|reviews?|incidents?|on-call|decisions?|"
    r"decide[ds]?|disagree(?:d|ments?)?|feedback|culture|values|mistakes?|fail(?:ed|ures?)?|"
    r"ship(?:ped)?|sprints?|stand-?ups?|retro(?:spective)?s?|collaborat\w*|engineers|interns?|"
    r"people here|push back|codebase|process|tooling|pairing|learn(?:s|ed|ing)?)\b", re.I)
_CONCRETE = re.compile(
    r"\b(?:recent(?:ly)?|last (?:time|month|week|quarter|year|project|intern|incident|"
    r"release)|an example|for example|a time|a moment|tell me about|walk me through|first "
    r"(?:week|weeks|month|months|90 days|ninety days|three months|few months|change|project)|"
    r"day[- ]to[- ]day|typical (?:day|week)|right now|currently|this (?:year|summer|quarter)|"
    r"you personally|your own|hardest|biggest|surprised?|changed|settled|separates|"
    r"on track|halfway|stretch|by the end of|show(?:s)? up|in practice|what happens (?:on|in|"
    r"when)|when someone)\b|\bhow (?:does|do|did|is|are|would|will) "
    r"(?:the |your |this )?(?:team|people|engineers|interns|mentors|feedback|a change|"
    r"decisions?|new)\b.*\b(?:decide|review|handle|share|onboard|work|settle|plan|prioriti[sz]e|"
    r"measure|happen|get|learn|go|meet|give|make|push|show)", re.I)
_GENERIC = re.compile(r"^(?:what(?:'s| is) the (?:culture|team|work environment|environment|"
                      r"vibe) like|how would you describe the (?:culture|team|environment))\??$",
                      re.I)


def _questions(text: str) -> list[str]:
    """The question sentences of the text (a preamble ending in '.' is skipped)."""
    pieces = [p.strip() for p in re.split(r"(?<=[?.!])\s+", text.strip()) if p.strip()]
    asked = [p for p in pieces if p.endswith("?")]
    return asked or pieces[-1:]


def is_yes_no(text: str) -> bool:
    sentences = _questions(text)
    return bool(sentences) and all(_closed(s) for s in sentences)


def _closed(sentence: str) -> bool:
    body = _LEAD_IN.sub("", sentence.strip()).strip()
    first = body.split(" ", 1)[0].lower().strip(",") if body else ""
    if first not in _AUX or _OPEN_REQUEST.match(body):
        return False
    rest = body[len(first):]
    if _WH.search(rest):
        return False  # "Do you enjoy it, and what keeps you here?"
    # "Do you prefer pairing or working alone?" offers a choice, not yes or no.
    return not re.search(r"\bor\b(?! not\b)(?! anything\b)", rest, re.I)


def is_web_searchable(text: str) -> bool:
    if _ANCHOR.search(text):
        return False
    flat = " ".join(text.split())
    body = _LEAD_IN.sub("", flat)
    if _CAPITAL_COMPANY_DO.match(body) and not re.match(r"^what (?:does|do) (?:I|you)\b", body):
        return True
    return any(p.search(flat) for p in _SEARCHABLE)


def is_pay_perks(text: str) -> bool:
    return bool(_PAY.search(text))


def is_specific(text: str) -> bool:
    """An open question about the team or its culture, anchored in something concrete."""
    flat = " ".join(text.split())
    if _GENERIC.match(flat) or not _TEAM.search(flat):
        return False
    return bool(_CONCRETE.search(flat))


def codes(text: str) -> list[str]:
    """The finding codes for one question, flags first."""
    if _DECLINE.match(text.strip()):
        return ["no-questions"]
    found = []
    if is_web_searchable(text):
        found.append("web-searchable")
    if is_pay_perks(text):
        found.append("pay-perks")
    if is_yes_no(text):
        found.append("yes-no")
    if not found and is_specific(text):
        found.append(PRAISE)
    return found


def analyse(text: str) -> list[dict[str, str]]:
    """`[{"code", "message"}]` for one question."""
    return [{"code": code, "message": MESSAGES[code]} for code in codes(text)]


def split_line(line: str) -> list[str]:
    """The scripted form: questions separated by ` | `, at most three kept."""
    parts = [" ".join(p.split()) for p in line.split(" | ")]
    return [p for p in parts if p][:MAX_QUESTIONS]


def analyse_all(questions: Sequence[str]) -> list[dict[str, object]]:
    """`[{"text", "findings"}]` for up to three questions."""
    return [{"text": q, "findings": analyse(q)} for q in list(questions)[:MAX_QUESTIONS]]
