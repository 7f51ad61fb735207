"""Sentences that declare nothing ("The other authors declare that no competing interests exist")."""

from __future__ import annotations

import re
from typing import Final

from .firstchars import with_first_letters
from .text import first_visible

NONE_RE: Final = re.compile(
    # "no personal, financial, or industrial conflicts": the words between may be a comma list
    r"\bno\b(?:[\s,]+[\w/-]+){0,4}?[\s,]+(?:competing|conflicting|conflicts?|financial|potential|relevant"
    r"|declared|disclosures?|interests?)\b"
    r"|\bnothing\s+to\s+(?:declare|disclose|report)\b"
    r"|\b(?:not|n['\u2019]t)\s+(?:have|has|had|report|declare|disclose|hold)\s+(?:any\s+|a\s+)?(?:other\s+|direct\s+)?"
    r"(?:competing|conflicts?|conflicting|financial|relevant|potential)\b"
    # "there are not conflicts of interest", "declare that not conflict of interest exist", "not any conflict"
    r"|\bnot\s+(?:any\s+)?(?:competing|conflicts?|conflicting)\b"
    r"|\bnone\s+(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?:declared|reported|disclosed|to\s+declare)\b"
    r"|\b(?:declares?|declared|reports?|reported|discloses?|disclosed)\s+none\b"  # "The author A.L. declares none."
    r"|\bwithout\s+any\s+(?:commercial|financial|competing|conflicts?)\b"
    r"|\breceived\s+no\s+(?:compensation|payments?|remuneration|honorari(?:a|um)|fees)\b"
    r"|\bnot\s+received\s+any\s+(?:[\w-]+\s+){0,3}?(?:funding|benefits?|payments?|compensation|support|honorari(?:a|um))\b"
    r"|\bden(?:y|ies|ied)\s+(?:any\s+)?(?:competing|conflicts?|conflicting|financial)\b"
    r"|\bthe\s+absence\s+of\s+(?:any\s+)?(?:commercial|financial|competing|conflicts?)\b"
    r"|\bno\s+(?:other\s+)?(?:affiliations?|relationships?|involvement)\s+(?:with|or)\b"
    # the ICMJE form's "declare: no support from any organisation for the submitted work"
    r"|\bno\s+support\s+from\s+any\s+organi[sz]ations?\b"
    # "has no commercial associations (eg, consultancies, stock ownership, ...) that might pose a conflict"
    r"|\bno\s+(?:other\s+)?(?:commercial|financial|industry|industrial)\s+(?:associations?|ties|relationships?"
    r"|involvements?|links?|connections?)\b"
    r"|\bnone\s+of\s+(?:the\s+(?:(?:other|remaining)\s+)?(?:co-?)?authors|them|us)\b|\bnone\s+(?:by|from|for)\s+(?:any|all)\s+of\s+the\s+authors\b"
    # The same shapes in other languages: "no tener ningún conflicto", "não haver conflito", "kein
    # Interessenkonflikt", "aucun conflit", "nessun conflitto", "geen belangenverstrengeling".
    r"|\b(?:no|não|nao|ningún|ningun|ninguno|nenhum|kein(?:e|en)?|aucun(?:e)?|nessun(?:o)?|geen|inga?)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:conflit\w*|conflict\w*|conflit\w*|interessenkonflikt\w*|belangen\w*|interessekonflikt\w*"
    r"|jäv|intressekonflikt\w*|conflito\w*|conflitt\w*)"
    r"|\bne\s+pas\s+avoir\s+de\s+(?:conflits?|liens)\b"
    # "dichiarano di non avere conflitti di interesse", "non sussistono conflitti"
    r"|\bnon\s+(?:avere|hanno|ha|sussistono|esistono|vi\s+sono|ci\s+sono)\s+(?:[\w-]+\s+){0,2}?conflitt\w*",
    re.IGNORECASE,
)
# NONE_RE for a search: a look-ahead for the letters its alternatives start with turns most characters away
# before the alternatives are tried there.
NONE_SEARCH_RE: Final = with_first_letters(NONE_RE)
# The stock eLife/PLOS footnote, recognised without tokenising it.
STOCK_NONE_RE: Final = re.compile(
    r"\s*(?:the\s+)?(?P<others>(?:all\s+)?(?:other|remaining)\s+)?(?P<who>authors?)\s+(?:have\s+)?"
    r"declared?s?\s+(?:that\s+)?(?:they\s+have\s+)?no\s+competing\s+interests?(?:\s+exists?)?\s*\.?\s*",
    re.IGNORECASE,
)
STOCK_FIRST: Final = frozenset("tTaAoOrR")
# A sentence that is only "None", "No", "There are none", "The authors have none to declare", "None relevant".
NONE_ONLY_RE: Final = re.compile(
    r"\W*(?:(?:there\s+(?:are|is|were)|(?:all\s+)?(?:the\s+)?authors?\s+(?:have|has))\s+)?(?:none|nil|no|not\s+applicable"
    r"|keine|aucun|ninguno|nenhum|nessuno)"
    r"(?:\s+(?:declared|disclosed|reported|relevant(?:\s+to\s+(?:this\s+|the\s+)?(?:article|manuscript|work|study))?"
    r"|to\s+(?:declare|disclose|report)))?\W*",
    re.I,
)
# "N. Qiao, None; M. Song, None": a name and "None" after a comma, the shape some journals print per author.
# "SK None. KL None.": the same without the comma, "None" capitalised after the initials; "AL - None." after a dash.
NAMED_NONE_RE: Final = re.compile(
    r"(?:(?:,|\s[\u2013\u2014-])\s*(?i:none|nil)|(?<=[A-Z.])\s+(?:None|NONE|Nil)|(?i:(?<=authors):\s*(?:none|nil)))\W*$"
)  # "Other authors: none." too
NO_OTHER_AUTHORS_RE: Final = re.compile(
    r"(?:no|none\s+of\s+the)\s+(?:other|remaining)\s+(?:co-?)?authors?\b",
    re.IGNORECASE,
)
# "No conflicts of interest were declared by MJG, JM, GDG": the authors follow the phrase.
DECLARED_BY_RE: Final = re.compile(
    r"[^.;]{0,60}?\b(?:were|was|have\s+been|has\s+been)\s+(?:declared|reported|disclosed)\s+by\s+(?=[A-Z])"
)
# "The other authors ...", and the same in the languages read: "Les autres auteurs", "Los demás autores",
# "Die übrigen Autoren", "Gli altri autori", "Os demais autores".
OTHERS_RE: Final = re.compile(
    r"\b(?:others?|remaining|rest\s+of\s+the|autres|dem[aá]s|demais|otros|restantes|[üu]brigen|anderen|altri|outros)\b",
    re.IGNORECASE,
)


