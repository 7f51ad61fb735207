"""Who a sentence is about: initials or names at its start, a pronoun, or an organization as subject."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Final

from .authors import AuthorIndex
from .mentions import is_nameish, read_mentions
from .orgnames import clean_name, run_from
from .spelling import PLAIN_LETTERS, looks_like_initials
from .text import Tok, words

LEADIN: Final = words("co-author co-authors coauthor coauthors author authors two both member members")
PLURAL_TITLES: Final = words("drs drs. profs profs. drs")
SKIP: Final = words("the this that these a an however also additionally furthermore currently previously")
RECEIVES_RE: Final = re.compile(
    r"\b(?:receiv\w*|holds?|has|have|had|gets?|stands?\s+to|obtain\w*|earn\w*|benefit\w*)\b", re.IGNORECASE
)
ALL_RE: Final = re.compile(
    r"\b(?:the|all|both)\s+authors\b|\bwe\b|^\W*authors\b"
    r"|\b(?:los|os|die|les|gli|de)\s+(?:autor\w*|auteurs|autori|auteurs)\b",
    re.IGNORECASE,
)
OTHER_AUTHORS_RE: Final = re.compile(r"\b(?:other|remaining)\s+(?:co-?)?authors\b", re.IGNORECASE)
AUTHOR_RE: Final = re.compile(r"\b(?:the|this)\s+author\b", re.IGNORECASE)
LATTER_RE: Final = re.compile(r"\bthe\s+latter\b", re.IGNORECASE)
PRONOUN_RE: Final = re.compile(r"\b(?:he|she|i|his|her|this)\b", re.IGNORECASE)
# One name written alone: a capital and lower case, with capitals inside only after a prefix, apostrophe or
# hyphen ("Greenwald", "McNeil", "DeVito", "O'Brien", "Abd-Elsalam"), never an acronym ("MSD", "GSK")
BARE_NAME_RE: Final = re.compile(r"(?:[A-Z]['\u2019])?[A-Z][a-z]+(?:[A-Z'\u2019-][A-Za-z][a-z]+)*")


_END: Final = attrgetter("end")


@dataclass(slots=True, init=False)
class Subject:
    """kind: persons | org | pronoun | author | all | others | latter | none. authors: indexes, [None] if unknown."""

    kind: str
    authors: list[int | None] = field(default_factory=list)
    org: tuple[str, int, int] | None = None
    receives: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)

    # __init__ written out: the one dataclass writes runs as Python even where mypyc compiles the class
    def __init__(
        self,
        kind: str,
        authors: list[int | None] | None = None,
        org: tuple[str, int, int] | None = None,
        receives: bool = False,
        spans: list[tuple[int, int]] | None = None,
    ) -> None:
        self.kind = kind
        self.authors = [] if authors is None else authors
        self.org = org
        self.receives = receives
        self.spans = [] if spans is None else spans


def evaluate(
    mentions: list[list[Tok]], index: AuthorIndex, leadin: bool, strict: bool = False
) -> list[int | None] | None:
    """Authors named by a mention list; [None] for a group of non-byline initials; None if not people.
    `strict` (a subject in the middle of a sentence) takes initials as the byline spells them, unless
    another mention of the list is spelt so ("and MSD and has received": a company; "and TDS and PWF are":
    two authors)."""
    matched: list[int] = []
    unknown, dotted, other = 0, False, 0
    plural = bool(mentions) and mentions[0][0].low in PLURAL_TITLES
    exact = [index.match([t.text for t in m], True) is not None for m in mentions] if strict else []
    for k, m in enumerate(mentions):
        if k and len(m) == 1 and len(mentions[k - 1]) >= 2 and m[0].text in DEGREES:
            continue  # "John A. Smith, MD, PhD, has served ...": degrees after a full name
        words = [t.text for t in m]
        words[-1] = _whose(words[-1])
        glued = GLUED_VERB_RE.fullmatch(words[0]) if len(words) == 1 and words[0][-1] in "sd" else None
        if glued is not None:
            words = [glued.group(1)]  # "PRhas received": the space left out
        if plural and len(words) == 1:
            words = ["Dr", *words]  # "Drs. Raphael and Harris": the title covers every name
        # a guessed reading only beside another mention the byline spells exactly
        idx = index.match(words, strict and sum(exact) - exact[k] == 0)
        if idx is None and len(words) == 1 and words[0].isalpha() and not looks_like_initials(words[0]):
            idx = _shared_surname(words[0], mentions, m, index)
        if idx is not None and idx in matched and len(words) == 1 and looks_like_initials(words[0]):
            twin = index.other_with_initials(words[0], set(matched))
            idx = idx if twin is None else twin
        if idx is not None:
            matched.append(idx)
        elif len(m) == 1 and looks_like_initials(m[0].text):
            unknown += 1
            dotted = dotted or "." in m[0].text
        else:
            other += 1
    if not matched and not unknown:
        bare = _bare_names(mentions, index)
        if bare:
            return bare
    if not matched and unknown == len(mentions) >= 2:
        reversed_ = _surname_first(mentions, index)
        if reversed_:
            return reversed_
    if matched and (len(matched) >= unknown or (len(matched) >= 2 and not other)):
        # "JH, JCO, GJG, AWW, AV, MDS, and ADB are employees of X": initials of the byline's authors among others
        # the byline does not have (a longer author list elsewhere) are those authors
        return list(dict.fromkeys(matched))
    if unknown and (unknown + len(matched) >= 2 or dotted or leadin) and other <= unknown:
        return [None]
    return None


# Degrees and fellowships written after a name, as they are spelt (two capitals alone could be initials).
DEGREES: Final = frozenset(
    [
        *("MD", "PhD", "DPhil", "MSc", "MBA", "MPH", "BSc", "PharmD", "DDS", "DMD", "MBBS", "MBChB", "BMBCh"),
        *("FRCP", "FRCPC", "FRCS", "FRCSC", "FRCA", "FRACP", "FACP", "FACC", "FAHA", "FACS", "FESC", "MRCP"),
        *("FANZCA", "FCICM", "FFICM", "FFPM"),
    ]
)


# Initials with the verb after them glued on ("PRhas received ...", "JSwas a consultant").
GLUED_VERB_RE: Final = re.compile(r"([A-Z]{2,5})(?:has|had|was|is|reports|received|declares|served)")


def _whose(word: str) -> str:
    """A name without its possessive ending: "Brunelli's spouse", "Dr. Sibbel's wife" name whose family it is."""
    return word[:-2] if len(word) > 3 and word.endswith(("'s", "\u2019s")) else word


def _shared_surname(given: str, mentions: list[list[Tok]], m: list[Tok], index: AuthorIndex) -> int | None:
    """ "Sue and Bob O'Donnell", "Drs. Jane and John Smith": a given name alone before a full name shares
    its surname."""
    later = mentions[mentions.index(m) + 1 :]
    full = next((x for x in later if len(x) >= 2), None)
    if full is None or not full[-1].cap:
        return None
    return index.match([given, full[-1].text])


def _surname_first(mentions: list[list[Tok]], index: AuthorIndex) -> list[int | None] | None:
    """ "ZG and MW are employees of X" for Gang Zeng and Weining Meng: a list of two-letter initials written
    surname first, when none of them is any author's in byline order and each, turned round, is one author's."""
    found: list[int | None] = []
    for m in mentions:
        letters = m[0].text.replace(".", "")
        if len(letters) != 2 or not letters.isalpha() or not letters.isupper():
            return None
        idx = index.by_initials(letters[::-1], strict=True)
        if idx is None or idx in found:
            return None
        found.append(idx)
    return found or None


def _bare_names(mentions: list[list[Tok]], index: AuthorIndex) -> list[int | None] | None:
    """ "Greenwald, Chamoun and Gray are employees", "Ajay and Ashwini are stock-holders": single names,
    each one author's surname or first name."""
    found: list[int | None] = []
    for m in mentions:
        word = _whose(m[0].text)
        # "Müller", "Łukasiewicz": accents aside, the same shape
        plain = word if word.isascii() else word.translate(PLAIN_LETTERS)
        if len(m) != 1 or len(word) < 3 or not BARE_NAME_RE.fullmatch(plain):
            return None
        idx = index.by_one_name(word)
        if idx is None:
            return None
        found.append(idx)
    return found or None


