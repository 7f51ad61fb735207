"""Organization names as written: capitalised runs, company forms, and trimming of trailing punctuation."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .categories import TRIGGER_KEYS
from .text import Tok, words

COMPANY_FORMS: Final = words(
    "inc inc. ltd ltd. llc llc. gmbh srl s.r.l. co. corp corp. corporation plc ag sa s.a. nv n.v. bv "
    "b.v. ab asa limited incorporated company kk k.k. spa s.p.a. pty lp llp a/s "
    # Spanish, German, French, Nordic, Czech and Brazilian forms: "Immunostep, S.L.", "Verein e.V."
    "s.l. s.l.u. s.a.u. e.v. ggmbh sas s.a.s. oy oyj a.s. s.r.o. ltda ltda. kg pte pvt sdn bhd"
)
# Abbreviations whose final dot belongs to the name ("Merck & Co.", "Illumina Inc.").
KEEP_DOT: Final = words(
    "inc. ltd. co. corp. s.a. n.v. b.v. s.r.l. s.p.a. k.k. llc. s.l. s.l.u. s.a.u. e.v. s.a.s. a.s. s.r.o. ltda. "
    "pte. pvt. bhd."
)
# Heads a name may go on after with its purpose, "to" and a capitalised verb ("Initiative to Advance X").
PURPOSE_HEADS: Final = words("initiative alliance coalition campaign partnership fund foundation network consortium")
CONNECTORS: Final = words("of for the de du der des la le di da von van für pour para y and & + on")
# Heads that open a name of their own when "for"/"of" follows ("Foundation for ...", "Fondation pour ...").
OPENING_HEADS: Final = words(
    "foundation foundations fondation fundaci\u00f3n fundacion funda\u00e7\u00e3o fondazione stiftung association "
    "society institute institut instituto istituto"
)
# Where the head of a name ends and what it is for or of begins ("Foundation for ...", "Fondation pour ...").
CORE_ENDS: Final = words("for of on pour para für de")
# In a name written in another language, its own "and" joins two parts of the name ("Bundesministerium für
# Bildung und Forschung", "Institut National de la Santé et de la Recherche Médicale", "Ministerio de Ciencia e
# Innovación"): the name already holds one of that language's small words.
FOREIGN_ANDS: Final = words("und et e y")
FOREIGN_NAME_WORDS: Final = words(
    "für fur der des die von zur zum dem den de du la le les pour en aux au del las los para da do das dos em di "
    "della dell dello degli"
)
# Bodies named "<body> on <topic>": "National Institute on Aging", "Task Force on ...".
BODY_HEADS: Final = words("institute council committee commission conference centre center panel force forum congress")
NOT_NAMES: Final = words(
    "the a an this that these those his her their its our my he she they we i it in on from for of "
    "and or as at by to with since during over mr mr. dr dr. prof prof. ms mrs all both each none nothing nil"
    # verbs written with a capital after a semicolon ("...; Is a consultant to X; Has received ...")
    " is was are were has have had"
)
# Patent offices and jurisdictions are where a patent is filed, not a counterparty.
NOT_COUNTERPARTY: Final = words(
    "pct uspto epo wipo us usa u.s. ep wo uk international european provisional patent patents "
    "application applications number numbers no no. appln appln. title grant national role roles"
    # degrees name what a scholarship is for ("a PhD scholarship from X"), not who pays it
    " phd ph.d ph.d. md msc bsc mph pi"
    # a disease or its pathogen is what a trial, a grant or a committee is about, never who pays or sits
    " covid covid-19 covid19 sars sars-cov sars-cov-2 mers mers-cov coronavirus hiv hiv-1 aids ebola zika mpox"
    # continuing medical education is what fees were for: "CME symposium-related speaker fees from X"
    " cme"
    # a role is no body: "an AstraZeneca Advisory Board member and Chief Investigator for ..."
    " chief principal investigator investigators co-investigator"
)
# Last words of names with an "and" inside them: "Bill and Melinda Gates Foundation", "Food and Drug
# Administration", "Agency for Healthcare Research and Quality", "Infectious Diseases".
# "Centers for Disease Control and Prevention", "the Siegfried and Jensen Law Firm", "Ministry of Health and
# Welfare", "Institute of Science and Technology".
AND_NAME_HEADS: Final = words(
    "foundation foundations administration services diseases quality association society prevention firm "
    "welfare technology development innovation "
    "stiftung fondation fundaci\u00f3n fundacion funda\u00e7\u00e3o fondazione"
)
# Last words that make one name only after an "X of/for Y" or a national start ("German Federal Ministry of
# Education and Research", "National Health and Medical Research Council"): "Pfizer and Medical Research
# Council" is two bodies.
WEAK_AND_HEADS: Final = words(
    "council research institute centre center medicine science sciences care consortium"
    # "National Health and Family Planning Commission", "Food and Health Bureau", "Food and Drug Authority"
    " commission bureau agency authority"
)
FAMILY_HEADS: Final = words("trust fund foundation prize")
# Fields a body is named after, two of them joined by "and": "Institute of Neurological Disorders and Stroke",
# "Janssen Research and Development", "Unit in Emergency Preparedness and Response".
FIELD_WORDS: Final = words(
    "research development innovation technology technologies science sciences medicine health care welfare "
    "prevention control response preparedness readiness training education engineering stroke disorders "
    "diseases rehabilitation nutrition metabolism epidemiology immunology therapeutics surgery policy practice "
    "quality safety transparency integrity evaluation management treatment aging ageing environment energy "
    "resistance infections hygiene business"
    # ministries named after their portfolios: "Ministry of Business, Innovation and Employment", "Ministry of
    # Economy, Trade and Industry", "Ministry of Education, Culture, Sports, Science and Technology"
    " employment enterprise industry trade culture sports sport tourism transport labour labor economy finance"
    " agriculture fisheries forestry food justice communications information productivity security"
    " sustainability wellbeing"
)
# A country before a single word does not complete a name: "U.S. Food and Drug Administration".
NATIONAL_PREFIXES: Final = words("u.s. us u.s usa uk american national european canadian australian")
BRAND_RE: Final = re.compile(r"[a-z]{2,8}[A-Z][^\W\d_]")  # "deCODE", "myHealthPal", "electroCore", "bioMérieux"
FUNDER_ID_RE: Final = re.compile(r"^\d{6,}(?=[A-Z])")
TITLE_WORDS: Final = frozenset({"dr", "dr.", "prof", "prof.", "mr", "mr.", "ms", "mrs", "mrs.", "professor"})


def is_name_token(tok: Tok) -> bool:
    if tok.cap:
        return tok.low not in NOT_NAMES
    return _uncapitalised_name(tok.text)


# A token's text ends with at most one dot, so "inc." and "inc" name the same form; a longer run of
# dots is checked the long way.
_COMPANY_FORMS_DOTTED: Final = COMPANY_FORMS | frozenset(f + "." for f in COMPANY_FORMS if not f.endswith("."))


@lru_cache(maxsize=8192)  # a pure function of one word; the same lower-case words come back in every sentence
def _uncapitalised_name(t: str) -> bool:
    """Whether a word that does not start with a capital still starts a name."""
    if not t[0].isalpha():
        # "23andMe", "3M": a brand may start with a digit when a capital follows
        return t[0].isdigit() and any(c.isupper() for c in t) and any(c.isalpha() for c in t[1:2] + t[-1:])
    # "eLife", "iRepertoire", "pH Pharma": a lower-case brand prefix followed by a capital
    if len(t) > 1 and t[1].isupper():
        return True
    if t.startswith("www.") and len(t) > 8 and DOMAIN_RE.fullmatch(t):
        return True  # "the founder and majority owner of www.DrScore.com": a company known by its address
    return len(t) > 4 and BRAND_RE.match(t) is not None  # "myHealthPal", "inCerebro", "deCODE"


DOMAIN_RE: Final = re.compile(r"www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}\.?")


def is_company_form(tok: Tok) -> bool:
    low = tok.low
    return low in _COMPANY_FORMS_DOTTED or (low.endswith("..") and low.rstrip(".") in COMPANY_FORMS)


# Capitalised participles after a name that say what it did ("a Canadian Institutes of Health Research Funded
# clinical trial"): the name ends before them when a lower-case word follows.
NAME_PARTICIPLES: Final = words("funded supported sponsored financed backed led")


def run_from(toks: list[Tok], i: int) -> int:
    """End index (exclusive) of the name starting at toks[i] ("Regents of the University of X")."""
    j, n = i + 1, len(toks)
    if (possessive(toks[i]) and not _name_after_possessive(toks, j)) or is_company_form(toks[i]):
        return j
    while j < n and j - i < 18:
        tok = toks[j]
        if tok.low in NAME_PARTICIPLES and j + 1 < n and not toks[j + 1].cap and toks[j + 1].text[0].isalpha():
            break
        form = is_company_form(tok)
        if form or is_name_token(tok):
            j += 1
            if form:
                if j < n and is_company_form(toks[j]):
                    continue  # "Japan Vaccine Co. Ltd."
                break  # a company form closes the name
            if possessive(tok) and not _name_after_possessive(toks, j):
                break  # so does "X's" ("eLife's Board"), but not "Parkinson's UK"
            continue
        if (
            tok.text == "/"
            and j + 1 < n
            and toks[j - 1].end == tok.start
            and tok.end == toks[j + 1].start
            and toks[j - 1].cap
            and is_name_token(toks[j + 1])
        ):
            j += 2  # "BMS/Pfizer", "Sanofi/Regeneron": a joint name written with a slash
            continue
        if tok.text.isdigit() and len(tok.text) <= 4 and toks[j - 1].cap:
            j += 1  # "EU Horizon 2020", "Horizon 2020 European Grant ImmunoSep"
            continue
        if tok.text == "," and in_series(toks[j - 1].low):
            end = field_series(toks, j, toks[i:j])
            if end > j:
                j = end  # "State Secretariat for Education, Research and Innovation"
                continue
        campus = _campus(toks, i, j)
        if campus:
            j += 1 + campus
            break
        if tok.text in ("'", "\u2019") and j + 1 < n and toks[j - 1].low.endswith("s") and is_name_token(toks[j + 1]):
            j += 1
            continue
        if tok.low == "in" and j + 1 < n and _field_in_field(toks, j):
            j += 1  # "Center of Excellence in Regulatory Science", "Centre for Big Data Research in Health"
            continue
        if tok.low == "in" and j + 1 < n and toks[j - 1].low in JOURNAL_HEADS and is_name_token(toks[j + 1]):
            j += 1  # a journal's title: "Frontiers in Aging Neuroscience", "Current Opinion in Neurology"
            continue
        if (
            tok.low == "to"
            and toks[j - 1].low in PURPOSE_HEADS
            and j + 2 < n
            and toks[j + 1].cap
            and toks[j + 2].cap
            and is_name_token(toks[j + 2])
        ):
            j += 2  # "California Initiative to Advance Precision Medicine", "Alliance to End Hunger": a purpose
            continue
        # a name's own "und"/"et"/"e" counts as a connector when the name is in that language
        k = j + 1 if tok.low in FOREIGN_ANDS and foreign_and(toks, j, toks[i:j]) else j
        while k < n and (toks[k].low in CONNECTORS or toks[k].text == ":") and k - j < 3:
            k += 1
        if k > j and k < n and is_name_token(toks[k]) and _connector_ok(toks, i, j, k):
            j = k
            continue
        break
    return j


# The words journal titles put before "in" and their field.
JOURNAL_HEADS: Final = frozenset({"frontiers", "advances", "trends", "progress", "seminars", "opinion", "perspectives"})


def _field_in_field(toks: list[Tok], j: int) -> bool:
    """ "Excellence in Regulatory Science", "Research in Health": "in" between a field (or excellence) and a
    capitalised field stays inside a body's name; "Research in England" names where the body is."""
    if toks[j - 1].low not in FIELD_WORDS and toks[j - 1].low != "excellence":
        return False
    k = j + 1
    while k < len(toks) and k - j <= 3 and toks[k].cap and is_name_token(toks[k]):
        k += 1
    return k > j + 1 and toks[k - 1].low in FIELD_WORDS


