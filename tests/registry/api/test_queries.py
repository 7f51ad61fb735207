"""Query budget of the API: a list page costs the same number of queries for 2 records as for 20."""

import json

import pytest
from django.db import connection, transaction
from rest_framework.authtoken.models import Token
from rest_framework.renderers import JSONRenderer

from registry.api import article_rows, pagination
from registry.api.serializers import ArticleSerializer
from registry.models import Article, ArticleFunding
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    FindingFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def published_articles(count: int) -> None:
    """Articles with a topic, a funder and two authors, each declaring an interest."""
    for _ in range(count):
        article = ArticleFactory()
        article.topics.add(TopicFactory())
        declared = DeclaredInterestFactory(disclosure__authorship__article=article, disclosure__authorship__position=1)
        ArticleFunding.objects.create(article=article, organization=declared.interest.organization)
        OrganizationAliasFactory(organization=declared.interest.organization)
        DeclaredInterestFactory(disclosure__authorship__article=article, disclosure__authorship__position=2)


@pytest.mark.parametrize("count", [2, 20])
def test_articles_list(api, django_assert_num_queries, count):
    published_articles(count)

    # 1 the page's article ids with the JSON kept for each and the count, 2 the JSON of those not kept
    # yet (all of them, new), with their topics, funders, authors, disclosures and declared interests,
    # built, kept and returned in one statement.
    with django_assert_num_queries(2):
        response = api.get("/api/articles/")
    # Kept now: the page with its count.
    with django_assert_num_queries(1):
        again = api.get("/api/articles/")

    assert len(response.json()["results"]) == count
    assert again.content == response.content


def test_a_page_of_articles_is_the_same_on_a_connection_before_and_after_a_rolled_back_transaction(
    api, django_assert_num_queries
):
    """On PostgreSQL a page's rows come from a statement prepared once a connection, outside the page's
    queries; a transaction rolled back after it was prepared leaves it in place (PostgreSQL keeps
    prepared statements whatever becomes of the transaction), and the next page still reads it."""
    published_articles(3)
    article_rows.forget_prepared(connection)

    with transaction.atomic():
        first = api.get("/api/articles/?page_size=2").content
        transaction.set_rollback(True)
    with django_assert_num_queries(2):
        again = api.get("/api/articles/?page_size=2").content

    assert again == first
    assert [article["id"] for article in json.loads(again)["results"]] == list(
        Article.objects.order_by("-published_date", "title", "pk").values_list("pk", flat=True)[:2]
    )


def test_articles_are_what_the_article_serializer_describes(api):
    """The list and the detail send what registry/api/article_rows.py puts together from plain rows, by
    ArticleSerializer's fields; the serializer itself, reading the instances, gives the same JSON, key
    order included, so the OpenAPI schema made from it describes what the API sends."""
    published_articles(3)
    article = ArticleFactory()
    DeclaredInterestFactory(
        disclosure__authorship__article=article,
        disclosure__authorship__position=1,
        interest__organization=None,
        interest__organization_name="A small foundation",
    )
    AuthorshipFactory(article=article, position=2)  # no disclosure on file
    # Several ties in one disclosure, several topics and funders: each list in the serializer's order.
    several = ArticleFactory()
    declared = DeclaredInterestFactory(
        disclosure__authorship__article=several, disclosure__authorship__position=1, interest__category="stock"
    )
    for category, name in [("consulting", "Zeta"), ("consulting", "Alpha"), ("grant", "Beta")]:
        DeclaredInterestFactory(
            disclosure=declared.disclosure, interest__category=category, interest__organization_name=name
        )
    several.topics.add(TopicFactory(name="Zoology"), TopicFactory(name="Anatomy"))
    for name in ["Omega Fund", "Acme Trust"]:
        ArticleFunding.objects.create(article=several, organization=OrganizationFactory(name=name))

    listed = api.get("/api/articles/").json()["results"]

    assert len(listed) == 5
    for row in listed:
        described = json.loads(JSONRenderer().render(ArticleSerializer(Article.objects.get(pk=row["id"])).data))
        assert list(row.items()) == list(described.items())
        assert api.get(f"/api/articles/{row['id']}/").json() == row


