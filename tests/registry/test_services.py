import datetime

import pytest

from registry import services
from registry.enums import ArticleStatus, DisclosureStatus, InterestCategory
from registry.models import DeclaredInterest, Disclosure, Interest
from tests.factories import AuthorshipFactory, OrganizationAliasFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme(db):
    org = OrganizationFactory(name="Acme Pharma")
    OrganizationAliasFactory(organization=org, name="Acme")
    return org


def consulting(org, **kwargs) -> services.InterestInput:
    return services.InterestInput(
        category=InterestCategory.CONSULTING, organization=org, organization_name="Acme", **kwargs
    )


def test_the_same_tie_declared_on_two_articles_is_one_interest(acme):
    person_authorship = AuthorshipFactory()
    other = AuthorshipFactory(person=person_authorship.person)
    editor = UserFactory()
    first = services.record_disclosure(
        actor=editor,
        authorship=person_authorship,
        statement="Consults for Acme.",
        interests=[consulting(acme)],
    )
    second = services.record_disclosure(
        actor=editor, authorship=other, statement="Consultant to Acme.", interests=[consulting(acme)]
    )
    interest = Interest.objects.get()
    assert set(interest.disclosures.all()) == {first, second}
    assert interest.history.first().history_user == editor


def test_declaring_a_tie_again_without_an_amount_keeps_the_amount_on_record(acme):
    first = AuthorshipFactory()
    services.record_disclosure(
        actor=None,
        authorship=first,
        statement="Acme paid $5,000.",
        interests=[consulting(acme, amount=5000, currency="USD")],
    )

    again = AuthorshipFactory(person=first.person, article__status=ArticleStatus.DRAFT)
    services.record_disclosure(
        actor=None, authorship=again, statement="Consults for Acme.", interests=[consulting(acme)]
    )
    services.record_disclosure(
        actor=None,
        authorship=again,
        statement="Acme paid $7,000.",
        interests=[consulting(acme, amount=7000, currency="USD")],
    )

    interest = Interest.objects.get()
    assert (interest.amount, interest.currency) == (7000, "USD")
    assert [(h.amount, h.currency) for h in interest.history.order_by("history_id")] == [(5000, "USD"), (7000, "USD")]


def test_recording_again_replaces_the_declared_set_and_history_keeps_the_old_one(acme):
    authorship = AuthorshipFactory(article__status=ArticleStatus.DRAFT)
    services.record_disclosure(
        actor=None, authorship=authorship, statement="Consults for Acme.", interests=[consulting(acme)]
    )
    disclosure = services.record_disclosure(
        actor=None, authorship=authorship, statement="Nothing to declare.", declares_none=True
    )
    assert disclosure.declares_none
    assert DeclaredInterest.objects.count() == 0
    assert DeclaredInterest.history.filter(history_type="-").count() == 1
    # The registry still knows the tie: it was declared once.
    assert Interest.objects.filter(person=authorship.person).count() == 1


def test_a_disclosure_declaring_nothing_cannot_list_interests(acme):
    with pytest.raises(ValueError, match="declares no interests cannot list interests"):
        services.record_disclosure(
            actor=None,
            authorship=AuthorshipFactory(),
            statement="",
            declares_none=True,
            interests=[consulting(acme)],
        )


def test_bad_interest_rolls_back_the_whole_disclosure(acme):
    authorship = AuthorshipFactory()
    bad = consulting(acme, start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2024, 1, 1))
    with pytest.raises(Exception, match="before the start date"):
        services.record_disclosure(
            actor=None,
            authorship=authorship,
            statement="Consults for Acme.",
            interests=[consulting(acme), bad],
        )
    assert not Disclosure.objects.filter(authorship=authorship).exists()
    assert Interest.objects.count() == 0
    assert DeclaredInterest.objects.count() == 0


def test_withdrawing_a_disclosure_keeps_it_with_the_reason():
    authorship = AuthorshipFactory()
    disclosure = services.record_disclosure(actor=None, authorship=authorship, statement="Nothing.", declares_none=True)
    with pytest.raises(ValueError, match="Say why"):
        services.change_disclosure_status(
            actor=None, disclosure=disclosure, status=DisclosureStatus.WITHDRAWN, note=" "
        )
    services.change_disclosure_status(
        actor=None,
        disclosure=disclosure,
        status=DisclosureStatus.WITHDRAWN,
        note="Submitted for the wrong article.",
        on=datetime.date(2026, 7, 1),
    )
    disclosure.refresh_from_db()
    assert (disclosure.status, disclosure.status_note) == (
        DisclosureStatus.WITHDRAWN,
        "Submitted for the wrong article.",
    )
    assert disclosure.history.first().history_change_reason == "Withdrawn: Submitted for the wrong article."


def test_record_organization_updates_by_normalized_name(acme):
    again = services.record_organization(actor=None, name="ACME PHARMA, Inc.", aliases=["Acme", "Acme Pharmaceuticals"])
    assert again == acme
    assert sorted(acme.aliases.values_list("name", flat=True)) == ["Acme", "Acme Pharmaceuticals"]
