"""What the public may see, asked of each model: rows of a draft article are never published, and
which disclosures are in force."""

from dataclasses import dataclass

import pytest

from registry.enums import ArticleStatus, DisclosureStatus
from registry.models import (
    ArticleFunding,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Organization,
    Person,
)
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    InterestFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@dataclass
class Registry:
    published: Authorship
    draft: Authorship
    on_published: DeclaredInterest
    on_draft: DeclaredInterest
    named_in_published: Organization
    named_in_draft: Organization
    funds_published: Organization
    funds_draft: Organization
    declared_nowhere: Organization
    draft_author: Person


@pytest.fixture
def registry() -> Registry:
    """One author on a published article and a draft, a second author on the draft only; each
    disclosure declares a tie to its own company, and each article has its own funder."""
    author = PersonFactory(name="Jane Roe")
    published = AuthorshipFactory(person=author, article=ArticleFactory(title="Out"), position=1)
    draft_article = ArticleFactory(title="Not yet", status=ArticleStatus.DRAFT, published_date=None)
    draft = AuthorshipFactory(person=author, article=draft_article, position=1)
    draft_author = AuthorshipFactory(person=PersonFactory(name="Only Drafts"), article=draft_article, position=2).person
    named_in_published, named_in_draft = OrganizationFactory(name="Acme"), OrganizationFactory(name="Beta")
    on_published = DeclaredInterestFactory(disclosure__authorship=published, interest__organization=named_in_published)
    on_draft = DeclaredInterestFactory(disclosure__authorship=draft, interest__organization=named_in_draft)
    funds_published, funds_draft = OrganizationFactory(name="Fund A"), OrganizationFactory(name="Fund B")
    ArticleFunding.objects.create(article=published.article, organization=funds_published)
    ArticleFunding.objects.create(article=draft_article, organization=funds_draft)
    declared_nowhere = OrganizationFactory(name="Gamma")
    InterestFactory(person=author, organization=declared_nowhere)  # known from an import only
    return Registry(
        published,
        draft,
        on_published,
        on_draft,
        named_in_published,
        named_in_draft,
        funds_published,
        funds_draft,
        declared_nowhere,
        draft_author,
    )


def test_published_authorships_leave_out_those_of_draft_articles(registry):
    assert list(Authorship.objects.published()) == [registry.published]


def test_published_disclosures_leave_out_those_of_draft_articles(registry):
    assert list(Disclosure.objects.published()) == [registry.on_published.disclosure]


def test_published_declarations_leave_out_those_of_draft_articles(registry):
    assert list(DeclaredInterest.objects.published()) == [registry.on_published]


def test_published_fundings_leave_out_those_of_draft_articles(registry):
    assert list(ArticleFunding.objects.published().values_list("organization__name", flat=True)) == ["Fund A"]


def test_published_people_leave_out_authors_of_drafts_only(registry):
    assert list(Person.objects.published()) == [registry.published.person]


def test_public_organizations_are_named_in_a_published_disclosure_or_fund_a_published_article(registry):
    assert list(Organization.objects.public().order_by("name")) == [
        registry.named_in_published,
        registry.funds_published,
    ]


def test_an_organization_whose_article_is_unpublished_again_is_no_longer_public(registry):
    registry.published.article.status = ArticleStatus.DRAFT
    registry.published.article.save()
    assert list(Organization.objects.public()) == []
    assert list(Authorship.objects.published()) == []
    assert list(Person.objects.published()) == []


def test_a_parent_is_public_only_when_it_is_public_itself(registry):
    registry.named_in_published.parent = registry.named_in_draft
    registry.named_in_published.save()
    subsidiary = OrganizationFactory(name="Acme Norge", parent=registry.funds_published)
    ArticleFunding.objects.create(article=registry.published.article, organization=subsidiary)
    rows = Organization.objects.public().with_parent_is_public().order_by("name")
    assert [(o.name, o.parent_is_public) for o in rows] == [
        ("Acme", False),  # its parent Beta is named in a draft only
        ("Acme Norge", True),
        ("Fund A", False),  # no parent
    ]


@pytest.fixture
def disclosures_by_status(db) -> dict[str, Disclosure]:
    """A disclosure of each status, on published articles."""
    found = {}
    for status in DisclosureStatus:
        declared = DeclaredInterestFactory(disclosure__status=status, disclosure__authorship__article__title=status)
        found[status] = declared.disclosure
    return found


def test_active_and_corrected_disclosures_are_in_force_and_withdrawn_ones_are_not(disclosures_by_status):
    in_force = Disclosure.objects.in_force().filter(pk__in=[d.pk for d in disclosures_by_status.values()])
    assert sorted(in_force.values_list("status", flat=True)) == ["active", "corrected"]


def test_declarations_in_force_are_those_of_disclosures_in_force(disclosures_by_status):
    declarations = DeclaredInterest.objects.in_force().filter(
        disclosure__in=[d.pk for d in disclosures_by_status.values()]
    )
    assert sorted(declarations.values_list("disclosure__status", flat=True)) == ["active", "corrected"]


def test_a_withdrawn_disclosure_reads_as_none_through_the_authorship(disclosures_by_status):
    withdrawn = disclosures_by_status[DisclosureStatus.WITHDRAWN]
    corrected = disclosures_by_status[DisclosureStatus.CORRECTED]
    rows = dict(
        Authorship.objects.with_disclosure_in_force()
        .filter(pk__in=[withdrawn.authorship_id, corrected.authorship_id])
        .values_list("pk", "disclosure_in_force__pk")
    )
    assert rows == {withdrawn.authorship_id: None, corrected.authorship_id: corrected.pk}
