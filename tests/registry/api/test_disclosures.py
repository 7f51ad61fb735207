"""Editors record a disclosure through the API with a token; the service writes it with history."""

from decimal import Decimal

import pytest
from rest_framework.authtoken.models import Token

from registry.enums import ArticleStatus
from registry.models import DeclaredInterest, Disclosure, Interest
from tests.factories import ArticleFactory, AuthorshipFactory, DisclosureFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def token_for(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"}


@pytest.fixture
def authorship(db):
    return AuthorshipFactory(article=ArticleFactory(status=ArticleStatus.DRAFT, published_date=None), position=1)


def post(api, authorship, payload: dict, headers: dict):
    url = f"/api/articles/{authorship.article_id}/disclosures/"
    return api.post(url, {"authorship": authorship.pk, **payload}, format="json", **headers)


def test_an_editor_records_a_disclosure_with_its_interests(api, editor_user, authorship):
    acme = OrganizationFactory(name="Acme Pharma")
    payload = {
        "statement": "Consulting fees from Acme; lectures for Beta.",
        "interests": [
            {
                "category": "consulting",
                "organization": acme.pk,
                "organization_name": "Acme",
                "amount": "1200.50",
                "currency": "nok",
            },
            {"category": "lectures", "organization_name": "Beta", "payee": "institution", "start_date": "2023-01-01"},
        ],
    }

    response = post(api, authorship, payload, token_for(editor_user))

    assert response.status_code == 201, response.content
    disclosure = Disclosure.objects.get(authorship=authorship)
    assert response.json()["id"] == disclosure.pk
    assert (disclosure.statement, disclosure.declares_none) == (payload["statement"], False)
    consulting, lectures = Interest.objects.filter(person=authorship.person).order_by("category")
    assert (consulting.organization, consulting.amount, consulting.currency) == (acme, Decimal("1200.50"), "NOK")
    # Beta was not in the registry: it is now, unreviewed, for an editor to check.
    assert (lectures.organization.name, lectures.organization.reviewed, lectures.organization_name, lectures.payee) == (
        "Beta",
        False,
        "Beta",
        "institution",
    )
    assert str(lectures.start_date) == "2023-01-01"
    record = disclosure.history.latest()
    assert (record.history_user, record.history_change_reason) == (editor_user, "Recorded through the API")
    assert consulting.history.latest().history_change_reason == "Recorded through the API"


def test_recording_again_replaces_the_disclosure_on_file(api, editor_user, authorship):
    DisclosureFactory(authorship=authorship, statement="Old.", declares_none=True)

    response = post(
        api, authorship, {"statement": "Nothing to declare.", "declares_none": True}, token_for(editor_user)
    )

    assert response.status_code == 200
    assert Disclosure.objects.get(authorship=authorship).statement == "Nothing to declare."


def test_a_published_article_s_disclosure_is_corrected_with_a_reason_never_silently(api, editor_user):
    article = ArticleFactory(status=ArticleStatus.PUBLISHED, published_date="2026-06-16")
    published = AuthorshipFactory(article=article, position=1)
    DisclosureFactory(authorship=published, statement="Nothing to declare.", declares_none=True)
    change = {"statement": "Consults for Acme.", "interests": [{"category": "consulting", "organization_name": "Acme"}]}

    token = token_for(editor_user)
    refused = post(api, published, change, token)

    assert refused.status_code == 400
    assert refused.json() == {
        "change_reason": ["This disclosure belongs to a published article: say why it is corrected."]
    }
    assert Disclosure.objects.get(authorship=published).statement == "Nothing to declare."

    response = post(api, published, {**change, "change_reason": "The author wrote in."}, token)

    assert response.status_code == 200, response.content
    disclosure = Disclosure.objects.get(authorship=published)
    assert (disclosure.statement, disclosure.status, disclosure.status_note) == (
        "Consults for Acme.",
        "corrected",
        "The author wrote in.",
    )
    reasons = list(disclosure.history.values_list("history_change_reason", flat=True))
    assert "Recorded through the API: The author wrote in." in reasons
    assert disclosure.history.earliest().statement == "Nothing to declare."


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        (
            {
                "statement": "None.",
                "declares_none": True,
                "interests": [{"category": "consulting", "organization_name": "Acme"}],
            },
            {"interests": ["A disclosure that declares no interests cannot list interests."]},
        ),
        (
            {"statement": "x", "interests": [{"category": "bribes", "organization_name": "Acme"}]},
            {"interests": {"0": {"category": ['"bribes" is not a valid choice.']}}},
        ),
        (
            {
                "statement": "x",
                "interests": [
                    {"category": "consulting", "organization_name": "Acme", "amount": "-1", "currency": "NOK"}
                ],
            },
            {"interests": {"0": {"amount": ["Ensure this value is greater than or equal to 0."]}}},
        ),
        (
            {
                "statement": "x",
                "interests": [
                    {"category": "consulting", "organization_name": "Acme"},
                    {"category": "consulting", "organization_name": "Acme", "amount": "5"},
                ],
            },
            {"interests": {"1": {"currency": ["An amount needs its currency (ISO 4217, e.g. NOK)."]}}},
        ),
        (
            {
                "statement": "x",
                "interests": [
                    {"category": "consulting", "organization_name": "Acme", "amount": "5", "currency": "XYZ"}
                ],
            },
            {"interests": {"0": {"currency": ["XYZ is not an ISO 4217 currency code such as NOK, USD or EUR."]}}},
        ),
        (
            {"statement": "x", "interests": [{"category": "grants"}]},
            {
                "interests": {
                    "0": {"non_field_errors": ["Name the organization, or describe the tie in the specification."]}
                }
            },
        ),
        (
            {"statement": "x", "interests": [{"category": "grants", "organization": 999999}]},
            {"interests": {"0": {"organization": ['Invalid pk "999999" - object does not exist.']}}},
        ),
        ({}, {"statement": ["This field is required."]}),
    ],
)
def test_bad_input_is_a_400_with_field_messages_and_writes_nothing(api, editor_user, authorship, payload, errors):
    response = post(api, authorship, payload, token_for(editor_user))

    assert response.status_code == 400
    # A list's errors come keyed by the index of the bad item, the good ones left out.
    assert response.json() == errors
    assert (Disclosure.objects.count(), Interest.objects.count(), DeclaredInterest.objects.count()) == (0, 0, 0)


