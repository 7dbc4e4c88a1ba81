"""What a question asks a story to show, in interviewers' words, and whether a story shows it.

A competency model reads "Tell me about a time you fixed something with very limited
resources" as initiative or ownership, which every story has a little of; what the
question wants is a story where resources were short. Each intent here pairs the ways a
question asks for something (pressure, a reliability problem, telling someone too late,
juggling deadlines, a hard technical problem, ...) with the ways a story shows it, so a
story that shows what is asked can be found by its text alone, tags or no tags. Cue
phrases written for netprep; regular expressions compiled on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

# name -> (question cue, story cue)
INTENTS: dict[str, tuple[str, str]] = {
    "pressure": (
        r"\bunder pressure|\bpressure\b|\bstressful|\bhigh[- ]stakes|\bcrunch|\bcrisis"
        r"|\bshort notice|\burgent|\bemergency|\bwhen it mattered|\btight (deadline|timeline)"
        r"|\blast[- ]minute|\brunning out of time",
        r"\bdeadline|\bbefore the ([\w-]+ ){0,3}(show|demo|launch|release|exam|judging|meeting"
        r"|review|match|event|audit|deadline|interview|presentation|submission)"
        r"|\bhours? (before|left|to go)|\bovernight|\bwithin (a|an|one|two|three|\d+) (hours?"
        r"|days?)|\blast[- ]minute|\burgent|\bin time for|\blive (show|demo|event|stream)"
        r"|\bon the day\b|\bexams? week|\bcould ?n[o']t be moved|\bcrisis|\boutage"
        r"|\bswitched off|\bthe night before|\bat (\w+ )?(midnight|2 am|3 am)|\bpressure",
    ),
    "resources": (
        r"\blimited (resources|budget|time|tools|means|money|hardware|help)"
        r"|\bno (budget|money|resources|funding)|\bwithout (money|a budget|budget|resources"
        r"|funding)|\bshoestring|\bconstraints?\b|\bwith what you had|\bscrappy",
        r"\bwithout (any )?(money|budget|funding|new (servers|hardware|equipment))"
        r"|\bno (money|budget|funding|spare)|\bcheap(er|est)?\b|\bfree (tier|tools?|plan"
        r"|version)|\bsecond-hand|\bdonated|\blimited\b|\bconstraint|\bfor free\b"
        r"|\bzero budget|\bborrowed|\bcould ?n[o']t afford|\bon a budget",
    ),
    "reliability": (
        r"\bkeep\w* .{0,25}\b(running|up|alive|working)\b|\bkept .{0,25}\b(running|up|alive"
        r"|working)\b|\breliab|\bstabil|\bdowntime|\boutage|\bwent down|\bon[- ]call"
        r"|\bfirefight|\bproduction (issue|incident|problem)|\bcrash",
        r"\boutage|\bdowntime|\bwent down|\bkept dropping|\bdropp(ed|ing) (every|out|off)"
        r"|\bcrash|\bkept (it |the \w+ )?running|\buptime|\breliab|\bno drops?\b"
        r"|\bhas not failed|\bhas ?n[o']t failed|\brestor|\bload (test|tool)|\bout of memory"
        r"|\bincident|\bstayed up|\bfell over|\bwent offline|\btrustworth|\baccurate\b"
        r"|\bstopped (breaking|failing|crashing)|\bno longer (breaks|fails|crashes|broke|failed)",
    ),
    "told-late": (
        r"\bcommunicat\w* (too )?late|\bdid ?n[o']t (communicate|tell|speak up|say|raise)"
        r"|\bnot (communicate|tell|speak up|raise)|\bshould have (told|said|spoken|raised"
        r"|communicated|asked)|\bearly enough|\bkept (it )?(quiet|to yourself)"
        r"|\bspeak(ing)? up (too )?late|\b(told|warned) .{0,20}\btoo late",
        r"\bshould have (asked|told|said|raised|spoken|warned|flagged)|\btoo late\b"
        r"|\bdid ?n[o']t tell|\bwithout telling|\binstead of (telling|asking|saying)"
        r"|\bwaited (too long|until)|\bkept quiet|\b(earlier|sooner) than i did"
        r"|\bonly told|\buntil the (last|final) (day|week|minute)|\bshould have .{0,20}earlier",
    ),
    "more-time": (
        r"\bask\w* for (more time|an extension|extra time)|\bextension\b|\bmore time\b"
        r"|\bpush\w* (back )?(a|the) deadline|\brenegotiat|\bmove (a|the) deadline",
        r"\bextension\b|\bmore time\b|\bextra (week|days?|time)|\bpushed (back )?the deadline"
        r"|\bmoved the (deadline|date)|\bnew (deadline|date)\b|\bwould be late",
    ),
    "technical": (
        r"\bcomplex\b|\bcomplicated|\b(hardest|toughest|most difficult|trickiest|biggest)"
        r" (technical )?(problem|challenge|bug|thing you('ve| have) (solved|built|fixed))"
        r"|\btechnical (challenge|problem)|\bdifficult technical|\bdeep(est)? technical",
        r"\balgorithm|\bmodel\b|\bparser|\brace condition|\bprofil(ed|er|ing)\b|\bbottleneck"
        r"|\bdrift|\btime zones?\b|\bmemory\b|\blatency|\bconcurren|\bschema|\bpipeline"
        r"|\boptimi[sz]|\bcache[sd]?\b|\bcaching|\baccuracy|\bcomplex|\bhard(est)? part"
        r"|\bvectori[sz]|\bprecomput|\bmatching\b|\bdatabase|\bquer(y|ies)\b|\bthreads?\b",
    ),
    "juggling": (
        r"\bjuggl|\bcompeting\b|\bseveral (deadlines|things|projects|tasks)|\bat (the same time"
        r"|once)\b|\btoo much (work|on)\b|\bmultiple (deadlines|projects|priorities|tasks)"
        r"|\boverloaded|\bbalanc\w* .{0,20}\b(and|with)\b|\bconflicting (deadlines|priorities)",
        r"\bat the same time|\bsame (week|day|month)|\bon top of|\bwhile also|\bjuggl"
        r"|\bcompeting\b|\b(two|three|four) (deadlines|exams|projects|assignments|courseworks)"
        r"|\bclash(ed)? with|\boverlapp|\bas well as my\b|\balongside my\b",
    ),
    "helping": (
        r"\bhelp\w* (a|an|your|one) (\w+ )?(teammate|colleague|classmate|friend|peer"
        r"|someone|member)|\bwent out of your way|\bhelped someone|\bsupport\w* (a|an|your)"
        r" (\w+ )?(teammate|colleague|classmate|peer)",
        r"\bhelped (him|her|them)\b|\bstruggling|\bpaired with (him|her|them)"
        r"|\bsat (down )?with (him|her|them)|\bshowed (him|her|them)|\bwalked (him|her|them)"
        r"|\boffered to help|\bcovered (for )?(his|her|their)|\btook over (his|her|their)"
        r"|\basked (him|her|them) what (he|she|they) needed|\basked how (he|she|they) (was|were)"
        r"|\boverwhelmed|\bi would take (the|his|her|their|some)",
    ),
    "stepping-up": (
        r"\b(nobody|no one) (was )?(in charge|leading)|\bstepped up|\btook charge"
        r"|\btook the lead|\bno (clear )?leader|\bleaderless|\bwithout a leader|\bled a team"
        r"|\bled a group|\bin charge\b",
        r"\bno (clear )?leader|\b(nobody|no one) (was )?in charge|\btook charge"
        r"|\bstepped up|\bi proposed\b|\bi offered to|\bvolunteered to (lead|organi|run"
        r"|coordinate)|\bi set up (a|an|the|one|weekly)|\bi organi[sz]ed|\bcalled (a|each)"
        r"|\bweekly (\w+-)?(hour |half-hour )?check-in|\bi (was|am) the (technical )?lead"
        r"|\bi led\b|\bran (the|a) (meeting|team|stand-?up)"
        r"|\b(decided|offered|volunteered) to (run|lead|organi[sz]e|start|host)\b",
    ),
    "group-decision": (
        r"\b(reach|come to|arrive at) (a )?(group |team |joint |shared )?decision"
        r"|\bmake (a )?(group|team|joint|shared) decision"
        r"|\bhelp\w* (a|the|your) (group|team) (decide|agree|choose)|\bconsensus"
        r"|\bagree on\b|\bdecide together",
        r"\beveryone agreed|\bagreed (to|on) the\b|\bconsensus|\bvot(e|ed|ing)\b"
        r"|\bsettled (it|the)|\bdecided together|\bwe (all )?agreed|\bthe split\b",
    ),
    "usability": (
        r"\beasier (for|to use)|\busabil|\buser experience|\bux\b|\bsimpler for"
        r"|\bpeople who use",
        r"\beasier\b|\bsimpler\b|\bfewer (steps|clicks|screens)|\busab|\buser tests?"
        r"|\basked (\w+ ){0,3}(users|students|members|friends|classmates)\b"
        r"|\b(showed|tested) .{0,30}\bwith (\w+ )?(users|students|members|friends|classmates)",
    ),
    "learning-fast": (
        r"\blearn\w* .{0,30}\b(quickly|fast|from scratch|unfamiliar|new|on the (job|fly))"
        r"|\bpick\w* up .{0,25}\b(new|quickly|fast)|\bup to speed|\bnever used before"
        r"|\bnew (language|framework|technology|tool|codebase|library|stack|domain)",
        r"\bnever (used|written|worked with|touched|heard of)|\bhad to learn|\btaught myself"
        r"|\blearn(ed|t)? .{0,40}\b(in|within|over) (a|one|two|three|four|\d+) (days?|weeks?)"
        r"|\btutorials?\b|\bdocumentation|\bnew to me|\bunfamiliar|\bfirst time (using|with)"
        r"|\bpicked up|\bcrash course|\bonline course|\bread the (docs|source|manual)",
    ),
    "initiative": (
        r"\binitiative|\bwithout being asked|\bnobody asked|\bno one asked|\bproactive"
        r"|\babove and beyond|\bspotted (a|an) (problem|opportunity|issue)|\bon your own"
        r"|\bnot (part of )?your job|\bunprompted",
        r"\bnobody (had )?asked|\bno one (had )?asked|\bwithout being asked|\bon my own\b"
        r"|\bi noticed|\bi spotted|\bi offered|\bvolunteered|\bin my own time"
        r"|\bnot (part of )?my (job|role|task)|\bi decided to\b|\bunprompted",
    ),
    "ambiguity": (
        r"\bambigu|\bunclear|\bvague|\buncertain|\bno clear|\bwithout (clear |any )?"
        r"(instructions|requirements|direction|a spec|guidance)|\bnot sure what"
        r"|\bdefine (the|your) (goal|problem|scope)|\bwhat success looks like",
        r"\bunclear|\bvague|\bno (spec|brief|instructions|requirements|definition|clear)"
        r"|\bnobody knew|\bnot (sure|clear) (what|how)|\bassum(e|ed|ption)"
        r"|\bi (wrote|drafted) (down )?(a|the|my) (definition|spec|list of questions|goal)"
        r"|\basked (\w+ ){0,3}what (they|he|she) (meant|wanted|needed)|\bundefined",
    ),
    "ownership": (
        r"\bownership|\btook responsibility|\bend to end|\bstart to finish|\baccountab"
        r"|\bnobody else would|\bfell through the cracks|\bowned (a|an|the|something)",
        r"\bi own(ed)?\b|\bmy responsibility|\bend to end|\bstart to finish"
        r"|\btook (it )?over\b|\bi was (responsible|in charge)|\bi took responsibility",
    ),
    "perseverance": (
        r"\bgive up|\bgave up|\bpersever|\bpersist|\bkept going|\bsetback|\bobstacle"
        r"|\bstuck\b|\bdid ?n[o']t give up|\bhard time|\bkeep trying",
        r"\bkept (going|trying|at it)|\bafter (two|three|four|several|many|\d+) (days|weeks"
        r"|attempts|tries|failed)|\btried (again|another|a different)|\bsecond attempt"
        r"|\bstuck\b|\bdid ?n[o']t give up|\bdid not give up|\beventually|\bfinally\b",
    ),
    "debugging": (
        r"\bbugs?\b|\bdebug|\btrack\w* (it |them |\w+ )?down|\broot cause|\bcrash"
        r"|\bbroken\b|\btroubleshoot",
        r"\bbugs?\b|\blog(s|ging|ged)\b|\breproduc|\btraced\b|\broot cause|\brace condition"
        r"|\bstack trace|\bbreakpoint|\bbisect|\bdebug",
    ),
    "explaining": (
        r"\bexplain\w* .{0,40}\b(non-technical|someone|complex|technical|audience)"
        r"|\bpresent(ed|ation)?\b|\baudience|\bsimplif|\bnon-technical",
        r"\bexplained\b|\bpresented\b|\bpresentation|\bslides\b|\bdemo(ed|nstrated)?\b"
        r"|\bwrote (a|an) (guide|summary|one-page|note|write-up|explainer)|\bnon-technical"
        r"|\bdiagram|\banalogy|\bin plain (words|language|english)",
    ),
    "teaching": (
        r"\bmentor(ed|ing)\b|\bteach|\btaught (someone|a|others|an?)|\bonboard"
        r"|\bcoach(ed|ing)? (a|an|someone|new)|\btrain(ed)? (someone|a|new|an)",
        r"\bmentor(ed|ing)? (a|two|three|the|new|our)\b|\bi taught|\bi teach|\btutor(ed|ing)"
        r"|\bonboard(ed|ing)|\bshowed (him|her|them) how|\bpaired with (a|the) (new|junior)",
    ),
    "data": (
        r"\bdata\b|\bevidence|\bnumbers\b|\bmetrics?\b|\bmeasur",
        r"\bdata\b|\bmeasured|\blogged\b|\bcounted\b|\bsurvey|\bpilot\b|\bpercent\b"
        r"|\bspreadsheet|\bchart|\bplotted",
    ),
    "teamwork": (
        r"\bwork\w* (in|with|as part of|on) (a|your) (team|group)|\bteam ?work|\bcollaborat"
        r"|\bcross-functional|\bwork\w* (well )?with (others|your teammates|people|a group)",
        r"\bwe (split|divided|agreed|paired|shared|each)|\beach of us|\btogether\b"
        r"|\b(my|our) (team|group|teammates|partner)\b|\bwith (the|our|my) (team|group|teammates"
        r"|designer|partner|colleagues)",
    ),
    "prioritising": (
        r"\bprioriti[sz]|\btrade-?offs?\b|\bwhat to (drop|cut)|\b(said|say) no\b"
        r"|\bmore (work|tasks) than (time|you could)",
        r"\bprioriti[sz]|\bcut (\w+ )?(scope|features?)|\bdropped (the|a|two|some) (\w+ )?"
        r"(features?|tasks?)|\bmust-have|\bmattered most|\bpostpone|\bdeferred|\bfor later\b"
        r"|\bfirst\b.{0,60}\bthen\b|\b(said|say) no\b|\btrade-?off",
    ),
    "accomplishment": (
        r"\baccomplish|\bachievement|\bproud(est)? of|\bbiggest (win|success)"
        r"|\bmost (successful|rewarding)",
        r"\b\d+ ?(percent|%)|\bfirst place|\baward|\bprize|\b(best|highest|top) mark"
        r"|\b(now|still) uses|\b(adopted|used) by (the|every|all|\d+)|\bwon\b",
    ),
    "adapting": (
        r"\badapt|\bchange (of|in) plans?|\bplans? changed|\bpivot|\bunexpected change"
        r"|\bsudden change|\bthings changed|\bchanging (requirements|priorities)",
        r"\bchanged (at|with) (short|the last|a week|two days)|\b(requirements?|plans?|scope"
        r"|brief|client|rules) changed|\bpivot|\bhad to (switch|change|adapt|rethink|start over)"
        r"|\bunexpected|\bat short notice|\bwithout warning",
    ),
    "automating": (
        r"\bautomat|\bscripts?\b|\btedious|\brepetitive|\bby hand\b|\bmanual(ly)?\b",
        r"\bautomat|\bscripts?\b|\bformulas?\b|\bcron\b|\bnightly job|\bmacro"
        r"|\binstead of (\w+ ){0,2}(by hand|manually|copying)|\bby hand\b|\bin excel"
        r"|\b(went|dropped|down) from (about |around )?\d+ hours?|\bone (week|day) every\b",
    ),
    "users": (
        r"\b(users?|customers?|clients?)\b.{0,30}\b(asked|needed|wanted|told|said|hated|feedback)"
        r"|\blisten\w* to (your |the )?(users|customers|feedback)|\bpeople who (would |will )?use"
        r"|\bpeople (who are )?using (it|them|your)"
        r"|\b(someone|people|users?) who (is|are) ?n[o']t technical|\b(is|are)n't technical"
        r"|\bnon-technical (people|users?|person|client|staff)|\bdesign\w* (something )?"
        r"(together )?with (the )?(people|users)|\bwhat (a|the|your) users? (actually )?(needed"
        r"|wanted)|\bbased on what (your |the )?users",
        r"\b(tested|tried|piloted) (it |each release |the \w+ )?(with|on) (\w+ ){0,2}(users"
        r"|classmates|volunteers|teachers|staff|students|members|customers)|\b(next to|alongside)"
        r" (\w+ ){0,2}(to see|watching)|\bsee how (she|he|they) (actually )?work"
        r"|\b(is|was|are|were) ?n[o']t technical|\bnot technical|\bwhat (they|she|he|people)"
        r" (actually )?(needed|wanted|used)|\bthings (they|people|users) (hated|disliked|wanted"
        r"|asked for)|\bfeature requests|\b(show|showed) (the )?(result|it|each step) to"
        r"|\basked (\w+ ){0,3}(members|users|customers|colleagues|staff) (why|how|what)",
    ),
    "safeguard": (
        r"\bsafeguard|\b(never|not|could ?n[o']t|would ?n[o']t) happen again|\bprevent\w* "
        r"(it|this|that|the problem|a repeat)|\bkeeps? (working|running) after|\bbefore "
        r"(other )?(people|others) rely|\bcheck (that )?your work",
        r"\bso it (do ?n[o']t|does ?n[o']t|does not|wo ?n't|will not|can ?n[o']t|never) (break"
        r"|happen)|\bchecklist|\bdry run|\b(proposed|added|made|set) (a|the) (new )?rule"
        r"|\bregression test|\b(added|wrote) (a|the) (\w+ ){0,2}test|\bunique constraint"
        r"|\bguide (for|with) |\bhand(ed)? (it )?over|\bcheck(ed)? it against|\bbefore i trust"
        r"|\btried it on one|\bconfirm\b",
    ),
    "difficult-person": (
        r"\bsomeone difficult|\bdifficult (person|people|teammate|colleague|coworker|manager"
        r"|client|customer|group member|partner)|\bhard to work with",
        r"\b(rude|dismissive|stubborn|unresponsive|defensive|hostile)\b|\bwent quiet"
        r"|\bstopped (replying|answering|responding|coming)|\bmissed (the )?(meetings|deadlines)"
        r"|\bcomplain|\bignored (my|our|the) (messages|emails|comments)",
    ),
}


# Broad themes: many stories show a little of them, so they only tell a story that shows
# none of it from one that does; the others are angles a story must show to be a candidate.
THEMES = frozenset({"learning-fast", "initiative", "ambiguity", "ownership", "perseverance",
                    "debugging", "explaining", "teaching", "data"})


@lru_cache(maxsize=64)
def _re(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def asks(question: str) -> frozenset[str]:
    """The intents a question's wording asks a story to show."""
    plain = _plain(question)
    return frozenset(name for name, (cue, _) in INTENTS.items() if _re(cue).search(plain))


def shows(story_text: str) -> frozenset[str]:
    """The intents a story's text shows."""
    plain = _plain(story_text)
    return frozenset(name for name, (_, cue) in INTENTS.items() if _re(cue).search(plain))
