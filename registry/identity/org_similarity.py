"""Whether two organization names are probably one organization, from the evidence in the words.

Names are compared on what distinguishes them, not on the generic words they share: "University of
York" and "University of Toronto" share three words out of four and are different; "Academica Sinica"
and "Academia Sinica" differ by a letter in a distinctive word and are one. Generic words are
translated ("Universität" = "University", "Gesellschaft" = "Society") and singular; company forms,
"the" and "of" drop out; an acronym in parentheses or standing for the other name's words counts
as those words. Units of one parent ("HHMI, Harvard" and "HHMI, Yale"; two University of California
campuses) keep a distinctive word each, so they are siblings, not duplicates.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from registry.names import COMPANY_FORMS, fold

# Generic words in other languages, as the English word they mean.
TRANSLATIONS = {
    **dict.fromkeys(
        [
            "universitat",
            "universitaet",
            "universite",
            "universita",
            "universidad",
            "universidade",
            "universiteit",
            "universitet",
            "uniwersytet",
            "univerzita",
            "yliopisto",
            "universiti",
            "univ",
        ],
        "university",
    ),
    **dict.fromkeys(["gesellschaft", "societe", "societa", "sociedad", "selskab"], "society"),
    **dict.fromkeys(["institut", "instituto", "istituto", "instytut", "institution"], "institute"),
    **dict.fromkeys(["centre", "centro", "zentrum", "centrum", "ctr"], "center"),
    **dict.fromkeys(["hopital", "ospedale", "krankenhaus", "sykehus", "sjukhus", "hosp"], "hospital"),
    **dict.fromkeys(["fondation", "fundacion", "fundacao", "fondazione", "stiftung", "stichting", "fdn"], "foundation"),
    **dict.fromkeys(["klinik", "clinica", "clinique", "kliniken", "klinikum"], "clinic"),
    **dict.fromkeys(["akademie", "academie", "academia", "accademia"], "academy"),
    **dict.fromkeys(["recherche", "ricerca", "investigacion", "forschung"], "research"),
    **dict.fromkeys(["nationale", "nacional", "nazionale", "national"], "national"),
    **dict.fromkeys(["scientifique", "scientifico", "cientifico"], "scientific"),
    **dict.fromkeys(["medizinische", "medical", "medicale", "medico"], "medical"),
    **dict.fromkeys(["pharma", "pharmaceutical", "pharmaceutique"], "pharmaceutical"),
    "dept": "department",
    "intl": "international",
    "tech": "technology",
    "labs": "laboratory",
    "lab": "laboratory",
    "laboratories": "laboratory",
    "sci": "science",
    "med": "medicine",
    "assoc": "association",
    "natl": "national",
    "st": "saint",
}

# Words that say what kind of organization it is, not which one.
GENERIC = frozenset(
    {
        "university",
        "college",
        "school",
        "faculty",
        "department",
        "institute",
        "center",
        "hospital",
        "clinic",
        "foundation",
        "society",
        "association",
        "academy",
        "council",
        "agency",
        "ministry",
        "research",
        "science",
        "scientific",
        "medical",
        "medicine",
        "health",
        "healthcare",
        "technology",
        "laboratory",
        "trust",
        "charitable",
        "fund",
        "program",
        "programme",
        "office",
        "service",
        "group",
        "company",
        "pharmaceutical",
        "biopharmaceutical",
        "bioscience",
        "biotechnology",
        "therapeutic",
        "biotherapeutic",
        "diagnostic",
        "biologic",
        "holding",
        "international",
        "global",
        "federal",
        "state",
        "fellowship",
        "network",
        "consortium",
        "unit",
        "division",
        "graduate",
        "studies",
        "system",
        "board",
        "commission",
        "organization",
        "organisation",
        "collaborative",
        "initiative",
    }
)

# Words that join others without meaning anything on their own.
STOPWORDS = (
    frozenset(
        {
            "of",
            "the",
            "and",
            "for",
            "at",
            "in",
            "on",
            "de",
            "la",
            "le",
            "les",
            "du",
            "der",
            "die",
            "das",
            "des",
            "di",
            "del",
            "della",
            "y",
            "e",
            "et",
            "und",
            "van",
            "von",
            "fur",
            "a",
            "an",
            "to",
        }
    )
    | COMPANY_FORMS
)

# Where a name says which country it is (a qualifier one name may add and the other leave out).
COUNTRY_WORDS = frozenset(
    {
        "uk",
        "us",
        "usa",
        "american",
        "british",
        "german",
        "germany",
        "french",
        "france",
        "japan",
        "japanese",
        "canada",
        "canadian",
        "australia",
        "australian",
        "swiss",
        "switzerland",
        "dutch",
        "netherlands",
        "swedish",
        "sweden",
        "danish",
        "denmark",
        "norway",
        "norwegian",
        "italy",
        "italian",
        "spain",
        "spanish",
        "china",
        "chinese",
        "korea",
        "korean",
        "india",
        "indian",
        "europe",
        "european",
        "united",
        "kingdom",
        "states",
    }
)

_LONG_GENERIC = sorted(word for word in {*GENERIC, *TRANSLATIONS} if len(word) >= 7)
# The long generic words within a letter of each length (in the same order): a word is compared only
# with those that can be one edit from it, not with all of them.
_LONG_GENERIC_NEAR_LENGTH = {
    length: [known for known in _LONG_GENERIC if abs(len(known) - length) <= 1]
    for length in range(7, max(map(len, _LONG_GENERIC)) + 2)
}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_PARENS = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True)
class Verdict:
    """How two names relate: `same` (a duplicate to suggest), `related` (one is part of the other)
    or `different`; with a score in [0, 1] and the evidence in words."""

    relation: str
    score: float
    reason: str

    @property
    def duplicate(self) -> bool:
        return self.relation == "same"


@dataclass(frozen=True)
class NameForm:
    words: tuple[str, ...]  # translated, singular, without stopwords, in order
    initials: str  # the initials of all words but stopwords, camel-case parts counted ("GlaxoSmithKline": gsk)
    acronyms: frozenset[str]  # acronyms written in the name: in parentheses, or a word in capitals
    qualifiers: frozenset[str]  # country words given in parentheses

    @property
    def distinctive(self) -> frozenset[str]:
        return frozenset(word for word in self.words if word not in GENERIC)

    @property
    def joined(self) -> str:
        return "".join(self.words)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _word(word: str) -> str:
    """The English, singular generic word `word` stands for (misspelt by a letter, if long), or itself."""
    word = TRANSLATIONS.get(word, word)
    word = _singular(word)
    word = TRANSLATIONS.get(word, word)
    if word in GENERIC or len(word) < 7:
        return word
    for known in _LONG_GENERIC_NEAR_LENGTH.get(len(word), ()):
        if DamerauLevenshtein.distance(known, word, score_cutoff=1) <= 1:
            return TRANSLATIONS.get(known, known)
    return word


@lru_cache(maxsize=65536)
def name_form(name: str) -> NameForm:
    """The comparable form of a name as written."""
    text = unicodedata.normalize("NFKC", name or "").replace("\u2019", "'").replace("'s ", " ").replace("'", "")
    acronyms, qualifiers = set(), set()
    for inside in _PARENS.findall(text):
        folded = fold(inside)
        if folded in COUNTRY_WORDS:
            qualifiers.add(folded)
        elif folded and " " not in folded:
            acronyms.add(folded)
    outside = _PARENS.sub(" ", text)
    raw = fold(outside).split()
    for original in re.findall(r"[A-Za-z]+", outside):
        if len(original) >= 2 and original.isupper():
            acronyms.add(original.lower())
    words = tuple(_word(word) for word in raw if word not in STOPWORDS)
    camel = fold(_CAMEL.sub(" ", outside)).split()
    initials = "".join(word[0] for word in camel if word not in STOPWORDS)
    return NameForm(words, initials, frozenset(acronyms), frozenset(qualifiers))


def _typo_budget(word: str) -> int:
    """How many edits a word may differ by and still be a typo of it (none for short words)."""
    return 0 if len(word) < 5 else 1 if len(word) < 10 else 2


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[:1].isdigit() or b[:1].isdigit():
        return False
    return DamerauLevenshtein.distance(a, b) <= min(_typo_budget(a), _typo_budget(b))


def _expand_acronyms(form: NameForm, other: NameForm) -> tuple[str, ...]:
    """`form`'s words with an acronym of a run of `other`'s words replaced by that run."""
    words = list(form.words)
    # Two letters alone spell too many names ("VA"); beside other words they are pinned down ("UC Davis").
    shortest = 2 if len(words) > 1 else 3
    candidates = {word for word in words if shortest <= len(word) <= 8} | {
        word for word in form.acronyms if len(word) >= shortest
    }
    expanded: list[str] = []
    for word in words:
        run = _run_for(word, other.words) if word in candidates and word not in other.words else None
        expanded.extend(run or [word])
    return tuple(expanded)


def _run_for(acronym: str, words: tuple[str, ...]) -> list[str] | None:
    """The consecutive words whose initials spell `acronym`, if any."""
    size = len(acronym)
    for start in range(len(words) - size + 1):
        run = words[start : start + size]
        if "".join(word[0] for word in run) == acronym:
            return list(run)
    return None


def _align(
    left: frozenset[str], right: frozenset[str], capitals: frozenset[str] = frozenset()
) -> tuple[set[str], set[str], int] | None:
    """Pair the words of two sets, equal or within a typo; (unpaired left, unpaired right, typos). A word
    written in capitals (`capitals`) is an acronym, spelled on purpose: never a typo of another word
    ("SCHARP" is no misspelt "Sharp")."""
    left_only, right_only = set(left - right), set(right - left)
    typos = 0
    for word in sorted(left_only):
        if word in capitals:
            continue
        match = next((other for other in sorted(right_only) if other not in capitals and _close(word, other)), None)
        if match is not None:
            left_only.discard(word)
            right_only.discard(match)
            typos += 1
    return left_only, right_only, typos


def compare_names(a: str, b: str) -> Verdict:
    """Whether `a` and `b` name one organization, part of one another, or two different ones."""
    fa, fb = name_form(a), name_form(b)
    if not fa.words or not fb.words:
        return Verdict("different", 0.0, "a name without words")
    if fa.words == fb.words or set(fa.words) == set(fb.words):
        return Verdict("same", 1.0, "the same words once forms, translations and acronyms in brackets are set aside")
    if fa.joined == fb.joined:
        return Verdict("same", 0.97, "the same letters, spaced differently")
    if _is_acronym_of(fa, fb) or _is_acronym_of(fb, fa):
        return Verdict("same", 0.95, "one name is the acronym of the other")
    ea, eb = set(_expand_acronyms(fa, fb)), set(_expand_acronyms(fb, fa))
    acronym = ea != set(fa.words) or eb != set(fb.words)
    capitals = frozenset(_word(word) for word in fa.acronyms | fb.acronyms)
    left, right, typos = _align(frozenset(ea), frozenset(eb), capitals)
    generic_left, generic_right = left & GENERIC, right & GENERIC
    extra_left, extra_right = left - GENERIC, right - GENERIC
    if not left and not right:
        if typos:
            return Verdict("same", max(0.8, 0.95 - 0.05 * typos), f"the same words but for {typos} typo(s)")
        return Verdict("same", 0.93 if acronym else 0.9, "the same words once an acronym is spelled out")
    countries = (extra_left <= COUNTRY_WORDS and not extra_right) or (extra_right <= COUNTRY_WORDS and not extra_left)
    if not generic_left and not generic_right and countries and (extra_left or extra_right):
        return Verdict("same", 0.85, "one name adds the country")
    if extra_left and extra_right:
        return Verdict("different", _overlap(ea, eb), "each has a distinctive word the other lacks")
    if (extra_left or extra_right) and not (generic_left or generic_right):
        return Verdict("related", _overlap(ea, eb), "one name has distinctive words more: a unit or a sibling")
    return Verdict("different", _overlap(ea, eb), "different kinds of organization")


def _is_acronym_of(short: NameForm, long: NameForm) -> bool:
    """`short` is written as one word that spells `long`'s initials (GSK, MSD, NIH), or that `long`
    gives as its acronym in brackets. Two letters spell too many names to say which by initials alone
    ("VA": Veterans Affairs, Versus Arthritis, Virginia)."""
    if len(short.words) != 1 or len(long.initials) < 2:
        return False
    word = short.words[0]
    return word in long.acronyms or (3 <= len(word) <= 8 and word == long.initials)


def _overlap(a: set[str], b: set[str]) -> float:
    return round(len(a & b) / max(len(a | b), 1) * 0.7, 3)


def one_is_unit_of_other(a: str, b: str) -> bool:
    """Whether one name is a unit of the other ("IBM T. J. Watson Research Centre" of "IBM", "VIB
    Center for the Biology of Disease, KU Leuven" of "VIB"): every distinctive word (or acronym) of
    the shorter is in the longer, which adds distinctive words of its own. A unit is tied to its
    parent, not merged with it."""
    form_a, form_b = name_form(a), name_form(b)
    small, large = sorted((form_a, form_b), key=lambda f: len(f.distinctive))
    if not small.distinctive:
        return False
    words = large.distinctive | large.acronyms
    extra = {word for word in large.distinctive - small.distinctive - small.acronyms if len(word) >= 3}
    return small.distinctive <= words and bool(extra)