def _campus(toks: list[Tok], i: int, j: int) -> int:
    """ "University of California, San Francisco": a comma and a place stay in a university's name."""
    if toks[i].low != "university" or j >= len(toks) - 1 or toks[j].text != ",":
        return 0
    k = j + 1
    while k < len(toks) and k - j <= 2 and is_name_token(toks[k]) and not is_company_form(toks[k]):
        k += 1
    if k == j + 1 or (k < len(toks) and is_name_token(toks[k])):
        return 0
    if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and is_name_token(toks[k + 1]):
        return 0  # "University of Oxford, Pfizer, ..." is a list, not a campus
    return k - j - 1


def foreign_and(toks: list[Tok], pos: int, before: list[Tok]) -> bool:
    """Whether the "und"/"et"/"e"/"y" at `pos` goes on with the name in `before` ("Deutsche Gesellschaft für
    Hämatologie und Onkologie"): the name holds a small word of its language and a name follows."""
    first = next((k for k, t in enumerate(before) if is_name_token(t)), len(before))
    before = before[first:]  # "de la part de Sanofi et Servier": the words before the name are not in it
    if len(before) < 2 or pos + 1 >= len(toks) or toks[pos].low not in FOREIGN_ANDS:
        return False
    after = toks[pos + 1]
    if not (is_name_token(after) or after.low in FOREIGN_NAME_WORDS):
        return False
    return any(t.low in FOREIGN_NAME_WORDS for t in before[1:])


