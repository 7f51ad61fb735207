"""Matching initials ("J-PML", "D.T.P.") and partial names ("JM Gatell") to the article's author list."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

from .text import Tok, words

PARTICLES = words("de van von der den del della da di du la le dos das ten ter y el al bin")
TITLES = words("dr dr. prof prof. professor mr mr. ms ms. mrs mrs. drs drs.")
INITIAL_STRIP_RE = re.compile(r"[.\-\u2010\u2019':]")
CAMEL_RE = re.compile(r"^(Mc|Mac|O['\u2019]|D['\u2019]|Di|De|Le|La|Van|Von)(?=[A-Z])")
GLUED_RE = re.compile(r"^([A-Z]{1,3}?)([A-Z][a-z]{2,})$")


@lru_cache(maxsize=4096)
def fold(s: str) -> str:
    """Lower-case and strip accents so "Jörg" and "Jorg" compare equal."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def initials_key(text: str) -> str:
    return INITIAL_STRIP_RE.sub("", text).upper()


def looks_like_initials(text: str) -> bool:
    """ "EI", "J-PML", "D.T.P.", "ØF": 2-6 capitals once dots and hyphens are gone."""
    key = INITIAL_STRIP_RE.sub("", text)
    if not (2 <= len(key) <= 7 and key.isalpha()):
        return False
    if key.isupper():
        return True
    # "CdlF", "JvE": particles may be written in lower case between capitals
    upper = sum(c.isupper() for c in key)
    return key[0].isupper() and key[-1].isupper() and upper >= 2 and len(key) - upper <= 2


def _token_options(tok: str, is_last: bool) -> list[str]:
    """Letters a name token may contribute to an initialism (several spellings are in use)."""
    bare = tok.replace(".", "")
    if not bare:
        return [""]
    if bare.lower() in PARTICLES and bare[0].islower():
        return ["", bare[0].upper()]
    if "-" in bare:
        parts = [p for p in bare.split("-") if p]
        if not parts:
            return [""]
        return list(dict.fromkeys(["".join(p[0].upper() for p in parts), parts[0][0].upper()]))
    if not is_last and bare.isupper() and len(bare) <= 3:
        return [bare]  # "GW", "HD", "I.A": each capital is an initial
    opts = [bare[0].upper()]
    m = CAMEL_RE.match(bare)
    if m:
        opts.append(bare[0].upper() + bare[m.end()].upper())
    return opts


def _variants(tokens: list[str]) -> set[str]:
    last = len(tokens) - 1
    options = [_token_options(t, i == last) for i, t in enumerate(tokens)]
    if len(options) > 8:
        options = options[:4] + options[-4:]
    return {"".join(combo) for combo in product(*options)}


