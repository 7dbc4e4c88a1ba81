"""Numbers that measure impact: a change in time, users, errors, money, rank or quality.

Number words become digits first ("seventeen" -> 17, via text2num, imported on
first use); fractions and multipliers ("a third", "halved", "fivefold") count
too. Dates, week numbers, versions, clock times, "an hour after ..." and effort
counts ("3 weeks of evenings", "2,500 lines") are quantities but not metrics.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from netprep.coach import lazyre as re

_NUMBER_WORD = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|first|second|third|fourth|fifth)\b",
    re.I)
_FRACTION = re.compile(
    r"\b(?:(?:a|one|two)\s+(?:thirds?|quarters?|fifths?|tenths?)|(?:a\s+|by\s+)?half|"
    r"halved|doubled|tripled|trebled|quadrupled|\w+fold|twice as|twice (?:its|the|their|our|"
    r"my|what) (?:\w+\s+)?(?:size|number|speed|rate|target|goal|amount|average|usual|expected|"
    r"budget|total|count|figure|baseline|forecast)|"
    r"from (?:hours|days|weeks|months) to (?:minutes|seconds|hours|days)|"
    r"(?:two|three|four|five|ten|"
    r"\d+)\s*(?:times|x)\s+(?:as|more|less|faster|fewer|the|higher|lower|bigger|smaller)|"
    r"a dozen|dozens|hundreds|thousands|millions|zero|none of the|all \d+|"
    r"(?:a|an|one)\s+(?:day|week|month|hour|minute|sprint|term)s?\s+(?:earlier|sooner|faster|"
    r"ahead|early|less|quicker))\b", re.I)
_QUANTITY = re.compile(r"[$€£¥]\s?\d[\d,.]*\s*[kmb]?|\d[\d,]*(?:\.\d+)?\s*(?:%|percent|per cent|"
                       r"x\b|×|k\b)?|\b\d+(?:st|nd|rd|th)\b", re.I)
# Quantities that are not impact.
_NOT_METRIC = [re.compile(p, re.I) for p in (
    r"\b(?:19|20)\d\d\b(?!\s*(?:users|people|students|visitors|requests|errors|downloads))",
    r"\b(?:week|day|sprint|version|v|release|level|year|grade|chapter|step|phase|round|"
    r"python|java|ios|android|windows|module|room|page|line|question|part|lab|term|"
    r"semester|cohort|group|team|class|section|building|floor)\s*\d[\d.]*\b",
    r"\bv\d",
    r"\b\d+(?:\.\d+){2,}\b|(?-i:\b[A-Z][A-Za-z]+)\s+\d+(?:\.\d+)+\b(?!\s*(?:%|percent|s\b|seconds?))",
    r"\b\d+[- ]?(?:day|week|hour|month|minute|year|night)s?[- ](?:extension|delay|trip|course|"
    r"workshop|sprint|break|holiday|project|hackathon|internship|placement|event|training|"
    r"bootcamp|contract|trial|pilot|freeze|window|notice|deadline)\b|\b\d+-(?:day|week|hour|"
    r"month|minute|year|night)\b",
    r"\d+(?:\.\d+)?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}[:.]\d{2}\b(?!\s*%)",
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d{1,2}\b",
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b",
    r"\b(?:an?|\d+)\s+(?:hour|day|week|minute|month|year)s?\s+(?:after|before|later|into)\b",
    r"\b\d[\d,]*\s*(?:(?:changed|new|extra|modified|edited|added)\s+)?(?:(?:lines?|commits?|"
    r"files?|pages?|slides?|pull requests?|prs?|"
    r"code reviews?|evenings?|weekends?|nights?|meetings?|emails?|calls?|interviews?)\b|"
    r"tickets? (?:assigned|in my)|hours of work)",
    r"\b(?:i|we) had (?:\w+ )?(?:reviewed|written|sent|made|done|closed|attended)\b.*",
    r"\b(?:took(?: me| us| the team)?|spent|over|for|during|within|in)\s+(?:about\s+|"
    r"roughly\s+|around\s+|nearly\s+|almost\s+)?\d[\d,.]*\s*(?:hours?|days?|weeks?|months?|"
    r"years?|minutes?|evenings?|sprints?|terms?|semesters?)\b(?!\s+(?:earlier|sooner|faster|"
    r"less|fewer|ahead|early|quicker|to\b|down|saved))",
    r"\b(?:team|group|class|squad) of \d+\b|\b\d+\s+(?:of us|teammates|others)\b",
    r"\b\d+\s*(?:year|month|week|day)[- ]old\b|\b\d+(?:st|nd|rd|th)[- ]year\b",
    r"\b\d+(?:st|nd|rd|th)\b(?!\s+(?:of|out of|place|prize|overall|in\b|among|position))",
    r"\b(?:one|1)\s+(?:of|more|day|thing|person|way|time|place|point|another|last|big)\b",
)]
# Words that make a quantity an impact measure when it sits in an outcome.
_CHANGE = re.compile(
    r"\b(?:from|to|by|down|up|under|below|over|fewer|less|more|faster|slower|cut|saved|"
    r"dropped|fell|rose|grew|increased|decreased|reduced|improved|raised|lowered|went|"
    r"doubled|halved|tripled|times|%|percent|users?|students?|people|customers?|members?|"
    r"visitors?|downloads?|sign-?ups?|requests?|errors?|bugs?|crashes|failures?|complaints?|"
    r"tickets?|issues|hours?|minutes?|seconds?|milliseconds?|ms|secs?|days?|weeks?|[$€£]|"
    r"dollars?|euros?|pounds?|"
    r"revenue|costs?|budget|place|prize|rank|ranked|top|mark|grade|score|scored|points?|"
    r"out of|of the|entries|teams|rating|stars?|reviews?|accuracy|participants|patrons|"
    r"attendees|views|viewed|times|builds?|mb|gb|kb|queries|pages|responses|sessions|"
    r"installs|jobs|records|rows|items|orders|bookings|calls|messages|applications|seats|"
    r"sold|sales|tickets|attendance|signups|against|versus|vs|baseline|auc|f1|precision|"
    r"recall|runs?|in a row|consecutive|straight)\b|[$€£%]",
    re.I)


def _load_alpha2digit() -> Callable[..., str]:
    from text_to_num import alpha2digit

    return alpha2digit


_alpha2digit: Callable[..., str] | None = None


_SIMPLE = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_SIMPLE.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
                "eighty": "80", "ninety": "90", "first": "1st", "second": "2nd",
                "third": "3rd", "fourth": "4th", "fifth": "5th"})
# A number said in more than one word ("forty-two", "one hundred and five", "two thousand").
_COMPOUND = re.compile(
    r"\b(?:" + "|".join(_SIMPLE) + r"|hundred|thousand|million|billion)(?:[\s-]+(?:and\s+)?"
    r"(?:" + "|".join(_SIMPLE) + r"|hundred|thousand|million|billion)\b)+|\b(?:hundred|"
    r"thousand|million|billion)\b", re.I)


@lru_cache(maxsize=2048)
def digits(text: str) -> str:
    """The text with English number words written as digits ("forty-two" -> "42").

    Single words are looked up here; a number said in several words goes to text2num,
    imported the first time one is met.
    """
    global _alpha2digit
    if not _NUMBER_WORD.search(text):
        return text
    if not _COMPOUND.search(text):
        return _NUMBER_WORD.sub(lambda m: _SIMPLE.get(m.group(0).lower(), m.group(0)), text)
    if _alpha2digit is None:
        _alpha2digit = _load_alpha2digit()
    try:
        return str(_alpha2digit(text, "en", threshold=0))
    except Exception:  # noqa: BLE001 - an unparseable phrase is left as written
        return text


def quantities(text: str) -> list[str]:
    """The impact-like quantities in a text (after dropping dates, versions, effort counts)."""
    converted = digits(text)
    masked = converted
    for pattern in _NOT_METRIC:
        masked = pattern.sub(lambda m: "#" * len(m.group(0)), masked)
    found = [m.group(0) for m in _QUANTITY.finditer(masked) if re.search(r"\d", m.group(0))]
    found += [m.group(0) for m in _FRACTION.finditer(text)]
    return found


def has_quantity(text: str) -> bool:
    return bool(quantities(text))


_RANK = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:of|out of|place|in)\b|\btop \d+\b|"
                   r"\b(?:one|two|three|four|five|\d)[- ]star\b|\b\d(?:\.\d)? out of (?:5|10)\b",
                   re.I)
# "not broken since, over four months": a clean run of some length is a measure.
_CLEAN_RUN = re.compile(r"\b(?:twice|three times|four times|\d+ times|every (?:year|time))\s+"
                        r"since\b(?=.{0,30}\b(?:without|no|never)\b)|"
                        r"\b(?:passed|worked|ran|run|held) (?:on )?every (?:night|day|time|"
                        r"run|week|release|build) since\b|"
                        r"\b(?:not|never|no|zero|without)\b.{0,60}\b(?:since|for|over|in)\b.{0,20}"
                        r"\b(?:\d+|a|one|two|three|four|five|six|\w+teen|twenty)\s+(?:days?|weeks?|"
                        r"months?|years?|terms?|releases?|runs?)\b", re.I)


# "not a single missed payment", "zero crashes since": an absence that counts.
_ABSENCE = re.compile(r"\b(?:not a single|not one|without a single|zero|no more|no further)\s+"
                      r"(?:\w+\s+){0,2}\w+|\bnothing (?:had |has )?(?:was |been |got )?(?:lost|"
                      r"wasted|thrown away|missed|broken|dropped)\b|"
                      r"\b(?:not|never|n't)\s+(?:\w+\s+){1,2}(?:a single|one single)\s+\w+|"
                      r"\bno\s+(?:\w+\s+){1,2}(?:has|have)\s+(?:\w+\s+){1,3}since\b|"
                      # "passed the recheck with no critical issues", "there were no new spam
                      # posts that night or since", "the auditors had no findings"
                      r"\b(?:with|had|has|have|there (?:were|was|have been|has been)|found|"
                      r"reported|got|received)\s+no\s+(?:[\w-]+\s+){0,2}(?:issues|errors|bugs|crashes|"
                      r"complaints|failures|problems|findings|defects|incidents|posts|tickets|"
                      r"gaps?|mistakes|outages|warnings|violations|returns|refunds)\b", re.I)
# "one more free day a week", "two hours less per week": time won back at a rate.
_RATE = re.compile(r"\b(?:\d+|an?|one|half a)\s+(?:(?:more|extra|fewer|less)\s+)?"
                   r"(?:(?:free|full|whole)\s+)?"
                   r"(?:hours?|days?|minutes?|afternoons?|mornings?)\s+(?:(?:more|less|extra|"
                   r"free|back)\s+)?(?:a|per|each|every)\s+(?:week|month|day|sprint|term)\b"
                   r"|\b(?:\d+|one)\s+(?:hours?|days?)\s+(?:per|a)\s+(?:week|month)\s+more\b",
                   re.I)


# "a day instead of a week", "for 90 nights without failing": times set against each other,
# and a clean run of some length.
_SPANS = re.compile(r"\b(?:an?|one|\d+)\s+(?:minute|hour|day|week|month|term)s?\b.{0,40}\b"
                    r"(?:instead "
                    r"of|rather than|down from|compared with|against)\s+(?:an?|one|\d+|the)?\s*"
                    r"(?:\w+\s+)?(?:minute|hour|day|week|month|term)s?\b|\b(?:for|over|in)\s+"
                    r"(?:\d+|\w+)\s+(?:nights?|days?|weeks?|months?|runs?|releases?|builds?)\s+"
                    r"(?:in a row\s+)?without\b", re.I)
# "my grade went from a B to an A": a letter grade that changed is a measure.
_GRADE = re.compile(r"(?-i:\b[Ff]rom\s+an?\s+[A-F](?:[+-]|\s+(?:minus|plus))?\s+(?:up\s+)?"
                    r"(?:to|into)\s+(?:an?\s+)?[A-F](?:[+-]|\s+(?:minus|plus))?)(?![\w+-])")
_VERSUS = re.compile(r"\b(?:instead of|rather than|down from|up from|compared (?:with|to)|"
                     r"against)\b", re.I)


def is_impact(text: str) -> bool:
    """An outcome clause that measures its effect (a quantity next to what changed)."""
    converted = digits(text)
    if _RANK.search(converted) or _CLEAN_RUN.search(text) or _ABSENCE.search(text) or \
            _RATE.search(converted) or _SPANS.search(converted) or _GRADE.search(text):
        return True
    found = quantities(text)
    if not found:
        # "ran in eight minutes instead of over an hour": a time set against another.
        return bool(_VERSUS.search(text) and any(
            not re.match(r"(?:st|nd|rd|th)\b", converted[m.end():], re.I)  # "the first lecture"
            for m in _QUANTITY.finditer(converted) if re.search(r"\d", m.group(0))))
    if _FRACTION.search(text) or _FRACTION.search(converted):  # "all hundred passed"
        return True
    return bool(_CHANGE.search(text)) or any("%" in q or "x" in q.lower() for q in found)


def has_metric(text: str) -> bool:
    """Kept for callers of the old API: any impact-like quantity in the text."""
    return is_impact(text or "")
