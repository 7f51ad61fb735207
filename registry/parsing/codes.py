"""Disclosure forms that list each company with its roles rather than in sentences: the conference-abstract
form ("K. A. Top, Pfizer: Investigator, Research support. GSK: Consultant, Consulting fee.") and the
code-letter form ("J. Smith, Novartis (F), Allergan (C, R); A. Bo, None")."""

from __future__ import annotations

import re
from typing import Final

from .state import DraftItem, ParseState
from .text import tokenize

# Role words of the abstract form, each to its category; the first that matches a role wins.
ROLE_WORDS: Final[list[tuple[str, re.Pattern[str]]]] = [
    (cat, re.compile(pattern, re.IGNORECASE))
    for cat, pattern in (
        ("advisory_board", r"advis|board\s+member|data\s+(?:and\s+)?safety|DSMB"),
        ("leadership", r"director|officer|chair|president|board|committee"),
        ("consulting", r"consult"),
        ("lectures", r"speak|lectur|honorari|education"),
        ("employment", r"employ|salary"),
        ("stock", r"share|stock|equity|owner"),
        ("royalties", r"royalt|licen[cs]"),
        ("patents", r"patent|inventor"),
        ("travel", r"travel"),
        ("founder", r"founder"),
        ("expert_testimony", r"expert"),
        ("gifts", r"material|in-kind|supplies|equipment|writing"),
        ("grants", r"investigator|research|grant|trial|fund|support|contract"),
        ("other", r"\bother\b"),
    )
]
# The code letters of the ophthalmology form: Financial support, Employment, Consultant, personal financial
# Interest, Patent, Recipient (honoraria), non-remunerative position (S); N says there is nothing.
CODE_CATEGORIES: Final = {
    "F": "grants",
    "E": "employment",
    "C": "consulting",
    "I": "stock",
    "P": "patents",
    "R": "lectures",
    "S": "leadership",
}
ROLE_END_RE: Final = re.compile(r"\.(?=\s|[A-Z]|$)")
NONE_HEAD_RE: Final = re.compile(
    r"\s*([^,:;.]+(?:\.[^,:;.]+)*?),\s+(?:None|Nothing\s+to\s+disclose)\b\.?\s*", re.IGNORECASE
)
CODED_RE: Final = re.compile(r"\s*([^,;()]+?)\s*\(([A-Z](?:\s*,\s*[A-Z])*)\)\s*")
CODE_RE: Final = re.compile(r"\([A-Z](?:\s*,\s*[A-Z])*\)")
FORM_HEADER_RE: Final = re.compile(r"\s*commercial\s+relationships?(?:\s+disclosures?)?\s*:\s*", re.IGNORECASE)
MAX_WORDS: Final = 10
SENTENCE_WORDS_RE: Final = re.compile(
    r"\b(?:of|from|for|to|by|with|in|at|on|is|are|was|were|has|have|had|received|reports?|declares?)\b", re.IGNORECASE
)


def read_form(state: ParseState, number: int, a: int, b: int) -> bool:
    """Read the footnote text[a:b] as one of the forms, adding its items and authors who declare nothing;
    False (and nothing added) unless the whole footnote has the form's shape."""
    text = state.text
    start = a
    if text[a : a + 1] in ("C", "c"):
        m = FORM_HEADER_RE.match(text, a, b)
        start = m.end() if m else a
    head = text.find(", ", start, min(b, start + 80))
    if head < 0:
        return False  # both forms open with an author's name and a comma
    colon = text.find(":", head, min(b, start + 160))
    if colon >= 0:
        found = _roles_form(state, start, b)
    elif CODE_RE.search(text, head, b):
        found = _codes_form(state, start, b)
    else:
        return False  # most footnotes: sentences, neither form
    if found is None:
        return False
    items, nones = found
    for author, category, org, span in items:
        spec = text[span[0] : span[1]]
        state.items.append(DraftItem(author, category, org, "self", spec, span, number))
    if nones:
        state.nones.append(("authors", nones))
    return True


Found = tuple[list[tuple[int | None, str, str, tuple[int, int]]], list[int | None]]


def _author(state: ParseState, a: int, b: int) -> int | None:
    words = [t.text for t in tokenize(state.text, a, b)]
    if not 1 <= len(words) <= 6:
        return None
    return state.index.match(words)


def _roles_form(state: ParseState, a: int, b: int) -> Found | None:
    """ "K. A. Top, Pfizer: Investigator, Research support. GSK: Investigator, Research grant. J. M. Langley,
    GSK: ..." — a new author's name and a comma may open each "Company: roles." part."""
    text = state.text
    items: list = []
    nones: list[int | None] = []
    who: int | None = None
    pos = a
    while pos < b and text[pos:b].strip():
        while (none := NONE_HEAD_RE.match(text, pos, b)) and ":" not in none.group():
            author = _author(state, none.start(1), none.end(1))
            if author is None:
                break
            nones.append(author)
            pos = none.end()
        if not text[pos:b].strip():
            break
        colon = text.find(":", pos, min(b, pos + 160))
        if colon < 0:
            return None
        comma = text.find(", ", pos, colon)
        org_start = pos
        if comma >= 0:
            author = _author(state, pos, comma)
            if author is not None:
                who, org_start = author, comma + 2
        if who is None:
            return None  # the form opens with an author's name
        org = text[org_start:colon].strip()
        if _author(state, org_start, colon) is not None:
            return None  # "JS, AB: employees of X" is a label of two authors
        end_m = ROLE_END_RE.search(text, colon + 1, b)
        end = end_m.start() if end_m else b
        roles = re.split(r",|\band\b|/|;", text[colon + 1 : end])
        if not org or len(org.split()) > MAX_WORDS or not roles:
            return None
        span = (org_start, org_start + len(org))
        for role in roles:
            role = role.strip()
            if not role or len(role.split()) > MAX_WORDS or SENTENCE_WORDS_RE.search(role):
                return None  # roles are nouns ("Consultant", "Research grant"), not a sentence
            category = next((cat for cat, pattern in ROLE_WORDS if pattern.search(role)), None)
            if category is None:
                return None
            if (who, category, org) not in [(i[0], i[1], i[2]) for i in items]:
                items.append((who, category, org, span))
        pos = end + 1
    return (items, nones) if items else None


def _codes_form(state: ParseState, a: int, b: int) -> Found | None:
    """ "J. Smith, Novartis (F), Allergan (C, R); A. Bo, None": an author, then companies with code letters."""
    text = state.text
    items: list = []
    nones: list[int | None] = []
    for part in re.finditer(r"[^;]+", text[a:b]):
        pa, pb = a + part.start(), a + part.end()
        if not text[pa:pb].strip():
            continue
        comma = text.find(", ", pa, min(pb, pa + 80))
        if comma < 0:
            return None
        who = _author(state, pa, comma)
        if who is None:
            return None
        rest = text[comma + 2 : pb].strip().rstrip(".")
        if re.fullmatch(r"(?i)none|N", rest):
            nones.append(who)
            continue
        pos = comma + 2
        while pos < pb and text[pos:pb].strip(" .,"):
            m = CODED_RE.match(text, pos, pb)
            if m is None:
                return None
            for code in re.findall(r"[A-Z]", m.group(2)):
                category = CODE_CATEGORIES.get(code)
                if category is not None:
                    items.append((who, category, m.group(1), m.span(1)))
            pos = m.end()
            if pos < pb and text[pos] == ",":
                pos += 1
    return (items, nones) if items else None
