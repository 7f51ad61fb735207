"""Normal forms of organization and person names, the keys every lookup in the registry uses.

"Bristol-Myers Squibb", "BRISTOL MYERS SQUIBB Co." and "Bristol Myers Squibb Company" share one
normal form, so aliases resolve whatever the case, punctuation, accents or company form.
"""

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode decomposition leaves alone but readers treat as plain Latin letters.
_TRANSLITERATE = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "\u0131": "i",  # dotless i (Turkish)
        "þ": "th",
        "Þ": "th",
    }
)

# Legal-form words that do not distinguish one organization from another.
COMPANY_FORMS = frozenset(
    {
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "gmbh",
        "srl",
        "spa",
        "co",
        "corp",
        "corporation",
        "company",
        "plc",
        "ag",
        "sa",
        "sas",
        "nv",
        "bv",
        "as",
        "asa",
        "ab",
        "oy",
        "oyj",
        "kk",
        "pty",
        "the",
    }
)

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits separated by single spaces.

    Cached: an import folds the same names and affiliations several times (matching, validation,
    lookup keys, linking)."""
    text = text or ""
    if not text.isascii():  # ASCII has nothing to transliterate or decompose: the common case, fast
        text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    return " ".join(_NON_ALNUM.sub(" ", text).split())


def normalize_organization_name(name: str) -> str:
    """The lookup key of an organization name: folded, without legal-form words.

    A dangling "and" left by "Eli Lilly and Company" goes too. A name made only of
    form words ("The Company") keeps them rather than becoming empty.
    """
    words = _join_initialisms(fold(name).split())
    kept = [word for word in words if word not in COMPANY_FORMS]
    while kept and kept[-1] == "and":
        kept.pop()
    return " ".join(kept) if kept else " ".join(words)


def _join_initialisms(words: list[str]) -> list[str]:
    """Join runs of single letters, so "A/S", "S.A." and "N.V." become the form words as, sa, nv."""
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            joined.append("".join(run) if len(run) > 1 else run[0])
            run = []
        if word:
            joined.append(word)
    return joined


def normalize_person_name(name: str) -> str:
    """The lookup key of a person's name: folded, hyphens and dots as spaces."""
    return fold(name)


def normalize_term(term: str) -> str:
    """The lookup key of a topic or keyword."""
    return fold(term)
