"""Counts as correlated subqueries, so several can annotate one row without multiplying each other."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def distinct_count(queryset: QuerySet, group: str, counted: str) -> Coalesce:
    """The number of distinct `counted` among the rows of `queryset` whose `group` is the outer row."""
    rows = (
        queryset.filter(**{group: OuterRef("pk")})
        .order_by()
        .values(group)
        .annotate(count=Count(counted, distinct=True))
        .values("count")
    )
    return Coalesce(Subquery(rows[:1], output_field=IntegerField()), 0)
