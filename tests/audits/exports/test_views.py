"""Export downloads on the auditor pages: who may download, what comes back, and at what cost in queries."""

import csv
import io
import json

import pandas as pd
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audits.exports.columns import FINDING_COLUMNS
from tests.audits.helpers import audit
from tests.factories import AuthorshipFactory, DisclosureFactory, UserFactory, auditor, editor

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx", "json", "parquet"]


@pytest.fixture
def run(db):
    AuthorshipFactory(person__name="Ann Lee", article__doi="10.5555/a")
    DisclosureFactory()
    return audit()


def export_urls(run) -> list[str]:
    return [
        reverse("audits:export_findings", args=["csv"]),
        reverse("audits:export_run", args=[run.pk, "xlsx"]),
        reverse("audits:export_registry", args=["disclosures", "json"]),
        reverse("audits:export_registry", args=["interests", "parquet"]),
    ]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_anonymous_users_are_sent_to_log_in(client, run):
    for url in export_urls(run):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    "make_user",
    [
        pytest.param(editor, id="editor"),
        pytest.param(lambda: UserFactory(is_staff=True), id="staff-without-a-role"),
        pytest.param(UserFactory, id="signed-in-reader"),
    ],
)
def test_only_users_allowed_to_export_get_a_file(client, run, make_user):
    client.force_login(make_user())
    assert [client.get(url).status_code for url in export_urls(run)] == [403, 403, 403, 403]


@pytest.mark.parametrize(
    "make_user",
    [pytest.param(auditor, id="auditor"), pytest.param(lambda: UserFactory(is_superuser=True), id="superuser")],
)
def test_auditors_and_superusers_download_every_export(client, run, make_user):
    client.force_login(make_user())
    for url in export_urls(run):
        response = client.get(url)
        assert response.status_code == 200, url
        assert body(response)


def test_links_to_exports_show_only_to_those_allowed(client, run):
    client.force_login(editor())
    assert "Download" not in client.get(reverse("audits:findings")).content.decode()
    assert "Download" not in client.get(reverse("audits:run", args=[run.pk])).content.decode()
    client.force_login(auditor())
    page = client.get(reverse("audits:findings"), {"rule": "MISSING_DISCLOSURE", "page": "1"}).content.decode()
    assert f'href="{reverse("audits:export_findings", args=["csv"])}?rule=MISSING_DISCLOSURE"' in page
    for export_format in FORMATS:
        assert f'href="{reverse("audits:export_registry", args=["interests", export_format])}"' in page
    page = client.get(reverse("audits:run", args=[run.pk])).content.decode()
    for export_format in FORMATS:
        assert f'href="{reverse("audits:export_run", args=[run.pk, export_format])}"' in page


def test_findings_csv_streams_the_filtered_list_as_an_attachment(client, run):
    AuthorshipFactory(person__name="Bo Berg")
    audit()
    client.force_login(auditor())
    response = client.get(reverse("audits:export_findings", args=["csv"]), {"article": "10.5555/a"})
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="findings.csv"'
    records = list(csv.DictReader(io.StringIO(body(response).decode("utf-8"))))
    assert [(r["rule_code"], r["person"], r["article_doi"]) for r in records] == [
        ("MISSING_DISCLOSURE", "Ann Lee", "10.5555/a")
    ]


def test_a_runs_findings_in_each_format(client, run):
    client.force_login(auditor())

    def url(export_format):
        return reverse("audits:export_run", args=[run.pk, export_format])

    response = client.get(url("xlsx"))
    assert response["Content-Disposition"] == f'attachment; filename="findings-run-{run.pk}.xlsx"'
    sheet = load_workbook(io.BytesIO(body(response)))["findings"]
    assert [cell.value for cell in next(sheet.iter_rows())] == [c.name for c in FINDING_COLUMNS]
    assert sheet.max_row == 2
    frame = pd.read_parquet(io.BytesIO(body(client.get(url("parquet")))))
    assert frame["person"].tolist() == ["Ann Lee"]
    document = json.loads(body(client.get(url("json"))))
    assert document["run"]["id"] == run.pk
    assert [finding["person"] for finding in document["findings"]] == ["Ann Lee"]


def test_registry_exports_include_drafts_for_auditors(client, run):
    DisclosureFactory(authorship__article__status="draft", authorship__article__published_date=None)
    client.force_login(auditor())
    response = client.get(reverse("audits:export_registry", args=["disclosures", "csv"]))
    assert response["Content-Disposition"] == 'attachment; filename="disclosures.csv"'
    statuses = [r["article_status"] for r in csv.DictReader(io.StringIO(body(response).decode("utf-8")))]
    assert statuses == ["published", "draft"]


def test_bad_requests_for_exports_are_refused(client, run):
    client.force_login(auditor())
    response = client.get(reverse("audits:export_findings", args=["csv"]), {"severity": "dire"})
    assert response.status_code == 400
    assert "severity: Select a valid choice. dire is not one of the available choices." in response.content.decode()
    assert client.get("/audits/findings.xml").status_code == 404
    assert client.get("/audits/exports/people.csv").status_code == 404
    assert client.get(reverse("audits:export_run", args=[999, "csv"])).status_code == 404
    assert client.post(reverse("audits:export_findings", args=["csv"])).status_code == 405


@pytest.mark.parametrize("export_format", FORMATS)
@pytest.mark.parametrize("authors", [2, 20])
def test_export_queries_do_not_grow_with_the_findings(client, django_assert_num_queries, export_format, authors):
    for _ in range(authors):
        AuthorshipFactory()
    run = audit()
    client.force_login(auditor())
    # session, user, permissions (2), the auditor's group (which findings they read), latest reviews,
    # findings with articles/people/organizations
    with django_assert_num_queries(7):
        response = client.get(reverse("audits:export_findings", args=[export_format]))
        body(response)
    # the same, and the run
    with django_assert_num_queries(8):
        data = body(client.get(reverse("audits:export_run", args=[run.pk, export_format])))
    if export_format == "csv":
        assert len(data.splitlines()) == authors + 1


@pytest.mark.parametrize("dataset", ["disclosures", "interests"])
@pytest.mark.parametrize("disclosures", [2, 20])
def test_registry_export_queries_do_not_grow_with_the_records(client, django_assert_num_queries, dataset, disclosures):
    for _ in range(disclosures):
        DisclosureFactory()
    client.force_login(auditor())
    with django_assert_num_queries(5):  # session, user, permissions (2), the rows with what they name
        body(client.get(reverse("audits:export_registry", args=[dataset, "csv"])))
