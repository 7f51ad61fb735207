"""Public read-only endpoints: published articles, their authors and the organizations they name.

Every queryset starts from a `published()` or `public()` queryset method (registry/querysets.py), all
built on `Article.objects.published()`, and every list prefetches what its serializer reads, so a page
costs the same number of queries whatever it holds.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from registry.api import filters, serializers, stored_json
from registry.api.article_rows import article_rows
from registry.api.pagination import ArticlePagination, CompiledRows
from registry.api.parameters import check_parameters
from registry.api.search import RegistrySearchBackend
from registry.models import Article, Authorship, DeclaredInterest, Interest, Organization, Person

# The id breaks ties in the default order, so that no article falls between two pages.
ARTICLE_ORDER = ("-published_date", "title", "pk")


PEOPLE_ORDER = ("family_name", "name", "pk")


def people_with_declarations() -> QuerySet[Person]:
    """Public people with their published articles (newest first) and the interests those declare."""
    articles = (
        Authorship.objects.published()
        .select_related("article")
        .order_by("-article__published_date", "article__title", "pk")
    )
    declared = Interest.objects.filter(
        Exists(DeclaredInterest.objects.published().filter(interest=OuterRef("pk")))
    ).select_related("organization")
    return (
        Person.objects.published()
        .order_by(*PEOPLE_ORDER)
        .prefetch_related(
            Prefetch("authorships", queryset=articles, to_attr="published_authorships"),
            Prefetch("interests", queryset=declared, to_attr="declared_interests"),
        )
    )


class PublicReadViewSet(viewsets.ReadOnlyModelViewSet):
    """The base of every public endpoint: anyone may read, nobody writes here. `?search=` finds records
    of `search_kind` as the reader search does; a query parameter the endpoint does not read is a 400."""

    permission_classes = [AllowAny]
    filter_backends = [filters.RegistryFilterBackend, RegistrySearchBackend]
    search_kind: str | None = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_parameters(self, request)


class ArticleViewSet(PublicReadViewSet):
    """Published articles, newest first, each with its authors and their disclosures."""

    serializer_class = serializers.ArticleSerializer
    filterset_class = filters.ArticleFilter
    pagination_class = ArticlePagination
    search_kind = "article"

    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.published().order_by(*ARTICLE_ORDER)

    # Each article as ArticleSerializer describes it: the list reads the JSON kept for each article with
    # the page's ids (registry/api/stored_json.py; the stale ones rebuilt in one more query), the detail
    # from plain rows read in one query (registry/api/article_rows.py).

    def list(self, request, *args, **kwargs) -> Response:
        if any(backend().narrows(request, self) for backend in self.filter_backends):
            rows = self.page_rows(self.filter_queryset(self.get_queryset()))
        else:
            # The whole list, as most requests ask for it: its page's SQL is compiled once a process.
            rows = CompiledRows("articles", Article, lambda: self.page_rows(self.get_queryset()))
        return self.get_paginated_response(stored_json.page(self.paginate_queryset(rows)))

    @staticmethod
    def page_rows(articles: QuerySet[Article]) -> QuerySet:
        return articles.values_list("pk", "stored_json__text", "stored_json__version", "stored_json__shape")

    def retrieve(self, request, *args, **kwargs) -> Response:
        # The article's rows in one query, read only if the queryset holds it: a draft is a 404.
        try:
            article = self.filter_queryset(self.get_queryset()).filter(pk=self.kwargs[self.lookup_field])
        except (TypeError, ValueError, DjangoValidationError) as exc:  # as DRF's get_object: not an id
            raise Http404 from exc
        rows = article_rows(article.values("pk"))
        if not rows:
            raise Http404
        return Response(rows[0])


class PersonViewSet(PublicReadViewSet):
    """People who authored a published article; the detail adds their articles and declared interests."""

    filterset_class = filters.PersonFilter
    search_kind = "person"

    def get_queryset(self) -> QuerySet[Person]:
        return (
            people_with_declarations()
            if self.action == "retrieve"
            else Person.objects.published().order_by(*PEOPLE_ORDER)
        )

    def get_serializer_class(self):
        return serializers.PersonDetailSerializer if self.action == "retrieve" else serializers.PersonListSerializer


class OrganizationViewSet(PublicReadViewSet):
    """Organizations a published disclosure names or that fund a published article."""

    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter
    search_kind = "organization"

    def get_queryset(self) -> QuerySet[Organization]:
        return Organization.objects.public().order_by("name", "pk").prefetch_related("aliases")
