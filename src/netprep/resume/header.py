"""An entry's header (the lines above its bullets) read into title, organisation, role,
dates and technologies.

The header is cut into parts at the separators resumes use (|, ·, dashes between
spaces, wide gaps, commas, "Intern at Acme"), dates and places are taken out, and
each part is read for what it is: a role ("Teaching Assistant"), a course ("CS 225:
Data Structures"), a degree, a technology list, a description, or the organisation.
A part that only qualifies the one before it ("Sound Ecology Lab, University of
Washington") stays with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netprep.resume.techs import is_tech

MONTH = (r"(?:jan(?:uary|uar|vier|v)?|feb(?:ruary|ruar)?|f[ée]v(?:rier|r)?|mar(?:ch|s)?|"
         r"m[äa]rz|m[äa]r|apr(?:il)?|avr(?:il)?|may|mai|june?|juni|juin|july?|juli|"
         r"juil(?:let)?|aug(?:ust)?|ao[ûu]t|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|"
         r"okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember)?|d[ée]z(?:ember)?|d[ée]c(?:embre)?|"
         r"springs?|summers?|falls?|autumn|winters?|[WS]S|WiSe|SoSe)\.?(?!\w)")
YEAR = r"(?:199\d|20[0-3]\d)"
# "10/2025", "2025/06", "2025-06" (a month, not "2023-24", years)
_WHEN = (rf"(?:{MONTH}\s*,?\s*(?:{YEAR}(?:/\d\d(?!\d))?|'\d\d)|\d{{1,2}}\s*/\s*{YEAR}|"
         rf"{YEAR}[/.]\d\d(?!\d)|{YEAR}-(?:0[1-9]|1[0-2])(?![\d/])|{YEAR})")
_NOW = r"(?:present|current|now|today|ongoing|heute|aujourd'hui)"
_DASH = r"\s*(?:-|–|—|−|\bto\b|\buntil\b|\bthrough\b|\bbis\b)\s*"
# "(expected)" after the dates is theirs, as "since" and "seit" before an open one are
_EXPECTED = r"(?:\s*\((?:expected|exp\.?|anticipated)\))?"
DATES = re.compile(rf"(?<![\w/-])(?=[\dajfmsondwe])"  # (a quick look at the first letter)
                   rf"(?:(?:expected|anticipated|exp\.|since|seit|depuis|desde)\s+)?"
                   rf"(?:(?:{_WHEN}|{MONTH}){_DASH}(?:{_WHEN}|{_NOW})\b|"
                   rf"{YEAR}[-–—]\d\d(?![\d/])|{_WHEN}(?![\w/]|-\d))"  # 2023–24
                   rf"{_EXPECTED}", re.I)
_BARE_YEAR = re.compile(rf"{YEAR}")
EVENT = re.compile(r"hack|\bjam\b|\bctf\b|\bexpo\b|athon\b|\bchallenge\b|\bcompetition\b|"
                   r"\bolympiad\b|\bsummit\b|\bdemo day\b|\bgame jam\b", re.I)

ROLE_WORDS = re.compile(
    r"\b(?:intern|internship|engineer|developer|programmer|analyst|assistant|associate|lead|"
    r"leader|president|vice[- ]president|vp|member|volunteer|founder|co-?founder|officer|"
    r"treasurer|secretary|coordinator|captain|mentor|tutor|researcher|scientist|designer|"
    r"manager|chair|chairperson|organi[sz]er|head|director|representative|ambassador|ta|"
    r"student|fellow|contributor|maintainer|consultant|trainee|apprentice|co-?op|grader|"
    r"aide|instructor|specialist|technician|monitor|webmaster|editor|cook|barista|cashier|"
    r"server|administrator|architect|advisor|adviser|coach|moderator|clerk|uta|staff|"
    r"leader|swe|sde|co-?chair|liaison|cashier|writer|photographer|strategist|teacher|"
    r"lifeguard|waiter|waitress|receptionist|nurse|accountant|paralegal|mechanic|driver|"
    r"supervisor|counsel+or|planner|sre|postdoc|operator|bookkeeper|librarian|historian|"
    r"delegate|senator|player|referee|agent|reviewer|translator|producer|host|steward|"
    r"facilitator|trainer|auditor|inspector|preparer|owner|freelancer|contractor|"
    r"demonstrator|placement|"
    # German and French forms ("Praktikantin", "Werkstudent", "Gruppenleiterin")
    r"\w*praktikant(?:in)?|werkstudent(?:in)?|tutorin|\w*leiter(?:in)?|mandatar(?:in)?|"
    r"\w*entwickler(?:in)?|mitarbeiter(?:in)?|stagiaire|alternante?|b[ée]n[ée]vole|"
    r"tr[ée]sori[eè]re?|pr[ée]sidente?|ing[ée]nieure?|d[ée]veloppeu(?:r|se))\b",
    re.I)
TEACHING = re.compile(r"\b(?:teaching|course|lab)\s+(?:assistant|fellow)\b|\bu?ta\b|"
                      r"\bgrader\b|\btutor\b|\binstructional aide\b|\binstructor\b|"
                      r"\bcourse staff\b|\bsection leader\b|\bdemonstrator\b|\btutor(?:in)?\b",
                      re.I)
_ORG_WORDS = re.compile(
    r"\b(?:universit\w*|college|institute|school|academy|lab|laboratory|club|society|"
    r"association|council|committee|chapter|union|foundation|group|team|guild|circle|"
    r"inc|llc|ltd|corp|company|studio|studios|labs|center|centre|library|office|department|"
    r"hospital|bank|government|church|museum|clinic|restaurant|cafe|store|shop|bakery|farm|"
    r"ministry|agency|network|partners|capital|ventures|systems|solutions|technologies|"
    r"health|credit union|initiative|project|program|programme|collective|coalition|branch|"
    r"board|senate|league|alliance|federation|hub|forum|corps|brigade|orchestra|band|choir|"
    r"gmbh|plc|limited|incorporated|consulting|analytics|robotics|software|media|games|"
    r"energy|insurance|payments|logistics|financial|motors|county|city|district|hackers|"
    r"makers|coders|engineers|developers|students|scholars|fellowship|mentorship)\b",
    re.I)
_SCHOOL = re.compile(r"universit|college|school|institut|academy|polytechnic|bootcamp|"
                     r"gymnasium|lyc[ée]e|hochschule|[ée]cole|fakult|faculty|"
                     r"(?-i:\b(?:TU|ETH|EPFL|IIT|NIT|IIIT|MIT|HUST|KAIST)\b)", re.I)
_LEGAL = re.compile(r"\b(?:gmbh|ltd|inc|llc|plc|ag|e\.\s?v|sp\. z o\.o|s\.a|s\.r\.l|bv|pty|jsc|"
                    r"co\.|corp|limited)(?!\w)", re.I)  # a company's legal form
_ACRONYM = re.compile(r"^[A-Z]{2,6}(?:\s[A-Z][a-z]+)?$")
DEGREE = re.compile(
    r"^(?:b\.?\s?s\.?(?:\s?e\.?)?|b\.?\s?a\.?|b\.?\s?sc\.?|sc\.?\s?b\.?|a\.?\s?b\.?|"
    r"m\.?\s?s\.?|m\.?\s?sc\.?|m\.?\s?eng\.?|m\.?\s?a\.?|ph\.?\s?d\.?|a\.?\s?s\.?|"
    r"b\.?\s?eng\.?|b\.?\s?tech\.?|m\.?\s?tech\.?|mba|bachelor|master|doctor|associate|"
    r"b\.?a\.?sc\.?|m\.?a\.?sc\.?|bcs|bmath|bcomm?|bba|bfa|b\.?\s?des|mphil|mmath|mcs|mfa|"
    r"mph|ged|high school diploma|bachelorstudium|masterstudium|matura|abitur|licence|"
    r"dipl[ôo]me|diplom|classe pr[ée]paratoire|baccalaur[ée]at|laurea|grado|m[áa]ster|"
    r"m\.?\s?comp|bacharelado|bacharel|licenciatura|integrated master|gce|a[- ]levels?|"
    r"class (?:x|xii)|dual enrol+ment|leaving certificate)"
    r"(?=[\s.,]|$)|\b(?:certificate|diploma|degree|bachelor'?s?|master'?s?|honou?rs b\w+)\b",
    re.I)
_BARE_DEGREE = re.compile(r"(?:honou?rs\s+)?(?:[ABM]\.?\s?(?:S|A|Sc|Eng)\.?|Ph\.?\s?D\.?|"
                          r"(?:Bachelor|Master)(?:'s)?(?: of (?:Science|Arts|Engineering))?)",
                          re.I)
COURSE = re.compile(r"^(?:[A-Z]{2,5}\s?-?\d{2,5}[A-Z]?|\d{1,3}[.-]\d{3}(?:/\d{3})?)\b|"
                    r"\((?:[A-Z]{2,5}\s?-?\d{2,4}[A-Z]?|\d{1,3}[.-]\d{3})\)$")
# "(STAT 435 course project)", "CSC2002S group assignment"; not "... Development Project"
_COURSE_TAIL = re.compile(r"\s*\b(?:(?:final|term|semester|capstone|team|group|design)\s+)?"
                          r"(?:(?:course|class)\s+)?(?:project|assignment)\s*$|\s+(?i:project)$")

_STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE "
           "NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON BC QC "
           "AB MB NS").split()
_COUNTRIES = ("USA|U\\.S\\.A?\\.?|US|UK|United States|United Kingdom|Canada|India|Nigeria|"
              "Ghana|Kenya|Germany|France|Spain|Italy|Ireland|Netherlands|Sweden|Norway|"
              "Denmark|Finland|Poland|Portugal|Switzerland|Austria|Belgium|China|Japan|Korea|"
              "South Korea|Singapore|Australia|New Zealand|Brazil|Mexico|Argentina|Chile|"
              "Colombia|Egypt|South Africa|Israel|Turkey|UAE|Pakistan|Bangladesh|Vietnam|"
              "Philippines|Indonesia|Malaysia|Taiwan")
_CITIES = ("New York|New York City|NYC|San Francisco|SF|Los Angeles|San Diego|San Jose|"
           "Santa Clara|Santa Monica|Mountain View|Palo Alto|Menlo Park|Redwood City|"
           "Salt Lake City|Kansas City|Ann Arbor|Chapel Hill|College Station|St\\. Louis|"
           "New Haven|Jersey City|Las Vegas|Fort Worth|El Paso|Bay Area|Hong Kong|Tel Aviv|"
           "Mexico City|Sao Paulo|Cape Town|Seattle|Boston|Austin|Chicago|Pittsburgh|Portland|"
           "Denver|Atlanta|Houston|Dallas|Miami|Philadelphia|Phoenix|Detroit|Baltimore|"
           "Minneapolis|Sacramento|Oakland|Berkeley|Cambridge|Providence|Toronto|Vancouver|"
           "Montreal|Waterloo|Ottawa|Calgary|London|Dublin|Berlin|Munich|Paris|Amsterdam|"
           "Zurich|Stockholm|Madrid|Barcelona|Lisbon|Bangalore|Bengaluru|Mumbai|Delhi|"
           "New Delhi|Hyderabad|Chennai|Pune|Lagos|Abuja|Accra|Nairobi|Cairo|Sydney|Melbourne|"
           "Tokyo|Seoul|Beijing|Shanghai|Shenzhen|Taipei|Remote|Hybrid|On-site|Onsite|"
           "Warsaw|Krak[oó]w|Wroc[lł]aw|Gda[nń]sk|Pozna[nń]|Prague|Brno|Vienna|Wien|Graz|"
           "Innsbruck|Salzburg|Linz|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Ljubljana|"
           "Bratislava|Vilnius|Riga|Tallinn|Kyiv|Athens|Rome|Milan|Turin|Naples|Bologna|"
           "Florence|Brussels|Antwerp|Ghent|Leuven|Luxembourg|Copenhagen|Aarhus|Oslo|"
           "Bergen|Helsinki|Espoo|Gothenburg|Malm[oö]|Uppsala|Reykjavik|Edinburgh|Glasgow|"
           "Manchester|Birmingham|Leeds|Bristol|Oxford|Sheffield|Liverpool|Belfast|Cardiff|"
           "Cork|Galway|Nantes|Lyon|Marseille|Toulouse|Lille|Bordeaux|Grenoble|Rennes|"
           "Strasbourg|Nice|Hamburg|Frankfurt|Cologne|K[oö]ln|Stuttgart|D[uü]sseldorf|"
           "Dresden|Leipzig|Karlsruhe|Aachen|Heidelberg|M[uü]nchen|Geneva|Lausanne|Basel|"
           "Bern|Rotterdam|Delft|Eindhoven|Utrecht|The Hague|Porto|Valencia|Seville|Bilbao|"
           "Istanbul|Ankara|Kitchener|Montr[ée]al|Qu[ée]bec|Edmonton|Winnipeg|Halifax|"
           "Victoria|Hamilton|Kyoto|Osaka|Yokohama|Nagoya|Busan|Daejeon|Incheon|Hanoi|"
           "Ho Chi Minh City|Da Nang|Bangkok|Jakarta|Manila|Kuala Lumpur|Karachi|Lahore|"
           "Islamabad|Dhaka|Kolkata|Ahmedabad|Noida|Gurgaon|Gurugram|Kochi|Madras|Colombo|"
           "Kathmandu|Kigali|Kampala|Addis Ababa|Johannesburg|Durban|Pretoria|Dar es Salaam|"
           "Casablanca|Tunis|Algiers|Dakar|Kumasi|Ibadan|Port Harcourt|Enugu|Lima|Bogot[aá]|"
           "Medell[ií]n|Santiago|Buenos Aires|Montevideo|Quito|Caracas|S[aã]o Paulo|"
           "Rio de Janeiro|Belo Horizonte|Curitiba|Porto Alegre|Campinas|Guadalajara|"
           "Monterrey|Auckland|Wellington|Brisbane|Perth|Adelaide|Canberra|Dubai|Abu Dhabi|"
           "Doha|Riyadh|Amman|Beirut|Jerusalem|Haifa|Tehran|Singapore|York|Nottingham|Leicester|"
           "Southampton|Newcastle|Coventry|Reading|Brighton|Exeter|Durham|Lancaster|Aberdeen|"
           "Dundee|Swansea|Norwich|Cambridge|Corvallis|Eugene|Boulder|Madison|Ithaca|"
           "Princeton|Evanston|Stanford|Irvine|Davis|Tempe|Tucson|Raleigh|Durham|Columbus|"
           "Cleveland|Cincinnati|Indianapolis|Nashville|Charlotte|Orlando|Tampa|Richmond")
_PLACE = re.compile(
    rf"^(?:(?:{_CITIES})|(?:{_COUNTRIES})|(?:{'|'.join(_STATES)})(?:\s\d{{5}})?|"
    rf"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,?\s(?:{'|'.join(_STATES)})(?:\s\d{{5}})?)$")
_STATE = re.compile(rf"^(?:{'|'.join(_STATES)})$")
_STRONG = re.compile(r"\s+[|·•⋅]\s+|\s*\|\s*|\s+(?:[-–—]|--+)\s+|(?<=[\w)])[—](?=\w)|\s{2,}|\t+")
_COLON = re.compile(r"(?:(?<=[A-Za-z)])|(?<=\b(?:19|20)\d\d))\s*:\s+")  # "Cascade Hacks 2024: X"
# What a project was, not what it was for: no organisation.
_GENERIC = re.compile(r"(?:(?:senior|final|term|semester|team|group|class|course|solo|"
                      r"personal|side|capstone|bootcamp|open[- ]source|hobby|school|research|"
                      r"independent|thesis|honou?rs|winning|award[- ]winning)[\s-]*)*"
                      r"(?:project|capstone|thesis|entry|demo|work)?|\d+(?:st|nd|rd|th)\s+"
                      r"place.*|(?:winner|finalist|best\b).*|\d+\s+\w+", re.I)
_QUOTED = re.compile(r"[\"“]([^\"”]{2,60})[\"”]")


@dataclass
class Head:
    """What a header says; `organisation` is passed on to the next role under it."""

    title: str = ""
    organisation: str = ""
    role: str = ""
    dates: str = ""
    course: str = ""
    described: str = ""
    tech: list[str] = field(default_factory=list)


@dataclass
class _Part:
    text: str
    comma: bool = False  # joined to the part before it by a comma
    paren: bool = False  # came from inside parentheses
    line: int = 0  # of the header
    taught: bool = False  # named after a teacher's "for" ("Grader for Intro to Programming")


def find_dates(text: str, kind: str) -> list[re.Match[str]]:
    """The dates of a header; in a project, "HackMIT 2025" is the event, not its date."""
    found: list[re.Match[str]] = []
    if not _DIGIT.search(text):
        return found  # every date has a year
    for match in DATES.finditer(text):
        bare = _BARE_YEAR.fullmatch(match.group(0))
        if bare:
            before = text[:match.start()]
            if _COURSE_CODE.search(before):
                continue  # "ECE 2035": a course
            if kind == "project" and (
                    EVENT.search(re.split(r"[|,()·•—–]", before.rstrip(" ("))[-1]) or
                    (text[match.end():match.end() + 1] == ")" and _NAMED.search(before))):
                continue  # "(HackMIT 2025)", "(DataFest Lagos 2025)": the event's year
        found.append(match)
    return found


_DIGIT = re.compile(r"\d")
_COURSE_CODE = re.compile(r"\b[A-Z]{2,5}\s?-?$")
_NAMED = re.compile(r"\([^()]*[A-Z][\w&'.-]*\s$")


def is_place(text: str) -> bool:
    return bool(_PLACE.match(text.strip(" .")))


def _split(text: str, kind: str, vocabulary: list[str]) -> tuple[list[_Part], list[str]]:
    """The header's parts (each knowing its line), and the technologies listed in it."""
    parts: list[_Part] = []
    tech: list[str] = []
    for number, line in enumerate(text.split("\n")):
        chunks: list[tuple[str, bool]] = []
        glued = False  # "BSc (Hons) Computer Science" reads on after its "(Hons)"
        for index, piece in enumerate(re.split(r"(\([^()]*\))", line)):
            if index % 2:  # "(...)"
                inner = piece[1:-1].strip()
                before = chunks[-1][0] if chunks else ""
                if is_place(inner) or (kind in ("internship", "community") and
                                       (_district(before, inner) or
                                        _descriptor(before, inner))):
                    # "(Redmond, WA)", "Code in the Community (Tampines)": dropped, and
                    # what follows reads on ("Bureau des Élèves (student union), IMT ...")
                    glued = bool(chunks) and not chunks[-1][1] and \
                        not is_place(inner) and bool(chunks[-1][0].strip())
                    if not glued:
                        chunks.append(("", True))
                elif kind == "project" or not inner:
                    chunks.append((inner, True))
                    glued = False
                elif chunks and not chunks[-1][1] and chunks[-1][0].strip():
                    chunks[-1] = (chunks[-1][0].rstrip() + " " + piece, False)  # "(part-time)"
                    glued = True
                else:
                    chunks.append((piece, False))
                    glued = True
            elif glued and chunks:
                chunks[-1] = (chunks[-1][0] + piece, False)
            else:
                chunks.append((piece, False))
        pieces = [p.strip(" ,;|-–—:·•") for p in _STRONG.split(line)]
        pieces = [p for p in pieces if p]
        if kind == "project" and number and len(pieces) > 1 and \
                all(len(p.split()) <= 3 and "," not in p for p in pieces) and \
                sum(is_tech(p, vocabulary) for p in pieces) * 2 >= len(pieces):
            # a row of the stack under the project's name: "Svelte   Leaflet" (not its
            # descriptor: "Open source · Python")
            tech += [p for p in pieces if is_tech(p, vocabulary) or not re.search(r"\s[a-z]", p)]
            continue
        for chunk, paren in chunks:
            for strong, taught in _pieces(chunk):
                strong = strong.strip(" ,;|-–—:·•⋅")
                if not strong:
                    continue
                items = [i.strip() for i in _commas(strong, r",\s*|;\s*") if i.strip()]
                if kind == "project" and (len(items) > 1 or parts) and \
                        all(len(i.split()) <= 3 for i in items) and \
                        sum(is_tech(i, vocabulary) for i in items) * 2 >= len(items):
                    tech += items
                    continue
                for n, item in enumerate(_commas(strong, r",\s+|;\s+")):
                    item = item.strip(" ,;|-–—:·•⋅")
                    if item and not re.fullmatch(r"[\W\d]+", item):
                        parts.append(_Part(item, comma=n > 0, paren=paren, line=number,
                                           taught=taught and n == 0))
    return _without_places(parts), tech


