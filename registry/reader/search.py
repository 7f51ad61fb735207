"""One search over the public registry: people by name or ORCID, organizations by name or alias,
articles by title or DOI. Case-insensitive on SQLite and PostgreSQL alike."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import CharField, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower

from registry.enums import OrganizationKind
from registry.models import Article, Organization, OrganizationAlias, Person
from registry.names import normalize_organization_name, normalize_person_name
from registry.validators import normalize_doi, normalize_orcid

MAX_QUERY_LENGTH = 200
SEARCH_PAGE_SIZE = 20
KIND_LABELS = dict(OrganizationKind.choices)

# Columns every part of the search's union yields, in order.
COLUMNS = ("result_rank", "result_kind", "result_id", "result_label", "result_detail", "result_extra", "result_sort")


@dataclass(frozen=True)
class Result:
    kind: str  # person, organization or article
    id: int
    label: str
    detail: str  # ORCID, organization kind or DOI
    extra: str  # the journal of an article

    @property
    def kind_label(self) -> str:
        return {"person": "Person", "organization": "Organization", "article": "Article"}[self.kind]

    @property
    def detail_label(self) -> str:
        return KIND_LABELS.get(self.detail, self.detail) if self.kind == "organization" else self.detail


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search(query: str) -> QuerySet:
    """Rows of COLUMNS for public people, then organizations, then articles matching the query.

    Every word of the query must appear, in any order ("andreassen ole" finds Ole A. Andreassen).
    Names are matched on their normal forms (folded case and accents), which the registry keeps for
    every person, organization and alias; titles with the database's case-insensitive match.
    """
    return (
        _people(query)
        .union(_organizations(query), _articles(query), all=True)
        .order_by("result_rank", "result_sort", "result_id")
    )


def results(rows) -> list[Result]:
    return [Result(kind, pk, label, detail or "", extra or "") for _, kind, pk, label, detail, extra, _ in rows]


def _columns(rank: int, kind: str, **values) -> dict:
    return {
        "result_rank": Value(rank, output_field=IntegerField()),
        "result_kind": Value(kind, output_field=CharField()),
        "result_id": F("pk"),
        **{f"result_{name}": value for name, value in values.items()},
    }


def person_name_matches(query: str) -> Q:
    """People whose published name holds every word of the query (name variants are private)."""
    return contains_words("normalized_name", normalize_person_name(query))


def organization_name_matches(query: str) -> Q:
    """Organizations whose name or one of whose aliases holds every word of the query."""
    key = normalize_organization_name(query)
    alias = OrganizationAlias.objects.filter(contains_words("normalized_name", key), organization=OuterRef("pk"))
    return contains_words("normalized_name", key) | Q(Exists(alias))


def _people(query: str) -> QuerySet:
    condition = person_name_matches(query)
    if orcid := as_identifier(normalize_orcid, query):
        condition |= Q(orcid=orcid)
    return (
        Person.objects.published()
        .filter(condition)
        .annotate(
            **_columns(
                0,
                "person",
                label=F("name"),
                detail=Coalesce("orcid", Value("")),
                extra=Value("", output_field=CharField()),
                sort=F("normalized_name"),
            )
        )
        .values_list(*COLUMNS)
        .order_by()
    )


def _organizations(query: str) -> QuerySet:
    return (
        Organization.objects.public()
        .filter(organization_name_matches(query))
        .annotate(
            **_columns(
                1,
                "organization",
                label=F("name"),
                detail=F("kind"),
                extra=F("country"),
                sort=F("normalized_name"),
            )
        )
        .values_list(*COLUMNS)
        .order_by()
    )


def _articles(query: str) -> QuerySet:
    condition = contains_words("title", query, lookup="icontains") | Q(doi__contains=query.lower())
    if doi := as_identifier(normalize_doi, query):
        condition |= Q(doi=doi)
    return (
        Article.objects.published()
        .filter(condition)
        .annotate(
            **_columns(
                2,
                "article",
                label=F("title"),
                detail=Coalesce("doi", Value("")),
                extra=F("journal"),
                sort=Lower("title"),
            )
        )
        .values_list(*COLUMNS)
        .order_by()
    )


def contains_words(field: str, key: str, *, lookup: str = "contains") -> Q:
    """Values containing every word of the key; nothing when it has no word to look for."""
    words = key.split()
    if not words:
        return Q(pk__in=[])
    return Q(*(Q(**{f"{field}__{lookup}": word}) for word in words))


def as_identifier(normalizer, query: str) -> str | None:
    """The query as an identifier (an ORCID iD or a DOI, also as a link), or None."""
    try:
        return normalizer(query)
    except ValidationError:
        return None
