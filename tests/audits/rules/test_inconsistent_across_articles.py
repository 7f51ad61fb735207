"""INCONSISTENT_ACROSS_ARTICLES: a case that must fire (with its explanation), and a near miss that must not."""

import datetime

import pytest

from audits.scope import AuditScope, build_scope
from registry.enums import DisclosureStatus, InterestCategory
from registry.models import ArticleFunding, Disclosure
from tests.audits.helpers import audit, declare, summaries
from tests.factories import DisclosureFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_inconsistent_fires_for_a_tie_declared_on_one_article_only(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    run = audit(["INCONSISTENT_ACROSS_ARTICLES"])
    assert summaries(run) == [
        "Jane Roe declared consultancy fees from Acme Pharma on “First study” (2024-03-01) but not on "
        "“Second study” (2025-03-01), submitted within 36 months after.",
        "Jane Roe declared consultancy fees from Beta Bio on “Second study” (2025-03-01), later, but not on "
        "“First study” (2024-03-01); the tie is undated, so it was possibly held earlier.",
    ]


def test_inconsistent_is_quiet_when_windows_do_not_overlap(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    assert summaries(audit(["INCONSISTENT_ACROSS_ARTICLES"], window_months=6)) == []


@pytest.mark.parametrize("rule", ["INCONSISTENT_ACROSS_ARTICLES", "NONE_DECLARED_BUT_INTERESTS"])
def test_a_grant_from_the_articles_own_funder_is_disclosed_by_its_funding(author_with_articles, rule):
    """A grant declared on one article is not left out of another that names its giver as a funder."""
    person, first, second = author_with_articles
    trust, fund = OrganizationFactory(name="Research Trust"), OrganizationFactory(name="Other Fund")
    declare(first, organization=trust, category=InterestCategory.GRANTS)
    declare(first, organization=fund, category=InterestCategory.GRANTS)
    ArticleFunding.objects.create(article=second.article, organization=trust)
    DisclosureFactory(authorship=second, declares_none=rule == "NONE_DECLARED_BUT_INTERESTS", statement="None.")
    found = summaries(audit([rule]))
    assert found == (
        [
            "Jane Roe declared grants from Other Fund on “First study” (2024-03-01) but not on "
            "“Second study” (2025-03-01), submitted within 36 months after."
        ]
        if rule == "INCONSISTENT_ACROSS_ARTICLES"
        else [
            "Jane Roe declared no interests on “Second study”, but the registry knows one tie in the 36 months "
            "before 2025-03-01: grants from Other Fund, declared on “First study” (2024-03-01)."
        ]
    )


def test_an_article_dated_by_its_publication_says_published_not_submitted(author_with_articles):
    person, first, second = author_with_articles
    type(second.article).objects.filter(pk=second.article_id).update(
        received_date=None, published_date=datetime.date(2025, 3, 1)
    )
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    DisclosureFactory(authorship=second, declares_none=False, statement="An editorial's statement.")
    assert summaries(audit(["INCONSISTENT_ACROSS_ARTICLES"])) == [
        "Jane Roe declared consultancy fees from Acme Pharma on “First study” (2024-03-01) but not on "
        "“Second study” (2025-03-01), published within 36 months after."
    ]


# Which disclosures count: a withdrawn one declares nothing, a corrected one still does.


def withdraw(authorship):
    Disclosure.objects.filter(authorship=authorship).update(
        status=DisclosureStatus.WITHDRAWN, status_note="Filed for the wrong article."
    )


@pytest.mark.parametrize("narrowed", [False, True], ids=["full", "narrowed"])
def test_a_tie_declared_only_in_a_withdrawn_disclosure_does_not_count(author_with_articles, narrowed):
    person, first, second = author_with_articles
    scope = build_scope(article_ids=[first.article_id, second.article_id]) if narrowed else AuditScope()
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    withdraw(first)
    run = audit(["INCONSISTENT_ACROSS_ARTICLES", "MISSING_DISCLOSURE"], scope=scope)
    # Jane Roe has no disclosure in force on the first study: Acme Pharma, declared only there, is not
    # "declared on one article and left out of the other", and nothing can be left out of a disclosure
    # that does not count, so Beta Bio is not either; the first study lacks a disclosure.
    assert summaries(run) == ["No disclosure is on file for Jane Roe, author 1 of “First study”."]


def test_a_corrected_disclosure_still_counts(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    DisclosureFactory(authorship=second, declares_none=False, statement="Corrected: no ties.")
    Disclosure.objects.filter(authorship=first).update(status=DisclosureStatus.CORRECTED, status_note="Typo.")
    assert summaries(audit(["INCONSISTENT_ACROSS_ARTICLES", "MISSING_DISCLOSURE"])) == [
        "Jane Roe declared consultancy fees from Acme Pharma on “First study” (2024-03-01) but not on "
        "“Second study” (2025-03-01), submitted within 36 months after."
    ]
