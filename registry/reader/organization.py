"""The organization page: who declared ties to it in published disclosures, by category and year (a
chart and tables), totals with its subsidiaries rolled up, the articles declaring them, public register
payments per year, and the published articles it funded."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.utils.safestring import SafeString

from registry.enums import PaymentRegister
from registry.models import Article, DeclaredInterest, Organization, PaymentRecord, Person
from registry.models.payments import COUNTED_AS_MATCHED
from registry.names import fold
from registry.reader import markup
from registry.reader.charts import StackedBars, stacked_bars
from registry.reader.counts import distinct_count
from registry.reader.ties import CATEGORY_LABELS, CATEGORY_ORDER

# The page lists this many of the newest articles declaring ties; the totals count them all.
MAX_ARTICLES = 50


@dataclass(frozen=True)
class Declarant:
    person_id: int
    name: str


@dataclass
class CategoryYear:
    year: int
    people: list[Declarant] = field(default_factory=list)
    disclosures: int = 0  # published disclosures declaring a tie of the category that year


@dataclass
class CategoryDeclarations:
    category: str
    label: str
    years: list[CategoryYear]

    @property
    def people_count(self) -> int:
        return len({person for year in self.years for person in year.people})

    @property
    def year_rows(self) -> SafeString:
        return markup.category_year_rows(self.years)


@dataclass
class DeclarantSummary:
    """One person's declared ties to the organization: which kinds, over which years."""

    person: Declarant
    categories: list[str]
    first_year: int
    last_year: int


@dataclass(frozen=True)
class Totals:
    people: int
    ties: int
    articles: int


@dataclass(frozen=True)
class PaymentYear:
    year: int
    register: str
    payments: int
    amount: Decimal


@dataclass
class OrganizationPage:
    organization: Organization
    aliases: list[str]
    by_category: list[CategoryDeclarations]
    declarants: list[DeclarantSummary]
    funded_articles: list[Article]
    subsidiaries: list[Organization] = field(default_factory=list)  # public ones, with their counts
    totals: Totals | None = None  # its own declared ties
    rolled_up: Totals | None = None  # with its subsidiaries'
    declaring_articles: list[Article] = field(default_factory=list)
    chart: StackedBars | None = None
    payments: list[PaymentYear] = field(default_factory=list)

    @property
    def chart_marks(self) -> SafeString:
        return markup.chart_marks(self.chart)

    @property
    def declarant_rows(self) -> SafeString:
        return markup.declarant_rows(self.declarants)

    @property
    def declaring_items(self) -> SafeString:
        return markup.article_list_items(self.declaring_articles)

    @property
    def funded_items(self) -> SafeString:
        return markup.article_list_items(self.funded_articles)

    @property
    def payments_total(self) -> Decimal:
        return sum((row.amount for row in self.payments), Decimal(0))


def organization_page(organization_id: int) -> OrganizationPage:
    """Everything the organization page shows, in eight queries (seven without subsidiaries)."""
    organization = get_object_or_404(
        Organization.objects.public()
        .select_related("parent")
        .with_parent_is_public()
        .annotate(has_subsidiaries=Exists(Organization.objects.filter(parent=OuterRef("pk")))),
        pk=organization_id,
    )  # 1: only an organization named in a published disclosure or funding a published article
    rows = list(_declarations(organization))  # 2
    by_category = _by_category(rows)
    # 5, when it has any: most organizations have none, and this query, with three counts of public ties,
    # costs more to build than the rest of the page's queries to run.
    subsidiaries = list(_subsidiaries(organization)) if organization.has_subsidiaries else []
    family = [organization.pk, *(subsidiary.pk for subsidiary in subsidiaries)]
    own, rolled_up = _totals(organization.pk, family)  # 6
    return OrganizationPage(
        organization=organization,
        aliases=list(organization.aliases.values_list("name", flat=True)),  # 3
        by_category=by_category,
        declarants=_declarants(rows),
        funded_articles=list(  # 4
            Article.objects.published()
            .filter(fundings__organization=organization)
            .distinct()
            .only("doi", "title", "journal", "published_date")
        ),
        subsidiaries=subsidiaries,
        totals=own,
        rolled_up=rolled_up if subsidiaries else None,
        declaring_articles=list(_declaring_articles(family)[:MAX_ARTICLES]),  # 7
        chart=stacked_bars(_people_per_year(by_category), [(group.category, group.label) for group in by_category]),
        payments=_payments(family),  # 8
    )


def _public_ties() -> QuerySet:
    return DeclaredInterest.objects.published().in_force()


def _people_per_year(by_category: list[CategoryDeclarations]) -> dict[int, dict[str, int]]:
    """The chart's numbers: people declaring each category, per year (the tables below give them too)."""
    counts: dict[int, dict[str, int]] = {}
    for group in by_category:
        for entry in group.years:
            if entry.year:
                counts.setdefault(entry.year, {})[group.category] = len(entry.people)
    return counts


