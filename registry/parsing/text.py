"""Tokens, footnotes and sentences of a statement, all kept as offsets into the original text."""

from __future__ import annotations

import re
from bisect import bisect_left


def words(text: str) -> frozenset[str]:
    """A word list written as one string, so long vocabularies stay readable."""
    return frozenset(text.split())


# Inner dots, hyphens, apostrophes and ampersands stay inside a token so "Precision-Health.ai",
# "D.T.P." and "eLife's" are one token; a single trailing dot is kept to tell "Inc." from "Inc".
TOKEN_RE = re.compile(r"\w(?:[\w'\u2019\-.&]*\w)?\.?|[^\w\s]")
FOOTNOTE_SEP_RE = re.compile(r"\s*\|\|\s*")
HEADER_RE = re.compile(
    r"\s*(?:(?:competing|conflicting|financial|potential)\s+)?"
    r"(?:interests?|conflicts?\s+of\s+interests?|disclosures?|declarations?\s+of\s+interests?)"
    r"(?:\s+statements?)?\s*[:\-\u2013]\s*",
    re.IGNORECASE,
)
# Words that end with a dot without ending the sentence.
ABBREVIATIONS = words(
    "inc co ltd corp dr prof mr ms mrs no nos jr sr st vs e.g i.e et al appln approx fig ref dept "
    "univ assoc intl mt bros pty plc s.a s.l s.p.a n.v b.v"
)
COMPANY_ABBR = frozenset({"inc.", "ltd.", "co.", "corp.", "llc."})
OPENERS = words("the this these that he she they we i it his her their our in all no none neither however there")
BOUNDARY_RE = re.compile(r"[.!?:](?=\s)")
PREAMBLE_RE = re.compile(r"following|interests?\b|declares?\b|discloses?\b|policy", re.IGNORECASE)


class Tok:
    """A token with its offsets in the statement."""

    __slots__ = ("cap", "end", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.low = text.lower()
        self.cap = text[0].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}@{self.start})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    return [Tok(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, end)]


def footnotes(text: str) -> list[tuple[int, int]]:
    """Separate footnotes were joined with " || "; each one is read on its own."""
    spans, pos = [], 0
    for m in FOOTNOTE_SEP_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def skip_header(text: str, start: int, end: int) -> int:
    m = HEADER_RE.match(text, start, end)
    return m.end() if m else start


def is_abbreviation(tok: Tok) -> bool:
    body = tok.low[:-1]
    if body in ABBREVIATIONS:
        return True
    # Initials ("J.", "D.T.P.", "U.S.") never end a sentence in these statements.
    parts = body.split(".")
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
        if toks[i].start >= s_start and _ends_sentence(text, toks[i], toks[i + 1], s_start):
            spans.append((s_start, toks[i].end))
            s_start = toks[i + 1].start
    if s_start is None:
        first = bisect_left(starts, start)
        s_start = toks[first].start if first < len(toks) and toks[first].start < end else end
    if s_start < end and text[s_start:end].strip():
        spans.append((s_start, end))
    return spans


def _ends_sentence(text: str, tok: Tok, nxt: Tok | None, s_start: int) -> bool:
    if nxt is None:
        return False
    t = tok.text
    if t in ("!", "?"):
        return True
    if t == ":":
        return nxt.start > tok.end and bool(PREAMBLE_RE.search(text, s_start, tok.start))
    if not t.endswith("."):
        return False
    if tok.low in COMPANY_ABBR and nxt.low in OPENERS:
        return True  # "... Science Exchange Inc. The experiments ..."
    if t != "." and is_abbreviation(tok):
        return False
    return nxt.text[0].isupper() or nxt.text[0].isdigit() or nxt.text in ("(", "“", '"')


class TokenIndex:
    """Token lookup by offset, so regions found by regexes map back to tokens cheaply."""

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.starts = [t.start for t in toks]

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
