"""Filters of the public lists. Identifiers are matched in any written form (a doi.org or orcid.org link,
upper case); names on the normal forms the registry keeps, every word of the query in any order."""

from collections.abc import Callable

from django.db.models import Exists, OuterRef, Q, QuerySet
from django_filters import rest_framework as filters

from registry.api.parameters import filter_parameters
from registry.models import Article, Organization, Person, Topic
from registry.names import normalize_term
from registry.reader.search import MAX_QUERY_LENGTH, as_identifier, organization_name_matches, person_name_matches
from registry.validators import normalize_doi, normalize_orcid

# Text filters are refused past the search box's length: a query that long names nothing, and a
# very long one becomes a LIKE pattern the database rejects ("LIKE or GLOB pattern too complex").
TEXT = {"max_length": MAX_QUERY_LENGTH}


def _identifier(queryset: QuerySet, field: str, normalizer: Callable[[str], str], value: str) -> QuerySet:
    """Rows whose identifier equals the value in its stored form; none when the value is no such identifier."""
    identifier = as_identifier(normalizer, value.strip())
    return queryset.none() if identifier is None else queryset.filter(**{field: identifier})


class RegistryFilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, skipped when the request names none of the filter's parameters: a filter
    set with nothing to filter leaves the queryset as it is, but building its form (a deep copy of every
    field) and validating it cost a list page more than its count query."""

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or not _names_a_filter(filterset_class, request.query_params):
            return queryset
        return super().filter_queryset(request, queryset, view)

    def narrows(self, request, view) -> bool:
        """Whether the request names a parameter of the view's filter set (else the list is left whole). A
        filter set made from `filterset_fields` is only known with a queryset: such a view always narrows, so
        its lists keep the ORM's way, as filter_queryset decides."""
        if getattr(view, "filterset_fields", None):
            return True
        filterset_class = getattr(view, "filterset_class", None)
        return filterset_class is not None and _names_a_filter(filterset_class, request.query_params)


def _names_a_filter(filterset_class: type[filters.FilterSet], query_params) -> bool:
    return any(
        parameter in query_params
        for name, declared in filterset_class.base_filters.items()
        for parameter in filter_parameters(name, declared)
    )


class ArticleFilter(filters.FilterSet):
    doi = filters.CharFilter(**TEXT, method="filter_doi", label="DOI (a doi.org link is accepted)")
    journal = filters.CharFilter(
        **TEXT, field_name="journal", lookup_expr="iexact", label="Journal (exact name, any case)"
    )
    published = filters.DateFromToRangeFilter(
        field_name="published_date", label="Published on or after (published_after) and on or before (published_before)"
    )
    topic = filters.CharFilter(**TEXT, method="filter_topic", label="Topic or one of its synonyms")

    class Meta:
        model = Article
        fields = ["doi", "journal", "published", "topic"]

    def filter_doi(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _identifier(queryset, "doi", normalize_doi, value)

    def filter_topic(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # EXISTS rather than a join: an article with two matching topics is listed once.
        key = normalize_term(value)
        topic = Topic.objects.filter(Q(normalized_name=key) | Q(synonyms__normalized_name=key), articles=OuterRef("pk"))
        return queryset.filter(Exists(topic))


class PersonFilter(filters.FilterSet):
    orcid = filters.CharFilter(**TEXT, method="filter_orcid", label="ORCID iD (an orcid.org link is accepted)")
    # Only the name as usually published: name variants are private.
    name = filters.CharFilter(**TEXT, method="filter_name", label="Words of the name, in any order")

    class Meta:
        model = Person
        fields = ["orcid", "name"]

    def filter_orcid(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _identifier(queryset, "orcid", normalize_orcid, value)

    def filter_name(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(person_name_matches(value))


class OrganizationFilter(filters.FilterSet):
    name = filters.CharFilter(**TEXT, method="filter_name", label="Words of the name or of an alias, in any order")

    class Meta:
        model = Organization
        fields = ["name"]

    def filter_name(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(organization_name_matches(value))
