"""Notices (corrections, retractions) print their article's statement again: audited only when that
article is not in the registry."""

import datetime

import pytest

from audits.enums import Severity
from audits.models import Finding
from audits.scope import AuditScope, build_scope
from registry.notices import is_notice
from tests.audits.helpers import audit, declare, summaries
from tests.factories import ArticleFactory, AuthorshipFactory, DisclosureFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("article_type", "title"),
    [
        ("Correction", "Correction: First study"),  # eLife's display channel
        ("correction", "First study"),  # JATS @article-type
        ("Published Erratum", "First study"),  # PubMed
        ("Retraction of Publication", "First study"),
        ("expression of concern", "First study"),
        ("journal article", "Correction to: First study"),  # Crossref says only "journal article"
        ("", "Retraction Note: First study"),
    ],
)
def test_notices_are_recognised(article_type, title):
    assert is_notice(article_type, title)


@pytest.mark.parametrize(
    ("article_type", "title"),
    [
        ("Research article", "Correction for population structure in association studies"),
        ("Research article", "Correction of a splicing defect by antisense oligonucleotides"),
        ("Retracted Publication", "First study"),  # the retracted article itself
        ("Corrected and Republished Article", "First study"),
    ],
)
def test_articles_about_correcting_things_are_not_notices(article_type, title):
    assert not is_notice(article_type, title)


def correction(person, title: str, received: datetime.date, *, declares_none: bool = True):
    """The person's authorship of a correction notice; its statement declares nothing unless told not to."""
    notice = AuthorshipFactory(
        person=person,
        position=1,
        article=ArticleFactory(title=f"Correction: {title}", article_type="Correction", received_date=received),
    )
    if declares_none:
        DisclosureFactory(
            authorship=notice, declares_none=True, statement="The authors declare no competing interests."
        )
    return notice


@pytest.fixture
def correction_of_first(author_with_articles):
    """A correction of the first study, after the second, whose statement says the author declares nothing."""
    person, first, second = author_with_articles
    return correction(person, "First study", datetime.date(2025, 6, 1))


@pytest.mark.parametrize("narrowed", [False, True], ids=["full", "narrowed"])
def test_a_correction_notice_is_not_audited(author_with_articles, correction_of_first, narrowed):
    person, first, second = author_with_articles
    acme = OrganizationFactory(name="Acme Pharma")
    declare(first, organization=acme)
    declare(second, organization=acme)
    AuthorshipFactory(article=correction_of_first.article, position=2)  # no disclosure on file
    scope = (
        build_scope(article_ids=[first.article_id, second.article_id, correction_of_first.article_id])
        if narrowed
        else AuditScope()
    )
    run = audit(["NONE_DECLARED_BUT_INTERESTS", "INCONSISTENT_ACROSS_ARTICLES", "MISSING_DISCLOSURE"], scope=scope)
    # Jane Roe's consultancy for Acme Pharma is known in the notice's window, and its second author has
    # no disclosure: neither is a failure of the notice, which only reprints the first study's statement,
    # audited with the first study.
    assert summaries(run) == []


def test_what_a_notice_declares_still_counts(author_with_articles):
    person, first, second = author_with_articles
    notice = correction(person, "Zeroth study", datetime.date(2023, 9, 1), declares_none=False)
    declare(notice, organization=OrganizationFactory(name="Acme Pharma"))
    DisclosureFactory(authorship=first, declares_none=True, statement="None.")
    assert summaries(audit(["NONE_DECLARED_BUT_INTERESTS"])) == [
        "Jane Roe declared no interests on “First study”, but the registry knows one tie in the 36 months before "
        "2024-03-01: consultancy fees from Acme Pharma, declared on “Correction: Zeroth study” (2023-09-01)."
    ]


@pytest.mark.parametrize("narrowed", [False, True], ids=["full", "narrowed"])
def test_a_notice_about_an_article_not_on_file_is_audited_in_its_place(author_with_articles, narrowed):
    """The notice's statement is the only copy of its article's the registry holds. Its article was
    submitted before the notice, on a date the registry does not hold: a tie declared between the two
    (the first study's, here) was only possibly held when the article was written."""
    person, first, second = author_with_articles
    acme = OrganizationFactory(name="Acme Pharma")
    declare(first, organization=acme)
    notice = correction(person, "Third study", datetime.date(2025, 6, 1))
    scope = build_scope(article_ids=[notice.article_id]) if narrowed else AuditScope()
    run = audit(["NONE_DECLARED_BUT_INTERESTS"], scope=scope)
    assert summaries(run) == [
        "Jane Roe declared no interests on “Correction: Third study”, a notice printing the statement of an "
        "earlier article the registry does not hold (2025-06-01), but the registry knows one tie in the 36 months "
        "before the notice's date, possibly held when that article was written: consultancy fees from Acme "
        "Pharma, declared on “First study” (2024-03-01)."
    ]
    assert Finding.objects.get().severity == Severity.LOW


def test_a_tie_left_out_of_a_notice_standing_in_for_its_article_is_possible_not_certain(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    notice = correction(person, "Third study", datetime.date(2025, 6, 1), declares_none=False)
    declare(notice, organization=OrganizationFactory(name="Beta Bio"))
    assert summaries(audit(["INCONSISTENT_ACROSS_ARTICLES"], scope=build_scope(article_ids=[notice.article_id]))) == [
        "Jane Roe declared consultancy fees from Acme Pharma on “First study” (2024-03-01) but not on "
        "“Correction: Third study”, a notice printing the statement of an earlier article the registry does not "
        "hold (2025-06-01): possibly held when that article was written."
    ]
    assert Finding.objects.get().severity == Severity.LOW
