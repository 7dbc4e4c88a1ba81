"""What a question asks for beyond its competency (its polarity), and what a story shows.

A question about a disagreement you lost wants a different story from one about a
disagreement you won, even though both are "conflict". Cue phrases, written for
netprep, read the polarity of a question and the signals in a story's text; pure
regular expressions, compiled on first use.
"""

from __future__ import annotations

import re

POLARITIES = ("feedback-declined", "intermittent", "being-wrong", "mistake", "flop",
              "missed-deadline", "failure", "persuasion", "authority", "advice",
              "feedback-received", "feedback-given", "fixed-date", "deadline", "conflict")

# Question text -> polarity, most specific first: the first that matches wins.
_QUESTION_CUES: tuple[tuple[str, str], ...] = (
    # Standing by your own call against someone's view comes first: "when someone senior
    # thought you were wrong" is not a time you were wrong.
    ("feedback-declined", r"(decided|chose) not to (act on|follow|take)|did ?n[o']t (act on|follow)"
                          r" .{0,20}feedback|feedback .{0,30}(ignored|turned down|declined)"
                          r"|\bdisagreed with (the |some |a piece of )?(feedback|advice|review)"
                          r"|\bst(uck|ick|ood|and) (to|by) (your|my) (decision|guns|position|choice"
                          r"|plan|design)|\bst(ood|and) (your|my) ground|\bheld (your|my) ground"),
    ("intermittent", r"\b(only|could only) (\w+ ){0,2}sometimes|\b(works?|worked|fail\w*"
                     r"|happen\w*|crash\w*|appear\w*|break\w*) (only )?sometimes"
                     r"|\bsometimes (worked|failed|happened|crashed|broke)|\bsome of the time"
                     r"|\bintermittent|\boccasional|\bnow and then|\bflaky"
                     r"|\bsporadic|\bonly (sometimes|some days|on some)|\bnot every time"
                     r"|\bhard to reproduce|\bcould ?n[o']t reproduce|\bat random|\brandomly"),
    ("being-wrong", r"\b(you|i) (were|was) (the one who was )?wrong|turned out .{0,30}\bwrong"
                    r"|\b(argument|debate|disagreement|battle)s?\b.{0,25}\b(that )?you "
                    r"(lost|did ?n[o']t win|did not win)"
                    r"|\bturned out (that )?you (were ?n[o']t|were not|was ?n[o']t)"
                    r"|\bend(ed)? up (being )?wrong|\bset in your ways"
                    r"|\blost (a|an|the) (argument|debate|disagreement)"
                    r"|\bdid ?n[o']t get your way|\bdecision went against you"
                    r"|\bchang\w* (your|my) mind|other (person|side) (was right|had a point)"
                    r"|admit\w* .{0,20}\bwrong|\blost an argument|\bwere (proven|proved) wrong"
                    r"|\b(idea|approach|plan|design|solution|way)s? (was|were|turned out) (\w+ )?"
                    r"better than (yours|mine|your own)|\bgave way|\bback(ed)? down|\bgave in"
                    r"|\bchang\w* (your|my) (opinion|view|position|stance|mind)"
                    r"|\bconced|\bturned out to be right|\bproved you wrong|\bwere ?n[o']t right"),
    ("mistake", r"\bmistake|\byou caused|\blet (your|the) (\w+ )?down|\boutage"
                r"|\bbroke\b|\bbroken\b|\bbreak (something|production|the build)"
                r"|\bfell through the cracks|\bbug of yours|\byour fault|\bslip(ped)? up"
                r"|\berror you made|\bwent wrong because of you"
                r"|\b(caught|spotted|found) (an? )?(error|mistake|bug) in your"),
    ("flop", r"\bflop|\b(nobody|no one|hardly anyone) (used|wanted|came|opened)"
             r"|\bdid ?n[o']t (take off|catch on)|\bnever (took off|caught on)"
             r"|\b(project|launch|product|app|idea|feature|tool|thing|event|startup|launched"
             r"|built|made)\b.{0,30}\b(did ?n[o']t|did not|never) (go|work|succeed|land)"
             r"|\b(project|launch|product|app|idea|feature|tool)s? (that )?(failed|died|sank)"
             r"|\b(project|launch|product|app|idea|feature|tool|release|event)s? (that )?"
             r"(went badly|bombed|tanked|fell flat|was a failure|was a flop)"),
    ("missed-deadline", r"\bmiss\w* (a|the|your|an) (\w+ )?deadline|\bdid ?n[o']t (make|meet|hit)"
                        r" (a|the|your) (\w+ )?deadline|\bfailed to (meet|make|hit) (a|the|your)"
                        r" (\w+ )?deadline|\bdelivered (\w+ ){0,2}late\b"
                        r"|\bwere late (with|on|for)\b"
                        r"|\bdeadlines? (that )?you (did ?n[o']t|did not|could ?n[o']t|could not"
                        r"|failed to) (make|meet|hit)"),
    ("failure", r"\bfail|\bdid ?n[o']t go (the way|as|well)|\bwent wrong|\bsetback"
                r"|did ?n[o']t pay off|\bmissed (a|the|your) deadline|did ?n[o']t work out"
                r"|found out you had ?n[o']t|\bfell short|\bdisappointing|\bregret"
                r"|\bflop|did ?n[o']t take off|\b(nobody|no one) used|\bdid ?n[o']t succeed"
                r"|\b(could ?n[o']t|could not|were ?n[o']t able to) (solve|fix|finish|crack)"
                r"|\b(do|done|have done) (\w+ )?differently|\bgo back (in time )?and|\bhindsight"),
    ("persuasion", r"\bpersua|\bconvinc|\bbuy-?in\b|\bwin\w* .{0,20}\bover\b|\bwon .{0,20}\bover"
                   r"|\badopt (your|an|my) idea|\bwon an argument|\bwin an argument"
                   r"|\bsell\w* .{0,20}\b(idea|proposal|plan)"
                   r"|\b(get|got|getting|bring|brought|bringing) .{0,30}\bon board\b"
                   r"|\bsceptic|\bskeptic"
                   r"|\binfluenc|\bchang\w* (the|your|their) (team's )?(decision|direction)"
                   r"|\bchange (their|his|her|someone's) mind|\b(round|around) to (your|an|my|the)"
                   r"|\bbr(ing|ought) .{0,30}\b(round|around)\b|\bmake (your|the|a) case"
                   r"|\bchang\w* (how|the way) (your|the|a|their) (team|group|club|society)"
                   r"|\bchang\w* (their|his|her|someone's|somebody's|a \w+'s) minds?"
                   r"|\bdoubters|\bsupport your (plan|idea|proposal)|\bbehind your (plan|idea)"),
    ("authority", r"\bno (formal |real |direct )?(power|authority)|\bwithout (a |any )?"
                  r"(formal |real )?(power|authority|title)|\bdid ?n[o']t report to you"
                  r"|\brall(y|ied)"
                  r"|\bweren't your reports|\bnot your (reports|team)"
                  r"|\bdid ?n[o']t have to (listen|follow|help|do)|\bwithout being (their|the)"
                  r" (manager|boss|lead)|\bnot (their|your) (manager|boss)|\bno say over"),
    ("advice", r"\badvice\b|\bsomeone (more |much more )?(experienced|senior)|\bmore experienced"
               r"|\basked (\w+ ){0,3}for help"
               r"|\b(a|your) mentor\b|\bpointed you|\bsenior (colleague|engineer|developer|student)"
               r"|\bhelp from (a|an|someone|your)|\bwent to (someone|a senior|your mentor)"
               r"|\bsought (help|guidance)|\bguidance\b|\bmentor (helped|taught|told)"),
    ("feedback-received", r"feedback (you|that you|i) (got|received|were given|have received)"
                          r"|\bcritici[sz]|\bcritical feedback|\bfeedback .{0,30}given you"
                          r"|\bgiven you\b|\breviewer|\btears? apart your|\bask\w* for feedback"
                          r"|\bfeedback you disagreed|\breceived .{0,20}feedback"
                          r"|\b(was|were|got) (reviewed|criticised|criticized|rejected|torn)"),
    ("feedback-given", r"\bg[ai]ve\w* .{0,40}\bfeedback|\bfeedback to (a|an|your|the|someone)"
                       r"|did ?n[o']t want to hear|\bdifficult conversation|\bhard truth"
                       r"|\btell (a|your) (peer|teammate|colleague|friend)"),
    ("fixed-date", r"\b(date|day|deadline|launch|release|demo)s? (that )?(you )?"
                   r"(could ?n[o']t|can ?n[o']t|could not|cannot|would ?n[o']t|would not"
                   r"|was ?n[o']t going to) (be )?"
                   r"(mov|chang|slip|push|extend|budg)"
                   r"|\bdeadline .{0,20}\b(not|n't|never) (move|slip|change|budge)"
                   r"|\bfixed (date|deadline)|\bimmovable|\bhard deadline|\bnon-?negotiable"
                   r"|\bset in stone|\b(deadline|date) (that )?(could ?n[o']t|would ?n[o']t) slip"),
    ("deadline", r"\bdeadline|\b(date|day|launch) (that )?you (could ?n[o']t|can ?n[o']t"
                 r"|could not|cannot) (move|change|push)|\bfixed date|\bimmovable"
                 r"|\btime pressure|\btight (timeline|schedule)|\blast[- ]minute"
                 r"|\bshort notice|\bunder pressure|\brunning out of time"),
    ("conflict", r"\bdisagre|\b(could|did|would) ?n[o']?t agree|\bargu|\bconflict"
                 r"|\bpush\w* back|\b(saw|see|seen|viewed|thought about) (it|things) differently"
                 r"|\btension"
                 r"|\bgetting along|\bpulling (their|his|her) weight|(\bnot|n't) contributing"
                 r"|\beye to eye"
                 r"|\bclash|\bfriction|\bdifficult (teammate|person|coworker|colleague)"),
)

