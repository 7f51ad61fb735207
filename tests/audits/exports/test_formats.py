"""Exports of findings, disclosures and interests: what each format holds, read back as a user reads it,
and spreadsheets that never run a hostile value as a formula."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pandas as pd
import pytest
from openpyxl import load_workbook

from audits.enums import ReviewStatus
from audits.exports import FORMATS, write_export
from audits.exports import formats as export_formats
from audits.exports.columns import DISCLOSURE_COLUMNS, FINDING_COLUMNS, INTEREST_COLUMNS
from audits.exports.datasets import disclosures_dataset, findings_dataset, interests_dataset
from audits.models import Finding
from audits.services import review_finding
from tests.audits.exports.hostile import (
    HOSTILE_DECLARATION,
    HOSTILE_NOTE,
    HOSTILE_ORGANIZATION,
    HOSTILE_REASON,
    HOSTILE_SPECIFICATION,
    HOSTILE_STATEMENT,
    build_registry,
)
from tests.audits.helpers import audit
from tests.factories import (
    AuthorshipFactory,
    auditor,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(db):
    return build_registry()


@pytest.fixture
def reviewed_run(registry):
    """An audit of the registry, its multiple-ties finding dismissed by "ada" with a hostile reason."""
    run = audit(rules=["MULTIPLE_TIES_SAME_ENTITY", "MISSING_DISCLOSURE"])
    ties = Finding.objects.get(rule_code="MULTIPLE_TIES_SAME_ENTITY")
    review_finding(actor=auditor(username="ada"), finding=ties, decision=ReviewStatus.DISMISSED, reason=HOSTILE_REASON)
    return run, ties


def exported(dataset, format_name: str) -> bytes:
    out = io.BytesIO()
    write_export(dataset, format_name, out)
    return out.getvalue()


def csv_records(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def xlsx_sheet(data: bytes, name: str) -> list[tuple]:
    """The sheet's rows of cells (openpyxl cells: value, data_type, number_format)."""
    return list(load_workbook(io.BytesIO(data))[name].iter_rows())


def xlsx_records(data: bytes, name: str) -> list[dict]:
    header, *rows = xlsx_sheet(data, name)
    return [{h.value: cell for h, cell in zip(header, row, strict=True)} for row in rows]


def names(columns) -> list[str]:
    return [column.name for column in columns]


# --- findings --------------------------------------------------------------------------------------


def test_findings_csv_holds_each_finding_with_its_latest_review_and_neutralised_text(reviewed_run):
    run, ties = reviewed_run
    data = exported(findings_dataset(run=run), "csv")
    assert data.splitlines()[0].decode().replace('"', "").split(",") == names(FINDING_COLUMNS)
    records = {record["rule_code"]: record for record in csv_records(data)}
    assert sorted(records) == ["MISSING_DISCLOSURE", "MULTIPLE_TIES_SAME_ENTITY"]
    row = records["MULTIPLE_TIES_SAME_ENTITY"]
    assert row["id"] == str(ties.pk)
    assert row["fingerprint"] == ties.fingerprint
    assert row["summary"] == ties.summary  # starts with the author's name: nothing to neutralise
    assert row["organization"] == "'" + HOSTILE_ORGANIZATION
    assert row["organization_id"] == str(ties.organization_id)
    assert (row["article_doi"], row["article_title"], row["person"]) == ("10.5555/published", "A trial", "Ann Lee")
    assert row["interest_id"] == ""
    assert (row["review_status"], row["presence"]) == ("dismissed", "new")
    assert (row["first_seen_run"], row["last_seen_run"]) == (str(run.pk), str(run.pk))
    assert json.loads(row["evidence"]) == ties.evidence
    assert row["reviewed_by"] == "ada"
    assert row["reviewed_on"] == datetime.date.today().isoformat()
    assert row["review_reason"] == "'" + HOSTILE_REASON
    missing = records["MISSING_DISCLOSURE"]
    assert (missing["person"], missing["organization"], missing["review_status"]) == ("Bo Berg", "", "open")
    assert (missing["reviewed_by"], missing["reviewed_on"], missing["review_reason"]) == ("", "", "")


