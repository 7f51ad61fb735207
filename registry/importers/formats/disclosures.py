"""Import a spreadsheet (CSV or XLSX) of declared interests, one row per author, organization and
category. Every row is checked before anything is written; one bad row refuses the whole file.

Columns (the first row names them; order does not matter; `template_csv()` gives an example):

==================  =========  ======================================================================
column              required   meaning
==================  =========  ======================================================================
doi                 no         DOI of an article already in the registry. With it, the rows of one
                               author make that author's disclosure for the article; without it,
                               each row is an interest of the person (provenance: import).
author_name         yes        the author's name as printed
orcid               no         the author's ORCID iD (checksum verified); matched first
category            yes*       an interest category slug (consulting, grants, stock, ...) or the
                               ICMJE 2021 item number 1-13; *empty on a declares_none row
organization        no         the counterparty as written; resolved through names and aliases
payee               no         self (default), institution or family
amount              no         a non-negative amount, with its currency
currency            with amt.  ISO 4217 code (NOK, USD, EUR)
start_date          no         YYYY-MM-DD
end_date            no         YYYY-MM-DD, not before start_date; empty when ongoing
ongoing             no         true/false (yes/no, 1/0)
specification       no         what the tie is, in words
statement           no         the author's statement as written (the same on each of their rows)
declares_none       no         true when the author declares no interests (no category then)
==================  =========  ======================================================================
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pandas as pd
from django.core.exceptions import ValidationError

from registry import services
from registry.enums import InterestCategory, Payee, Provenance
from registry.importers.articles.people import person_key
from registry.importers.errors import ImportFailure
from registry.importers.formats.fields import check_doi, check_orcid, parse_iso_date
from registry.importers.formats.sheet_limits import SheetLimits, check_frame, check_xlsx
from registry.models import Article, Authorship, Person
from registry.selectors import resolve_organizations
from registry.validators import validate_currency

COLUMNS = (
    "doi",
    "author_name",
    "orcid",
    "category",
    "organization",
    "payee",
    "amount",
    "currency",
    "start_date",
    "end_date",
    "ongoing",
    "specification",
    "statement",
    "declares_none",
)
REQUIRED = ("author_name", "category")
EXAMPLE = {
    "doi": "10.4045/tidsskr.26.0122",
    "author_name": "Ole A. Andreassen",
    "orcid": "",
    "category": "consulting",
    "organization": "Lundbeck",
    "payee": "self",
    "amount": "",
    "currency": "",
    "start_date": "2024-01-01",
    "end_date": "",
    "ongoing": "true",
    "specification": "consultancy fees",
    "statement": "Ole A. Andreassen has received consultancy fees from Lundbeck.",
    "declares_none": "false",
}
_ITEM_NUMBERS = {str(n): slug for n, slug in enumerate(list(InterestCategory.values)[:13], start=1)}
_TRUE, _FALSE = {"true", "yes", "y", "1", "x"}, {"false", "no", "n", "0", ""}


def template_csv() -> str:
    """A CSV with the columns and one example row, offered for download in the admin."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerow(EXAMPLE)
    return out.getvalue()


@dataclass
class _Row:
    location: str
    article: Article | None
    person_key: tuple
    author_name: str
    orcid: str | None
    statement: str
    declares_none: bool
    item: services.InterestInput | None


def read_table(data: bytes, file: str) -> tuple[pd.DataFrame, str, int]:
    """The sheet as text cells, the word for a place in it, and the number of its first data row."""
    limits = SheetLimits.from_settings()
    if file.lower().endswith(".xlsx"):
        try:
            check_xlsx(data, file, limits)
            frame = pd.read_excel(
                io.BytesIO(data), dtype=str, keep_default_na=False, engine="openpyxl", nrows=limits.rows
            )
        except ImportFailure:
            raise
        except Exception as exc:  # openpyxl raises several kinds for a file that is not a workbook
            raise ImportFailure(f"not a readable XLSX workbook: {exc}", file=file) from None
        return frame, "row", 2
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailure(
            f"not UTF-8 text ({exc.reason}); save the CSV as UTF-8", file=file, location=f"line {line}"
        ) from None
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True, nrows=limits.rows + 1
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ImportFailure(f"not a readable CSV: {exc}", file=file) from None
    check_frame(frame, file, "line", limits)
    return frame, "line", 2


