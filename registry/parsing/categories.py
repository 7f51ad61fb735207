"""Relation-phrase grammar: which words name a tie and which category slug each one maps to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from .firstchars import PrefixDispatch, with_first_letters
from .nameshapes import ends_portfolio_name, in_money_list, member_of_bodies, names_the_body, new_predicate
from .text import Tok, words

# Order matters: at one position the first alternative wins, so longer phrases come first
# ("patent licensing agreement" is royalties, not patents; "travel grant" is travel, not grants).
_GRAMMAR: Final[list[tuple[str, str]]] = [
    (
        "royalties",
        r"(?:patent\s+|technology\s+)?licen[cs](?:e|ing)\s+(?:agreements?|income|distributions?"
        r"|fees?|revenues?|payments?)",
    ),
    (
        "royalties",
        r"(?:patent\s+)?royal(?:i)?t(?:y|ies)(?:\s+(?:interests?|income|payments?|fees?|stream))?|copyrights?",
    ),
    ("royalties", r"benefits?\s+(?:from|through)\s+(?:IP|intellectual\s+property|patents?)"),
    (
        "manuscript_support",
        r"(?:financial\s+support|funding|funds?|support|sponsorship)\s+(?:for|of)\s+"
        r"(?:this|the\s+present|the\s+current|the\s+submitted)\s+(?:work|research|study|effort|article|manuscript"
        r"|project|paper|analysis|trial)",
    ),
    ("patents", r"owner\s+of\s+(?:this|the|these|those)\s+patents?(?:\s+applications?)?"),
    (
        "patents",
        r"(?:co-?inventors?|inventors?|invented|(?:provisional\s+)?patents?(?:\s+applications?|\s+pending)?"
        r"|intellectual\s+property)"
        # a profession or a practice, not a patent of one's own: "a patent attorney", "an intellectual property
        # law firm", "companies as patent holders"
        r"(?!\s+(?:attorneys?|agents?|lawyers?|law|offices?|holders?|blogs?|firms?)\b)",
    ),
    ("founder", r"co-?founders?|co-?founded|founders?|founded|founding\s+(?:scientists?|partners?|investors?)"),
    (
        "advisory_board",
        r"(?:(?:scientific|science|medical|clinical|strategic|business|technical|external|industry"
        r"|industrial|international|global|ethics|expert|executive)\s+)?(?:advis[oe]ry|advice)\s+(?:boards?|committees?|councils?|panels?|groups?"
        r"|commissions?|roles?|capacity|work)(?:\s+(?:members?|fees?|honorari(?:a|ums?)))?",
    ),
    (
        "advisory_board",
        r"advis[oe]ry(?=\s+(?:or|and|/)\s+consult)|advis[oe]ry\s+(?:fees?|honorari(?:a|ums?))"
        # "unpaid advice to One Day Sooner, Pfizer": advising a named body
        r"|(?:(?:un)?paid\s+)?advice\s+to(?=\s+(?-i:[A-Z]))",
    ),
    # the ICMJE form's "payments for board membership" from companies: advisory boards
    ("advisory_board", r"board\s+membership(?=\s+(?:from|with|for)\b)"),
    (
        "advisory_board",
        r"(?:data|device)\s+(?:and\s+)?(?:safety\s+)?monitoring\s+(?:boards?|committees?)|DSMBs?|(?-i:Ad)\s+[Bb]oards?|(?-i:SABs?)(?=\s+(?:of|for|at)\b)|(?-i:SAB)\s+members?(?:\s+of)?"
        r"|(?:scientific\s+)?advis[oe]rs?"
        # "has advised BioMarin", "advises Roche": an adviser to the company (not "advised by")
        r"|(?:(?<=\bhas\s)|(?<=\bhave\s)|(?<=\bhad\s))(?-i:advised)(?!\s+by\b)|(?-i:advises)(?=\s+(?-i:[A-Z]))",
    ),
    ("leadership", r"boards?\s+of\s+(?:directors|trustees|governors)|editorial\s+boards?(?:\s+members?)?"),
    (
        "leadership",
        # not "a past co-authorship with the author CK to the handling editor" (Frontiers' wording)
        r"(?<!\bto\sthe\s)(?:(?:senior|reviewing|deputy|associate|academic|section|guest|handling|monitoring"
        # not the journal's editor who "declared a shared affiliation" with an author (Frontiers' wording)
        r"|consulting|executive)\s+)?(?<!\bto\sthe\shandling\s)(?:co-?)?editors?(?:[-\s]in[-\s]chief)?"
        r"(?!\s+(?:declared|declares|states)\b)",
    ),
    (
        "leadership",
        r"(?:co-)?chief\s+[\w-]+\s+officer|(?:co-)?chief\s+scientists?(?=\s+(?:of|for|at)\b)|(?-i:CEO|CSO|CTO|CMO|CFO|COO|VP)|(?:vice[-\s])?president"
        r"|chair(?:man|woman|person|s|ed|ing)?|directors?|trustees?|treasurer|working\s+groups?"
        # lower case: "Secretary" in "Office of the Assistant Secretary of Health" is a name's word
        r"|(?-i:secretary)(?:[-\s]general)?|convenors?|conveners?"
        # an ethics committee or review board that approved the study is no role of the authors
        r"|(?:(?:trial\s+)?steering\s+)?(?<!review\s)(?<!ethics\s)(?<!ethical\s)committees?"
        r"|(?<!review\s)(?<!ethics\s)(?<!ethical\s)boards?(?:\s+members?)?|(?:global\s+)?head\s+of"
        # "an officer for X", "the team leader of X at Y", "on the COPE council" (not a Research Council)
        r"|officers?(?=\s+(?:of|for|at)\b)|leader(?=\s+(?:of|at)\b)|(?-i:council)|governors?(?=\s+(?:of|at|for)\b)"
        # "employment with, equity ownership in, and leadership for X"; "a leadership role in X"
        r"|(?-i:leadership)(?:\s+(?:roles?|positions?))?(?=\s+(?:in|for|at|with|of)\b)",
    ),
    (
        "employment",
        r"(?<!\bfor\s)(?:full[-\s]time\s+|part[-\s]time\s+|former\s+)?employ(?:ees?|ed|ment)"
        r"|works?\s+(?:for|at)|working,\s+or\s+(?:are|is|were|was)\s+working,?\s+for|works?\s+in(?=\s+(?-i:[A-Z]))|working\s+(?:for|at)|staff\s+(?:members?|scientists?)|staff(?=\s+(?:of|at)\s)|salary(?=\s+(?:from|and)\b|\s*[,;.)])"
        r"|(?:paid\s+)?(?:summer\s+)?intern(?:ships?|s)?(?=\s+(?:with|at)\b)"
        # "has since been hired at/by X", "joined X as an employee"
        r"|hired\s+(?:at|by)(?=\s+(?:the\s+)?(?-i:[A-Z]))"
        # "holds a part-time position at Roche", "work as radiologists for Virtual Radiologic"
        r"|(?:(?:full|part)[-\s]time\s+)?positions?\s+(?:at|with)(?=\s+(?:the\s+)?(?-i:[A-Z]))"
        # "has a research appointment with X", "holds a part-time appointment at X"
        r"|(?:(?:full|part)[-\s]time\s+)?appointments?\s+(?:at|with)(?=\s+(?:the\s+)?(?-i:[A-Z]))"
        r"|(?:(?:senior|principal|staff|research|chief)\s+)?scientists?\s+(?:at|with)(?=\s+(?:the\s+)?(?-i:[A-Z]))"
        r"|work(?:s|ed)?\s+as\s+(?:an?\s+)?(?!consult|advis|speak|lectur|director|chair|member|board|invest)[a-z-]+s?"
        r"\s+(?:for|at)(?=\s+(?:the\s+)?(?-i:[A-Z]))",
    ),
    (
        "stock",
        r"stock\s*options?|stock-?holders?|share-?holders?|share-?holdings?|(?:stock\s+)?option[\s-]?holders?|(?:stocks?|shares|(?<!health\s)(?<!social\s)(?<!racial\s)(?<!gender\s)equity)(?:\s+(?:options?"
        r"|interests?|holdings?|stakes?))?|ownership(?:\s+interests?|\s+stakes?)?|owners?|owns"
        r"|significant\s+financial\s+interests?|financial\s+interests?(?=\s+(?:in|with)\b)"
        r"|(?:partial|part|co|joint)-?owners?"
        r"|(?:significant\s+)?(?:financial|equity|ownership)\s+stakes?|investors?(?=\s+in\b)"
        # "options granted for service on the Scientific Advisory Board of X", "received options in X"
        r"|options(?=\s+(?:granted|in)\b)",
    ),
    (
        "consulting",
        r"personal\s+fe(?:e|s)s|consult(?:ants?|ancy|ancies|ations?|ing|ed|s)?(?:\s+(?:fees?|relationships?|agreements?"
        r"|work|services|honorari(?:a|ums?)|roles?))?|(?<!through\sa\s)(?<!research\s)contracts?\s+with"
        # ICMJE "has received fees from X": fees that do not say what for are consulting, as personal fees are
        r"|fees(?=\s+from\b)",
    ),
    (
        "lectures",
        r"speakers?(?:['\u2019]s?)?\s*(?:bureaus?|fees?|honorari(?:a|ums?))|speakers?(?=\s+(?:for|at|to|and|or)\b|\s*,\s*or\b|\s*[:/])|lectur(?:e|es|ing|er|ers)"
        r"(?:\s+(?:fees?|honorari(?:a|ums?)))?|honou?rari(?:a|ums?)|honori(?:a|um)|speaking\s+(?:fees?|engagements?)"
        # "research, speaking and/or consulting support from X": one of the kinds the support was
        r"|(?<=,\s)speaking(?=\s+(?:and/or|and|or)\s+[\w-]+\s+(?:support|fees|income)\b)"
        r"|(?:spoke|spoken|speak|talks?|presentations?)\s+at|paid\s+speaker|presentation\s+(?:fees?|honorari(?:a|ums?))"
        r"|educational\s+(?:events?|meetings?|symposi(?:a|um)|materials?|activities|courses?)"
        r"|fees\s+for\s+(?:providing\s+)?(?:instruction|teaching|speaking)"
        r"|(?:payments?|fees)\s+for\s+(?:medical\s+)?education(?!al)",
    ),
    ("expert_testimony", r"expert\s+(?:witness|testimony)|testif(?:y|ied|ies)"),
    (
        "travel",
        r"travel(?:l?ing)?(?:\s+(?:support|grants?|expenses|costs|funds|funding|fees|reimbursements?))?"
        r"|accommodations?(?:\s+(?:funding|support|costs|expenses|funds))?"
        r"|(?:meeting|congress|conference)\s+(?:attendance|expenses|registration|support|fees?|costs)"
        r"|expenses(?=\s+from\b)"  # "speaker honoraria and expenses from Teva"
        # "has been reimbursed by Pfizer for attending a conference"
        r"|reimbursed(?=\s+by\s[^.;]{1,60}?\bfor\s+(?:attending|travel|conferences?|meetings?|congress))"
        # the ICMJE form's "support for attending meetings and/or travel"
        r"|(?:(?:financial\s+)?support|funding|payments?|reimbursements?|fees|invitations?)\s+(?:for\s+|to\s+)?"
        r"attend(?:ing|ance\s+at)?\s+(?:an?\s+|the\s+)?(?:(?:scientific|medical|educational|international)\s+)?"
        r"(?:meetings?|congress(?:es)?|conferences?|symposi(?:a|um)|workshops?)",
    ),
    ("gifts", r"non-?financial\s+(?:support|assistance)"),
    ("other", r"other(?=\s+(?:from|for)\s+(?-i:[A-Z]))"),
    (
        "grants",
        r"(?:unrestricted\s+)?(?:research[-\s]+|educational\s+|investigator[-\s]initiated\s+)?grants?"
        r"(?!\s+(?:number|no\b|#|awarding|giving|making))|(?:unrestricted\s+)?(?:research\s+|financial\s+|federal\s+)?funding|funds|funded"
        # "reports the receipt of Health and Medical Research Fund, ...": a funder named right after
        r"|(?<=the\s)receipt\s+of(?=\s+(?-i:[A-Z]))"
        # "has received contracts from X": contracts are grants unless they are for advice ("contract with")
        r"|(?<!consulting\s)(?<!consultancy\s)(?<!under\s)contracts?(?=\s+from\b)"
        r"|sponsored\s+research(?:\s+(?:agreements?|support|contracts?|funding))?"
        r"|research\s+support|(?:financial\s+)?support\s+(?:from|through)|(?:financial\s+)?support\s+of(?=\s+(?:the\s+)?(?-i:[A-Z]))|financial\s+support(?=\s+(?:was|were)\s+provided\s+by\b)|supported\s+(?:in\s+part\s+|partly\s+|partially\s+)?by|subcontracts?"
        # not a name's words: "the University of Oxford's Clinical Trials policy"
        r"|(?<!'s\s)(?<!\u2019s\s)clinical\s+(?:trials?|studies)|(?-i:[Tt]rial)\s+support(?=\s*:)|research\s+contracts?|fellowships?|scholarships?|studentships?"
        # payments a body received for the work its authors do there ("X, which received payments from Y")
        r"|(?:(?<=\bwhich\sreceived\s)|(?<=\bthat\sreceived\s)|(?<=\bwhich\shas\sreceived\s))payments?(?=\s+from\b)"
        # an award that pays for a career or research is a grant ("supported by a career award from X")
        # (a capitalised one after a name is the award's name: "Hamilton Health Sciences Early Career Award")
        r"|(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s)|(?-i:(?=[a-z])))"
        r"(?:career|research|investigator|training)\s+(?:development\s+)?awards?"
        # "investigators for the X program", "performs contract research on behalf of X", "conducted
        # post-marketing studies for X": trials done for a company
        r"|investigators?(?=\s+(?:for|on|in)\s+(?:the\s+)?(?-i:[A-Z]))|contract(?:ed)?\s+research(?:\s+trials?)?"
        r"|conduct(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,2}?(?:studies|trials)(?=\s+(?:for|with|on\s+behalf)\b)",
    ),
    (
        "gifts",
        r"gifts?|(?:free|donated|in-kind)\s+(?:equipment|materials?|reagents?|drugs?|samples?)"
        # "material support" but not "Administrative, technical, or material support: AB", a heading of contributions
        r"|in-kind\s+(?:research\s+)?(?:support|contributions?)|material\s+support(?!\s*:)"
        r"|(?:receipt\s+of\s+)?study\s+(?:medications?|drugs?|materials?|supplies)|(?:research\s+)?reagents?(?=\s+(?:from|by)\b)"
        r"|(?:equipment|materials?|reagents?|drugs?|samples?|devices?|kits?)\s+(?:were\s+|was\s+)?(?:provided"
        r"|donated|supplied|loaned)|(?:medical|manuscript)\s+writing|writing\s+(?:assistance|support)",
    ),
    # The same ties in German, French, Spanish, Portuguese and Italian statements.
    (
        "lectures",
        r"vortragshonorare?|vortragst[\u00e4a]tigkeit(?:en)?|honorare|honoraires|honorarios|honor[\u00e1a]rios|onorari"
        r"|palestras?",
    ),
    (
        "consulting",
        r"berater(?:in|honorare?|vertr[\u00e4a]ge?|t[\u00e4a]tigkeit(?:en)?)?|beratungshonorare?|consultor(?:a|es|as)?"
        r"|consultor[\u00eda]a|consulenz[ae]",
    ),
    (
        "grants",
        r"forschungsf[\u00f6o]rderung(?:en)?|forschungsgelder|drittmittel|subventions?|subvenci(?:[\u00f3o]n|ones)"
        r"|financiamentos?|financements?|becas?|bolsas?",
    ),
    (
        "travel",
        r"reisekosten(?:erstattung(?:en)?)?|frais\s+de\s+(?:voyage|d[\u00e9e]placement)|gastos\s+de\s+viaje|viagens?",
    ),
    ("stock", r"aktien|aktion[\u00e4a]r(?:in|e)?|actionnaire|accionista|acionista|azionista"),
    (
        "employment",
        r"angestellte?r?|mitarbeiter(?:in)?|salari[\u00e9e]e?|emplead[oa]s?|funcion[\u00e1a]ri[oa]|employ[\u00e9e]e?s?(?=\s+(?:de|par|chez)\b)",
    ),
    (
        "advisory_board",
        r"beirat|wissenschaftlichen\s+beirat|conseil\s+scientifique|consejo\s+asesor|comit[\u00e9e]\s+consultivo",
    ),
    # "The handling Editor declared a shared affiliation with one of the authors YS": a tie of that author
    (
        "other_shared",
        r"shared\s+(?:institutional\s+)?affiliation|(?:past|previous|recent)\s+co-?authorships?"
        r"|(?:past|previous|recent|ongoing|current)\s+collaborations?",
    ),
    # not "MS's lab is supported by X", "her lab": the lab there is whose the money is
    (
        "other_lab",
        r"(?:associated|affiliated)\s+lab(?:orator(?:y|ies)|s)?"
        r"|(?<!'s\s)(?<!\u2019s\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bmy\s)(?-i:labs?)",
    ),
    (
        "other_rel",
        r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s))(?:related|married)\s+to|(?:spouse|wife|husband|son|daughter"
        r"|brother|sister|relative|family\s+member)\s+of",
    ),
    # money that does not say what for, like personal fees ("received compensation from X", "payments from Y")
    # "receives compensations for biobank services from X"
    (
        "consulting",
        r"(?<!royalty\s)(?<!consulting\s)(?:payments?|compensations?|remuneration)"
        r"(?=\s+(?:for\s+(?!advis|lectur|speak|consult|board|talk|teach|educat|travel)(?:[a-z-]+\s+){1,3})?from\b)",
    ),
    (
        "other",
        r"affiliated\s+with|meals?|awards?\s+(?:from|by)"
        # "have uncompensated relationship with 123 Genetix", "have corporate affiliations to Progenabiome"
        r"|(?:uncompensated|unpaid|business|commercial|corporate)\s+(?:relationships?|affiliations?)\s+(?:with|to)"
        r"(?=\s+(?:the\s+)?(?-i:[A-Z0-9]))"
        r"|conflicts?\s+of\s+interests?\s+(?:in\s+respect\s+to|with|regarding|relating\s+to)(?=\s+(?-i:[A-Z]))",
    ),
    # "a member of the EuroQol Group"; "a member of the advisory board of X" is the board's tie alone
    ("other_member", r"(?:affiliated\s+)?(?<!family\s)members?\s+of(?=\s+(?:the\s+)?(?-i:[A-Z]|[a-z][A-Z])(?!\w*\d))"),
]

_ALTERNATIVES: Final = [rf"(?P<g{i}>\b(?:{pat})\b)" for i, (_, pat) in enumerate(_GRAMMAR)]
TRIGGER_RE: Final = re.compile("|".join(_ALTERNATIVES), re.IGNORECASE)
# The same alternation split by first two letters: a word tries only the phrases that can start with it.
TRIGGER_DISPATCH: Final = PrefixDispatch(_ALTERNATIVES, re.IGNORECASE)
_GROUP_CATEGORY: Final = {f"g{i}": cat for i, (cat, _) in enumerate(_GRAMMAR)}
# First words a relation phrase can start with (their first four letters): the big regex is only tried
# at those tokens, which keeps the parser fast on long texts.
_FIRST_WORDS: Final = """
patent technology licence license licencing licensing royalty royalties benefit benefits financial funding
funds fund funded support supported sponsorship owner owners owns co-inventor coinventor inventor provisional
intellectual invented co-founder cofounder founder founded co-founded advisory advisery data dsmb scientific
science medical clinical strategic business technical external industry industrial international global ethics
expert executive adviser advisor board boards editorial senior reviewing deputy associate academic section
guest handling monitoring consulting editor chief co-chief ceo cso cto cmo cfo coo vp vice president chair director
trustee treasurer secretary hired invitation convenor trial ad safety co-editor coeditor working steering committee
uncompensated unpaid business commercial corporate
head full part
former employee employed employment works staff position positions appointment appointments work worked reimbursed
scientist scientists
principal
stock stockholder shareholder shareholding stocks shares equity ownership significant consultant consultancy consulted
consults contract contracts personal speaker speakers lecture lecturing lecturer honoraria honorarium speaking
spoke spoken speak talk talks presentation presentations paid educational testify testified testifies travel
travelling traveling accommodation meeting congress conference research unrestricted investigator grant grants
federal subcontract subcontracts clinical fellowship fellowships scholarship scholarships gift salary option
receipt study copyright non-financial nonfinancial other gifts free donated in-kind equipment material
materials reagent reagents drug drugs sample samples device devices writing manuscript kit kits
associated affiliated member
members lab labs related married spouse wife husband son daughter brother sister relative family meal meals
award awards fees conflict conflicts partial part co-owner co-owners joint expenses reagent reagents shared
past previous recent ongoing current vortragshonorare vortragstätigkeit honorare honoraires honorarios
honorários onorari palestras berater beratungshonorare consultor consultoría consulenza forschungsförderung
forschungsgelder drittmittel subventions subvención financiamento financement becas bolsas reisekosten frais
gastos viagens aktien aktionär actionnaire accionista acionista azionista angestellt angestellte mitarbeiter
salarié empleado empleada funcionário funcionária employé beirat wissenschaftlichen conseil consejo comité
studentship conduct
conducted conducts conducting honoria honorium investor investors officer officers leader council intern interns
internship internships summer career training sab sabs governor governors
payment payments compensation remuneration
"""
TRIGGER_KEYS: Final = frozenset(k for w in _FIRST_WORDS.split() for k in (w[:4], (w + ".")[:4]))

# A heading's last words and its colon with nothing after them ("Funding source:" at the end).
EMPTY_HEADING_RE: Final = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*:\s*$")


def _ends_footnote(text: str, end: int) -> bool:
    """Whether nothing but a footnote separator follows `end`."""
    rest = text[end : end + 200]
    return not rest.split("||", 1)[0].strip()


NEGATED_ROLE_RE: Final = re.compile(r"\b(?:not|never)\s+(?:an?\s+)?[\w-]+$", re.IGNORECASE)
NEGATION_RE: Final = re.compile(r"\b(?:not|no(?!\.)|neither|nor|never|without|none)\b", re.IGNORECASE)
CLAUSE_BREAK_RE: Final = re.compile(r"[;,]|\bbut\b|\bhowever\b", re.IGNORECASE)
NEGATED_SENTENCE_RE: Final = re.compile(r"\s*(?:neither|none\s+of|no\s+(?:other\s+)?(?:authors?|one))\b", re.I)
BOILERPLATE_RE: Final = re.compile(
    # "adherence to PLOS ONE policies", not "in adherence to the University's rules" beside a tie
    r"does\s+not\s+alter|adherence\s+to\s+(?:all\s+)?(?:the\s+)?(?:PLOS|[\w\s]{0,30}?polic)"
    r"|products\s+in\s+development|marketed\s+products"
    # "The funders had no role in ...", "Conflicts that the editors consider relevant ... have been disclosed"
    r"|\b(?:funders?|sponsors?|funding\s+(?:sponsors?|sources?|bod(?:y|ies)|agenc(?:y|ies)))\s+(?:had|have|has|played)\s+no\s+role"
    r"|editors\s+consider\s+relevant"
    # "The Journal policy requires editors and reviewers to disclose conflicts of interest ...": the journal's rule
    r"|\bpolicy\s+requires\s+(?:its\s+|the\s+)?editors\b"
    # thanks to people who helped: "The authors thank the many people who have ... supported ... funding"
    r"|\b(?:authors|we)\s+(?:would\s+like\s+to\s+|wish\s+to\s+)?thank\s+(?:the\s+|all\s+)?(?:many\s+)?"
    r"(?:people|colleagues|participants|patients|reviewers|volunteers|staff|anonymous)\b"
    r"|(?:competing\s+)?interests\s+are\s+listed\s+at|editors?_interests"
    # "views expressed in this paper are their own and not necessarily shared with the organisations ..."
    r"|\bviews\s+expressed\b[^.]{0,60}?\b(?:are|is)\s+(?:their|his|her|our|the\s+authors'?)\s+own\b"
    # "All authors have completed and submitted the International Committee of Medical Journal Editors form for
    # disclosure of potential conflicts of interest": the form, not a committee role
    r"|\b(?:ICMJE|Medical\s+Journal\s+Editors)(?:\s+(?:uniform|disclosure))*\s+forms?\s+for\s+(?:the\s+)?disclosure\b"
    # "All authors who are members of The Japan Neurosurgical Society have registered online Self-reported COI
    # disclosure statement forms": a society's disclosure form, not a tie to the society
    r"|\bregistered\s+(?:online\s+)?(?:[\w-]+\s+){0,2}?COI\s+disclosure\s+(?:statement\s+)?forms?\b",
    re.IGNORECASE,
)
# The same for a search: a look-ahead for the letters its matches start with turns most characters away first.
BOILERPLATE_SEARCH_RE: Final = with_first_letters(BOILERPLATE_RE)
MS_CONTEXT_RE: Final = re.compile(
    r"\b(?:for|of|in|on|to)\s+(?:this|the\s+present|the\s+current|the\s+submitted)\s+(?:work|research|study|effort|article"
    r"|manuscript|project|paper|analysis)\b"
    r"|\b(?:this|the)\s+work\s+(?:is|was)\s+(?:reported|described|presented)"
    # "The PROVE-HF study was funded by X": a study's name may stand before "study"
    r"|\b(?:this|the\s+present|the\s+current|the)\s+(?:(?-i:[A-Z][\w\-]*)\s+)?(?:work|research|study|trial|effort"
    r"|article|manuscript|project|paper)\s+(?:was|is|has\s+been|were)\s+(?:\w+\s+){0,2}?"
    r"(?:funded|supported|sponsored|financed)"
    # "This research received support from X": the work's own funding
    r"|\b(?:this|the\s+present|the\s+current)\s+(?:work|research|study|project)\s+(?:has\s+)?receive[ds]?\s+"
    r"(?:\w+\s+){0,2}?(?:support|funding|grants?)\b",
    re.IGNORECASE,
)
MS_CONTEXT_SEARCH_RE: Final = with_first_letters(MS_CONTEXT_RE)
SENTENCE_END_RE: Final = re.compile(r"\.\s+[A-Z]|\s\|\|\s")
MONEY: Final = frozenset({"manuscript_support", "grants", "royalties", "consulting", "lectures", "travel", "gifts"})


@dataclass(slots=True, init=False)
class Trigger:
    """A relation phrase found in a sentence; `kind` is the category or a special kind (other_lab...)."""

    kind: str
    start: int
    end: int
    text: str

    # __init__ written out: the one dataclass writes runs as Python even where mypyc compiles the class
    def __init__(self, kind: str, start: int, end: int, text: str) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text

    @property
    def category(self) -> str:
        return "other" if self.kind.startswith("other") else self.kind


# A capitalised relation word between a capitalised word and a company's head word is part of its name.
NAME_TAIL_RE: Final = re.compile(
    r",?\s+(?-i:Services|Group|Partners|Associates|Company|Solutions|Ltd|Inc|LLC|GmbH|Limited|Corp|Corporation)\b"
)  # after the phrase, or as its last word ("Consultancy Services")


def find_triggers(text: str, toks: list[Tok], start: int, end: int) -> list[Trigger]:
    """Relation phrases among toks (one sentence), in order, without negated ones ("did not fund")."""
    found: list[Trigger] = []
    last = start
    patterns = _PATTERN_OF
    get = patterns.get
    unseen = _UNSEEN  # a local: compiled, a module's global is a dictionary look-up at each token
    # the common case, a word no relation phrase starts with, is left out before the loop
    for tok in [t for t in toks if get(t.low, unseen) is not None]:
        if tok.start < last:
            continue
        pattern = get(tok.low, unseen)
        if pattern is unseen:
            pattern = _pattern_for(tok.low)
        if pattern is None:
            continue  # a word first met in this sentence, and met twice
        m = pattern.match(text, tok.start, end)
        if m is None:
            continue
        at, last = m.span()
        if text[last : last + 1] in (",", ":") and NONE_AFTER_RE.match(text, last, max(end, last + 12)):
            # "Financial, none; Funding, none": a heading answered with nothing (the answer may stand after
            # the colon that ends the heading's sentence: "Conflicts of interest and funding: none declared")
            continue
        if text.find(":", last, end) >= 0 and EMPTY_HEADING_RE.match(text, last, end) and _ends_footnote(text, end):
            continue  # "Funding source:" left empty at the end of the statement
        if text.startswith(" no ", last) and text[last + 4 : last + 5].isalpha():
            continue  # "owns no stock", "received no payment": the tie is denied
        if DENIED_AFTER_RE.match(text, last, end):
            continue  # "His consultancy did not influence the design": a tie named before, not a new one
        if REFERRED_AFTER_RE.match(text, last, end):
            continue  # "except for the funding acknowledged": the funding section says whose it is
        if (
            text[at].isupper()
            and _GROUP_CATEGORY[m.lastgroup or ""] == "consulting"
            and (NAME_TAIL_RE.match(text, last, end) or NAME_TAIL_RE.search(m.group()))
            and NAME_BEFORE_RE.search(text, start, at)
        ):
            continue  # "Tata Consultancy Services", "Pacific Consulting Group": a word of a company's name
        if not _negated(text, start, at):
            found.append(Trigger(_GROUP_CATEGORY[m.lastgroup or ""], at, last, m.group()))
    if found and "ember" in text[start:end]:
        found = member_of_bodies(found, text, end)
    if found and "(" in text[start:end]:
        found = _not_examples(found, text, start, end)
    found = _suppress(_said_what_for(found, text), text, start)
    _conduct_of_study(found, text, start, end)
    _paid_for_the_event(found, text)
    return found


EVENT_KINDS: Final = frozenset({"lectures", "travel", "gifts"})
FUNDED_RE: Final = re.compile(r"(?:funded|sponsored|supported|paid)(?:\s+by)?$", re.IGNORECASE)


def _paid_for_the_event(found: list[Trigger], text: str) -> None:
    """ "a speaker in educational activities funded by Merck": who paid for the event is who paid the speaker,
    one tie of the event's kind, not a grant besides."""
    for k in range(1, len(found)):
        prev, trig = found[k - 1], found[k]
        if (
            trig.kind == "grants"
            and prev.kind in EVENT_KINDS
            and not text[prev.end : trig.start].strip()
            and FUNDED_RE.match(trig.text)
        ):
            trig.kind = prev.kind