def test_findings_xlsx_has_text_cells_only_where_a_formula_could_hide(reviewed_run):
    run, ties = reviewed_run
    data = exported(findings_dataset(run=run), "xlsx")
    assert load_workbook(io.BytesIO(data)).sheetnames == ["findings", "columns"]
    header, *rows = xlsx_sheet(data, "findings")
    assert [cell.value for cell in header] == names(FINDING_COLUMNS)
    assert not [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]
    row = next(r for r in xlsx_records(data, "findings") if r["rule_code"].value == "MULTIPLE_TIES_SAME_ENTITY")
    assert (row["organization"].value, row["organization"].data_type) == ("'" + HOSTILE_ORGANIZATION, "s")
    assert row["review_reason"].value == "'" + HOSTILE_REASON
    assert (row["id"].value, row["person"].value) == (ties.pk, "Ann Lee")
    assert row["reviewed_on"].value == datetime.datetime.combine(datetime.date.today(), datetime.time())
    assert row["reviewed_on"].number_format == "yyyy-mm-dd"
    assert json.loads(row["evidence"].value) == ties.evidence
    legend = [[cell.value for cell in row] for row in xlsx_sheet(data, "columns")]
    assert legend[0] == ["column", "kind", "meaning"]
    assert legend[1:] == [[c.name, str(c.kind), c.meaning] for c in FINDING_COLUMNS]


def test_findings_parquet_and_json_keep_values_as_stored(reviewed_run):
    run, ties = reviewed_run
    frame = pd.read_parquet(io.BytesIO(exported(findings_dataset(run=run), "parquet")))
    assert list(frame.columns) == names(FINDING_COLUMNS)
    row = frame.set_index("rule_code").loc["MULTIPLE_TIES_SAME_ENTITY"]
    assert row["organization"] == HOSTILE_ORGANIZATION
    assert row["review_reason"] == HOSTILE_REASON
    assert row["reviewed_on"] == datetime.date.today()
    assert json.loads(row["evidence"]) == ties.evidence
    assert str(frame["id"].dtype) == "int64"
    document = json.loads(exported(findings_dataset(run=run), "json"))
    assert list(document) == ["run", "findings"]
    assert document["run"]["id"] == run.pk
    record = next(r for r in document["findings"] if r["rule_code"] == "MULTIPLE_TIES_SAME_ENTITY")
    assert list(record) == names(FINDING_COLUMNS)
    assert record["organization"] == HOSTILE_ORGANIZATION
    assert record["evidence"] == ties.evidence
    assert (record["reviewed_by"], record["review_reason"]) == ("ada", HOSTILE_REASON)
    assert record["reviewed_on"] == datetime.date.today().isoformat()


def test_findings_narrowed_by_the_list_filters_say_which_in_json(reviewed_run):
    filters = {"rule": "MISSING_DISCLOSURE", "severity": "", "person": None}
    document = json.loads(exported(findings_dataset(filters=filters), "json"))
    assert document["filters"] == {"rule": "MISSING_DISCLOSURE"}
    assert [record["person"] for record in document["findings"]] == ["Bo Berg"]


def test_findings_of_a_run_leave_out_findings_other_runs_found(reviewed_run):
    run, _ = reviewed_run
    AuthorshipFactory(person__name="Cy Dunn")
    later = audit(rules=["MISSING_DISCLOSURE"])
    people = [r["person"] for r in csv_records(exported(findings_dataset(run=later), "csv"))]
    assert people == ["Bo Berg", "Cy Dunn"]
    assert len(csv_records(exported(findings_dataset(run=run), "csv"))) == findings_dataset(run=run).count() == 2
    assert len(csv_records(exported(findings_dataset(), "csv"))) == findings_dataset().count() == 3


# --- disclosures ---------------------------------------------------------------------------------


def test_disclosures_csv_includes_drafts_with_statements_neutralised(registry):
    records = csv_records(exported(disclosures_dataset(), "csv"))
    assert [r["disclosure_id"] for r in records] == [str(registry.disclosure.pk), str(registry.draft_disclosure.pk)]
    first, draft = records
    assert first == {
        "disclosure_id": str(registry.disclosure.pk),
        "article_id": str(registry.disclosure.authorship.article_id),
        "article_doi": "10.5555/published",
        "article_title": "A trial",
        "journal": "Test Journal",
        "article_status": "published",
        "article_published_date": "2026-01-15",
        "person_id": str(registry.ann.pk),
        "person": "Ann Lee",
        "orcid": "0000-0002-1825-0097",
        "author_position": "1",
        "name_as_printed": "Ann Lee",
        "form": "icmje_2021",
        "completed_on": "2025-12-01",
        "declares_none": "false",
        "declared_interests": "2",
        "status": "corrected",
        "status_changed_on": "2026-02-01",
        "status_note": "'" + HOSTILE_NOTE,
        "statement": "'" + HOSTILE_STATEMENT,
    }
    assert (draft["article_doi"], draft["article_status"], draft["article_published_date"]) == (
        "10.5555/draft",
        "draft",
        "",
    )
    assert draft["declared_interests"] == "1"


