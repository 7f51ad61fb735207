"""The start page: articles newest first, a page at a time, filtered by declared ties, year, topic and
any filter another app registers (audits: confirmed findings). Editors also see drafts."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import ExtractYear

from registry.models import Article, DeclaredInterest, Topic
from registry.reader.sections import ArticleListFilter, article_list_filters

ARTICLES_PER_PAGE = 25


@dataclass(frozen=True)
class HomeFilters:
    """What the reader asked for; every value already checked (an unknown one is ignored)."""

    ties: bool = False
    year: int | None = None
    topic: int | None = None
    extra: tuple[str, ...] = ()  # keys of registered filters that are on

    @classmethod
    def from_query(cls, params) -> "HomeFilters":
        return cls(
            ties=params.get("ties") == "1",
            year=_integer(params.get("year")),
            topic=_integer(params.get("topic")),
            extra=tuple(f.key for f in article_list_filters.all() if params.get(f.key) == "1"),
        )

    def query_string(self) -> str:
        """The filters as a query string for the page links ("ties=1&year=2024&")."""
        parts = [("ties", "1")] if self.ties else []
        parts += [("year", self.year)] if self.year else []
        parts += [("topic", self.topic)] if self.topic else []
        parts += [(key, "1") for key in self.extra]
        return "".join(f"{key}={value}&" for key, value in parts)


@dataclass
class HomePage:
    page: Page
    filters: HomeFilters
    years: list[int]
    topics: list[Topic]
    optional_filters: list[ArticleListFilter]


def _integer(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) <= 9 else None


def declares_ties() -> Exists:
    """Whether an author of the article declares a tie in a disclosure in force."""
    return Exists(DeclaredInterest.objects.in_force().filter(disclosure__authorship__article=OuterRef("pk")))


def filtered_articles(articles: QuerySet, filters: HomeFilters) -> QuerySet:
    if filters.ties:
        articles = articles.filter(declares_ties())
    if filters.year:
        articles = articles.filter(published_date__year=filters.year)
    if filters.topic:
        articles = articles.filter(topics=filters.topic)
    for article_filter in article_list_filters.all():
        if article_filter.key in filters.extra:
            articles = articles.filter(article_filter.condition())
    return articles


NEWEST_FIRST = ("-published_date", "title", "pk")


def home_page(articles: QuerySet, filters: HomeFilters, page_number: str | None) -> HomePage:
    """`articles` is what the reader may see (`Article.objects.visible_to(user)`). 5 queries: the years
    and the topics offered, how many articles match, the ids of this page, and this page's articles with
    their counts.

    The counts and the ties mark are computed for the page's 25 articles only: annotated on the whole
    filtered list, the database grouped every article's authors before it could sort and cut (0.5 s on
    10,000 articles)."""
    ids = filtered_articles(articles, filters).order_by(*NEWEST_FIRST).values_list("pk", flat=True)
    page = Paginator(ids, ARTICLES_PER_PAGE).get_page(page_number)
    page.object_list = list(
        Article.objects.filter(pk__in=list(page.object_list))
        .with_disclosure_counts()
        .annotate(declares_ties=declares_ties())
        .only("title", "doi", "journal", "published_date", "status")
        .order_by(*NEWEST_FIRST)
    )
    years = (
        Article.objects.published()
        .filter(published_date__isnull=False)
        .annotate(year=ExtractYear("published_date"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    topics = Topic.objects.filter(Exists(Article.objects.published().filter(topics=OuterRef("pk")))).order_by("name")
    return HomePage(
        page=page,
        filters=filters,
        years=list(years),
        topics=list(topics.only("name")),
        optional_filters=article_list_filters.all(),
    )
