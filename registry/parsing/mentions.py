"""Lists of capitalised mentions in running text ("D Dalmau and JM Gatell", "EI, FT, and JL")."""

from __future__ import annotations

from typing import Final

from .spelling import PARTICLES, TITLES, looks_like_initials
from .text import Tok

MENTION_SEPS: Final = frozenset({",", "and", "&", "und", "y", "et"})  # lists of names in German, Spanish, French


def is_nameish(tok: Tok) -> bool:
    return tok.cap


def read_mentions(toks: list[Tok], i: int) -> tuple[list[list[Tok]], int]:
    """Read a list of capitalised mentions starting at toks[i]; returns the mentions and the next index."""
    mentions: list[list[Tok]] = []
    cur: list[Tok] = []
    n = len(toks)
    while i < n:
        tok = toks[i]
        # titles and particles do not count towards a mention's five words ("Caique de Melo do Espirito Santo");
        # they are counted only past five words
        if tok.text == "And" and cur:
            # "P.V., M.W., G.V. And T.T.H are employees": a capitalised "and" still joins the list
            mentions.append(cur)
            cur = []
        elif (tok.cap and (len(cur) < 5 or len(cur) < 5 + sum(t.low in TITLES or t.low in PARTICLES for t in cur))) or (
            cur and tok.low in PARTICLES and i + 1 < n and toks[i + 1].cap
        ):
            if cur and "." in tok.text and _initials_group(cur[-1].text) and _initials_group(tok.text):
                mentions.append(cur)  # "P.B.A. I.A.H., F.C.": two authors' initials, the comma left out
                cur = []
            cur.append(tok)
        elif tok.text == "(" and cur and _spelt_out(cur, toks, i):
            # "S. M. (Sherene Min)": initials two authors share, the bracket says which of them
            close = i + 1
            while toks[close].text != ")":
                close += 1
            cur = toks[i + 1 : close]
            i = close
        elif tok.low in MENTION_SEPS and (cur or mentions):
            if cur:
                mentions.append(cur)
            cur = []
        else:
            break
        i += 1
    if cur:
        mentions.append(cur)
    return mentions, i


def _initials_group(text: str) -> bool:
    """Dotted initials of two letters or more ("P.B.A.", "J.-M.M."), never one initial ("J.")."""
    return text.count(".") >= 2 and sum(c.isalpha() for c in text) >= 2 and looks_like_initials(text)


def _spelt_out(cur: list[Tok], toks: list[Tok], i: int) -> bool:
    """Whether a bracket at toks[i] spells out the initials just read: two to four capitalised words whose
    first letters are the initials' first and last ("S. M. (Sherene Min)")."""
    letters = "".join(c for t in cur for c in t.text if c.isalpha())
    if not 2 <= len(letters) <= 4 or not all(c.isupper() for c in letters) or len(cur) > 3:
        return False
    close = next((k for k in range(i + 1, min(i + 6, len(toks))) if toks[k].text == ")"), None)
    if close is None or not 2 <= close - i - 1 <= 4:
        return False
    inner = toks[i + 1 : close]
    return (
        all(t.cap and t.text.replace("-", "").replace(".", "").isalpha() for t in inner)
        and inner[0].text[0] == letters[0]
        and inner[-1].text[0] == letters[-1]
    )
