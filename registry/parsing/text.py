"""Tokens, footnotes and sentences of a statement, all kept as offsets into the original text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import Final


def words(text: str) -> frozenset[str]:
    """A word list written as one string, so long vocabularies stay readable."""
    return frozenset(text.split())


# Inner dots, hyphens, apostrophes and ampersands stay inside a token so "Precision-Health.ai",
# "D.T.P." and "eLife's" are one token; a single trailing dot is kept to tell "Inc." from "Inc".
# "A/S" (a Danish and Norwegian company form) is one token too, and so is a name with a soft hyphen (U+00AD).
TOKEN_RE: Final = re.compile(r"\b[A-Z]/S\b|\w+(?:[\-\u00ad\u2010\u2011'\u2019.&]+\w+)*\.?|[^\w\s]")
# Each token with the spaces before it, whose length gives the token's offset without a search.
SPACED_TOKEN_RE: Final = re.compile(rf"(\s*)({TOKEN_RE.pattern})")
# The same for ASCII text, where the ASCII word and space classes are the Unicode ones (but for the
# separators \x1c-\x1f, spaces only to Unicode) and cheaper to test.
ASCII_SPACED_TOKEN_RE: Final = re.compile(SPACED_TOKEN_RE.pattern, re.ASCII)
# Marks a word may end with, each a token of its own but the full stop, which the word keeps ("Inc.").
TRAILING_MARKS: Final = frozenset(".,:;)'\u2019")
UNICODE_ONLY_SPACES: Final = ("\x1c", "\x1d", "\x1e", "\x1f")
PARAGRAPH_SEP_RE: Final = re.compile(r"\s*(?:\|\||\n[^\S\n]*\n)\s*")
# A heading may end without punctuation when a capital follows ("Conflict of Interest Prof Sorek is ...",
# "CONFLICTS OF INTEREST SO has ...", "Competing Financial Interests Statement James R Heath is ...").
HEADER_RE: Final = re.compile(
    # "Funding Support and Author Disclosures The study was ...": a journal's section title
    r"\s*(?:funding(?:\s+support)?\s+and\s+)?(?:authors?'?\s+(?=disclosures?\b))?"
    r"(?:(?:competing|conflicting|financial|potential)\s+){0,2}"
    r"(?:(?:disclosures?|declarations?|statements?)\s+of\s+(?:(?:potential|competing)\s+)?(?=conflict|interest))?"
    r"(?:interests?|conflicts?\s+of\s+interests?|disclosures?|declarations?\s+of\s+interests?)"
    # PubMed prints some headings glued to the text: "Competing interestsN.O. has received ..."
    r"(?:\s+statements?)?(?:\s*[:\-\u2013]\s*|(?:\s+|(?-i:(?<=[a-z])))(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)
# Words that end with a dot without ending the sentence.
ABBREVIATIONS: Final = words(
    "inc co ltd corp dr drs prof profs mr ms mrs no nos jr sr st vs e.g i.e et al appln approx fig ref dept "
    "univ assoc intl mt bros pty pte pvt sdn bhd plc s.a s.l s.p.a n.v b.v"
)
COUNTRY_ABBR: Final = frozenset(("u.k.", "u.s.", "u.s.a."))
COMPANY_ABBR: Final = frozenset(
    {"inc.", "ltd.", "co.", "corp.", "llc.", "plc.", "gmbh.", "ag.", "kg.", "b.v.", "n.v.", "s.a.", "a/s."}
)
OPENERS: Final = words(
    "the this these that he she they we i it his her their our in all no none neither however there "
    "additionally furthermore moreover finally both"
)
# A stop before a space, or one moved before the next sentence ("... clinical trials .W.M.L is"):
# [.!?:](?=\s)|(?<=\s)\.(?=[A-Z]), written to start with the stops, which the regex engine skips to (the
# look-behind first was tried at every character).
BOUNDARY_RE: Final = re.compile(r"[.!?:](?:(?=\s)|(?<=\s\.)(?=[A-Z]))")
PREAMBLE_RE: Final = re.compile(r"following|interests?\b|declares?\b|discloses?\b|policy", re.IGNORECASE)


class Tok:
    """A token with its offsets in the statement."""

    __slots__ = ("cap", "end", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.low = text.lower()
        self.cap = text[0].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}@{self.start})"


def _compiled_class() -> bool:
    """Whether Tok is a class compiled by mypyc, which object.__new__ may not build."""
    try:
        object.__new__(Tok)
    except TypeError:
        return True
    return False


COMPILED_TOKENS: Final = _compiled_class()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    return token_index(text, start, end).toks


def token_index(text: str, start: int = 0, end: int | None = None) -> TokenIndex:
    """The tokens of text[start:end] with their start offsets, read in one pass."""
    end = len(text) if end is None else end
    # Tokens never hold a space, so the tokens of text[start:end] are those of its pieces between single
    # spaces, one after the other, and str.split(" ") gives each piece's offset without a search. Most
    # pieces are a word, a word and a full stop (one token, "Inc."), or a word and a punctuation mark (two),
    # told apart without the regex (str.isalnum() is \w but "_"). Any other piece is read by the regex in
    # place in the text, so the word boundaries it asks about see the characters around the piece; findall
    # costs less than a match object per token, and the other spaces it reads before each token (a line
    # break, a no-break space) give the token's start.
    toks: list[Tok] = []
    starts: list[int] = []
    ascii_ok = text.isascii() and not any(space in text for space in UNICODE_ONLY_SPACES)
    pattern = ASCII_SPACED_TOKEN_RE if ascii_ok else SPACED_TOKEN_RE
    pos = start
    pieces = (text if start == 0 and end == len(text) else text[start:end]).split(" ")
    if COMPILED_TOKENS:  # compiled, the class's own constructor is the fast way (and the only one)
        # Compiled, list.append called by name is a direct call where a bound method is a generic one, and
        # the typed strings' lengths are read without a call.
        piece: str
        pair: tuple[str, str]
        for piece in pieces:
            after = pos + len(piece)
            if not piece:
                pass
            elif piece.isalnum():
                starts.append(pos)
                toks.append(Tok(pos, after, piece))
            elif piece[-1] in TRAILING_MARKS and piece[:-1].isalnum():
                if piece[-1] == ".":
                    starts.append(pos)
                    toks.append(Tok(pos, after, piece))
                else:
                    starts.append(pos)
                    toks.append(Tok(pos, after - 1, piece[:-1]))
                    starts.append(after - 1)
                    toks.append(Tok(after - 1, after, piece[-1]))
            else:
                at = pos
                for pair in pattern.findall(text, pos, after):
                    space, word = pair
                    at += len(space)
                    starts.append(at)
                    toks.append(Tok(at, at + len(word), word))
                    at += len(word)
            pos = after + 1
        return TokenIndex(toks, starts)
    # As Python, the tokens are filled in here rather than by Tok.__init__: a statement has hundreds, and the
    # call is a good part of their cost.
    append, add_start, new = toks.append, starts.append, object.__new__
    for piece in pieces:
        if not piece:
            pos += 1
            continue
        if piece.isalnum() or (piece[-1] == "." and piece[:-1].isalnum()):
            words: Iterable[tuple[str, str]] = (("", piece),)
        elif piece[-1] in TRAILING_MARKS and piece[:-1].isalnum():
            words = (("", piece[:-1]), ("", piece[-1]))
        else:
            words = pattern.findall(text, pos, pos + len(piece))
        after = pos + len(piece) + 1
        for space, word in words:
            tok = new(Tok)
            tok.start = pos = pos + len(space)
            add_start(pos)
            tok.end = pos = pos + len(word)
            tok.text = word
            tok.low = word.lower()
            tok.cap = word[0].isupper()
            append(tok)
        pos = after
    return TokenIndex(toks, starts)


def footnotes(text: str) -> list[tuple[int, int]]:
    """Separate footnotes were joined with " || " (or printed as paragraphs); each one is read on its own."""
    if "\n" in text:
        return _paragraphs(text)
    spans, pos = [], 0
    bar = text.find("||")
    while bar >= 0:  # the separator is "||" with the spaces around it; str.find is faster than a regex here
        start, end = bar, bar + 2
        while start > pos and text[start - 1].isspace():
            start -= 1
        while end < len(text) and text[end].isspace():
            end += 1
        spans.append((pos, start))
        pos = end
        bar = text.find("||", pos)
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Footnotes of a text that may also separate them by blank lines ("A: ...\n\nB: ...")."""
    spans, pos = [], 0
    for m in PARAGRAPH_SEP_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# Letters HEADER_RE can start with ("Statement of interests" too), as IGNORECASE compares them (dotted
