"""Import CMS Open Payments CSV files (general, research and ownership payments, any program year).

The kind of file is read from its header; columns are found whatever their case, under the names
of every program year (Physician_* before 2021, Covered_Recipient_* since) and truncated to 63
characters as database exports leave them. The file is read in blocks of whole rows (cut at a line
break outside quoted values) by pyarrow's CSV reader, converting only the columns the checks, the
match and the payers' areas use; each block is checked and matched with vectorized operations, so
memory stays flat however long the file, and a row costs a few microseconds. The rows to store
are gathered over blocks and read again whole from their own bytes, for their other columns.

A file is one transaction: a row without a record id, or with an amount or date that cannot be
read, refuses the whole file as FILE:line N: reason (N counts records, the header being line 1).
Re-importing updates the records with the same (register, kind, record id). A row whose
Change_Type is DELETED removes that record: the register withdrew it, so no audit should rely on it.

Payers resolve to registry organizations through names and aliases and are never created (a
register names thousands of companies the registry has no use for). Ownership rows have no date
of payment: the last day of their program year stands for it (the interest was held that year, and
the register reports it at the year's end); without a program year, the year before publication.
"""

import csv
import datetime
import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
from django.conf import settings
from tqdm import tqdm

from registry.enums import ImportKind, PaymentKind, PaymentMatchStatus, PaymentRegister
from registry.importers.errors import ImportFailure
from registry.importers.hashing import HashingReader
from registry.importers.open_payments.columns import COLUMNS, detect_kind, map_columns, map_investigators
from registry.importers.open_payments.matching import PaymentMatcher
from registry.importers.open_payments.payers import PayerResolver
from registry.importers.open_payments.scanfile import ScanFile
from registry.importers.open_payments.textbytes import text_buffers
from registry.importers.open_payments.topics import AREA_COLUMN, PayerAreas
from registry.importers.open_payments.writer import PaymentWriter
from registry.importers.runner import ImportSummary, expand, new_record, recorded

# About 7,000 rows of a general-payments file a block: larger blocks cost more memory than they save time.
BLOCK_BYTES = 4 << 20
KIND_NATURE = {PaymentKind.RESEARCH: "Research payment", PaymentKind.OWNERSHIP: "Ownership or investment interest"}
DATE_FORMATS = ("%m/%d/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")
AMOUNT_TYPE = pa.decimal128(18, 4)  # as read; stored rounded to cents
STORED_AMOUNT_TYPE = pa.decimal128(14, 2)
FIRST_PROGRAM_YEAR = 2013  # the register's first year


