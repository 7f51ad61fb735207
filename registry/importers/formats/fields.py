"""Checked conversions of identifiers and dates read from a file, failing with the place they came from."""

import re
from datetime import date

from django.core.exceptions import ValidationError

from registry.enums import IdentifierScheme
from registry.importers.errors import ImportFailure
from registry.validators import normalize_doi, normalize_orcid, normalize_ror_id

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


def _number(value, what: str, location: str) -> int:
    text = str(value).strip()
    if what == "month" and text.lower() in _MONTHS:
        return _MONTHS[text.lower()]
    try:
        return int(text)
    except ValueError:
        raise ImportFailure(f"{text!r} is not a {what}", location=location) from None


def make_date(year, month=None, day=None, *, location: str) -> date | None:
    """A date from its parts; a missing month or day is taken as the first (sources print "2013")."""
    if year in (None, ""):
        return None
    parts = (
        _number(year, "year", location),
        _number(month, "month", location) if month not in (None, "") else 1,
        _number(day, "day", location) if day not in (None, "") else 1,
    )
    try:
        return date(*parts)
    except ValueError as exc:
        raise ImportFailure(f"{'-'.join(map(str, parts))} is not a date: {exc}", location=location) from None


def parse_iso_date(value: str, *, location: str) -> date | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ImportFailure(f"{text!r} is not a date (YYYY-MM-DD)", location=location) from None


def check_orcid(value: str | None, *, location: str) -> str | None:
    if not value or not value.strip():
        return None
    try:
        return normalize_orcid(value)
    except ValidationError as exc:
        raise ImportFailure(f"invalid ORCID iD: {exc.messages[0]}", location=location) from None


def check_doi(value: str | None, *, location: str) -> str:
    if not value or not value.strip():
        raise ImportFailure("the article has no DOI", location=location)
    try:
        return normalize_doi(value)
    except ValidationError as exc:
        raise ImportFailure(f"invalid DOI: {exc.messages[0]}", location=location) from None


def check_ror(value: str | None, *, location: str) -> str | None:
    if not value or not value.strip():
        return None
    try:
        return normalize_ror_id(value)
    except ValidationError as exc:
        raise ImportFailure(f"invalid ROR id: {exc.messages[0]}", location=location) from None


_FUNDREF = re.compile(r"(?:https?://(?:dx\.)?doi\.org/)?(?:10\.13039/)?(\d{6,12})\s*$", re.IGNORECASE)


def identifier(scheme: str, value: str, *, location: str) -> tuple[str, str | None]:
    """(scheme, canonical value) of an organization identifier; ROR ids come back as scheme "ror"."""
    raw = (value or "").strip()
    scheme = scheme.strip().lower()
    if scheme == "ror":
        return "ror", check_ror(raw, location=location)
    if scheme in {"fundref", "doi", "crossref funder id", "crossref"} and (match := _FUNDREF.search(raw)):
        return IdentifierScheme.FUNDREF, f"10.13039/{match.group(1)}"
    if scheme == "ringgold":
        return IdentifierScheme.RINGGOLD, raw
    if scheme == "grid":
        return IdentifierScheme.GRID, raw.rsplit("/", 1)[-1]
    if scheme == "isni":
        return IdentifierScheme.ISNI, raw.replace(" ", "").rsplit("/", 1)[-1]
    return scheme, None  # a scheme the registry does not keep