# Motivation and self-pitch questions: answered with your reasons, never a story.
_MOTIVATION = (
    r"\babout yourself\b|\bintroduce yourself|\bwalk me through your (resume|cv|background)"
    r"|\bwhy (do|would) you (want|like) to (work|join|intern)|\bwhy (this|our) (company|team|role)"
    r"|\bwhy (should|would) we hire|\bwhy (are you|you're) (interested|applying)"
    r"|\bwhat (interests|excites|attracts|draws) you (about|to)(?! (the|your) (\w+ )?(thing|project"
    r"|app|tool|work|research|code)s? (you|that you))|\bwhere do you see yourself"
    r"|\bwhat motivates you|\bwhy (software|computer science|engineering|tech)\b"
    r"|\bwhy do you want to work here|\bwhat are you looking for in"
    r"|\bresonates with you|\bwhy (us|here)\b|\bwhat do you know about (us|our)"
    r"|\byour (greatest |biggest |main |top )?(strengths?|weakness(es)?)\b"
    r"|\bsay about you\b|\bdescribe yourself|\bdescribe you\b"
    r"|\bwhy (\w+ ){0,4}(leave|leaving|left) (your|the|a)\b"
    r"|\b(made|makes|make) you (want to )?(leave|quit|move on)\b|\bmov\w* on from (your|the)"
    r"|\bleav\w* (your|the) (previous|last|current|old) (job|role|company|employer|team)"
    r"|\byour first (day|week|month|\d+ days)|\bfirst (30|60|90|hundred) days"
    r"|\bwhat kind of (team|company|role|manager|culture|work)\b"
    r"|\bwhat (do|would|did) your (teammates|colleagues|manager|friends|peers|classmates)"
    r" (like|say|think|value)|\bwhat would you (work on|do|change) (first|here)"
    r"|\bwhere do you (want|hope|plan|expect) to be\b|\bin (five|5|ten|10) years('|\b)"
    r"|\bwhy did you (choose|pick|study|decide to study)\b|\bwhy (this|your) (degree|major)"
    r"|\bwhy (are you |did you |do you want to )?(switch|mov|chang|mak)\w* (\w+ ){0,3}"
    r"(from|to|into) (tech|software|industry|computing|it|programming|engineering)\b"
    r"|\bso why (a|an|the) |\bwhy (leave|leaving) (academia|teaching|research|retail|your field)"
    r"|\bskills? from (your )?\w+ (would|will|could|do) you bring|\bwhat (would|will|could)"
    r" you bring (to|from)\b|\bfirst (two|three|six|few|2|3|6) months (with|here|at|in)"
)