def _connector_ok(toks: list[Tok], i: int, j: int, k: int) -> bool:
    words = [t.low for t in toks[j:k]]
    if words[0] == "and":
        # "and" separates list items, unless it is inside one name ("Food and Drug Administration")
        the = i > 0 and toks[i - 1].low == "the"
        return k == j + 1 and and_joins(toks[i:j], toks[k : run_from(toks, k)], after_the=the)
    if words[0] == ":":
        return words[1:] == ["the"]  # "Millennium: the Takeda Oncology Company"
    if words[0] == "on":
        # "National Institute on Drug Abuse", "National Institutes on Aging", not "Pfizer on X"
        return toks[j - 1].low in BODY_HEADS or toks[j - 1].low[:-1] in BODY_HEADS
    if words[0] == "for":
        # "Centers for Disease Control", "Coalition for Epidemic Preparedness Innovations", "CRC for Alertness":
        # a body named after its purpose; not "Pfizer for the COVID-19 vaccine" or "Philips Respironics for
        # the Actiwatch", where "for" says what the tie was about
        before = toks[j - 1]
        if before.low in FOR_HEADS or (before.text.isupper() and before.text.isalpha()):
            return True
        # "Committee for Strategic Coordination for Health of the Public Research": a second purpose
        return any(t.low == "for" and toks[m - 1].low in FOR_HEADS for m, t in enumerate(toks[i + 1 : j], i + 1))
    return words[0] != "the"