def import_disclosure_rows(data: bytes, *, file: str, source: str, actor, warnings: list[str]) -> int:
    frame, unit, first = read_table(data, file)
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    missing = [column for column in REQUIRED if column not in frame.columns]
    if missing:
        raise ImportFailure(
            f"missing required column(s): {', '.join(missing)} (columns: {', '.join(COLUMNS)})",
            file=file,
            location=f"{unit} 1",
        )
    unknown = [column for column in frame.columns if column not in COLUMNS]
    if unknown:
        warnings.append(f"{file}: ignored unknown column(s): {', '.join(unknown)}")
    for column in COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    records = frame[list(COLUMNS)].to_dict("records")
    reader = _RowReader(file, unit, first, records)
    rows = [reader.row(index, record) for index, record in enumerate(records)]
    _Writer(actor=actor, source=source).write(rows)
    return len(rows)


class _RowReader:
    def __init__(self, file: str, unit: str, first: int, records: list[dict]):
        self.file = file
        self.unit = unit
        self.first = first
        self.articles = self._articles(records)
        self.organizations = resolve_organizations({r["organization"].strip() for r in records})

    def fail(self, index: int, reason: str) -> ImportFailure:
        return ImportFailure(reason, file=self.file, location=f"{self.unit} {index + self.first}")

    def _articles(self, records: list[dict]) -> dict[str, Article]:
        dois = {}
        for index, record in enumerate(records):
            if record["doi"].strip():
                try:
                    dois[record["doi"]] = check_doi(record["doi"], location="")
                except ImportFailure as failure:
                    raise self.fail(index, failure.reason) from None
        found = {article.doi: article for article in Article.objects.filter(doi__in=set(dois.values()))}
        return {raw: found.get(doi) for raw, doi in dois.items()}

    def row(self, index: int, record: dict) -> _Row:
        value = {key: str(text).strip() for key, text in record.items()}
        try:
            return self._row(index, value)
        except ImportFailure as failure:
            raise self.fail(index, failure.reason) from None

    def _row(self, index: int, value: dict) -> _Row:
        if not value["author_name"]:
            raise ImportFailure("author_name is empty")
        article = None
        if value["doi"]:
            article = self.articles[value["doi"]]
            if article is None:
                raise ImportFailure(f"no article with DOI {value['doi']} in the registry; import it first")
        orcid = check_orcid(value["orcid"], location="")
        declares_none = _boolean(value["declares_none"], "declares_none")
        item = None
        if declares_none:
            if value["category"] or value["organization"]:
                raise ImportFailure("a declares_none row cannot name a category or an organization")
        else:
            item = self._interest(value)
        return _Row(
            location=f"{self.unit} {index + self.first}",
            article=article,
            person_key=(article.pk if article else None, orcid or person_key(value["author_name"])),
            author_name=value["author_name"],
            orcid=orcid,
            statement=value["statement"],
            declares_none=declares_none,
            item=item,
        )

    def _interest(self, value: dict) -> services.InterestInput:
        category = _ITEM_NUMBERS.get(value["category"], value["category"].lower())
        if category not in InterestCategory.values:
            raise ImportFailure(
                f"unknown category {value['category']!r}; use one of {', '.join(InterestCategory.values)} "
                "or an ICMJE item number 1-13"
            )
        payee = value["payee"].lower() or Payee.SELF
        if payee not in Payee.values:
            raise ImportFailure(f"unknown payee {value['payee']!r}; use self, institution or family")
        amount = None
        if value["amount"]:
            try:
                amount = Decimal(value["amount"].replace(",", ""))
            except InvalidOperation:
                raise ImportFailure(f"amount {value['amount']!r} is not a number") from None
            if amount < 0:
                raise ImportFailure(f"amount {value['amount']} is negative")
            if not value["currency"]:
                raise ImportFailure("an amount needs its currency (ISO 4217, e.g. NOK)")
        currency = value["currency"].upper()
        if currency:
            try:
                validate_currency(currency)
            except ValidationError as exc:
                raise ImportFailure(exc.messages[0]) from None
        start = parse_iso_date(value["start_date"], location="")
        end = parse_iso_date(value["end_date"], location="")
        if start and end and end < start:
            raise ImportFailure(f"end_date {end} is before start_date {start}")
        ongoing = _boolean(value["ongoing"], "ongoing")
        if ongoing and end:
            raise ImportFailure("an ongoing interest has no end_date; clear one of them")
        name = value["organization"]
        if not (name or value["specification"]):
            raise ImportFailure("name the organization, or describe the tie in specification")
        resolution = self.organizations.get(name)
        return services.InterestInput(
            category=category,
            organization=resolution.organization if resolution else None,
            organization_name=name[:300],
            payee=payee,
            specification=value["specification"],
            amount=amount,
            currency=currency,
            start_date=start,
            end_date=end,
            ongoing=ongoing,
        )