_QUALIFIERS = re.compile(r"(?:hons|honou?rs|contract|freelance|seasonal|temporary|remote|"
                         r"virtual|online|summer|winter|spring|autumn|fall|unpaid|paid|"
                         r"voluntary|elected|acting|interim|founding|alumni|alumnus|alumna)$",
                         re.I)


def _district(before: str, inner: str) -> bool:
    """One name in parentheses after an organisation, no role's qualifier: the district
    or town it is in ("Code in the Community (Tampines)"; not "Vice-President (Events)")."""
    name = re.split(r",\s|\s[|·•—–-]\s|\s{2,}|\t", before.strip())[-1]
    return bool(re.fullmatch(r"[A-Z][a-z]{3,}", inner)) and bool(name) and \
        not (role_like(name) or DEGREE.search(name) or ROLE_WORDS.search(inner) or
             _ORG_WORDS.search(inner) or _QUALIFIERS.match(inner) or is_tech(inner)) and \
        _titled(name)


def _descriptor(before: str, inner: str) -> bool:
    """A description of an organisation in parentheses after its name ("Devcircle VIT
    (student tech club)", "Kaveri Fintech Labs (remote)"), not a role's qualifier
    ("Data Analyst (part-time)")."""
    name = re.split(r",\s|\s[|·•—–-]\s|\s{2,}|\t", before.strip())[-1]
    return bool(re.fullmatch(r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,5}|"
                             r"[A-Z][a-z-]*(?: [a-z][a-z-]*){2,5}", inner)) and bool(name) and \
        name[:1].isupper() and not (role_like(name) or DEGREE.search(name) or
                               ROLE_WORDS.fullmatch(inner.split()[-1]) or
                               _QUALIFIERS.match(inner) and
                               inner not in ("remote", "online", "virtual"))


