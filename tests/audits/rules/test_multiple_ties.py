"""MULTIPLE_TIES_SAME_ENTITY: a case that must fire (with its explanation), and a near miss that must not."""

import pytest

from audits.models import Finding
from registry.enums import InterestCategory
from tests.audits.helpers import audit, declare, summaries
from tests.factories import AuthorshipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_multiple_ties_fires_for_two_kinds_of_tie_to_one_company():
    authorship = AuthorshipFactory(person__name="Ann Lee")
    acme = OrganizationFactory(name="Acme Pharma")
    declare(authorship, organization=acme, category=InterestCategory.CONSULTING)
    declare(authorship, organization=acme, category=InterestCategory.ADVISORY_BOARD)
    declare(authorship, organization=acme, category=InterestCategory.STOCK)
    run = audit(["MULTIPLE_TIES_SAME_ENTITY"])
    assert summaries(run) == [
        "Ann Lee declared consultancy fees, an advisory board seat and shares or stock options in Acme Pharma: "
        "three kinds of tie to one company."
    ]
    # Every tie is declared: information for a reader, not a disclosure failure to work through.
    assert Finding.objects.get().severity == "info"


def test_one_kind_of_tie_to_each_of_two_companies_is_not_multiple():
    authorship = AuthorshipFactory()
    declare(authorship, organization=OrganizationFactory(), category=InterestCategory.CONSULTING)
    declare(authorship, organization=OrganizationFactory(), category=InterestCategory.LECTURES)
    assert summaries(audit(["MULTIPLE_TIES_SAME_ENTITY"])) == []
