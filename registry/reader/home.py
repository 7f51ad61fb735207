"""The start page: articles newest first, a page at a time, filtered by declared ties, year, topic and
any filter another app registers (audits: confirmed findings). Editors also see drafts."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import OuterRef, Q, QuerySet, Subquery

from registry.models import Article, Topic
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


def filtered_articles(articles: QuerySet, filters: HomeFilters) -> QuerySet:
    if filters.ties:
        # Whether an author declares a tie in a disclosure in force: kept by the database, since the
        # count of a year's articles with ties probed every article's declarations (registry/public_set.py).
        articles = articles.filter(declares_ties=True)
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
    """`articles` is what the reader may see (`Article.objects.visible_to(user)`). 6 queries: how many
    articles match, the ids of this page, this page's articles with their counts, the years (2) and the
    topics offered.

    The counts and the ties mark are computed for the page's 25 articles only: annotated on the whole
    filtered list, the database grouped every article's authors before it could sort and cut (0.5 s on
    10,000 articles)."""
    ids = filtered_articles(articles, filters).order_by(*NEWEST_FIRST).values_list("pk", flat=True)
    page = Paginator(ids, ARTICLES_PER_PAGE).get_page(page_number)
    page.object_list = list(
        Article.objects.filter(pk__in=list(page.object_list))
        .with_disclosure_counts()
        .only("title", "doi", "journal", "published_date", "status", "declares_ties")
        .order_by(*NEWEST_FIRST)
    )
    return HomePage(
        page=page,
        filters=filters,
        years=years_offered(),
        topics=topics_offered(),
        optional_filters=article_list_filters.all(),
    )


def years_offered() -> list[int]:
    """The years with a published article, newest first (2 queries).

    Not `DISTINCT EXTRACT(YEAR …)`, which reads every article (0.1 s for 100,000): the first and last
    dates, then, in one query, the first published article of each year between them, each found on the
    date index and stopping at the first. That per-year lookup is compiled once and repeated with each
    year's dates: built by the ORM for every year, it took longer to build than to run."""
    published = Article.objects.published().filter(published_date__isnull=False)
    # MIN() and MAX() together read every row on SQLite; the first of each order stops at one.
    first, last = (published.order_by(order).values("pk")[:1] for order in ("published_date", "-published_date"))
    bounds = list(
        Article.objects.filter(Q(pk=Subquery(first)) | Q(pk=Subquery(last))).values_list("published_date", flat=True)
    )
    if not bounds:
        return []
    start, end = datetime.date(1, 1, 1), datetime.date(1, 1, 2)  # stand-ins, replaced per year
    probe = published.filter(published_date__gte=start, published_date__lt=end).order_by().values("pk")[:1]
    sql, params = probe.query.sql_with_params()
    parts, values = [], []
    for year in range(min(bounds).year, max(bounds).year + 1):
        dates = {start: datetime.date(year, 1, 1), end: datetime.date(year + 1, 1, 1)}
        # The backend may have adapted the stand-ins (SQLite passes dates as text): replace them alike.
        dates |= {str(stand_in): str(date) for stand_in, date in dates.items()}
        parts.append(f"({sql})")
        values += [dates.get(value, value) if isinstance(value, datetime.date | str) else value for value in params]
    table, pk = Article._meta.db_table, Article._meta.pk.column
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('published_date')} FROM {quote(table)} WHERE {quote(pk)} IN ({', '.join(parts)})",
            values,
        )
        return sorted({_as_date(row[0]).year for row in cursor.fetchall()}, reverse=True)


def _as_date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def topics_offered() -> list[Topic]:
    """The topics of published articles, by name: each topic looks up its first published article by
    the topic's index (a correlated subquery with a limit, which the database runs per topic), where
    `EXISTS` had PostgreSQL join every article to its topics first (0.1-0.25 s for 100,000 articles)."""
    first = Article.objects.published().filter(topics=OuterRef("pk")).order_by().values("pk")[:1]
    offered = Topic.objects.alias(first=Subquery(first)).filter(first__isnull=False)
    return list(offered.order_by("name").only("name"))