def _commas(text: str, pattern: str) -> list[str]:
    """`text` cut at `pattern`, but not inside parentheses ("(Hons, First Class)")."""
    out = [""]
    depth = 0
    pos = 0
    for match in re.finditer(pattern + r"|[()]", text):
        out[-1] += text[pos:match.start()]
        pos = match.end()
        mark = match.group(0)
        if mark in "()":
            depth = max(0, depth + (1 if mark == "(" else -1))
            out[-1] += mark
        elif depth:
            out[-1] += mark
        else:
            out.append("")
    out[-1] += text[pos:]
    return out


def _pieces(chunk: str) -> list[tuple[str, bool]]:
    """A chunk cut at the strong separators, and "Intern at Acme" at its "at" (each piece
    with whether it follows a teacher's "for")."""
    found: list[tuple[str, bool]] = []
    pieces: list[str] = []
    for piece in _STRONG.split(chunk):
        start = 0
        for colon in _COLON.finditer(piece):  # "Tide: a habit tracker", not "CS 61B: Data"
            if not re.search(r"\b[A-Z]{2,5}\s?-?\d{2,4}[A-Z]?$", piece[start:colon.start()]):
                pieces.append(piece[start:colon.start()])
                start = colon.end()
        pieces.append(piece[start:])
    for piece in pieces:
        at = re.search(r"\s(?:at|@)\s+(?=[A-Z0-9])", piece) or \
            re.search(r"\sfor\s+(?=[A-Z0-9])", piece)  # "Grader for CS 61A"
        left = piece[:at.start()] if at else ""
        if at and at.group(0).strip() == "for" and not TEACHING.search(left):
            at = None
        words = left.split()
        if at and "," not in left and role_like(left) and (
                not _ORG_WORDS.search(left) or ROLE_WORDS.fullmatch(words[-1])):
            # "Software Engineer Intern at Microsoft", not "Developer Student Club at X"
            found += [(piece[:at.start()], False),
                      (piece[at.end():], at.group(0).strip() == "for")]
        else:
            found.append((piece, False))
    return found


