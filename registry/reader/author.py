"""The author page: a person's affiliations, declared ties, timeline, articles and other apps' sections."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.shortcuts import get_object_or_404
from django.utils.safestring import SafeString

from registry.models import Affiliation, Authorship, DeclaredInterest, Interest, Person
from registry.reader import markup
from registry.reader.paths import page_path
from registry.reader.payments import CompanyPayments, register_payments
from registry.reader.sections import PageSection, author_sections
from registry.reader.statements import STATEMENT_FIELDS, Statement
from registry.reader.ties import CategoryTies, OrganizationTies, Tie, by_category, by_organization, ties_from
from registry.reader.timeline import Timeline, build_timeline


@dataclass
class AuthorArticle:
    """One of the person's published articles, numbered as the page lists them (newest first)."""

    number: int
    article_id: int
    doi: str | None
    title: str
    journal: str
    published_date: date
    position: int
    corresponding: bool
    name_as_printed: str
    disclosure: Statement | None
    url: str = ""

    @property
    def statement(self) -> SafeString:
        return markup.statement(self.disclosure)

    @property
    def meta(self) -> str:
        """Where and when it appeared, and as which author, in one line."""
        where = ", ".join(part for part in (self.journal, self.published_date.isoformat()) if part)
        doi = f", doi:{self.doi}" if self.doi else ""
        role = f"author {self.position}" + (", corresponding" if self.corresponding else "")
        return f"{where}{doi}; {role}"


@dataclass
class AuthorPage:
    person: Person
    affiliations: list[Affiliation]
    names_as_printed: list[str]
    articles: list[AuthorArticle]
    ties: list[Tie]
    ties_by_organization: list[OrganizationTies]
    ties_by_category: list[CategoryTies]
    timeline: Timeline | None
    sections: list[PageSection]
    payments: list[CompanyPayments]

    @property
    def undeclared_payers(self) -> list[CompanyPayments]:
        return [company for company in self.payments if not company.declared]

    @property
    def ties_by_organization_html(self) -> SafeString:
        return markup.tie_groups(self.ties_by_organization)

    @property
    def ties_by_category_html(self) -> SafeString:
        return markup.category_rows(self.ties_by_category)

    @property
    def articles_html(self) -> SafeString:
        return markup.article_items(self.articles)


def author_page(person_id: int, *, today: date) -> AuthorPage:
    """Everything the author page shows, in seven queries whatever the number of articles and ties."""
    person = get_object_or_404(
        Person.objects.published().only("name", "given_names", "family_name", "orcid"), pk=person_id
    )  # 1: the person, if they authored a published article
    articles = _published_articles(person)  # 2
    ties = _declared_ties(person, articles)  # 3, 4
    article_years = [a.published_date.year for a in articles]  # published articles have a date
    declared_years = {tie.interest_id: [article_years[n - 1] for n in tie.declared_in] for tie in ties}
    return AuthorPage(
        person=person,
        affiliations=_affiliations(person),  # 5
        names_as_printed=sorted({a.name_as_printed for a in articles} - {"", person.name}),
        articles=articles,
        ties=ties,
        ties_by_organization=by_organization(ties),
        ties_by_category=by_category(ties),
        timeline=build_timeline(ties, article_years, declared_years, today),
        sections=author_sections.sections(person),  # 6: one per section (the audits' summary)
        payments=register_payments(person, ties),  # 7
    )


ARTICLE_FIELDS = (
    "article_id",
    "article__doi",
    "article__title",
    "article__journal",
    "article__published_date",
    "position",
    "corresponding",
    "name_as_printed",
    *(f"disclosure__{name}" for name in STATEMENT_FIELDS),
)


def _published_articles(person: Person) -> list[AuthorArticle]:
    """Read as plain rows: model instances for two hundred articles cost more than the page may."""
    rows = (
        Authorship.objects.published()
        .filter(person=person)
        .order_by("-article__published_date", "article__title", "article_id")
        .values_list(*ARTICLE_FIELDS)
    )
    articles = []
    split = len(ARTICLE_FIELDS) - len(STATEMENT_FIELDS)
    for number, row in enumerate(rows, start=1):
        article = AuthorArticle(number, *row[:split], Statement.from_row(*row[split:]))
        article.url = page_path("article", article.doi or article.article_id)
        articles.append(article)
    return articles


def _declared_ties(person: Person, articles: list[AuthorArticle]) -> list[Tie]:
    """The person's interests declared in published disclosures in force, each with the articles declaring it
    (a withdrawn disclosure declares nothing any more)."""
    declared = DeclaredInterest.objects.published().in_force().filter(disclosure__authorship__person=person).order_by()
    # IN (subquery) rather than EXISTS: the declarations are read once, not once per interest.
    interests = Interest.objects.filter(person=person, pk__in=declared.values("interest_id")).order_by()
    ties = [tie for _, tie in ties_from(interests)]
    number_of = {a.article_id: a.number for a in articles}
    declared_in = defaultdict(list)
    for interest_id, article_id in declared.values_list("interest_id", "disclosure__authorship__article_id"):
        if article_id in number_of:  # unless it was unpublished between the two reads
            declared_in[interest_id].append(number_of[article_id])
    for tie in ties:
        tie.declared_in = sorted(declared_in[tie.interest_id])
    return ties


def _affiliations(person: Person) -> list[Affiliation]:
    return list(
        person.affiliations.select_related("organization").only(
            "person_id", "role", "department", "start_date", "end_date", "organization__name", "organization__ror_id"
        )
    )