@dataclass
class PaymentCounts:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    scan_only: int = 0
    deleted: int = 0
    matched: int = 0
    ambiguous: int = 0

    LABELS = ("created", "updated", "unchanged", "deleted", "matched", "ambiguous", "scan only")

    def as_record(self) -> dict[str, int]:
        """What the import record and the summary count."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "matched": self.matched,
            "ambiguous": self.ambiguous,
            "scan only": self.scan_only,
        }


def import_payment_stream(
    stream,
    *,
    file: str,
    matcher: PaymentMatcher | None = None,
    payers: PayerResolver | None = None,
    store_all: bool | None = None,
) -> PaymentCounts:
    """Read, check, match and write one file's rows, block by block (inside the caller's transaction).

    Every row goes to the file's Parquet (registry.importers.open_payments.scanfile); the database
    gets the rows matched or possibly matched to someone, and those it already holds, or every row
    with `store_all` (default: settings.OPEN_PAYMENTS_STORE_ALL).

    `matcher` and `payers` may be shared by the files of one import: the matcher creates no people,
    so what it read of the registry stays true; the payers start afresh with each file."""
    store_all = settings.OPEN_PAYMENTS_STORE_ALL if store_all is None else store_all
    counts = PaymentCounts()
    source = Path(file).name
    writer = PaymentWriter(source=source)
    matcher, payers = matcher or PaymentMatcher(), payers or PayerResolver()
    payers.start_file()
    areas = PayerAreas()
    first_line = 2
    scan = None
    try:
        header = _header(stream)
        kind, columns = _layout(header)
        investigators = map_investigators(header) if kind == PaymentKind.RESEARCH else []
        writer.start(kind)
        scan = ScanFile(kind, source)
        mapped = set(columns.values())
        pending = PendingRows(writer, header, mapped, counts)
        # Scanning reads only the columns the checks, the match and the payers' areas use; the few
        # rows stored are read again whole, from their own bytes, for their other columns.
        needed = None if store_all else _needed_columns(header, mapped, investigators)
        for block in _blocks(stream, header, needed):
            batch = block.batch
            if not batch.num_rows:
                first_line += block.lines()
                continue
            rows = PaymentRows(
                batch,
                kind=kind,
                columns=columns,
                first_line=first_line,
                file=source,
                investigators=investigators,
                block=block,
            )
            deleted = rows.deleted_ids()
            if deleted:
                pending.flush()  # what came before the withdrawal is written before it
                counts.deleted += writer.delete(kind, deleted)
            table = rows.table(matcher, payers)
            scan.add(table)
            if not store_all:
                kept = len(table)
                table = table.filter(pc.or_(_possibly_someone(table), writer.stored(table.column("record_id"))))
                counts.scan_only += kept - len(table)
            pending.add(table, block)
            areas.collect(batch, rows.payer_ids, rows.kept)
            counts.rows += batch.num_rows
            counts.matched += rows.matched
            counts.ambiguous += rows.ambiguous
            first_line += rows.lines()
        pending.flush()
        writer.close()  # on failure the transaction's rollback removes what it staged
        areas.record()
        scan.finish()
    except ImportFailure as failure:
        if scan is not None:
            scan.abandon()
        raise failure.in_file(file) from None
    except BaseException:
        if scan is not None:
            scan.abandon()
        raise
    return counts


# Rows gathered before they are written: the writes, their JSON and their fingerprints cost about
# as much for a few hundred rows as for thousands.
PENDING_ROWS = 20_000


class PendingRows:
    """Rows to store, gathered over blocks and written together. A record id already gathered
    writes what came before it first, so a later row of the same record updates the earlier one,
    as it would across blocks."""

    def __init__(self, writer: PaymentWriter, header: list[str], mapped: set[str], counts: PaymentCounts):
        self.writer, self.header, self.mapped, self.counts = writer, header, mapped, counts
        self.tables: list[pa.Table] = []
        self.raw: list[pa.Array | bytes] = []  # each table's JSON, or its rows' CSV text to read again
        self.ids: list[pa.Array] = []
        self.rows = 0

    def add(self, table: pa.Table, block: "Block") -> None:
        if not len(table):
            return
        ids = table.column("record_id").combine_chunks()
        if self.ids and pc.any(pc.is_in(ids, pa.concat_arrays(self.ids))).as_py():
            self.flush()
        rows = table.column("row").to_numpy()
        if block.every_column or block.row_ends is None:
            batch = block.every_column_batch()
            whole = len(rows) == batch.num_rows and bool((rows == np.arange(len(rows))).all())
            self.raw.append(raw_json(batch if whole else batch.take(rows), self.mapped))
        else:
            self.raw.append(block.rows_text(rows))
        self.tables.append(table.drop_columns(["row"]))
        self.ids.append(ids)
        self.rows += len(table)
        if self.rows >= PENDING_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.tables:
            return
        texts = [
            (part, len(table)) for part, table in zip(self.raw, self.tables, strict=True) if isinstance(part, bytes)
        ]
        from_text = iter(())
        if texts:
            whole = raw_json(_read_block(b"".join(text for text, _ in texts), self.header, None), self.mapped)
            if len(whole) != sum(rows for _, rows in texts):
                raise RuntimeError("the stored rows' text did not read back as as many rows")
            from_text = iter(_split(whole, [rows for _, rows in texts]))
        raw = [next(from_text) if isinstance(part, bytes) else part for part in self.raw]
        table = pa.concat_tables(self.tables).append_column("raw", pa.chunked_array(raw, pa.string()))
        self.tables, self.raw, self.ids, self.rows = [], [], [], 0
        table = table.append_column("fingerprint", fingerprints(table))
        created, updated, unchanged = self.writer.write(table, self.writer.existing(table.column("record_id")))
        self.counts.created += created
        self.counts.updated += updated
        self.counts.unchanged += unchanged


def _split(array: pa.Array, lengths: list[int]) -> list[pa.Array]:
    parts, start = [], 0
    for length in lengths:
        parts.append(array.slice(start, length))
        start += length
    return parts


def _needed_columns(header: list[str], mapped: set[str], investigators: list[dict[str, str]]) -> list[str]:
    """The file's columns the scan reads: the mapped ones, the principal investigators' and the
    payers' product categories or therapeutic areas (registry.importers.open_payments.topics)."""
    wanted = mapped | {name for columns in investigators for name in columns.values()}
    wanted |= {name for name in header if name.strip().lower().startswith(AREA_COLUMN)}
    return [name for name in dict.fromkeys(header) if name in wanted]


