"""The search forgives typos, reads statements and topics, ranks the closest first and says why each
result is there; drafts stay out of every one of those paths."""

import pytest
from django.urls import reverse

from registry.enums import ArticleStatus
from tests.factories import AuthorshipFactory, DeclaredInterestFactory, DisclosureFactory, OrganizationAliasFactory
from tests.registry.scenario import parse, texts

pytestmark = pytest.mark.django_db


def headings(client, query: str) -> list[str]:
    tree = parse(client.get(reverse("search"), {"q": query}))
    return texts(tree, '//ul[@class="results"]/li/a')


def items(client, query: str) -> list[str]:
    return texts(parse(client.get(reverse("search"), {"q": query})), '//ul[@class="results"]/li')


@pytest.mark.parametrize("query", ["andreasen", "Andresen ole", "ANDREASSEN"])
def test_a_name_with_a_typo_finds_the_person(client, query):
    AuthorshipFactory(person__name="Ole A. Andreassen")
    assert headings(client, query) == ["Ole A. Andreassen"]


@pytest.mark.parametrize("query", ["zahng", "Wei Zahng", "tohmas"])
def test_a_short_name_with_two_letters_swapped_finds_the_person(client, query):
    """On PostgreSQL such a word shares too few trigrams with the name to be offered by the trigram index
    ("zahng" is 0.2 from "zhang"); the score takes it."""
    AuthorshipFactory(person__name="Wei Zhang")
    AuthorshipFactory(person__name="Ann Thomas")
    expected = {"zahng": ["Wei Zhang"], "Wei Zahng": ["Wei Zhang"], "tohmas": ["Ann Thomas"]}
    assert headings(client, query) == expected[query]


def test_an_organization_with_a_typo_or_by_alias_is_found(client):
    declared = DeclaredInterestFactory(interest__organization__name="Pfizer Inc.")
    OrganizationAliasFactory(organization=declared.interest.organization, name="Pharmacia")
    assert headings(client, "Pfizer")[0] == "Pfizer Inc."
    assert headings(client, "pfzer") == ["Pfizer Inc."]
    assert items(client, "pharmacia")[0].endswith("Also known as: Pharmacia")


def test_short_words_need_no_typo_to_match(client, scenario):
    assert headings(client, "acne") == []


def test_the_exact_name_comes_before_a_near_one(client):
    AuthorshipFactory(person__name="Ann Hansen")
    AuthorshipFactory(person__name="Ann Hanssen")
    assert headings(client, "ann hansen") == ["Ann Hansen", "Ann Hanssen"]


def test_a_statement_finds_its_article_with_the_passage(client):
    disclosure = DisclosureFactory(
        authorship__article__title="A trial of something", statement="I was paid by a ketamine clinic in Oslo."
    )
    name = disclosure.authorship.person.name
    assert items(client, "ketamine clinic") == [
        f"Article A trial of something Test Journal, doi:{disclosure.authorship.article.doi} "
        f"{disclosure.authorship.article.published_date.year} · 1 author · 0 declared ties "
        f"Statement by {name}: I was paid by a ketamine clinic in Oslo."
    ]
    tree = parse(client.get(reverse("search"), {"q": "ketamine clinic"}))
    assert texts(tree, "//mark") == ["ketamine"]


def test_a_topic_finds_its_articles_even_misspelt(client, scenario):
    assert headings(client, "ketamin") == ["Ketamine for depression: a trial"]
    assert headings(client, "depresion") == ["Ketamine for depression: a trial"]


def test_a_topic_not_in_the_title_is_shown_as_the_reason(client):
    authorship = AuthorshipFactory(article__title="A randomised trial")
    authorship.article.topics.create(name="Psilocybin")
    assert items(client, "psilocibin")[0].endswith("Topic: Psilocybin")


def test_each_result_says_who_and_how_many(client, scenario):
    assert items(client, "ann example")[0] == (
        "Person Ann Example ORCID 0000-0002-1825-0097 Professor, University of Oslo · 2 articles · 2 declared ties"
    )
    assert items(client, "acme pharma") == [
        "Organization Acme Pharma Company, US 1 person with declared ties · 2 articles declaring ties"
    ]


def test_statements_and_topics_of_drafts_are_never_found(client):
    disclosure = DisclosureFactory(
        authorship__article__status=ArticleStatus.DRAFT,
        authorship__article__published_date=None,
        statement="Unpublished zebrafish money",
    )
    disclosure.authorship.article.topics.create(name="Zebrafish")
    assert headings(client, "zebrafish") == []
    assert headings(client, "zebrafsh") == []