def scan_subject(text: str, toks: list[Tok], prefix_end: int, index: AuthorIndex) -> Subject:
    """Read the words before the first relation phrase of a sentence."""
    prefix = toks[: bisect_right(toks, prefix_end, key=_END)]  # tokens are in text order
    org = None
    people: list[int | None] = []
    spans: list[tuple[int, int]] = []
    i, first = 0, _first_content(prefix)
    while i < len(prefix):
        t = prefix[i]
        if not t.cap or t.low in LEADIN or (t.low in SKIP and _skipped(t)):  # is_nameish(t)
            i += 1
            continue
        mentions, j = read_mentions(prefix, i)
        leadin = i > 0 and prefix[i - 1].low in LEADIN
        group = evaluate(mentions, index, leadin)
        if group is not None:
            people.extend(group)
            spans.append((prefix[i].start, prefix[j - 1].end))
        if i == first and org is None and _org_like(mentions[0]) and j < len(prefix):
            end = run_from(prefix, i)
            org = (clean_name(text, prefix[i:end]), prefix[i].start, prefix[end - 1].end)
        i = j
    if people:
        named: list[int | None] = [p for p in dict.fromkeys(people) if p is not None]
        return Subject("persons", named or [None], spans=spans)
    if org is not None:
        receives = bool(RECEIVES_RE.search(text, org[2], prefix_end))
        return Subject("org", org=org, receives=receives)
    if first < len(prefix) and prefix[first].low in ORDINALS:
        ordinal = _ordinal_authors(text, prefix[first].start, index)
        if ordinal is not None:
            return ordinal
    return _pronoun(text, prefix)