# "Any other conflict of interest (ie, personal associations or involvement as a director, officer, or expert
# witness) is disclosed": ties named in a bracket of examples are kinds of tie, nobody's tie.
EXAMPLES_BRACKET_RE: Final = re.compile(
    r"\(\s*(?:e\.?\s?g\.?|i\.?\s?e\.?|such\s+as|for\s+(?:example|instance))[\s,:]", re.IGNORECASE
)


def _not_examples(found: list[Trigger], text: str, start: int, end: int) -> list[Trigger]:
    for m in EXAMPLES_BRACKET_RE.finditer(text, start, end):
        close = text.find(")", m.end(), end)
        close = end if close < 0 else close
        found = [t for t in found if not m.start() < t.start < close]
    return found


DENIED_AFTER_RE: Final = re.compile(r"\s+(?:(?:did|does|do|has|had|have)\s+(?:not|no)|in\s+no\s+way)\b")
# "except for the funding acknowledged", "the support described above": a tie told elsewhere, named by no one here
REFERRED_AFTER_RE: Final = re.compile(r"\s+(?:acknowledged|described|mentioned|listed|detailed)\b(?!\s+(?:by|from)\b)")
NONE_AFTER_RE: Final = re.compile(r"[,:]\s*(?:none|nil|no|n/a)\b(?!\s+(?:of|other)\b)", re.IGNORECASE)
_UNSEEN: Final = object()
# The alternation to try at a word, by the word (lower case); None where no relation phrase can start.
# The same few hundred words come back in every statement, so each is looked up once.
_PATTERN_OF: Final[dict[str, Any]] = {}  # a pattern, None, or _UNSEEN in look-ups


