"""Open Payments at register scale: every row kept as Parquet, only the rows matched or possibly
matched stored in full, re-imports that write only what changed and keep editors' decisions, and
research payments matched through their principal investigators."""

import csv
import io
from decimal import Decimal

import pyarrow.parquet as pq
import pytest
from django.urls import reverse

from registry.enums import PaymentMatchStatus
from registry.importers import import_open_payments_paths
from registry.importers.open_payments.scanfile import rematch, scan_path, totals
from registry.models import ImportRecord, PaymentRecord
from tests import factories
from tests.helpers import DATA

pytestmark = pytest.mark.django_db
OP = DATA / "open_payments"
GENERAL_2019 = OP / "general_payments_PY2019_header_and_1_row.csv"
RESEARCH_2019 = OP / "research_payments_PY2019_header.csv"


def rewrite(source, tmp_path, rows: list[dict], name: str = "payments.csv", template: dict | None = None):
    with source.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        first = next(reader, None)
        header = reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    for changes in rows:
        writer.writerow({**(template or first or {}), **changes})
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def three_payments(tmp_path, amount: str = "10.00", name: str = "payments.csv"):
    return rewrite(
        GENERAL_2019,
        tmp_path,
        [
            {"Record_ID": "1", "Physician_Profile_ID": "900001", "Total_Amount_of_Payment_USDollars": amount},
            {"Record_ID": "2", "Physician_Profile_ID": "900002", "Physician_First_Name": "Gregg",
             "Physician_Last_Name": "Alzate"},
            {"Record_ID": "3", "Physician_Profile_ID": "900003", "Physician_Last_Name": "Nobody"},
        ],
        name=name,
    )  # fmt: skip


def test_only_rows_matched_or_possibly_matched_are_stored_and_every_row_is_kept_as_parquet(tmp_path, settings):
    person = factories.PersonFactory(name="Ann Other", open_payments_profile_id="900001")
    factories.PersonFactory(name="Gregg Alzate")
    factories.PersonFactory(name="Gregg Alzate")

    summary = import_open_payments_paths([three_payments(tmp_path)])

    assert summary.ok, summary.failures
    stored = PaymentRecord.objects.order_by("record_id").values_list("record_id", "person", "match_status")
    assert list(stored) == [("1", person.pk, "matched"), ("2", None, "ambiguous")]
    record = PaymentRecord.objects.get(record_id="1")
    assert record.raw["Covered_Recipient_Type"] == "Covered Recipient Physician"  # the row in full
    assert ImportRecord.objects.get().counts["scan only"] == 1

    scanned = pq.read_table(scan_path("general", "payments.csv")).sort_by("record_id")
    assert scanned.column("record_id").to_pylist() == ["1", "2", "3"]
    assert scanned.column("last_name").to_pylist()[2] == "Nobody"
    assert scanned.column("match_status").to_pylist() == ["matched", "ambiguous", "unmatched"]
    assert totals()[2019] == {
        "rows": 3,
        "amount": Decimal("10.00") + 2 * record_amount(scanned, 1),
        "matched_rows": 1,
        "matched_amount": Decimal("10.00"),
    }


def record_amount(table, index: int) -> Decimal:
    return table.column("amount").to_pylist()[index]


def test_every_row_is_stored_when_asked(tmp_path):
    summary = import_open_payments_paths([three_payments(tmp_path)], store_all=True)

    assert summary.ok
    assert PaymentRecord.objects.count() == 3


@pytest.mark.parametrize("store_all", [True, False])
def test_raw_keeps_the_rows_other_non_empty_columns_as_written_escaped_for_json(tmp_path, store_all):
    factories.PersonFactory(name="Ann Other", open_payments_profile_id="900001")
    awkward = 'Say "ah"\\ then\ta\nnew line'
    path = rewrite(
        GENERAL_2019,
        tmp_path,
        [{"Record_ID": "1", "Physician_Profile_ID": "900001", "Contextual_Information": awkward,
          "Recipient_Zip_Code": "", "Covered_Recipient_Type": "  Covered Recipient Physician "},
         {"Record_ID": "2", "Physician_Profile_ID": "900001", "Contextual_Information": ""}],
    )  # fmt: skip

    assert import_open_payments_paths([path], store_all=store_all).ok

    first, second = PaymentRecord.objects.order_by("record_id")
    assert first.raw["Contextual_Information"] == awkward
    assert first.raw["Covered_Recipient_Type"] == "  Covered Recipient Physician "  # as written
    assert "Recipient_Zip_Code" not in first.raw  # empty
    assert "Contextual_Information" not in second.raw
    assert "Physician_Profile_ID" not in first.raw  # a column of the record's own


