"""Page-number pagination for every API list, with a client-chosen page size up to a ceiling."""

from django.core.paginator import Paginator
from django.db.models import Func, IntegerField, Subquery
from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination


class RegistryPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    page_size_query_description = _("Number of results per page: 50 unless given, at most 200.")
    # An article carries its authors and their declared interests: a bigger page costs too much.
    max_page_size = 200


class CountedWithPagePaginator(Paginator):
    """Django's paginator over a `values_list()` query, which reads the count in the page's own query
    (a subquery the database computes once) instead of a query before it: one round trip a page, not
    two. A page number that is no whole number, or a page that comes back empty (past the end, or an
    empty list), goes the usual way, count first, so the same pages are refused (404) and the empty
    first page is the same."""

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            return super().page(number)
        if number < 1:
            return super().page(number)
        count = Subquery(
            self.object_list.order_by().values_list(Func(template="COUNT(*)", output_field=IntegerField())),
            output_field=IntegerField(),
        )
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list.annotate(_count=count)[bottom : bottom + self.per_page])
        if not rows:
            return super().page(number)
        self.count = rows[0][-1]  # Paginator.count is a cached property: this is its value now
        return self._get_page([row[:-1] for row in rows], number, self)


class ArticlePagination(RegistryPagination):
    """Articles come 20 to a page unless asked otherwise: a page of 50 articles with their authors and
    every declared tie is some 240 KB of JSON, and the time to write it grows with it. The count comes
    with the page (the list's queryset is a `values_list()`)."""

    page_size = 20
    page_size_query_description = _("Number of articles per page: 20 unless given, at most 200.")
    django_paginator_class = CountedWithPagePaginator
