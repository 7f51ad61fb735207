"""The start page: a page at a time, filtered by declared ties, confirmed findings, year and topic, with
a mark on articles whose authors declare ties; drafts and unconfirmed findings change nothing."""

import datetime

import pytest
from django.urls import reverse

from audits.enums import ReviewStatus
from registry.enums import ArticleStatus
from registry.reader.home import ARTICLES_PER_PAGE
from tests.factories import ArticleFactory, DeclaredInterestFactory, FindingFactory, TopicFactory
from tests.registry.scenario import parse, texts

pytestmark = pytest.mark.django_db


def titles(client, **params) -> list[str]:
    return texts(parse(client.get(reverse("home"), params)), "//table//td[1]/a")


def test_the_second_page_continues_the_first(client):
    for index in range(ARTICLES_PER_PAGE + 2):
        ArticleFactory(title=f"Study {index:02d}", published_date=datetime.date(2020, 1, 1))
    first, second = titles(client), titles(client, page=2)
    assert first == [f"Study {index:02d}" for index in range(ARTICLES_PER_PAGE)]
    assert second == [f"Study {ARTICLES_PER_PAGE:02d}", f"Study {ARTICLES_PER_PAGE + 1:02d}"]
    tree = parse(client.get(reverse("home"), {"ties": "1"}))
    assert not tree.xpath('//a[@rel="next"]')


def test_page_links_keep_the_filters(client):
    for _ in range(ARTICLES_PER_PAGE + 1):
        DeclaredInterestFactory(disclosure__authorship__article__published_date=datetime.date(2024, 5, 1))
    tree = parse(client.get(reverse("home"), {"ties": "1", "year": "2024"}))
    assert tree.xpath('//a[@rel="next"]/@href') == ["?ties=1&year=2024&page=2"]


def test_articles_that_declare_ties_are_marked_and_can_be_kept_alone(client):
    declared = DeclaredInterestFactory(disclosure__authorship__article__title="With a tie")
    ArticleFactory(title="Without ties")
    tree = parse(client.get(reverse("home")))
    assert texts(tree, '//tr[.//span[@class="tag ties-mark"]]/td[1]/a') == ["With a tie"]
    assert titles(client, ties="1") == ["With a tie"]
    declared.disclosure.status = "withdrawn"
    declared.disclosure.save()
    assert titles(client, ties="1") == []


def test_filter_by_year_and_topic(client):
    topic = TopicFactory(name="Psilocybin")
    ArticleFactory(title="Old", published_date=datetime.date(2019, 3, 1)).topics.add(topic)
    ArticleFactory(title="New", published_date=datetime.date(2024, 3, 1))
    assert titles(client, year="2019") == ["Old"]
    assert titles(client, topic=str(topic.pk)) == ["Old"]
    assert titles(client, year="2024", topic=str(topic.pk)) == []
    tree = parse(client.get(reverse("home")))
    assert texts(tree, '//select[@name="year"]/option') == ["any year", "2024", "2019"]
    assert texts(tree, '//select[@name="topic"]/option') == ["any topic", "Psilocybin"]


def test_topics_and_years_of_drafts_are_not_offered(client):
    ArticleFactory(status=ArticleStatus.DRAFT, published_date=datetime.date(2011, 1, 1)).topics.add(
        TopicFactory(name="Secret topic")
    )
    ArticleFactory(status=ArticleStatus.DRAFT, published_date=datetime.date(2013, 6, 1))
    for year in (2010, 2012):
        ArticleFactory(published_date=datetime.date(year, 12, 31))
    tree = parse(client.get(reverse("home")))
    assert texts(tree, '//select[@name="topic"]/option') == ["any topic"]
    assert "Secret topic" not in tree.text_content()
    # Only the years of published articles: not the draft's 2011 between them nor its 2013 after them.
    assert texts(tree, '//select[@name="year"]/option') == ["any year", "2012", "2010"]


@pytest.mark.parametrize("value", ["x", "-1", "2019.5", "99999999999999"])
def test_a_malformed_filter_is_ignored(client, value):
    ArticleFactory(title="Any")
    assert titles(client, year=value, topic=value) == ["Any"]


def test_only_articles_with_confirmed_findings(client):
    confirmed = ArticleFactory(title="Confirmed")
    FindingFactory(article=confirmed, review_status=ReviewStatus.CONFIRMED)
    FindingFactory(article=ArticleFactory(title="Open"))
    assert titles(client, confirmed="1") == ["Confirmed"]
    assert parse(client.get(reverse("home"))).xpath('//input[@name="confirmed"]')


@pytest.mark.parametrize("count", [1, 6])
def test_filtered_home_page_queries_are_constant(client, django_assert_num_queries, count):
    for _ in range(count):
        article = DeclaredInterestFactory().disclosure.authorship.article
        FindingFactory(article=article, review_status=ReviewStatus.CONFIRMED)
    # 1 how many match; 2 the ids of this page; 3 its articles with their counts; 4 the first and last
    # publication dates, 5 the years between them with an article; 6 the topics offered.
    with django_assert_num_queries(6):
        response = client.get(reverse("home"), {"ties": "1", "confirmed": "1"})
    assert len(response.context["articles"]) == count
