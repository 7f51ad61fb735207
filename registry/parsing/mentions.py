"""Lists of capitalised mentions in running text ("D Dalmau and JM Gatell", "EI, FT, and JL")."""

from __future__ import annotations

from typing import Final

from .spelling import PARTICLES, TITLES
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
        if (tok.cap and (len(cur) < 5 or len(cur) < 5 + sum(t.low in TITLES or t.low in PARTICLES for t in cur))) or (
            cur and tok.low in PARTICLES and i + 1 < n and toks[i + 1].cap
        ):
            cur.append(tok)
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
