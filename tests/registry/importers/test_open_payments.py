"""Open Payments files: every layout and kind, refused rows, re-imports, matching to people, and who
may see the records in the admin."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from registry.enums import IdentifierScheme, ImportStatus, OrganizationKind, OrganizationOrigin
from registry.importers import import_open_payments_paths
from registry.models import ImportRecord, Organization, OrganizationIdentifier, PaymentRecord
from tests import factories
from tests.helpers import DATA

pytestmark = pytest.mark.django_db
OP = DATA / "open_payments"
GENERAL_2019 = OP / "general_payments_PY2019_header_and_1_row.csv"


@pytest.fixture(autouse=True)
def store_every_row(settings):
    """These tests read back rows matched to no one: the option that stores every row (the default
    keeps those only in the Parquet scan file: test_open_payments_scan.py)."""
    settings.OPEN_PAYMENTS_STORE_ALL = True


def rewrite(source, tmp_path, rows: list[dict], name: str = "payments.csv"):
    """A copy of `source` whose data rows are its first row with the given columns changed."""
    with source.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        template = next(reader)
        header = reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    for changes in rows:
        writer.writerow({**template, **changes})
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_every_kind_and_program_year_layout_is_read():
    summary = import_open_payments_paths([OP])

    assert summary.ok, summary.failures
    assert summary.records == 6
    rows = PaymentRecord.objects.order_by("kind", "record_id").values_list(
        "kind", "record_id", "program_year", "last_name", "payer_name", "amount", "payment_date", "nature", "form"
    )
    assert list(rows) == [
        ("general", "29893470", 2013, "KANDEMIR", "Stryker Corporation", Decimal("15.49"),
         datetime.date(2013, 9, 27), "Food and Beverage", "Cash or cash equivalent"),
        ("general", "31094501", 2013, "CAPALDINI", "AbbVie, Inc.", Decimal("4.29"),
         datetime.date(2013, 12, 6), "Food and Beverage", "In-kind items and services"),
        ("general", "346039438", 2016, "ALZATE", "DFINE, Inc", Decimal("90.87"),
         datetime.date(2016, 2, 12), "Food and Beverage", "In-kind items and services"),
        ("general", "521226951", 2018, "SADINSKY", "Mission Pharmacal Company", Decimal("13.78"),
         datetime.date(2018, 4, 13), "Food and Beverage", "In-kind items and services"),
        ("general", "618989345", 2019, "BOATRIGHT", "Edge Endo LLC", Decimal("18.88"),
         datetime.date(2019, 5, 21), "Gift", "In-kind items and services"),
        # Ownership rows have no date of payment: the last day of the program year stands for it.
        ("ownership", "623627959", 2019, "ALBERT", "Applied Medical Corporation", Decimal("32500.00"),
         datetime.date(2019, 12, 31), "Ownership or investment interest", "CLASS B COMMON STOCK"),
    ]  # fmt: skip
    ownership = PaymentRecord.objects.get(kind="ownership")
    assert (ownership.profile_id, ownership.state, ownership.raw["Total_Amount_Invested_USDollars"]) == (
        "122203",
        "FL",
        "0.00",
    )
    assert ImportRecord.objects.filter(status=ImportStatus.SUCCEEDED).count() == 5


def test_reimport_updates_in_place_and_never_duplicates(tmp_path):
    path = rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1", "Total_Amount_of_Payment_USDollars": "100.00"}])
    import_open_payments_paths([path])
    first = PaymentRecord.objects.get()

    path = rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1", "Total_Amount_of_Payment_USDollars": "250.50"}])
    summary = import_open_payments_paths([path])

    assert PaymentRecord.objects.count() == 1
    again = PaymentRecord.objects.get()
    assert (again.pk, again.amount) == (first.pk, Decimal("250.50"))
    assert (
        summary.lines()[1]
        == "Payment records: 0 created, 1 updated, 0 unchanged, 0 deleted, 0 matched, 0 ambiguous, 0 scan only."
    )


def test_a_deleted_row_removes_the_record(tmp_path):
    import_open_payments_paths([rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1"}, {"Record_ID": "2"}])])

    path = rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1", "Change_Type": "DELETED"}], name="deleted.csv")
    summary = import_open_payments_paths([path])

    assert summary.ok
    assert list(PaymentRecord.objects.values_list("record_id", flat=True)) == ["2"]
    assert ImportRecord.objects.order_by("pk").last().counts["deleted"] == 1


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"Total_Amount_of_Payment_USDollars": "12,O0"}, "the amount '12,O0' is not a number"),
        ({"Total_Amount_of_Payment_USDollars": ""}, "the row has no amount"),
        ({"Total_Amount_of_Payment_USDollars": "-5.00"}, "the amount -5.00 is negative"),
        ({"Date_of_Payment": "31/02/2019"}, "'31/02/2019' is not a date"),
        ({"Record_ID": ""}, "the row has no Record_ID"),
    ],
)
def test_a_bad_row_refuses_the_file_and_names_its_line(tmp_path, changes, reason):
    path = rewrite(GENERAL_2019, tmp_path, [{"Record_ID": "1"}, {"Record_ID": "2"}, {"Record_ID": "3", **changes}])

    summary = import_open_payments_paths([path])

    column = next(iter(changes))
    assert [str(failure) for failure in summary.failures] == [f"{path}:line 4, column {column}: {reason}"]
    assert PaymentRecord.objects.count() == 0
    assert ImportRecord.objects.get().status == ImportStatus.FAILED


def test_amounts_written_every_way_are_kept_in_cents(tmp_path):
    amounts = ["12.50", "7", "1,234.5", "0.125", "2.3450", "99999.9999", "3.10"]
    rows = [{"Record_ID": str(n), "Total_Amount_of_Payment_USDollars": amount} for n, amount in enumerate(amounts)]

    summary = import_open_payments_paths([rewrite(GENERAL_2019, tmp_path, rows)])

    assert summary.ok, summary.failures
    stored = dict(PaymentRecord.objects.values_list("record_id", "amount"))
    # Rounded half to even, as the register's cents are summed.
    assert [stored[str(n)] for n in range(len(amounts))] == [
        Decimal(value) for value in ("12.50", "7.00", "1234.50", "0.12", "2.34", "100000.00", "3.10")
    ]


@pytest.mark.parametrize(
    ("amount", "reason"),
    [
        ("1.23456", "the amount '1.23456' is not a number"),
        ("-0.125", "the amount -0.125 is negative"),
        ("12.5.0", "the amount '12.5.0' is not a number"),
    ],
)
def test_an_amount_beyond_cents_is_read_as_before(tmp_path, amount, reason):
    rows = [{"Record_ID": "1"}, {"Record_ID": "2", "Total_Amount_of_Payment_USDollars": amount}]

    summary = import_open_payments_paths([rewrite(GENERAL_2019, tmp_path, rows)])

    assert [str(failure) for failure in summary.failures] == [
        f"{tmp_path / 'payments.csv'}:line 3, column Total_Amount_of_Payment_USDollars: {reason}"
    ]
    assert PaymentRecord.objects.count() == 0


def test_names_beyond_ascii_are_read_as_written_and_a_file_not_utf8_is_refused(tmp_path):
    rows = [{"Record_ID": "1", "Physician_Last_Name": "Nguyễn"}, {"Record_ID": "2", "Physician_First_Name": "Zoë"}]
    path = rewrite(GENERAL_2019, tmp_path, rows)

    assert import_open_payments_paths([path]).ok
    assert sorted(PaymentRecord.objects.values_list("first_name", "last_name")) == [
        ("STEPHEN", "Nguyễn"),
        ("Zoë", "BOATRIGHT"),
    ]

    path.write_bytes(path.read_bytes().replace("Zoë".encode(), "Zoë".encode("latin-1")))
    summary = import_open_payments_paths([path])

    assert not summary.ok
    assert "Zo" not in str(summary.failures[0])
    assert PaymentRecord.objects.count() == 2


def test_a_file_that_is_not_open_payments_is_refused(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("doi,author_name\n10.1/x,Jane Roe\n", encoding="utf-8")

    summary = import_open_payments_paths([path])

    assert str(summary.failures[0]) == (
        f"{path}:line 1: not an Open Payments file: the header names none of "
        "Nature_of_Payment_or_Transfer_of_Value (general), Name_of_Study (research) or Value_of_Interest (ownership)"
    )


def test_recipients_are_matched_by_npi_then_profile_id_then_a_unique_name(tmp_path):
    by_npi = factories.PersonFactory(name="Ann Other", npi="1234567893", open_payments_profile_id="555")
    by_profile = factories.PersonFactory(name="Bob Other", open_payments_profile_id="827477")
    by_name = factories.PersonFactory(name="Stephen W. Boatright")
    factories.PersonFactory(name="Gregg Alzate")
    factories.PersonFactory(name="Gregg Alzate")
    path = rewrite(
        OP / "general_payments_PY2019_header_and_1_row.csv",
        tmp_path,
        [
            {"Record_ID": "1", "Physician_Profile_ID": "555"},  # the profile id of the person with the NPI
            {"Record_ID": "2"},  # profile id 827477
            {"Record_ID": "3", "Physician_Profile_ID": "1"},  # Stephen Boatright by name only
            {"Record_ID": "4", "Physician_Profile_ID": "2", "Physician_First_Name": "Gregg",
             "Physician_Last_Name": "Alzate"},  # two people by that name
            {"Record_ID": "5", "Physician_Profile_ID": "3", "Physician_Last_Name": "Nobody"},
        ],
    )  # fmt: skip

    import_open_payments_paths([path])

    rows = PaymentRecord.objects.order_by("record_id").values_list(
        "record_id", "person", "match_method", "match_confidence", "match_status", "match_reason"
    )
    assert list(rows) == [
        ("1", by_npi.pk, "profile_id", 0.95, "matched", "Open Payments profile id 555"),
        ("2", by_profile.pk, "profile_id", 0.95, "matched", "Open Payments profile id 827477"),
        ("3", by_name.pk, "name", 0.6, "matched", "the only person named stephen boatright"),
        ("4", None, "", None, "ambiguous", "2 people in the registry are named gregg alzate"),
        ("5", None, "", None, "unmatched", ""),
    ]


def test_an_npi_match_wins_over_the_others(tmp_path):
    person = factories.PersonFactory(name="Ann Other", npi="1234567893")
    factories.PersonFactory(name="Someone Else", open_payments_profile_id="827477")
    # Files since program year 2021 name the recipient Covered_Recipient_* and give the NPI.
    path = tmp_path / "general_2023.csv"
    path.write_text(
        "Change_Type,Covered_Recipient_Profile_ID,Covered_Recipient_NPI,Covered_Recipient_First_Name,"
        "Covered_Recipient_Last_Name,Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name,"
        "Total_Amount_of_Payment_USDollars,Date_of_Payment,Nature_of_Payment_or_Transfer_of_Value,"
        "Record_ID,Program_Year\n"
        "NEW,827477,1234567893,SOMEONE,ELSE,Acme,1200.00,03/04/2023,Consulting Fee,77,2023\n",
        encoding="utf-8",
    )

    import_open_payments_paths([path])

    payment = PaymentRecord.objects.get()
    assert (payment.npi, payment.person, payment.match_method, payment.match_confidence) == (
        "1234567893",
        person,
        "npi",
        1.0,
    )


def test_payers_resolve_through_aliases_or_are_created_unreviewed_with_their_register_id(tmp_path):
    edge = factories.OrganizationFactory(name="EdgeEndo", reviewed=True)
    factories.OrganizationAliasFactory(organization=edge, name="Edge Endo")
    import_open_payments_paths([GENERAL_2019, OP / "ownership_PY2019_header_and_1_row.csv"])

    applied = Organization.objects.get(name="Applied Medical Corporation")
    assert dict(PaymentRecord.objects.values_list("payer_name", "payer")) == {
        "Edge Endo LLC": edge.pk,
        "Applied Medical Corporation": applied.pk,
    }
    assert (applied.reviewed, applied.origin, applied.origin_detail, applied.kind) == (
        False,
        OrganizationOrigin.PAYMENT,
        "Open Payments file ownership_PY2019_header_and_1_row.csv",
        OrganizationKind.COMPANY,
    )
    register_ids = OrganizationIdentifier.objects.filter(scheme=IdentifierScheme.OPEN_PAYMENTS)
    assert sorted(register_ids.values_list("organization__name", flat=True)) == [
        "Applied Medical Corporation",
        "EdgeEndo",
    ]


def test_the_command_prints_a_summary_and_fails_on_a_refused_file(tmp_path):
    out = io.StringIO()
    call_command("import_open_payments", str(GENERAL_2019), "--no-progress", stdout=out)
    assert (
        "Payment records: 1 created, 0 updated, 0 unchanged, 0 deleted, 0 matched, 0 ambiguous, 0 scan only."
        in out.getvalue()
    )

    bad = rewrite(GENERAL_2019, tmp_path, [{"Date_of_Payment": "soon"}])
    with pytest.raises(Exception, match="1 of 1 Open Payments files refused"):
        call_command("import_open_payments", str(bad), "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())


# The admin: editors and auditors read payment records; nobody else does, and nobody edits them.

LIST = reverse("admin:registry_paymentrecord_changelist")


def test_the_public_cannot_see_payment_records(client):
    factories.PaymentRecordFactory()
    response = client.get(LIST)
    assert (response.status_code, response.url.startswith(reverse("admin:login"))) == (302, True)
    client.force_login(factories.UserFactory(is_staff=True))  # staff without a role
    assert client.get(LIST).status_code == 403


def test_editors_and_auditors_read_payment_records_but_cannot_change_them(client, editor_user, auditor_user):
    payment = factories.PaymentRecordFactory(last_name="ROE")
    change = reverse("admin:registry_paymentrecord_change", args=[payment.pk])
    for user in (editor_user, auditor_user):
        client.force_login(user)
        response = client.get(LIST, {"q": "ROE"})
        assert (response.status_code, response.context["cl"].result_count) == (200, 1)
        assert client.get(change).status_code == 200
        assert client.post(change, {"amount": "1"}).status_code == 403
    assert client.get(reverse("admin:registry_paymentrecord_add")).status_code == 403


def test_editors_upload_an_open_payments_file_in_the_admin(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = editor_client.post(
        reverse("admin:registry_import_upload"),
        {"kind": "open_payments", "file": SimpleUploadedFile(GENERAL_2019.name, GENERAL_2019.read_bytes())},
    )

    assert response.context["summary"].ok
    assert list(PaymentRecord.objects.values_list("record_id", flat=True)) == ["618989345"]
    assert ImportRecord.objects.get().warnings == [
        f"{GENERAL_2019.name}: payment records 1 created, 0 updated, 0 unchanged, 0 deleted, 0 matched, "
        "0 ambiguous, 0 scan only"
    ]
