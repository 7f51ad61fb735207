"""Who reads which findings: one rule (`Finding.objects.visible_to()`) for the findings page, a
finding's page, the CSV export, the API and the admin. Reviewer-conflict findings name an article's
reviewers, which only auditors may know."""

import csv
import io

import pytest
from django.urls import reverse

from audits.models import Finding
from tests.factories import FindingFactory, UserFactory, auditor, editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def findings(db):
    ordinary = FindingFactory(rule_code="MISSING_DISCLOSURE", summary="No disclosure is on file for Ann Lee.")
    private = FindingFactory(
        rule_code="REVIEWER_CONFLICT", summary="Rex Viewer, reviewer of “A trial”, is close to the author Ann Lee."
    )
    return ordinary, private


def test_auditors_read_every_finding_editors_all_but_reviewer_conflicts_others_none(findings):
    ordinary, private = findings

    assert set(Finding.objects.visible_to(auditor())) == {ordinary, private}
    assert set(Finding.objects.visible_to(editor())) == {ordinary}
    assert set(Finding.objects.visible_to(UserFactory(is_staff=True))) == set()
    assert set(Finding.objects.visible_to(None)) == {ordinary, private}  # the command line


def test_the_findings_page_leaves_reviewer_conflicts_out_for_editors(client, findings):
    ordinary, _ = findings
    client.force_login(editor())

    response = client.get(reverse("audits:findings"))

    assert list(response.context["page"]) == [ordinary]
    assert "Rex Viewer" not in response.content.decode()


def test_the_findings_page_shows_reviewer_conflicts_to_auditors(client, findings):
    ordinary, private = findings
    client.force_login(auditor())

    response = client.get(reverse("audits:findings"))

    assert list(response.context["page"]) == [private, ordinary]


def test_an_editor_cannot_open_or_review_a_reviewer_conflict_by_its_id(client, findings):
    ordinary, private = findings
    client.force_login(editor())

    assert client.get(reverse("audits:finding", args=[ordinary.pk])).status_code == 200
    assert client.get(reverse("audits:finding", args=[private.pk])).status_code == 404


def test_the_csv_export_of_an_editor_with_the_export_permission_leaves_reviewer_conflicts_out(client, findings):
    from django.contrib.auth.models import Permission

    ordinary, _ = findings
    user = editor()
    user.user_permissions.add(Permission.objects.get(codename="export_findings"))
    client.force_login(user)

    response = client.get(reverse("audits:export_findings", args=["csv"]))

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["rule_code"] for row in rows] == ["MISSING_DISCLOSURE"]


def test_the_csv_export_of_an_auditor_holds_every_finding(client, findings):
    client.force_login(auditor())

    response = client.get(reverse("audits:export_findings", args=["csv"]))

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert sorted(row["rule_code"] for row in rows) == ["MISSING_DISCLOSURE", "REVIEWER_CONFLICT"]


def test_the_api_keeps_findings_to_auditors(client, findings):
    ordinary, private = findings
    client.force_login(editor())
    assert client.get("/api/findings/").status_code == 403

    client.force_login(auditor())
    assert [item["id"] for item in client.get("/api/findings/").json()["results"]] == [private.pk, ordinary.pk]


def test_the_admin_list_leaves_reviewer_conflicts_out_for_editors(client, findings):
    ordinary, private = findings
    client.force_login(editor())

    response = client.get(reverse("admin:audits_finding_changelist"))

    assert list(response.context["cl"].result_list) == [ordinary]
    assert client.get(reverse("admin:audits_finding_change", args=[private.pk])).status_code == 302