# The heads of bodies named after what they are for: those that open a name or take a purpose or a topic, and
# more.
FOR_HEADS: Final = (
    OPENING_HEADS
    | PURPOSE_HEADS
    | BODY_HEADS
    | words(
        "allied united institutes centres centers societies organization organisation organizations organisations "
        "associations committees agency administration taskforce secretariat office department ministry "
        "directorate directorate-general bureau authority service services program programme project "
        "collaboration collaborative trust academy college school university universities union league "
        "federation action students physicians doctors scientists researchers people excellence unit laboratory "
        "laboratories group board hospital fellowship"
    )
)


def and_joins(left: list[Tok], right: list[Tok], after_the: bool = False) -> bool:
    """Whether "LEFT and RIGHT" is one name rather than two: the same word twice ("Johnson and
    Johnson"), or a name whose last word says it is one body ("Food and Drug Administration", "Laura
    and John Arnold Foundation", "Centers for Medicare and Medicaid Services") after a single word or
    an "X of/for Y" (never after a company, an acronym or a name that is complete already)."""
    if not left or not right:
        return False
    if len(left) == len(right) == 1 and left[0].low == right[0].low:
        return True
    if len(left) == 1 and len(left[0].text) == 1 and left[0].text.isupper():
        return True  # "C & J Energy Services": a single letter names nothing alone
    if after_the and len(left) == 1 and left[0].text[1:].islower() and not is_company_form(left[0]):
        return True  # "the Food and Health Bureau", "the Brain and Mind Centre": "the" opens one name
    if len(right) == 1 and right[0].low.rstrip(".") in ("co", "company") and not is_company_form(left[-1]):
        return True  # "M. Davis and Co", "Eli Lilly and Company"
    if len(left) == 1 and len(right) == 2 and is_company_form(right[1]) and not left[0].text.isupper():
        # "Fisher and Paykel Ltd.": one company named after two people (not "Medtronic and P.M.T. Corporation")
        return not is_company_form(left[0]) and right[0].text[1:].islower()
    if len(left) == 1 and len(right) >= 2 and possessive(right[0]) and not left[0].text.isupper():
        return True  # "Brigham and Women's Hospital"
    if len(left) == 1 and len(right) >= 3 and right[-1].low in FAMILY_HEADS and not left[0].text.isupper():
        return True  # "Maurice and Phyllis Paykel Trust": a body named after a couple, not "Vaxco and Wellcome Trust"
    if _fields(left, right):
        return True
    if len(left) >= 3 and left[0].low in PUBLICATION_HEADS and left[1].low == "of" and not _complete(left):
        return True  # "Journal of Venomous Animals and Toxins": a journal is named after its subject
    if len(left) == 1 and len(right) >= 3 and right[0].low in NATIONAL_PREFIXES:
        return False  # "UpToDate and National Psoriasis Foundation": a national body's name opens a name
    # the head of "John Arnold Foundation for the Collaboration ..." is the word before its "for"
    core = next((right[:k] for k, t in enumerate(right) if k and t.low in CORE_ENDS), right)
    if len(core) == 1 < len(right) and core[0].low in OPENING_HEADS:
        return False  # "Vaxco and Fondation pour la Recherche Médicale": a name "<head> for X" of its own
    tail = right[-3:] + core[-3:]
    strong = any(t.low.rstrip(".") in AND_NAME_HEADS for t in tail)
    if not strong and not any(t.low.rstrip(".") in WEAK_AND_HEADS for t in tail):
        return False  # "Anxiety and Depression Association of America" ends in a place
    if _complete(left):
        return False
    if len(left) == 1:
        return strong and not left[0].text.isupper()
    if 2 <= len(left) <= 4 and left[0].low in NATIONAL_PREFIXES and not left[-1].text.isupper():
        return True
    return any(t.low in ("of", "for") for t in left)