def _pattern_for(low: str) -> re.Pattern[str] | None:
    pattern = TRIGGER_DISPATCH.pattern_for_word(low) if low[:4] in TRIGGER_KEYS else None
    if len(_PATTERN_OF) < 20000:
        _PATTERN_OF[low] = pattern
    return pattern


# ICMJE wording: ties named before "during the conduct of the study" supported the present work.
CONDUCT_RE: Final = re.compile(r"\bduring\s+the\s+conduct\s+of\s+the\s+(?:study|trial|work|research|project)\b", re.I)
CLAUSE_END_RE: Final = re.compile(r";|\boutside\s+(?:of\s+)?the\s+submitted\s+work\b|\bconduct\s+of\s+the\s+\w+", re.I)


def _conduct_of_study(found: list[Trigger], text: str, start: int, end: int) -> None:
    """Money ties in the stretch that ends with "during the conduct of the study" become support for this work."""
    if "conduct" not in text[start:end]:
        return
    for m in CONDUCT_RE.finditer(text, start, end):
        begin = start
        for b in CLAUSE_END_RE.finditer(text, start, m.start()):
            begin = b.end()
        for t in found:
            if begin <= t.start < m.start() and t.kind in MONEY:
                t.kind = "manuscript_support"


FUNDING_FOR_RE: Final = re.compile(r"(?:financial\s+)?(?:funding|support|funds)\s+for\s+", re.IGNORECASE)
GENERIC_FEES_RE: Final = re.compile(
    r"personal\s+fees|honorari(?:a|ums?)|honori(?:a|um)|payments?|compensation|remuneration", re.IGNORECASE
)
WHAT_FOR_RE: Final = re.compile(
    r"\s*(?:/\s*[\w-]+\s+)?(?:from\s+[^,;()]{1,60}?\s+)?\(?\s*(?:for|as)\b(?:\s+(?:a|an|the|my|his|her|their|participation\s+in|serving\s+on"
    r"|serving\s+as|member\s+of|membership\s+(?:of|in)))*\s*$"
    # "honoraria from serving on the scientific advisory board of X"
    r"|\s*from\s+(?:serving|participati(?:ng|on))\s+(?:on|in|as)(?:\s+(?:a|an|the|his|her|their))?\s*$",
    re.IGNORECASE,
)


