"""Every row of an imported Open Payments file, kept as Parquet beside the database (the folder is
settings.OPEN_PAYMENTS_FOLDER, one file a kind and source file name), so that a program year of
15 million rows stays queryable without writing it into the database row by row.

The Parquet holds the columns the registry reads (ids, names, place, payer, amount, date, nature,
form) with the match the import made; the database holds in full only the rows matched or possibly
matched to someone (or every row, with OPEN_PAYMENTS_STORE_ALL). `totals()` sums the whole files;
`rematch()` matches them again against the registry's people, for people added since, and writes
the rows newly matched (without the register's other columns, which the next import of the file
adds: their fingerprint is empty, so it counts as a change).
"""

import os
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from django.conf import settings

from registry.enums import PaymentMatchStatus, PaymentRegister

SCHEMA = pa.schema(
    [
        ("record_id", pa.string()),
        ("program_year", pa.int16()),
        ("profile_id", pa.string()),
        ("npi", pa.string()),
        ("first_name", pa.string()),
        ("middle_name", pa.string()),
        ("last_name", pa.string()),
        ("city", pa.string()),
        ("state", pa.string()),
        ("country", pa.string()),
        ("specialty", pa.string()),
        ("payer_name", pa.string()),
        ("payer_register_id", pa.string()),
        ("payer_id", pa.int64()),
        ("amount", pa.decimal128(14, 2)),
        ("payment_date", pa.date32()),
        ("nature", pa.string()),
        ("form", pa.string()),
        ("person_id", pa.int64()),
        ("match_status", pa.string()),
    ]
)
ROW_GROUP = 50_000  # rows: about 8 MB gathered before they are written
# Columns of few distinct values, dictionary-encoded; the others (ids, names, amounts) are not:
# building a dictionary of values nearly all distinct took half the Parquet writer's time.
DICTIONARY = (
    "program_year", "middle_name", "city", "state", "country", "specialty", "payer_name", "payer_register_id",
    "payer_id", "nature", "form", "match_status",
)  # fmt: skip
# Columns with min/max statistics, for readers filtering by year, date, amount, person, payer or record:
# those of the names and places cost a fifth of the writer's time and narrow no query the registry makes.
STATISTICS = ("record_id", "program_year", "payer_id", "amount", "payment_date", "person_id", "match_status")


def folder() -> Path:
    return Path(settings.OPEN_PAYMENTS_FOLDER)


def scan_path(kind: str, source: str) -> Path:
    stem = re.sub(r"[^\w.-]+", "_", Path(source).stem)[:150] or "file"
    return folder() / kind / f"{stem}.parquet"


class ScanFile:
    """Written block by block beside its final name and put in place when the file went through,
    so a refused file leaves the previous import's Parquet as it was."""

    def __init__(self, kind: str, source: str):
        self.path = scan_path(kind, source)
        self.partial = self.path.with_name(self.path.name + ".partial")
        self.writer: pq.ParquetWriter | None = None
        self.rows = 0
        self.pending: list[pa.Table] = []  # blocks gathered into one row group
        self.pending_rows = 0

    def add(self, table: pa.Table) -> None:
        if not len(table):
            return
        self.pending.append(table.select(SCHEMA.names).cast(SCHEMA))
        self.pending_rows += len(table)
        self.rows += len(table)
        if self.pending_rows >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        """Write the gathered blocks as one row group: a row group a block would grow the file's
        footer, held in memory while writing, with every block of a 15-million-row file."""
        if not self.pending:
            return
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(
                self.partial,
                SCHEMA,
                compression="zstd",
                use_dictionary=list(DICTIONARY),
                write_statistics=list(STATISTICS),
            )
        self.writer.write_table(pa.concat_tables(self.pending), row_group_size=ROW_GROUP)
        self.pending, self.pending_rows = [], 0

    def finish(self) -> None:
        self._flush()
        if self.writer is None:
            self.path.unlink(missing_ok=True)  # the file has no rows now
            return
        self.writer.close()
        os.replace(self.partial, self.path)

    def abandon(self) -> None:
        self.pending = []
        if self.writer is not None:
            self.writer.close()
            self.partial.unlink(missing_ok=True)


def scanned(kind: str | None = None) -> list[Path]:
    root = folder() / kind if kind else folder()
    return sorted(root.rglob("*.parquet")) if root.exists() else []


def totals(kind: str | None = None) -> dict:
    """Rows and amount of every scanned row, and of those matched at import, by program year."""
    files = scanned(kind)
    if not files:
        return {}
    table = ds.dataset(files, schema=SCHEMA, format="parquet").to_table(
        columns=["program_year", "amount", "match_status"]
    )
    matched = pc.equal(table.column("match_status"), str(PaymentMatchStatus.MATCHED))
    table = table.append_column("matched_amount", pc.if_else(matched, table.column("amount"), None))
    grouped = table.group_by("program_year").aggregate(
        [("amount", "count"), ("amount", "sum"), ("matched_amount", "count"), ("matched_amount", "sum")]
    )
    return {
        row["program_year"]: {
            "rows": row["amount_count"],
            "amount": row["amount_sum"],
            "matched_rows": row["matched_amount_count"],
            "matched_amount": row["matched_amount_sum"],
        }
        for row in grouped.to_pylist()
    }


def rematch(matcher=None, writer_factory=None) -> int:
    """Match every scanned row again; write the rows now matched or possibly matched that the database
    does not hold yet. How many were written."""
    from registry.importers.open_payments.matching import PaymentMatcher
    from registry.importers.open_payments.writer import PaymentWriter

    matcher = matcher or PaymentMatcher()
    written = 0
    for path in scanned():
        kind = path.parent.name
        writer = (writer_factory or PaymentWriter)(source=path.stem + ".csv")
        writer.start(kind)
        for batch in pq.ParquetFile(path).iter_batches(batch_size=100_000):
            table = pa.Table.from_batches([batch])
            values = {
                name: table.column(name).combine_chunks() for name in ("npi", "profile_id", "first_name", "last_name")
            }
            match = matcher.match(values)
            found = pc.is_in(match.status, pa.array([PaymentMatchStatus.MATCHED, PaymentMatchStatus.AMBIGUOUS]))
            if not pc.any(found).as_py():
                continue
            table = table.drop_columns(["person_id", "match_status"])
            for name, column in match.columns().items():
                table = table.append_column(name, column)
            table = table.filter(found)
            existing = writer.existing(table.column("record_id"))
            table = table.filter(pc.invert(pc.is_in(table.column("record_id"), existing.column("record_id"))))
            rows = len(table)
            table = table.append_column("register", pa.array([PaymentRegister.CMS_OPEN_PAYMENTS] * rows, pa.string()))
            table = table.append_column("kind", pa.array([kind] * rows, pa.string()))
            table = table.append_column("raw", pa.array(["{}"] * rows, pa.string()))
            table = table.append_column("fingerprint", pa.array([""] * rows, pa.string()))
            written += writer.write(table, existing)[0]
        writer.close()
    return written