PUBLICATION_HEADS: Final = words("journal annals archives proceedings bulletin")


# Organs and conditions national institutes are named after: "National Heart, Lung, and Blood Institute".
BODY_WORDS: Final = words("heart lung blood kidney eye liver brain skin bone cancer diabetes arthritis digestive sleep")
SERIES_WORDS: Final = FIELD_WORDS | BODY_WORDS
# Fields named by their ending: "Haematology", "Gastroenterology", "Psychiatry", "Geriatrics".
FIELD_ENDINGS: Final = ("ology", "ologies", "ologie", "iatry", "iatrics")


def is_field(word: str) -> bool:
    """Whether a lower-case word names a field a body is named after ("research", "oncology")."""
    return word in FIELD_WORDS or (len(word) > 6 and word.endswith(FIELD_ENDINGS))


def in_series(word: str) -> bool:
    return word in SERIES_WORDS or is_field(word)


NATIONAL_INSTITUTE_HEADS: Final = words("institute institutes center centre")


def field_series(toks: list[Tok], pos: int, item: list[Tok]) -> int:
    """End of "Research and Innovation" after "Secretariat for Education" and the comma at `pos`: fields
    listed with commas and a last "and" inside a body's "of/for" name, or organs before a national
    institute's head word ("National Heart, Lung, and Blood Institute"); `pos` itself when there is none."""
    trail = trailing_name(item)
    national = len(trail) >= 2 and trail[0].low == "national" and all(t.low in SERIES_WORDS for t in trail[1:])
    if not national and not any(t.low in ("of", "for") for t in trail):
        return pos
    j = pos + 1
    while j < len(toks) and j - pos < 12:
        if not _in_vocabulary(toks[j].low.rstrip("."), national) or not toks[j].cap:
            return pos
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        if nxt == "," and j + 2 < len(toks) and toks[j + 2].low == "and":
            j += 1  # the serial comma: "Ministry of Health, Labor, and Welfare"
            nxt = "and"
        if nxt == "and":
            last = toks[j + 2] if j + 2 < len(toks) else None
            if last is None or not last.cap:
                return pos
            if not _in_vocabulary(last.low.rstrip("."), national):
                # "Ministry of Education, Science and Technological Development": a capitalised word before the
                # last field
                after = toks[j + 3] if j + 3 < len(toks) else None
                if national or after is None or not after.cap or not _in_vocabulary(after.low.rstrip("."), national):
                    return pos
                return j + 4
            if not national:
                return j + 3
            head = toks[j + 3] if j + 3 < len(toks) else None
            return j + 4 if head is not None and head.low.rstrip(".") in NATIONAL_INSTITUTE_HEADS and head.cap else pos
        if nxt != ",":
            return pos
        j += 2
    return pos


