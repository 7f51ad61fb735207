import datetime

import pytest

from tests.factories import ArticleFactory, AuthorshipFactory, PersonFactory


@pytest.fixture
def author_with_articles(db):
    """A person with two published articles a year apart, each with a disclosure."""
    person = PersonFactory(name="Jane Roe")
    first = AuthorshipFactory(
        person=person,
        position=1,
        article=ArticleFactory(title="First study", received_date=datetime.date(2024, 3, 1)),
    )
    second = AuthorshipFactory(
        person=person,
        position=1,
        article=ArticleFactory(title="Second study", received_date=datetime.date(2025, 3, 1)),
    )
    return person, first, second
