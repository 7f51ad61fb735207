"""MISSING_DISCLOSURE: a case that must fire (with its explanation), and a near miss that must not."""

import pytest

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