def _said_what_for(found: list[Trigger], text: str) -> list[Trigger]:
    """ "personal fees for lectures", "honoraria for advisory boards", "personal fees (as a member of the
    scientific advisory board)": the fees are paid for the second tie, so only it counts."""
    if len(found) < 2:
        return found
    out = []
    for i, t in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and GENERIC_FEES_RE.fullmatch(t.text) and WHAT_FOR_RE.fullmatch(text, t.end, nxt.start):
            continue
        if (
            nxt is not None
            and nxt.kind in EVENT_KINDS
            and t.kind == "grants"
            and FUNDING_FOR_RE.fullmatch(text, t.start, nxt.start)
        ):
            continue  # "funding for travel", "support for attending meetings": the second says what it paid
        out.append(t)
    return out


def _negated(text: str, s_start: int, pos: int) -> bool:
    window = text[max(s_start, pos - 40) : pos]
    low = window.lower()
    if "no" not in low and "ne" not in low and "out" not in low:
        return False  # every negation word holds one of these ("not", "neither", "without")
    breaks = list(CLAUSE_BREAK_RE.finditer(window))
    if breaks:
        last = breaks[-1]
        if (
            last.group() == ","
            and len(window[last.end() :].split()) <= 2
            and NEGATED_ROLE_RE.search(window, 0, last.start())
        ):
            return True  # "is not an employee, stock- or shareholder of": the list goes on negated
        window = window[last.end() :]
    return bool(NEGATION_RE.search(window))


