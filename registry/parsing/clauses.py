"""Where sentences are cut into clauses with their own subject, or joined when a colon heads a list."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from .categories import find_triggers
from .mentions import is_nameish, read_mentions
from .nothing import ICMJE_CLOSING_RE
from .orgnames import is_company_form, is_name_token
from .state import ParseState
from .subjects import evaluate as evaluate_mentions
from .text import Tok, words

CLAUSE_LEADS: Final = words("and while whereas but also")
LINKS: Final = words(
    "of for to from by with at in on and or the a an as is are was were which who whom whose that where when while "
    "whereas because since although if but"
)
# Verbs after a list of authors that open a sentence of their own.
OPENING_VERBS: Final = words(
    "are is were was have has had hold holds received receive receives report reports serve serves"
)
# Initials after a word, then a list or one of those verbs: where a sentence whose full stop was lost may start.
# The search is for the initials and what follows them, from a capital (a first character the regex skips to
# fast); the word and spaces before them (\w\.?\s+) are asked after (`_after_word`), which spares the regex a
# try at every word.
LOST_STOP_RE: Final = re.compile(rf"[A-Z][A-Z]{{1,3}}(?=\s*,|\s+(?:and|{'|'.join(sorted(OPENING_VERBS))})\b)")


def _after_word(text: str, at: int, lo: int) -> bool:
    r"""Whether text[lo:at] ends in a word character, maybe a full stop, and spaces (the regex's \w\.?\s+)."""
    k = at
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k in (at, lo):
        return False
    if text[k - 1] == "." and k - 1 > lo:
        k -= 1
    return text[k - 1].isalnum() or text[k - 1] == "_"


def _lost_stops(state: ParseState, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences whose full stops were lost ("STV, GAF have no competing interests DM, GB are employed by
    Allelica Inc GB, PD have stock in Allelica Inc"): a list of byline initials and a verb right after a word
    starts a new sentence."""
    out: list[tuple[int, int]] = []
    text, toks, starts = state.text, state.toks.toks, state.toks.starts
    for sa, sb in spans:
        start = sa
        for m in LOST_STOP_RE.finditer(text, sa, sb):  # most sentences have no such place
            if not _after_word(text, m.start(), sa):
                continue
            k = bisect_left(starts, m.start())
            if k < 2 or k >= len(toks) - 1 or toks[k].start != m.start():
                continue
            prev = toks[k - 1]
            if not (is_company_form(prev) or (prev.text.isalpha() and prev.text.islower() and prev.low not in LINKS)):
                continue  # a sentence ends in a word or a company's form, not in "of", a name or a list
            mentions, end = read_mentions(toks, k)
            if end >= len(toks) or toks[end].start >= sb or toks[end].low not in OPENING_VERBS:
                continue
            if all(len(m) == 1 and state.index.match([m[0].text], True) is not None for m in mentions):
                out.append((start, prev.end))
                start = toks[k].start
        out.append((start, sb))
    return out


def split_clauses(state: ParseState, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut where a semicolon starts a new author's clause ("SO has received honoraria from
    Takeda; FG has received ..."), so each clause keeps its own subject."""
    text = state.text
    out: list[tuple[int, int]] = []
    for sa, sb in _lost_stops(state, spans):
        if ";" not in text[sa:sb]:
            out.append((sa, sb))
            continue
        toks = state.toks.between(sa, sb)
        start = sa
        # The ICMJE form's answers ("declare: support from X for the submitted work; AB holds ...; no other
        # relationships or activities ...") are one clause each, whatever their subject.
        closing = ICMJE_CLOSING_RE.search(text, sa, sb) if "relationships" in text[sa:sb] else None
        form = closing is not None
        for k, tok in enumerate(toks):
            if k + 1 < len(toks) and tok.text == "," and closing and toks[k + 1].start == closing.start():
                # "...; no financial relationships ..., no other relationships or activities ..."
                out.append((start, tok.start))
                start = toks[k + 1].start
                continue
            if tok.text != ";" or k + 1 >= len(toks):
                continue
            if form:
                out.append((start, tok.start))
                start = toks[k + 1].start
                continue
            j = k + 1
            while j < len(toks) and toks[j].low in CLAUSE_LEADS:
                j += 1
            if j < len(toks) and (starts_with_persons(state, toks, j) or _starts_with_authors(toks, j)):
                out.append((start, tok.start))
                start = toks[k + 1].start
        out.append((start, sb))
    return out


def join_headed_lists(state: ParseState, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "CBN declares consulting for the following companies: A, B, C.": a relation phrase before a colon
    takes the list after it as its object, so the two stay one sentence."""
    text = state.text
    out: list[tuple[int, int]] = []
    for span in spans:
        if out and text[out[-1][1] - 1] == ":" and _heads_list(state, out[-1], span):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


def _heads_list(state: ParseState, head: tuple[int, int], body: tuple[int, int]) -> bool:
    toks = state.toks.between(*head)
    triggers = find_triggers(state.text, toks, *head)
    if not triggers:
        return False
    between = state.toks.between(triggers[-1].end, head[1])
    # "from the following companies who sell vitamin D supplements:": what is said of them names nothing
    following = next((k for k, t in enumerate(between) if t.low == "following"), len(between))
    if any(is_name_token(t) and len(t.text) > 1 for t in between[:following]):
        return False  # the relation phrase has its object before the colon (not "vitamin D research")
    body_toks = state.toks.between(*body)
    if not body_toks or not is_name_token(body_toks[0]) or starts_with_persons(state, body_toks, 0):
        return False
    return not find_triggers(state.text, body_toks[:3], body[0], body[1])


AUTHOR_WORDS: Final = words("authors author co-authors coauthors we")


def _starts_with_authors(toks: list[Tok], j: int) -> bool:
    """ "...; authors are employees of X", "...; all authors received ...": a clause about the authors."""
    k = j + 1 if toks[j].low in ("the", "all", "both", "other", "remaining") and j + 1 < len(toks) else j
    if k < len(toks) and toks[k].low in ("other", "remaining") and k + 1 < len(toks):
        k += 1
    return toks[k].low in AUTHOR_WORDS


def starts_with_persons(state: ParseState, toks: list[Tok], j: int) -> bool:
    if not is_nameish(toks[j]):
        return False
    mentions, end = read_mentions(toks, j)
    if not mentions or end >= len(toks) or end == j:
        return False
    group = evaluate_mentions(mentions, state.index, False)
    return group is not None and group != [None]