def test_disclosures_of_published_articles_only(registry):
    dataset = disclosures_dataset(published_only=True)
    assert [r["article_doi"] for r in csv_records(exported(dataset, "csv"))] == ["10.5555/published"]
    assert dataset.count() == 1
    assert json.loads(exported(dataset, "json"))["published_only"] is True


def test_disclosures_in_every_format_have_the_same_columns_and_rows(registry):
    dataset = disclosures_dataset()
    assert list(pd.read_parquet(io.BytesIO(exported(dataset, "parquet"))).columns) == names(DISCLOSURE_COLUMNS)
    assert [cell.value for cell in xlsx_sheet(exported(dataset, "xlsx"), "disclosures")[0]] == names(DISCLOSURE_COLUMNS)
    statements = [record["statement"] for record in json.loads(exported(dataset, "json"))["disclosures"]]
    assert statements == [HOSTILE_STATEMENT, "Consulting."]
    row = xlsx_records(exported(dataset, "xlsx"), "disclosures")[0]
    assert (row["statement"].value, row["declares_none"].value) == ("'" + HOSTILE_STATEMENT, False)


# --- interests -------------------------------------------------------------------------------------


def test_interests_have_a_row_per_declaration_and_one_for_an_interest_declared_nowhere(registry):
    dataset = interests_dataset()
    records = csv_records(exported(dataset, "csv"))
    assert [(r["interest_id"], r["article_doi"]) for r in records] == [
        (str(registry.fees.pk), "10.5555/published"),
        (str(registry.fees.pk), "10.5555/draft"),
        (str(registry.shares.pk), "10.5555/published"),
        (str(registry.grant.pk), ""),
    ]
    assert dataset.count() == 4
    fees = records[0]
    assert fees == {
        "interest_id": str(registry.fees.pk),
        "person_id": str(registry.ann.pk),
        "person": "Ann Lee",
        "orcid": "0000-0002-1825-0097",
        "category": "consulting",
        "organization_id": str(registry.company.pk),
        "organization": "'" + HOSTILE_ORGANIZATION,
        "organization_as_written": "'" + HOSTILE_ORGANIZATION,
        "payee": "self",
        "amount": "12500.50",
        "currency": "NOK",
        "start_date": "2024-01-01",
        "end_date": "",
        "ongoing": "true",
        "specification": "'" + HOSTILE_SPECIFICATION,
        "provenance": "disclosure",
        "provenance_detail": "",
        "declaration_id": str(registry.fees.declarations.get(disclosure=registry.disclosure).pk),
        "disclosure_id": str(registry.disclosure.pk),
        "article_id": str(registry.disclosure.authorship.article_id),
        "article_doi": "10.5555/published",
        "disclosure_status": "corrected",
        "declared_as": "'" + HOSTILE_DECLARATION,
    }
    grant = records[3]
    assert (grant["provenance"], grant["provenance_detail"], grant["declaration_id"]) == (
        "import",
        "grants.csv line 3",
        "",
    )


def test_interests_declared_on_published_articles_only(registry):
    dataset = interests_dataset(published_only=True)
    records = csv_records(exported(dataset, "csv"))
    assert [(r["interest_id"], r["article_doi"]) for r in records] == [
        (str(registry.fees.pk), "10.5555/published"),
        (str(registry.shares.pk), "10.5555/published"),
    ]
    assert dataset.count() == 2


