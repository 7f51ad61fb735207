"""Write blocks of payment records: insert new record ids, update the known ones that changed, leave
the unchanged ones alone, remove withdrawn ones.

New records go in as plain inserts: on PostgreSQL by COPY (binary) straight into the table, on SQLite as
multi-row INSERTs. When the registry holds no record of the file's kind, the file's ids are not
looked up at all; when it holds up to a million, their ids are read once and only the block's ids
among them are looked up (either way, an id the file repeats makes the block's insert fail in its
savepoint, and from then on every block's ids are looked up). Known records are compared by their fingerprint, a digest
of the row as the register published it: an unchanged row writes nothing; a changed one is upserted
(on PostgreSQL by COPY into a temporary table and one INSERT … ON CONFLICT from it). A match an
editor confirmed or rejected keeps its person and status whatever the register's row says.
"""

from functools import cache

import pyarrow as pa
import pyarrow.compute as pc
from django.db import IntegrityError, connection, transaction

from registry.enums import PaymentRegister
from registry.importers.open_payments import copybinary
from registry.models import PaymentRecord
from registry.models.payments import EDITOR_DECIDED

STAGE = "payment_import_stage"
DELETE_BATCH = 500
LOOKUP_BATCH = 5000
# Rows of a SQLite insert held as Python values at a time (their statements bind up to 500 each).
ROWS_IN_PYTHON = 5000
# Up to this many records of a kind, their ids are read once a file (a few MB) and only the block's
# ids among them looked up; past it, every block's ids are.
KNOWN_IDS_IN_MEMORY = 1_000_000
# Columns an editor's decision owns (registry.models.payments.EDITOR_DECIDED).
MATCH_COLUMNS = ("person_id", "match_method", "match_confidence", "match_status", "match_reason")
EXISTING = pa.schema(
    [
        ("record_id", pa.string()),
        ("fingerprint", pa.string()),
        ("person_id", pa.int64()),
        ("match_status", pa.string()),
        ("match_method", pa.string()),
    ]
)


@cache
def _columns() -> tuple[tuple[str, int | None], ...]:
    """(column, max length of a text column) of every field but the id, in table order."""
    return tuple(
        (field.column, getattr(field, "max_length", None))
        for field in PaymentRecord._meta.concrete_fields
        if not field.primary_key
    )


# The Arrow type whose binary COPY form each field's PostgreSQL type reads.
_ARROW_TYPES = {
    "CharField": pa.string(),
    "JSONField": pa.string(),
    "PositiveSmallIntegerField": pa.int16(),
    "BigAutoField": pa.int64(),
    "FloatField": pa.float64(),
    "DateField": pa.date32(),
}


@cache
def _binary_schema() -> pa.Schema:
    """The table's columns (as `_columns`) as the Arrow types of their binary COPY form."""
    fields = []
    for field in PaymentRecord._meta.concrete_fields:
        if field.primary_key:
            continue
        internal = (field.target_field if field.is_relation else field).get_internal_type()
        if internal == "DecimalField":
            fields.append((field.column, pa.decimal128(field.max_digits, field.decimal_places)))
        else:
            fields.append((field.column, _ARROW_TYPES[internal]))
    return pa.schema(fields)


@cache
def _jsonb_columns() -> frozenset[str]:
    fields = PaymentRecord._meta.concrete_fields
    return frozenset(field.column for field in fields if field.get_internal_type() == "JSONField")


def _row_major(table: pa.Table) -> list:
    """The table's values row after row, as Python values in one list: each column is put in its
    places by one slice assignment (a comprehension over the zipped rows cost three times as much)."""
    width, rows = table.num_columns, len(table)
    flat = [None] * (width * rows)
    for index, column in enumerate(table.columns):
        flat[index::width] = column.to_pylist()
    return flat


def _longest(array: pa.Array | pa.ChunkedArray) -> int:
    """The longest value's length in bytes (at least its length in characters)."""
    return pc.max(pc.binary_length(array)).as_py() or 0


