"""Reading organizations out of affiliations as printed: country codes, the institution in a
comma-separated address, and a first guess at the kind of organization.
"""

import re
from functools import lru_cache

import pycountry

from registry.enums import OrganizationKind

# Names in affiliations that pycountry does not know by that spelling.
_COUNTRY_ALIASES = {
    "uk": "GB",
    "u k": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "usa": "US",
    "u s a": "US",
    "us": "US",
    "united states": "US",
    "united states of america": "US",
    "korea": "KR",
    "south korea": "KR",
    "republic of korea": "KR",
    "russia": "RU",
    "taiwan": "TW",
    "iran": "IR",
    "vietnam": "VN",
    "czech republic": "CZ",
    "the netherlands": "NL",
    "p r china": "CN",
    "pr china": "CN",
    "people s republic of china": "CN",
    "tanzania": "TZ",
    "bolivia": "BO",
    "venezuela": "VE",
    "syria": "SY",
    "laos": "LA",
    "moldova": "MD",
    "turkey": "TR",
}

_WORDS = re.compile(r"[^a-z]+")


@lru_cache(maxsize=2048)
def country_code(text: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country as printed ("United States", "UK", "USA"), or ""."""
    key = " ".join(_WORDS.split((text or "").strip().lower())).strip()
    if not key:
        return ""
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    if len(key) == 2 and key.isalpha():
        found = pycountry.countries.get(alpha_2=key.upper())
        return found.alpha_2 if found else ""
    try:
        return pycountry.countries.lookup(text.strip()).alpha_2
    except LookupError:
        return ""


# Words that name an institution rather than a unit inside one, strongest first.
_INSTITUTION_WORDS = [
    re.compile(r"universit|universidad|universidade|école|ecole|polytechni|eth z", re.IGNORECASE),
    re.compile(r"hospital|klinik|clinic|medical cent|health (?:trust|system|service)", re.IGNORECASE),
    re.compile(
        r"institut|college|school|academy|council|foundation|trust|agency|ministry|organi[sz]ation|"
        r"laborator|centre|center|society|association|museum",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:inc|ltd|llc|gmbh|corp|corporation|company|plc|pharma\w*|s\.?a|a/?s)\b", re.IGNORECASE),
]
_UNIT_WORDS = re.compile(
    r"^(?:department|dept|division|faculty|section|unit|program|programme|laboratory of|lab of|group|"
    r"departament|departamento|institute of)\b",
    re.IGNORECASE,
)
_POSTAL = re.compile(r"\d")


def split_affiliation(text: str) -> tuple[str, str, str, str]:
    """(institution, department, city, country code) from an affiliation printed as one line.

    "Department of Bioengineering, Stanford University, Stanford, California, United States"
    gives ("Stanford University", "Department of Bioengineering", "Stanford", "US").
    """
    parts = [part.strip(" .;") for part in re.split(r"[,;]", text or "") if part.strip(" .;")]
    if not parts:
        return "", "", "", ""
    country = ""
    if len(parts) > 1:
        country = country_code(parts[-1]) or country_code(parts[-1].split()[-1])
        if country:
            parts = parts[:-1]
    chosen = None
    for pattern in _INSTITUTION_WORDS:
        for index, part in enumerate(parts):
            if pattern.search(part) and not (_UNIT_WORDS.match(part) and index < len(parts) - 1):
                chosen = index
                break
        if chosen is not None:
            break
    if chosen is None:
        chosen = next((i for i, part in enumerate(parts) if not _UNIT_WORDS.match(part)), 0)
    after = [part for part in parts[chosen + 1 :] if not _POSTAL.search(part)]
    institution = re.sub(r"^at\s+", "", parts[chosen], flags=re.IGNORECASE)
    return institution, ", ".join(parts[:chosen]), after[0] if after else "", country


_KIND_WORDS = [
    (OrganizationKind.HOSPITAL, re.compile(r"hospital|medical cent|health (?:trust|system)", re.IGNORECASE)),
    (OrganizationKind.UNIVERSITY, re.compile(r"universit|college|school|école|polytechni", re.IGNORECASE)),
    (OrganizationKind.CLINIC, re.compile(r"clinic\b|klinik", re.IGNORECASE)),
    (
        OrganizationKind.AGENCY,
        re.compile(r"national institutes? of health|ministry|agency|administration", re.IGNORECASE),
    ),
    (OrganizationKind.FUNDER, re.compile(r"foundation|trust\b|fund\b|council|charit", re.IGNORECASE)),
    (OrganizationKind.SOCIETY, re.compile(r"society|association", re.IGNORECASE)),
    (
        OrganizationKind.COMPANY,
        re.compile(r"\b(?:inc|ltd|llc|gmbh|corp|corporation|company|plc|ag|pharma\w*)\b", re.IGNORECASE),
    ),
]


def guess_kind(name: str, default: str = OrganizationKind.OTHER) -> str:
    """A first guess at the kind of organization from its name; editors correct it.

    A university hospital or medical center counts as a hospital (where clinical ties are kept).
    """
    for kind, pattern in _KIND_WORDS:
        if pattern.search(name):
            return kind
    return default