# "The first author", "the senior author", "the first and last authors": authors by their place in the byline.
ORDINALS: Final = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "senior": -1, "final": -1}
ORDINAL_AUTHORS_RE: Final = re.compile(
    r"(first|second|third|fourth|fifth|last|senior|final)(?:\s*(?:,|and|&)\s*(?:the\s+)?"
    r"(first|second|third|fourth|fifth|last|senior|final))?\s+(?:co-?)?authors?\b",
    re.IGNORECASE,
)


def _ordinal_authors(text: str, start: int, index: AuthorIndex) -> Subject | None:
    m = ORDINAL_AUTHORS_RE.match(text, start)
    n = len(index.names)
    if m is None or n < 2:
        return None
    places = [ORDINALS[word.lower()] for word in m.groups() if word]
    if any(place >= n for place in places):
        return None
    return Subject("persons", list(dict.fromkeys(place % n for place in places)), spans=[(start, m.end())])


def _skipped(tok: Tok) -> bool:
    """An article or sentence adverb, not initials written the same way ("AN and AA work for X")."""
    return tok.low in SKIP and not (len(tok.text) > 1 and tok.text.isupper())


def _first_content(prefix: list[Tok]) -> int:
    i = 0
    while i < len(prefix) and (_skipped(prefix[i]) or prefix[i].text == ","):
        i += 1
    return i


def _org_like(mention: list[Tok]) -> bool:
    if len(mention) > 1:
        return True
    t = mention[0].text
    return sum(c.isupper() for c in t) >= 2


def _pronoun(text: str, prefix: list[Tok]) -> Subject:
    if not prefix:
        return Subject("none")
    a, b = prefix[0].start, prefix[-1].end
    # Each pattern needs its word in the text; a substring test spares most of the searches.
    low = text[a:b].lower()
    if "latter" in low and LATTER_RE.search(text, a, b):
        return Subject("latter")
    if "author" in low and OTHER_AUTHORS_RE.search(text, a, b):
        return Subject("others")  # "All other authors have attended advisory boards ..."
    if "author" in low and AUTHOR_RE.search(text, a, b):
        return Subject("author")
    if prefix[0].low in ("authors", "co-authors", "coauthors"):
        return Subject("all")  # "...; authors are employees of X" (a regex's ^ holds only at the text's start)
    if ("author" in low or "we" in low or "autor" in low or "auteur" in low) and ALL_RE.search(text, a, b):
        return Subject("all")
    if PRONOUN_RE.search(text, a, b):
        return Subject("pronoun")
    return Subject("none")


def persons_anywhere(toks: list[Tok], index: AuthorIndex) -> tuple[list[int], list[tuple[int, int]]]:
    """Authors named anywhere in a sentence ("for the contributions of XBC and SL", "(AOG, PI)")."""
    found: list[int] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not is_nameish(toks[i]) or _skipped(toks[i]):
            i += 1
            continue
        mentions, j = read_mentions(toks, i)
        for m in mentions:
            idx = index.match([t.text for t in m])
            if idx is not None and not index.collab[idx]:
                found.append(idx)
                spans.append((m[0].start, m[-1].end))
        i = max(j, i + 1)
    return list(dict.fromkeys(found)), spans
