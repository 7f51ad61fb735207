"""Declared ties as the reader pages show them: one row per interest, grouped by organization or category."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import QuerySet
from django.utils.safestring import SafeString, mark_safe

from registry.enums import InterestCategory, Payee
from registry.names import fold
from registry.reader.paths import page_path

CATEGORY_LABELS = dict(InterestCategory.choices)
CATEGORY_ORDER = {code: index for index, code in enumerate(InterestCategory.values)}
PAYEE_LABELS = dict(Payee.choices)

# What a tie row reads of an interest. Amounts, provenance and its details stay out: the public sees
# what was declared, not what an editor or a register added to the record.
TIE_FIELDS = (
    "id",
    "category",
    "payee",
    "organization_id",
    "organization__name",
    "organization_name",
    "specification",
    "start_date",
    "end_date",
    "ongoing",
)


@dataclass
class Tie:
    """One declared interest: a kind of tie to one organization, with its dates where known."""

    interest_id: int
    category: str
    payee: str
    organization_id: int | None
    organization: str  # the registry's name, else the name as declared, else empty
    name_as_declared: str
    specification: str
    start_date: date | None
    end_date: date | None
    ongoing: bool
    # Filled by the author page: numbers of the person's articles that declare it (see AuthorArticle).
    declared_in: list[int] = field(default_factory=list)
    # Filled by by_organization(): the id of its organization's group on the page.
    anchor: str = ""

    @cached_property
    def sort_name(self) -> str:
        return fold(self.organization)

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.category, self.category)

    @property
    def payee_label(self) -> str:
        return PAYEE_LABELS.get(self.payee, self.payee)

    @property
    def period(self) -> str:
        """The tie's dates in words."""
        start, end = self.start_date, self.end_date
        if start and end:
            return f"{start.isoformat()} to {end.isoformat()}"
        if start:
            return f"since {start.isoformat()}" + (", ongoing" if self.ongoing else "")
        if end:
            return f"until {end.isoformat()}"
        return "ongoing" if self.ongoing else "not stated"

    @property
    def citations(self) -> SafeString:
        """Links to the author page's numbered articles that declare the tie, runs of consecutive
        articles as ranges ("3-17, 40"): a tie held for years is declared in dozens of articles.

        Built here rather than in a template loop, which costs too much on a prolific author's page.
        """
        return mark_safe(", ".join(_cite(first, last) for first, last in runs(self.declared_in)))  # numbers only

    @property
    def renamed(self) -> bool:
        """Whether it was declared under another name than the registry's (BMS for Bristol-Myers Squibb)."""
        return bool(self.organization_id and self.name_as_declared and self.name_as_declared != self.organization)


def runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted numbers as (first, last) runs of consecutive numbers: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    found: list[tuple[int, int]] = []
    for number in numbers:
        if found and number == found[-1][1] + 1:
            found[-1] = (found[-1][0], number)
        else:
            found.append((number, number))
    return found


def _cite(first: int, last: int) -> str:
    link = '<a href="#article-{0}">{0}</a>'
    return link.format(first) if first == last else f"{link.format(first)}\N{EN DASH}{link.format(last)}"


def ties_from(rows: QuerySet, *, prefix: str = "", extra: tuple[str, ...] = ()) -> list[tuple[tuple, Tie]]:
    """Ties read from interests (or from rows reaching an interest through `prefix`, e.g. "interest__"),
    each with the values of the `extra` fields of its row."""
    fields = [*extra, *(prefix + name for name in TIE_FIELDS)]
    skip = len(extra)
    return [(row[:skip], _tie(*row[skip:])) for row in rows.values_list(*fields)]


def _tie(pk, category, payee, org_id, org_name, written, spec, start, end, ongoing) -> Tie:
    return Tie(pk, category, payee, org_id, org_name or written or "", written, spec, start, end, ongoing)


def sort_key(tie: Tie) -> tuple:
    return (CATEGORY_ORDER.get(tie.category, len(CATEGORY_ORDER)), tie.sort_name, tie.interest_id)


@dataclass
class OrganizationTies:
    """Everything one person declared about one organization (or one unnamed counterparty)."""

    organization_id: int | None
    name: str
    anchor: str
    ties: list[Tie]

    @cached_property
    def names_as_declared(self) -> str:
        """The other names it was declared under, for "(declared as BMS, Bristol Myers Squibb)"."""
        return ", ".join(sorted({tie.name_as_declared for tie in self.ties if tie.renamed}))

    @cached_property
    def url(self) -> str:
        return page_path("organization", self.organization_id) if self.organization_id else ""


@dataclass
class CategoryTies:
    category: str
    label: str
    ties: list[Tie]


def by_organization(ties: Iterable[Tie]) -> list[OrganizationTies]:
    """Ties grouped by organization, alphabetically; ties to an unnamed counterparty each on their own."""
    groups: dict[tuple, OrganizationTies] = {}
    for tie in ties:
        if tie.organization_id:
            key: tuple = ("organization", tie.organization_id)
        elif tie.organization:
            key = ("name", tie.sort_name)
        else:
            key = ("unnamed", tie.interest_id)
        group = groups.get(key)
        if group is None:
            anchor = f"organization-{tie.organization_id}" if tie.organization_id else f"tie-{tie.interest_id}"
            group = groups[key] = OrganizationTies(tie.organization_id, tie.organization, anchor, [])
        tie.anchor = group.anchor
        group.ties.append(tie)
    for group in groups.values():
        group.ties.sort(key=sort_key)
    return sorted(groups.values(), key=lambda group: (not group.name, group.ties[0].sort_name))


def by_category(ties: Iterable[Tie]) -> list[CategoryTies]:
    """Ties grouped by ICMJE category, in the form's order."""
    groups: dict[str, list[Tie]] = {}
    for tie in sorted(ties, key=sort_key):
        groups.setdefault(tie.category, []).append(tie)
    return [CategoryTies(category, CATEGORY_LABELS.get(category, category), ties) for category, ties in groups.items()]