class PaymentWriter:
    def __init__(self, *, source: str):
        self.source = source[:300]
        self.table = connection.ops.quote_name(PaymentRecord._meta.db_table)
        self.staged = False
        self.kind = ""
        self.fresh = False
        self.known_ids: pa.Array | None = None

    def start(self, kind: str) -> None:
        """Before a file's first block: whether the registry holds any record of its kind yet, and
        if it holds few enough, their ids, so that only the ids among them are looked up."""
        self.kind = kind
        records = PaymentRecord.objects.filter(register=PaymentRegister.CMS_OPEN_PAYMENTS, kind=kind).order_by()
        held = records[: KNOWN_IDS_IN_MEMORY + 1].count()
        self.fresh = held == 0
        self.known_ids = None
        if 0 < held <= KNOWN_IDS_IN_MEMORY:
            self.known_ids = pa.array(list(records.values_list("record_id", flat=True)), pa.string())

    def existing(self, record_ids: pa.Array) -> pa.Table:
        """The stored records among these ids: record id, fingerprint and match (nothing read while
        the registry held no record of the kind when the file started)."""
        if self.fresh or not len(record_ids):
            return EXISTING.empty_table()
        if self.known_ids is not None:
            record_ids = pc.filter(record_ids, pc.is_in(record_ids, self.known_ids))
            if not len(record_ids):
                return EXISTING.empty_table()
        ids = pc.unique(record_ids).to_pylist()
        rows = []
        records = PaymentRecord.objects.filter(register=PaymentRegister.CMS_OPEN_PAYMENTS, kind=self.kind).order_by()
        for start in range(0, len(ids), LOOKUP_BATCH):
            rows += records.filter(record_id__in=ids[start : start + LOOKUP_BATCH]).values_list(*EXISTING.names)
        return pa.Table.from_pylist([dict(zip(EXISTING.names, row, strict=True)) for row in rows], schema=EXISTING)

    def stored(self, record_ids: pa.Array) -> pa.Array:
        """Whether each of these ids is stored (read as `existing` does)."""
        if self.fresh or not len(record_ids):
            return pa.repeat(False, len(record_ids))
        if self.known_ids is not None:
            return pc.is_in(record_ids, self.known_ids)
        return pc.is_in(record_ids, self.existing(record_ids).column("record_id"))

    def prepare(self, values: pa.Table) -> pa.Table:
        """The block as the table's columns, text cut to the column's length."""
        rows = len(values)
        columns = {}
        for column, max_length in _columns():
            array = pa.repeat(str(self.source), rows) if column == "source_file" else values.column(column)
            if max_length and pa.types.is_string(array.type) and _longest(array) > max_length:
                array = pc.utf8_slice_codeunits(array, 0, max_length)
            columns[column] = array
        return pa.table(columns)

    def write(self, values: pa.Table, existing: pa.Table) -> tuple[int, int, int]:
        """(created, updated, unchanged) for a block whose stored records `existing` holds."""
        if not len(values):
            return 0, 0, 0
        known = pc.is_in(values.column("record_id"), existing.column("record_id"))
        new, old = values.filter(pc.invert(known)), values.filter(known)
        if (self.fresh or self.known_ids is not None) and len(new):
            try:
                with transaction.atomic():
                    self._insert(self.prepare(new))
            except (IntegrityError, connection.Database.IntegrityError):  # an id the file repeats
                self.fresh, self.known_ids = False, None  # look every id up from now on
                return self.write(values, self.existing(values.column("record_id")))
        elif len(new):
            self._insert(self.prepare(new))
        changed = old.filter(self._changed(old, existing)) if len(old) else old
        if len(changed):
            self._upsert(self.prepare(changed))
        return len(new), len(changed), len(old) - len(changed)

    @staticmethod
    def _changed(rows: pa.Table, existing: pa.Table) -> pa.Array:
        """Rows whose register data or automatic match differ from what is stored."""
        stored = {
            row[0]: row[1:] for row in zip(*(existing.column(n).to_pylist() for n in EXISTING.names), strict=True)
        }
        names = EXISTING.names
        incoming = zip(*(rows.column(n).to_pylist() for n in names), strict=True)
        changed = []
        for record_id, fingerprint, person, status, method in incoming:
            was_fingerprint, was_person, was_status, was_method = stored[record_id]
            if was_fingerprint != fingerprint:
                changed.append(True)
            elif was_status in EDITOR_DECIDED:
                changed.append(False)
            else:
                changed.append((was_person, was_status, was_method) != (person, status, method))
        return pa.array(changed, pa.bool_())

    def _insert(self, table: pa.Table) -> None:
        quote = connection.ops.quote_name
        names = ", ".join(quote(column) for column, _ in _columns())
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                self._copy(cursor, table, self.table, names)
            return
        table = self._as_sqlite(table)
        width = table.num_columns
        per_statement = max(1, min(500, 30000 // width))  # within SQLite's limit of bound values
        values = f"({', '.join(['?'] * width)})"
        head = f"INSERT INTO {self.table} ({names}) VALUES "
        full = head + ", ".join([values] * per_statement)
        with connection.cursor():
            driver = connection.connection  # sqlite3's own: its qmark parameters, no Django formatting
            for start in range(0, len(table), ROWS_IN_PYTHON):
                flat = _row_major(table.slice(start, ROWS_IN_PYTHON))
                for first in range(0, len(flat), per_statement * width):
                    bound = flat[first : first + per_statement * width]
                    rows = len(bound) // width
                    driver.execute(full if rows == per_statement else head + ", ".join([values] * rows), bound)

    @staticmethod
    def _as_sqlite(table: pa.Table) -> pa.Table:
        """Decimals and dates as the ISO text SQLite stores."""
        for index, field in enumerate(table.schema):
            if pa.types.is_decimal(field.type) or pa.types.is_date(field.type):
                table = table.set_column(index, field.name, pc.cast(table.column(index), pa.string()))
        return table

    def _upsert_sql(self, source: str) -> str:
        quote = connection.ops.quote_name
        names = [quote(column) for column, _ in _columns()]
        key = {"register", "kind", "record_id"}
        decided = ", ".join(f"'{status}'" for status in EDITOR_DECIDED)
        updates = []
        for column, _ in _columns():
            if column in key:
                continue
            if column in MATCH_COLUMNS:
                updates.append(
                    f"{quote(column)} = CASE WHEN {self.table}.{quote('match_status')} IN ({decided}) "
                    f"THEN {self.table}.{quote(column)} ELSE EXCLUDED.{quote(column)} END"
                )
            else:
                updates.append(f"{quote(column)} = EXCLUDED.{quote(column)}")
        return (
            f"INSERT INTO {self.table} ({', '.join(names)}) {source} "
            f"ON CONFLICT ({quote('register')}, {quote('kind')}, {quote('record_id')}) "
            f"DO UPDATE SET {', '.join(updates)}"
        )

    def _upsert(self, table: pa.Table) -> None:
        quote = connection.ops.quote_name
        names = ", ".join(quote(column) for column, _ in _columns())
        with connection.cursor() as cursor:
            if connection.vendor != "postgresql":
                sql = self._upsert_sql(f"VALUES ({', '.join(['%s'] * table.num_columns)})")
                lists = [column.to_pylist() for column in self._as_sqlite(table).columns]
                cursor.executemany(sql, list(zip(*lists, strict=True)))
                return
            if not self.staged:
                cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} AS SELECT {names} FROM {self.table} WITH NO DATA")
                self.staged = True
            self._copy(cursor, table, STAGE, names)
            cursor.execute(self._upsert_sql(f"SELECT {names} FROM {STAGE}"))
            cursor.execute(f"TRUNCATE {STAGE}")

    @staticmethod
    def _copy(cursor, table: pa.Table, into: str, names: str) -> None:
        """The rows by COPY in its binary form, each column as its database type."""
        table = table.cast(_binary_schema())
        with cursor.cursor.copy(f"COPY {into} ({names}) FROM STDIN WITH (FORMAT binary)") as copy:
            copy.write(copybinary.HEADER)
            copy.write(copybinary.copy_rows(table, jsonb=_jsonb_columns()))
            copy.write(copybinary.TRAILER)

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