def _suppress(found: list[Trigger], text: str, start: int) -> list[Trigger]:
    """Drop triggers that a neighbouring phrase explains away."""
    if not found:
        return found
    out: list[Trigger] = []
    relation = False
    has_ms = "manuscript_support" in [t.kind for t in found]
    ms_context = None  # looked up once, and only for a sentence that names grants
    for t in found:
        if relation and not new_predicate(text, out[-1].end, t.start):
            continue  # "is related to a PLOS One editor": the editor is the relative, not a role
        if has_ms and t.kind == "grants":
            continue  # "funding for this effort came ... through commercial funding by X"
        if out and t.kind == "patents" and out[-1].kind == "royalties" and _no_break(text, out[-1].end, t.start):
            continue  # "royalties from commercialization of patent applications": the patent is the source
        if _inside_name(text, t):
            continue  # "State Support Committee of Cotton Incorporated" is a name, not a role
        if t.kind == "leadership" and APPROVED_BY_RE.search(text, max(start, t.start - 90), t.start):
            continue  # "approved by the Institute of Animal Care and Use Committee at X": it approved the study
        if out and names_the_body(text, out[-1], t):
            continue  # "Chair of the Committee for Strategic Coordination": the committee's name
        if (
            out
            and t.kind in ("leadership", "advisory_board")
            and t.text[0].isupper()
            and out[-1].kind in MONEY
            and in_money_list(text, out[-1], t)
        ):
            continue  # "grants from the NIHR, the Evidence Synthesis Working Group and the WHO"
        if t.kind == "grants" and ms_context is None:
            ms_context = _about_this_work(text, start, _sentence_end(text, found[-1].end))
        if t.kind == "grants" and ms_context:
            # "received funds ..., and some of this work is reported in this article"
            t.kind = "manuscript_support"
        relation = t.kind == "other_rel"
        out.append(t)
    return out


