"""Footnote labels that name whom a footnote or a block is about: a leading "CW, JH:", "RP:CB:", and
per-author blocks inside one paragraph ("A.L.: Research grants: X; M.Le.: Consultant: Y; O.H.: none")."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from .authors import AuthorIndex
from .orgnames import is_company_form
from .spelling import TITLES, looks_like_initials
from .state import ParseState
from .text import Tok, TokenIndex

LABEL_SPLIT_RE: Final = re.compile(r"\s*(?:,|&|\band\b)\s*")
LABEL_COLON_RE: Final = re.compile(r":(?=\s|$)")
LABEL_COMMA_RE: Final = re.compile(r"\s*([^\W\d_][\w.\-\u2010\u2019]*),\s+(\S+)")
LABEL_CHARS_RE: Final = re.compile(r"[\w .,&\u2019'\-\u2010:]+")
LIST_WORDS: Final = frozenset({",", "and", "&"})
# What may stand right before a label that is not written with dots ("; AL:", ". AL:", ", AL:").
BEFORE_LABEL: Final = frozenset({";", ".", ",", ")"})


OPENING_LABEL_RE: Final = re.compile(r"\s*[A-Z][A-Z.\-]{1,7}:\s")
LABEL_BEFORE_RE: Final = re.compile(r"(?:^|\s)[A-Z][A-Z.\-]{1,7}:\s*$")


def mid_labels(
    text: str, index: TokenIndex, a: int, b: int, authors: AuthorIndex
) -> list[tuple[list[int | None], int, int]]:
    """(authors, label start, content start) of every label that starts a new author's block after `a`.

    A label is a list of initials before a colon, each of them an author's; it follows a separator, or
    is written with dots ("J.K.: none J.Hau.: Research grants ...")."""
    found: list[tuple[list[int | None], int, int]] = []
    colon = text.find(":", a, b)
    if colon < 0:
        return found
    toks, starts = index.toks, index.starts
    lo = bisect_left(starts, a)
    spelt: set[int] = set()  # authors whose labels so far spell their initials in byline order
    # whether the block opens with a label ("JWDT: ..."), read before `a` or at it
    labelled = (
        OPENING_LABEL_RE.match(text, a) is not None or LABEL_BEFORE_RE.search(text, max(0, a - 12), a) is not None
    )
    while colon >= 0:
        k = bisect_left(starts, colon)
        colon = text.find(":", colon + 1, b)
        if k >= len(toks) or toks[k].text != ":" or k <= lo or k + 1 >= len(toks) or toks[k + 1].start == toks[k].end:
            continue
        run = _label_run(toks, k, lo)
        if not run:
            named = _full_name_label(toks, k, lo, authors)
            if named is not None:
                found.append(([named[0]], named[1], toks[k + 1].start))
            continue
        first = k - len(run)
        before = toks[first - 1] if first > lo else None
        dotted = all("." in t.text for t in run if t.low not in LIST_WORDS)
        group = _group(run, authors, dotted and (before is None or before.text in BEFORE_LABEL), spelt)
        if group is None:
            continue
        # "JWDT: Honorarium Roche PM: Advisory Boards: ...": in a footnote of labels, one whose separator was
        # lost still starts the next author's block when it is that author's initials as spelt
        lost = (labelled or bool(found)) and None not in group and all(t.text.isupper() for t in run)
        if before is not None and not dotted and before.text not in BEFORE_LABEL and not lost:
            continue
        found.append((group, run[0].start, toks[k + 1].start))
    return found


def _full_name_label(toks: list[Tok], colon: int, lo: int, authors: AuthorIndex) -> tuple[int, int] | None:
    """(author, label start) of a byline name of two to four words before a colon, mid-paragraph: "...
    no competing interests Pablo G. Medina: employee of X"."""
    for size in (4, 3, 2):
        first = colon - size
        if first <= lo:
            continue
        words = toks[first:colon]
        before = toks[first - 1]
        if not all(t.cap for t in words) or (
            before.cap and not is_company_form(before) and before.low not in TITLES and not _ends_sentence(before)
        ):
            continue
        idx = authors.match([t.text for t in words])
        if idx is not None:
            return idx, words[0].start
    first = colon - 1
    if first > lo and toks[first - 1].text in (";", ".") and toks[first].cap and len(toks[first].text) > 2:
        # "Smith: Pfizer (honoraria); Lee: none; Roe: ...": a surname alone after a semicolon
        idx = authors.by_one_name(toks[first].text)
        if idx is not None and authors.names[idx].split()[-1] == toks[first].text:
            return idx, toks[first].start
    return None


