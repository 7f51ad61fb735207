"""The auditor's workbench: the findings list's order, filters and grouped views, bulk review, a finding's page."""

import datetime

import pytest
from django.urls import reverse

from audits.models import AuditRun, Finding, FindingReview
from tests.factories import (
    ArticleFactory,
    AuditRunFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    FindingFactory,
    InterestFactory,
    OrganizationFactory,
    auditor,
    editor,
)

pytestmark = pytest.mark.django_db

OLD = datetime.date(2024, 3, 1)
NEW = datetime.date(2026, 6, 1)


def finding_on(published, severity, name="Ann Lee", **fields):
    article = ArticleFactory(published_date=published)
    authorship = AuthorshipFactory(article=article, person__name=name)
    return FindingFactory(authorship=authorship, severity=severity, **fields)


def listed(response) -> list[int]:
    return [f.pk for f in response.context["page"]]


@pytest.fixture
def auditor_client(client):
    client.force_login(auditor(username="ada"))
    return client


def test_findings_come_most_severe_first_then_the_most_recent_articles(auditor_client):
    low_new = finding_on(NEW, "low")
    high_old = finding_on(OLD, "high")
    medium_old = finding_on(OLD, "medium")
    high_new = finding_on(NEW, "high")
    response = auditor_client.get(reverse("audits:findings"))
    assert listed(response) == [high_new.pk, high_old.pk, medium_old.pk, low_new.pk]


def test_findings_filter_by_person_and_organization_name_dates_and_run(auditor_client):
    acme = OrganizationFactory(name="Acme Pharma")
    ann = finding_on(OLD, "low", name="Ann Lee", organization=acme)
    bob = finding_on(NEW, "low", name="Bob Stone")
    later = AuditRunFactory()
    Finding.objects.filter(pk=bob.pk).update(last_seen_run=later)
    bob.occurrences.create(run=later, severity="low", summary=bob.summary)
    url = reverse("audits:findings")
    assert listed(auditor_client.get(url, {"person_name": "ann lee"})) == [ann.pk]
    assert listed(auditor_client.get(url, {"organization_name": "acme"})) == [ann.pk]
    assert listed(auditor_client.get(url, {"date_from": "2026-01-01"})) == [bob.pk]
    assert listed(auditor_client.get(url, {"date_to": "2025-01-01"})) == [ann.pk]
    assert listed(auditor_client.get(url, {"in_run": later.pk})) == [bob.pk]


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"person_name": "Nobody Known"}, "Person name: No person named “Nobody Known” in the registry."),
        (
            {"organization_name": "Nowhere Inc"},
            "Organization name: No organization named “Nowhere Inc” in the registry.",
        ),
        ({"article": "10.1234/absent"}, "Article DOI: No article with DOI 10.1234/absent in the registry."),
        ({"in_run": "999"}, "Found by audit run: No audit run 999."),
        ({"in_run": "first"}, "Found by audit run: Enter a whole number."),
        ({"date_from": "yesterday"}, "Articles dated from: Enter a valid date."),
        ({"date_from": "2026-02-01", "date_to": "2026-01-01"}, "to: The range ends before it starts."),
        ({"severity": "dire"}, "Severity: Select a valid choice."),
        ({"group": "journal"}, "Findings cannot be grouped by “journal”: by article or by person."),
        ({"persn_name": "Ann"}, "Unknown filter: persn_name."),
    ],
)
def test_a_filter_that_cannot_be_applied_is_an_error_at_the_top_not_ignored(auditor_client, params, error):
    finding_on(NEW, "low")
    response = auditor_client.get(reverse("audits:findings"), params)
    assert response.status_code == 400
    page = response.content.decode()
    alert = page.split('<div class="errors" role="alert" id="errors">')[1].split("</div>")[0]
    assert error in alert
    assert page.index('role="alert"') < page.index('<form method="get"')
    assert "No findings match." not in page and "<table" not in page


