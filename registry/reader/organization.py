"""The organization page: who declared ties to it in published disclosures, by category and year,
and the published articles it funded."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404

from registry.models import Article, DeclaredInterest, Organization
from registry.names import fold
from registry.reader.ties import CATEGORY_LABELS, CATEGORY_ORDER


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


@dataclass
class DeclarantSummary:
    """One person's declared ties to the organization: which kinds, over which years."""

    person: Declarant
    categories: list[str]
    first_year: int
    last_year: int


@dataclass
class OrganizationPage:
    organization: Organization
    aliases: list[str]
    by_category: list[CategoryDeclarations]
    declarants: list[DeclarantSummary]
    funded_articles: list[Article]


def organization_page(organization_id: int) -> OrganizationPage:
    """Everything the organization page shows, in four queries."""
    organization = get_object_or_404(
        Organization.objects.public().select_related("parent").with_parent_is_public(),
        pk=organization_id,
    )  # 1: only an organization named in a published disclosure or funding a published article
    rows = list(_declarations(organization))  # 2
    return OrganizationPage(
        organization=organization,
        aliases=list(organization.aliases.values_list("name", flat=True)),  # 3
        by_category=_by_category(rows),
        declarants=_declarants(rows),
        funded_articles=list(  # 4
            Article.objects.published()
            .filter(fundings__organization=organization)
            .distinct()
            .only("doi", "title", "journal", "published_date")
        ),
    )


def _declarations(organization: Organization) -> QuerySet:
    """(category, year, person) with the number of the person's published disclosures declaring it."""
    return (
        DeclaredInterest.objects.published()
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
