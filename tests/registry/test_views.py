"""The public start page lists published articles only, in a constant number of queries."""

import pytest
from django.urls import reverse

from registry.enums import ArticleStatus
from tests.factories import ArticleFactory, AuthorshipFactory, DisclosureFactory

pytestmark = pytest.mark.django_db


def test_public_sees_published_articles_with_disclosure_counts_and_never_drafts(client):
    published = ArticleFactory(title="Published perspective")
    DisclosureFactory(authorship=AuthorshipFactory(article=published, position=1))
    AuthorshipFactory(article=published, position=2)
    ArticleFactory(title="Draft under review", status=ArticleStatus.DRAFT, published_date=None)
    content = client.get(reverse("home")).content.decode()
    assert "Published perspective" in content
    assert "1 of 2, 1 declaring nothing" in content
    assert "Draft under review" not in content


def test_editor_sees_drafts_marked_as_such(editor_client):
    ArticleFactory(title="Draft under review", status=ArticleStatus.DRAFT, published_date=None)
    content = editor_client.get(reverse("home")).content.decode()
    assert "Draft under review" in content
    assert "(draft)" in content


@pytest.mark.parametrize("count", [1, 6])
def test_home_page_queries_are_constant(client, django_assert_num_queries, count):
    for _ in range(count):
        ArticleFactory()
    # 1 how many articles; 2 the ids of this page; 3 its articles, with their disclosure counts and
    # whether they declare ties; 4 the first and last publication dates and 5 the years between them
    # with an article; 6 the topics offered as filters.
    with django_assert_num_queries(6):
        response = client.get(reverse("home"))
    assert len(response.context["articles"]) == count
