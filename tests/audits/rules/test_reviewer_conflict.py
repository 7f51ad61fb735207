"""REVIEWER_CONFLICT: a case that must fire (with its explanation), and a near miss that must not."""

import datetime

import pytest

from registry.enums import EditorialRoleKind
from registry.models import EditorialRole
from tests.audits.helpers import audit, summaries
from tests.factories import AffiliationFactory, ArticleFactory, AuthorshipFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_reviewer_sharing_a_current_affiliation_or_recent_paper_is_flagged():
    article = ArticleFactory(title="A trial", received_date=D(2026, 1, 10))
    author = AuthorshipFactory(article=article, person__name="Ann Lee", position=1).person
    reviewer = PersonFactory(name="Rex Viewer")
    EditorialRole.objects.create(article=article, person=reviewer, role=EditorialRoleKind.REVIEWER)
    uni = OrganizationFactory(name="University of Oslo")
    AffiliationFactory(person=author, organization=uni, start_date=D(2020, 1, 1))
    AffiliationFactory(person=reviewer, organization=uni, start_date=D(2025, 1, 1))
    old = ArticleFactory(title="Joint paper", received_date=D(2024, 5, 1))
    AuthorshipFactory(article=old, person=author, position=1)
    AuthorshipFactory(article=old, person=reviewer, position=2)
    run = audit(["REVIEWER_CONFLICT"])
    assert summaries(run) == [
        "Rex Viewer, reviewer of “A trial”, is close to the author Ann Lee: both are at University of Oslo "
        "on 2026-01-10; they co-authored “Joint paper” (2024-05-01), within 3 years."
    ]


def test_past_affiliation_and_old_coauthorship_do_not_count():
    article = ArticleFactory(received_date=D(2026, 1, 10))
    author = AuthorshipFactory(article=article, position=1).person
    editor = PersonFactory()
    EditorialRole.objects.create(article=article, person=editor, role=EditorialRoleKind.HANDLING_EDITOR)
    uni = OrganizationFactory()
    AffiliationFactory(person=author, organization=uni)
    AffiliationFactory(person=editor, organization=uni, start_date=D(2010, 1, 1), end_date=D(2019, 12, 31))
    old = ArticleFactory(received_date=D(2020, 5, 1))
    AuthorshipFactory(article=old, person=author, position=1)
    AuthorshipFactory(article=old, person=editor, position=2)
    assert summaries(audit(["REVIEWER_CONFLICT"])) == []