def _ends_sentence(tok: Tok) -> bool:
    """ "... von Pfizer. P. Roe: keine", "IPSEN. N.C.Q.:": a word with a full stop, not an initial, ends the
    sentence before a name."""
    return tok.text.endswith(".") and len(tok.text) > 3 and "." not in tok.text[:-1]


def _label_run(toks: list[Tok], colon: int, lo: int) -> list[Tok]:
    j = colon
    while j > lo and colon - j < 12 and (looks_like_initials(toks[j - 1].text) or toks[j - 1].low in LIST_WORDS):
        if j < colon and _ends_sentence(toks[j - 1]) and "." in toks[j].text[:-1]:
            break  # "... Roche, IPSEN. N.C.Q.: Abbvie": the word before the stop ends the last author's list
        j -= 1
    while j < colon and toks[j].low in LIST_WORDS:
        j += 1
    return toks[j:colon]


def _group(
    run: list[Tok], authors: AuthorIndex, unknown_ok: bool, spelt: set[int] | None = None
) -> list[int | None] | None:
    """The authors of every initials in the run, or None when one of them is nobody's. Initials may be
    written surname first ("V.K." for Keti Vitanova), unless an earlier label spelt that author's initials
    in byline order ("R.S.: ... S.R.: ...": two authors); a dotted label after a separator that fits nobody
    still starts a block, of an unknown author ([None]), so the ties after it are not the last author's."""
    group: list[int | None] = []
    for t in run:
        if t.low in LIST_WORDS:
            continue
        idx = authors.by_initials(t.text)
        if idx is not None and spelt is not None:
            spelt.add(idx)
        if idx is None:
            letters = [p for p in t.text.replace("-", ".").split(".") if p]
            if len(letters) == 2 and all(len(p) == 1 for p in letters):
                idx = authors.by_initials(letters[1] + letters[0])
                if idx is not None and spelt is not None and idx in spelt:
                    idx = None
        if idx is None and not unknown_ok:
            return None
        group.append(idx)
    known: list[int | None] = [i for i in dict.fromkeys(group) if i is not None]
    return known or ([None] if group else None)


def leading_label(state: ParseState, a: int, b: int) -> tuple[list[int | None] | None, int]:
    """A leading "CW, JH:", "RP:CB:", "MJ, Founder ..." names whom the footnote is about."""
    text = state.text
    head = text[a : min(b, a + 120)]
    colon = LABEL_COLON_RE.search(head)
    if colon and LABEL_CHARS_RE.fullmatch(head[: colon.start()]):
        group = _label_group(state, head[: colon.start()])
        if group is not None:
            return group, a + colon.end()
    m = LABEL_COMMA_RE.match(head)
    if m and looks_like_initials(m.group(1)) and not looks_like_initials(m.group(2).rstrip(",")):
        idx = state.index.by_initials(m.group(1))
        if idx is not None and m.group(2).lower() != "and":
            state.covered.add(idx)
            return [idx], a + m.start(2)
    return None, a


def _label_group(state: ParseState, label: str) -> list[int | None] | None:
    pieces = [p.strip() for p in LABEL_SPLIT_RE.split(label) if p.strip()]
    if not pieces or len(pieces) > 40:
        return None
    matched, unknown = [], 0
    for piece in pieces:
        if not (piece[0].isupper() and all(w[0].isupper() or w.islower() for w in piece.split())):
            return None
        idx = state.index.match_label_piece(piece)
        if idx is not None:
            matched.append(idx)
        elif looks_like_initials(piece.replace(":", "")):
            unknown += 1
        else:
            return None
    state.covered.update(matched)
    if matched and len(matched) >= unknown:
        return list(dict.fromkeys(matched))
    return [None]
