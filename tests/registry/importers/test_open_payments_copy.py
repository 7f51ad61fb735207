"""Payment records read back exactly as the file gave them: written by PostgreSQL's binary COPY (every
type the table uses, NULLs, the largest and smallest amounts, text and JSON beyond ASCII or with
characters CSV and JSON escape), and their raw columns whether a row has any or none."""

import csv
import datetime
import json
from decimal import Decimal

import pyarrow as pa
import pytest
from django.db import connection

from registry.importers import import_open_payments_paths
from registry.importers.open_payments import copybinary
from registry.importers.open_payments.columns import detect_kind, map_columns
from registry.models import PaymentRecord
from tests.registry.importers.test_open_payments import GENERAL_2019, rewrite

pytestmark = pytest.mark.django_db

ODD_TEXT = 'Zoë "Ångström", O\'Brien\\Jr\tsecond\nline'


@pytest.fixture(autouse=True)
def store_every_row(settings):
    settings.OPEN_PAYMENTS_STORE_ALL = True


@pytest.mark.skipif(connection.vendor != "postgresql", reason="binary COPY is PostgreSQL's")
def test_every_type_reads_back_as_sent():
    table = pa.table(
        {
            "year": pa.array([2019, None, -1], pa.int16()),
            "id": pa.array([None, 9_000_000_000, 0], pa.int64()),
            "share": pa.array([0.95, None, 1.0], pa.float64()),
            "day": pa.array([datetime.date(2019, 12, 31), datetime.date(1970, 1, 1), None], pa.date32()),
            "amount": pa.array(
                [Decimal("999999999999.99"), Decimal("0.01"), Decimal("-1234.50")], pa.decimal128(14, 2)
            ),
            "name": pa.array([ODD_TEXT, "", None], pa.string()),
            "raw": pa.array(['{"a":"\\"x\\"\\\\","é":"1"}', "{}", None], pa.string()),
        }
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE copied (year smallint, id bigint, share double precision, day date, "
            "amount numeric(14, 2), name varchar(100), raw jsonb)"
        )
        with cursor.cursor.copy("COPY copied FROM STDIN WITH (FORMAT binary)") as copy:
            copy.write(copybinary.HEADER)
            copy.write(copybinary.copy_rows(table, jsonb=frozenset({"raw"})))
            copy.write(copybinary.TRAILER)
        cursor.execute("SELECT year, id, share, day, amount::text, name, raw FROM copied ORDER BY amount")
        rows = [(*row[:-1], None if row[-1] is None else json.loads(row[-1])) for row in cursor.fetchall()]
    assert rows == [
        (-1, 0, 1.0, None, "-1234.50", None, None),
        (None, 9_000_000_000, None, datetime.date(1970, 1, 1), "0.01", "", {}),
        (2019, None, 0.95, datetime.date(2019, 12, 31), "999999999999.99", ODD_TEXT, {"a": '"x"\\', "é": "1"}),
    ]


def test_amounts_text_and_raw_columns_are_stored_as_written(tmp_path):
    path = rewrite(
        GENERAL_2019,
        tmp_path,
        [
            {"Record_ID": "1", "Total_Amount_of_Payment_USDollars": "0.00", "Physician_Last_Name": ODD_TEXT},
            {"Record_ID": "2", "Total_Amount_of_Payment_USDollars": "123456789.05", "Recipient_Zip_Code": ODD_TEXT},
            {"Record_ID": "3", "Total_Amount_of_Payment_USDollars": "10000.1", "Recipient_Zip_Code": ""},
        ],
    )

    summary = import_open_payments_paths([path])

    assert summary.ok, summary.failures
    rows = PaymentRecord.objects.order_by("record_id").values_list("record_id", "amount", "last_name", "raw")
    assert [(record_id, amount, name) for record_id, amount, name, _ in rows] == [
        ("1", Decimal("0.00"), 'Zoë "Ångström", O\'Brien\\Jr\tsecond\nline'),
        ("2", Decimal("123456789.05"), "BOATRIGHT"),
        ("3", Decimal("10000.10"), "BOATRIGHT"),
    ]
    raws = [raw for *_, raw in rows]
    assert raws[1]["Recipient_Zip_Code"] == ODD_TEXT
    assert "Recipient_Zip_Code" not in raws[2]


def test_a_row_with_no_other_column_keeps_an_empty_raw_beside_one_that_has_them(tmp_path):
    with GENERAL_2019.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    mapped = set(map_columns(header, detect_kind(header)).values())
    blank = {name: "" for name in header if name not in mapped}
    path = rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1", **blank}, {"Record_ID": "2", "Recipient_Zip_Code": "1"}])

    summary = import_open_payments_paths([path])

    assert summary.ok, summary.failures
    raws = dict(PaymentRecord.objects.values_list("record_id", "raw"))
    assert raws["1"] == {}
    assert raws["2"]["Recipient_Zip_Code"] == "1"
    assert len(raws["2"]) > 1
