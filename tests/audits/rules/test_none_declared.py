"""NONE_DECLARED_BUT_INTERESTS: a case that must fire (with its explanation), and a near miss that must not."""

import datetime

import pytest

from audits.models import Finding
from tests.audits.helpers import audit, declare, known, summaries
from tests.factories import DisclosureFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_none_declared_fires_when_the_registry_knows_a_dated_tie_in_the_window(author_with_articles):
    person, first, second = author_with_articles
    DisclosureFactory(authorship=second, declares_none=True)
    known(
        person,
        organization=OrganizationFactory(name="Acme Pharma"),
        start_date=D(2023, 1, 1),
        end_date=D(2024, 6, 30),
    )
    run = audit(["NONE_DECLARED_BUT_INTERESTS"])
    assert summaries(run) == [
        "Jane Roe declared no interests on “Second study”, but the registry knows one tie in the 36 months "
        "before 2025-03-01: consultancy fees from Acme Pharma (2023-01-01 to 2024-06-30)."
    ]
    assert Finding.objects.get().severity == "high"


def test_none_declared_is_quiet_when_the_tie_ended_before_the_window(author_with_articles):
    person, first, second = author_with_articles
    DisclosureFactory(authorship=second, declares_none=True)
    known(person, organization=OrganizationFactory(), start_date=D(2018, 1, 1), end_date=D(2021, 12, 31))
    assert summaries(audit(["NONE_DECLARED_BUT_INTERESTS"])) == []
    # A shorter window set as a parameter also leaves a tie that ended in 2023 out.
    known(person, organization=OrganizationFactory(), start_date=D(2022, 1, 1), end_date=D(2023, 1, 31))
    assert len(summaries(audit(["NONE_DECLARED_BUT_INTERESTS"]))) == 1
    assert summaries(audit(["NONE_DECLARED_BUT_INTERESTS"], window_months=12)) == []


def test_none_declared_counts_a_tie_declared_on_a_nearby_article(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    DisclosureFactory(authorship=second, declares_none=True)
    run = audit(["NONE_DECLARED_BUT_INTERESTS"])
    assert summaries(run) == [
        "Jane Roe declared no interests on “Second study”, but the registry knows one tie in the 36 months "
        "before 2025-03-01: consultancy fees from Acme Pharma, declared on “First study” (2024-03-01)."
    ]
