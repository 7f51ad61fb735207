"""Comparing person names as an editor does: initials, middle names, diacritics, German
transliterations (Jörg/Joerg), nicknames (Kate/Katherine), and how common a name is."""

import re
from dataclasses import dataclass
from functools import lru_cache

from registry.names import fold

# Given names that stand for one another; a name may belong to several groups (Ted: Edward, Theodore).
_NICKNAME_GROUPS = [
    "kate katherine catherine kathryn katharine kathleen katie kathy cathy",
    "william bill will billy",
    "robert bob rob bobby",
    "james jim jimmy jamie",
    "michael mike mick",
    "david dave",
    "thomas tom tommy",
    "daniel dan danny",
    "christopher chris",
    "christine chris christina",
    "alexander alex sasha",
    "alexandra alex sasha",
    "joseph joe",
    "nicholas nick nicolas",
    "stephen steve steven",
    "anthony tony",
    "andrew andy",
    "benjamin ben",
    "samuel sam",
    "samantha sam",
    "matthew matt",
    "peter pete",
    "richard rick rich dick",
    "edward ed eddie ted",
    "theodore ted theo",
    "elizabeth liz beth betty eliza",
    "jennifer jen jenny",
    "susan sue suzanne",
    "margaret meg maggie peggy",
    "gregory greg",
    "jeffrey jeff geoffrey",
    "frederick fred",
    "timothy tim",
    "patrick pat",
    "patricia pat trish",
    "jonathan jon",
    "nathaniel nathan nate",
    "rebecca becky",
    "deborah debbie deb",
    "phillip philip phil",
    "douglas doug",
    "lawrence larry",
    "raymond ray",
    "ronald ron",
    "donald don",
    "gerald gerry jerry",
    "kenneth ken",
    "leonard len leo",
    "victoria vicky",
    "zachary zach",
]
_NICKNAMES: dict[str, frozenset[int]] = {}
for _number, _group in enumerate(_NICKNAME_GROUPS):
    for _name in _group.split():
        _NICKNAMES[_name] = _NICKNAMES.get(_name, frozenset()) | {_number}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Family names so common among authors that the name alone says little (the largest shares of
# authors in bibliographic databases: Chinese, Korean, Vietnamese, Indian, then Western names).
_VERY_COMMON_FAMILY = _words(
    "li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie "
    "song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu "
    "ding ren shen yao lee kim park choi jung kang cho yoon jang lim nguyen tran le pham singh kumar"
)
_COMMON_FAMILY = _words(
    "sharma patel shah gupta smith johnson williams brown jones miller davis garcia rodriguez martinez "
    "hernandez lopez gonzalez wilson anderson taylor thomas moore martin jackson white harris clark "
    "lewis muller schmidt schneider fischer weber meyer wagner becker sato suzuki takahashi tanaka "
    "watanabe ito yamamoto nakamura kobayashi kato silva santos oliveira souza pereira ferreira costa "
    "rossi russo ferrari khan ali ahmed hassan cohen levy"
)

_DIGRAPH = re.compile(r"(?<=[aou])e")  # ä ö ü written ae oe ue
_INITIALS = re.compile(r"^[A-Z]{2,3}$")  # "HD" in "Jamie HD Cate": two initials, not a name


@dataclass(frozen=True)
class NameForm:
    """A name as first given name (or its initial), middle initials and family name, folded."""

    first: str
    middles: tuple[str, ...]
    family: str

    @property
    def has_first_name(self) -> bool:
        return len(self.first) > 1


def transliterated(word: str) -> str:
    """The comparison form of a folded word: "joerg" and "jorg" (from Jörg) are the same."""
    return _DIGRAPH.sub("", word)


_BREAKS = re.compile(r"[\s.\-]+")  # between the words of a name
_BREAK = re.compile(r"[\s.\-]")
_BREAK_OR_COMMA = re.compile(r"[\s.\-,]")
_SUFFIX_WORDS = frozenset(("jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "4th"))
_SUFFIX = re.compile(r"(?<=\S)[\s,]+(?:jr|sr|ii|iii|iv|2nd|3rd|4th)\.?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def name_form(name: str, family_name: str = "") -> NameForm | None:
    """Parse a printed name; the family name is the stated one, else the last word. A generational
    suffix ("Jr.", "III", PubMed's "3rd") is no part of either."""
    given_text = name = _SUFFIX.sub("", name)
    family = fold(family_name).replace(" ", "")
    if family_name and name.rstrip().endswith(family_name.strip()):
        given_text = name.rstrip()[: -len(family_name.strip())]
    words = [w for w in _BREAKS.split(given_text) if w]
    if not family:
        if len(words) < 1:
            return None
        family = fold(words.pop()).replace(" ", "")
    given: list[str] = []
    for word in words:
        if _INITIALS.match(word):
            given.extend(letter.lower() for letter in word)
        else:
            given.extend(fold(word).split())
    if not family:
        return None
    if not given:
        return NameForm("", (), family)
    return NameForm(given[0], tuple(word[0] for word in given[1:]), family)


def printed_form(name: str, family_name: str, stated: NameForm | None) -> NameForm | None:
    """`name_form(name)`, the family name taken as the last word, knowing `stated`, which is
    `name_form(name, family_name)`: when the stated family name is one word and the name's last,
    both parse the same words the same way, and the parse is not done again."""
    family = family_name.strip()
    if (
        stated is not None
        and family
        and family.isascii()
        and family.lower() not in _SUFFIX_WORDS
        and not _BREAK_OR_COMMA.search(family)
    ):
        # A name ending in such a word ends in no generational suffix: `_SUFFIX` leaves it as it is.
        text = name.rstrip()
        given_text = text[: -len(family)]
        if (
            text.endswith(family)
            and (not given_text or _BREAK.match(given_text[-1]))
            and fold(family).replace(" ", "") == stated.family
        ):
            return stated
    return name_form(name)


@lru_cache(maxsize=1 << 14)
def block_key(name: str, family_name: str = "") -> str:
    """Records compared with one another share this key: family name and first initial."""
    form = name_form(name, family_name)
    if form is None:
        return ""
    return form_key(form)


@lru_cache(maxsize=1 << 14)
def form_key(form: NameForm) -> str:
    """The block key of a parsed name."""
    return f"{transliterated(form.family)} {form.first[:1]}"[:300]


@dataclass(frozen=True)
class NameAgreement:
    level: str  # one of the NAME_* levels in registry.identity.scoring
    detail: str


def compare_names(a: NameForm, b: NameForm) -> NameAgreement:
    """How two name forms agree, from exactly the same to incompatible."""
    if transliterated(a.family) != transliterated(b.family):
        return NameAgreement("family_differs", f"family names {a.family!r} and {b.family!r} differ")
    first = _compare_first(a.first, b.first)
    if first == "differs":
        return NameAgreement("first_differs", f"given names {a.first!r} and {b.first!r} differ")
    middles_agree = _middles_agree(a.middles, b.middles)
    if middles_agree is None:
        return NameAgreement(
            "middle_differs", f"middle initials {''.join(a.middles) or '—'} and {''.join(b.middles) or '—'} differ"
        )
    if first == "initial":
        return NameAgreement("initials", "given name given as an initial on one side")
    if first in {"nickname", "transliteration"}:
        return NameAgreement("variant", f"given names {a.first!r} and {b.first!r} are a {first}")
    if a.middles == b.middles:
        if a.middles:
            return NameAgreement("exact_with_middle", "same given names, middle initials and family name")
        return NameAgreement("exact", "same given and family names")
    return NameAgreement("middle_missing", "middle initial printed on one side only")


def _compare_first(a: str, b: str) -> str:
    if not a or not b:
        return "initial"
    if a == b:
        return "same"
    if len(a) == 1 or len(b) == 1:
        return "initial" if a[0] == b[0] else "differs"
    if transliterated(a) == transliterated(b):
        return "transliteration"
    if _NICKNAMES.get(a, frozenset()) & _NICKNAMES.get(b, frozenset()):
        return "nickname"
    return "differs"


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """True when equal or one is missing or a prefix of the other; None when they conflict."""
    shorter, longer = sorted((a, b), key=len)
    return True if longer[: len(shorter)] == shorter else None


def commonness(form: NameForm) -> tuple[float, str]:
    """How many bits of evidence a shared name is worth less for being common."""
    family = form.family
    if family in _VERY_COMMON_FAMILY:
        penalty, why = 3.0, f"{family!r} is among the most common family names"
        if len(form.first) <= 4:
            penalty, why = 5.0, f"{form.first} {family} is a very common name"
        return penalty, why
    if family in _COMMON_FAMILY or transliterated(family) in _COMMON_FAMILY:
        return 1.5, f"{family!r} is a common family name"
    if len(family) <= 3:
        return 1.0, f"short family name {family!r}"
    return 0.0, ""