def test_people_added_later_are_matched_from_the_parquet(tmp_path):
    import_open_payments_paths([three_payments(tmp_path)])
    assert PaymentRecord.objects.count() == 0
    later = factories.PersonFactory(name="Someone New", open_payments_profile_id="900003")

    assert rematch() == 1

    record = PaymentRecord.objects.get()
    assert (record.record_id, record.person_id, record.match_method) == ("3", later.pk, "profile_id")
    # The next import of the file brings the register's other columns.
    summary = import_open_payments_paths([three_payments(tmp_path)])
    assert summary.counts["updated"] == 1
    assert PaymentRecord.objects.get().raw["Covered_Recipient_Type"] == "Covered Recipient Physician"


def test_a_reimport_of_the_same_file_writes_nothing_and_counts_the_rows_unchanged(tmp_path):
    factories.PersonFactory(name="Ann Other", open_payments_profile_id="900001")
    import_open_payments_paths([three_payments(tmp_path)], store_all=True)
    before = list(PaymentRecord.objects.order_by("pk").values())

    summary = import_open_payments_paths([three_payments(tmp_path)], store_all=True)

    assert (summary.counts["created"], summary.counts["updated"], summary.counts["unchanged"]) == (0, 0, 3)
    assert list(PaymentRecord.objects.order_by("pk").values()) == before

    changed = import_open_payments_paths([three_payments(tmp_path, amount="12.50")], store_all=True)
    assert (changed.counts["updated"], changed.counts["unchanged"]) == (1, 2)
    assert PaymentRecord.objects.get(record_id="1").amount == Decimal("12.50")


def test_a_row_the_file_repeats_is_written_once_the_last_one_winning(tmp_path):
    path = rewrite(
        GENERAL_2019,
        tmp_path,
        [{"Record_ID": "7", "Total_Amount_of_Payment_USDollars": "1.00"},
         {"Record_ID": "7", "Total_Amount_of_Payment_USDollars": "2.00"}],
    )  # fmt: skip

    summary = import_open_payments_paths([path], store_all=True)

    assert summary.ok, summary.failures
    assert list(PaymentRecord.objects.values_list("amount", flat=True)) == [Decimal("2.00")]


def test_an_editors_confirmed_or_rejected_match_survives_a_reimport(tmp_path, editor_client):
    ann = factories.PersonFactory(name="Ann Other", open_payments_profile_id="900001")
    bob = factories.PersonFactory(name="Bob Other", open_payments_profile_id="900004")
    path = rewrite(
        GENERAL_2019,
        tmp_path,
        [{"Record_ID": "1", "Physician_Profile_ID": "900001"}, {"Record_ID": "4", "Physician_Profile_ID": "900004"}],
    )
    import_open_payments_paths([path])
    changelist = reverse("admin:registry_paymentrecord_changelist")
    first, second = PaymentRecord.objects.order_by("record_id")
    editor_client.post(changelist, {"action": "confirm_match", "_selected_action": [first.pk]})
    editor_client.post(changelist, {"action": "reject_match", "_selected_action": [second.pk]})

    # The register's rows come again, one of them changed: the decisions stay.
    path = rewrite(
        GENERAL_2019,
        tmp_path,
        [{"Record_ID": "1", "Physician_Profile_ID": "900001", "Total_Amount_of_Payment_USDollars": "99.00"},
         {"Record_ID": "4", "Physician_Profile_ID": "900004"}],
    )  # fmt: skip
    summary = import_open_payments_paths([path])

    assert (summary.counts["updated"], summary.counts["unchanged"]) == (1, 1)
    rows = PaymentRecord.objects.order_by("record_id").values_list("record_id", "person", "match_status", "amount")
    assert list(rows) == [
        ("1", ann.pk, PaymentMatchStatus.CONFIRMED, Decimal("99.00")),
        ("4", None, PaymentMatchStatus.REJECTED, second.amount),
    ]
    assert bob.pk not in PaymentRecord.objects.values_list("person", flat=True)


def test_auditors_cannot_decide_a_match(tmp_path, client, auditor_user):
    payment = factories.PaymentRecordFactory(match_status=PaymentMatchStatus.MATCHED)
    client.force_login(auditor_user)

    client.post(
        reverse("admin:registry_paymentrecord_changelist"), {"action": "reject_match", "_selected_action": [payment.pk]}
    )

    payment.refresh_from_db()
    assert payment.match_status == PaymentMatchStatus.MATCHED


