"""Spreadsheets of interests (CSV and XLSX): documented columns, row-numbered refusals."""

import csv
import io
from decimal import Decimal

import pandas as pd
import pytest

from registry.enums import ImportKind, InterestCategory, Provenance
from registry.importers import import_disclosure_paths, import_jats_paths
from registry.importers.formats.disclosures import COLUMNS, EXAMPLE, template_csv
from registry.models import Disclosure, ImportRecord, Interest, Person
from tests.helpers import DATA

pytestmark = pytest.mark.django_db
SHEET = DATA / "disclosures" / "interests.csv"


@pytest.fixture
def article(jats_dir):
    import_jats_paths([jats_dir / "elife05256.xml"])


def write_csv(path, rows: list[dict], columns=COLUMNS):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(dict.fromkeys(columns, "") | row)
    return path


def row(**values) -> dict:
    return {"doi": "10.7554/eLife.05256", "author_name": "Ivan R Corrêa", "category": "consulting"} | values


def test_rows_become_the_authors_disclosures_and_person_interests(article):
    summary = import_disclosure_paths([SHEET])

    assert summary.ok, summary.failures
    assert summary.records == 4
    correa = Disclosure.objects.get(authorship__person__name="Ivan R Corrêa")
    assert (correa.statement, correa.declares_none) == ("IRC: An employee of New England Biolabs Inc.", False)
    rows = correa.interests.order_by("category")
    assert [
        (i.category, i.organization_name, i.amount, i.currency, str(i.start_date), str(i.end_date), i.ongoing)
        for i in rows
    ] == [
        ("employment", "New England Biolabs Inc.", None, "", "2010-01-01", "None", True),
        ("stock", "New England Biolabs Inc.", Decimal("12000.00"), "USD", "2012-01-01", "2014-06-30", False),
    ]
    nichols = Disclosure.objects.get(authorship__person__name="Benjamin J Nichols")
    assert (nichols.declares_none, nichols.interests.count()) == (True, 0)
    carberry = Person.objects.get(orcid="0000-0002-1825-0097")
    interest = carberry.interests.get()
    assert (interest.category, interest.organization_name, interest.provenance, interest.provenance_detail) == (
        InterestCategory.CONSULTING,  # given as ICMJE item number 4
        "Lundbeck",
        Provenance.IMPORT,
        "interests.csv",
    )


def test_reimport_changes_nothing(article):
    import_disclosure_paths([SHEET])

    summary = import_disclosure_paths([SHEET])

    assert set(summary.counts.values()) == {0}
    # Three rows from the sheet, and the undated employment read from the JATS statement.
    assert Interest.objects.count() == 4


def test_xlsx(article, tmp_path):
    path = tmp_path / "interests.xlsx"
    pd.read_csv(SHEET, dtype=str, keep_default_na=False).to_excel(path, index=False)

    assert import_disclosure_paths([path]).ok
    assert Disclosure.objects.get(authorship__person__name="Ivan R Corrêa").interests.count() == 2


def test_template_has_every_column_and_an_example():
    rows = list(csv.DictReader(io.StringIO(template_csv())))
    assert rows == [EXAMPLE]
    assert list(rows[0]) == list(COLUMNS)


@pytest.mark.parametrize(
    ("values", "location", "reason"),
    [
        (
            {"category": "bribes"},
            "line 3",
            "unknown category 'bribes'; use one of manuscript_support, grants, "
            "royalties, consulting, lectures, expert_testimony, travel, patents, advisory_board, leadership, stock, "
            "gifts, other, employment, founder or an ICMJE item number 1-13",
        ),
        (
            {"orcid": "0000-0002-1825-0098"},
            "line 3",
            "invalid ORCID iD: 0000-0002-1825-0098 is not a valid ORCID iD: its check digit is 8 but should be 7.",
        ),
        (
            {"doi": "doi:11.1/x"},
            "line 3",
            "invalid DOI: doi:11.1/x is not a DOI: expected a prefix 10.NNNN followed "
            "by a slash and a suffix, like 10.4045/tidsskr.26.0122.",
        ),
        (
            {"start_date": "2020-05-01", "end_date": "2019-01-01"},
            "line 3",
            "end_date 2019-01-01 is before start_date 2020-05-01",
        ),
        ({"amount": "-5", "currency": "NOK"}, "line 3", "amount -5 is negative"),
        (
            {"amount": "100", "currency": "NKK"},
            "line 3",
            "NKK is not an ISO 4217 currency code such as NOK, USD or EUR.",
        ),
        ({"amount": "100"}, "line 3", "an amount needs its currency (ISO 4217, e.g. NOK)"),
        ({"start_date": "01/02/2020"}, "line 3", "'01/02/2020' is not a date (YYYY-MM-DD)"),
        ({"doi": "10.5555/unknown"}, "line 3", "no article with DOI 10.5555/unknown in the registry; import it first"),
        ({"declares_none": "true"}, "line 3", "a declares_none row cannot name a category or an organization"),
        (
            {"author_name": "Someone Else"},
            "line 3",
            "Someone Else is not an author of 10.7554/elife.05256 in the registry",
        ),
    ],
)
def test_bad_rows_refuse_the_whole_file(article, tmp_path, values, location, reason):
    path = write_csv(tmp_path / "bad.csv", [row(organization="Pfizer"), row(organization="Merck", **values)])

    (failure,) = import_disclosure_paths([path]).failures

    assert (failure.file, failure.location, failure.reason) == (str(path), location, reason)
    assert Disclosure.objects.filter(authorship__person__name="Ivan R Corrêa").get().interests.count() == 1  # from JATS
    assert not Interest.objects.filter(organization_name__in=["Pfizer", "Merck"]).exists()


def test_unknown_columns_are_ignored_with_a_warning_in_the_summary_and_the_import_record(article, tmp_path):
    path = write_csv(tmp_path / "extra.csv", [row(organization="Pfizer")], columns=[*COLUMNS, "notes"])

    summary = import_disclosure_paths([path])

    warning = f"{path}: ignored unknown column(s): notes"
    assert summary.ok
    assert summary.warnings == [warning]
    assert ImportRecord.objects.get(kind=ImportKind.DISCLOSURES).warnings == [warning]


def test_missing_required_column(tmp_path):
    path = write_csv(tmp_path / "bad.csv", [{"doi": "10.7554/eLife.05256"}], columns=["doi", "category"])

    (failure,) = import_disclosure_paths([path]).failures

    assert str(failure) == (f"{path}:line 1: missing required column(s): author_name (columns: {', '.join(COLUMNS)})")


def test_wrong_encoding(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("author_name,category\nIvan R Corrêa,consulting\n".encode("latin-1"))

    (failure,) = import_disclosure_paths([path]).failures

    assert str(failure) == (f"{path}:line 2: not UTF-8 text (invalid continuation byte); save the CSV as UTF-8")


def test_not_a_workbook(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"not a zip")

    (failure,) = import_disclosure_paths([path]).failures

    assert failure.reason.startswith("not a readable XLSX workbook")
    assert Person.objects.count() == 0