def _subsidiaries(organization: Organization) -> QuerySet:
    """Its public subsidiaries, each with the people, ties and articles declared to it."""
    return (
        Organization.objects.public()
        .filter(parent=organization)
        .annotate(
            person_count=distinct_count(_public_ties(), "interest__organization", "interest__person"),
            tie_count=distinct_count(_public_ties(), "interest__organization", "interest"),
            article_count=distinct_count(_public_ties(), "interest__organization", "disclosure__authorship__article"),
        )
        .order_by("normalized_name")
        .only("name")
    )


def _totals(organization_id: int, family: list[int]) -> tuple[Totals, Totals]:
    """People, ties and articles declared to the organization, and to it and its subsidiaries."""
    own = Q(interest__organization_id=organization_id)
    counts = (
        _public_ties()
        .filter(interest__organization_id__in=family)
        .aggregate(
            people=Count("interest__person", distinct=True, filter=own),
            ties=Count("interest", distinct=True, filter=own),
            articles=Count("disclosure__authorship__article", distinct=True, filter=own),
            all_people=Count("interest__person", distinct=True),
            all_ties=Count("interest", distinct=True),
            all_articles=Count("disclosure__authorship__article", distinct=True),
        )
    )
    return (
        Totals(counts["people"], counts["ties"], counts["articles"]),
        Totals(counts["all_people"], counts["all_ties"], counts["all_articles"]),
    )


def _declaring_articles(family: list[int]) -> QuerySet:
    """Published articles an author of which declares a tie to the organization or a subsidiary."""
    # The articles' ids from the organization's ties (an index read), not an EXISTS tried on every
    # published article: the page's slowest query on SQLite.
    declaring = _public_ties().filter(interest__organization_id__in=family).values("disclosure__authorship__article")
    return (
        Article.objects.published()
        .filter(pk__in=declaring)
        .order_by("-published_date", "title")
        .only("doi", "title", "journal", "published_date")
    )


def _payments(family: list[int]) -> list[PaymentYear]:
    """Payments a public register records from the organization (or a subsidiary) to people who author
    published articles, matched to them, per year and register."""
    rows = (
        PaymentRecord.objects.filter(
            payer_id__in=family,
            match_status__in=COUNTED_AS_MATCHED,
            person__in=Person.objects.published(),
        )
        .values("register", year=ExtractYear("payment_date"))
        .annotate(payments=Count("pk"), amount=Sum("amount"))
        .order_by("-year", "register")
    )
    registers = dict(PaymentRegister.choices)
    return [
        PaymentYear(row["year"], registers.get(row["register"], row["register"]), row["payments"], row["amount"])
        for row in rows
    ]


def _declarations(organization: Organization) -> QuerySet:
    """(category, year, person) with the number of the person's published disclosures declaring it."""
    return (
        _public_ties()
        .filter(interest__organization=organization)
        .values(
            "interest__category",
            "disclosure__authorship__person_id",
            "disclosure__authorship__person__name",
            year=ExtractYear("disclosure__authorship__article__published_date"),
        )
        .annotate(disclosures=Count("disclosure_id", distinct=True))
        .order_by()
    )


def _by_category(rows: list[dict]) -> list[CategoryDeclarations]:
    """Declarations by ICMJE category, then year (latest first), with the people declaring."""
    groups: dict[str, dict[int, CategoryYear]] = {}
    for row in rows:
        years = groups.setdefault(row["interest__category"], {})
        entry = years.get(row["year"]) or years.setdefault(row["year"], CategoryYear(row["year"]))
        entry.people.append(_declarant(row))
        entry.disclosures += row["disclosures"]
    result = []
    for category in sorted(groups, key=lambda code: CATEGORY_ORDER.get(code, len(CATEGORY_ORDER))):
        years = sorted(groups[category].values(), key=lambda entry: -entry.year)
        for entry in years:
            entry.people.sort(key=lambda person: fold(person.name))
        result.append(CategoryDeclarations(category, CATEGORY_LABELS.get(category, category), years))
    return result


def _declarants(rows: list[dict]) -> list[DeclarantSummary]:
    people: dict[int, DeclarantSummary] = {}
    for row in rows:
        person = _declarant(row)
        summary = people.get(person.person_id)
        if summary is None:
            summary = people[person.person_id] = DeclarantSummary(person, [], row["year"], row["year"])
        if row["interest__category"] not in summary.categories:
            summary.categories.append(row["interest__category"])
        summary.first_year = min(summary.first_year, row["year"])
        summary.last_year = max(summary.last_year, row["year"])
    for summary in people.values():
        summary.categories.sort(key=lambda code: CATEGORY_ORDER.get(code, len(CATEGORY_ORDER)))
        summary.categories = [CATEGORY_LABELS.get(code, code) for code in summary.categories]
    return sorted(people.values(), key=lambda summary: fold(summary.person.name))


def _declarant(row: dict) -> Declarant:
    return Declarant(row["disclosure__authorship__person_id"], row["disclosure__authorship__person__name"])