# Adjectives a field may carry after "and": "Society of Allergology and Clinical Immunology".
FIELD_ADJECTIVES: Final = words(
    "clinical public mental social molecular medical experimental applied environmental human animal cellular "
    "internal family preventive translational computational"
)


# Head words of a public body named after its fields: "Innovation and Technology Commission", "Food and
# Health Bureau".
FIELD_BODY_HEADS: Final = words(
    "commission bureau council agency authority department office board fund programme program directorate "
    "secretariat division unit"
)


def _in_vocabulary(word: str, national: bool) -> bool:
    return word in SERIES_WORDS if national else is_field(word)


def _fields(left: list[Tok], right: list[Tok]) -> bool:
    """ "Neurological Disorders and Stroke", "Research and Development": fields after a field or a body's "of";
    "Innovation and Technology Commission": a field after a field, then the body's head word."""
    if left[-1].text.isupper():
        return False
    head = next((k for k, t in enumerate(right) if t.low in FIELD_BODY_HEADS and t.cap), 0)
    if 1 <= head <= 2 and (head + 1 == len(right) or right[head + 1].low in ("of", "for")):
        # "Food and Health Bureau of the Government of X": the body's own "of" may follow its head
        return is_field(left[-1].low) and all(is_field(t.low) and t.cap for t in right[:head])
    if len(right) > 2:
        return False
    if not all(is_field(t.low.rstrip(".")) for t in right) and not (
        len(right) == 2 and right[0].low in FIELD_ADJECTIVES and is_field(right[1].low.rstrip("."))
    ):
        return False
    return is_field(left[-1].low) or any(t.low in ("of", "for", "in", "into", "on") for t in left)


def _complete(left: list[Tok]) -> bool:
    """A company or a body whose head word is not followed by "of"/"for" is a whole name ("Gates
    Foundation"), but "Mayo Foundation for Education" goes on."""
    for k in range(len(left) - 1, -1, -1):
        if is_company_form(left[k]) or left[k].low in AND_NAME_HEADS:
            return not any(t.low in ("of", "for") for t in left[k + 1 :])
    return False


def trailing_name(toks: list[Tok]) -> list[Tok]:
    """The capitalised name at the end of `toks`, with its inner "of"/"for" ("Centers of Medicare")."""
    i = len(toks)
    while i > 0 and (is_name_token(toks[i - 1]) or (toks[i - 1].low in ("of", "for") and i > 1)):
        i -= 1
    while i < len(toks) and not is_name_token(toks[i]):
        i += 1
    return toks[i:]


