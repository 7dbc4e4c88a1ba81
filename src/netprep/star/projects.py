"""Questions about your projects, and the stories that tell one.

"What are you working on now?", "the most interesting project you have worked on",
"the hardest part of your current project" ask for a project, not a competency: every
story about something the student built answers them, ranked by what the question
stresses (now, a challenge, what excites you). Cue phrases written for netprep.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ASKS = (
    r"\b(most|favou?rite|best|biggest|proudest) (\w+ ){0,2}projects?\b"
    r"|\bprojects? (that )?you('re| are| were| have been)? (\w+ )?(passionate|proud|excited)"
    r"|\b(current|recent|latest|last|side|personal|main|own|favou?rite|school|university)"
    r" projects?\b"
    r"|\b(hardest|toughest|most difficult|trickiest|biggest challenge) .{0,30}\bprojects?\b"
    r"|\b(challenging|interesting|exciting|complex|technical|ambitious) projects?\b"
    r"|\bworking on (now|right now|at the moment|currently|these days|lately)\b"
    r"|\b(what|which project) (are|have) you (been )?(working on|building|doing)\b"
    r"|\bchallenge you (overcame|faced) (on|in) (a|your) project"
    r"|\bprojects? (you've|you have) worked on|\btell me about (a|your|one) project\b"
    r"|\bsomething you (built|made|created|are building)\b"
    r"|\bprojects? .{0,40}\b(interesting|exciting|enjoy|proud|care|excites?|love)"
    r"|\b(which|what) of your projects"
    r"|\bproject (you('re| are)|you were) (doing|on) (now|currently)"
    r"|\b(currently|now) (working on|building|doing)\b"
    r"|\b(building|working on|making) (at the moment|now|right now|these days|lately|currently)"
    r"|\b(main|biggest) (thing|project) you('re| are) (working on|doing|building)"
    r"|\bkeep\w* you busy|\bspend\w* your (free |spare )?time (on|building)"
    r"|\b(thing|things|something) you('ve| have)? (ever )?(built|made|created|shipped)"
    r"|\b(technical )?(result|work|thing|something)s? (that )?you('re| are) (\w+ )?proud of"
)
_ASPECTS = {
    "now": r"\b(now|current(ly)?|at the moment|these days|lately|right now|busy"
           r"|are you (working|building|doing|making))\b",
    "challenge": r"\b(hard|hardest|tough|difficult|challeng|tricky|trickiest|technical|complex)",
    "lead": r"\b(led|lead|leading|in charge)\b",
    "passion": r"\b(passion|interest|excit|favou?rite|love|enjoy|proud|fun|care|side"
               r"|personal|spare|free time|own time|hobby)",
}
_BUILT = (r"\b(i|we|i'm|we're|i am|we are|we were|i have|we have|friend and i|our team"
          r"|my team|team of \w+|group of \w+)( \w+)? (built|build|building|wrote|writing"
          r"|developed|developing|designed|designing|made|making|created|creating|shipped"
          r"|launched|rewrote|rewriting|rebuilt|rebuilding|implemented|implementing|trained"
          r"|training|coded|coding|prototyped|automated|migrated|migrating|programmed|set up"
          r"|fine-tuned|fine-tuning|packaged|packaging|deployed|deploying)\b"
          r"|\bmy (thesis|capstone|dissertation|final[- ]year|side|own) (tool|project|app|system"
          r"|model|pipeline|website|bot|game)\b")
_THING = (r"\b(app|apps|application|tool|website|site|project|thesis|pipeline|game|bot"
          r"|library|system|software|prototype|dashboard|parser|model|api|service|feature"
          r"|module|recommender|plugin|extension|database|compiler|robot|program|script"
          r"|spreadsheet|form|notebook|simulation|scraper|engine|interface|backend|frontend)\b")
_STORY = {
    "now": r"\b(i am|i'm|we are|we're) (now |currently |still )?(building|working|writing"
           r"|developing|making|packaging|adding|testing|improving|training|extending"
           r"|porting|finishing)\b|\bright now\b"
           r"|\bthis (term|semester|year|month)\b|\b(working on|building) (it )?now\b"
           r"|\bcurrently\b|\bwhich i am\b"
           r"|\bi am working on\b",
    "lead": r"\bi led\b|\bno leader|\bi proposed|\bi organi[sz]ed|\bi set up|\bcheck-in"
            r"|\bi coordinat|\bi (was|am) the (\w+ )?lead\b|\bi split",
    "challenge": r"\bhard(est)? part|\bchalleng|\bdifficult|\btricky|\bbottleneck|\bprofil"
                 r"|\bfaster\b|\bscale\b|\bparser|\balgorithm|\bmodel\b|\bformats?\b",
    "passion": r"\bon my own\b|\bspare time|\bfree time|\bown time|\bfor fun\b|\bside project"
               r"|\bthesis\b|\bi (really )?(love|enjoy)|\bpassion|\bexcit|\bhobby|\bmy idea\b"
               r"|\bbecause (students|people|my|in)\b|\bi wanted to (make|build|help|stop)",
}


@lru_cache(maxsize=64)
def _re(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def asks(question: str) -> frozenset[str] | None:
    """None when the question is not about a project; else what it stresses
    ("now", "challenge", "passion"; possibly none of them)."""
    plain = _plain(question)
    if not _re(_ASKS).search(plain):
        return None
    return frozenset(a for a, source in _ASPECTS.items() if _re(source).search(plain))


def shows(story_text: str) -> tuple[float, frozenset[str]]:
    """How much the story is about something the student built (0-1), and which of the
    aspects it shows."""
    plain = _plain(story_text)
    built = len(_re(_BUILT).findall(plain))
    things = len(_re(_THING).findall(plain))
    project = min(1.0, (min(built, 3) + min(things, 3)) / 5) if built else 0.0
    return project, frozenset(a for a, source in _STORY.items() if _re(source).search(plain))


def fit(question: frozenset[str], story_text: str) -> float:
    """A project story's fit to a project question (0 for a story about no project)."""
    project, aspects = shows(story_text)
    if project < 0.5:
        return 0.0
    stressed = question or frozenset({"challenge", "passion"})
    return round(0.42 + 0.1 * project + 0.25 * len(stressed & aspects) / len(stressed), 3)
