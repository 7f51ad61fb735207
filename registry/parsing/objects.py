"""Where a relation phrase finds its object when the words after it do not name one: a source named
before it, a company named earlier in the sentence, a board that says what a membership is."""

from __future__ import annotations

import re
from typing import Final

from .categories import Trigger
from .lists import Org
from .orgnames import clean_name, is_company_form, is_name_token
from .state import ParseState
from .text import Tok, words


def board_named(vis: list[Tok], nxt: Trigger) -> bool:
    """ "a member of the advisory board of X", "a member of the North American Fabry Registry Board": the
    board that follows says what the membership is."""
    if not any(is_name_token(t) for t in vis):
        return True
    return nxt.kind in ("leadership", "advisory_board") and all(is_name_token(t) or t.low == "the" for t in vis)


FOR_WORDS: Final = words("the a an his her their my")
SERVING_WORDS: Final = words("serving participating participation membership sitting acting working work")


def source_before(state: ParseState, trig: Trigger, sa: int) -> list[Org]:
    """ "received fees from X for consultancy services": the phrase after "for" names what was paid for,
    and the name after "from" before it is the source."""
    before = state.toks.before(trig.start, sa, 14)
    k = len(before)
    while k > 0 and before[k - 1].low in FOR_WORDS:
        k -= 1
    if k > 2 and before[k - 1].low in ("on", "in", "as", "with") and before[k - 2].low in SERVING_WORDS:
        k -= 2  # "personal fees from Pfizer for serving on a data safety monitoring board"
    if k == 0 or before[k - 1].low != "for":
        return []
    j = k = k - 1
    while j > 0 and (
        is_name_token(before[j - 1])
        or is_company_form(before[j - 1])
        or comma_form(before, j - 1)
        or (before[j - 1].low in ("of", "and", "&") and j > 1 and is_name_token(before[j - 2]))
    ):
        j -= 1  # "from the College of American Pathologists for lectures": a name's own "of"
    if j < k and before[j].low in ("of", "and", "&"):
        return []
    if j > 1 and before[j - 1].low == "the":
        j -= 1
    if j == k or j == 0 or before[j - 1].low not in ("from", "by"):
        return []
    run = before[j:k]
    if run[0].low == "the":
        run = run[1:]
    return [Org(clean_name(state.text, run), run[0].start, run[-1].end)]


# The declaration form many publishers print: "X reports a relationship with Vaxco Inc that includes:
# consulting or advisory and speaking and lecture fees."
RELATIONSHIP_RE: Final = re.compile(
    r"\brelationships?\s+with\s+(?=\S)([^;:]{1,120}?)\s+that\s+includes?\b", re.IGNORECASE
)


def relationship_with(state: ParseState, trig: Trigger, sa: int) -> list[Org]:
    """The body a declared relationship is with, for each kind of tie listed after "that includes"."""
    m = max(RELATIONSHIP_RE.finditer(state.text, sa, trig.start), key=lambda found: found.start(), default=None)
    if m is None or ";" in state.text[m.end() : trig.start]:
        return []
    run = state.toks.between(m.start(1), m.end(1))
    if run and run[0].low == "the":
        run = run[1:]
    if not run or not is_name_token(run[0]):
        return []
    return [Org(clean_name(state.text, run), run[0].start, run[-1].end)]


def dangling(state: ParseState, trig: Trigger) -> bool:
    """A relation phrase whose preposition has no object of its own: "has an equity interest in, and"."""
    after = state.toks.between(trig.end, trig.end + 12)
    return len(after) >= 2 and after[0].low in ("in", "of", "with", "to", "for") and after[1].text in (",", ";")


def comma_form(toks: list[Tok], k: int) -> bool:
    """A comma before a company form inside a name ("Flatiron, Inc.")."""
    return toks[k].text == "," and k + 1 < len(toks) and is_company_form(toks[k + 1]) and k > 0


# An appositive that says what a company does: the relation words in it are the company's business.
APPOSITIVE_RE: Final = re.compile(
    r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?:company|firm|organi[sz]ation|start-?up|consultancy|business|provider)\s+"
    r"(?:that|which|offering|providing|specializing|specialising|dedicated|focused|focusing|developing|selling)\b"
    r"(?:(?!\band\s+(?:has|have|had|is|was|are|were|also|received|receives|serves|served|holds|owns)\b)[^,;.])*$",
    re.IGNORECASE,
)


# "X is a consultancy and research company", "X is a consulting firm": what kind of business a company is.
IS_A_KIND_RE: Final = re.compile(
    r"(?:(?-i:[A-Z])[\w.&-]*|which|that)\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
KIND_NOUN_RE: Final = re.compile(
    r"(?:\s+(?:and|or|&)\s+[\w-]+)?\s+(?:company|firm|business|organi[sz]ation|provider)\b", re.IGNORECASE
)


KIND_APPOSITIVE_RE: Final = re.compile(r",\s+an?\s+(?:[\w-]+\s+){0,3}$")
KIND_WHAT_RE: Final = re.compile(
    r"(?:\s+(?:firm|company|business))?\s+(?:that|which|providing|offering|specializing|specialising|focused|dedicated)\b"
)


def describes_company(state: ParseState, trig: Trigger, sa: int) -> bool:
    """ "DNASense ApS that consults ...", "Genentech Inc., a member of the Roche Group": what a company
    does or belongs to, not a tie of the author."""
    window = state.text[max(sa, trig.start - 120) : trig.start]
    if ", a" in window and APPOSITIVE_RE.search(window):
        return True  # "Abomics, a company offering pharmacogenetic consultation services"
    if (
        trig.text.lower() in ("consultancy", "consulting")
        and KIND_APPOSITIVE_RE.search(window)
        and KIND_WHAT_RE.match(state.text, trig.end)
    ):
        return True  # "PRECISIONheor, a health economics consultancy providing services to ..."
    tail = window[-40:]
    if (" is a" in tail or " was a" in tail) and IS_A_KIND_RE.search(tail) and KIND_NOUN_RE.match(state.text, trig.end):
        return True  # "PharmaLex Sweden is a consultancy and research company working with ..."
    lead = window[-7:]
    if trig.kind == "other_member" and lead.endswith(", a "):
        before = state.toks.before(trig.start, sa, 3)
        return len(before) == 3 and (is_company_form(before[0]) or is_name_token(before[0]))
    if "that" not in lead and "which" not in lead:
        return False
    before = state.toks.before(trig.start, sa, 2)
    return (
        len(before) == 2
        and before[1].low in ("that", "which")
        and (is_company_form(before[0]) or is_name_token(before[0]))
    )


def same_clause(state: ParseState, employer: Org | None, trig: Trigger) -> bool:
    """An employer named before bare stock in the same clause: "employees of 23andMe, Inc. and may hold
    stock", but not "Employment by Pfizer; stock or stock options", where a semicolon parts the two."""
    return employer is not None and ";" not in state.text[employer.end : trig.start]


BARE_OBJECTS: Final = words("or and options option in")


def bare(desc: str) -> bool:
    return all(w in BARE_OBJECTS for w in desc.lower().split())
