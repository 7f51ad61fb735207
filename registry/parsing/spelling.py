"""How names are spelt: accents and hyphens folded, initials recognised, the variants one name may be written in."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product
from typing import Final

from .text import words

PARTICLES: Final = words("de van von der den del della da di do du la le dos das ten ter y el al bin")
TITLES: Final = words(
    "dr dr. prof prof. professor mr mr. ms ms. mrs mrs. drs drs. miss mx mx. sir dame profs profs. author"
)
# Dotted initials where a part keeps more letters of the name: "D.Sh." (Diana Shpektor), "J.Hau.", "S.-H.".
DOTTED_PARTS_RE: Final = re.compile(
    r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{0,3}\.(?:-?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{0,3}\.?)+"
)
DOTTED_SPLIT_RE: Final = re.compile(r"[.\-]+")
INITIAL_STRIP_RE: Final = re.compile(r"[.\-\u2010\u2019':]")
CAMEL_RE: Final = re.compile(r"^(Mc|Mac|O['\u2019]|D['\u2019]|Di|De|Le|La|Van|Von)(?=[A-Z])")
CAMEL_FIRST: Final = frozenset("MODLV")  # the letters CAMEL_RE can start with
SPACED_INITIAL_RE: Final = re.compile(r"[A-Z]\.(?:-[A-Z]\.)?")  # "A.", and "J.-M." of a hyphenated given name
GLUED_RE: Final = re.compile(r"^([A-Z]{1,3}?)([A-Z][a-z]{2,})$")
NAME_SPLIT_RE: Final = re.compile(r"[\s:]+")
# "Daniel A Guthy", "Ole A. Andreassen", "Sébastien Jeay": words of a capital A-Z and small letters (Latin-1
# ones too) or of a capital and a dot, none of them "The"; each gives its first letter and nothing else.
_PLAIN_WORD: Final = r"[A-Z](?:[a-z\u00df-\u00f6\u00f8-\u00ff]*|\.)"
PLAIN_NAME_RE: Final = re.compile(rf"(?:(?!The ){_PLAIN_WORD} )*(?!The$){_PLAIN_WORD}")


# Characters written plainly before names are compared: typographic hyphens (U+2010, U+2011) as "-", a
# soft hyphen dropped, and the letters Unicode does not decompose into a base letter and an accent: the
# Turkish dotless i ("P\u0131nar" is written "Pinar"), the Polish l and the Croatian d with stroke.
PLAIN_CHARACTERS: Final = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u00ad": None,
        "\u0131": "i",
        "\u0142": "l",
        "\u0141": "L",
        "\u0111": "d",
        "\u0110": "D",
    }
)


class _PlainLetters(dict):
    """Each character as `fold` writes it before lower-casing: plain (PLAIN_CHARACTERS), decomposed (NFKD)
    and without its combining marks; worked out the first time the character is met.

    Decomposition works character by character (the only thing that crosses characters is the reordering
    of combining marks, which are all dropped), so a text translated through this table is the text
    normalised and stripped of its marks as a whole, at a fraction of the cost."""

    def __missing__(self, code: int) -> str:
        plain = chr(code).translate(PLAIN_CHARACTERS)
        letters = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
        if len(self) < 8192:  # a text of many scripts does not grow the table without end
            self[code] = letters
        return letters


PLAIN_LETTERS: Final = _PlainLetters()


@lru_cache(maxsize=4096)
def fold(s: str) -> str:
    """Lower-case and strip accents so "Jörg" and "Jorg" compare equal."""
    if s.isascii():
        return s.lower()  # nothing to decompose: most names and every initialism in English text
    # Wiley prints hyphens as U+2010 ("Bosch\u2010Traberg") where the byline may have "-"; a soft hyphen
    # (U+00AD) is no letter. Lower case comes last, over the whole text, as a final sigma needs.
    return s.translate(PLAIN_LETTERS).lower()


# German written without its umlauts and sharp s: "Mueller", "Juergen", "Weiss".
UMLAUT_SPELLING: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def umlauts_spelt_out(s: str) -> str:
    """`fold` of a name written without its umlauts and sharp s ("Müller" -> "mueller")."""
    return fold(s.translate(UMLAUT_SPELLING))


@lru_cache(maxsize=8192)
def initials_key(text: str) -> str:
    return text.upper() if text.isalpha() else INITIAL_STRIP_RE.sub("", text).upper()


@lru_cache(maxsize=8192)  # a pure function of one word, asked of the same words in every sentence
def looks_like_initials(text: str) -> bool:
    """ "EI", "J-PML", "D.T.P.", "ØF": 2-6 capitals once dots and hyphens are gone."""
    key = text if text.isalpha() else INITIAL_STRIP_RE.sub("", text)  # nothing to strip from letters
    if not (2 <= len(key) <= 7 and key.isalpha()):
        return False
    if key.isupper():
        return True
    if "." in text and text.lower() not in TITLES and DOTTED_PARTS_RE.fullmatch(text):
        return True  # "D.Sh.", "M.Le.": a part may keep a few letters of the name
    # "CdlF", "JvE": particles may be written in lower case between capitals
    upper = sum(c.isupper() for c in key)
    return key[0].isupper() and key[-1].isupper() and upper >= 2 and len(key) - upper <= 2


def _token_options(tok: str, is_last: bool) -> list[str]:
    """Letters a name token may contribute to an initialism (several spellings are in use)."""
    bare = tok.replace(".", "")
    if not bare:
        return [""]
    if bare[0].islower() and bare.lower() in PARTICLES:
        return ["", bare[0].upper()]
    if "-" in bare:
        parts = [p for p in bare.split("-") if p]
        if not parts:
            return [""]
        return list(dict.fromkeys(["".join(p[0].upper() for p in parts), parts[0][0].upper()]))
    if not is_last and bare.isupper() and len(bare) <= 3:
        return [bare]  # "GW", "HD", "I.A": each capital is an initial
    opts = [bare[0].upper()]
    m = CAMEL_RE.match(bare) if bare[0] in CAMEL_FIRST else None
    if m:
        opts.append(bare[0].upper() + bare[m.end()].upper())
    return opts


def _options(tokens: list[str]) -> list[list[str]]:
    """Per token, the letters it may contribute; very long names keep their first and last four tokens."""
    last = len(tokens) - 1
    options = [_token_options(t, i == last) for i, t in enumerate(tokens)]
    return options[:4] + options[-4:] if len(options) > 8 else options


def name_variants(tokens: list[str]) -> set[str]:
    options = _options(tokens)
    if all(len(opts) == 1 for opts in options):
        return {"".join(opts[0] for opts in options)}  # the common case: one spelling
    return {"".join(combo) for combo in product(*options)}
