"""SQL conditions the ORM builds too slowly for thousands of ids: `__in` prepares each value on its
own (about 10 µs an id), most of the time of a bulk merge or a whole-registry read in chunks."""

from collections.abc import Collection

from django.db import connections, router
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL


def among(model, column: str, ids: list[int], *, or_column: str = "") -> RawSQL:
    """`column IN (ids)`, or with `or_column` `column IN (ids) OR or_column IN (ids)`, for `filter()`."""
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    parts, params = [], []
    for name in filter(None, (column, or_column)):
        sql, values = _in(connection, f"{table}.{quote(name)}", ids)
        parts.append(sql)
        params += values
    return RawSQL(f"({' OR '.join(parts)})", params, output_field=BooleanField())


def among_any(model, values_of: dict[str, Collection]) -> RawSQL:
    """`a IN (…) OR b IN (…) …` for each column given with values (a column given none is left out;
    none at all matches nothing), for `filter()`: values of any type, prepared by the driver."""
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    parts, params = [], []
    for column, values in values_of.items():
        if values:
            sql, values = _in(connection, f"{table}.{quote(column)}", values)
            parts.append(sql)
            params += values
    return RawSQL(f"({' OR '.join(parts) or '1 = 0'})", params, output_field=BooleanField())


# Text values travel as one parameter on PostgreSQL, joined by a character no XML text holds.
_SEPARATOR = "\x1f"


def _in(connection, column: str, values: Collection) -> tuple[str, list]:
    """`column IN (values)` and its parameters. On PostgreSQL, psycopg splits a statement at each
    placeholder in Python (a few µs each, a tenth of an import's time with thousands of names a
    batch): integers are written into the statement, and non-empty text goes as one parameter split
    by the server (`= ANY(string_to_array(…))`, the form PostgreSQL gives an IN list itself). Other
    values, text holding the separator, and other databases get a placeholder a value."""
    values = list(values)
    if connection.vendor == "postgresql":
        if all(type(value) is int for value in values):
            return f"{column} IN ({', '.join(map(str, values))})", []
        if all(type(value) is str and value and _SEPARATOR not in value for value in values):
            return f"{column} = ANY(string_to_array(%s, E'\\x1f'))", [_SEPARATOR.join(values)]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", values
