"""One search box over the public registry: people, organizations and articles, case-insensitive on
SQLite and PostgreSQL alike, and blind to drafts and private fields."""

import pytest
from django.urls import reverse

from registry.reader.search import SEARCH_PAGE_SIZE
from tests.factories import ArticleFactory, AuthorshipFactory, DeclaredInterestFactory, PersonFactory
from tests.registry.scenario import parse, texts

pytestmark = pytest.mark.django_db


def results(client, query: str, **params) -> list[str]:
    """Each result's kind, link and identifiers (its context and snippet are tested in test_search_context)."""
    tree = parse(client.get(reverse("search"), {"q": query, **params}))
    return [
        " ".join(
            " ".join(part.text_content().split())
            for part in item.xpath('./span[@class="tag"]|./a|./span[@class="meta"]')
        )
        for item in tree.xpath('//ul[@class="results"]/li')
    ]


@pytest.mark.parametrize("query", ["ann example", "EXAMPLE", "  Ann   Example ", "Example, Ann", "0000-0002-1825-0097"])
def test_finds_a_person_by_name_in_any_case_or_by_orcid(client, scenario, query):
    # Her statement names her too, so the article she declared on follows.
    assert results(client, query)[0] == "Person Ann Example ORCID 0000-0002-1825-0097"


def test_finds_a_name_whatever_its_accents(client):
    AuthorshipFactory(person__name="Ivar W. Goksøyr")
    for query in ["goksøyr", "GOKSØYR", "goksoyr"]:
        assert results(client, query) == ["Person Ivar W. Goksøyr"], query


@pytest.mark.parametrize("query", ["acme pharma", "ACME", "Acme Pharma Inc."])
def test_finds_an_organization_by_name_or_alias(client, scenario, query):
    # Statements naming "Acme" find the articles they were made on, after the company itself.
    assert results(client, query)[0] == "Organization Acme Pharma Company, US"
    assert all(row.startswith("Article") for row in results(client, query)[1:])


@pytest.mark.parametrize(
    "query",
    ["KETAMINE FOR", "trial ketamine", "10.5555/reader.1", "https://doi.org/10.5555/READER.1", "READER.1"],
)
def test_finds_an_article_by_title_or_doi(client, scenario, query):
    assert results(client, query) == ["Article Ketamine for depression: a trial Journal of Tests, doi:10.5555/reader.1"]


def test_results_link_to_their_pages_people_first(client, scenario):
    tree = parse(client.get(reverse("search"), {"q": "e"}))
    kinds = texts(tree, '//ul[@class="results"]/li/span[@class="tag"]')
    assert kinds == sorted(kinds, key=["Person", "Organization", "Article"].index)
    hrefs = tree.xpath('//ul[@class="results"]/li/a/@href')
    assert reverse("person", args=[scenario.ann.pk]) in hrefs
    assert reverse("organization", args=[scenario.acme.pk]) in hrefs
    assert reverse("article", args=[scenario.published.doi]) in hrefs


@pytest.mark.parametrize(
    "query",
    ["Unpublished draft", "10.5555/reader.draft", "Draftonly", "Secret Pharma", "Register Co", "ann@example.org"],
)
def test_never_finds_drafts_their_people_and_ties_or_private_fields(client, scenario, query):
    assert results(client, query) == []
    assert "0 results" in parse(client.get(reverse("search"), {"q": query})).text_content()


def test_an_npi_finds_no_one(client, scenario):
    assert results(client, "1234567893") == []


def test_results_come_in_pages(client):
    for index in range(SEARCH_PAGE_SIZE + 3):
        ArticleFactory(title=f"Paged study {index:02d}")
    first = results(client, "paged study")
    second = results(client, "paged study", page=2)
    assert len(first) == SEARCH_PAGE_SIZE
    assert [row.split(" Test Journal")[0] for row in second] == [
        "Article Paged study 20",
        "Article Paged study 21",
        "Article Paged study 22",
    ]
    tree = parse(client.get(reverse("search"), {"q": "paged study"}))
    assert tree.xpath('//a[@rel="next"][@href="?q=paged%20study&page=2"]')
    assert texts(tree, '//p[@id="result-count"]') == ["23 results for “paged study”."]


def test_a_page_out_of_range_shows_the_last(client):
    ArticleFactory(title="Only one", doi="10.5555/only.one")
    assert results(client, "only one", page=99) == ["Article Only one Test Journal, doi:10.5555/only.one"]


def test_queries_of_punctuation_alone_find_nothing(client, scenario):
    assert results(client, "--") == []


def test_search_words_are_not_wildcards(client, scenario):
    assert results(client, "%") == []
    assert results(client, "_") == []


def test_a_tie_declared_on_a_published_article_makes_its_organization_findable(client):
    declared = DeclaredInterestFactory(interest__organization__name="Zeta Biotech")
    assert results(client, "zeta") == ["Organization Zeta Biotech Company"]
    declared.disclosure.authorship.article.status = "draft"
    declared.disclosure.authorship.article.published_date = None
    declared.disclosure.authorship.article.save()
    assert results(client, "zeta") == []


def test_a_person_without_published_articles_is_not_found(client):
    PersonFactory(name="Nobody Published")
    assert results(client, "nobody published") == []
