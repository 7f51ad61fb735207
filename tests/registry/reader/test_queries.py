"""The reader pages' query budget: the same number of queries for one record as for many (the target:
an author page in at most 15, whatever the number of ties and articles)."""

import datetime

import pytest
from django.urls import reverse

from audits.enums import ReviewStatus
from benchmark.pages import author_page_figure, build_prolific_author
from registry.enums import ArticleStatus, InterestCategory
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    FindingFactory,
    InterestFactory,
    OrganizationFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

SIZES = [1, 20]


def author_with_articles(count: int):
    """A person with `count` published articles (and a draft), each declaring two ties of its own."""
    person = PersonFactory()
    for index in range(count):
        authorship = AuthorshipFactory(person=person, article__published_date=datetime.date(2010 + index, 1, 1))
        disclosure = DisclosureFactory(authorship=authorship, declares_none=False)
        for category in (InterestCategory.CONSULTING, InterestCategory.STOCK):
            interest = InterestFactory(person=person, category=category, start_date=datetime.date(2009 + index, 1, 1))
            DeclaredInterestFactory(disclosure=disclosure, interest=interest)
        FindingFactory(authorship=authorship, review_status=ReviewStatus.CONFIRMED)
    AuthorshipFactory(person=person, article__status=ArticleStatus.DRAFT, article__published_date=None)
    return person


@pytest.mark.parametrize("count", SIZES)
def test_author_page_queries_are_constant(client, django_assert_num_queries, count):
    person = author_with_articles(count)
    with django_assert_num_queries(7):
        # 1 the person, if published; 2 their published articles with disclosures; 3 interests declared
        # on them; 4 which article declared which; 5 affiliations; 6 confirmed findings by rule; 7 matched
        # register payments by payer and year.
        response = client.get(reverse("person", args=[person.pk]))
    assert len(response.context["page"].articles) == count
    assert len(response.context["page"].ties) == 2 * count


@pytest.mark.parametrize("count", SIZES)
def test_article_page_queries_are_constant(client, django_assert_num_queries, count):
    article = ArticleFactory()
    article.topics.add(*(TopicFactory() for _ in range(count)))
    for position in range(1, count + 1):
        authorship = AuthorshipFactory(article=article, position=position)
        DeclaredInterestFactory(disclosure__authorship=authorship, interest__person=authorship.person)
        article.fundings.create(organization=OrganizationFactory(), award_id=str(position))
        ArticleFactory(preprint_doi=article.doi)  # a published version of it (as if it were a preprint)
    with django_assert_num_queries(7):
        # 1 the article, if published; 2 topics; 3 funders; 4 authors with disclosures; 5 declared
        # interests; 6 its other versions; 7 confirmed findings by rule.
        response = client.get(reverse("article", args=[article.doi]))
    assert len(response.context["page"].authors) == count
    assert len(response.context["page"].versions) == count


@pytest.mark.parametrize("count", SIZES)
def test_organization_page_queries_are_constant(client, django_assert_num_queries, count):
    organization = OrganizationFactory()
    for _ in range(count):
        interest = InterestFactory(organization=organization)
        DeclaredInterestFactory(interest=interest, disclosure__authorship__person=interest.person)
        ArticleFactory().fundings.create(organization=organization)
    with django_assert_num_queries(7):
        # 1 the organization, if public, and whether it has subsidiaries; 2 declarations by category, year
        # and person; 3 aliases; 4 published articles it funded; 5 totals, its own and rolled up; 6 the
        # articles declaring ties; 7 register payments per year.
        response = client.get(reverse("organization", args=[organization.pk]))
    assert len(response.context["page"].declarants) == count
    assert len(response.context["page"].funded_articles) == count


@pytest.mark.parametrize("count", SIZES)
def test_organization_page_with_subsidiaries_asks_for_them_once(client, django_assert_num_queries, count):
    organization = OrganizationFactory()
    for _ in range(count):
        subsidiary = OrganizationFactory(parent=organization)
        interest = InterestFactory(organization=subsidiary)
        DeclaredInterestFactory(interest=interest, disclosure__authorship__person=interest.person)
    ArticleFactory().fundings.create(organization=organization)
    with django_assert_num_queries(8):
        # The seven above, and 8 its public subsidiaries with their counts.
        response = client.get(reverse("organization", args=[organization.pk]))
    assert len(response.context["page"].subsidiaries) == count


@pytest.mark.parametrize("count", SIZES)
def test_search_queries_are_constant(client, django_assert_num_queries, count):
    for _ in range(count):
        AuthorshipFactory(person__name="Searchable Person", article__title="Searchable article")
    # 1 people; 2 organizations, 3 their aliases; 4 articles by title or DOI, 5 by statement, 6 topics,
    # 7 topic synonyms (articles on a topic: none matches, so not asked); 8 the articles on this page with
    # their context (people and organizations: none found, so not asked).
    with django_assert_num_queries(8):
        response = client.get(reverse("search"), {"q": "searchable article"})
    assert response.context["page"].paginator.count == count


# With 20 of each, the first page holds people alone (equal scores put people first), so the context of
# organizations and articles is not asked for.
@pytest.mark.parametrize(
    ("count", "queries", "kinds"), [(1, 11, {"person", "organization", "article"}), (20, 9, {"person"})]
)
def test_search_over_every_kind_stays_within_budget(client, django_assert_num_queries, count, queries, kinds):
    for index in range(count):
        person = PersonFactory(name=f"Ketamine Person {index}")
        declared = DeclaredInterestFactory(
            interest__person=person,
            disclosure__authorship__person=person,
            interest__organization__name=f"Ketamine Company {index}",
            disclosure__statement="I consulted for a ketamine company.",
            disclosure__authorship__article__title=f"Ketamine study {index}",
        )
        declared.disclosure.authorship.article.topics.add(TopicFactory(name=f"Ketamine {index}"))
    # 1 people; 2 organizations, 3 aliases; 4 articles by title or DOI, 5 by statement; 6 topics, 7 synonyms,
    # 8 articles on the topics; 9 people on the page, 10 organizations, 11 articles, with their context.
    with django_assert_num_queries(queries):
        response = client.get(reverse("search"), {"q": "ketamine"})
    assert response.context["page"].paginator.count == 3 * count
    assert {result.kind for result in response.context["results"]} == kinds


def test_an_empty_search_asks_nothing_of_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("search"), {"q": "   "})
    assert response.context["page"] is None


def test_the_benchmark_s_prolific_author_page_fits_the_budget(client, django_assert_num_queries):
    """The benchmark's author, 500 interests and 200 articles: at most 15 queries allowed, the same 7 used."""
    person, declarations = build_prolific_author()
    with django_assert_num_queries(7):
        response = client.get(reverse("person", args=[person.pk]))
    page = response.context["page"]
    assert (len(page.ties), len(page.articles), declarations) == (500, 200, 6492)


def test_the_author_page_figure_reports_its_queries(db):
    figure = author_page_figure(runs=1)
    assert (figure.name, figure.unit, figure.target, figure.higher_is_better) == (
        "author page (median)",
        "ms",
        50.0,
        False,
    )
    assert figure.note.startswith("7 queries; 500 interests, 200 articles, 6492 declarations")
