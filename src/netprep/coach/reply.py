"""Reading a reply to the interviewer's feedback: heard, reasoned, acted on?

An interviewer who raises a point after a drill ("why not a heap here?", "this case
fails") watches how the candidate takes it: you need not agree, but you should engage
with the point, give a reason for agreeing or disagreeing, and say what you would
change or test. Pure: text in, findings out. The cues were chosen on the labelled dev
replies in tests/data/replies/dev (benchmarks/reply_accuracy.py prints how often the
reading matches the labels, on dev and on a blind test split).

Findings (codes):
- bare-ok: nothing but an acknowledgement or thanks ("ok", "mhm, okay", "thanks for the
  feedback", "I see what you mean"); it stands alone.
- defensive: the point is dismissed or deflected: the tests, the statement, the time or
  the interviewer are blamed, "it works" with no why, sarcasm, the question itself is
  questioned ("not sure why that needed asking"). A polite disagreement with a reason is
  not defensive.
- no-acknowledge: the reply talks about something else (a generic "I always write clean
  code", one's own practice, "can I go back to something else").
- no-reason: no why behind the agreement or disagreement: no complexity argument, no
  cause of the failure, no constraint or trade-off ("because", "so", "which means"...).
  Blaming the tests is not a reason; an argument about the inputs is. A cost counts only
  when it is not the feedback's own repeated ("amortised O(1) would be better" answering
  "what keeps it amortised O(1)?" gives no why), nor does any cue that only repeats the
  feedback's words ("the recursion limit is a problem").
- no-change: nothing concrete it would change, add or test ("I'll fix it", "I'll keep it
  in mind" are not; "I'll add [3, 3] as a test", "assert ...", "I'd switch to a heap",
  code spelled out, "a dict keyed on the sorted word would do it", "just mark it when you
  push it", or a structure named in answer to "what would you use?" is). "I'd
  worry about..." and "with a set I'd have to..." are thoughts, not steps.
  A question that asks only why ("why not a heap here?") is answered by the reason: a reply
  that keeps its choice with one owes no change, unless it grants the code is wrong; asked
  "when would you still sort?", the condition given is the why.
A bare "yeah" to a yes/no question ("is it rejected?") is an answer, not mere assent;
"yeah indices makes sense" (assent naming only the feedback's topic) is.
The verdict is "answered well" when no finding applies.

Spoken replies (recogniser transcripts: lowercase, fillers, restarts, run-ons, "o of n
squared") are read as typed ones; a run-on is cut at its turns ("..., but okay, ...") so a
deflection does not hide the reasoning that follows it, and "...word so X" without its comma
still joins a cause to its consequence (tests/test_reply_accuracy.py reads the dev replies
with their punctuation removed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netprep.coach import lazyre as re
from netprep.coach import reply_model
from netprep.coach.reply_model import CODES

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# A spoken reply is often one long run: its turns ("..., but okay, ...") end a clause too.
_TURN = re.compile(r"(?<=;)\s+|,?\s+\b(?:but|though|although|however|anyway|that said)\b"
                   r",?\s+")

BARE = frozenset(
    "ok okay k sure fine yes yeah yep right noted thanks thank you got it alright cool "
    "understood agreed true i see will do makes sense fair enough point taken hmm um uh mm "
    "oh ah well no problem good to know gotcha sounds great nice that's thats huh mhm hm "
    "appreciate it ty thx cheers".split())
# Thanks and assent said in more words ("thanks for the feedback", "I see what you mean").
_BARE_PHRASES = re.compile(
    r"\b(thanks|thank you) (a lot |so much )?for (the|your) (feedback|input|point|note|tip)"
    r"|\bi see what you mean\b|\bi hear you\b|\bthat'?s (a )?(good|fair|great) (point|catch)"
    r"|\bgood (point|catch|call)\b|\bfair point\b")

# A first word that answers the point ("Yes: ...", "No, it doesn't", "Sure, I'll ...").
_OPENS = re.compile(r"^\W*(?:(?:um+|uh+|hmm+|mm+|oh|ah|so|well|okay|ok)\W+)*"
                    r"(yes|yeah|yep|right|true|sure|no|nope|agreed|fair|good|correct"
                    r"|exactly|indeed|absolutely|definitely|oops|ah|oh|hmm|ok|okay|thanks|noted"
                    r"|understood|gotcha|got it)\b")
_ACK = re.compile(
    r"\b(good (point|catch|question|call)|fair (point|enough|question)|you'?re (right|correct)"
    r"|that'?s (right|true|fair|a good|correct|a bug|a mistake|wrong)|i see|i agree|agreed"
    r"|i (missed|overlooked|forgot)|i didn'?t (think|consider|handle|notice|check|account)"
    r"|i hadn'?t|makes sense|i understand|my (mistake|bad)|you have a point"
    r"|i (\w+ly )?disagree|i don'?t (fully |quite |really )?agree|not sure i agree"
    r"|i'?d (\w+ly )?push back|i'?d argue|not necessarily|i see what you mean"
    r"|it (does|doesn'?t|is|isn'?t|would|wouldn'?t)|that would)\b")
# The reply is about something else.
_ELSEWHERE = re.compile(
    r"\b(in general,? i|i (need|want) to (practi[cs]e|get better at|work on my)|the thing i need"
    r"|i'?m generally|generally i|the (bigger|real|more interesting|main) "
    r"(issue|question|problem|concern|point|bug|thing)|what (i'?d |i |i'?m )?(actually |really )?"
    r"(rather fix|worry about|care about|was (actually |really )?proud of|bugs me|bothers me)"
    r"|\b(you|one) (just )?(gotta|have to|need to) be careful\b|\bthere'?s always (so|a lot)"
    r"|i practi[cs]ed|my priority|i always (try|write|aim)"
    r"|i'?d have preferred|closer to my|my actual job|next week i|the most important thing"
    r"|in an interview|what (worries|concerns|bothers|interests) me (more|most)"
    r"|(worries|concerns|bothers) me more|i usually (try|like|write)|i tend to|my (style|habit)"
    r"|personally i (like|prefer|think)|on a different note|more importantly,? i|another thing"
    r"|(what|the thing) (i'?m|i am|i was|i'?d be) (actually |really |honestly )?(more |most )?"
    r"(worried|concerned|curious|bothered) about|the thing i'?d (worry|care) about"
    # talking about one's own preparation, or turning to another topic
    r"|i'?ve been (doing|practi[cs]ing|working on)|(this|last|next) (semester|week|month)"
    r"|while we'?re (on|at) it|something else|(can|could|let) (i|me) (actually |just )?go back to"
    r"|on a (different|separate|related|side) note)\b")
_DEFENSIVE = re.compile(
    r"(\bit works\b|\bworks fine\b|\bpassed (every|all( of)?( the)?|the)( single"
    r"| one of the)? (examples?|tests?|cases?)"
    r"|\b(examples?|tests?) (are|were) what you gave|\bthe (prompt|statement|question|problem"
    r"|exercise|task) (never|didn'?t|barely|was framed)|\bnever said\b"
    r"|\bi think it'?s fine|\bit'?s fine\b|\bnot fair\b|\bunfair\b|\bto be fair\b"
    r"|\b(i|we) (only |just )?had (only |just )?(like )?(\w+ )?(minutes|time)\b|\bno time\b"
    r"|\b(trivia|gotcha question|trick question)\b|\bwouldn'?t even (come up|matter|be an?)\b"
    r"|\btruly\b|\bliterally (says|said)\b|\bugh\b|\bbut fine\b"
    r"|\bobviously\b|\b(that|it|this)'?s (so |pretty )?obvious\b"
    r"|\bdidn'?t (really |even )?bother\b|\bnext question\b|\bsaid so\b|\bwould just love\b"
    r"|\bi'?m not (an idiot|stupid|dumb)\b|\bshould (be|work) (just )?fine\b"
    # questioning the question: "not sure why that needed asking", "why we're even on this"
    r"|\bwhy (that|this|it) (even )?(needed|needs|matters|was) (asking|asked|to be asked)\b"
    r"|\bwhy (we'?re|we are|you'?re|you are) (even )?(on (this|that)|asking)\b"
    r"|\b(not sure|i doubt) (that'?s|this is|it'?s|that is) relevant\b|\bin (all )?fairness\b"
    r"|\b(statement|prompt|question|problem|task) (wasn'?t|isn'?t|was not|is not) (\w+ )?clear\b"
    r"|\b(that'?s|it'?s|that is|it is) (not |really |really not )?on me\b"
    r"|\bif that'?s what you want\b|\b(in|of) the (tests?|examples?|test cases) (have|had|are"
    r"|were|only)\b|\b(is|that'?s|it'?s) (a |an )?(pretty |really |kind of )?(strange|weird|odd"
    r"|unrealistic|bizarre|silly|artificial) (input|case|test|example)s?\b"
    r"|\b(tests?|test cases|examples?|cases) (all )?passed\b|\bdidn'?t even (test|check|have|"
    r"include)\b|\b(they|you) didn'?t (test|check|include)\b"
    r"|\b(thirty|twenty|forty|\d+)[- ]minute|\btotally\b"
    r"|\bcontrived\b|\bnobody (has|would|writes|needs)\b|\bnobody uses (that|this|it|those|these"
    r"|\w+s)\b|\brealistic\b"
    r"|\bi'?d rather be judged|\bit'?s a detail\b|\bnot a flaw\b|\bi'?d have preferred"
    r"|\bi didn'?t (exactly )?have (a chance|time)|\bi don'?t (really )?see (the|a|any) "
    r"(problem|issue|point)|\bi don'?t (really )?see why\b|\boptimi[sz]ing for\b|\b(wasn'?t"
    r"|weren'?t|isn'?t|not) (in|part of|"
    r"covered by) (any of )?the (examples?|tests?|statement|prompt)|\bafter the fact\b"
    r"|\b(examples?|tests?|statement|prompt) (didn'?t|did not|don'?t|never) (have|include|show|"
    r"cover|mention|test)|\bhow (was|would|could|am) i (supposed|meant|expected) to"
    r"|\btextbook preference\b|\bnobody said\b|\byou (never|didn'?t) (said|say|ask|mention|tell)"
    r"|\bdoesn'?t (really )?matter\b(?! (which|how|whether|what|if))|\bwho cares\b"
    r"|\bwhatever(?=\s*[,.!;]|\s*$|\s+(i|ok|okay|fine|anyway)\b)"
    r"|\bgood enough\b|\boverkill\b"
    r"|\bnitpick|\bpedantic\b|\bcome on\b|\bseriously\?|\b(ran|running|run) out of time\b"
    r"|\bnot enough time|\bshort on time\b"
    r"|\b(didn'?t|wasn'?t|never) (specif(y|ied)|mention(ed)?|asked?( for)?)\b|\bnot specified\b"
    r"|\bwasn'?t (required|asked)\b|\bnot required\b|\birrelevant\b|\bpurely (theoretical|"
    r"academic)|\bno one (would|will|uses|has)\b|\bworks on my\b|\bfine as (it is|is)\b"
    r"|(?<!i )should have (said|told|mentioned)|\bthe tests? (didn'?t|don'?t|never)\b"
    r"|\bthat'?s (not|just) how (i|you|the)\b|\bthat'?s just what\b|\bpremature\b|\bi stand by\b)")
# An argument about the inputs (or a trade-off) counts as a reason, even a dismissive one.
_INPUTS = re.compile(
    r"\b(realistic|real(-world)? (data|inputs?)|in practice|nobody (has|uses)|won'?t (get|be|"
    r"see|have)|never (happens?|see)|normal (coins|inputs?|data)|can'?t be (that|very|too) "
    r"(long|big|deep|large|many)|only (\w+ ){1,3}max|(memory|space|time|disk) is cheap"
    r"|premature optimi[sz]ation)\b")
# A cost ("O(n log n)", "o of n squared", "linear"): a reason unless it only repeats the
# feedback's own ("amortised O(1) would be better" to "what keeps it amortised O(1)?").
_COST = re.compile(
    r"\bo\s*\(\s*([^)]{1,16})\)|\b(?:big )?o of ((?:n|k|one|1|log n|n log [nk]|n squared|"
    r"n times k|v plus e|e log v)\b)|\b(n\s*\^\s*2|n squared|[nkdm]\s*log\s*[nkmd]|log\s*[nkmd]"
    r"|linear|quadratic|cubic|constant|exponential|amorti[sz]ed)\b")
_COST_WORDS = {"one": "1", "linear": "n", "constant": "1", "quadratic": "n^2", "nsquared": "n^2",
               "exponential": "2^n"}
_REASON = re.compile(
    r"(\bbecause\b|\bsince\b|\bas (the|it|we|n|k|each|every|a|long|soon|my)\b|\bso that\b"
    # "..., so X"; unpunctuated (a transcript) "...word so X", but not a filler ("yeah so
    # um"), an intensifier ("so many") or "so I" (a step, not a why, without the comma)
    r"|,\s*so(?:\.\.\.|…)?\s+(?!,|um|uh|yeah|like|i dunno)[^\s,]"
    r"|\b(?!(?:yeah|okay|ok|um+|uh+|oh|right|well|and|like|mean|know|so)\b)[\w'\])]+\s+so\s+"
    r"(?!(?:um+|uh+|yeah|like|i|basically|anyway|okay|ok|many|much|few|little|far|often"
    r"|long|big|easy|hard|important|bad|good|tricky|simple|sure|weird)\b)[\'\"\[(]?\w"
    r"|\botherwise\b|\blets (the|it|us|you|me|a|an|them|each|every)\b|\ballows?\b|\bwhich (means"
    r"|is|makes|would|"
    r"costs|gives|keeps|leaves|breaks)\b|\bthe reason\b|\bgiven (that|the)\b|\bdue to\b"
    r"|\bthat way\b|\bin order to\b|\bmeans\b|\b(that'?s|this is) why\b|\bhence\b|\bthus\b"
    r"|\btherefore\b|\bthe (problem|issue|bug|cause) (is|was)\b|\bworst case\b|\b'?cause\b"
    r"|\bper (call|element|pop|operation|lookup|step|item)\b|\bat most\b|\bextra space\b"
    r"|\bcop(y|ies) (the|half|each|every)|\b(is|are|would be|gets?) (slower|faster|cheaper|"
    r"simpler|safer|clearer)\b|\bso (it|the|each|every|this|there|we)\b"
    r"|\bstack (frames?|space|overflow)|\bespecially (if|when|for|since|with)\b"
    r"|\bhard(er)? to (follow|read|debug|maintain|test|get right)\b|\b(default|python'?s) limit\b"
    r"|\btoo (slow|much|many|big|deep|long)\b|\b(thousand|million|billion) (comparisons|operations"
    r"|steps|calls|pairs|frames)\b"
    r"|\bframes?\b|\brecursion limit|\bcan crash|\bwould (skip|return|miss|crash|fail|break|"
    r"overflow|lose|loop|grow|visit|count|double|hurt|pass|blow|come out|end up|produce|become)\b"
    r"|\bi (crash|fail|throw|skip|miss|lose|overwrite)\b"
    r"|\b(no|without a|avoids? (a|the)) special case\b|\b(passes|fails|raises|"
    r"skips|crashes|breaks|misses|rescans|overflows|slips? through|revisits?|shifts|copies|scans"
    r"|recomputes|rebuilds|allocates)\b|\bnever "
    r"checks?\b|\bbefore (checking|i (check|insert|add|push|pop|look))|\btouch each\b"
    r"|\bonce\b|\bonly (fails|works|"
    r"breaks|happens)\b|\binstead of\b.*\bneed)")
# A structure or algorithm one would switch to: naming it is a concrete change.
_THINGS = (r"(min-|max-)?heap(q|s)?|deque|popleft|dict(ionary)?|hash ?(map|set|table)|set|counter"
           r"|ordered ?dict|stack|queue|(two|fast and slow|slow and fast) pointers|pointers"
           r"|sliding window|binary search|backtracking|dummy (head|node)"
           r"|(tail|head) pointer|bfs|dfs|dijkstra|kahn'?s|union[- ]find|trie"
           r"|memo(i[sz]ation|i[sz]e)?|lru_cache|lru cache|dp|bottom[- ]up|bitmasks?|prefix sums?")
_THING = re.compile(rf"\b({_THINGS})\b")
# Code in the reply ("result.append(current[:])") is a change spelled out.
_CODE = re.compile(r"\w\.\w+\(|\b[a-z_]\w*[a-z_]\w*\([^()]*\)|\[:\]|\b\w+ (==|!=|<=|>=) \w+"
                   r"|\b\w+ [-+*/] \(\w+")
# The feedback asks what the candidate would use or do: a reply naming a structure answers.
_ASKS = re.compile(r"\bwhat (would|could|will|do|should) you (use|change|do|pick|try)\b"
                   r"|\bwhat would you\b|\bhow would you\b|\binstead\?|\bwhich (would|will|do)"
                   r" you\b|\bcan you (do|make|get|use|avoid|build|write|compute)\b")
# A question that asks the candidate to justify a choice ("why not a heap here?", "why is
# it safe to...?") without asking for a change ("...and how would you bring it down?"): a
# reply that keeps its choice with a reason has answered it, with nothing to change.
_WHY = re.compile(r"\bwhy\b|\bwhen (would|should|is|does) (you|it|that|the)\b"
                  r"|\bcan (any|anything|an?) \w+ (beat|do better)\b")
# Asked "when would you...?", a condition ("when you can't use extra memory") is the why.
_WHEN = re.compile(r"\bwhen (would|should|is|does)\b")
_CONDITION = re.compile(r"(^|\W)(when|if|unless|only if)\b")
# "a dict keyed on the sorted word would do it", "max() fixes it": the change, named.
_DOES_IT = re.compile(r"(?<!you )(?<!we )(?<!i )\b((would|will|should) (do|fix|solve)|fixes|solves)"
                      r" (it|that|this)\b")
# A joke at one's own expense ("recursion is scary obviously, no i'm kidding") is no jab.
_KIDDING = re.compile(r"\b(i'?m|just) (kidding|joking)\b|\bjk\b")
# A bare yes or no answers a yes/no question ("is it rejected?" "yeah"): not mere assent.
_YES_NO = frozenset("yes yeah yep yup no nope".split())
_YES_NO_ASKED = re.compile(r"(^|[.;:?] )(is|does|do|are|can|will|would|should|did) [^?]*\?\s*$")
_ASKS_CHANGE = re.compile(r"\b(what|how|where) (would|could|will|should|do) (you|it)\b"
                          r"|\binstead\?|\bwhat (went|goes) wrong\b")
# The reply grants that the code is wrong or worse: then it owes the change.
_CONCEDES = re.compile(
    r"\b(you'?re (right|correct)|my (bad|mistake)|i should(n'?t)? have|that'?s (a bug|a mistake"
    r"|wrong)|it'?s wrong|(doesn'?t|does not) (really )?(follow|work|handle)|i (missed|overlooked"
    r"|forgot)|good catch|i didn'?t (think|consider|handle|notice|check|account))\b")
_UNDECIDED = re.compile(r"\beither (way|one|works|is fine|would do)\b"
                        r"|\b(kind of|pretty much|basically) the same\b|\bwhichever\b")
_COMMIT = re.compile(
    r"(?:^|(?<=[:;,] ))(?:(?:still|so|and|now|just) )?(?:adding|fixing|switching|swapping|changing"
    r"|rewriting|replacing|using)\b|\b(you'?d|you would|you (just|simply)|we'?d)\b"
    r"|(?:^|(?<=[:;,] )|(?<=\byeah )|(?<=\bso ))just\b"
    r"|\b(i'?ll|i will|i'?d|i would|i'?m going to|i am going to|let me|next time i?|we could"
    r"|i could|i should|i can|i need to|i want to|i'?m gonna|i'?d rather|i'?d probably"
    r"|i (?=change|rewrite|switch|replace|add|test))\b")
# "I'd worry about...", "I'd say...", "with a set I'd have to...": a thought, not a step.
_MUSING = re.compile(r"\W*(\w+ )?(worry|say|think|guess|argue|imagine|expect|hope|agree|disagree"
                     r"|assume|bet|have to|need to know)\b")
_CONCRETE = re.compile(
    r"\b(use|using|replace|switch|add|start|skip|check|rewrite|keep|evict|put|move|test|try"
    r"|run|confirm|return|loop|compare|count|store|pass|carry|push|pop|mark|sort|build"
    r"|time (it|the|each|both|them|a|an)|rename|redo|relink"
    r"|measure|benchmark|swap|track|drop|guard|handle|initiali[sz]e|cache|memoi[sz]e|bound"
    r"|limit|key|split|strip|convert|pick|walk|iterate|recurse|turn|set|seed|write (a|an|the)"
    r"|change (the|it to|to|\w+ to)|make (it|the \w+) (iterative|o\(|\w+ safe)|do it "
    r"iteratively|heap|deque|dict|set|map|queue|stack)\b")
_VAGUE = re.compile(
    r"\b(fix (it|this|that|the \w+)|keep (it|this|that) in mind|handle (it|this|that)"
    r"|(test|check|try|run) (it|this|that)|rethink|do it differently|handle [\w ]{1,20} better"
    r"|make it (more )?(efficient|"
    r"faster|better|cleaner)|be more careful|look into|think about|improve it)\b")
_TESTED = re.compile(
    # "the tests don't even have duplicates" describes the given tests, not one to add
    r"\b(tests?|tested|testing|try it|run it|check it)\b(?! (don'?t|didn'?t|never|do not"
    r"|did not)\b)"
    r"[^.]*?(\[|\d|'[^'\s][^']*'|\"|empty|"
    r"negative|"
    r"duplicate|large|single|one-element|skewed|null|none|long|big|random|unicode|sorted"
    r"|rotated|example|(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred"
    r"|thousand|million)\b)|\btests?:|\badd (a |an )?(test|check|case|guard)|\bassert\b"
    r"|\binstead of\b|\bswitch (it )?to\b"
    rf"|\b(should|needs to|has to) (be|use) (a |an )?(<=|>=|<|>|==|max|min|{_THINGS})(?!\w)")


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
                  "reason about the code or the inputs, never the tests or the clock."),
    "no-acknowledge": ("The reply talks about something else.", "Start from the point raised: "
                       "\"You're right that this case fails\" or \"I see the concern about the "
                       "heap\"."),
    "no-reason": ("No reason is given for agreeing or disagreeing.", "Add the why: the cost "
                  "(\"sorting is n log n, a heap of size k is n log k\"), the cause of the "
                  "failure, or the constraint that decides it."),
    "no-change": ("The reply does not say what you would change or test.", "End with a "
                  "concrete step: \"I'd add [3, 3] as a test\" or \"I'd switch to a heap\"; "
                  "\"I'll fix it\" is not enough."),
}


def _finding(code: str) -> dict[str, str]:
    message, suggestion = SUGGESTIONS[code]
    return {"code": code, "message": message, "suggestion": suggestion}


_STOP = frozenset(
    "the a an and or but if of to in on at for with is are was were be been it its it's this "
    "that these those you your i my me we our they them what which who how why when where "
    "does do did doesn't don't not no yes so as by from can could would should will just "
    "like then than there here there's one all any some very really".split())


def _stems(text: str) -> set[str]:
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP or len(word) < 2:
            continue
        out.add(word[:5])
    return out


def read_reply(text: str, point: str = "") -> ReplyReading:
    """The findings for `text`, a reply to the feedback `point`."""
    clean = " ".join(text.replace("’", "'").split())
    reading = ReplyReading(clean)
    for code in read_codes(clean, point):
        reading.findings.append(_finding(code))
    return reading


def read_codes(text: str, point: str = "") -> list[str]:
    """The finding codes for `text`, in the order of CODES: the learned model's reading
    (`coach.reply_model`, which weighs the hand cues with the reply's words), or the hand
    cues' alone where its weights file is missing."""
    hand = hand_codes(text, point)
    if not reply_model.WEIGHTS.is_file():
        return hand
    return reply_model.read(text, point, hand)


def hand_codes(text: str, point: str = "") -> list[str]:
    """The codes the hand-written cues alone give `text` (see the module's docstring), in
    the order of CODES; bare-ok stands alone."""
    clean = " ".join(text.replace("’", "'").split())
    lower = clean.lower()
    said = point.lower()  # the feedback
    words = _WORD.findall(lower)
    rest = _WORD.findall(_BARE_PHRASES.sub(" ", lower))
    extra = [w for w in rest if w not in BARE]
    answers = all(w in _YES_NO for w in words) and bool(_YES_NO_ASKED.search(said))
    # "yeah indices makes sense": assent that only names the feedback's own topic
    topic = (len(words) <= 6 and len(extra) == 1 and len(rest) > 1
             and _stems(extra[0]) <= _stems(point) and bool(_stems(extra[0])))
    if not words or (len(words) <= 12 and not extra and not answers) or topic:
        return ["bare-ok"]
    sentences = [s for s in _SENTENCE.split(lower) if s.strip()]
    defensive = bool(_DEFENSIVE.search(lower)) and not _KIDDING.search(lower)
    elsewhere = bool(_ELSEWHERE.search(lower))
    heard = (bool(_OPENS.search(lower)) or bool(_ACK.search(lower))
             or bool(_stems(point) & _stems(lower)))
    clauses = [c for s in sentences for c in _TURN.split(s) if c.strip()]
    calm = [c for c in clauses if not _DEFENSIVE.search(c)]
    # A cue that only repeats the feedback ("the recursion limit is a problem" to "...can
    # hit the recursion limit") is the point restated, not a why.
    reasoned = (any(m.group(0).strip() not in said for c in calm for m in _REASON.finditer(c))
                or bool(_INPUTS.search(lower))
                or bool(_costs(" ".join(calm)) - _costs(said))
                or bool(_WHEN.search(said) and any(_CONDITION.search(c) for c in calm)))
    changed = any(_changes(c) for c in clauses) or _names_the_answer(clauses, said)
    # A "why" question answered with a reason, the choice kept: nothing is owed.
    justified = (reasoned and heard and not elsewhere and bool(_WHY.search(said))
                 and not _ASKS_CHANGE.search(said) and not _CONCEDES.search(lower))
    given = {"defensive": defensive,
             "no-acknowledge": elsewhere or (not heard and not defensive and not changed),
             "no-reason": not reasoned,
             "no-change": not changed and not justified}
    return [code for code in CODES if given.get(code)]


def _costs(text: str) -> set[str]:
    """The costs named in `text`, each as a key ("n^2" for "O(n^2)", "n squared", "quadratic")."""
    keys = set()
    for found in _COST.finditer(text):
        term = "".join((found.group(1) or found.group(2) or found.group(3)).split())
        keys.add(_COST_WORDS.get(term, term))
    return keys


def _names_the_answer(clauses: list[str], point: str) -> bool:
    """Asked "what would you use?", a reply that opens with the structure or the code
    ("dict of value to index; ...", "low + (high - low) / 2.") names its change; "bitmasks,
    either way" makes no choice."""
    if not clauses or not _ASKS.search(point) or _UNDECIDED.search(" ".join(clauses)):
        return False
    head = " ".join(_WORD.findall(_OPENS.sub("", clauses[0]))[:6])
    return bool(_THING.search(head) or _CODE.search(clauses[0]))


def _changes(sentence: str) -> bool:
    """A concrete change or test in one sentence ("I'll fix it" is not one)."""
    if _TESTED.search(sentence):
        return True
    if _DOES_IT.search(sentence) and (_THING.search(sentence) or _CODE.search(sentence)):
        return True
    for found in _COMMIT.finditer(sentence):
        rest = sentence[found.end():]
        if _MUSING.match(rest):
            continue
        clause = re.split(r"[.;!?](?=\s|$)", rest, maxsplit=1)[0]
        if _VAGUE.search(clause) and not _CONCRETE.search(_VAGUE.sub("", clause)):
            continue
        if _CONCRETE.search(clause) or _THING.search(clause) or _CODE.search(clause):
            return True
    return False
