"""SQL conditions the ORM builds too slowly for thousands of ids: `__in` prepares each value on its
own (about 10 µs an id), most of the time of a bulk merge or a whole-registry read in chunks."""

from collections.abc import Collection

from django.db import connections, router
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL


def among(model, column: str, ids: list[int], *, or_column: str = "") -> RawSQL:
    """`column IN (ids)`, or with `or_column` `column IN (ids) OR or_column IN (ids)`, for `filter()`."""
    quote = connections[router.db_for_read(model)].ops.quote_name
    table = quote(model._meta.db_table)
    places = ", ".join(["%s"] * len(ids))
    sql = " OR ".join(f"{table}.{quote(name)} IN ({places})" for name in filter(None, (column, or_column)))
    return RawSQL(f"({sql})", [*ids, *ids] if or_column else list(ids), output_field=BooleanField())


def among_any(model, values_of: dict[str, Collection]) -> RawSQL:
    """`a IN (…) OR b IN (…) …` for each column given with values (a column given none is left out;
    none at all matches nothing), for `filter()`: values of any type, prepared by the driver."""
    quote = connections[router.db_for_read(model)].ops.quote_name
    table = quote(model._meta.db_table)
    parts, params = [], []
    for column, values in values_of.items():
        if values:
            parts.append(f"{table}.{quote(column)} IN ({', '.join(['%s'] * len(values))})")
            params += values
    return RawSQL(f"({' OR '.join(parts) or '1 = 0'})", params, output_field=BooleanField())