def test_interest_amounts_and_dates_are_typed_in_xlsx_and_parquet(registry):
    dataset = interests_dataset()
    fees = xlsx_records(exported(dataset, "xlsx"), "interests")[0]
    assert (fees["amount"].value, fees["amount"].number_format) == (12500.5, "0.00")
    assert (fees["start_date"].value, fees["start_date"].number_format) == (datetime.datetime(2024, 1, 1), "yyyy-mm-dd")
    assert (fees["ongoing"].value, fees["end_date"].value) == (True, None)
    assert fees["declared_as"].value == "'" + HOSTILE_DECLARATION
    frame = pd.read_parquet(io.BytesIO(exported(dataset, "parquet")))
    assert list(frame.columns) == names(INTEREST_COLUMNS)
    first = frame.iloc[0]
    assert (first["amount"], first["currency"]) == (Decimal("12500.50"), "NOK")
    assert first["start_date"] == datetime.date(2024, 1, 1)
    assert first["organization"] == HOSTILE_ORGANIZATION
    assert first["declared_as"] == HOSTILE_DECLARATION
    assert frame["declaration_id"].isna().tolist() == [False, False, False, True]
    record = json.loads(exported(dataset, "json"))["interests"][0]
    assert (record["amount"], record["start_date"], record["ongoing"]) == ("12500.50", "2024-01-01", True)


# --- formula injection, cell by cell -----------------------------------------------------------------


@pytest.fixture
def one_finding(db):
    AuthorshipFactory(person__name="Ann Lee")
    audit()
    return Finding.objects.get()


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_starting_like_a_formula_gets_a_quote_in_spreadsheets_only(one_finding, trigger):
    hostile = trigger + "cmd|' /C calc'!A0"
    Finding.objects.update(summary=hostile)
    dataset = findings_dataset()
    assert csv_records(exported(dataset, "csv"))[0]["summary"] == "'" + hostile
    cell = xlsx_records(exported(dataset, "xlsx"), "findings")[0]["summary"]
    assert (cell.value, cell.data_type) == ("'" + hostile, "s")
    assert pd.read_parquet(io.BytesIO(exported(dataset, "parquet")))["summary"][0] == hostile
    assert json.loads(exported(dataset, "json"))["findings"][0]["summary"] == hostile


@pytest.mark.parametrize("harmless", ["Ann Lee = author", " =1+1", "'quoted", "", "10-2 trial"])
def test_other_text_is_left_alone(one_finding, harmless):
    Finding.objects.update(summary=harmless)
    dataset = findings_dataset()
    assert csv_records(exported(dataset, "csv"))[0]["summary"] == harmless
    assert xlsx_records(exported(dataset, "xlsx"), "findings")[0]["summary"].value == (harmless or None)


def test_xlsx_replaces_control_characters_and_cuts_text_at_the_cell_limit(one_finding):
    Finding.objects.update(summary="bell\x07 and escape\x1b" + "x" * 40_000)
    cell = xlsx_records(exported(findings_dataset(), "xlsx"), "findings")[0]["summary"].value
    assert cell.startswith("bell\N{REPLACEMENT CHARACTER} and escape\N{REPLACEMENT CHARACTER}xxx")
    assert len(cell) == export_formats.XLSX_MAX_CELL
    assert cell.endswith(export_formats.TRUNCATED)
    assert csv_records(exported(findings_dataset(), "csv"))[0]["summary"].endswith("x" * 40_000)


# --- shape at the edges -------------------------------------------------------------------------------


def test_an_empty_export_still_names_its_columns(db):
    dataset = findings_dataset()
    assert exported(dataset, "csv").decode().replace('"', "").strip().split(",") == names(FINDING_COLUMNS)
    assert [cell.value for cell in xlsx_sheet(exported(dataset, "xlsx"), "findings")[0]] == names(FINDING_COLUMNS)
    frame = pd.read_parquet(io.BytesIO(exported(dataset, "parquet")))
    assert (list(frame.columns), len(frame)) == (names(FINDING_COLUMNS), 0)
    assert json.loads(exported(dataset, "json")) == {"filters": {}, "findings": []}


def test_xlsx_continues_on_another_sheet_past_the_row_limit(monkeypatch):
    for _ in range(5):
        AuthorshipFactory()
    audit()
    monkeypatch.setattr(export_formats, "XLSX_MAX_ROWS", 3)  # a header and two findings a sheet
    data = exported(findings_dataset(), "xlsx")
    assert load_workbook(io.BytesIO(data)).sheetnames == ["findings", "findings 2", "findings 3", "columns"]
    ids = [row["id"].value for sheet in ["findings", "findings 2", "findings 3"] for row in xlsx_records(data, sheet)]
    assert ids == sorted(Finding.objects.values_list("pk", flat=True))


def test_every_format_is_offered():
    assert list(FORMATS) == ["csv", "xlsx", "json", "parquet"]