def none_position(text: str, start: int, end: int, low: str) -> int | None:
    """Offset of the no-conflict phrase in the sentence, or None if it declares something else."""
    if "no" not in low and "n't" not in low and "n\u2019t" not in low:
        if "nil" in low or "den" in low or _has_hint(low):
            m = NONE_ONLY_RE.fullmatch(text, start, end) or NONE_SEARCH_RE.search(text, start, end)
            return m.start() if m else None
        return None  # "no", "not", "nothing", "none" all contain it
    if NONE_ONLY_RE.fullmatch(text, start, end):
        return start
    named = NAMED_NONE_RE.search(text, start, end) if _may_name_none(low) else None
    if named:
        return named.start() + 1
    if not _has_none_word(low) and not _has_hint(low):
        return None  # every NONE_RE alternative starts with one of these words
    m = NONE_SEARCH_RE.search(text, start, end)
    return m.start() if m else None


def _may_name_none(low: str) -> bool:
    """Whether the lower-cased sentence holds "none" or "nil", which NAMED_NONE_RE needs: a substring test
    spares its search of every sentence. Under IGNORECASE "i" also matches the dotless and the dotted capital I
    (U+0131, U+0130, whose lower case is "i" and a combining dot); no other letter of these words has a
    non-ASCII match."""
    return "none" in low or "nil" in low or "n\u0131l" in low or "ni\u0307l" in low