def test_article_json_is_byte_for_byte_what_drf_writes(api):
    """The JSON of the plain rows is the bytes DRF's own renderer writes for the serializer's data:
    quotes, backslashes, control characters, line separators and non-ASCII text escaped alike, booleans,
    dates and nulls written alike."""
    tricky = 'Tab\there, "quoted" \\ back\nnew line \x01 \u2028 \u2029 é 中文 \U0001f600 </script>'
    article = ArticleFactory(title=tricky, journal="O'Brien & Co", funding_statement="", article_type=tricky)
    article.topics.add(TopicFactory(name=tricky))
    declared = DeclaredInterestFactory(
        disclosure__authorship__article=article,
        disclosure__authorship__position=1,
        disclosure__authorship__corresponding=True,
        disclosure__statement=tricky,
        interest__specification=tricky,
        interest__ongoing=True,
        interest__end_date=None,
    )
    ArticleFunding.objects.create(article=article, organization=declared.interest.organization, award_id=tricky)
    AuthorshipFactory(article=article, position=2, affiliations_as_printed=tricky)

    sent = api.get(f"/api/articles/{article.pk}/").content

    assert sent == JSONRenderer().render(ArticleSerializer(Article.objects.get(pk=article.pk)).data)
    assert api.get("/api/articles/").content == JSONRenderer().render(
        {"count": 1, "next": None, "previous": None, "results": [json.loads(sent)]}
    )


@pytest.mark.parametrize("count", [2, 20])
def test_article_detail(api, django_assert_num_queries, count):
    published_articles(1)
    article = ArticleFactory()
    for position in range(1, count + 1):
        DeclaredInterestFactory(disclosure__authorship__article=article, disclosure__authorship__position=position)

    # The article with everything it carries, in one query.
    with django_assert_num_queries(1):
        response = api.get(f"/api/articles/{article.pk}/")

    assert len(response.json()["authors"]) == count


@pytest.mark.parametrize("count", [2, 20])
def test_people_list(api, django_assert_num_queries, count):
    published_articles(count // 2)

    # 1 count, 2 people.
    with django_assert_num_queries(2):
        response = api.get("/api/people/")

    assert len(response.json()["results"]) == count


@pytest.mark.parametrize("count", [2, 20])
def test_person_detail(api, django_assert_num_queries, count):
    first = DeclaredInterestFactory()
    person = first.disclosure.authorship.person
    for _ in range(count - 1):
        DeclaredInterestFactory(disclosure__authorship__person=person, interest__person=person)

    # 1 person, 2 published authorships with articles, 3 declared interests with organizations.
    with django_assert_num_queries(3):
        response = api.get(f"/api/people/{person.pk}/")

    assert (len(response.json()["articles"]), len(response.json()["interests"])) == (count, count)


@pytest.mark.parametrize("count", [2, 20])
def test_organizations_list(api, django_assert_num_queries, count):
    published_articles(count // 2)

    # 1 count, 2 organizations, 3 aliases.
    with django_assert_num_queries(3):
        response = api.get("/api/organizations/")

    assert len(response.json()["results"]) == count


@pytest.mark.parametrize("count", [2, 20])
def test_findings_list(api, django_assert_num_queries, auditor_user, count):
    FindingFactory.create_batch(count)
    token = Token.objects.create(user=auditor_user)

    # 1 the token with its user, 2 the auditor's groups, 3 count, 4 findings with article, person, organization.
    with django_assert_num_queries(4):
        response = api.get("/api/findings/", HTTP_AUTHORIZATION=f"Token {token.key}")

    assert len(response.json()["results"]) == count


def test_the_whole_article_list_pages_as_a_filtered_list_that_keeps_every_article(api, django_assert_num_queries):
    """The unfiltered list runs its page's SQL compiled once a process, each page with its own LIMIT and
    OFFSET; a filter keeping every article goes through the ORM. Every page of every size is the same,
    count included, in the same one query, and the page past the end is refused alike."""
    published_articles(5)
    pagination.forget_compiled()
    api.get("/api/articles/?published_after=1000-01-01")  # every article's JSON kept
    for size in [1, 2, 3, 5]:
        pages = -(-5 // size)
        for page in range(1, pages + 1):
            query = f"page={page}&page_size={size}"
            with django_assert_num_queries(1):
                whole = api.get(f"/api/articles/?{query}").json()
            with django_assert_num_queries(1):
                filtered = api.get(f"/api/articles/?published_after=1000-01-01&{query}").json()
            assert (whole["count"], whole["results"]) == (filtered["count"], filtered["results"]), query
            assert len(whole["results"]) == min(size, 5 - (page - 1) * size), query
        past = f"page={pages + 1}&page_size={size}"
        assert api.get(f"/api/articles/?{past}").status_code == 404
        assert api.get(f"/api/articles/?published_after=1000-01-01&{past}").status_code == 404
