"""Findings through the API: auditors (and superusers) only, filtered as on the findings page, evidence included."""

import pytest
from rest_framework.authtoken.models import Token

from tests.factories import ArticleFactory, AuthorshipFactory, FindingFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def token_for(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"}


def test_anonymous_is_asked_to_authenticate(api, db):
    response = api.get("/api/findings/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_editors_may_not_read_findings(api, editor_user):
    assert api.get("/api/findings/", **token_for(editor_user)).status_code == 403


def test_a_user_without_a_role_may_not_read_findings(api, db):
    assert api.get("/api/findings/", **token_for(UserFactory())).status_code == 403


def test_auditors_read_findings_with_their_evidence(api, auditor_user):
    finding = FindingFactory(evidence={"declared": [], "matched": "Acme"}, severity="high")

    response = api.get("/api/findings/", **token_for(auditor_user))

    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert row["id"] == finding.pk
    assert row["evidence"] == {"declared": [], "matched": "Acme"}
    assert row["summary"] == finding.summary
    assert row["article"] == {
        "id": finding.article_id,
        "doi": finding.article.doi,
        "title": finding.article.title,
        "status": "published",
    }
    assert row["person"]["id"] == finding.person_id


def test_superusers_read_findings(api, db):
    FindingFactory()

    response = api.get("/api/findings/", **token_for(UserFactory(is_superuser=True)))

    assert response.json()["count"] == 1


def test_finding_detail(api, auditor_user):
    finding = FindingFactory(evidence={"rows": [1, 2]})

    body = api.get(f"/api/findings/{finding.pk}/", **token_for(auditor_user)).json()

    assert (body["id"], body["evidence"]) == (finding.pk, {"rows": [1, 2]})


def test_findings_are_read_only(api, auditor_user):
    finding = FindingFactory()
    headers = token_for(auditor_user)

    assert api.post("/api/findings/", {}, **headers).status_code == 405
    assert api.patch(f"/api/findings/{finding.pk}/", {"review_status": "dismissed"}, **headers).status_code == 405


@pytest.fixture
def findings(db):
    acme = OrganizationFactory(name="Acme")
    article = ArticleFactory(doi="10.5555/findings.1")
    return {
        "high": FindingFactory(severity="high", rule_code="UNDISCLOSED_INTEREST", organization=acme),
        "confirmed": FindingFactory(review_status="confirmed", presence="recurring"),
        "on_article": FindingFactory(authorship=AuthorshipFactory(article=article)),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"severity": "high"}, ["high"]),
        ({"rule": "UNDISCLOSED_INTEREST"}, ["high"]),
        ({"status": "confirmed"}, ["confirmed"]),
        ({"presence": "recurring"}, ["confirmed"]),
        ({"article": "https://doi.org/10.5555/FINDINGS.1"}, ["on_article"]),
        ({}, ["high", "on_article", "confirmed"]),  # most severe first, then the most recent articles
    ],
)
def test_findings_filters(api, auditor_user, findings, params, expected):
    response = api.get("/api/findings/", params, **token_for(auditor_user))

    assert [row["id"] for row in response.json()["results"]] == [findings[name].pk for name in expected]


def test_findings_by_person_and_organization(api, auditor_user, findings):
    headers = token_for(auditor_user)
    by_person = api.get("/api/findings/", {"person": findings["confirmed"].person_id}, **headers).json()
    by_organization = api.get("/api/findings/", {"organization": findings["high"].organization_id}, **headers).json()

    assert [row["id"] for row in by_person["results"]] == [findings["confirmed"].pk]
    assert [row["id"] for row in by_organization["results"]] == [findings["high"].pk]


def test_a_bad_filter_is_a_400_with_the_forms_message(api, auditor_user, findings):
    response = api.get("/api/findings/", {"severity": "dire", "person": "x"}, **token_for(auditor_user))

    assert response.status_code == 400
    assert response.json() == {
        "severity": ["Select a valid choice. dire is not one of the available choices."],
        "person": ["Enter a whole number."],
    }
