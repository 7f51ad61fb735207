"""`?search=` on the public lists: the reader search's matching (typo-tolerant, published data only),
narrowed to the list's own kind; the list keeps its order, so its pages stay stable."""

from django.db.models import QuerySet
from drf_spectacular.plumbing import build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from rest_framework.filters import BaseFilterBackend

from registry.reader.search import clean_query, matching_ids

SEARCH_PARAMETER = "search"


class RegistrySearchBackend(BaseFilterBackend):
    """Keeps the rows of `view.search_kind` ("person", "organization" or "article") the search finds."""

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        if not self.narrows(request, view):
            return queryset
        query = clean_query(request.query_params[SEARCH_PARAMETER])
        return queryset.filter(pk__in=matching_ids(view.search_kind, query)) if query else queryset

    def narrows(self, request, view) -> bool:
        """Whether the request asks for a search (else the list is left whole)."""
        return getattr(view, "search_kind", None) is not None and SEARCH_PARAMETER in request.query_params

    def get_schema_operation_parameters(self, view) -> list[dict]:
        if getattr(view, "search_kind", None) is None:
            return []
        description = {
            "person": "Words of the name (typos forgiven) or an ORCID iD.",
            "organization": "Words of the name or an alias (typos forgiven).",
            "article": "Words of the title (typos forgiven), a DOI, words of an author's statement, or a topic.",
        }[view.search_kind]
        schema = build_basic_type(OpenApiTypes.STR)
        return [build_parameter_type(SEARCH_PARAMETER, schema, "query", description=description)]