_SOMEONE = pa.array([str(PaymentMatchStatus.MATCHED), str(PaymentMatchStatus.AMBIGUOUS)], pa.string())


def _possibly_someone(table: pa.Table) -> pa.Array:
    return pc.is_in(table.column("match_status"), _SOMEONE)


# The register's data of a record (its match, its file and its fingerprint excepted).
FINGERPRINTED = (
    "record_id", "program_year", "profile_id", "npi", "first_name", "middle_name", "last_name", "city", "state",
    "country", "specialty", "payer_name", "payer_register_id", "payer_id", "amount", "payment_date", "nature",
    "form", "raw",
)  # fmt: skip


def fingerprints(table: pa.Table) -> pa.Array:
    """A 64-bit digest of each row's register data, as hex: DuckDB's hash of the columns, computed
    on the Arrow columns where they are (Python's hashlib row by row costs 15 times as much)."""
    if not len(table):
        return pa.array([], pa.string())
    columns = ", ".join(f'"{name}"' for name in FINGERPRINTED)
    cursor = _duckdb().cursor()  # a connection of its own: callers may be on several threads
    try:
        cursor.register("block", table.select(list(FINGERPRINTED)))
        digests = cursor.sql(f"SELECT lpad(to_hex(hash({columns})), 16, '0') FROM block").to_arrow_table()
    finally:
        cursor.close()
    return digests.column(0).combine_chunks()


@cache
def _duckdb():
    import duckdb

    database = duckdb.connect()
    database.execute("SET threads = 1")  # the import's blocks are small: one thread, no start-up cost
    return database


def _header(stream) -> list[str]:
    """The column names, read from the first line (the reader is given them and the rest)."""
    line = stream.readline()
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailure("the header is not UTF-8 text", location="line 1") from None
    names = next(csv.reader([text]), [])
    if not names:
        raise ImportFailure("no header: the file is empty", location="line 1")
    return [name.strip() for name in names]


class Block:
    """Whole rows of the file: their bytes, and the columns read of them (`columns`, or every one)."""

    def __init__(self, data: bytes, newlines: np.ndarray, header: list[str], columns: list[str] | None):
        self.data, self.newlines, self.header = data, newlines, header
        self.ascii = data.isascii()
        self.every_column = columns is None
        self.batch = _read_block(data, header, columns, ascii=self.ascii)

    def lines(self) -> int:
        """The lines the block takes in the file."""
        return len(self.newlines)

    @cached_property
    def row_ends(self) -> np.ndarray | None:
        """Where each row ends in the bytes (after its line break); None when the rows cannot be told
        apart in them (blank lines, which the reader skips)."""
        ends = self.newlines + 1
        if len(ends) != self.batch.num_rows:
            ends = _unquoted(self.data, self.newlines) + 1  # line breaks inside quoted values end no row
        if not self.data.endswith(b"\n"):
            ends = np.append(ends, len(self.data))  # the file's last line, without a line break
        return ends if len(ends) == self.batch.num_rows else None

    def lines_before(self, index: int) -> int:
        """The lines of the block before row `index`."""
        start = int(self.row_ends[index - 1]) if index else 0
        return int(np.searchsorted(self.newlines, start))

    def rows_text(self, rows: np.ndarray) -> bytes:
        """These rows' CSV text, each ending in a line break."""
        ends = self.row_ends
        data = self.data
        text = b"".join([data[int(ends[row - 1]) if row else 0 : int(ends[row])] for row in rows])
        return text if text.endswith(b"\n") else text + b"\n"

    def every_column_batch(self) -> pa.RecordBatch:
        if not self.every_column:
            self.batch, self.every_column = _read_block(self.data, self.header, None, ascii=self.ascii), True
        return self.batch


