"""Read Crossref work records into ArticleRecords: an API response (`{"message": ...}`, one work
or a list of `items`), a bare work, a JSON array, or one work per line (JSON Lines / dumps).
"""

import json
from collections.abc import Iterator

from registry.enums import OrganizationKind
from registry.importers.articles.records import (
    AffiliationRecord,
    ArticleRecord,
    AuthorRecord,
    FunderRecord,
    OrganizationRef,
)
from registry.importers.errors import ImportFailure
from registry.importers.formats.fields import check_doi, check_orcid, identifier, make_date
from registry.importers.formats.places import split_affiliation

# The first of these a work has is its publication date.
_PUBLISHED = ("published-online", "published-print", "published", "issued")


def read_crossref(data: bytes, *, file: str, warnings: list[str]) -> list[ArticleRecord]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailure(f"not UTF-8 text: {exc.reason}", file=file, location=f"line {line}") from None
    try:
        return [_work(work, where, warnings) for work, where in _works(text)]
    except ImportFailure as failure:
        raise failure.in_file(file) from None


def _works(text: str) -> Iterator[tuple[dict, str]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as whole:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) < 2:
            raise ImportFailure(f"not JSON: {whole.msg}", location=f"line {whole.lineno}") from None
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line), f"line {number}"
            except json.JSONDecodeError as exc:
                raise ImportFailure(f"not JSON: {exc.msg}", location=f"line {number}") from None
        return
    if isinstance(document, dict) and "message" in document:
        message = document["message"]
        if isinstance(message, dict) and isinstance(message.get("items"), list):
            yield from ((work, f"$.message.items[{i}]") for i, work in enumerate(message["items"]))
        else:
            yield message, "$.message"
    elif isinstance(document, list):
        yield from ((work, f"$[{i}]") for i, work in enumerate(document))
    else:
        yield document, "$"


def _first(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value or "").split())


def _date(work: dict, key: str, where: str):
    parts = ((work.get(key) or {}).get("date-parts") or [[None]])[0]
    if not parts or parts[0] is None:
        return None
    year, month, day = [*parts, None, None][:3]
    return make_date(year, month, day, location=f"{where}.{key}")


def _work(work, where: str, warnings: list[str]) -> ArticleRecord:
    if not isinstance(work, dict):
        raise ImportFailure("a work record must be a JSON object", location=where)
    doi = check_doi(work.get("DOI"), location=f"{where}.DOI")
    title = _first(work.get("title"))
    if not title:
        raise ImportFailure("the work has no title", location=f"{where}.title")
    published = next((d for d in (_date(work, key, where) for key in _PUBLISHED) if d), None)
    authors = []
    for index, author in enumerate(work.get("author") or []):
        record = _author(author, f"{where}.author[{index}]")
        if record is None:
            warnings.append(f"{where}.author[{index}]: an author without a name; skipped")
        else:
            authors.append(record)
    return ArticleRecord(
        doi=doi,
        title=title[:1000],
        journal=_first(work.get("container-title")),
        article_type=str(work.get("type") or "").replace("-", " "),
        published_date=published,
        topics=[_first(subject) for subject in work.get("subject") or [] if _first(subject)],
        funders=[_funder(funder, f"{where}.funder[{i}]") for i, funder in enumerate(work.get("funder") or [])],
        authors=authors,
        location=where,
    )


def _author(author: dict, where: str) -> AuthorRecord | None:
    given = " ".join(str(author.get("given") or "").split())
    family = " ".join(str(author.get("family") or "").split())
    name = " ".join(part for part in (given, family) if part) or " ".join(str(author.get("name") or "").split())
    if not name:
        return None
    affiliations = []
    for index, affiliation in enumerate(author.get("affiliation") or []):
        printed = " ".join(str(affiliation.get("name") or "").split())
        institution, department, city, country = split_affiliation(printed)
        ror_id, identifiers = None, []
        for number, ident in enumerate(affiliation.get("id") or []):
            scheme, value = identifier(
                ident.get("id-type", ""), ident.get("id", ""), location=f"{where}.affiliation[{index}].id[{number}]"
            )
            if scheme == "ror":
                ror_id = value
            elif value:
                identifiers.append((scheme, value))
        if institution:
            organization = OrganizationRef(
                name=institution[:300], ror_id=ror_id, identifiers=tuple(identifiers), country=country
            )
            affiliations.append(
                AffiliationRecord(organization=organization, department=department[:300], city=city, text=printed)
            )
    return AuthorRecord(
        name=name[:300],
        given_names=given[:200],
        family_name=family[:200],
        orcid=check_orcid(author.get("ORCID"), location=f"{where}.ORCID"),
        affiliations=affiliations,
        location=where,
    )


def _funder(funder: dict, where: str) -> FunderRecord:
    identifiers = []
    if funder.get("DOI"):
        scheme, value = identifier("fundref", funder["DOI"], location=f"{where}.DOI")
        if value:
            identifiers.append((scheme, value))
    organization = OrganizationRef(
        name=" ".join(str(funder.get("name") or "").split())[:300],
        identifiers=tuple(identifiers),
        kind=OrganizationKind.FUNDER,
    )
    awards = [" ".join(str(award).split()) for award in funder.get("award") or [] if str(award).strip()]
    return FunderRecord(organization=organization, award_ids=awards)