_TRAILING_CITY = re.compile(rf"^(.*\S)\s+(?:{_CITIES})$")
_CONNECTOR = re.compile(r"\b(?:of|de|do|da|di|du|des|der|at|in|the|für|zu|von|del|la|le)$", re.I)


def _city_off(part: _Part, state_after: bool) -> _Part:
    """An organisation and its city written with no comma between them ("Quillfeather
    Systems Oakland", "Larkspur Health Portland, OR"): the organisation alone. A name of
    which the city is part stays ("University of Toronto", "Trinity College Dublin")."""
    text = part.text
    if part.paren or len(text.split()) < 2 or _SCHOOL.search(text) or ROLE_WORDS.search(text):
        return part
    known = _TRAILING_CITY.match(text)
    if known:
        rest = known.group(1)
    elif state_after and re.search(r"\s[A-Z][a-z]{2,}$", text):
        rest = text.rsplit(" ", 1)[0]  # "OSU Information Services Corvallis, OR"
        if _ORG_WORDS.fullmatch(text.rsplit(" ", 1)[1]) or _LEGAL.search(text.rsplit(" ", 1)[1]):
            return part
    else:
        return part
    if _CONNECTOR.search(rest) or rest.endswith(("&", "-")) or not rest[:1].isupper() or \
            re.fullmatch(r"[A-Z]{1,6}", rest):  # "UT Austin", "UC Berkeley"
        return part
    return _Part(rest, part.comma, part.paren, part.line, part.taught)


