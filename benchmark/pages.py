"""The reader pages' figure: an author page with 500 interests and 200 articles (target: 50 ms, at most
15 queries), rendered through Django's test client on the benchmark's scratch database."""

import random
import statistics
from datetime import date, timedelta

from django.db import connection, transaction
from django.urls import reverse

from benchmark.measure import Figure, timed
from benchmark.serving import QueryCounter, as_measured, production_client
from registry.enums import ArticleStatus, DisclosureForm, InterestCategory, Payee
from registry.models import Article, Authorship, DeclaredInterest, Disclosure, Interest, Organization, Person
from registry.names import normalize_organization_name

AUTHOR_INTERESTS = 500
AUTHOR_ARTICLES = 200
RUNS = 30
FIRST_YEAR, LAST_YEAR = 2006, 2025
# An article declares the ties in effect on its publication date or in the half year before; ties last
# three to eighteen months, so an article declares about thirty and a tie is declared in about a dozen.
LOOK_BACK = timedelta(days=182)
# The kinds of tie the author has, each with the words a statement uses for it.
CATEGORIES = {
    InterestCategory.CONSULTING: "consultancy fees",
    InterestCategory.LECTURES: "lecture fees",
    InterestCategory.ADVISORY_BOARD: "served on the advisory board",
    InterestCategory.GRANTS: "research grant to the institution",
    InterestCategory.TRAVEL: "travel support",
    InterestCategory.STOCK: "stock options/shares",
}


def author_page_figure(runs: int = RUNS) -> Figure:
    """Median server time of the author page of a prolific author, and its number of queries."""
    person, declarations = build_prolific_author()
    path = reverse("person", args=[person.pk])
    client = production_client()
    queries = QueryCounter()
    with as_measured():
        with connection.execute_wrapper(queries):
            first = client.get(path)  # also warms the template and URL caches
        if first.status_code != 200:
            raise RuntimeError(f"The author page answered {first.status_code}")
        times = [timed(lambda: client.get(path))[0] * 1000 for _ in range(runs)]
    return Figure(
        "author page (median)",
        statistics.median(times),
        "ms",
        target=50.0,
        higher_is_better=False,
        note=(
            f"{queries.count} queries; {AUTHOR_INTERESTS} interests, {AUTHOR_ARTICLES} articles, "
            f"{declarations} declarations, {len(first.content) // 1024} KB; slowest {max(times):.0f} ms of {runs}"
        ),
    )


@transaction.atomic
def build_prolific_author(seed: int = 7) -> tuple[Person, int]:
    """A person with AUTHOR_INTERESTS ties (two kinds each to half as many companies) over twenty years,
    and AUTHOR_ARTICLES published articles whose disclosures declare the ties then in effect.

    Written in bulk: the figure is about reading the page, not about writing it.
    """
    rng = random.Random(seed)
    person = Person.objects.create(name="Prolific Benchmark Author", given_names="Prolific", family_name="Author")
    names = [f"Benchpharma {index} Therapeutics" for index in range(AUTHOR_INTERESTS // 2)]
    organizations = Organization.objects.bulk_create(
        Organization(name=name, normalized_name=normalize_organization_name(name)) for name in names
    )
    interests = Interest.objects.bulk_create(
        _interest(rng, person, organization, category)
        for organization in organizations
        for category in rng.sample(list(CATEGORIES), 2)
    )
    articles = Article.objects.bulk_create(_article(index) for index in range(AUTHOR_ARTICLES))
    authorships = Authorship.objects.bulk_create(
        Authorship(article=article, person=person, position=1 + index % 4, name_as_printed="P. Author")
        for index, article in enumerate(articles)
    )
    declared = [
        [interest for interest in interests if _in_effect(interest, article.published_date)] for article in articles
    ]
    disclosures = Disclosure.objects.bulk_create(
        Disclosure(
            authorship=authorship,
            statement=_statement(ties),
            form=DisclosureForm.ICMJE_2021,
            declares_none=not ties,
        )
        for authorship, ties in zip(authorships, declared, strict=True)
    )
    rows = [
        DeclaredInterest(disclosure=disclosure, interest=interest)
        for disclosure, ties in zip(disclosures, declared, strict=True)
        for interest in ties
    ]
    DeclaredInterest.objects.bulk_create(rows, batch_size=5000)
    return person, len(rows)


def _interest(rng: random.Random, person: Person, organization: Organization, category: str) -> Interest:
    # Begun within the first article's look-back at the earliest and by the last article at the latest,
    # so that some article declares it.
    earliest = _published_on(0) - LOOK_BACK
    start = earliest + timedelta(days=rng.randrange((_published_on(AUTHOR_ARTICLES - 1) - earliest).days))
    ongoing = start.year >= LAST_YEAR - 1 and rng.random() < 0.5
    end = None if ongoing else start + timedelta(days=rng.randrange(90, 540))
    return Interest(
        person=person,
        organization=organization,
        organization_name=organization.name,
        category=category,
        payee=Payee.INSTITUTION if category == InterestCategory.GRANTS else Payee.SELF,
        start_date=start,
        end_date=end,
        ongoing=ongoing,
        specification=CATEGORIES[category],
    )


def _published_on(index: int) -> date:
    """Articles appear at even intervals from FIRST_YEAR to LAST_YEAR."""
    days = (date(LAST_YEAR, 12, 31) - date(FIRST_YEAR, 1, 1)).days
    return date(FIRST_YEAR, 1, 1) + timedelta(days=days * index // AUTHOR_ARTICLES)


def _article(index: int) -> Article:
    published = _published_on(index)
    return Article(
        doi=f"10.5555/author-bench.{index}",
        title=f"Benchmark study {index} of a prolific author",
        journal="Journal of Synthetic Medicine",
        received_date=published - timedelta(days=120),
        accepted_date=published - timedelta(days=60),
        published_date=published,
        status=ArticleStatus.PUBLISHED,
    )


def _in_effect(interest: Interest, on: date) -> bool:
    ended = interest.end_date is not None and interest.end_date < on - LOOK_BACK
    return interest.start_date <= on and not ended


def _statement(ties: list[Interest]) -> str:
    if not ties:
        return "The author declares no competing interests."
    listed = "; ".join(f"{CATEGORIES[tie.category]} from {tie.organization_name}" for tie in ties)
    return f"The author has completed the ICMJE form and declares: {listed}."