# A project or launch that failed as a whole: few or no users, scrapped, lost.
_FLOP = (
    r"\bflopped|\b(nobody|no one|hardly anyone|few people) (\w+ )?(used|opened|came|signed"
    r"|downloaded|installed)"
    r"|\b(retired|scrapped|abandoned|shut down|shelved|dropped|killed) (the|it|our|my)\b"
    r"|\b(opened|used) by (only )?(\w+) (people|users|students|members)"
    r"|\bonly (\w+ ){0,2}(people|users|students|members) (\w+ )?(used|opened|signed"
    r"|installed|came)"
    r"|\bkept using (the|their)|\bdid ?n[o']t (take off|catch on)|\bnever (took off|caught on)"
    r"|\b(installed|downloaded) (only )?\w+ times|\bcame last|\bdid ?n[o']t win|\bdid not win"
    r"|\bwas rejected|\bwe lost\b(?! (about |almost |nearly |only |roughly )?(\w+ )?"
    r"(minutes?|hours?|days?|time|an hour|a day|a week))|\bmissed the (deadline|target)"
    r"|\b(nobody|no one) (read|opened|answered|replied)|\bstopped the \w+ after"
    r"|\b(crashed|failed|froze|broke) in front of|\bnever (showed|saw) it working"
    r"|\bnobody (clicked|downloaded|bought|paid|signed|showed)|\bno (users|one|shop|customer)"
    r" (\w+ )?(beyond|outside|wanted|signed|came|paid|used)|\bgot no (users|customers|sign-?ups)"
    r"|\bnever (got|had|reached) more than|\b(was|were|got) (cancelled|canceled|removed|dropped"
    r"|shelved|scrapped|abandoned)\b|\bstopped working on it|\b(project|idea|startup|app|launch"
    r"|event) (failed|flopped)|\bwe (cancelled|canceled|scrapped|shelved|abandoned)"
)

