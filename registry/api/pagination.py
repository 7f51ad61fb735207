"""Page-number pagination for every API list, with a client-chosen page size up to a ceiling."""

from collections.abc import Callable
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connections, router
from django.db.models import Func, IntegerField, Model, QuerySet, Subquery
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
        bottom = (number - 1) * self.per_page
        if isinstance(self.object_list, CompiledRows):
            rows = self.object_list.rows(bottom, bottom + self.per_page)
        else:
            rows = list(counted(self.object_list)[bottom : bottom + self.per_page])
        if not rows:
            return super().page(number)
        self.count = rows[0][-1]  # Paginator.count is a cached property: this is its value now
        return self._get_page([row[:-1] for row in rows], number, self)


def counted(rows: QuerySet) -> QuerySet:
    """`rows` (a `values_list()` query) with the count of the whole list as each row's last value."""
    count = Subquery(
        rows.order_by().values_list(Func(template="COUNT(*)", output_field=IntegerField())),
        output_field=IntegerField(),
    )
    return rows.annotate(_count=count)


# The SQL of each CompiledRows' list with its count, by list and database: (SQL, params, the compiler and its
# converters when the database driver's values need them, else None).
_compiled: dict[tuple[str, str, str], tuple[str, tuple, object]] = {}


class CompiledRows:
    """A list whose query is always the same, `make()`'s `values_list()`, for CountedWithPagePaginator: its
    page with the count is compiled to SQL once a process and database, and each page runs that SQL with
    its own LIMIT and OFFSET, as the ORM writes them. Building and compiling the query was a third of the
    CPU of a page of /api/articles/. Anything else asked of it (the count of an empty page, its slice)
    goes to the query itself, built then.

    `name` tells the lists apart in the cache; `model` is the query's, which the database router is asked
    about as the query would ask it."""

    ordered = True  # make() gives an ordered query; the paginator would warn otherwise

    def __init__(self, name: str, model: type[Model], make: Callable[[], QuerySet]):
        self.name, self.model, self.make = name, model, make

    @cached_property
    def queryset(self) -> QuerySet:
        return self.make()

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return len(self.queryset)

    def __getitem__(self, index):
        return self.queryset[index]

    def rows(self, bottom: int, top: int) -> list[tuple]:
        """The rows `bottom` to `top` (excluded) of the list, each with the list's count last."""
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        # By vendor too: a test may point an alias at another database.
        key = (self.name, alias, connection.vendor)
        if key not in _compiled:
            compiler = counted(self.queryset).query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            if compiler.has_extra_select:  # columns the rows would have to be cut to: not this list's
                raise ValueError(f"{self.name}: the query selects more than its values")
            converters = compiler.get_converters([expression for expression, _, _ in compiler.select])
            _compiled[key] = (sql, tuple(params), (compiler, converters) if converters else None)
        sql, params, converting = _compiled[key]
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} {connection.ops.limit_offset_sql(bottom, top)}", params)
            rows = cursor.fetchall()
        if converting is not None:
            compiler, converters = converting
            rows = [tuple(row) for row in compiler.apply_converters(rows, converters)]
        return rows


def forget_compiled() -> None:
    """Drop the SQL CompiledRows keeps, as a new process has none (for tests)."""
    _compiled.clear()


class ArticlePagination(RegistryPagination):
    """Articles come 20 to a page unless asked otherwise: a page of 50 articles with their authors and
    every declared tie is some 240 KB of JSON, and the time to write it grows with it. The count comes
    with the page (the list's queryset is a `values_list()`)."""

    page_size = 20
    page_size_query_description = _("Number of articles per page: 20 unless given, at most 200.")
    django_paginator_class = CountedWithPagePaginator