def _without_places(parts: list[_Part]) -> list[_Part]:
    kept: list[_Part] = []
    city = False  # the part before was a place already
    for n, part in enumerate(parts):
        after = parts[n + 1] if n + 1 < len(parts) else None
        part = _city_off(part, after is not None and after.comma and
                         bool(_STATE.match(after.text)))
        if kept and part.comma and not city and _SYSTEM.match(kept[-1].text) and \
                not (after is not None and after.comma and _STATE.match(after.text)) and \
                re.fullmatch(r"[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2}", part.text) and \
                not (DEGREE.search(part.text) or _ORG_WORDS.search(part.text) or
                     ROLE_WORDS.search(part.text)):
            # "University of California, Berkeley": a campus of a system, named by its city
            kept[-1] = _Part(f"{kept[-1].text}, {part.text}", kept[-1].comma, kept[-1].paren,
                             kept[-1].line)
            continue
        if is_place(part.text):
            if _STATE.match(part.text) and part.comma and kept and kept[-1].comma and \
                    not city and not _ORG_WORDS.search(kept[-1].text) and \
                    len(kept[-1].text.split()) <= 2:
                kept.pop()  # "Marietta" of "Volta Robotics, Marietta, GA"
            city = True
            continue
        city = False
        kept.append(part)
    return kept


