"""The public pages' figures (issue 15's targets: each ≤ 50 ms median and ≤ 15 queries; search ≤ 100 ms):
every page a reader or an API client reaches, rendered through Django's test client on the benchmark's
generated registry, with the busiest records of that registry chosen so that a page shows its worst."""

import statistics
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from benchmark.measure import Figure, timed
from benchmark.pages import QueryCounter
from registry.models import Article, Interest, Person

RUNS = 15
PAGE_TARGET_MS = 50.0
SEARCH_TARGET_MS = 100.0
QUERY_BUDGET = 15


def public_page_figures(runs: int = RUNS) -> list[Figure]:
    """Median server time and query count of each public page, one figure a page."""
    with as_measured():
        client = Client()
        return [_page_figure(client, name, path, target, runs) for name, path, target in public_pages()]


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


@contextmanager
def as_measured() -> Iterator[None]:
    """The test client as an anonymous reader the API's throttles never stop (they count in the cache),
    and every page rendered afresh: with CACHE_URL set, the public page cache would otherwise answer all
    renderings but the first, and the figures would be the cache's."""
    api = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}
    with override_settings(
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], REST_FRAMEWORK=api, PAGE_CACHE_SECONDS=0
    ):
        yield