def _blocks(stream, header: list[str], columns: list[str] | None) -> Iterator[Block]:
    """The rows in blocks of about BLOCK_BYTES, cut at a line break outside quoted values, with
    `columns` of them read as text (every column when None; no type guessing: ids and zip codes
    keep their zeros)."""
    rest = b""
    while True:
        chunk = stream.read(BLOCK_BYTES)
        data = rest + chunk if rest else chunk
        if not data:
            return
        newlines = np.flatnonzero(np.frombuffer(data, np.uint8) == ord("\n"))
        if not chunk:  # the end of the file
            yield Block(data, newlines, header, columns)
            return
        cut = _row_end(data, newlines)
        if not cut:  # a row longer than a block
            rest = data
            continue
        rest = data[cut:]
        yield Block(data[:cut], newlines[: np.searchsorted(newlines, cut)], header, columns)


def _row_end(data: bytes, newlines: np.ndarray) -> int:
    """Just after the last line break that ends a row, one after an even number of quotes (0 if none).
    A quote inside an unquoted value, which the CSV reader takes as it is, makes every later line
    break look quoted: past four blocks, the last line break is taken instead, so memory stays bounded."""
    if not len(newlines):
        return 0
    quotes = np.frombuffer(data, np.uint8) == ord('"')
    last = int(newlines[-1])
    if not np.count_nonzero(quotes[:last]) % 2:
        return last + 1
    even = _unquoted(data, newlines)
    if len(even):
        return int(even[-1]) + 1
    return last + 1 if len(data) > 4 * BLOCK_BYTES else 0


def _unquoted(data: bytes, newlines: np.ndarray) -> np.ndarray:
    """The line breaks outside quoted values: those after an even number of quotes."""
    quotes = np.flatnonzero(np.frombuffer(data, np.uint8) == ord('"'))
    return newlines[np.searchsorted(quotes, newlines) % 2 == 0]


def _read_block(
    data: bytes, header: list[str], columns: list[str] | None, *, ascii: bool | None = None
) -> pa.RecordBatch:
    """The rows of `data`, `columns` of them (every one when None); `ascii` when the bytes are known
    to be all ASCII (then valid UTF-8, which the reader need not check again value by value)."""
    if ascii is None:
        ascii = data.isascii()
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(data),
            # One thread: the import's target is one core.
            read_options=pa_csv.ReadOptions(block_size=len(data) + 1, column_names=header, use_threads=False),
            # The bytes are read as one piece (block_size beyond them), whose parser takes a quoted
            # line break as part of its value whatever this says: newlines_in_values=True would only
            # have the reader look for where its pieces end quote by quote first, a tenth of the reading.
            parse_options=pa_csv.ParseOptions(newlines_in_values=False),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()),
                include_columns=columns,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                # Bytes all ASCII are valid UTF-8: checking each value again took a tenth of the reading.
                check_utf8=not ascii,
            ),
        )
    except pa.ArrowInvalid as exc:
        if "Empty CSV file" in str(exc):
            table = pa.schema([(name, pa.string()) for name in columns or header]).empty_table()
        else:
            raise ImportFailure(f"not a readable CSV file: {_parse_error(str(exc))}") from None
    batches = table.combine_chunks().to_batches()
    return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=table.schema)