# capital and dotless small i count as "i").
HEADER_FIRST: Final = frozenset("cCfFpPiIdDsSaA\u0130\u0131")


def first_visible(text: str, start: int, end: int) -> str:
    """The first character of text[start:end] that is not a space ("" when there is none)."""
    while start < end and text[start].isspace():
        start += 1
    return text[start] if start < end else ""


def skip_header(text: str, start: int, end: int) -> int:
    if first_visible(text, start, end) not in HEADER_FIRST:
        return start  # no "Competing interests:" header can start here
    m = HEADER_RE.match(text, start, end)
    return m.end() if m else start


def is_abbreviation(tok: Tok) -> bool:
    return _abbreviation(tok.low)


@lru_cache(maxsize=4096)  # a pure function of one word; the same few come back in every statement
def _abbreviation(low: str) -> bool:
    body = low[:-1]
    if body in ABBREVIATIONS:
        return True
    # Initials ("J.", "D.T.P.", "U.S.") never end a sentence in these statements.
    parts = body.replace("-", "").split(".")
    return all(len(p) == 1 for p in parts)


def sentences(text: str, index: TokenIndex, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside [start, end); ": " after a preamble ("the following interests:") also splits."""
    toks, starts = index.toks, index.starts
    spans, s_start = [], None
    for m in BOUNDARY_RE.finditer(text, start, end):
        i = bisect_left(starts, m.start() + 1) - 1  # the token holding the punctuation
        if i < 0 or i + 1 >= len(toks) or toks[i + 1].start >= end:
            continue
        if s_start is None:
            first = bisect_left(starts, start)
            s_start = toks[first].start if first < len(toks) else start
        after = toks[i + 2 : i + 4]
        if toks[i].start >= s_start and _ends_sentence(text, toks[i], toks[i + 1], s_start, after):
            spans.append((s_start, toks[i].end))
            s_start = toks[i + 1].start
    if s_start is None:
        first = bisect_left(starts, start)
        s_start = toks[first].start if first < len(toks) and toks[first].start < end else end
    if s_start < end and text[s_start:end].strip():
        spans.append((s_start, end))
    if " - " in text[start:end] or "\u2022" in text[start:end] or " \u2013 " in text[start:end]:
        spans = _bullets(text, spans)
    return spans


# "- YMP is an employee of X - ZK is an employee of Y - All other authors declare ...": a dash or bullet
# between spaces before initials, a title or a sentence's opening word starts a new sentence.
BULLET_RE: Final = re.compile(
    r"\s[-\u2013\u2022]\s+(?=(?:[A-Z][A-Z.\-]{1,7}|Drs?\.?|Prof\.?)\s)|(?<=\.)\s[-\u2013\u2022]\s+(?=[A-Z])"
)


def _bullets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        for m in BULLET_RE.finditer(text, a, b):
            if text[a : m.start()].strip(" -\u2013\u2022"):
                out.append((a, m.start()))
            a = m.end()
        out.append((a, b))
    return out


def _ends_sentence(text: str, tok: Tok, nxt: Tok | None, s_start: int, after: list[Tok] | None = None) -> bool:
    if nxt is None:
        return False
    t = tok.text
    if t in ("!", "?"):
        return True
    if t == ":":
        return nxt.start > tok.end and bool(PREAMBLE_RE.search(text, s_start, tok.start))
    if not t.endswith("."):
        return False
    if tok.low in COMPANY_ABBR and (nxt.low in OPENERS or _new_subject(nxt, after or [])):
        return True  # "... Science Exchange Inc. The experiments ...", "... Novoic Ltd. KVP is ..."
    if tok.low in COUNTRY_ABBR and (
        nxt.low in OPENERS
        or (
            DOTTED_INITIALS_RE.fullmatch(nxt.text)
            and after
            and (after[0].low in PERSON_VERBS or after[0].low in INITIALS_JOINS)
        )
    ):
        return True  # "... Essential Medicines U.K. S.K. and R.O. are members", "... Health U.K. However"
    if after and after[0].text == ":" and DOTTED_INITIALS_RE.fullmatch(nxt.text) and t[-2:-1].isalpha():
        return True  # "... Roche, IPSEN. N.C.Q.: Abbvie, ...": the next author's heading
    if nxt.low in NEXT_TITLES and SINGLE_INITIAL_RE.fullmatch(t) and after and after[0].cap:
        return True  # "... Rush AJ, and Paddock S. Dr. Kaddurah-Daouk is ...": a title does not follow an initial
    if t != "." and is_abbreviation(tok):
        return False
    if nxt.text == "." and after and after[0].start == nxt.end and after[0].cap:
        return True  # "... outside the submitted work. .Dr. Nair reports": a stray full stop before the next
    return nxt.text[0].isupper() or nxt.text[0].isdigit() or nxt.text in ("(", "“", '"')


# Initials may carry an accent ("M.É.C."): capitals of Latin-1 and Latin Extended-A as well as A-Z.
_CAP: Final = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017e"
DOTTED_INITIALS_RE: Final = re.compile(rf"(?:[{_CAP}]\.-?){{2,4}}|(?:[{_CAP}]\.-?){{1,3}}[{_CAP}]")  # "R.V.S" too
SINGLE_INITIAL_RE: Final = re.compile(rf"[{_CAP}]\.")
MIDDLE_INITIAL_RE: Final = re.compile(rf"[{_CAP}]\.?")
INITIALS_RE: Final = re.compile(rf"[{_CAP}]{{2,4}}")
# What joins initials in a list of authors: "JF, JW and SM", "S.K. & R.O.".
INITIALS_JOINS: Final = frozenset(("and", ",", "&"))
PERSON_VERBS: Final = words("is was has had holds received receives report reports reported serves served declares")
NEXT_TITLES: Final = words("dr dr. prof prof. mr. ms. mrs. drs.")


def _new_subject(nxt: Tok, after: list[Tok]) -> bool:
    """After "Ltd.", a person starts a sentence: "R.K. received", "KVP is", "Dr. Smith", "Oscar H Franco
    works", "Manuel Salto-Tellez is"; `after` holds the two tokens after `nxt`."""
    if nxt.low in NEXT_TITLES or DOTTED_INITIALS_RE.fullmatch(nxt.text):
        return True
    second = after[0] if after else None
    if second is None:
        return False
    if SINGLE_INITIAL_RE.fullmatch(nxt.text) and second.cap:
        return True  # "... Ltd. M. Roman-Rodriguez reports"
    if nxt.cap and nxt.text.isalpha() and MIDDLE_INITIAL_RE.fullmatch(second.text):
        return True  # "... Inc. Oscar H Franco works"
    if nxt.cap and nxt.text.isalpha() and second.low in PERSON_VERBS:
        return True  # "... Inc. Smith reported consulting fees"
    if nxt.cap and second.cap and len(after) > 1 and after[1].low in PERSON_VERBS:
        return True  # "... Ltd. Manuel Salto-Tellez is a senior advisor"
    if (
        nxt.cap
        and nxt.text.isalpha()
        and second.cap
        and second.text.isalpha()
        and len(after) > 1
        and (after[1].text == "," or after[1].low == "and")
    ):
        return True  # "... Inc. Silvia Liu, Yan-Ping Yu and Jian-Hua Luo declare", "Holly Legault and ...": names
    if INITIALS_RE.fullmatch(nxt.text) and second.text == ":":
        return True  # "... Mission Bio, Inc. CL: Speakers' Bureau: ...": the next author's heading
    if INITIALS_RE.fullmatch(nxt.text) and second.low in INITIALS_JOINS and len(after) > 1:
        return bool(INITIALS_RE.fullmatch(after[1].text))  # "... Inc. JF, JW and SM are employees"
    return nxt.text.isupper() and nxt.text.isalpha() and second.text.islower()


class TokenIndex:
    """Token lookup by offset, so regions found by regexes map back to tokens cheaply."""

    def __init__(self, toks: list[Tok], starts: list[int] | None = None) -> None:
        self.toks = toks
        self.starts = [t.start for t in toks] if starts is None else starts

    def between(self, a: int, b: int) -> list[Tok]:
        i = bisect_left(self.starts, a)
        j = bisect_left(self.starts, b, lo=i)
        out = self.toks[i:j]
        if out and out[-1].end > b:
            out = out[:-1]
        return out

    def before(self, pos: int, lo: int, count: int) -> list[Tok]:
        """Up to `count` tokens that end at or before `pos` and start at or after `lo`."""
        j = bisect_left(self.starts, pos)
        i = max(bisect_left(self.starts, lo), j - count)
        return [t for t in self.toks[i:j] if t.end <= pos]