# Story text -> signals. A story can show several.
_STORY_CUES: dict[str, str] = {
    "being-wrong": (
        r"\bi (had been|was|were) wrong|\b(she|he|they|you) (had been|was|were) right"
        r"|\bchanged my mind|\badmitted\b|\bconceded|\bi agreed to (switch|her|his|their|go with)"
        r"|\b(her|his|their) (idea|approach|schema|design|plan) (was|worked) better"
        r"|\bi was mistaken|\brealis\w* (she|he|they) (was|were) right"
        r"|\b(lost|losing) the (argument|debate|vote)|\bi saw that my (plan|idea|design)"
        r"|\b(their|his|her) (plan|estimate|version|way) (was|turned out) (better|right)"
        r"|\bwe went with (their|his|her)|\bi was arguing for"
        r"|\b(team|group|we|they) (went|sided) with (\w+'s|her|his|their) (plan|idea|design"
        r"|approach|version|proposal|suggestion)|\bi lost (that|the|this) (argument|debate|vote)"
        r"|\bi (dropped|abandoned|withdrew|gave up) (mine|my (plan|idea|design|approach|proposal"
        r"|version))|\bvote went against me|\bi (backed|accepted|adopted) (his|her|their) (design"
        r"|plan|idea|approach|proposal)|\bmy (approach|design|plan|idea) (would not|would ?n[o']t"
        r"|did not|did ?n[o']t) (scale|work|hold)|\bturned out to be the better"
        r"|\b(his|her|their|\w+'s) (version|plan|design|approach|idea) (was|turned out) "
        r"(\w+ )?(faster|better|simpler|right|cleaner)|\bi had been wrong"
        r"|\bi was the one who was wrong"
    ),
    "won": (
        r"\bagreed (to keep|with) (my|me)\b|\bagreed to keep my|\bwent with my|\badopted my"
        r"|\bconvinced (them|him|her|the)|\bpersuaded|\bcame round|\bwon the (argument|debate)"
        r"|\bagreed with me|\bmy (approach|proposal|plan|idea) (was|won)|\bkeep my approach"
        r"|\b(he|she|they) changed (his|her|their) minds?|\bwon (them|him|her) over"
        r"|\bagreed to (try|use|adopt|switch to) (it|my|git|the)"
        r"|\b(she|he|they) agreed to (split|switch|use|try|adopt|move|change|keep|go with)"
        r"|\b(sceptics|skeptics|team|everyone|the others|the rest|group|committee|they all)"
        r" (\w+ )?(agreed|voted|decided) to|\bcame (round|around)\b"
        r"|\bbrought (them|him|her|everyone|the \w+) (round|around)|\b(got|brought) (them|him|her"
        r"|everyone|the team) on board|\bbought in\b|\bwon (over|them)"
        r"|\b(approved|accepted|adopted|backed|chose) my (plan|idea|design|proposal|approach)"
        r"|\b(switched|moved) to my (design|plan|approach|idea|proposal|version)"
        r"|\b(sceptics|skeptics|doubters)\b.{0,40}\b(first|started|began|now|agreed|asked)"
        r"|\bagreed to (try|use|adopt) my|\b(let|allowed) me (change|try|go ahead|run|use)"
        r"|\b(got|gave me|won) (me )?(the )?(permission|approval|go-ahead|sign-off|green light)"
        r"|\bvoted (\d+ to \d+ |\w+ to \w+ )?(for|in favour of) my"
    ),
    "mistake": (
        r"\bmy mistake|\bmy fault|\bi broke|\bi forgot|\bi had missed|\bi should have"
        r"|\bi had ?n[o']t (noticed|checked|tested)|\bi had not (noticed|checked|tested)"
        r"|\b(got|had) (it|that|this) wrong|\bi got wrong|\bwithout testing|\bi overlooked"
        r"|\bmistake\b|\bi overlooked|\bby mistake|\bwrong (connection|environment|branch|file)"
        r"|\bi (had )?(used|picked|read|ran|edited|pushed|deployed|merged|deleted|dropped|copied"
        r"|built|sent|changed) (\w+ ){0,4}(wrong|instead of)\b"
        r"|\bi (misread|misunderstood|misjudged|underestimated|miscalculated|mislabel\w*)"
        r"|\bi (had )?skipped (the |my )?(tests?|review|checks?)|\bmy (error|oversight|slip)\b"
        r"|\bi (pushed|deployed|merged|released|shipped|ran) .{0,60}\b(took|brought|knocked)"
        r" .{0,20}\b(down|offline)"
    ),
    "failure": (
        r"\bi (failed|missed|broke|lost|forgot)|\bmy (mistake|fault|error)|\bwent wrong"
        r"|\brolled .{0,20}\bback|\bincident|\boutage|\bwe lost|\bwas broken|\bfell short"
        r"|\bdid ?n[o']t (work|go) (as|the way)|\b(we|i) failed|\bmistake\b|\bflopped"
        r"|\bslipped\b|\btoo late\b|\b(nobody|no one) used|\binstead of telling"
        r"|\bmissing the|\bmissed (\w+ ){0,2}(deadline|date|target|submission)|\bdisqualified"
        r"|\bwithdrew\b|\bdid ?n[o']t (qualify|compete)|\bdid not (qualify|compete)"
        r"|\b(submitted|delivered|finished|handed) (it |\w+ ){0,3}late\b|\bdid ?n[o']t take off"
        r"|\bour (demo|app|site|talk|presentation|launch) (crashed|failed|froze|broke)"
        r"|\b(we|i) did ?n[o']t (finish|make it|win|get|place|qualify|pass)"
        r"|\b(we|i) did not (finish|make it|win|get|place|qualify|pass)"
        r"|\bcame (\w+ )?(last|fourth|fifth|sixth|\w+th) (out )?of|\bgot no (funding|offer|place"
        r"|interest)|\bfailed (the|my|an|our) (exam|assessment|module|test|interview|audit)"
        r"|\bfirst attempt (failed|did ?n[o']t)|" + _FLOP
    ),
    "flop": _FLOP,
    "missed-deadline": (
        r"\bmissed (\w+ ){0,2}(deadline|submission|cut-?off)|\bwould (not|n't) make it\b"
        r"|\bdid ?n[o']t make (it|the deadline)\b|\b(submitted|delivered|handed) (it |\w+ ){0,3}"
        r"late\b|\b(past|after) the deadline|\b(was|were) late (with|on|for)\b"
    ),
    "intermittent": (
        r"\bone (run )?in (two|three|five|ten|twenty|fifty|a hundred|\d+)|\bsometimes\b"
        r"|\bintermittent|\bflaky|\boccasional|\bnow and then|\brandom(ly)?\b"
        r"|\b(failed|crashed|broke|happened|appeared|froze|showed up) only (when|on|at|if)"
        r"|\bnot every time|\brace condition|\bcould ?n[o']t reproduce|\bnever on"
        r"|\b(failed|broke|crashed|dropped|happened|went down|died|froze) (about |roughly |maybe )?"
        r"(once|twice) (a|an|per|every) (day|week|hour|night|few)"
        r"|\bnever when i|\bsome (mornings|days|nights|runs|builds|users|of the)\b"
        r"|\bonly on (certain|some|a few|particular|older|one)|\bevery (\w+th|\d+th) (request"
        r"|run|build|time)|\bhard to reproduce|\bnot reproducible|\bonly (happened|failed|crashed"
        r"|broke) (on|when|at|under|if)"
    ),
    "authority": (
        r"\bno (formal |real )?(authority|power)|\bvolunteers?\b|\bowe (you|me) nothing"
        r"|\bdid ?n[o']t report to me|\bwithout (any )?authority|\bnot my (reports|team)"
        r"|\bwithout forcing|\bcould ?n[o']t (make|force|order) (them|him|her|anyone)"
        r"|\bfrom (two|three|four|five|several|other|different) (teams|societies|clubs|departments)"
        r"|\bno (title|say|formal role)|\bcould ?n[o']t tell (anyone|them|him|her) what to do"
        r"|\bdid ?n[o']t work for me|\bdid not work for me|\bnot (their|his|her) (manager|boss)"
        r"|\bno (power|authority|say) over|\bhad to listen to me|\bowed me nothing"
    ),
    "advice": (
        r"\bfor advice|\badvice\b|\bbooked .{0,40}\bwith (a|an|the|my) (senior|experienced)"
        r"|\basked (a|an|my|the|one) (senior|mentor|lead|more experienced)"
        r"|\b(a|the|our|my) mentor (showed|told|explained|suggested|helped|taught)"
        r"|\basked (her|him|them) to show me"
        r"|\b(she|he) (suggested|advised|recommended)|\basked (her|him) (for|to review)"
        r"|\basked (\w+ ){0,4}for (help|advice|guidance)|\bbooked (\w+ ){0,5}with (a|an|the|my)"
        r"|\b(she|he|they) (showed me how|told me to|pointed me)"
        r"|\bmy (mentor|supervisor|lead|manager|tutor) (showed|explained|suggested|advised"
        r"|taught|recommended)|\b(she|he) (showed|taught) me\b"
        r"|\basked (\w+ ){0,3}what (she|he|they) would (do|have done)"
        r"|\b(senior|experienced|former|older) (\w+ )?(engineer|developer|student|colleague"
        r"|intern|teammate|member|researcher)s? (suggested|advised|recommended|told me|showed)"
        r"|\b(went|turned) to (my|a|the|an) (manager|mentor|supervisor|lead|senior|tutor)"
        r"|\b(emailed|messaged|called) (a|an|my|the) (former|senior|experienced)"
    ),
    "conflict": (
        r"\bdisagre|\bargu|\bwanted .{0,60}\bwhile\b|\bdebate|\btension"
        r"|(?<!merge )(?<!git showed a )\bconflict"
        r"|\bdid ?n[o']t (push|write|answer|reply|do (his|her|their) (part|share))"
        r"|\bdid not (push|write|answer|reply|do (his|her|their) (part|share))"
        r"|\b(report|complain about) (him|her|them) to|\bnot pulling (his|her|their) weight"
        r"|\bpush\w* back|\bannoyed|\bfight|\bobject\w*\b|\bopposed"
        r"|\bcould ?n[o']t agree|\bcould not agree|\bclash(ed)?\b|\bat odds|\bsaw it differently"
        r"|\b(she|he|they) wanted .{0,60}\b(and|but) i (thought|wanted|felt|believed)"
    ),
    "feedback-received": (
        r"\b(review\w*|comments?) .{0,60}\b(told me|said my|my tests|my code)"
        r"|\btold me (my|that my|i)"
        r"|\bfeedback (i|that i) (got|received)|\bcritici|\bleft .{0,20}comments"
        r"|\bgave me feedback"
        r"|\b(she|he|they) pointed out (that )?(my|i\b|a (\w+ )?(bug|flaw|mistake|problem|gap))"
        r"|\b(tutor|mentor|manager|lead|supervisor|lecturer|professor|reviewer) (spotted|noticed"
        r"|pointed out|caught|flagged)"
    ),
    "feedback-given": (
        r"\bgave (him|her|them) (feedback|honest|candid)|\bi told (him|her|them) what i"
        r"|\bi (raised|brought up) .{0,30}with (him|her|them)|\bfeedback to (him|her|them)"
        r"|\bhow it affected|\bgave .{0,30}\bfeedback on"
        r"|\b(had|needed) to tell (him|her|them) (that )?(his|her|their)\b"
        r"|\bmet (him|her|them) one[- ]to[- ]one"
        r"|\bi told (my|him|her|them|the) (\w+ )?(that|how|what) (his|her|their|the)\b"
        r"|\bexplained how (the |his |her |their )?(\w+ ){0,3}affected"
        r"|\bgave (my|him|her|them|the) (\w+ )?(honest|candid|direct|frank) (comments|feedback"
        r"|notes)|\b(honest|candid|direct|frank) (comments|feedback|notes) on (his|her|their)"
        r"|\basked (to meet|for a (chat|coffee|call)) .{0,30}\b(him|her|them)\b"
        r"|\basked (to meet )?(him|her|them) .{0,20}\bhow (he|she|they) (was|were)"
    ),
    "feedback-declined": (
        r"\b(decided|chose) not to (change|follow|act)|\bexplained why i (kept|did not)"
        r"|\bkept my (approach|design|version)|\b(decided|chose) to (stay|stick) with"
        r"|\bst(uck|ayed) with (my|the) (original |own )?(design|plan|choice|approach|database)"
    ),
    "deadline": (
        r"\bdeadline|\bbefore the (launch|demo|deadline|judging|release|audit|test)"
        r"|\bwithin (a|one|two|three|\d+) (day|week|hour)|\bovernight|\bhours? (in|before)"
        r"|\bcould ?n[o']t be moved|\bcould not be moved|\bdoes ?n[o']t move|\bdoes not move"
        r"|\bfixed (\w+ )?(date|deadline)|\bwas booked for|\bsprint review"
        r"|\b(nobody|no one) (can|could) (move|change)|\bswitched off on|\bcould ?n[o']t slip"
        r"|\bthat could not (move|slip)|\b(date|deadline) that could ?n[o']t"
        r"|\b(date|deadline) was fixed|\bhad to be (done|ready|finished|live) (by|before)"
        r"|\b(date|deadline) could ?n[o']t (change|move|slip)|\bdate could not (change|move)"
        r"|\bhad until (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the)"
        r"|\bby (\d{1,2} (january|february|march|april|may|june|july|august|september|october"
        r"|november|december)|(monday|tuesday|wednesday|thursday|friday))"
    ),
}

