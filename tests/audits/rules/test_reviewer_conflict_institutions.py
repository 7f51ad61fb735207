"""REVIEWER_CONFLICT on imported-style data: which institutions count as shared, the journal's own
staff, a senior editor, and the co-authorship window as a parameter."""

import datetime

import pytest

from audits.models import Finding
from registry.enums import EditorialRoleKind
from registry.models import EditorialRole
from tests.audits.helpers import audit, summaries
from tests.factories import AffiliationFactory, ArticleFactory, AuthorshipFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def handled(role=EditorialRoleKind.HANDLING_EDITOR, **article):
    """An article by Ann Lee handled by Ed Itor: (article, author, editor)."""
    article = ArticleFactory(title="A trial", received_date=D(2026, 1, 10), **article)
    author = AuthorshipFactory(article=article, person__name="Ann Lee", position=1).person
    editor = PersonFactory(name="Ed Itor")
    EditorialRole.objects.create(article=article, person=editor, role=role)
    return article, author, editor


def test_sibling_units_of_one_parent_are_not_a_shared_institution():
    _, author, editor = handled()
    hhmi = OrganizationFactory(name="Howard Hughes Medical Institute")
    at_duke = OrganizationFactory(name="Howard Hughes Medical Institute, Duke University", parent=hhmi)
    at_ucsf = OrganizationFactory(name="Howard Hughes Medical Institute, UCSF", parent=hhmi)
    AffiliationFactory(person=author, organization=at_duke)
    AffiliationFactory(person=editor, organization=at_ucsf)

    assert summaries(audit(["REVIEWER_CONFLICT"])) == []


def test_the_same_unit_is_a_shared_institution_named_in_the_finding():
    article, author, editor = handled()
    hhmi = OrganizationFactory(name="Howard Hughes Medical Institute")
    at_duke = OrganizationFactory(name="Howard Hughes Medical Institute, Duke University", parent=hhmi)
    AffiliationFactory(person=author, organization=at_duke)
    AffiliationFactory(person=editor, organization=at_duke)

    run = audit(["REVIEWER_CONFLICT"])

    assert summaries(run) == [
        "Ed Itor, handling editor of “A trial”, is close to the author Ann Lee: both are at "
        "Howard Hughes Medical Institute, Duke University on 2026-01-10."
    ]
    finding = Finding.objects.get()
    assert (finding.rule_version, finding.evidence["shared_affiliations"], finding.evidence["coauthored"]) == (
        3,
        ["Howard Hughes Medical Institute, Duke University"],
        [],
    )
    # The editor's conflict, not an undisclosed financial tie of the author's: medium.
    assert finding.severity == "medium"


def test_working_for_the_publishing_journal_is_not_a_conflict_by_itself():
    _, author, editor = handled(journal="eLife")
    elife = OrganizationFactory(name="eLife Sciences Publications, Ltd")
    AffiliationFactory(person=author, organization=elife)
    AffiliationFactory(person=editor, organization=elife)

    assert summaries(audit(["REVIEWER_CONFLICT"])) == []


def test_a_senior_editor_who_coauthored_with_an_author_is_named_with_the_shared_article():
    article, author, editor = handled(role=EditorialRoleKind.SENIOR_EDITOR)
    joint = ArticleFactory(title="Joint paper", received_date=D(2023, 3, 1))
    AuthorshipFactory(article=joint, person=author, position=1)
    AuthorshipFactory(article=joint, person=editor, position=2)

    run = audit(["REVIEWER_CONFLICT"])

    assert summaries(run) == [
        "Ed Itor, senior editor of “A trial”, is close to the author Ann Lee: they co-authored “Joint paper” "
        "(2023-03-01), within 3 years."
    ]
    assert Finding.objects.get().evidence["coauthored"] == [
        {"id": joint.pk, "title": "Joint paper", "date": "2023-03-01"}
    ]


def test_the_coauthorship_window_is_a_parameter():
    _, author, editor = handled()
    joint = ArticleFactory(title="Joint paper", received_date=D(2021, 6, 1))
    AuthorshipFactory(article=joint, person=author, position=1)
    AuthorshipFactory(article=joint, person=editor, position=2)

    assert summaries(audit(["REVIEWER_CONFLICT"])) == []
    assert summaries(audit(["REVIEWER_CONFLICT"], coauthorship_years=5)) == [
        "Ed Itor, handling editor of “A trial”, is close to the author Ann Lee: they co-authored “Joint paper” "
        "(2021-06-01), within 5 years."
    ]


def test_a_later_joint_paper_does_not_count():
    _, author, editor = handled()
    joint = ArticleFactory(title="Joint paper", received_date=D(2026, 6, 1))
    AuthorshipFactory(article=joint, person=author, position=1)
    AuthorshipFactory(article=joint, person=editor, position=2)

    assert summaries(audit(["REVIEWER_CONFLICT"])) == []