def _parse_error(message: str) -> str:
    """Arrow's reason for refusing the CSV, without the text of the row it quotes after it (names
    and addresses): "CSV parse error: Expected 75 columns, got 3: <the row>"."""
    columns = re.search(r"Expected (\d+) columns, got (\d+)", message)
    if columns:
        return f"a row has {columns[2]} columns where the header has {columns[1]}"
    return ": ".join(message.split(": ")[:2])


def _layout(names: list[str]) -> tuple[str, dict[str, str]]:
    kind = detect_kind(names)
    if kind is None:
        raise ImportFailure(
            "not an Open Payments file: the header names none of Nature_of_Payment_or_Transfer_of_Value "
            "(general), Name_of_Study (research) or Value_of_Interest (ownership)",
            location="line 1",
        )
    columns = map_columns(names, kind)
    if "record_id" not in columns:
        raise ImportFailure("the header has no Record_ID column", location="line 1")
    return kind, columns


class PaymentRows:
    """One block of rows: checked, brought to the model's columns, matched (all vectorized)."""

    def __init__(
        self,
        batch: pa.RecordBatch,
        *,
        kind: str,
        columns: dict[str, str],
        first_line: int,
        file: str = "",
        investigators: list[dict[str, str]] = (),
        block: Block | None = None,
    ):
        self.batch = batch
        self.block = block
        self.investigators = investigators
        self.file = file
        self.kind = kind
        self.columns = columns
        self.first_line = first_line
        self.matched = self.ambiguous = 0
        self.payer_ids: pa.Array | None = None  # the payers' organizations, once `table()` resolved them
        change = self.text("change_type")
        self.deleted = pc.equal(pc.utf8_upper(pc.utf8_trim_whitespace(change)), "DELETED")
        self.deleted_any = pc.any(self.deleted).as_py()
        self.kept = pc.invert(self.deleted)
        self.record_id = self.text("record_id")

    def text(self, name: str) -> pa.Array:
        """A column as trimmed text; empty when the file does not have it."""
        column = self.columns.get(name)
        if column is None:
            return pa.repeat("", self.batch.num_rows)
        return pc.utf8_trim_whitespace(self.batch.column(column))

    def fail(self, mask: pa.Array, column: str, reason: str) -> None:
        """Refuse the file at the first row where `mask` holds, naming its line and `column` (the
        model's name for it). `reason` may quote that cell as {value}; no other cell is ever quoted,
        so names and addresses never reach an error (the import record keeps errors for all to see)."""
        if pc.any(mask).as_py():
            index = pc.index(mask, True).as_py()
            header = self.columns.get(column, column)
            value = self.batch.column(header)[index].as_py() if column in self.columns else None
            raise ImportFailure(reason.format(value=value), location=f"line {self._line(index)}, column {header}")

    def _line(self, index: int) -> int:
        """The line in the file where row `index` of this block starts."""
        if self.block is not None and self.block.row_ends is not None:
            return self.first_line + self.block.lines_before(index)
        batch = self.block.every_column_batch() if self.block is not None else self.batch
        if not _newlines(batch):
            return self.first_line + index
        counts = [pc.count_substring(column, "\n") for column in batch.columns]
        total = pa.array([0] * batch.num_rows, pa.int32())
        for count in counts:
            total = pc.add(total, pc.cast(count, pa.int32()))
        return self.first_line + index + (pc.sum(total[:index]).as_py() or 0)

    def lines(self) -> int:
        """The lines this block takes in the file."""
        if self.block is not None:
            return self.block.lines()
        return self.batch.num_rows + _newlines(self.batch)

    def deleted_ids(self) -> list[str]:
        ids = pc.filter(self.record_id, self.deleted)
        self.fail(pc.and_(self.deleted, pc.equal(self.record_id, "")), "record_id", "a DELETED row without a Record_ID")
        return ids.to_pylist()

    def table(self, matcher: "PaymentMatcher", payers: "PayerResolver") -> pa.Table:
        record_id = self.record_id
        self.fail(pc.and_(self.kept, pc.equal(record_id, "")), "record_id", "the row has no Record_ID")
        values = {
            "register": pa.repeat(str(PaymentRegister.CMS_OPEN_PAYMENTS), self.batch.num_rows),
            "kind": pa.repeat(str(self.kind), self.batch.num_rows),
            "record_id": record_id,
            "program_year": self.program_year(),
            **{name: self.text(name) for name in COLUMNS.TEXT},
            "amount": self.amount(),
            "nature": self.nature(),
            "form": self.text("terms_of_interest" if self.kind == PaymentKind.OWNERSHIP else "form"),
            "row": pa.array(np.arange(self.batch.num_rows, dtype=np.int32)),  # for the raw columns of the rows written
        }
        values["payment_date"] = self.payment_date(values["program_year"])
        values["payer_id"] = self.payer_ids = payers.resolve(
            values["payer_name"], values["payer_register_id"], file=self.file
        )
        match = matcher.match(values, [self.investigator(columns) for columns in self.investigators])
        self.matched, self.ambiguous = match.counts()
        values.update(match.columns())
        table = pa.table(values)
        if self.deleted_any:
            table = table.filter(self.kept)
        return _dedupe(table)

    def investigator(self, columns: dict[str, str]) -> dict[str, pa.Array]:
        empty = pa.repeat("", self.batch.num_rows)
        return {
            field: pc.utf8_trim_whitespace(self.batch.column(columns[field])) if field in columns else empty
            for field in ("npi", "profile_id", "first_name", "last_name")
        }

    def program_year(self) -> pa.Array:
        text = self.text("program_year")
        if _all_four_digits(text):  # as in every row of a register file: no pattern to match
            years = pc.cast(text, pa.int16())
        else:
            is_year = pc.match_substring_regex(text, r"^[0-9]{4}$")
            self.fail(pc.and_(pc.invert(is_year), pc.not_equal(text, "")), "program_year", "{value!r} is not a year")
            years = pc.cast(pc.if_else(is_year, text, None), pa.int16())
        last = datetime.date.today().year + 1
        unknown = pc.fill_null(pc.or_(pc.less(years, FIRST_PROGRAM_YEAR), pc.greater(years, last)), False)
        self.fail(
            pc.and_(self.kept, unknown),
            "program_year",
            f"{{value!r}} is not a program year of Open Payments ({FIRST_PROGRAM_YEAR} to {last})",
        )
        return years

    def amount(self) -> pa.Array:
        name = "value_of_interest" if self.kind == PaymentKind.OWNERSHIP else "amount"
        text = pc.replace_substring(self.text(name), ",", "")
        self.fail(pc.and_(self.kept, pc.equal(text, "")), name, "the row has no amount")
        safe = pc.if_else(self.kept, text, "0") if self.deleted_any else text
        try:
            # Amounts in cents, as nearly all are, are read as they are stored; any other (more
            # decimals, too long, not a number) as before: read to 4 decimals, rounded, checked.
            amounts = pc.cast(safe, STORED_AMOUNT_TYPE)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            amounts = None
        if amounts is None:
            try:
                amounts = pc.cast(safe, AMOUNT_TYPE)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                self._refuse_amount(safe, name)
                raise
        self.fail(pc.less(amounts, pa.scalar(0, amounts.type)), name, "the amount {value} is negative")
        if amounts.type == STORED_AMOUNT_TYPE:
            return amounts
        return pc.cast(pc.round(amounts, 2), STORED_AMOUNT_TYPE)

    def _refuse_amount(self, text: pa.Array, name: str) -> None:
        bad = [_not_a_number(value) for value in text.to_pylist()]
        self.fail(pa.array(bad), name, "the amount {value!r} is not a number")

    def payment_date(self, years: pa.Array) -> pa.Array:
        if self.kind == PaymentKind.OWNERSHIP:
            return self._ownership_date(years)
        text = self.text("date")
        self.fail(pc.and_(self.kept, pc.equal(text, "")), "date", "the row has no Date_of_Payment")
        return self._dates(pc.if_else(self.kept, text, "01/01/2000"), "date")

    def _ownership_date(self, years: pa.Array) -> pa.Array:
        published = self._dates(self.text("publication_date"))
        before = pc.subtract(pc.year(published), 1)
        year = pc.coalesce(pc.cast(years, pa.int64()), before)
        self.fail(pc.and_(self.kept, pc.is_null(year)), "program_year", "an ownership row needs a Program_Year")
        return self._dates(pc.binary_join_element_wise(pc.cast(year, pa.string()), "12-31", "-"))

    def _dates(self, text: pa.Array, column: str = "") -> pa.Array:
        """Dates in any of the register's formats; refused in `column` when one is given."""
        found = pa.nulls(len(text), pa.timestamp("s"))
        for date_format in DATE_FORMATS:  # the next format only while some dates are not read yet
            found = pc.coalesce(found, pc.strptime(text, format=date_format, unit="s", error_is_null=True))
            if not found.null_count:
                break
        if column:
            self.fail(pc.and_(self.kept, pc.is_null(found)), column, "{value!r} is not a date")
        return pc.cast(found, pa.date32())

    def nature(self) -> pa.Array:
        constant = KIND_NATURE.get(self.kind)
        if constant:
            return pa.repeat(str(constant), self.batch.num_rows)
        return self.text("nature")


