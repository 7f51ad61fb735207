"""RELEVANT_INTEREST: a case that must fire (with its explanation), and a near miss that must not."""

import pytest

from registry.enums import InterestCategory
from registry.models import TopicSynonym
from tests.audits.helpers import audit, declare, summaries
from tests.factories import AuthorshipFactory, OrganizationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def oncology():
    cancer = TopicFactory(name="Lung cancer")
    TopicSynonym.objects.create(topic=cancer, name="NSCLC")
    immuno = TopicFactory(name="Immunotherapy")
    immuno.related.add(cancer)
    return cancer, immuno


def test_relevant_interest_through_the_parent_company(oncology):
    cancer, immuno = oncology
    group = OrganizationFactory(name="Big Pharma Group")
    group.topics.add(immuno)
    subsidiary = OrganizationFactory(name="Small Biotech", parent=group)
    authorship = AuthorshipFactory(person__name="Ann Lee")
    authorship.article.topics.add(cancer)
    declare(authorship, organization=subsidiary, category=InterestCategory.GRANTS)
    run = audit(["RELEVANT_INTEREST"])
    assert summaries(run) == [
        "Ann Lee declared grants from Small Biotech; its parent Big Pharma Group is active in immunotherapy "
        "(related to lung cancer) — the article discusses lung cancer."
    ]


def test_relevant_interest_from_a_synonym_in_the_description(oncology):
    cancer, _ = oncology
    authorship = AuthorshipFactory(person__name="Ann Lee")
    authorship.article.topics.add(cancer)
    declare(
        authorship,
        organization=None,
        organization_name="",
        category=InterestCategory.OTHER,
        specification="paid adviser to an NSCLC patient group",
    )
    run = audit(["RELEVANT_INTEREST"])
    assert summaries(run) == [
        "Ann Lee declared another tie (paid adviser to an NSCLC patient group); the tie concerns lung cancer — "
        "the article discusses lung cancer."
    ]


def test_a_tie_to_a_company_active_elsewhere_is_not_relevant(oncology):
    cancer, _ = oncology
    other = OrganizationFactory(name="Dermatology Co")
    other.topics.add(TopicFactory(name="Psoriasis"))
    authorship = AuthorshipFactory()
    authorship.article.topics.add(cancer)
    declare(authorship, organization=other)
    assert summaries(audit(["RELEVANT_INTEREST"])) == []


def test_a_role_at_the_publishing_journal_is_no_relevant_interest_in_its_own_pages():
    # eLife.00270 (CC-BY 3.0), "Launching eLife": its Editor-in-Chief writes about eLife in eLife.
    journal_topic = TopicFactory(name="eLife")
    elife = OrganizationFactory(name="eLife")
    elife.topics.add(journal_topic)
    authorship = AuthorshipFactory(person__name="Randy Schekman", article__journal="eLife")
    authorship.article.topics.add(journal_topic)
    declare(authorship, organization=elife, category=InterestCategory.LEADERSHIP)
    assert summaries(audit(["RELEVANT_INTEREST"])) == []

    authorship.article.journal = "PLOS Biology"
    authorship.article.save()
    assert summaries(audit(["RELEVANT_INTEREST"])) == [
        "Randy Schekman declared a board or leadership role at eLife; the tie concerns eLife; "
        "eLife is active in eLife — the article discusses eLife."
    ]
