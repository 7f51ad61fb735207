"""Write blocks of payment records: insert new record ids, update known ones, remove withdrawn ones.

PostgreSQL gets each block by COPY into a temporary table and one INSERT … ON CONFLICT from it
(COPY is the fast way in; an INSERT with bound values costs several times more per row). SQLite
takes the same upsert through executemany(), which its driver runs in C.
"""

from functools import cache

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from django.db import connection

from registry.enums import PaymentRegister
from registry.models import PaymentRecord

STAGE = "payment_import_stage"
DELETE_BATCH = 500


@cache
def _columns() -> tuple[tuple[str, int | None], ...]:
    """(column, max length of a text column) of every field but the id, in table order."""
    return tuple(
        (field.column, getattr(field, "max_length", None))
        for field in PaymentRecord._meta.concrete_fields
        if not field.primary_key
    )


class PaymentWriter:
    def __init__(self, *, source: str):
        self.source = source[:300]
        self.table = connection.ops.quote_name(PaymentRecord._meta.db_table)
        self.staged = False

    def prepare(self, values: pa.Table) -> pa.Table:
        """The block as the table's columns, text cut to the column's length."""
        rows = len(values)
        columns = {}
        for column, max_length in _columns():
            array = pa.array([self.source] * rows, pa.string()) if column == "source_file" else values.column(column)
            if max_length and pa.types.is_string(array.type):
                array = pc.utf8_slice_codeunits(array, 0, max_length)
            columns[column] = array
        return pa.table(columns)

    def write(self, values: pa.Table) -> int:
        if not len(values):
            return 0
        table = self.prepare(values)
        if connection.vendor == "postgresql":
            self._copy(table)
        else:
            self._executemany(table)
        return len(table)

    def _upsert_sql(self, source: str) -> str:
        quote = connection.ops.quote_name
        names = [quote(column) for column, _ in _columns()]
        key = {"register", "kind", "record_id"}
        updates = ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c, _ in _columns() if c not in key)
        return (
            f"INSERT INTO {self.table} ({', '.join(names)}) {source} "
            f"ON CONFLICT ({quote('register')}, {quote('kind')}, {quote('record_id')}) DO UPDATE SET {updates}"
        )

    def _executemany(self, table: pa.Table) -> None:
        lists = []
        for name in table.column_names:
            column = table.column(name)
            if pa.types.is_decimal(column.type) or pa.types.is_date(column.type):
                column = pc.cast(column, pa.string())  # SQLite stores dates as ISO text
            lists.append(column.to_pylist())
        sql = self._upsert_sql(f"VALUES ({', '.join(['%s'] * len(lists))})")
        with connection.cursor() as cursor:
            cursor.executemany(sql, list(zip(*lists, strict=True)))

    def _copy(self, table: pa.Table) -> None:
        quote = connection.ops.quote_name
        names = ", ".join(quote(column) for column, _ in _columns())
        with connection.cursor() as cursor:
            if not self.staged:
                cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} AS SELECT {names} FROM {self.table} WITH NO DATA")
                self.staged = True
            sink = pa.BufferOutputStream()
            pa_csv.write_csv(table, sink, pa_csv.WriteOptions(include_header=False))
            with cursor.cursor.copy(f"COPY {STAGE} ({names}) FROM STDIN WITH (FORMAT csv)") as copy:
                copy.write(sink.getvalue().to_pybytes())
            cursor.execute(self._upsert_sql(f"SELECT {names} FROM {STAGE}"))
            cursor.execute(f"TRUNCATE {STAGE}")

    def delete(self, kind: str, record_ids: list[str]) -> int:
        """Remove the records a register withdrew (Change_Type DELETED); unknown ids are skipped."""
        removed = 0
        for start in range(0, len(record_ids), DELETE_BATCH):
            batch = record_ids[start : start + DELETE_BATCH]
            removed += PaymentRecord.objects.filter(
                register=PaymentRegister.CMS_OPEN_PAYMENTS, kind=kind, record_id__in=batch
            )._raw_delete(connection.alias)
        return removed

    def close(self) -> None:
        if self.staged:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
            self.staged = False