def _name_after_possessive(toks: list[Tok], j: int) -> bool:
    """ "Parkinson's UK", "Children's Hospital": the name goes on after "'s" unless a relation phrase follows."""
    if j >= len(toks):
        return False
    nxt = toks[j]
    if nxt.low.rstrip(".") in POSSESSIVE_HEADS:
        return True  # "Alzheimer's Association", "Women's Health Research": a body's head word
    return nxt.cap and is_name_token(nxt) and nxt.low[:4] not in TRIGGER_KEYS and not is_company_form(nxt)


# Head words of bodies named after someone's or something's possessive.
POSSESSIVE_HEADS: Final = frozenset(
    {"association", "associations", "society", "foundation", "disease", "research", "institute", "hospital"}
)


def possessive(tok: Tok) -> bool:
    """ "eLife's", "Sarepta's" (with a straight or a curly apostrophe): a word with the possessive ending."""
    return tok.low.endswith(("'s", "\u2019s"))


def first_run(toks: list[Tok]) -> tuple[int, int] | None:
    """Token range of the first capitalised name in toks, skipping descriptions and titled people."""
    i, n = 0, len(toks)
    while i < n:
        if is_name_token(toks[i]):
            j = run_from(toks, i)
            if not (i and toks[i - 1].low in TITLE_WORDS):
                return i, j
            i = j
        else:
            i += 1
    return None


def clean_name(text: str, toks: list[Tok]) -> str:
    """The name as written, without a leading "the", a possessive or trailing punctuation."""
    if not toks:
        return ""
    start, end = toks[0].start, toks[-1].end
    last = toks[-1]
    name = text[start:end]
    if possessive(last):
        name = name[:-2]
    name = name.rstrip(" ,;:")
    if name[:1].isdigit():
        name = FUNDER_ID_RE.sub("", name, count=1)  # "100000002National Institutes of Health": a funder id glued on
    if name.endswith(".") and last.low not in KEEP_DOT and not _dotted_initials(last.text):
        name = name[:-1]
    if "-" in last.text:
        # "an Oxford Nanopore-organised symposium", "Vertex-sponsored clinical trials": the body, not what it did
        name = DID_SUFFIX_RE.sub("", name)
    if "\n" in name or "  " in name or "\t" in name:
        name = " ".join(name.split())  # a name broken over lines ("U.S.\nFood and Drug Administration") is one name
    return name.strip()


DID_SUFFIX_RE: Final = re.compile(
    r"-(?:organi[sz]ed|sponsored|funded|supported|led|run|initiated|owned|affiliated)$", re.IGNORECASE
)


def _dotted_initials(t: str) -> bool:
    parts = t.rstrip(".").split(".")
    return len(parts) > 1 and all(len(p) == 1 for p in parts)


def is_counterparty(toks: list[Tok]) -> bool:
    """False for runs made only of patent-office or filler words ("US Provisional", "PCT"), and for a letter
    alone ("C. difficile": a genus, not a body)."""
    if len(toks) == 1 and len(toks[0].text.rstrip(".")) == 1:
        return False
    if _grant_number(toks):
        return False  # "NIH grant UL1 TR001881": the grant's number, not who gave it
    for t in toks:
        low = t.low
        if low not in NOT_COUNTERPARTY and low.rstrip(".") not in NOT_COUNTERPARTY:
            if "-" in low and all(part in NOT_COUNTERPARTY for part in low.split("-")):
                continue  # "MERS-coronavirus"
            return True
    return False


def _grant_number(toks: list[Tok]) -> bool:
    """Every word holds a digit and no small letter, and one a run of four or more digits ("UL1 TR001881", "P30
    MH058107"); "3M" and "H2020-Grant" are names."""
    return all(any(c.isdigit() for c in t.text) and not any(c.islower() for c in t.text) for t in toks) and any(
        sum(c.isdigit() for c in t.text) >= 4 for t in toks
    )


@lru_cache(maxsize=4096)
def norm(name: str) -> str:
    """Lower-case alphanumeric key used to compare names within one statement."""
    out = []
    for word in "".join(c.lower() if c.isalnum() else " " for c in name.replace("&", " and ")).split():
        if word not in {"inc", "ltd", "llc", "gmbh", "srl", "co", "corp", "corporation", "plc", "the"}:
            out.append(word)
    return " ".join(out)