@pytest.mark.parametrize("group", ["article", "person"])
def test_grouped_views_show_one_line_per_subject_with_its_findings_beneath(auditor_client, group):
    first = finding_on(NEW, "medium", name="Ann Lee")
    FindingFactory(authorship=first.authorship, severity="high", rule_code="UNDISCLOSED_INTEREST")
    finding_on(OLD, "low", name="Bob Stone")
    response = auditor_client.get(reverse("audits:findings"), {"group": group})
    lines = response.context["groups"]
    assert [len(line.findings) for line in lines] == [2, 1]
    assert [f.severity for f in lines[0].findings] == ["high", "medium"]
    subject = first.article if group == "article" else first.person
    assert lines[0].subject == subject
    assert response.context["page"].paginator.count == 2


@pytest.mark.parametrize("group", ["article", "person"])
@pytest.mark.parametrize("subjects", [1, 5])
def test_grouped_views_queries_are_constant(auditor_client, django_assert_num_queries, group, subjects):
    for n in range(subjects):
        finding = finding_on(NEW, "low", name=f"Person {n}")
        FindingFactory(authorship=finding.authorship)
    # session, user, user and group permissions (view check), the auditor's group (which findings it
    # may see), review permission (bulk form), count of groups, page of groups, their subjects, their
    # findings with articles/people/orgs
    with django_assert_num_queries(9):
        response = auditor_client.get(reverse("audits:findings"), {"group": group})
    assert [len(line.findings) for line in response.context["groups"]] == [2] * subjects


def test_bulk_review_confirms_the_ticked_findings_with_one_reason_each_recorded(auditor_client):
    a, b, untouched = finding_on(NEW, "high"), finding_on(NEW, "low"), finding_on(NEW, "low")
    response = auditor_client.post(
        reverse("audits:bulk_review"),
        {"findings": [a.pk, b.pk], "decision": "confirmed", "reason": "Checked against the ICMJE forms."},
    )
    assert response.status_code == 302
    reviews = FindingReview.objects.order_by("finding_id")
    assert [(r.finding_id, r.decision, r.reason, r.reviewer.username) for r in reviews] == [
        (a.pk, "confirmed", "Checked against the ICMJE forms.", "ada"),
        (b.pk, "confirmed", "Checked against the ICMJE forms.", "ada"),
    ]
    assert reviews[0].evidence_seen["summary"] == a.summary
    assert set(Finding.objects.values_list("pk", "review_status")) == {
        (a.pk, "confirmed"),
        (b.pk, "confirmed"),
        (untouched.pk, "open"),
    }
    page = auditor_client.get(response.url).content.decode()
    assert "2 findings marked confirmed." in page


def test_bulk_review_of_all_findings_matching_the_filter(auditor_client):
    ann = [finding_on(NEW, "low", name="Ann Lee") for _ in range(3)]
    bob = finding_on(NEW, "low", name="Bob Stone")
    response = auditor_client.post(
        reverse("audits:bulk_review"),
        {"all_matching": "on", "filter": "person_name=Ann+Lee", "decision": "dismissed", "reason": "Same tie."},
    )
    assert response.url == reverse("audits:findings") + "?person_name=Ann+Lee"
    assert sorted(FindingReview.objects.values_list("finding_id", flat=True)) == [f.pk for f in ann]
    assert Finding.objects.get(pk=bob.pk).review_status == "open"


def test_bulk_dismissal_without_a_reason_writes_nothing_and_says_why_at_the_top(auditor_client):
    a = finding_on(NEW, "low")
    response = auditor_client.post(reverse("audits:bulk_review"), {"findings": [a.pk], "decision": "dismissed"})
    assert response.status_code == 400
    alert = response.content.decode().split('role="alert"')[1].split("</div>")[0]
    assert "Nothing was reviewed:" in alert and "Say why the finding is dismissed." in alert
    response = auditor_client.post(reverse("audits:bulk_review"), {"decision": "confirmed"})
    assert "Select the findings to review, or all findings matching this filter." in response.content.decode()
    assert FindingReview.objects.count() == 0


