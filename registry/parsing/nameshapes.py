"""Shapes of names the relation phrases must not read into: a body named after its portfolios ("Ministry of
Business, Innovation and Employment"), whose last word looks like a relation phrase."""

from __future__ import annotations

import re
from typing import Final

from .text import words

# "<Name> of X, Y and Employment", "<Name> for X and Training": a capitalised word after a listed
# capitalised field ends the name of a body.
PORTFOLIO_BEFORE_RE: Final = re.compile(r"\b(?:of|for)\s+(?:[A-Z][a-z]+,\s+)*[A-Z][a-z]+,?\s+(?:and|&)\s+$")


def ends_portfolio_name(text: str, start: int) -> bool:
    """Whether the capitalised word at `start` is the last portfolio of a body's name."""
    if not text.endswith(("and ", "& "), max(0, start - 5), start):
        return False
    return PORTFOLIO_BEFORE_RE.search(text, max(0, start - 80), start) is not None


# "a member of the ABC Working Group", "member of the mRNA-1273 Study Group", "member of the National
# Vaccine Steering Committee": a membership of a body that works or steers is a leadership role, and the
# body's whole name (its last words included) is the organization. "member of the EuroQol Group" is not.
MEMBER_BODY_RE: Final = re.compile(
    r"\s+(?:the\s+)?(?:(?!(?:and|or)\s)[A-Za-z0-9][\w'\u2019./-]*\s+){1,8}?"
    r"(?-i:(?:Working|Study|Steering|Writing|Guideline|Expert|Technical|Scientific)\s+(?:Groups?|Committees?)"
    r"|Committees?|Task\s+Force|Panel)\b(?!\s+(?:of|for|on)\b)",
)


def member_of_bodies(found: list, text: str, end: int) -> list:
    """Turn "member of <a committee's name>" into a leadership role and drop the role word inside the name."""
    out = []
    skip_until = -1
    for k, t in enumerate(found):
        if t.start < skip_until:
            continue  # "Working Group" inside the name just read
        if t.kind == "other_member":
            m = MEMBER_BODY_RE.match(text, t.end, end)
            inner = [u for u in found[k + 1 :] if u.start < m.end()] if m is not None else []
            if m is not None and "," not in m.group() and all(u.end == m.end() for u in inner):
                t.kind = "leadership"
                skip_until = m.end()
        out.append(t)
    return out


def new_clause(vis: list) -> bool:
    """ "in which X holds an equity interest; receiving travel support from A": after a semicolon a verb
    starts a new clause, so the phrase before it does not share the object of the one after."""
    for k, t in enumerate(vis[:-1]):
        if t.text == ";":
            nxt = vis[k + 1]
            return nxt.low.endswith(("ing", "ed", "s")) and nxt.text.islower()
    return False


def named_beside(items: list, text: str) -> list:
    """Without the unnamed ties that a named one of the same author and kind stands right beside: "funded by the
    KPS research fellowship" is one grant from KPS, not that and a grant from no one. Two phrases joined by
    "and" or a comma are two ties ("support from X and support, during the conduct of the study")."""
    drop = set()
    for k, it in enumerate(items):
        if it.org is not None:
            continue
        for other in items:
            if other.org is None or other.author != it.author or other.category != it.category:
                continue
            if other.footnote != it.footnote:
                continue
            first, second = (it, other) if it.span[0] <= other.span[0] else (other, it)
            gap = text[first.span[1] : second.span[0]]
            if len(gap) < 12 and " and " not in gap and not any(c in gap for c in ",;."):
                drop.add(k)
                break
    return [it for k, it in enumerate(items) if k not in drop] if drop else items


SPINOFF_WORDS: Final = frozenset({"spin-off", "spinoff", "spin-out", "spinout", "start-up", "startup"})
SPINOFF_HEADS: Final = frozenset({"company", "companies", "firm", "firms", "of", "from", "called", "named"})


def after_spinoff(item: list) -> list:
    """ "the University of Zurich spin-off company NovaGo Therapeutics Inc.": the company is the name after
    "spin-off", the body before it is where the company came from."""
    for k, t in enumerate(item):
        if t.low in SPINOFF_WORDS:
            j = k + 1
            while j < len(item) and item[j].low in SPINOFF_HEADS:
                j += 1
            if j < len(item) and item[j].text[:1].isupper():
                return item[j:]
            return item
    return item


LIST_GAP_WORDS: Final = frozenset({"and", "the", "of", "for", "from", "in", "on", "to", "at", "&", "by", "with"})
WORD_RE: Final = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def in_money_list(text: str, before, t) -> bool:
    """ "grant funding from the NIHR School, the NIHR Evidence Synthesis Working Group and the WHO": a
    capitalised role word inside a list of funders ends a funder's name, it is no role of the author."""
    gap = text[before.end : t.start]
    if ("," not in gap and " and " not in gap) or ":" in gap or ";" in gap:
        return False  # not "Research grants: A, B; Advisory Board: C", a heading's list
    if text[t.end : t.end + 3].lstrip().startswith(":"):
        return False
    for m in WORD_RE.finditer(gap):
        word = m.group()
        if word[0].islower() and word not in LIST_GAP_WORDS:
            return False
    return True


# Lower-case words that say what a board is about, never a relation ("UCB narcolepsy advisory board").
NOT_TOPIC: Final = words(
    "and or the a an of on for in at by to with from as is are was were has have had its his her their also "
    "former current international national global scientific medical clinical executive member members "
    "paid unpaid company companies advisory board boards"
)


def topic_word(tok) -> bool:
    word = tok.text
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and word not in NOT_TOPIC
        and not word.endswith(("ed", "ing", "ly"))
    )


ROLE_KINDS: Final = frozenset({"leadership", "advisory_board", "other_member"})
OF_THE_RE: Final = re.compile(r"\s+of\s+the\s+$")
BODY_TOPIC_RE: Final = re.compile(r"\s+(?:for|on)\s+(?:the\s+)?[A-Z]")


def names_the_body(text: str, before, t) -> bool:
    """ "Chair of the Committee for Strategic Coordination": after a role, "of the" and a capitalised body
    word followed by its topic name the body the role is in; the body word is no second role."""
    if before.kind not in ROLE_KINDS or not t.text[0].isupper():
        return False
    if not OF_THE_RE.fullmatch(text, before.end, t.start):
        return False
    return BODY_TOPIC_RE.match(text, t.end) is not None


PREDICATE_RE: Final = re.compile(r"(?:\band|,)\s+(?:is|are|was|were|has|have|had|serves|served|holds|held)\b")


def new_predicate(text: str, a: int, b: int) -> bool:
    """ "NSA is the spouse of PB and is president of X": a new verb after the relative starts a tie of its own."""
    return PREDICATE_RE.search(text, a, b) is not None


PASSIVE_VERBS: Final = frozenset({"provided", "given", "awarded", "granted", "supplied", "paid", "made"})


def passive_source(vis: list) -> list:
    """The words after "was provided by" when the object of a money phrase is put in the passive ("Funding
    for JD was provided by Pfizer"); the words as they are otherwise."""
    for k in range(1, min(len(vis) - 1, 7)):  # right after the phrase and its beneficiary
        if vis[k].low == "by" and vis[k - 1].low in PASSIVE_VERBS:
            return vis[k + 1 :]
    return vis