def _newlines(batch: pa.RecordBatch) -> int:
    """The line breaks inside the values of a block, counted in the columns' bytes at memory speed."""
    found = 0
    for column in batch.columns:
        ends, body = text_buffers(column)
        found += int(np.count_nonzero(body[ends[0] : ends[-1]] == 10))
    return found


_DIGITS = np.zeros(256, dtype=bool)
_DIGITS[[*b"0123456789"]] = True


def _all_four_digits(text: pa.Array) -> bool:
    """Whether every value is four digits, read in the array's bytes."""
    ends, body = text_buffers(text)
    return bool((np.diff(ends) == 4).all() and _DIGITS[body[ends[0] : ends[-1]]].all())


def _not_a_number(text: str) -> bool:
    try:
        pc.cast(pa.array([text]), AMOUNT_TYPE)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return True
    return False


def _dedupe(table: pa.Table) -> pa.Table:
    """The last row of each record id: a register file lists a record once, but if it repeats one,
    the later row wins, as it would across blocks (and PostgreSQL cannot upsert a key twice at once)."""
    ids = table.column("record_id")
    if len(pc.unique(ids)) == len(ids):
        return table
    positions = pa.array(range(len(ids)), pa.int64())
    last = pa.table({"id": ids, "at": positions}).group_by("id").aggregate([("at", "max")]).column("at_max")
    return table.take(pc.take(last, pc.sort_indices(last)))