def _merge_affiliations(parts: list[_Part]) -> list[_Part]:
    """"Parallel Data Lab, Carnegie Mellon University" is one organisation."""
    merged: list[_Part] = []
    for part in parts:
        prev = merged[-1] if merged else None
        qualifies = _ACRONYM.match(part.text) or _SCHOOL.search(part.text) or \
            re.search(r"\bcampus$", part.text, re.I) or \
            re.search(r"\b(?:State|Tech)$", part.text)
        unit = (_SCHOOL.search(prev.text) or re.search(r"\b(?:department|division|unit)$",
                                                     part.text, re.I)) if prev else None
        # "University, Department of X", "Rift Valley Power Co., ICT Department"
        if unit and not re.match(r"(?:department|faculty|school|college|lab|laboratory|"
                                 r"institute|center|centre|division|office)\b|"
                                 r".*\b(?:department|division|unit)$", part.text, re.I):
            unit = None
        field_ = len(merged) > 1 and DEGREE.search(merged[-2].text) and \
            not (prev is not None and _SCHOOL.search(prev.text) and
                 _SCHOOL.search(part.text))  # "BS, Data Science"
        if prev is not None and part.comma and prev.paren == part.paren and not field_ and \
                (qualifies or unit) and _org_like(prev.text) and _org_like(part.text):
            merged[-1] = _Part(f"{prev.text}, {part.text}", prev.comma, prev.paren, prev.line)
        else:
            merged.append(part)
    return merged


def _org_like(text: str) -> bool:
    return not (role_like(text) or COURSE.search(text) or DEGREE.search(text)
                or _described(text))


def role_like(text: str) -> bool:
    """A role: its last word is one ("Student Lab Monitor"), or it names one and no
    organisation ("Co-founder and Research Chair", not "Developer Student Circle")."""
    words = re.sub(r"\s*\([^)]*\)", "", text).split()
    if words and ROLE_WORDS.fullmatch(words[-1]):
        return True
    return bool(ROLE_WORDS.search(text)) and not _ORG_WORDS.search(text)


def _described(text: str) -> bool:
    """A description ("bus delay predictor", "A web app that..."), not a name."""
    words = text.split()
    if _LEGAL.search(text) and text[:1].isupper():
        return False  # "Koral Systems sp. z o.o."
    if _titled(text) and not text.rstrip().endswith("."):
        return False  # a name: "Code in the Community"
    if text[:1].islower() and not re.match(r"^[a-z][\w.+-]*$", text):
        return True
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 4 and lower * 2 >= len(words) or text.rstrip().endswith(".") and \
        len(words) >= 4


_LINK_WORDS = re.compile(r"\b(?:page|demo|github|gitlab|repo|repository|link|site|website|"
                         r"live|video|paper|code|app store|play store|itch\.io|devpost)\b", re.I)


def _titled(text: str) -> bool:
    """A name in Title Case ("Cascade Code Academy"), not a phrase."""
    words = [w for w in text.split() if w.lower() not in ("of", "the", "and", "for", "&", "at",
                                                          "in", "on", "de", "a")]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _dates_of(lines: list[str], kind: str) -> str:
    """The dates as written: those of the last line that has some (an organisation's
    years above a role's own give way to the role's), "Summer 2024, Summer 2025" whole."""
    for line in reversed(lines):
        found = find_dates(line, kind)
        if not found:
            continue
        start = len(found) - 1
        while start and re.fullmatch(r"\s*(?:,|&|and|/|;)\s*",
                                     line[found[start - 1].end():found[start].start()]):
            start -= 1
        return " ".join(line[found[start].start():found[-1].end()].split())
    return ""


def read_header(kind: str, lines: list[str], vocabulary: list[str],
                above: str = "") -> Head | None:
    """The fields of a header; `above` is the organisation of the entry before it in the
    same section (the second role under one company heading)."""
    text = "\n".join(lines)
    head = Head()
    quoted = _QUOTED.search(text) if kind == "project" else None
    if quoted and (not re.search(r"\bcourse\b|\b[A-Z]{2,5}\s?\d{2,4}", text[:quoted.start()], re.I)
                   or "\n" in text[:quoted.start()]):
        quoted = None  # only "Course: CMPE 138 - "Campus Eats"" names its project in quotes
    if quoted:
        head.title = quoted.group(1).strip()
        text = text.replace(quoted.group(0), " | ")
    dates = find_dates(text, kind)
    head.dates = _dates_of(lines, kind)
    for match in reversed(dates):
        text = text[:match.start()] + " | " + text[match.end():]
    text = re.sub(r"\(\s*(?:\|\s*)*\)", " ", text)
    text = re.sub(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|io|dev|org|net|app|ai|me|edu)"
                  r"(?:/\S*)?", " ", text)  # links
    parts, head.tech = _split(text, kind, vocabulary)
    parts = _merge_affiliations(parts)
    if not parts and not head.title:
        return None
    if kind == "education":
        _education(head, parts)
    elif kind == "project":
        _project(head, parts, vocabulary)
    else:
        _position(head, kind, parts, above)
    return head if head.title else None