def test_dates_out_of_order_are_refused(api, editor_user, authorship):
    interest = {"category": "grants", "organization_name": "Acme", "start_date": "2024-01-01", "end_date": "2023-01-01"}

    response = post(api, authorship, {"statement": "x", "interests": [interest]}, token_for(editor_user))

    assert response.status_code == 400
    assert list(response.json()["interests"]["0"]) == ["end_date"]
    assert Interest.objects.count() == 0


def test_the_authorship_must_be_on_the_article(api, editor_user, authorship):
    other = ArticleFactory()

    response = api.post(
        f"/api/articles/{other.pk}/disclosures/",
        {"authorship": authorship.pk, "statement": "x"},
        format="json",
        **token_for(editor_user),
    )

    assert response.status_code == 400
    assert response.json() == {"authorship": ["This authorship is not on this article."]}


def test_an_unknown_article_is_a_404(api, editor_user, authorship):
    response = api.post(
        "/api/articles/999999/disclosures/", {"statement": "x"}, format="json", **token_for(editor_user)
    )

    assert response.status_code == 404


def test_anonymous_is_asked_to_authenticate(api, authorship):
    response = post(api, authorship, {"statement": "x"}, {})

    assert response.status_code == 401
    assert not Disclosure.objects.exists()


@pytest.mark.parametrize("who", ["auditor", "nobody"])
def test_auditors_and_users_without_a_role_may_not_write(api, auditor_user, authorship, who):
    user = auditor_user if who == "auditor" else UserFactory()

    response = post(api, authorship, {"statement": "x"}, token_for(user))

    assert response.status_code == 403
    assert not Disclosure.objects.exists()


def test_a_bad_token_is_refused(api, authorship):
    response = post(api, authorship, {"statement": "x"}, {"HTTP_AUTHORIZATION": "Token not-a-real-token"})

    assert response.status_code == 401