_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))
# Bytes a JSON string cannot hold as they are: the quote, the backslash and the control characters.
_NEEDS_ESCAPE = np.zeros(256, dtype=bool)
_NEEDS_ESCAPE[[*range(0x20), ord('"'), ord("\\")]] = True


def raw_json(batch: pa.RecordBatch, mapped: set[str]) -> pa.Array:
    """The row's other non-empty columns as JSON objects, built column-wise (a json.dumps per row
    would cost more than the rest of the import). Columns empty throughout the block are skipped;
    which values are empty, and whether a column has anything to escape, is read in its bytes."""
    pieces: list[pa.Array | str] = ["{"]
    for name in batch.schema.names:
        if name in mapped:
            continue
        value = batch.column(name)
        ends, body = text_buffers(value)
        if ends[-1] == ends[0]:
            continue  # empty throughout
        if _NEEDS_ESCAPE[body[ends[0] : ends[-1]]].any():
            for old, new in _ESCAPES:
                value = pc.replace_substring(value, old, new)
            value = pc.replace_substring_regex(value, r"[\x00-\x1f]", " ")
        key = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '":"'
        piece = pc.binary_join_element_wise(key, value, '",', "")
        filled = np.packbits(np.diff(ends) > 0, bitorder="little")
        pieces.append(pa.Array.from_buffers(pa.string(), len(piece), [pa.py_buffer(filled), *piece.buffers()[1:]]))
    if len(pieces) == 1:
        return pa.repeat("{}", batch.num_rows)
    # An empty value's piece is null, written as nothing.
    joined = pc.binary_join_element_wise(*pieces, "", null_handling="replace", null_replacement="")
    offsets, data = joined.buffers()[1:3]
    ends = np.frombuffer(offsets, dtype=np.int32, count=len(joined) + 1)
    if (np.diff(ends) < 2).any():  # a row with no other value: "{" alone
        trimmed = pc.utf8_slice_codeunits(joined, 1, -1)
        return pc.binary_join_element_wise("{", trimmed, "}", "")
    # Each row ends in its last piece's comma: the closing brace takes its place, in a copy of the
    # bytes (two more joins over the whole text cost five times as much).
    body = np.frombuffer(data, dtype=np.uint8).copy()
    body[ends[1:] - 1] = ord("}")
    return pa.Array.from_buffers(pa.string(), len(joined), [None, offsets, pa.py_buffer(body)])