def _boolean(text: str, column: str) -> bool:
    lowered = text.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImportFailure(f"{column} must be true or false, not {text!r}")


class _Writer:
    def __init__(self, *, actor, source: str):
        self.actor = actor
        self.source = source
        self.reason = f"Imported from {source}"[:100]

    def write(self, rows: list[_Row]) -> None:
        authors: dict[tuple, list[_Row]] = {}
        for row in rows:
            authors.setdefault(row.person_key, []).append(row)
        for group in authors.values():
            first = group[0]
            try:
                if first.article is None:
                    person = self.person(first)
                    for row in group:
                        if row.item is not None:
                            services.record_interest(
                                actor=self.actor,
                                person=person,
                                item=row.item,
                                provenance=Provenance.IMPORT,
                                provenance_detail=self.source,
                                reason=self.reason,
                            )
                else:
                    self.disclosure(group)
            except ValidationError as exc:
                raise ImportFailure("; ".join(exc.messages), location=first.location) from None

    def person(self, row: _Row) -> Person:
        person = Person.objects.filter(orcid=row.orcid).first() if row.orcid else None
        if person is None:
            same = list(Person.objects.filter(normalized_name=person_key(row.author_name))[:2])
            if len(same) > 1:
                raise ImportFailure(
                    f"several people are named {row.author_name!r}; give the ORCID iD", location=row.location
                )
            person = same[0] if same else None
        if person is None:
            person = services.record_person(actor=self.actor, name=row.author_name, orcid=row.orcid, reason=self.reason)
        return person

    def disclosure(self, group: list[_Row]) -> None:
        first = group[0]
        authorships = Authorship.objects.filter(article=first.article).select_related("person")
        key = person_key(first.author_name)
        authorship = next((a for a in authorships if first.orcid and a.person.orcid == first.orcid), None) or next(
            (a for a in authorships if key in {person_key(a.name_as_printed), a.person.normalized_name}), None
        )
        if authorship is None:
            raise ImportFailure(
                f"{first.author_name} is not an author of {first.article.doi} in the registry",
                location=first.location,
            )
        declares_none = any(row.declares_none for row in group)
        items = [row.item for row in group if row.item is not None]
        if declares_none and items:
            raise ImportFailure(
                f"{first.author_name} both declares nothing and lists interests", location=first.location
            )
        statement = next((row.statement for row in group if row.statement), "")
        services.record_disclosure(
            actor=self.actor,
            authorship=authorship,
            statement=statement,
            declares_none=declares_none,
            interests=items,
            provenance_detail=self.source,
            reason=self.reason,
            correction_note=f"Corrected by {self.source}",
        )
