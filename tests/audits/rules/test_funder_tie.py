"""FUNDER_TIE: a case that must fire (with its explanation), and a near miss that must not."""

import pytest

from registry.enums import InterestCategory
from registry.models import ArticleFunding
from tests.audits.helpers import audit, declare, summaries
from tests.factories import AuthorshipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_funder_tie_fires_when_the_funder_pays_an_author():
    authorship = AuthorshipFactory(person__name="Ann Lee", article__title="A trial")
    acme = OrganizationFactory(name="Acme Pharma")
    ArticleFunding.objects.create(article=authorship.article, organization=acme)
    declare(authorship, organization=acme, category=InterestCategory.CONSULTING)
    run = audit(["FUNDER_TIE"])
    assert summaries(run) == ["Ann Lee has consultancy fees from Acme Pharma, and Acme Pharma funded “A trial”."]


def test_funder_tie_ignores_non_financial_ties_and_other_funders():
    authorship = AuthorshipFactory()
    acme = OrganizationFactory(name="Acme Pharma")
    ArticleFunding.objects.create(article=authorship.article, organization=OrganizationFactory(name="Public Fund"))
    declare(authorship, organization=acme, category=InterestCategory.CONSULTING)
    funder = authorship.article.fundings.get().organization
    declare(authorship, organization=funder, category=InterestCategory.ADVISORY_BOARD)
    assert summaries(audit(["FUNDER_TIE"])) == []


def test_a_grant_from_the_funder_is_the_funding_not_a_second_tie():
    """An author's grant from the organization that funded the article is the funding the article names."""
    authorship = AuthorshipFactory(person__name="Ann Lee", article__title="A trial")
    trust = OrganizationFactory(name="Research Trust")
    ArticleFunding.objects.create(article=authorship.article, organization=trust)
    declare(authorship, organization=trust, category=InterestCategory.GRANTS)
    declare(authorship, organization=trust, category=InterestCategory.TRAVEL)
    assert summaries(audit(["FUNDER_TIE"])) == [
        "Ann Lee has travel support from Research Trust, and Research Trust funded “A trial”."
    ]