def import_open_payments_paths(
    paths, *, actor=None, progress: bool = False, store_all: bool | None = None
) -> "PaymentImportSummary":
    """Import Open Payments CSV files and folders of them, one transaction per file; `store_all`
    writes every row into the database (default: settings.OPEN_PAYMENTS_STORE_ALL)."""
    summary = PaymentImportSummary(kind=ImportKind.OPEN_PAYMENTS)
    started = time.perf_counter()
    files = list(expand(paths, (".csv",)))
    shared = {"matcher": PaymentMatcher(), "payers": PayerResolver()} if files else {}
    for path in tqdm(files, unit="file", disable=not progress, desc="Importing Open Payments"):
        try:
            with path.open("rb") as raw:
                import_payment_file(raw, name=str(path), actor=actor, summary=summary, store_all=store_all, **shared)
        except OSError as exc:
            summary.files += 1
            summary.failures.append(ImportFailure(f"cannot be read: {exc.strerror or exc}", file=str(path)))
    summary.seconds = time.perf_counter() - started
    return summary


def import_payment_file(raw, *, name: str, actor, summary: "PaymentImportSummary", **shared) -> bool:
    """One file in its own transaction, recorded as an ImportRecord whether imported or refused."""
    hashing = HashingReader(raw)
    stream = io.BufferedReader(hashing, buffer_size=1 << 20)
    record = new_record(kind=ImportKind.OPEN_PAYMENTS, name=name, actor=actor)

    def work(warnings: list[str]) -> tuple[int, dict[str, int]]:
        counts = import_payment_stream(stream, file=name, **shared)
        record.sha256 = hashing.sha256.hexdigest()  # read whole only when the import went through
        return counts.rows, counts.as_record()

    return recorded(record, work, name=name, summary=summary)


def import_open_payments_data(data: bytes, *, file: str, source: str, actor, warnings: list[str]) -> int:
    """For the admin's upload page (the runner's transaction and record around it). Payment records
    name their file from `file` and keep no change history, so `source` and `actor` are not used."""
    counts = import_payment_stream(io.BufferedReader(io.BytesIO(data)), file=file)
    warnings.append(f"{file}: payment records " + ", ".join(f"{n} {what}" for what, n in counts.as_record().items()))
    return counts.rows


class PaymentImportSummary(ImportSummary):
    def lines(self) -> list[str]:
        rate = f" in {self.seconds:.1f} s ({self.records / self.seconds:,.0f} rows/s)" if self.seconds else ""
        counted = ", ".join(f"{self.counts.get(what, 0)} {what}" for what in PaymentCounts.LABELS)
        return [
            f"{self.imported_files} of {self.files} file(s) imported, {len(self.failures)} refused; "
            f"{self.records} row(s) read{rate}.",
            f"Payment records: {counted}.",
        ]
