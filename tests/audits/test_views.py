"""Auditor pages: who may see, run and review; and what each page costs in queries."""

import pytest
from django.urls import reverse

from audits.enums import ReviewStatus
from audits.models import AuditRun, Finding, FindingReview
from tests.audits.helpers import audit
from tests.factories import AuthorshipFactory, UserFactory, auditor, editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def finding(db):
    AuthorshipFactory(person__name="Ann Lee", article__title="A trial")
    audit()
    return Finding.objects.get()


def test_rule_catalogue_is_public_and_lists_every_rule_with_parameters(client):
    content = client.get(reverse("audits:rules")).content.decode()
    for code in ["MISSING_DISCLOSURE", "UNDISCLOSED_INTEREST", "RELEVANT_INTEREST", "REVIEWER_CONFLICT"]:
        assert f'id="{code}"' in content
    assert "<code>window_months</code></td><td>36</td>" in content
    assert "<code>coauthorship_years</code></td><td>3</td>" in content


@pytest.mark.parametrize("name", ["audits:runs", "audits:findings"])
def test_anonymous_users_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_a_role_cannot_see_findings(client, finding):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("audits:findings")).status_code == 403
    assert client.get(reverse("audits:finding", args=[finding.pk])).status_code == 403


def test_anonymous_and_editors_cannot_review_findings(client, finding):
    url = reverse("audits:review", args=[finding.pk])
    data = {"decision": ReviewStatus.CONFIRMED, "reason": ""}
    assert client.post(url, data).status_code == 302  # to the login page
    client.force_login(editor())
    assert client.get(reverse("audits:finding", args=[finding.pk])).status_code == 200
    assert client.post(url, data).status_code == 403
    assert FindingReview.objects.count() == 0
    assert Finding.objects.get().review_status == ReviewStatus.OPEN


def test_editors_cannot_start_audits(client):
    client.force_login(editor())
    assert client.post(reverse("audits:start"), {}).status_code == 403
    assert AuditRun.objects.count() == 0


def test_auditor_dismisses_a_finding_with_a_reason(client, finding):
    user = auditor(username="ada")
    client.force_login(user)
    url = reverse("audits:review", args=[finding.pk])
    response = client.post(url, {"decision": ReviewStatus.DISMISSED, "reason": ""})
    assert response.status_code == 400
    assert "Say why the finding is dismissed." in response.content.decode()
    response = client.post(url, {"decision": ReviewStatus.DISMISSED, "reason": "Disclosure arrived by e-mail."})
    assert response.status_code == 302
    review = FindingReview.objects.get()
    assert (review.reviewer, review.reason) == (user, "Disclosure arrived by e-mail.")
    page = client.get(reverse("audits:finding", args=[finding.pk])).content.decode()
    assert "Dismissed by ada" in page


def test_auditor_starts_an_audit_from_the_page(client):
    AuthorshipFactory()
    client.force_login(auditor())
    response = client.post(reverse("audits:start"), {"rules": ["MISSING_DISCLOSURE"], "window_months": ""})
    run = AuditRun.objects.get()
    assert response.url == reverse("audits:run", args=[run.pk])
    assert run.counts["total"] == 1
    page = client.get(response.url).content.decode()
    assert "Findings: 1 (1 new, 0 resolved)" in page


def test_starting_an_audit_of_an_unknown_article_says_so(client):
    client.force_login(auditor())
    response = client.post(reverse("audits:start"), {"article": "10.1234/nowhere"}, follow=True)
    assert "No article with DOI 10.1234/nowhere in the registry." in response.content.decode()
    assert AuditRun.objects.count() == 0


def test_findings_list_filters_by_rule_and_status(client, finding):
    client.force_login(auditor())
    page = client.get(reverse("audits:findings"), {"rule": "MISSING_DISCLOSURE", "status": "open"})
    assert "No disclosure is on file for Ann Lee" in page.content.decode()
    page = client.get(reverse("audits:findings"), {"rule": "MISSING_DISCLOSURE", "status": "confirmed"})
    assert "No findings match." in page.content.decode()


def test_findings_list_takes_a_doi_as_written_or_says_it_is_not_one(client, finding):
    client.force_login(auditor())
    doi = finding.article.doi
    for written in (doi, doi.upper(), f"https://doi.org/{doi}"):
        page = client.get(reverse("audits:findings"), {"article": written})
        assert "No disclosure is on file for Ann Lee" in page.content.decode(), written
    page = client.get(reverse("audits:findings"), {"article": "not a doi"})
    assert "is not a DOI" in page.content.decode()


@pytest.mark.parametrize("authors", [1, 6])
def test_findings_list_queries_are_constant(client, django_assert_num_queries, authors):
    for _ in range(authors):
        AuthorshipFactory()
    audit()
    client.force_login(auditor())
    # session, user, user and group permissions (view check), the auditor's group (which findings they read),
    # count, findings with articles/people/orgs
    with django_assert_num_queries(7):
        response = client.get(reverse("audits:findings"))
    assert len(response.context["page"]) == authors


@pytest.mark.parametrize("runs", [1, 3])
def test_finding_page_queries_are_constant(client, django_assert_num_queries, runs):
    AuthorshipFactory()
    for _ in range(runs):
        audit()
    finding = Finding.objects.get()
    client.force_login(auditor())
    # session, user, permissions (2), the auditor's group, finding with its runs, its neighbours in the list, the
    # author's disclosure (none here), reviews, history with runs
    with django_assert_num_queries(10):
        response = client.get(reverse("audits:finding", args=[finding.pk]))
    assert len(response.context["history"]) == runs


def test_run_list_queries_are_constant(client, django_assert_num_queries):
    AuthorshipFactory()
    for _ in range(3):
        audit()
    client.force_login(auditor())
    with django_assert_num_queries(5):  # session, user, permissions (2), runs with who started them
        client.get(reverse("audits:runs"))
