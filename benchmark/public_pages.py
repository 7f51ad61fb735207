"""The public pages' figures (issue 15's targets: each ≤ 50 ms median and ≤ 15 queries; search ≤ 100 ms):
every page a reader or an API client reaches, rendered through Django's test client on the benchmark's
generated registry, with the busiest records of that registry chosen so that a page shows its worst."""

import statistics

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from benchmark.measure import Figure, timed
from benchmark.serving import QueryCounter, as_measured, production_client, served_as
from registry.models import Article, Interest, Person

RUNS = 15
PAGE_TARGET_MS = 50.0
SEARCH_TARGET_MS = 100.0
QUERY_BUDGET = 15
# /api/articles/ (a page of articles with their authors and declared ties) against the floor page.
ARTICLES_TO_FLOOR_TARGET = 5.0


def public_page_figures(runs: int = RUNS) -> list[Figure]:
    """Median server time and query count of each public page, one figure a page, after the floor
    page's; then /api/articles/ against the floor."""
    with as_measured():
        client = production_client()
        floor = _page_figure(client, "floor page (/api/, the API root)", reverse("api:api-root"), None, runs)
        floor.note += f"; {served_as()}"
        figures = [floor, *(_page_figure(client, name, path, target, runs) for name, path, target in public_pages())]
    articles = next(figure for figure in figures if figure.name == "/api/articles/")
    figures.append(
        Figure(
            "/api/articles/ against the floor page",
            articles.value / floor.value,
            "x",
            target=ARTICLES_TO_FLOOR_TARGET,
            higher_is_better=False,
            note=f"{articles.value:.1f} ms against {floor.value:.1f} ms (medians)",
        )
    )
    return figures


def public_pages() -> list[tuple[str, str, float]]:
    """(name, path, target in ms) of every public page, on the generated registry's busiest records."""
    article = Article.objects.published().annotate(authors=Count("authorships")).order_by("-authors", "pk").first()
    author = Person.objects.annotate(articles=Count("authorships")).order_by("-articles", "pk").first()
    organization_id = (
        Interest.objects.filter(organization__isnull=False)
        .values_list("organization_id", flat=True)
        .annotate(ties=Count("pk"))
        .order_by("-ties", "organization_id")
        .first()
    )
    year = article.published_date.year
    family = _common_family_name()
    return [
        ("home page", reverse("home"), PAGE_TARGET_MS),
        ("home page, filtered (ties, year)", f"{reverse('home')}?ties=1&year={year}", PAGE_TARGET_MS),
        (f"search, common name ({family})", f"{reverse('search')}?q={family}", SEARCH_TARGET_MS),
        (f"search, misspelt ({misspell(family)})", f"{reverse('search')}?q={misspell(family)}", SEARCH_TARGET_MS),
        ("article page", reverse("article", args=[article.doi]), PAGE_TARGET_MS),
        ("author page (most articles)", reverse("person", args=[author.pk]), PAGE_TARGET_MS),
        ("organization page (most ties)", reverse("organization", args=[organization_id]), PAGE_TARGET_MS),
        ("/api/articles/", reverse("api:article-list"), PAGE_TARGET_MS),
        ("/api/people/", reverse("api:person-list"), PAGE_TARGET_MS),
        ("/api/organizations/", reverse("api:organization-list"), PAGE_TARGET_MS),
    ]


def _common_family_name() -> str:
    """The family name most people share: the search that returns the most results."""
    return (
        Person.objects.exclude(family_name="")
        .values_list("family_name", flat=True)
        .annotate(people=Count("pk"))
        .order_by("-people", "family_name")
        .first()
    )


def misspell(word: str) -> str:
    """The word with two different neighbouring letters swapped, from its middle on: the commonest typo."""
    for index in range(max(len(word) // 2 - 1, 0), len(word) - 1):
        if word[index] != word[index + 1]:
            return word[:index] + word[index + 1] + word[index] + word[index + 2 :]
    return word + word[-1]


def _page_figure(client: Client, name: str, path: str, target: float, runs: int) -> Figure:
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        first = client.get(path)  # also warms the template and URL caches
    if first.status_code != 200:
        raise RuntimeError(f"{path} answered {first.status_code}")
    times = [timed(lambda: client.get(path))[0] * 1000 for _ in range(runs)]
    over = f", over the budget of {QUERY_BUDGET}" if queries.count > QUERY_BUDGET else ""
    return Figure(
        name,
        statistics.median(times),
        "ms",
        target=target,
        higher_is_better=False,
        note=f"{path}: {queries.count} queries{over}, {len(first.content) // 1024} KB; slowest {max(times):.0f} ms",
    )