OTHER_NONE_HINTS: Final = (
    "n't",
    "n\u2019t",
    "absence",
    "konflikt",
    "confli",
    "ne pas",
    "without",
    "keine",  # "P. Roe: keine."
    "aucun",
    "nenhum",
)


def _has_hint(low: str) -> bool:
    for hint in OTHER_NONE_HINTS:  # noqa: SIM110 (a loop costs less than any() over a generator)
        if hint in low:
            return True
    return False


# The word "no", "not", "nothing" or "none" in lower case, not the start of another word ("Novartis"); a
# word character is what str.isalnum() takes and "_", as for \w. The pattern starts with "no", which the
# regex engine skips to, and asks after it what stands before ((?<!\w) at its start).
NONE_WORD_RE: Final = re.compile(r"no(?<!\wno)(?:|t|thing|ne)(?!\w)")


def _has_none_word(low: str) -> bool:
    """Whether the lower-cased sentence holds the word "no", "not", "nothing" or "none" (not "Novartis")."""
    return NONE_WORD_RE.search(low) is not None


def stock_none(text: str, start: int, end: int) -> str | None:
    """ "others", "authors" or "author" when the footnote is only the stock no-conflict sentence."""
    if first_visible(text, start, end) not in STOCK_FIRST:
        return None  # the sentence starts with "the", "all", "other", "remaining" or "author"
    m = STOCK_NONE_RE.fullmatch(text, start, end)
    if not m:
        return None
    return "others" if m.group("others") else m.group("who").lower()


# "None of the authors has ...", "No author has ...", "Neither author has ...": the sentence speaks of all
# the authors (or of the others, "None of the other authors ...").
NO_AUTHOR_RE: Final = re.compile(
    r"\s*(?:none\s+of\s+(?:the\s+|us\b|them\b)?|no\s+|neither\s+(?:of\s+the\s+)?)(?P<others>(?:other|remaining)\s+)?"
    r"(?:(?:contributing|listed|named|participating)\s+)?(?:co-?)?(?:authors?\b|(?<=us)|(?<=them)|(?:investigators?"
    r"|contributors?)\b)",
    re.IGNORECASE,
)


def no_author_scope(text: str, start: int, end: int) -> str | None:
    """ "all" or "others" for a sentence that starts by saying no author has something, else None."""
    m = NO_AUTHOR_RE.match(text, start, end)
    if not m:
        return None
    return "others" if m.group("others") else "all"


# The ICMJE form's closing words, said by all the authors ("All authors ... declare: X; no other relationships
# or activities that could appear to have influenced the submitted work").
ICMJE_CLOSING_RE: Final = re.compile(r"no\s+other\s+relationships\s+or\s+activities\b", re.IGNORECASE)


def icmje_closing(text: str, pos: int) -> bool:
    return bool(ICMJE_CLOSING_RE.match(text, pos))


def says_others(text: str, start: int, pos: int) -> bool:
    """ "The other/remaining authors ...", "All other authors ..." before the no-conflict phrase."""
    # "No other authors report ..." names them after its "No"
    return bool(OTHERS_RE.search(text, start, pos) or NO_OTHER_AUTHORS_RE.match(text, pos))


# "No other interests are declared", "There are no other conflicts to disclose": with no subject, the
# sentence speaks for every author the statement has not named with a tie.
NO_OTHER_RE: Final = re.compile(
    r"(?:no|none)\s+(?:other|further|additional)\b|nothing\s+(?:else|further)\b", re.IGNORECASE
)


def no_other(text: str, pos: int) -> bool:
    return bool(NO_OTHER_RE.match(text, pos))