class AuthorIndex:
    """Lookup tables built once per author list."""

    def __init__(self, authors: tuple[str, ...]) -> None:
        self.names = authors
        self.collab = [a.strip().upper().startswith("COLLAB") for a in authors]
        # Everything else is built on first use: most footnotes never mention a name or initials.
        self._names_built = False
        self._tokens: list[list[str]] = []
        self.given: list[list[str]] = []
        self.by_surname: dict[str, list[int]] = {}
        self._tables: dict[str, tuple[dict[str, list[int]], dict[str, list[int]]]] = {}
        self._memo: dict[tuple[str, ...], int | None] = {}

    def _build_names(self) -> None:
        self._names_built = True
        self._tokens = [_name_tokens(name) for name in self.names]
        for idx, toks in enumerate(self._tokens):
            self.by_surname.setdefault(fold(toks[-1]) if toks else "", []).append(idx)
            self.given.append([fold(t.replace(".", "")) for t in toks[:-1]])

    def _initial_tables(self, letter: str) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Initialism tables for authors whose initials may start with `letter` (built on first use)."""
        if not self._names_built:
            self._build_names()
        tables = self._tables.get(letter)
        if tables is None:
            full: dict[str, list[int]] = {}
            short: dict[str, list[int]] = {}
            for idx, toks in enumerate(self._tokens):
                if not toks or _first_letter(toks[0]) not in (letter, ""):
                    continue
                for key in _variants(toks):
                    self._add(full, key, idx)
                if len(toks) > 2:
                    for key in _variants([toks[0], toks[-1]]):
                        self._add(short, key, idx)
            tables = self._tables[letter] = (full, short)
        return tables

    @staticmethod
    def _add(table: dict[str, list[int]], key: str, idx: int) -> None:
        for k in {key, fold(key).upper()}:
            bucket = table.setdefault(k, [])
            if idx not in bucket:
                bucket.append(idx)

    def by_initials(self, text: str) -> int | None:
        key = initials_key(text)
        if not key:
            return None
        folded = fold(key).upper()
        for table in self._initial_tables(folded[:1]):
            hit = table.get(key) or table.get(folded)
            if hit:
                return hit[0]  # ambiguous initials go to the first author in byline order
        return None

    def by_name(self, words: list[str]) -> int | None:
        if not self._names_built:
            self._build_names()
        titled = len(words) > 1 and words[0].lower() in TITLES
        words = [w for w in words if w.lower() not in TITLES]
        if len(words) == 1 and titled:
            hits = self.by_surname.get(fold(words[0].rstrip(".")), [])
            return hits[0] if len(hits) == 1 else None
        if len(words) == 1:
            m = GLUED_RE.match(words[0])  # "TTaniguchi": initial glued to the surname
            if not m:
                return None
            words = [m.group(1), m.group(2)]
        if len(words) < 2:
            return None
        for idx in self.by_surname.get(fold(words[-1].rstrip(".")), ()):
            if self._given_ok(idx, words[:-1]):
                return idx
        return None

    def _given_ok(self, idx: int, given: list[str]) -> bool:
        author_given = self.given[idx]
        author_init = "".join(g[0] for g in author_given if g and g not in PARTICLES)
        text_init = ""
        for g in given:
            bare = g.replace(".", "")
            if not bare or bare.lower() in PARTICLES:
                continue
            if bare.isupper() and len(bare) <= 3:
                text_init += bare.lower()
            elif fold(bare) in author_given:
                text_init += fold(bare)[0]
            else:
                return False
        return author_init.startswith(text_init) or text_init == author_init

    def match(self, words: list[str]) -> int | None:
        """Author index for one mention (initials, "JM Gatell", "Robert Tjian"), or None."""
        key = tuple(words)
        if key in self._memo:
            return self._memo[key]
        initials = len(words) == 1 and looks_like_initials(words[0])
        idx = self.by_initials(words[0]) if initials else self.by_name(words)
        if len(self._memo) < 4096:
            self._memo[key] = idx
        return idx

    def match_label_piece(self, piece: str) -> int | None:
        """Footnote labels may glue initials with colons ("RP:CB") or spell out a full name."""
        words = piece.split()
        if len(words) == 1 and looks_like_initials(words[0]):
            return self.by_initials(words[0])
        return self.by_name(words)

    def all_authors(self) -> list[int]:
        return list(range(len(self.names)))


def _first_letter(tok: str) -> str:
    """Folded first initial of a name token; "" when it may contribute no letter (a particle)."""
    bare = tok.replace(".", "").lstrip("-")
    if not bare or (bare.lower() in PARTICLES and bare[0].islower()):
        return ""
    return fold(bare[0]).upper()[:1]


def _name_tokens(name: str) -> list[str]:
    name = name.strip()
    if name.upper().startswith("COLLAB"):
        name = name.split(":", 1)[-1]
    return [t for t in re.split(r"[\s:]+", name) if t and t.lower() != "the"]


@lru_cache(maxsize=256)
def author_index(authors: tuple[str, ...]) -> AuthorIndex:
    return AuthorIndex(authors)


# ---- mention lists in running text ("D Dalmau and JM Gatell", "EI, FT, and JL") ----

MENTION_SEPS = frozenset({",", "and", "&"})


def is_nameish(tok: Tok) -> bool:
    return tok.cap


def read_mentions(toks: list[Tok], i: int) -> tuple[list[list[Tok]], int]:
    """Read a list of capitalised mentions starting at toks[i]; returns the mentions and the next index."""
    mentions: list[list[Tok]] = []
    cur: list[Tok] = []
    n = len(toks)
    while i < n:
        tok = toks[i]
        if (is_nameish(tok) and len(cur) < 5) or (
            cur and tok.low in PARTICLES and i + 1 < n and is_nameish(toks[i + 1])
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
