"""Concepts a question and a story can share even when their words differ.

Each concept is a handful of cue words written for netprep ("disagreed",
"argued", "clash" all mean a conflict). Some are constraints: a question about
your manager, a risk, a deadline or your users wants a story that has one, and a
story without it fits less well. Regular expressions, compiled on first use.
"""

from __future__ import annotations

import re

# name -> (is a constraint, the competency it points to, cue pattern)
CONCEPTS: dict[str, tuple[bool, str | None, str]] = {
    "conflict": (False, "conflict",
                 r"disagre|(could|did|would) ?n[o']?t agree|argu(e|ed|ing|ment)|conflict"
                 r"|clash|debate|tension|friction"
                 r"|opposed|fight|push(ed|ing)? back|differently|getting along"),
    "persuasion": (False, "communication",
                   r"persua|convinc|buy-?in|sceptic|skeptic|influenc|make the case"
                   r"|win (them|people|others) over|won (them|people|others) over"
                   r"|sell\w* (a|an|the|your|my) (\w+ )?(idea|proposal|plan)"
                   r"|chang\w* (the|your|their|a|my) (team's )?(decision|direction)"),
    "wrong": (False, None, r"\bwrong\b|mistaken|had a point|changed (my|your) mind|been right"),
    "mistake": (False, "failure",
                r"mistake|\berror|\bbugs?\b|\bbroke|\bbreak\b|slip|fault|incident|outage"
                r"|you caused|let (your|the|my) (\w+ )?down|roll(ed)? (it |the \w+ )?back"
                r"|production"),
    "failure": (False, "failure", r"\bfail|setback|went wrong|did ?n[o']t (go|work)|fell short"),
    "feedback": (False, "feedback",
                 r"feedback|critici|critique|review|comments|candid|honest|harsh"),
    "learning": (False, "learning",
                 r"\blearn|(online|free|a) course\b|tutorial|unfamiliar"
                 r"|never (written|used|worked)|up to speed|pick(ed)? up|language"
                 r"|technolog|codebase|taught myself"),
    "leading": (False, "leadership",
                r"\blead\b|\bled\b|leader|coordinat|organi[sz]|in charge|stand-?up"
                r"|check-in|report to you|authority|took charge"),
    "ambiguity": (False, "ambiguity",
                  r"unclear|vague|ambigu|no (clear )?(definition|target|instructions|spec)"
                  r"|undefined|uncertain|not (clear|defined)"),
    "persevere": (False, "perseverance",
                  r"give up|gave up|given up|giving up|kept going|keep going|persever"
                  r"|persist|stuck|did ?n[o']t stop|hardest (\w+ )?(problem|bug)"),
    "debugging": (False, "perseverance",
                  r"\bbugs?\b|debug|track(ed|ing)? (it |them )?down|root cause|crash|reproduc"
                  r"|stack trace|race condition|flaky|\blogging\b"),
    "upset": (True, "customer-focus",
              r"angry|upset|complain|furious|irate|difficult (client|customer|user)"
              r"|unhappy (client|customer|user)"),
    "speed": (False, "impact",
              r"faster|\bfast\b|\bslow(?!\w* (them|us|him|her|me|things|everyone) down)|latency"
              r"|speed|performance|efficien|\bseconds\b|now takes|\bper run\b|vectori[sz]"
              r"|precomput|optimi[sz]|\bprofil(e|ed|er|ing)\b"),
    "hierarchy": (True, None,
                  r"\bsenior|manager|\bboss|professor|supervisor|lecturer|director"
                  r"|executive|team lead|postdoc|principal|head of|chair\b|president"),
    "risk": (True, None,
             r"\b(a|the|big|calculated|that) risk\b|\btook .{0,10}\brisks?\b|\bbet\b"
             r"|gamble|\bbold\b"),
    "deadline": (True, None,
                 r"deadline|\bdue\b|overdue|\blate\b|tight (timeline|schedule)"
                 r"|(hours|days|weeks) before (the )?(judging|demo|launch|release|exam)"
                 r"|on schedule|in time for"),
    "users": (True, "customer-focus",
              r"\busers\b|customer|client|shopper|people who (would )?use|accessib|screen reader"
              r"|for a user|\buser (research|interviews?|feedback|tests?)"),
    "teaching": (True, "leadership",
                 r"mentor(ed|ing)\b|\bi mentor|\bteach|\btutor(ed|ing)\b|\bi tutor|\bjuniors\b"
                 r"|\b(a|new|two|three|our) junior\b|onboard|\bcoach(ed|ing)?\b(?! (trip|bus))"
                 r"|new hire|\btaught (someone|a|him|her|them)"),
    "distance": (True, "collaboration",
                 r"remote|distributed|across time ?zones|(different|other|several|two|three)"
                 r" time ?zones|time ?zones? (apart|away|difference)|locations"
                 r"|(different|another|other) countr|abroad|overseas"),
    "fundraising": (True, None,
                    r"raised? (\w+ ){0,3}(money|funds)|fundrais|charity|charities|donation"
                    r"|sponsorship"),
    "ethics": (True, None, r"ethic|dilemma|integrity|confidential"),
    "stakeholder": (True, None, r"stakeholder|say(ing)? no\b|turn(ed)? down"),
    "mediation": (True, "conflict",
                  r"mediat|two (people|colleagues) who|between (the )?two|getting along"),
    "bad-news": (True, "communication",
                 r"bad news|unpopular|could ?n[o']t afford|could not afford|break the news"
                 r"|had to tell (the|them|everyone|my|our)|the news spread"),
    "slacking": (False, "collaboration",
                 r"(doing|pulling) (their|his|her) (share|weight)|slack|went quiet|struggl"
                 r"|stopped (replying|answering|responding|showing up|coming)|overwhelm"
                 r"|not contributing|disappeared"),
    "money": (True, None, r"budget|money|\bcosts?\b|afford|treasurer|funding|sponsor|price"
                          r"|\bspend|finance"),
    "improving": (False, "impact",
                  r"improv|more reliable|reliab|trustworth|easier|dropped from|went from"
                  r"|\bfewer\b|reduc|streamlin"),
    "evidence": (False, None, r"\bdata\b|\bnumbers\b|\bcounted\b|measur|evidence|metric"
                              r"|survey|statistic|\bpilot\b"),
    "competing": (True, "prioritisation",
                  r"competing|several (deadlines|projects|things)|juggl|at once|same (week|day)"
                  r"|at the same time|on top of|(two|three|four) (exams|deadlines|projects"
                  r"|assignments|courseworks)"),
}

_compiled: dict[str, re.Pattern[str]] = {}


def concepts(text: str) -> frozenset[str]:
    """The concepts `text` mentions."""
    plain = " ".join(text.lower().replace("\u2019", "'").split())
    found = []
    for name, (_, _, source) in CONCEPTS.items():
        pattern = _compiled.get(name)
        if pattern is None:
            pattern = _compiled[name] = re.compile(source)
        if pattern.search(plain):
            found.append(name)
    return frozenset(found)


def competencies(found: frozenset[str]) -> set[str]:
    """The competencies the concepts in `found` point to."""
    return {c for name in found if (c := CONCEPTS[name][1])}


def constraints(found: frozenset[str]) -> frozenset[str]:
    """The constraint concepts among `found`."""
    return frozenset(name for name in found if CONCEPTS[name][0])