UNRELATED_RE: Final = re.compile(
    r"\b(?:unrelated|not\s+(?:\w+\s+)?related|none\s+of\s+which|outside(?:\s+of)?|independent(?:ly)?\s+of"
    r"|not\s+(?:\w+\s+)?(?:connected|linked))\b[^.;]{0,40}$",
    re.IGNORECASE,
)


# A sentence that opens with the funding itself speaks of the work's funding ("Part of the funding was
# provided by X"); so does money for the article's publication ("X funded the open access publication charge").
# Openings of a sentence about the work's own funding, which names no author's tie: "Funding: the DFG",
# "The A and B trials were supported by X", "Investigators received support from X" (the parser reads
# them with no author too).
WORK_FUNDING_OPENINGS: Final = (
    r"(?:funding|financial\s+support|sources?\s+of\s+funding)(?:\s+sources?)?\s*:"
    r"|the\s+(?:[\w-]+\s+){1,3}(?:trials|studies)\s+(?:were|are|have\s+been)\s+(?:\w+\s+)?"
    r"(?:funded|supported|sponsored|financed)\b"
    r"|(?:the\s+)?investigators\s+(?:received|receive|were|are)\s+(?:\w+\s+)?(?:support|funding|funded|supported)\b"
    # "The overall project is performed with the support of X", "The support of X was restricted to ..."
    r"|(?:the\s+)?(?:\w+\s+)?(?:project|study|research|work)\s+(?:is|was|has\s+been)\s+(?:performed|conducted"
    r"|carried\s+out)\s+with\s+(?:the\s+)?(?:financial\s+)?support\b|the\s+(?:financial\s+)?support\s+of\b"
)
STUDY_FUNDING_RE: Final = re.compile(
    r"\s*(?:(?:part|some|all)\s+of\s+)?(?:the\s+)?(?:funding|financial\s+support)\s+(?:was|were|is|has\s+been)"
    rf"\s+(?:\w+\s+)?(?:provided|received|obtained)\b|\W*(?:{WORK_FUNDING_OPENINGS})",
    re.IGNORECASE,
)
PUBLICATION_FEE_RE: Final = re.compile(
    r"\bthe\s+(?:open[-\s]access\s+(?:publication\s+)?|publication\s+|article[-\s]processing\s+)(?:charges?|fees?|costs?)\b",
    re.IGNORECASE,
)


