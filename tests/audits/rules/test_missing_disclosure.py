"""MISSING_DISCLOSURE: a case that must fire (with its explanation), and a near miss that must not."""

import pytest

from audits.models import Finding
from tests.audits.helpers import audit, summaries
from tests.factories import AuthorshipFactory, DisclosureFactory

pytestmark = pytest.mark.django_db


def test_missing_disclosure_fires_for_an_author_without_one():
    authorship = AuthorshipFactory(person__name="Ann Lee", position=2, article__title="A trial")
    DisclosureFactory(authorship=AuthorshipFactory(article=authorship.article, position=1))
    run = audit(["MISSING_DISCLOSURE"])
    assert summaries(run) == ["No disclosure is on file for Ann Lee, author 2 of “A trial”."]


def test_declaring_nothing_is_not_a_missing_disclosure():
    DisclosureFactory(declares_none=True)
    assert summaries(audit(["MISSING_DISCLOSURE"])) == []


# An article with no statement on file and no author's disclosure: one finding, not one per author.


def authors_without_disclosures(**article):
    first = AuthorshipFactory(person__name="Ann Lee", position=1, article__title="A trial", **article)
    AuthorshipFactory(person__name="Bo Kim", position=2, article=first.article)
    AuthorshipFactory(person__name="Cy Dunn", position=3, article=first.article)
    return first.article


def test_an_article_without_any_statement_makes_one_finding():
    article = authors_without_disclosures(article__competing_interests_text="")
    run = audit(["MISSING_DISCLOSURE"])
    assert summaries(run) == [
        "No competing-interests statement is on file for “A trial”, and none of its three authors has a disclosure."
    ]
    finding = Finding.objects.get()
    assert (finding.subject_type, finding.article_id, finding.person_id, finding.severity) == (
        "article",
        article.pk,
        None,
        "medium",
    )
    assert [author["name"] for author in finding.evidence["authors"]] == ["Ann Lee", "Bo Kim", "Cy Dunn"]


def test_an_article_from_pubmed_without_a_statement_is_a_low_finding():
    authors_without_disclosures(article__competing_interests_text="", article__pubmed_file="pubmed26n1334.xml.gz")
    run = audit(["MISSING_DISCLOSURE"])
    assert summaries(run) == [
        "No competing-interests statement is on file for “A trial”, and none of its three authors has a "
        "disclosure; its PubMed record carries no statement, and PubMed does not hold every journal's."
    ]
    assert Finding.objects.get().severity == "low"


def test_a_statement_that_names_no_author_leaves_each_author_a_finding():
    """The statement is on file but the import could not attribute it: each author is a gap to close."""
    authors_without_disclosures(article__competing_interests_text="The funders had no role in the study.")
    assert summaries(audit(["MISSING_DISCLOSURE"])) == [
        "No disclosure is on file for Ann Lee, author 1 of “A trial”.",
        "No disclosure is on file for Bo Kim, author 2 of “A trial”.",
        "No disclosure is on file for Cy Dunn, author 3 of “A trial”.",
    ]