def test_a_research_payment_to_a_hospital_is_matched_through_its_principal_investigator(tmp_path):
    investigator = factories.PersonFactory(name="Priya Investigator", open_payments_profile_id="700007")
    row = {
        "Change_Type": "NEW",
        "Covered_Recipient_Type": "Covered Recipient Teaching Hospital",
        "Teaching_Hospital_Name": "General Hospital",
        "Principal_Investigator_1_Profile_ID": "1",
        "Principal_Investigator_1_First_Name": "Some",
        "Principal_Investigator_1_Last_Name": "One",
        "Principal_Investigator_2_Profile_ID": "700007",
        "Principal_Investigator_2_First_Name": "Priya",
        "Principal_Investigator_2_Last_Name": "Investigator",
        "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name": "Acme Pharma",
        "Total_Amount_of_Payment_USDollars": "5000.00",
        "Date_of_Payment": "03/01/2019",
        "Name_of_Study": "A trial",
        "Record_ID": "77",
        "Program_Year": "2019",
    }
    path = rewrite(RESEARCH_2019, tmp_path, [row], template={})

    summary = import_open_payments_paths([path])

    assert summary.ok, summary.failures
    record = PaymentRecord.objects.get()
    assert (record.kind, record.person_id, record.match_method, record.match_reason) == (
        "research",
        investigator.pk,
        "profile_id",
        "principal investigator 2: Open Payments profile id 700007",
    )


@pytest.mark.parametrize("year", ["2009", "2093"])
def test_a_program_year_the_register_never_had_is_refused_with_its_line(tmp_path, year):
    path = rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1"}, {"Record_ID": "2", "Program_Year": year}])

    summary = import_open_payments_paths([path])

    (failure,) = summary.failures
    assert str(failure).startswith(
        f"{path}:line 3, column Program_Year: '{year}' is not a program year of Open Payments"
    )
    assert PaymentRecord.objects.count() == 0
    assert not scan_path("general", "payments.csv").exists()


def test_a_refused_file_leaves_the_previous_parquet_as_it_was(tmp_path):
    import_open_payments_paths([three_payments(tmp_path)])
    before = pq.read_table(scan_path("general", "payments.csv"))

    path = rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1", "Date_of_Payment": "soon"}])
    summary = import_open_payments_paths([path])

    assert not summary.ok
    assert pq.read_table(scan_path("general", "payments.csv")).equals(before)
    assert not list(scan_path("general", "payments.csv").parent.glob("*.partial"))


def test_a_row_repeated_in_a_later_block_of_a_new_kind_updates_the_first(tmp_path, monkeypatch):
    from registry.importers.open_payments import reader

    monkeypatch.setattr(reader, "BLOCK_BYTES", 1000)  # one row a block
    path = rewrite(
        GENERAL_2019,
        tmp_path,
        [{"Record_ID": "7", "Total_Amount_of_Payment_USDollars": "1.00"}, {"Record_ID": "8"},
         {"Record_ID": "7", "Total_Amount_of_Payment_USDollars": "2.00"}],
    )  # fmt: skip

    summary = import_open_payments_paths([path], store_all=True)

    assert summary.ok, summary.failures
    assert (summary.counts["created"], summary.counts["updated"]) == (2, 1)
    assert PaymentRecord.objects.get(record_id="7").amount == Decimal("2.00")


def test_the_rematch_command_says_what_it_stored(tmp_path):
    from django.core.management import call_command

    import_open_payments_paths([three_payments(tmp_path)])
    factories.PersonFactory(name="Someone New", open_payments_profile_id="900003")
    out = io.StringIO()

    call_command("rematch_open_payments", stdout=out)

    assert out.getvalue() == "1 Parquet file(s) read; 1 payment record(s) newly matched and stored.\n"


