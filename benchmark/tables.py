"""Fast bulk writes for generated data: explicit ids, COPY on PostgreSQL, executemany on SQLite.

Model.save() and bulk_create() build an object per row; at a million rows that is most of the
time, so generated rows are plain tuples in column order, defaults filled from the model.
"""

from collections.abc import Iterable, Sequence

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone


class Table:
    """Rows of one model (or many-to-many through table) as tuples, written in one go."""

    def __init__(self, model: type[models.Model]):
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.columns = [f.column for f in self.fields]
        self.index = {f.attname: i for i, f in enumerate(self.fields)}
        self.index.update({f.name: i for i, f in enumerate(self.fields)})
        self.defaults = tuple(self._default(f) for f in self.fields)
        self.rows: list[tuple] = []
        self.next_id = 1

    @staticmethod
    def _default(field):
        if field.default is not NOT_PROVIDED:
            return field.get_default()
        if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
            return timezone.now()
        if field.null:
            return None
        if isinstance(field, models.CharField | models.TextField):
            return ""
        return None

    def add(self, **values) -> int:
        """Queue a row; returns its id."""
        row = list(self.defaults)
        row_id = values.pop("id", None) or self.next_id
        self.next_id = max(self.next_id, row_id + 1)
        row[self.index["id"]] = row_id
        for name, value in values.items():
            row[self.index[name]] = value
        self.rows.append(tuple(row))
        return row_id

    def flush(self) -> int:
        written = len(self.rows)
        if written:
            write_rows(self.model._meta.db_table, self.columns, self.rows)
            self.rows = []
        return written


def write_rows(table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({marks})"
            cursor.executemany(sql, list(rows))


def reset_sequences(model_classes: Iterable[type[models.Model]]) -> None:
    """After explicit ids, let the database hand out the next ones (PostgreSQL keeps counters)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_classes))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def analyze() -> None:
    """Refresh the planner's statistics after a bulk load, as a long-running registry has them.

    Without them PostgreSQL plans lookups on freshly copied million-row tables as if they were empty.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def settle(model_classes: Iterable[type[models.Model]]) -> None:
    """On PostgreSQL, vacuum these tables after a bulk load, as autovacuum keeps a long-running registry's:
    an index-only scan (the public lists' counts read their partial indexes alone) needs the table's pages
    marked all-visible, and on freshly copied tables PostgreSQL reads the table instead (the count of the
    public people at the medium scale: 9-18 ms by the table, 2 ms by the index, at load 13). Not inside a
    transaction (a test's), where VACUUM cannot run."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in model_classes)
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM {tables}")
