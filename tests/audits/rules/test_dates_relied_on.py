"""A tie counts for an article's window only when a date puts it there, findings say which dates they
relied on, and severity follows its definition (high: a tie that pays the author, to an organization
relevant to the article, with a date in the window)."""

import datetime

import pytest

from audits.models import Finding
from registry.enums import InterestCategory, OrganizationKind
from tests.audits.helpers import audit, declare, known, summaries
from tests.factories import DisclosureFactory, OrganizationFactory, TopicFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def only_finding(rule):
    (finding,) = Finding.objects.filter(rule_code=rule)
    return finding


def test_an_undated_tie_declared_only_later_is_a_low_possibly_never_a_high(author_with_articles):
    person, first, second = author_with_articles
    DisclosureFactory(authorship=first, declares_none=True)
    declare(second, organization=OrganizationFactory(name="Acme Pharma"))
    run = audit(["NONE_DECLARED_BUT_INTERESTS"])
    assert summaries(run) == [
        "Jane Roe declared no interests on “First study” (2024-03-01), but possibly held earlier consultancy "
        "fees from Acme Pharma, declared on “Second study” (2025-03-01) (undated, declared only later: "
        "possibly held earlier)."
    ]
    finding = only_finding("NONE_DECLARED_BUT_INTERESTS")
    assert finding.severity == "low"
    (tie,) = finding.evidence["ties"]
    assert tie["basis"] == "declared_later"
    assert tie["relied_on"] == [f"declared on {second.article.doi} (2025-03-01)"]


def test_an_undated_tie_declared_earlier_in_the_window_says_so_with_its_date(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    DisclosureFactory(authorship=second, declares_none=True)
    audit(["NONE_DECLARED_BUT_INTERESTS"])
    finding = only_finding("NONE_DECLARED_BUT_INTERESTS")
    assert finding.severity == "high"
    assert "declared on “First study” (2024-03-01)" in finding.summary
    assert finding.evidence["ties"][0]["relied_on"] == [f"declared on {first.article.doi} (2024-03-01)"]


def test_the_dates_of_a_dated_tie_are_in_the_evidence(author_with_articles):
    person, first, second = author_with_articles
    DisclosureFactory(authorship=second, declares_none=False, statement="Grants from the council.")
    known(person, organization=OrganizationFactory(name="Acme Pharma"), start_date=D(2023, 1, 1), ongoing=True)
    audit(["UNDISCLOSED_INTEREST"])
    finding = only_finding("UNDISCLOSED_INTEREST")
    assert finding.evidence["tie"]["relied_on"] == ["tie starts 2023-01-01", "tie ongoing"]
    assert "(2023-01-01 to ongoing)" in finding.summary


@pytest.mark.parametrize(
    ("category", "kind", "severity"),
    [
        (InterestCategory.CONSULTING, OrganizationKind.COMPANY, "high"),
        (InterestCategory.STOCK, OrganizationKind.COMPANY, "high"),
        (InterestCategory.GRANTS, OrganizationKind.COMPANY, "medium"),
        (InterestCategory.PATENTS, OrganizationKind.COMPANY, "medium"),
        (InterestCategory.CONSULTING, OrganizationKind.UNIVERSITY, "medium"),
    ],
)
def test_high_is_a_tie_that_pays_the_author_to_a_relevant_organization(author_with_articles, category, kind, severity):
    person, first, second = author_with_articles
    DisclosureFactory(authorship=second, declares_none=False, statement="Other ties.")
    known(person, organization=OrganizationFactory(kind=kind), category=category, start_date=D(2024, 1, 1))
    audit(["UNDISCLOSED_INTEREST"])
    assert only_finding("UNDISCLOSED_INTEREST").severity == severity


def test_a_company_outside_the_articles_topics_is_not_high(author_with_articles):
    person, first, second = author_with_articles
    second.article.topics.add(TopicFactory(name="Depression"))
    company = OrganizationFactory(name="Acme Pharma")
    company.topics.add(TopicFactory(name="Oncology"))
    DisclosureFactory(authorship=second, declares_none=False, statement="Other ties.")
    known(person, organization=company, start_date=D(2024, 1, 1))
    audit(["UNDISCLOSED_INTEREST"])
    assert only_finding("UNDISCLOSED_INTEREST").severity == "medium"


def test_an_editors_role_at_the_publishing_journal_is_no_conflict_for_another_journal(author_with_articles):
    person, first, second = author_with_articles
    for authorship, journal in ((first, "eLife"), (second, "PLOS ONE")):
        authorship.article.journal = journal
        authorship.article.save()
    elife = OrganizationFactory(name="eLife", kind=OrganizationKind.PUBLISHER)
    declare(first, organization=elife, category=InterestCategory.LEADERSHIP, specification="Reviewing editor")
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    assert summaries(audit(["INCONSISTENT_ACROSS_ARTICLES"]), "INCONSISTENT_ACROSS_ARTICLES") == [
        "Jane Roe declared consultancy fees from Beta Bio on “Second study” (2025-03-01), later, but not on "
        "“First study” (2024-03-01); the tie is undated, so it was possibly held earlier."
    ]
    # In the same journal the role is the reader's business.
    second.article.journal = "eLife"
    second.article.save()
    assert len(summaries(audit(["INCONSISTENT_ACROSS_ARTICLES"]), "INCONSISTENT_ACROSS_ARTICLES")) == 2


def test_across_articles_a_tie_declared_earlier_is_high_and_one_declared_later_low(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    audit(["INCONSISTENT_ACROSS_ARTICLES"])
    severities = dict(
        Finding.objects.filter(rule_code="INCONSISTENT_ACROSS_ARTICLES").values_list("article__title", "severity")
    )
    assert severities == {"Second study": "high", "First study": "low"}
