"""Payees named in a sentence: money paid "through Yale", "to my institution", "(to institution)"."""

from __future__ import annotations

import re
from typing import Final

from .categories import Trigger
from .clauses import starts_with_persons
from .firstchars import with_first_letters
from .orgnames import is_name_token, run_from
from .state import ParseState
from .text import Tok, words

THROUGH_RE: Final = re.compile(
    r"\bthrough\s+(?:an?\s+(?:contract|agreement|grant|subcontract)\s+with\s+)?(?:the\s+)?(?=[A-Z])"
    r"|\b(?:paid|payable|made|went|goes)\s+(?:directly\s+)?to\s+(?:my|his|her|their|our|the)\s+"
    r"(?:institution|university|employer|department|hospital)"
    r"|(?<=grants\s)to\s+(?:the\s+)?(?=[A-Z])|(?<=funding\s)to\s+(?:the\s+)?(?=[A-Z])|(?<=fees\s)to\s+(?:the\s+)?(?=[A-Z])"
    r"|\bat\s+(?:the\s+)?(?=[A-Z])",  # "research support at UC Berkeley from X", where a source follows
)
# THROUGH_RE for a search: a look-ahead for the letters its matches start with turns most characters away first.
THROUGH_SEARCH_RE: Final = with_first_letters(THROUGH_RE)
# Words inside a channel's name ("the Meta Research Innovation Center at Stanford (METRICS)").
CHANNEL_WORDS: Final = words("the of for and at in on & ( ) -")
# "research support (to institution) from Pfizer", "grants (paid to my institution)", and after the
# names: "grants from A, B (all money to institution)".
PAYEE_BRACKET_RE: Final = re.compile(
    r"\(\s*(?:(?:all|both)\s+)?(?:(?:money|funds|funding|payments?|fees)\s+)?(?:(?:paid|went|goes|go)\s+)?"
    r"(?:to\s+(?:the\s+|my\s+|his\s+|her\s+|their\s+)?)?institution(?:al|s)?\s*\)",
    re.I,
)


# "had support (in the form of funds to the VRC to cover assay performance) from the NIH": what the support
# was, said in brackets; nothing in them is its source.
FORM_BRACKET_RE: Final = re.compile(r"\(\s*in\s+the\s+form\s+of\b[^()]*\)", re.IGNORECASE)


def form_brackets(text: str, sa: int, sb: int) -> list[tuple[int, int]]:
    if "form of" not in text[sa:sb]:
        return []
    return [m.span() for m in FORM_BRACKET_RE.finditer(text, sa, sb)]


def payee_spans(state: ParseState, sa: int, sb: int, triggers: list[Trigger]) -> list[tuple[int, int]]:
    """ "through Yale", "through a contract with Duke University": the payee institution, not a source."""
    spans: list[tuple[int, int]] = []
    sentence = state.text[sa:sb]
    if not (
        "through" in sentence
        or "grants to" in sentence
        or "funding to" in sentence
        or "fees to" in sentence
        or "paid" in sentence
        or "payable" in sentence
        or "made" in sentence
        or "went" in sentence
        or "goes" in sentence
        or " at " in sentence
    ):
        return spans  # THROUGH_RE is case-sensitive: without one of these words it cannot match
    for m in THROUGH_SEARCH_RE.finditer(state.text, sa, sb):
        if any(t.start <= m.start() < t.end for t in triggers):
            continue  # "benefits through IP" is the relation phrase itself
        toks = state.toks.between(m.end(), sb)
        end = toks[run_from(toks, 0) - 1].end if toks and is_name_token(toks[0]) else m.end()
        source_follows = _source_after(toks)
        if source_follows is None and m[0].startswith("through") and _right_after_trigger(state.text, m, triggers):
            continue  # "received support through the NIH": no other source, so the NIH is the source
        if m[0].startswith("at") and not (
            source_follows is not None
            and _named_source(state, source_follows, sb)
            and _right_after_trigger(state.text, m, triggers)
        ):
            continue  # "a consultant at Vaxco (from 2010)": where the author is, unless a source is named after it
        if source_follows is None and m[0].startswith("to"):
            continue  # "grants to X" names the payee only when a source follows ("to X from Pfizer")
        if m[0].startswith("to") and toks and starts_with_persons(state, toks, 0):
            continue  # "grants to Dr. Gruber from CIHR": the author is the recipient, not a payee
        spans.append((m.start(), max(end, source_follows or end)))
    return spans


def _source_after(toks: list[Tok]) -> int | None:
    """ "through the Collaboration for Research Integrity and Transparency from the Arnold Foundation":
    where "from" names the source after the channel's name (None when it does not)."""
    for t in toks[:20]:
        if t.low == "from":
            return t.start
        if t.text in (",", ";", ".") or not (is_name_token(t) or t.low in CHANNEL_WORDS):
            return None
    return None


def _named_source(state: ParseState, start: int, sb: int) -> bool:
    after = state.toks.between(start, sb)[1:2]  # the word after "from"
    return bool(after) and is_name_token(after[0]) and not after[0].text[0].isdigit()


def _right_after_trigger(text: str, m: re.Match, triggers: list[Trigger]) -> bool:
    return any(t.end <= m.start() and not text[t.end : m.start()].strip() for t in triggers)