def test_editors_cannot_review_in_bulk(client):
    a = finding_on(NEW, "low")
    client.force_login(editor())
    response = client.post(reverse("audits:bulk_review"), {"findings": [a.pk], "decision": "confirmed"})
    assert response.status_code == 403
    assert "Review selected" not in client.get(reverse("audits:findings")).content.decode()
    assert FindingReview.objects.count() == 0


def test_the_finding_page_shows_evidence_as_a_table_with_links_and_the_statement_highlighted(auditor_client):
    acme = OrganizationFactory(name="Acme Pharma")
    authorship = AuthorshipFactory(person__name="Ann Lee")
    statement = "Ann Lee has received consultancy fees from Acme Pharma. Nothing else."
    disclosure = DisclosureFactory(authorship=authorship, statement=statement, declares_none=False)
    interest = InterestFactory(person=authorship.person, organization=acme, category="consulting")
    DeclaredInterestFactory(
        disclosure=disclosure,
        interest=interest,
        text_as_written="consultancy fees from Acme Pharma",
        span_start=21,
        span_end=54,
    )
    finding = FindingFactory(
        authorship=authorship,
        interest=interest,
        organization=acme,
        evidence={
            "person": {"id": authorship.person_id, "name": "Ann Lee"},
            "interest": {
                "id": interest.pk,
                "category": "consulting",
                "organization_id": acme.pk,
                "organization": "Acme Pharma",
                "ongoing": True,
                "end_date": None,
            },
        },
    )
    page = auditor_client.get(reverse("audits:finding", args=[finding.pk])).content.decode()
    assert "{&#x27;" not in page and "True" not in page and "None" not in page
    person_url = reverse("admin:registry_person_change", args=[authorship.person_id])
    assert f'<th scope="row">Person</th><td><a href="{person_url}">Ann Lee</a></td>' in page
    assert f'<a href="{reverse("admin:registry_organization_change", args=[acme.pk])}">Acme Pharma</a>' in page
    assert f'href="{reverse("admin:registry_interest_change", args=[interest.pk])}"' in page
    assert f'href="{reverse("admin:registry_disclosure_change", args=[disclosure.pk])}"' in page
    assert "Ann Lee has received <mark>consultancy fees from Acme Pharma</mark>. Nothing else." in page
    assert "<dt>Ongoing</dt><dd>yes</dd>" in page


@pytest.mark.parametrize("ties", [1, 4])
def test_the_finding_page_with_a_disclosure_queries_are_constant(auditor_client, django_assert_num_queries, ties):
    authorship = AuthorshipFactory()
    disclosure = DisclosureFactory(authorship=authorship, statement="Ties.", declares_none=False)
    for _ in range(ties):
        DeclaredInterestFactory(disclosure=disclosure, interest=InterestFactory(person=authorship.person))
    finding = FindingFactory(authorship=authorship)
    # session, user, permissions (2), the auditor's group, finding with its runs, its neighbours in the
    # list, disclosure, its ties with interests and organizations, reviews, history with runs
    with django_assert_num_queries(11):
        response = auditor_client.get(reverse("audits:finding", args=[finding.pk]))
    assert len(response.context["disclosure"].ties) == ties
    assert AuditRun.objects.count() == 1


def test_a_finding_page_leads_to_the_next_and_previous_in_the_filtered_list(auditor_client):
    high, medium, low = finding_on(NEW, "high"), finding_on(NEW, "medium"), finding_on(NEW, "low")
    finding_on(NEW, "medium", name="Bob Stone")
    page = auditor_client.get(reverse("audits:finding", args=[medium.pk]), {"person_name": "Ann"})
    assert (page.context["previous"], page.context["next"]) == (high.pk, low.pk)
    assert f'href="{reverse("audits:finding", args=[low.pk])}?person_name=Ann" rel="next"' in page.content.decode()
    response = auditor_client.post(
        reverse("audits:review", args=[medium.pk]) + "?person_name=Ann",
        {"decision": "confirmed", "reason": "", "advance": "1"},
    )
    assert response.url == reverse("audits:finding", args=[low.pk]) + "?person_name=Ann"
    assert FindingReview.objects.get().finding_id == medium.pk