def _about_this_work(text: str, start: int, end: int) -> bool:
    """Whether the sentence says its money is for the present work, not "unrelated to the present work"
    or "none of which are related to the content of this manuscript"."""
    if STUDY_FUNDING_RE.match(text, start, end) or PUBLICATION_FEE_RE.search(text, start, end):
        return True
    for m in MS_CONTEXT_SEARCH_RE.finditer(text, start, end):
        if not UNRELATED_RE.search(text, max(start, m.start() - 60), m.start()):
            return True
    return False


# A body's head word right after capitalised relation words: they are the body's name.
BODY_AFTER_RE: Final = re.compile(
    r"\s+(?:Council|Foundation|Fund|Agency|Unit|Office|Scheme|Network|Programme|Program)\b"
)
NAME_AFTER_RE: Final = re.compile(r"\s+(?:(?:of|for|on)\s+(?:the\s+)?)?[A-Z]")
NAME_BEFORE_RE: Final = re.compile(r"[A-Z][\w.&-]*\s+$")
APPROVED_BY_RE: Final = re.compile(
    r"\b(?:approved|reviewed|waived)\s+by\s+(?:the\s+)?(?:[\w&'-]+\s+){0,8}$", re.IGNORECASE
)
SERVES_ON_RE: Final = re.compile(
    r"\b(?:serves?|served|serving|sits?|sat|sitting)\s+on\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.&'-]*\s+){0,4}$", re.IGNORECASE
)
ROLE_ARTICLE_RE: Final = re.compile(r"\b(?:a|an|is|was|as|currently|also|now)\s+$", re.IGNORECASE)
# A body's head word and its "of/for": what follows, capitalised, is the rest of its name.
BODY_OF_RE: Final = re.compile(
    r"\b(?:Journal|Institute|Society|School|Office|Cent(?:er|re)|Department|Academy|College|Faculty|Association"
    r"|Division|Bureau|Agency|Laboratory|Unit|Program|Programme)\s+(?:of|for|on)\s+(?:the\s+)?$"
)
BODY_OF_SEARCH_RE: Final = with_first_letters(BODY_OF_RE)
NOT_NAME_WORDS: Final = words("the a an this that on in of for is as and or its his her their")
# Words that make a role a rank or kind of itself, never a body's name: "Senior Vice President".
ROLE_MODIFIERS: Final = words(
    "senior executive vice deputy associate assistant principal managing acting interim founding"
)
NOT_NAME_OR_ROLE: Final = NOT_NAME_WORDS | ROLE_MODIFIERS


