"""A refused Open Payments row is named by its file, line and column, and the error never quotes a
recipient's name or address (errors are kept in the import record)."""

import csv
import io

import pytest

from registry.importers import import_open_payments_paths
from tests.helpers import DATA

pytestmark = pytest.mark.django_db

GENERAL_2019 = DATA / "open_payments" / "general_payments_PY2019_header_and_1_row.csv"
PRIVATE = {
    "Physician_First_Name": "Zebediah",
    "Physician_Last_Name": "Quackenbush",
    "Recipient_Primary_Business_Street_Address_Line1": "12 Secret Lane\nSuite 9",
    "Recipient_City": "Hiddenville",
}


def write(tmp_path, rows: list[dict]) -> tuple:
    with GENERAL_2019.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        template = next(reader)
        header = reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    for changes in rows:
        writer.writerow({**template, **PRIVATE, **changes})
    path = tmp_path / "payments.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, out.getvalue()


def test_a_bad_row_after_an_address_on_two_lines_is_named_by_its_line_in_the_file(tmp_path):
    path, text = write(tmp_path, [{"Record_ID": "1"}, {"Record_ID": "2", "Total_Amount_of_Payment_USDollars": "abc"}])
    # The header, then the first row on lines 2-3 (its address has a line break), the bad row on line 4.
    assert text.splitlines()[3].startswith("NEW,")

    summary = import_open_payments_paths([path])

    assert [str(failure) for failure in summary.failures] == [
        f"{path}:line 4, column Total_Amount_of_Payment_USDollars: the amount 'abc' is not a number"
    ]


@pytest.mark.parametrize(
    "changes",
    [
        {"Total_Amount_of_Payment_USDollars": "abc"},
        {"Date_of_Payment": "yesterday"},
        {"Record_ID": ""},
        {"Program_Year": "MMXIX"},
    ],
)
def test_no_error_quotes_a_name_or_an_address(tmp_path, changes):
    path, _ = write(tmp_path, [{"Record_ID": "1", **changes}])

    summary = import_open_payments_paths([path])

    (failure,) = summary.failures
    assert str(failure).startswith(f"{path}:line 2, column {next(iter(changes))}: ")
    assert not any(part in str(failure) for value in PRIVATE.values() for part in value.split("\n"))


def test_a_row_with_too_few_columns_is_refused_without_quoting_it(tmp_path):
    path, text = write(tmp_path, [{"Record_ID": "1"}])
    path.write_text(text + 'New,"Zebediah Quackenbush","12 Secret Lane"\n', encoding="utf-8")

    summary = import_open_payments_paths([path])

    (failure,) = summary.failures
    assert str(failure) == f"{path}: not a readable CSV file: a row has 3 columns where the header has 75"
