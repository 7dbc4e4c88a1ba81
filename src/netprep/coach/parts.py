"""What each clause does in a story: context, task, own action, others' action, outcome, lesson.

Each label collects evidence from cue phrases, from who the subject is and what
kind of verb it has, and from the field the clause was written in (a hint worth
less than clear content) and its position. The label with most evidence wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from netprep.coach import actors, substance
from netprep.coach import lazyre as re
from netprep.coach.actors import Actor, actor_of, is_action_verb
from netprep.coach.sentences import Clause

LABELS = ("context", "task", "own_action", "others_action", "outcome", "lesson", "other")
# The STAR part each label gives evidence for.
PART_OF = {"context": "situation", "task": "task", "own_action": "action",
           "others_action": "action", "outcome": "result", "lesson": "learned"}
FIELD_LABEL = {"situation": "context", "task": "task", "action": "own_action",
               "result": "outcome", "learned": "lesson"}


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_CUE_LIST: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "lesson": [
        # A habit that changed: "Now, before I try to ..., I look for ...", "When I disagree
        # with someone now, I ask ..."; and a clause whose main verb is the learning itself
        # ("I learned that once a decision is made, my job is to make it work").
        (_rx(r"^(?:and\s+|so\s+)?now,\s+(?:before|when|whenever|if|each time|every time|after)\b|"
             r"^(?:when|whenever|before|each time|every time|if)\s+i\b[^,]{3,80}\bnow\b,?\s+i\b|"
             r"^(?:and\s+|but\s+|so\s+)?(?:i|we)\s+(?:have\s+)?(?:learned|learnt|realised|"
             r"realized)\s+that\b"), 3.0),
        (_rx(r"^i (?:got|became|grew|am|feel) (?:much |a lot |far |so much )?(?:better|more "
             r"confident|more comfortable|stronger|more experienced) (?:at|with|in|as)\b"), 3.0),
        (_rx(r"\b(?:i|we)\s+(?:have\s+)?(?:learn(?:ed|t)|took away|realis(?:ed|e)|realiz(?:ed|e))"
             r"\b"), 3.0),
        (_rx(r"\b(?:lessons?\s+(?:i|was|here|for me|learned)|main lesson|the lesson|"
             r"taught me|takeaway|take-away|next time|in hindsight|looking back|"
             r"in retrospect|from then on|ever since|since then,?\s+i|i now\b|now i\b|"
             r"i(?:'ve| have) since|what i took|if i did it again|i would (?:now|do (?:it )?"
             r"differently|have|start|spend)\b|i'd (?:do|have|start|spend)\b|"
             r"(?:i|we)(?: would|'d| should) have\b|made me (?:realise|realize|see|understand)|"
             r"showed me|reminded me|the biggest thing)"), 3.0),
        (_rx(r"\bi\s+(?:always|never|now|still|usually|try to|make sure|start|plan|check|"
             r"test|ask|write|prefer|know|think)\b(?!\s+(?:a|an|one)\s)(?!.*\b(?:was|were|had|did)\b)"),
         1.5),
        (_rx(r"\b(?:is|are)\s+(?:often|usually|always|more|less|worth|the\s+(?:best|"
             r"cheapest|real|key)|what|key|better|easier|harder|important|essential)\b|"
             r"\bmatters?\b|\bpays off\b|\bworks best\b|\bmakes? (?:a|the) (?:big|biggest)?\s*"
             r"difference\b|^(?:you|people|teams|users)\s+(?:need|have|should|can|don't)\b"),
         1.5),
        (_rx(r"\bmattered (?:\w+ )?(?:more|less|most)\b|\b(?:was|is) worth (?:more|it|the)\b|"
             r"\bworth more than\b"), 2.0),
        (_rx(r"\b(?:more|better|faster|less|cheaper|harder|easier|longer) than (?!in\b|the "
             r"(?:year|term|month|week|previous|old|last|one)|before|expected|planned|\d)|"
             r"\bthe main thing (?:was|is)|\bcame away\b|\bi learn\b|\bis (?:valuable|"
             r"part of|worth)|\bmy job is\b|\bis to\b"), 1.5),
        (_rx(r"\b(?:told|saved|showed|taught|reminded|helped) me\b(?!\s+to\b)|"
             r"^(?:doing|asking|talking|measuring|writing|having|getting|"
             r"building|starting|cutting|watching|looking|spending|sitting|agreeing)\b"), 0.5),
    ],
    "outcome": [
        # What the work found or what was decided on it: "the analysis showed that ...",
        # "the owner decided to keep it".
        (_rx(r"\b(?:the|my|our) (?:analysis|results?|data|numbers|figures|tests?|survey|"
             r"experiment|study|report|comparison|trial|pilot) (?:showed|shows|found|revealed|"
             r"proved|confirmed)\b|^(?:and\s+)?(?:the|my|our)\s+(?:owner|manager|lead|team|"
             r"lecturer|department|client|company|board|committee|school|council|director|"
             r"professor|supervisor|shop|club|society|editor)\s+(?:then\s+|finally\s+)?"
             r"(?:decided|agreed|chose|voted)\s+to\b"), 2.0),
        # The decision the work led to: "We chose normalised tables because ...", "the team
        # went with my design" (a step when told among the steps: the field and the place
        # weigh more there).
        (_rx(r"^(?:and\s+|so\s+|in the end,?\s+)?(?:we|the team|they|the group)\s+(?:then\s+|"
             r"finally\s+|all\s+)?(?:chose|picked|went with|settled on|voted for|agreed on)\s+"
             r"(?!to\b)\w+"), 1.5),
        (_rx(r"\b(?:as a result|in the end|the result|the outcome|^by the end|ended up|"
             r"this led|which led|that led|resulted in|led to|in total|afterwards,)"), 2.0),
        (_rx(r"\b(?:left|gave|wrote) (?:(?:a|an|us|me|it|the|him|her|them)\s+){1,2}[\w-]*\s?"
             r"(?:review|rating|stars?)\b|"
             r"\b(?:used|adopted|reused|cited|kept) (?:my|our)\b"), 2.0),
        (_rx(r"\b(?:was|were) (?:done|finished|completed|delivered|ready|live|fixed|restored|"
             r"back up)\b"), 2.0),
        (_rx(r"\bno (?:\w+ ){1,2}at all\b|\b(?:have|has) since\b|\bsaved\b.{0,20}\b(?:hours?|"
             r"minutes?|days?|money|time)\b|\b(?:enjoyed it|liked it|satisfied|proud of|loved "
             r"(?:it|the))\b|\bwith it now\b|\binstead of (?:a|the|\d)"), 1.5),
        (_rx(r"\b(?:has|have)(?: not| never)? been\b.*\bsince\b|\bnot \w+ since\b|\bno more\b|"
             r"\bfor the rest of the\b|"
             r"\bimproved (?:a lot|greatly|significantly|massively)|\b(?:more|less) \w+ed\b"),
         2.0),
        (_rx(r"\b(?:halved|doubled|tripled|quadrupled|\w+fold|went up|went down|dropped to|"
             r"fell to|rose to|grew to|no longer|not failed since|never (?:failed|crashed|"
             r"happened|broke) again|stopped (?:arguing|complaining|keeping|happening)|"
             r"did not have to|didn't have to|were able to|was able to)\b"), 2.0),
        (_rx(r"\b(?:was|were|got|has been|have been)\s+(?:adopted|approved|accepted|merged|"
             r"released|deployed|shipped|launched|praised|promoted|hired|offered|chosen|"
             r"selected|used|rolled out|published|kept|extended|featured|awarded|invited)"), 2.0),
        (_rx(r"\b(?:won|placed|ranked|finished|came)\s+(?:first|second|third|\d|the|top)|"
             r"\b(?:won|scored|passed|earned|received|got)\s+(?:a|an|the|\d|top|first|full)\b"),
         2.0),
        (_rx(r"\b(?:adopted|kept using|still uses?|started using|now uses?|"
             r"offered me|signed up|came back|thanked|complaints?|"
             r"handled|survived|without going down|on time|on schedule|under budget|"
             r"satisfaction|feedback was|average (?:wait|time)|accuracy|latency|"
             r"conversion|retention|load time|build time|run time|response time)\b"), 1.0),
        (_rx(r"\d\s*%|\bpercent\b|\bper cent\b|[$€£]\s?\d"), 1.0),
        (_rx(r"\b(?:didn't|did not|never) (?:go|work out|turn out) (?:the way|as)\b|"
             r"\b(?:went|turned out|worked out) (?:the way|as) (?:i|we) (?:had )?(?:hoped|planned|"
             r"expected)\b"), 2.0),
        (_rx(r"^(?!(?:i|we|you)\b)(?:[\w'’-]+\s+){1,5}now (?:\w+s|has|is|are)\b"), 2.0),
        (_rx(r"\b(?:not a single|not one|without a single|zero)\s+\w+|"
             r"\bevery (?:night|day|week|month|run|"
             r"time|term|release) since\b|\bsince\W*$|^(?:over|in|during|for|within) the "
             r"(?:next|following|first)\b|\b(?:reached|achieved)\b|"
             r"^(?:and\s+)?(?:after|within) (?:a|one|two|three|four|six|\d+) "
             r"(?:days?|weeks?|months?|terms?)\b,?\s+(?!i\b|we\b)"),
         2.0),
        (_rx(r"\b(?:compared (?:with|to)|than (?:the|before|last|a|it|in)|improvement|"
             r"(?:much|far|a lot|significantly|noticeably) (?:better|faster|more|less|fewer|"
             r"quicker|smoother|easier|higher|lower)|(?:better|faster|fewer|quicker|cheaper|"
             r"smaller|shorter) (?:than|feedback|results?|reviews?|scores?)|"
             r"(?:under|below|less than|more than|fewer than|over)\s+(?:\d|one|two|three|four|"
             r"five|ten|twenty|half|a (?:minute|second|day|third|quarter))|"
             r"\b(?:more|less) (?:confident|stable|reliable|often))"), 1.2),
    ],
    "task": [
        (_rx(r"\b(?:my|our|the)\s+(?:main\s+|own\s+)?(?:task|job|role|goal|aim|responsibility|"
             r"assignment|mission|objective|brief|challenge|part|piece|area)\s*(?:was|is|became|"
             r"for|:)"), 3.0),
        # An offer ("I told the manager I could build a better way"), a request with an aside
        # ("asked me, as the one with a UX course, to find ..."), "asked me if I can".
        (_rx(r"\b(?:told|promised|offered|assured)\s+(?:the\s+\w+|him|her|them|my\s+\w+|our\s+\w+)"
             r"\s+(?:that\s+)?(?:i|we)(?:'d(?!\s+(?:got|been|done|had|made|gone|\w+ed)\b)|\s+would|"
             r"\s+could|\s+will|\s+can)\s+(?!not\b|never\b)\w+|"
             r"\bask(?:s|ed)?\s+(?:me|us)(?:,[^,]{1,80},\s+to|\s+if (?:i|we) (?:can|could))\b"),
         3.0),
        (_rx(r"\b(?:i|we)\s+(?:was|were)\s+(?:basically\s+|mainly\s+|mostly\s+|partly\s+)?"
             r"(?:asked|tasked|assigned|responsible|in charge|"
             r"supposed|expected|meant|given|told|hired|brought in|the (?:only|one))\b"), 3.0),
        (_rx(r"\b(?:asked|told|tasked|needed|wanted|assigned)\s+(?:me|us)\s+(?:to|with)\b|"
             r"\bgave\s+(?:me|us)\s+(?:(?:two|three|a few|\d+)\s+(?:days|weeks)|the (?:task|job|"
             r"role))\b|^wanted to\b"), 2.5),
        (_rx(r"\b(?:i|we)\s+(?:had|needed|wanted|set out|was hoping|were hoping)\s+to\b|"
             r"\bit was (?:my|on me|up to me)\b|\bi (?:offered|volunteered|took on|"
             r"took charge)\b|\b(?:i|we) (?:owned|had volunteered)\b|\bresponsible for\b|"
             r"\bthe (?:deadline|goal|target)\b|\bhad to be\b|"
             r"\bthe (?:idea|plan) was to\b|\bit was (?:mine|my job|my call) to\b|"
             r"\btook (?:on )?(?:the )?responsibility\b"), 2.0),
        (_rx(r"\b(?:fell|came down) to me\b|\b(?:was|were) (?:on|up to) (?:me|us)\b|"
             r"\basked (?:me|us) to\b"), 3.0),
        (_rx(r"^(?:as (?:the|a|an|our|my)\b)"), 0.8),
        (_rx(r"^(?:i|we) had (?:only |just )?(?:\w+ ){0,2}(?:days|weeks|hours|months|the summer|"
             r"the weekend|a week|a month|until)\b|\b(?:question|problem|challenge) was (?:how|"
             r"whether|what|to)\b|\bmy (?:task|job|role)\b|\b(?:was|is) mine to\b"), 2.2),
        (_rx(r"\b(?:was|were) asked to\b|\boffered to\b|\bvolunteered to\b"), 2.0),
        (_rx(r"\bi was (?:alone|by myself|on (?:my own|duty|shift)|the only\b|left in charge|"
             r"covering)"), 2.0),
        (_rx(r"\b(?:nobody|no one|none of the others) else\b[^.]{0,30}\b(?:knew|could|had|was able|"
             r"wanted)|\b(?:someone|somebody) had to\b|\bi knew (?:the \w+|it|them) best\b|"
             r"\b(?:looked|came|turned) to me\b|\btrusted me with\b|\bwhere i came in\b|"
             r"\bleft (?:it|this|that) (?:to|with) me\b"), 2.5),
        (_rx(r"\b(?:was|is) (?:important|urgent|essential|critical|vital|crucial) to (?!me\b)\w+|"
             r"\b(?:was|were) (?:urgent|keen to)\b|\bmy chance to\b|\bset out to\b|"
             r"^(?!i\b|we\b)(?:\w+\s+){1,3}needed (?:a|an|the|new|someone|somebody|to)\b"), 2.0),
        (_rx(r"\b(?:had|needed|has|needs) to (?:work|run|stop|load|pass|handle|support|go live|"
             r"launch|ship|cope|scale|be (?:ready|live|done|fixed|finished|reliable|working|"
             r"faster|stable|accessible|usable|shipped|launched|delivered|running))\b"), 2.0),
        (_rx(r"\b(?:became|was) (?:my|our) (?:project|job|task|responsibility|problem|mission)\b|"
             r"\b(?:gave|handed|passed|left) (?:it|this|that|the (?:problem|job|task|work|project|"
             r"ticket|bug)) (?:to|over to|with) (?:me|us)\b|\b(?:was|were) determined to\b|"
             r"\bmade it my (?:goal|mission|job|priority)\b|\b(?:give|gives|gave|giving) (?:me|us) "
             r"(?:the|a|this|one) (?:task|job|assignment|responsibility|mission)\b|"
             r"\b(?:tell|tells|want|wants|need|needs) (?:me|us) to\b"), 3.0),
        (_rx(r"\b(?:i|we) (?:was|were) on call\b|\bon the (?:\w+ )?team (?:that|which|who) "
             r"(?:owned|ran|maintained|looked after)\b|\bask(?:s)? (?:me|us) to\b"), 2.5),
        (_rx(r"^(?:i|we)\s+(?:\w+\s+){0,2}?(?:decided to|proposed|chose to|set myself|"
             r"took (?:it )?on|took charge|took responsibility|signed up to|owned|was in charge|"
             r"were in charge|offered\b[^.]{0,30}\bto)\b"), 2.8),
        (_rx(r"\b(?:manager|lead|supervisor|client|lecturer|professor|tutor|boss|owner|"
             r"coordinator|committee|librarian|director|mentor|chair|head)s? (?:wanted|needed|"
             r"asked for)\b"), 1.5),
        (_rx(r"\b(?:i|we|committee|team|manager|client) (?:wanted|needed|hoped for|aimed for)\b|"
             r"\bwanted (?:to|a|an|the|us|me|everything|it)\b|"
             r"\bhad to (?:decide|choose|find|get|make|fix|deliver|finish)\b"), 1.5),
    ],
    "context": [
        (_rx(r"^(?:when i was|during my|during (?:a|the|our)|while (?:i was|working|at|"
             r"studying)|at my|in my (?:first|second|third|final|last)|last (?:summer|year|"
             r"semester|term|spring|autumn|fall|winter)|as an? (?:intern|student|ta|teaching|"
             r"volunteer|member|part-time)|i (?:was|worked)\s+(?:an?|as|at|on|in|part)|"
             r"i was working|there (?:was|were|had been)|back then|at the time|"
             r"at (?:a|an|the) \w+ (?:startup|company|hackathon|lab|firm)|in (?:my|our|a|the) "
             r"(?:\w+ )?(?:course|class|job|internship|team|club|society|lab|project|year|"
             r"placement|co-?op|summer|semester|term|degree))\b"), 2.0),
        (_rx(r"^i\s+(?:also\s+)?(?:contribute|work|volunteer|study|tutor|teach|maintain|coach|"
             r"intern|help out|play|sing|row)\s+(?:to|at|for|on|in|with|as|part-time)\b"), 2.5),
        (_rx(r"^for (?:my|our) (?:[\w'’-]+ ){0,2}(?:project|thesis|dissertation|internship|"
             r"placement|course|module|capstone)\b"), 2.0),
        (_rx(r"\b(?:when i was|during my|while (?:i was|working|studying)|at my|"
             r"last (?:summer|year|semester|term|spring|autumn|fall|winter)|i was working|"
             r"there (?:was|were|had been)|"
             r"back then|at the time|as an? (?!result\b)\w+ (?:at|in|for|on|with))\b"), 1.0),
        (_rx(r"\b(?:used to|kept (?:failing|crashing|breaking)|every (?:week|day|morning|"
             r"night|time|term|year)|each (?:week|time|term)|(?:twice|once) a (?:week|day|"
             r"month)|had been|often|regularly|constantly|always)\b"), 1.0),
        (_rx(r"\b(?:was|were)\s+(?:slow|broken|behind|failing|a mess|messy|out of date|"
             r"late|struggling|losing|down|unhappy|confused|stuck|manual|overloaded)\b"), 1.2),
        (_rx(r"\b(?:was|were|is|are|became) (?:a |an )?(?:big |huge |real |serious |major |"
             r"constant )?(?:problem|issue|pain|headache|mess|nightmare|bottleneck)\b|"
             r"\b(?:was|were) (?:frustrated|annoyed|angry|upset|worried|fed up)\b|"
             r"\b(?:were|was) piling up\b"), 1.2),
        (_rx(r"\bstruggled\b|\bgot lost\b|\bend up \w+ing\b|\bvolunteer(?:ed)? (?:with|as|at|"
             r"for|in)\b|\bstopped (?:coming|attending|"
             r"responding|turning up|showing up)\b"), 2.0),
        (_rx(r"\b(?:failed|crashed|kept \w+ing|broke down|cancelled|by hand|manually|still|"
             r"only (?:ran|worked)|back in|per (?:run|query|request|week|day)|(?:a|each|per) "
             r"(?:month|week|day|term)|had over|took (?:ages|forever|too long))\b"), 1.2),
        (_rx(r"^(?:our|my|the)\s+(?:\w+\s+){0,3}(?:team|club|company|project|app|site|"
             r"website|course|class|lab|startup|group|society|system|job|service)\b"), 0.6),
    ],
    "own_action": [
        (_rx(r"^(?:my (?:first|next|second|third|last|final|main) (?:step|move|thing|change)|"
             r"the (?:first|next|last) (?:thing|step) i (?:did|took)|what i did (?:first |next |"
             r"then )?was|my (?:approach|solution|fix) was to)\b"), 3.0),
    ],
    "other": [
        (_rx(r"^(?:so yeah|yeah|that's (?:it|about it|my story|all)|thanks|thank you|"
             r"good question|great question|let me think|hmm+|ok(?:ay)?|um+|uh+)\W*$"), 4.0),
        (_rx(r"^(?:so\s+)?(?:that's|this is) (?:a story|one example|an example|my example)"), 3.0),
        (_rx(r"^(?:(?:and|so|um|uh|yeah|like|basically|right|anyway|hmm)[,.\s]*)+"
             r"(?:yeah|so|um|uh)?\W*$|\b(?:that's (?:basically |kind of |about )?(?:it|all|the "
             r"(?:story|whole thing))|let me (?:think|start|put)|where was i|sorry|"
             r"i guess that's|i'm not sure (?:if|whether)|i could talk|it's (?:hard|complicated)|"
             r"stuff like that|i don't know|you know, it's|is it ok(?:ay)? if|can i take|"
             r"might get the details|the next part is|do you want me|should i talk)\b"), 3.0),
        (_rx(r"^(?:i|we)\s+(?:really\s+)?(?:felt|thought about|was aware|were aware|kept in mind|"
             r"enjoyed|loved|was nervous|am still|was still|was going to|were going to)\b"), 2.0),
        (_rx(r"\b(?:it took (?:me|us)|i spent|we spent)\b.{0,40}\b(?:weeks?|days?|hours?|"
             r"months?|evenings?|%|percent)|\b\d[\d,]*\s+(?:lines|commits)\b"), 2.5),
        (_rx(r"^(?:i|we)\s+(?:was|were)\s+(?:part of|involved|there)|^i\s+(?:helped\s+"
             r"(?:with|out|wherever|where)|made sure|supported|assisted|contributed to|"
             r"participated in|kept an eye)\b"), 3.0),
    ],
}
# Each cue with whether it is anchored at the clause start ("^"), which is searched in the
# clause without its openers too.
_CUES: dict[str, list[tuple[re.Pattern[str], float, bool]]] = {
    label: [(p, w, "^" in p.pattern) for p, w in cues] for label, cues in _CUE_LIST.items()}
_FUTURE = _rx(r"\b(?:will|is planned|are planned|plan to|hope to|i hope|we hope|going to|"
              r"would like to|next month|next term|next year)\b")
# How often, not once: a present-tense step with it is a habit ("I make lists whenever ...").
_HABIT = _rx(r"\b(?:all the time|always|usually|normally|generally|often|every time|"
             r"whenever|most (?:days|weeks|of the time)|as a rule)\b")
_HYPOTHESIS = _rx(r"^(?:if|once|whenever)\b")


@dataclass(frozen=True)
class Labelled:
    clause: Clause
    label: str
    actor: Actor
    scores: dict[str, float]

    @property
    def text(self) -> str:
        return self.clause.text


# "X fell from 40 to 20": a change verb with its measure (not "I went to the meeting").
_CHANGE = _rx(r"\b(?!fell to me\b|came down to\b|went (?:through|over|into|back|along|"
              r"with|to (?:the|a|my|see|talk|ask|meet))\b)"
              r"(went|dropped|fell|rose|grew|climbed|shrank|came|"
              r"jumped|increased|"
              r"decreased|improved|reduced|cut|saved(?! (?:me|us) from)|raised|lowered|doubled|"
              r"halved|tripled|quadrupled|sped up|slowed)\b.{0,40}\b(?:from|to|by|under|below|"
              r"over|down|up|half|percent|%)")
_RESULT_VERB = _rx(r"^(?:released|launched|shipped|won|got|placed|delivered|finished|handed|"
                   r"refunded|reached|hit|passed|raised|saved|cut|reduced|grew|doubled|halved|"
                   r"increased|improved|finally|ended|managed|were|was|closed|sold|earned|"
                   r"received|scored|beat)\b")
_PASSIVE_AUX = frozenset("get gets is are be been being stay stays keep keeps".split())
_BOTH_TENSES = frozenset("read put set cut hit let run cost hurt spread shut split".split())
_VAGUE_INVOLVE = _rx(r"^(?:i|we)\s+(?:also\s+)?(?:was|were)\s+(?:part of|involved|included|there)|"
                     r"^(?:i\s+)?(?:also\s+)?(?:helped\s+(?:with|out|wherever|where)|"
                     r"contributed to|participated in|worked on (?:some|parts|bits) of|"
                     r"made sure (?:everyone|things|people))\b|together with the rest\b")
_REACTIONS = frozenset("""agreed approved accepted liked loved said replied thanked praised
signed adopted chose picked received""".split())
_AFTER = _rx(r"^(?:after that|afterwards|since then|from then on|now|today|then|by the end|finally|"
             r"(?:\w+|a) (?:days?|weeks?|months?|years?) later|later that|"
             r"within|in the end|eventually|finally|as a result|overall)\b")
# "Measuring each stage first told me ...": a gerund subject states a general lesson.
_GERUND = _rx(r"^(?!during\b|using\b[^,]*,|morning\b|evening\b|opening night\b|nothing\b|"
              r"everything\b|something\b|anything\b|spring\b|string\b|building\b|"
              r"meeting\b|setting\b|ceiling\b|wedding\b|king\b|thing\b)[a-z]+ing\s+(?:(?:was|is)\s+"
              r"(?=\w+er than|worth|the (?:best|key|real)|what|more|less|how)|(?!has\b|have\b|"
              r"had\b|is\b|was\b|were\b|are\b|went\b|got\b|broke\b|failed\b|took\b|did\b|will\b|"
              r"would\b|can\b|could\b))\w+"
              r"(?![^,]{0,60},\s*(?:i|we)\b)")
_NOW_MEASURED = _rx(r"\bnow\b|\d")  # "Marking now takes five minutes": an outcome
_GENERIC = _rx(r"^[\w'’-]+(?:\s+[\w'’-]+){0,6}?\s+(?:(?!has\b|was\b|does\b|its\b|this\b|"
               r"his\b|is\b)\w+s|is|are|matters|get|understand|need|learn|work|make|beat|"
               r"can|tends?)\b")
# "Find out why it failed and fix it", "To cut the wait before the exam": a brief, told early.
_BRIEF = _rx(r"^(?:to\s+)?(?:find(?: out)?|make|get|fix|build|cut|reduce|bring|stop|move|set up|"
             r"create|design|improve|speed up|sort out|work out|figure out|deliver|finish|ship|"
             r"organi[sz]e|raise|recruit|prepare|launch|replace|rebuild|migrate|automate|turn|"
             r"keep|clean up|untangle|rescue|save|win|persuade|convince)\s+(?!up\b|to\b)\w+")
_IMPERATIVE = _rx(r"^(?:always|never|don't|do not|check|ask|test|start|measure|write|talk|"
                  r"keep|make|plan|get|put|try|listen|think|build|ship)\b")
_INTENT = ("would", "'d", "could", "should", "might", "was going to", "am going to",
           "will", "can", "want to", "wanted to")
FIELD_HINT = {"situation": 1.4, "task": 2.0, "action": 1.4, "result": 1.8, "learned": 2.0}


def classify(clause: Clause, position: float = 0.5, outline: bool = False,
             before: Actor | None = None) -> Labelled:
    """The clause's label, from content first and its field and position as hints.

    `position` runs from 0 (first clause) to 1 (last); `before` is the actor of the
    clause before it in the same sentence, which a clause with no subject inherits.
    """
    text = clause.text
    act = actor_of(text)
    if act.implicit and clause.lead == "which":  # "..., which opened three days a week"
        act = Actor(actors.THING, act.verb, False, act.modal, True)
    elif act.implicit and before is not None and before.who in (actors.WE, actors.OTHERS,
                                                                actors.SELF, actors.THING):
        act = Actor(before.who, act.verb, False, act.modal, True)
    bare = actors.strip_openers(text)
    scores = dict.fromkeys(LABELS, 0.0)
    stripped = bare != text
    for label, cues in _CUES.items():
        for pattern, weight, anchored in cues:
            # An unanchored cue found in the bare clause is found in the whole one too.
            if pattern.search(text) or (anchored and stripped and pattern.search(bare)):
                scores[label] += weight
    field_name = clause.field or ""
    cued_outcome = scores["outcome"]  # the outcome evidence from what the clause says
    change = _CHANGE.search(text)
    if change and (act.who != actors.SELF or act.verb == change.group(1).lower()):
        scores["outcome"] += 2.5
    acting = is_action_verb(act)
    past = actors._past_like(act.verb)
    rest_verb = act.verb
    if act.who in (actors.SELF, actors.WE):
        mine = act.who == actors.SELF
        if acting and act.modal in ("", "decided to", "started to", "began to", "managed to",
                                    "tried to", "ended up", "went on to", "got to"):
            if past or act.modal:  # "we" steps hide who did what: others' action
                scores["own_action" if mine else "others_action"] += 2.5 if mine else 1.6
            elif _HABIT.search(text):  # "I make mistakes all the time": a habit, no step
                scores["other"] += 1.5
                scores["lesson"] += 0.5
            else:  # present tense: an outline step, or a habit (a lesson) in a story
                scores["own_action" if mine else "others_action"] += 1.2 if outline else 0.5
                scores["lesson"] += 0.3 if outline else 0.8
            if _RESULT_VERB.match(rest_verb) or act.modal in ("managed to", "ended up"):
                late = not field_name and position > 0.6
                scores["outcome"] += (2.0 if late else 1.0) if mine else 2.0
        elif act.modal in ("had to", "needed to", "have to", "need to") or (
                act.modal in ("wanted to", "want to") and position < 0.5):
            scores["task"] += 1.5
        elif act.modal in _INTENT:
            scores["lesson"] += 0.6
            scores["other"] += 1.0
            if outline:
                scores["own_action"] += 0.8
            else:
                scores["own_action"] -= 1.0
                scores["outcome"] -= 1.0
        elif act.verb in ("was", "were", "am", "had"):
            scores["context"] += 0.8
    elif act.who == actors.OTHERS:
        if _AFTER.match(text.strip()) or _AFTER.match(bare):
            scores["outcome"] += 1.2
        if act.verb in _REACTIONS:  # "she agreed", "the client loved it": a reaction
            scores["outcome"] += 1.5
        if position < 0.25 and not field_name:
            scores["context"] += 1.0
        if scores["outcome"] >= 1.2:  # people reacting to the work: its outcome
            scores["outcome"] += 0.8
        if acting and not act.modal:
            if field_name == "result" or position > 0.75 and not field_name:
                scores["outcome"] += 1.5
            scores["others_action"] += 2.0
            scores["context"] += 0.3
        else:
            scores["context"] += 0.8
    else:
        if act.passive:
            scores["others_action"] += 1.0
            if not field_name and position < 0.15:  # background told in the passive
                scores["context"] += 1.0
        scores["context"] += 0.3
        if _AFTER.match(text.strip()) or _AFTER.match(bare):
            scores["outcome"] += 1.2
        if past and act.verb not in actors.STATE_VERBS and act.verb not in ("had", "used"):
            if field_name:
                scores["outcome"] += 1.0 if field_name not in ("situation", "task") else 0.3
            else:  # told as one text: an event late in it is more likely the outcome
                scores["outcome"] += 1.0 if position > 0.4 else 0.2
        if _GERUND.match(text.strip()) and not act.implicit and not _NOW_MEASURED.search(text):
            scores["lesson"] += 3.0 if position > 0.6 or field_name in ("learned", "result") \
                else 0.8
    generic = _GENERIC.match(bare)
    words = re.findall(r"[A-Za-z]+", bare)
    if act.who in (actors.THING, actors.OTHERS) and generic and not any(
            actors._past_like(w) and w.lower() not in _BOTH_TENSES
            and (i == 0 or words[i - 1].lower() not in _PASSIVE_AUX)
            for i, w in enumerate(words)) and clause.lead != "so" \
            and not re.search(r"\b(?:was|were|had|did)\b", bare):
        # A general statement in the present tense: a lesson when it comes late.
        scores["lesson"] += 1.8 if position > 0.6 or field_name == "learned" else 0.4
    if _FUTURE.search(text) and scores["lesson"] < 2:
        scores["outcome"] -= 1.5
        scores["own_action"] -= 0.5
        scores["task"] += 0.4
    # Field and position hints.
    if field_name == "action":
        # An action field is a hint only for clauses that have an actor doing something.
        if act.who == actors.SELF and acting and act.modal not in _INTENT:
            scores["own_action"] += FIELD_HINT["action"]
        elif act.passive or (act.who == actors.WE and acting and act.modal not in _INTENT):
            scores["others_action"] += FIELD_HINT["action"]
        elif act.who == actors.OTHERS:
            scores["others_action"] += 0.5
        elif act.who in (actors.THING, actors.NONE):
            scores["outcome"] += 0.6
            scores["context"] += 0.4
        scores["context"] += max(0.0, 0.8 - 4 * position)
    elif field_name in FIELD_LABEL:
        scores[FIELD_LABEL[field_name]] += FIELD_HINT[field_name]
        if field_name == "situation" and act.who in (actors.OTHERS, actors.THING):
            scores["context"] += 1.0
        scores["context"] += max(0.0, 0.8 - 4 * position)
    else:
        scores["context"] += max(0.0, 1.0 - 2.5 * position)
        scores["outcome"] += max(0.0, 1.4 * position - 0.6) - max(0.0, 0.6 - 2 * position)
        scores["lesson"] += max(0.0, 1.5 * position - 1.1)
    if (clause.lead in ("so", "as a result", "in the end") or (
            clause.lead == "which" and _RESULT_VERB.match(act.verb or ""))) and act.who in (
            actors.THING, actors.NONE):
        scores["outcome"] += 0.8
    if _BRIEF.match(bare) and act.who in (actors.THING, actors.NONE) and not act.implicit and (
            field_name == "task" or (not field_name and position < 0.45)):
        scores["task"] += 2.5
    if _IMPERATIVE.match(text.strip()) and (position > 0.6 or field_name == "learned"):
        scores["lesson"] += 2.0
    if _HYPOTHESIS.search(text):
        scores["lesson"] += 0.3
    if text.rstrip().endswith("?"):
        scores["other"] += 2.0
    if act.who == actors.SELF and acting and past and not act.implicit or (
            act.who == actors.SELF and act.implicit and acting):
        main_is_result = _RESULT_VERB.match(act.verb) or (
            change is not None and change.group(1).lower() == act.verb)
        if not main_is_result:  # "I asked them to review it before it was published"
            scores["outcome"] = min(scores["outcome"], scores["own_action"] - 0.1)
    elif act.who == actors.WE and acting and past and not act.modal and cued_outcome < 1.5 \
            and not change and not _RESULT_VERB.match(act.verb):
        # "We presented it to the team": a step told as "we", wherever it is written.
        scores["outcome"] = min(scores["outcome"], scores["others_action"] - 0.1)
    if substance.still_pending(text) and scores["lesson"] < 3.0:
        scores["other"] += 2.5  # "still waiting for a review", "it should help": not yet
        scores["outcome"] -= 1.0
    elif substance.portrait(bare):  # "I am a very curious person": no context
        scores["other"] += 3.0
    if _VAGUE_INVOLVE.search(bare):  # "I helped with", "I was involved in": no real step
        scores["own_action"] -= 3.0
        scores["other"] += 1.0
    label = max(LABELS, key=lambda lab: (scores[lab], -LABELS.index(lab)))
    if scores[label] <= 0.5:
        # Nothing clear: a thought, a feeling or a step not taken ("I honestly think I was
        # right", "I did not want to sound like a boss") is no background.
        label = "other" if _FUTURE.search(text) or len(text.split()) < 3 or _unacted(act) \
            else "context"
    return Labelled(clause, label, act, scores)


def _unacted(act: Actor) -> bool:
    """The candidate thinking, feeling or not doing something: no step and no setting."""
    return act.who == actors.SELF and (act.modal == "did not" or (
        act.verb in actors.STATE_VERBS and act.verb not in ("was", "am", "had", "is", "are")))


# "I decided to mock the API myself": a decision the story then shows carried out.
_CARRIED_OUT = _rx(r"^i\s+(?:\w+\s+){0,2}?(?:decided|chose) to\s+(?!be\b|have\b|try\b|"
                   r"ask\b|wait\b|let\b|keep\b|focus\b|learn\b)\w+")


def classify_all(clauses: list[Clause], outline: bool = False) -> list[Labelled]:
    n = max(1, len(clauses) - 1)
    out: list[Labelled] = []
    for i, c in enumerate(clauses):
        before = out[-1].actor if out and out[-1].clause.sentence == c.sentence else None
        out.append(classify(c, i / n if len(clauses) > 1 else 0.5, outline, before))
    return _decision_carried_out(out)


def _decision_carried_out(out: list[Labelled]) -> list[Labelled]:
    """A story with no step but "I decided to <do X>" followed by what came of it did X:
    that decision is its action, not its task (a quick decision, told as one)."""
    if any(lab.label in ("own_action", "others_action") for lab in out):
        return out
    for i, lab in enumerate(out):
        if (lab.label == "task" and _CARRIED_OUT.search(lab.text.strip())
                and any(later.label == "outcome" for later in out[i + 1:])):
            out[i] = Labelled(lab.clause, "own_action", lab.actor, lab.scores)
            break
    return out
