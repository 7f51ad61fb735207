"""Validators and normalizers shared by models, admin forms, services, importers and the API.

Each normalizer returns the canonical stored form or raises ValidationError with a message
that says what is wrong with the value as entered.
"""

import re

import pycountry
from django.core.exceptions import ValidationError

_ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
_ORCID_PREFIX_RE = re.compile(r"^(?:https?://)?(?:www\.)?orcid\.org/", re.IGNORECASE)
_DOI_PREFIX_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_ROR_PREFIX_RE = re.compile(r"^(?:https?://)?ror\.org/", re.IGNORECASE)
_ROR_RE = re.compile(r"^0[0-9a-hjkmnp-tv-z]{6}\d{2}$")
_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def orcid_checksum(base_digits: str) -> str:
    """ISO 7064 mod 11-2 check character for the first 15 digits of an ORCID iD."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def normalize_orcid(value: str) -> str:
    """Return the ORCID iD as 0000-0000-0000-000X, from a bare iD or an orcid.org URL."""
    raw = (value or "").strip()
    candidate = _ORCID_PREFIX_RE.sub("", raw).upper()
    if re.fullmatch(r"\d{15}[\dX]", candidate):
        candidate = "-".join(candidate[i : i + 4] for i in range(0, 16, 4))
    if not _ORCID_RE.match(candidate):
        raise ValidationError(
            "%(value)s is not an ORCID iD: expected four groups of four digits like 0000-0002-1825-0097.",
            code="invalid_orcid",
            params={"value": raw or "An empty value"},
        )
    digits = candidate.replace("-", "")
    expected = orcid_checksum(digits[:15])
    if digits[15] != expected:
        raise ValidationError(
            "%(value)s is not a valid ORCID iD: its check digit is %(found)s but should be %(expected)s.",
            code="orcid_checksum",
            params={"value": raw, "found": digits[15], "expected": expected},
        )
    return candidate


def validate_orcid(value: str) -> None:
    if value != normalize_orcid(value):
        raise ValidationError(
            "%(value)s must be stored as %(normal)s.",
            code="orcid_form",
            params={"value": value, "normal": normalize_orcid(value)},
        )


def normalize_doi(value: str) -> str:
    """Return the DOI in lower case without a resolver prefix (DOIs are case-insensitive)."""
    raw = (value or "").strip()
    candidate = _DOI_PREFIX_RE.sub("", raw).strip().lower()
    if not _DOI_RE.match(candidate):
        raise ValidationError(
            "%(value)s is not a DOI: expected a prefix 10.NNNN followed by a slash and a suffix, "
            "like 10.4045/tidsskr.26.0122.",
            code="invalid_doi",
            params={"value": raw or "An empty value"},
        )
    return candidate


def validate_doi(value: str) -> None:
    if value != normalize_doi(value):
        raise ValidationError(
            "%(value)s must be stored as %(normal)s.",
            code="doi_form",
            params={"value": value, "normal": normalize_doi(value)},
        )


def normalize_ror_id(value: str) -> str:
    """Return the ROR id (9 characters, e.g. 01xtthb56), from a bare id or a ror.org URL."""
    raw = (value or "").strip()
    candidate = _ROR_PREFIX_RE.sub("", raw).lower()
    if not _ROR_RE.match(candidate):
        raise ValidationError(
            "%(value)s is not a ROR id: expected 0, six letters or digits, and two check digits, like 01xtthb56.",
            code="invalid_ror",
            params={"value": raw or "An empty value"},
        )
    number = 0
    for char in candidate[1:7]:
        number = number * 32 + _CROCKFORD.index(char)
    expected = f"{98 - (number * 100) % 97:02d}"
    if candidate[7:] != expected:
        raise ValidationError(
            "%(value)s is not a valid ROR id: its check digits are %(found)s but should be %(expected)s.",
            code="ror_checksum",
            params={"value": raw, "found": candidate[7:], "expected": expected},
        )
    return candidate


def validate_ror_id(value: str) -> None:
    if value != normalize_ror_id(value):
        raise ValidationError(
            "%(value)s must be stored as %(normal)s.",
            code="ror_form",
            params={"value": value, "normal": normalize_ror_id(value)},
        )


def validate_currency(value: str) -> None:
    """Accept an ISO 4217 alphabetic code in upper case (NOK, USD, EUR)."""
    if not value or len(value) != 3 or not value.isupper() or pycountry.currencies.get(alpha_3=value) is None:
        raise ValidationError(
            "%(value)s is not an ISO 4217 currency code such as NOK, USD or EUR.",
            code="invalid_currency",
            params={"value": value or "An empty value"},
        )


def validate_country(value: str) -> None:
    """Accept an ISO 3166-1 alpha-2 country code in upper case (NO, US, GB)."""
    if not value or len(value) != 2 or not value.isupper() or pycountry.countries.get(alpha_2=value) is None:
        raise ValidationError(
            "%(value)s is not an ISO 3166-1 country code such as NO, US or GB.",
            code="invalid_country",
            params={"value": value or "An empty value"},
        )


def validate_date_range(start, end, *, start_field: str = "start_date", end_field: str = "end_date") -> None:
    """End on or after start; shared by affiliations and interests."""
    if start and end and end < start:
        raise ValidationError(
            {end_field: f"The end date {end:%Y-%m-%d} is before the start date {start:%Y-%m-%d}."},
            code="end_before_start",
        )


def validate_npi(value: str) -> None:
    """US National Provider Identifier: ten digits whose last is a Luhn check over 80840 + the first nine."""
    if not value:
        return
    if not re.fullmatch(r"\d{10}", value):
        raise ValidationError(
            "%(value)s is not an NPI: expected ten digits.", code="invalid_npi", params={"value": value}
        )
    digits = [int(d) for d in "80840" + value[:9]]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    expected = (10 - total % 10) % 10
    if int(value[9]) != expected:
        raise ValidationError(
            "%(value)s is not a valid NPI: its check digit should be %(expected)s.",
            code="npi_checksum",
            params={"value": value, "expected": expected},
        )