def test_a_new_row_repeated_in_a_later_block_of_a_known_kind_updates_the_first(tmp_path, monkeypatch):
    from registry.importers.open_payments import reader

    import_open_payments_paths(
        [rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1"}], name="first.csv")], store_all=True
    )
    monkeypatch.setattr(reader, "BLOCK_BYTES", 1000)  # one row a block
    path = rewrite(
        GENERAL_2019,
        tmp_path,
        [{"Record_ID": "7", "Total_Amount_of_Payment_USDollars": "1.00"}, {"Record_ID": "1"},
         {"Record_ID": "7", "Total_Amount_of_Payment_USDollars": "2.00"}],
    )  # fmt: skip

    summary = import_open_payments_paths([path], store_all=True)

    assert summary.ok, summary.failures
    assert (summary.counts["created"], summary.counts["updated"], summary.counts["unchanged"]) == (1, 1, 1)
    assert PaymentRecord.objects.get(record_id="7").amount == Decimal("2.00")


ADDRESS = "Recipient_Primary_Business_Street_Address_Line1"


@pytest.mark.parametrize("block_bytes", [300, 1 << 20])
def test_a_stored_row_keeps_its_other_columns_whole_whatever_block_it_falls_in(tmp_path, monkeypatch, block_bytes):
    from registry.importers.open_payments import reader

    monkeypatch.setattr(reader, "BLOCK_BYTES", block_bytes)  # 300: every row is longer than a block
    factories.PersonFactory(name="Ann Other", open_payments_profile_id="900001")
    rows = [
        {"Record_ID": str(n), "Physician_Profile_ID": f"90000{2 - n % 2}", ADDRESS: f"{n} Main St\nSuite {n}"}
        for n in range(1, 8)
    ]
    path = rewrite(GENERAL_2019, tmp_path, rows)

    summary = import_open_payments_paths([path])

    assert summary.ok, summary.failures
    stored = PaymentRecord.objects.order_by("record_id")
    assert [(record.record_id, record.raw[ADDRESS]) for record in stored] == [
        (str(n), f"{n} Main St\nSuite {n}") for n in (1, 3, 5, 7)
    ]
    assert summary.counts["scan only"] == 3


def test_a_refused_row_is_named_by_its_line_when_blocks_end_inside_rows_with_line_breaks(tmp_path, monkeypatch):
    from registry.importers.open_payments import reader

    monkeypatch.setattr(reader, "BLOCK_BYTES", 300)
    rows = [{"Record_ID": str(n), ADDRESS: "1 Main St\nSuite 2\nFloor 3"} for n in range(1, 4)]
    rows.append({"Record_ID": "4", "Total_Amount_of_Payment_USDollars": "abc"})
    path = rewrite(GENERAL_2019, tmp_path, rows)

    summary = import_open_payments_paths([path])

    # The header, then three rows of three lines each: the bad row is on line 11.
    assert [str(failure) for failure in summary.failures] == [
        f"{path}:line 11, column Total_Amount_of_Payment_USDollars: the amount 'abc' is not a number"
    ]
    assert PaymentRecord.objects.count() == 0


def test_a_blank_line_between_rows_does_not_lose_the_stored_rows_columns(tmp_path):
    factories.PersonFactory(name="Ann Other", open_payments_profile_id="900001")
    path = rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1"}, {"Record_ID": "2", "Physician_Profile_ID": "900001"}])
    header, first, second = path.read_text(encoding="utf-8").splitlines()
    path.write_text(f"{header}\n{first}\n\n{second}\n", encoding="utf-8")

    summary = import_open_payments_paths([path])

    assert summary.ok, summary.failures
    record = PaymentRecord.objects.get()
    assert (record.record_id, record.raw["Covered_Recipient_Type"]) == ("2", "Covered Recipient Physician")


def test_a_quote_inside_an_unquoted_value_does_not_hold_up_the_blocks(tmp_path, monkeypatch):
    from registry.importers.open_payments import reader

    monkeypatch.setattr(reader, "BLOCK_BYTES", 300)
    factories.PersonFactory(name="Ann Other", open_payments_profile_id="900001")
    path = rewrite(
        GENERAL_2019, tmp_path, [{"Record_ID": str(n), "Physician_Profile_ID": "900001"} for n in range(1, 6)]
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    # A device measured in inches, as a register's export may leave it: the quote is a character.
    lines[2] = lines[2].replace(",Device,", ',Device 3/4",', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    summary = import_open_payments_paths([path])

    assert summary.ok, summary.failures
    assert PaymentRecord.objects.count() == 5
    device = PaymentRecord.objects.get(record_id="2").raw["Indicate_Drug_or_Biological_or_Device_or_Medical_Supply_1"]
    assert device == 'Device 3/4"'


def test_the_parquet_records_the_range_of_years_dates_and_amounts_for_readers_that_filter(tmp_path):
    import_open_payments_paths([three_payments(tmp_path, amount="12.50")])

    row_group = pq.ParquetFile(scan_path("general", "payments.csv")).metadata.row_group(0)
    ranges = {}
    for index in range(row_group.num_columns):
        column = row_group.column(index)
        if column.statistics is not None and column.statistics.has_min_max:
            ranges[column.path_in_schema] = (column.statistics.min, column.statistics.max)
    assert ranges["program_year"] == (2019, 2019)
    assert ranges["record_id"] == ("1", "3")
    assert ranges["payment_date"][0] <= ranges["payment_date"][1]
    assert "first_name" not in ranges  # names and places narrow no query: no statistics to write