def _inside_name(text: str, t: Trigger) -> bool:
    if not t.text[0].isupper():
        return False
    if t.kind in ("advisory_board", "leadership") and SERVES_ON_RE.search(text, max(0, t.start - 60), t.start):
        return False  # "serves on the Social Purposes Advisory Commission of Nutriset": a seat on that body
    if BODY_AFTER_RE.match(text, t.end):
        return True  # "Research Grants Council", "Clinical Trials Unit": the words name a body
    if text[max(0, t.start - 3) : t.start].strip() == "&":
        return True  # "Grand Challenge on Climate Change, Human Health, & Equity": a name's last word
    if " " not in t.text and ends_portfolio_name(text, t.start):
        return True  # "Ministry of Business, Innovation and Employment"
    if BODY_OF_SEARCH_RE.search(text, max(0, t.start - 30), t.start):
        return True  # "the Journal of Intellectual Property Law", "Center for Clinical Trials"
    before = NAME_BEFORE_RE.search(text, max(0, t.start - 40), t.start)
    if not before or before.group().split()[0].lower() in NOT_NAME_OR_ROLE:
        return False  # "Senior Vice President of X", "Executive Director of X": a title, capitalised
    if ROLE_ARTICLE_RE.search(text, max(0, before.start() - 11), before.start()):
        return False  # "an Academic Consultant for the King Abdulaziz University": a role, capitalised
    return bool(NAME_AFTER_RE.match(text, t.end))


def _sentence_end(text: str, pos: int) -> int:
    m = SENTENCE_END_RE.search(text, pos)
    return m.start() if m else len(text)


BREAK_RE: Final = re.compile(r"[;,]|\band\b")


def _no_break(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return len(gap) < 60 and not BREAK_RE.search(gap)


def is_boilerplate(text: str, start: int, end: int, low: str) -> bool:
    # A substring test first: the regex is only needed for the few sentences that could match.
    if not (
        "alter" in low
        or "adherence" in low
        or "products" in low
        or "listed" in low
        or "interests." in low
        or "no role" in low
        or "editors" in low
        or "views expressed" in low
        or "thank" in low
        or ("form" in low and "disclos" in low)
    ):
        return False
    return bool(BOILERPLATE_SEARCH_RE.search(text, start, end))


def sentence_negated(text: str, start: int, end: int) -> bool:
    return bool(NEGATED_SENTENCE_RE.match(text, start, end))
