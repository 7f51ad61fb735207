"""UNDISCLOSED_INTEREST: a case that must fire (with its explanation), and a near miss that must not."""

import datetime

import pytest

from audits.models import Finding
from registry.enums import InterestCategory, Provenance
from tests.audits.helpers import audit, declare, known, summaries
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_undisclosed_interest_fires_for_a_dated_tie_left_out(author_with_articles):
    person, first, second = author_with_articles
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    acme = OrganizationFactory(name="Acme Pharma")
    known(person, organization=acme, category=InterestCategory.STOCK, start_date=D(2024, 1, 1), ongoing=True)
    run = audit(["UNDISCLOSED_INTEREST"])
    assert summaries(run) == [
        "Jane Roe's disclosure on “Second study” does not list shares or stock options in Acme Pharma "
        "(2024-01-01 to ongoing), a tie the registry knows in the 36 months before 2025-03-01."
    ]
    finding = Finding.objects.get()
    assert (finding.severity, finding.organization, finding.interest.category) == ("high", acme, "stock")


def test_undisclosed_interest_marks_undated_register_ties_as_such(author_with_articles):
    person, first, second = author_with_articles
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    known(person, organization=OrganizationFactory(name="Acme Pharma"), provenance=Provenance.REGISTER)
    run = audit(["UNDISCLOSED_INTEREST"])
    assert summaries(run) == [
        "Jane Roe's disclosure on “Second study” does not list consultancy fees from Acme Pharma "
        "(undated, from register), a tie the registry knows (undated, so it may fall in the window)."
    ]
    assert Finding.objects.get().severity == "medium"


def test_undisclosed_interest_is_quiet_when_the_tie_is_declared(author_with_articles):
    person, first, second = author_with_articles
    acme = OrganizationFactory(name="Acme Pharma")
    declare(second, organization=acme, organization_name="ACME")
    known(person, organization=acme, start_date=D(2024, 1, 1))
    assert summaries(audit(["UNDISCLOSED_INTEREST"])) == []


def test_undisclosed_interest_ignores_ties_that_start_after_submission(author_with_articles):
    person, first, second = author_with_articles
    declare(second, organization=OrganizationFactory())
    known(person, organization=OrganizationFactory(), start_date=D(2025, 6, 1))
    assert summaries(audit(["UNDISCLOSED_INTEREST"])) == []