def _role_then_name(text: str) -> tuple[str, str]:
    """A role and the name after it with no separator (bold role, italic organisation)."""
    words = text.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        after = words[i + 1]
        if ROLE_WORDS.fullmatch(word.strip(",")) and after[:1].isupper() and \
                not ROLE_WORDS.fullmatch(after):
            cut = i + 1
    if cut and not (ROLE_WORDS.search(" ".join(words[cut:])) and
                    not _ORG_WORDS.search(" ".join(words[cut:]))):
        return " ".join(words[:cut]), " ".join(words[cut:])
    # "Hack Club President": the organisation's word, then the role
    ends = [i + 1 for i, word in enumerate(words[:-1]) if _ORG_WORDS.fullmatch(word)]
    if ends and ROLE_WORDS.search(" ".join(words[ends[-1]:])):
        return " ".join(words[ends[-1]:]), " ".join(words[:ends[-1]])
    return text, ""


def _education(head: Head, parts: list[_Part]) -> None:
    degree = next((p.text for p in parts if DEGREE.search(p.text) and not
                   _SCHOOL.search(_unbracketed(p.text))), "") or next(
        (p.text for p in parts if re.search(r"\b(?:diploma|certificate|degree)\b", p.text, re.I)
         and not re.search(r"universit|college|institut|academy", p.text, re.I)), "")
    head.organisation = next((p.text for p in parts if _SCHOOL.search(_unbracketed(p.text))
                              and p.text != degree), "")
    if not head.organisation:
        head.organisation = next((p.text for p in parts if p.text != degree), "")
    if degree:
        # "BASc, Computer Engineering (Co-op)", "M.Sc. Robotics, Cognition, Intelligence":
        # the fields after the degree's comma are the degree's, up to the school
        at = next(i for i, p in enumerate(parts) if p.text == degree)
        for part in parts[at + 1:]:
            if re.search(r"\sin\s", degree) or (re.search(r"\sof\s", degree) and not
                                                _BARE_DEGREE.fullmatch(_unbracketed(degree))) \
                    or _DEGREE_DETAIL.match(part.text) or \
                    re.search(r"\d", part.text):
                break  # "B.S.E. in Computer Science, Minor in Mathematics; GPA 3.8"
            if not part.comma or part.line != parts[at].line or part.text == \
                    head.organisation or _SCHOOL.search(part.text) or DEGREE.search(part.text) \
                    or ROLE_WORDS.search(_unbracketed(part.text)) or _described(part.text):
                break
            degree = f"{degree}, {part.text}"
    # an honours class or a concentration after the degree is no part of its name
    degree = re.sub(r"\s*\([^()]*\b(?:honou?rs|concentration|speciali[sz]ation|minor|focus|"
                    r"gpa|cgpa|distinction)\b[^()]*\)\s*$", "", degree, flags=re.I)
    head.title = degree.strip() or head.organisation


# A university system whose campuses are named by their city ("..., Berkeley").
_SYSTEM = re.compile(r"^(?:the\s+)?(?:university of (?:california|wisconsin|illinois|texas|"
                     r"massachusetts|colorado|hawai.?i|maryland|missouri|nebraska|"
                     r"north carolina|tennessee|minnesota|michigan|south florida|pittsburgh)|"
                     r"california state university|state university of new york|"
                     r"penn(?:sylvania)? state(?: university)?|university of london)$", re.I)
# A unit of an organisation: "Machine Learning Lab" after a role's comma is no part of the role.
_UNIT = re.compile(r"\b(?:lab|laboratory|group|team|cent(?:er|re)|department|division|institute|"
                   r"office|club|society|committee|council|chapter)$", re.I)
_DEGREE_DETAIL = re.compile(r"(?:minor|major|double major|gpa|cgpa|wam|concentration|focus|track|"
                            r"speciali[sz]ation|emphasis|option|honou?rs|dean|thesis|"
                            r"coursework|graduat|expected|cum laude|magna|summa|first class|"
                            r"distinction|exchange|study abroad)\b", re.I)


def _unbracketed(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text)