_compiled: dict[str, re.Pattern[str]] = {}


def _pattern(name: str, source: str) -> re.Pattern[str]:
    found = _compiled.get(name)
    if found is None:
        found = _compiled[name] = re.compile(source, re.IGNORECASE)
    return found


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def question_polarity(text: str) -> str | None:
    """The most specific polarity the question's wording asks for, or None."""
    plain = _plain(text)
    for name, source in _QUESTION_CUES:
        if _pattern("q:" + name, source).search(plain):
            return name
    return None


def is_motivation(text: str) -> bool:
    """Why-this-company, tell-me-about-yourself and other self-pitch questions."""
    return bool(_pattern("motivation", _MOTIVATION).search(_plain(text)))


def story_signals(text: str) -> frozenset[str]:
    """The polarity signals a story's text shows ("won", "being-wrong", "mistake", ...)."""
    plain = _plain(text)
    return frozenset(name for name, source in _STORY_CUES.items()
                     if _pattern("s:" + name, source).search(plain))


# How a story's signals bear on a question's polarity:
#   wanted: a signal that answers the polarity (raises the fit)
#   contradicts: a signal that, without a wanted one, means the story is no fit at all
#   required: without a wanted signal the story fits only weakly
_RULES: dict[str, tuple[frozenset[str], frozenset[str], bool]] = {
    "being-wrong": (frozenset({"being-wrong"}), frozenset({"won"}), True),
    "feedback-declined": (frozenset({"feedback-declined"}), frozenset(), True),
    "persuasion": (frozenset({"won"}), frozenset({"being-wrong"}), True),
    "mistake": (frozenset({"mistake", "failure"}), frozenset(), True),
    "failure": (frozenset({"failure", "mistake"}), frozenset(), True),
    "flop": (frozenset({"flop"}), frozenset(), True),
    "feedback-received": (frozenset({"feedback-received"}), frozenset({"feedback-given"}), True),
    "feedback-given": (frozenset({"feedback-given"}), frozenset({"feedback-received"}), True),
    "deadline": (frozenset({"deadline"}), frozenset(), False),
    "fixed-date": (frozenset({"deadline"}), frozenset(), True),
    "missed-deadline": (frozenset({"missed-deadline"}), frozenset(), True),
    "intermittent": (frozenset({"intermittent"}), frozenset(), True),
    "authority": (frozenset({"authority"}), frozenset(), True),
    "advice": (frozenset({"advice"}), frozenset(), True),
    "conflict": (frozenset({"conflict"}), frozenset(), False),
}


_ABOVE = (r"\b(your|a|the|my) (\w+ )?(manager|boss|supervisor|professor|lecturer|lead"
          r"|director|teacher)s?\b|\bsomeone (more )?senior|\bsenior (\w+ )?(engineer|developer"
          r"|colleague|person)")


def names_superior(question: str) -> bool:
    """Whether a question names someone above the student (a manager, a professor): a
    disagreement with a teammate is no answer to one with your manager."""
    return bool(_pattern("above", _ABOVE).search(_plain(question)))


def is_required(polarity: str | None) -> bool:
    """Whether a story must show the polarity's signal to fit well."""
    return polarity in _RULES and _RULES[polarity][2]


def polarity_fit(polarity: str | None, signals: frozenset[str]) -> str:
    """'match', 'neutral', 'weak' (a required signal is missing) or 'contradicts'."""
    if polarity is None or polarity not in _RULES:
        return "neutral"
    wanted, contradicts, required = _RULES[polarity]
    if polarity in ("deadline", "fixed-date") and "missed-deadline" in signals:
        return "weak"  # a deadline met is asked for, not one missed
    if signals & wanted:
        return "match"
    if signals & contradicts:
        return "contradicts"
    return "weak" if required else "neutral"