def _position(head: Head, kind: str, parts: list[_Part], above: str) -> None:
    roles = [p for p in parts if role_like(p.text) and not COURSE.search(p.text)]
    if not roles and len(parts) > 1:  # "Software Lead Driverless" | "Team Isarwerk Racing"
        named = [p for p in parts if ROLE_WORDS.search(_unbracketed(p.text))]
        roles = named if len(named) == 1 and not _SCHOOL.search(named[0].text) else []
    held = next((r for r in roles if TEACHING.search(r.text)), roles[0] if roles else None)
    course = next((p for p in parts if COURSE.search(p.text) and p is not held), None)
    rest = [p for p in parts if p is not held and p is not course and not _described(p.text)]
    teaching = held is not None and bool(TEACHING.search(held.text))
    after = parts[parts.index(held) + 1] if held is not None and \
        parts.index(held) + 1 < len(parts) else None
    if held is not None and after is not None and after in rest and after.comma and \
            after.line == held.line and not (_SCHOOL.search(after.text) or
                                             _UNIT.search(after.text) or
                                             _LEGAL.search(after.text) or
                                             role_like(after.text) or
                                             _ACRONYM.match(after.text)) and \
            any(p.line != held.line and (_ORG_WORDS.search(p.text) or _LEGAL.search(p.text) or
                                         not _ORG_WORDS.search(after.text)) for p in rest):
        # "Summer Intern, Penetration Testing" above "Redgauntlet Security Ltd": the
        # organisation is on its own line, so what follows the role's comma is the role's
        # (for a TA, the course: "Lab Demonstrator, Systems Programming (H)")
        if teaching and course is None:
            course = after
        elif not teaching:
            held = _Part(f"{held.text}, {after.text}", held.comma, held.paren, held.line)
        rest.remove(after)
    if teaching:  # "CS 2200 Computer Systems, Georgia Tech": the school is the organisation
        school = next((p for p in rest if _SCHOOL.search(p.text) or
                       re.search(r"\b(?:State|Tech)$", p.text) or
                       re.fullmatch(r"[A-Z]{2,6}", p.text)), None)  # "CUCEI"
        if school is not None and rest[0] is not school:
            course = course or rest[0]
            rest = [school]
        elif school is None and course is None and rest and rest[0].taught and \
                not (_ORG_WORDS.search(rest[0].text) or _LEGAL.search(rest[0].text)):
            course = rest.pop(0)  # "Teaching assistant for Intro to Programming"
    head.role = held.text if held is not None else ""
    head.course = course.text if course is not None else ""
    others = [p.text for p in rest]
    head.organisation = others[0] if others else above
    if not head.organisation and head.role:  # "Data Science Intern Pelican Freight"
        head.role, head.organisation = _role_then_name(head.role)
    described = [p.text for p in parts if _described(p.text)]
    head.described = described[0] if described else ""
    org, role = head.organisation, head.role
    if head.course:
        head.title = f"{role or 'Teaching assistant'}, {head.course}"
    elif kind == "community":
        head.title = org or role
    elif re.search(r"\bintern(?:ship)?\b", role, re.I) and org:
        head.title = f"{org} internship"
    else:
        head.title = f"{role} at {org}" if role and org else role or org


def _translated(title: str, gloss: _Part, vocabulary: list[str]) -> bool:
    """A title in another language and its English in parentheses after it: a name in
    Title Case, plain letters, no event, course, school, place or technology."""
    text = gloss.text
    return gloss.paren and text.isascii() and \
        bool(re.fullmatch(r"[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|of|the|and|for|a|an|in|to)){0,5}",
                          text)) and not (EVENT.search(text) or COURSE.search(text) or
                                          _SCHOOL.search(text) or _ORG_WORDS.search(text) or
                                          is_place(text) or is_tech(text, vocabulary) or
                                          _GENERIC.fullmatch(text))


def _project(head: Head, parts: list[_Part], vocabulary: list[str]) -> None:
    named = [p for p in parts if not p.paren and not re.fullmatch(r"course|class|project",
                                                                  p.text, re.I)]
    if not head.title:
        first = named[0] if named else parts[0]
        if len(named) > 1 and EVENT.search(first.text) and named[1].line == first.line and \
                not head.organisation and not _described(named[1].text) and \
                not is_tech(named[1].text, vocabulary):
            head.organisation = first.text  # "Cascade Hacks 2024: TrailMix"
            parts = [p for p in parts if p is not first]
            first = named[1]
        head.title = first.text
        at = parts.index(first)
        gloss = parts[at + 1] if at + 1 < len(parts) else None
        if gloss is not None and gloss.line == first.line and \
                _translated(first.text, gloss, vocabulary):
            head.title = f"{first.text} ({gloss.text})"  # "Hệ thống điểm danh (Attendance System)"
            parts = [p for p in parts if p is not gloss]
        parts = [p for p in parts if p is not first]
    for part in parts:
        text = part.text
        if COURSE.match(text):
            text = _COURSE_TAIL.sub("", text).strip() or text
        if _GENERIC.fullmatch(text):
            continue  # "(course project)", "(Capstone)", "(2nd place)"
        if part.paren and not head.role and role_like(text) and not EVENT.search(text):
            head.role = text  # "Rainfall Nowcast (Team lead) — Lion City Datathon 2025"
            continue
        if not head.organisation and (part.paren or COURSE.match(text) or EVENT.search(text)
                                      or _SCHOOL.search(text) or
                                      re.search(r"\b(?:course|class|module|lehrveranstaltung|"
                                                r"vorlesung|seminar|kurs|cours|asignatura|"
                                                r"disciplina)\b", text, re.I)) \
                and not _described(text):
            if part.paren and is_tech(text, vocabulary):
                head.tech.append(text)
            else:  # 'Student hackathon "Sendai Hack Night 2024"': the quoted name
                named_ = _QUOTED.search(text)
                head.organisation = named_.group(1) if named_ and EVENT.search(
                    named_.group(1)) else text
        elif part.paren and is_tech(text, vocabulary):
            head.tech.append(text)
        elif not head.described and _described(text):
            head.described = text
        elif not head.role and role_like(text):
            head.role = text
        elif not head.organisation and not part.paren and _titled(text) and \
                not is_tech(text, vocabulary) and not _LINK_WORDS.search(text):
            head.organisation = text  # "Pantry Pal — Cascade Code Academy"
