"""Writing a dataset as CSV, XLSX, JSON or Parquet, a batch of rows at a time so memory stays flat.

Spreadsheets (CSV and XLSX) run a cell that starts with =, +, -, @, a tab or a carriage return as a
formula; every such text cell gets a leading single quote (OWASP's advice against CSV injection), so
a hostile organization name or statement is shown, never run. JSON and Parquet are read by programs,
not spreadsheets: they keep every value exactly as stored.
"""

import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import IO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from audits.exports.columns import Column, Kind
from audits.exports.datasets import Dataset

Batches = Iterable[list[tuple]]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_PATTERN = r"^[=+\-@\t\r]"  # the same, for Arrow's vectorised matching


def neutralize(text: str) -> str:
    """The text as a spreadsheet shows it but never runs it."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def is_text(column: Column) -> bool:
    return column.kind in (Kind.TEXT, Kind.JSON)


# --- Arrow: the typed columns of CSV and Parquet -------------------------------------------------

_ARROW_TYPES = {
    Kind.TEXT: pa.string(),
    Kind.INTEGER: pa.int64(),
    Kind.DECIMAL: pa.decimal128(14, 2),  # Interest.amount: 14 digits, 2 after the point
    Kind.DATE: pa.date32(),
    Kind.BOOLEAN: pa.bool_(),
    Kind.JSON: pa.string(),  # the JSON text: every Parquet reader has strings
}


def arrow_schema(dataset: Dataset) -> pa.Schema:
    """Typed columns, each with its meaning; what the export is (a run, filters) in the metadata."""
    fields = [pa.field(c.name, _ARROW_TYPES[c.kind], metadata={"meaning": c.meaning}) for c in dataset.columns]
    return pa.schema(fields, metadata={"about": json.dumps(dataset.about, ensure_ascii=False)})


def arrow_batch(schema: pa.Schema, rows: list[tuple]) -> pa.RecordBatch:
    columns = zip(*rows, strict=True)
    arrays = [pa.array(values, type=f.type) for values, f in zip(columns, schema, strict=True)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


# --- CSV -----------------------------------------------------------------------------------------


def csv_chunks(dataset: Dataset, batches: Batches) -> Iterator[bytes]:
    """UTF-8 CSV with a header row, a chunk per batch; strings are quoted, lines end in LF.

    Empty cells are missing values; dates are ISO 8601, amounts exact decimals, flags true/false.
    Arrow's writer, column by column: the standard library's, cell by cell, takes twice as long,
    and a million findings must be written in 15 s.
    """
    schema = arrow_schema(dataset)
    texts = [i for i, column in enumerate(dataset.columns) if is_text(column)]
    buffer = io.BytesIO()
    with pa_csv.CSVWriter(buffer, schema) as writer:
        for rows in batches:
            batch = arrow_batch(schema, rows)
            arrays = batch.columns
            for i in texts:
                arrays[i] = _neutralized(arrays[i])
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
            yield _drain(buffer)
    yield _drain(buffer)  # the header alone, when there are no rows


def _neutralized(texts: pa.Array) -> pa.Array:
    formula_like = pc.fill_null(pc.match_substring_regex(texts, _FORMULA_PATTERN), False)
    if not pc.any(formula_like).as_py():
        return texts  # nearly every column of every batch: spare the join on the million-row path
    return pc.if_else(formula_like, pc.binary_join_element_wise("'", texts, ""), texts)


def _drain(buffer: io.BytesIO) -> bytes:
    written = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return written


# --- JSON ----------------------------------------------------------------------------------------


def json_chunks(dataset: Dataset, batches: Batches) -> Iterator[bytes]:
    """{**about, name: [record, ...]}: one object per row, keyed by column name, a line each."""
    head = "".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}, " for k, v in dataset.about.items())
    yield ("{" + head + json.dumps(dataset.name) + ": [").encode()
    names = [column.name for column in dataset.columns]
    converters = [_JSON_VALUE.get(column.kind) for column in dataset.columns]
    separator = "\n"
    for rows in batches:
        lines = []
        for row in rows:
            record = {
                key: value if convert is None or value is None else convert(value)
                for key, convert, value in zip(names, converters, row, strict=True)
            }
            lines.append(separator + json.dumps(record, ensure_ascii=False))
            separator = ",\n"
        yield "".join(lines).encode()
    yield b"\n]}\n"


# Decimals as strings: a JSON number is a float to most readers, and amounts must stay exact.
_JSON_VALUE: dict[Kind, Callable] = {Kind.DECIMAL: str, Kind.DATE: date.isoformat, Kind.JSON: json.loads}


# --- XLSX ----------------------------------------------------------------------------------------

XLSX_MAX_ROWS = 1_048_576  # per sheet, header included
XLSX_MAX_CELL = 32_767  # characters Excel keeps in one cell
TRUNCATED = " … [cut at Excel's cell limit; the CSV, JSON and Parquet exports hold it all]"


def write_xlsx(dataset: Dataset, batches: Batches, out: IO[bytes]) -> None:
    """A workbook (write-only, streamed) with the rows on a sheet named after the dataset, continued
    on further sheets past Excel's row limit, and a sheet describing the columns.

    Dates are date cells shown as YYYY-MM-DD and amounts are numbers shown with cents, so they sort and sum.
    """
    workbook = Workbook(write_only=True)
    header = [column.name for column in dataset.columns]
    sheet = workbook.create_sheet(dataset.name)
    sheet.append(header)
    prepare = _xlsx_row(sheet, dataset.columns)
    sheets, used = 1, 1
    for rows in batches:
        for row in rows:
            if used == XLSX_MAX_ROWS:
                sheets += 1
                sheet = workbook.create_sheet(f"{dataset.name} {sheets}")
                sheet.append(header)
                used = 1
            sheet.append(prepare(row))
            used += 1
    legend = workbook.create_sheet("columns")
    legend.append(["column", "kind", "meaning"])
    for column in dataset.columns:
        legend.append([column.name, str(column.kind), column.meaning])
    workbook.save(out)


def _xlsx_row(sheet, columns: tuple[Column, ...]) -> Callable[[tuple], list]:
    texts = [i for i, column in enumerate(columns) if is_text(column)]
    amounts = [i for i, column in enumerate(columns) if column.kind is Kind.DECIMAL]

    def prepare(row: tuple) -> list:
        cells = list(row)
        for i in texts:
            if cells[i]:
                cells[i] = spreadsheet_text(cells[i])
        for i in amounts:
            if cells[i] is not None:
                cells[i] = _amount_cell(sheet, cells[i])
        return cells

    return prepare


def spreadsheet_text(text: str) -> str:
    """Text as a workbook can hold it: no control characters (which make the file unreadable),
    within the cell limit, and never a formula."""
    text = ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", text)
    if len(text) > XLSX_MAX_CELL:
        text = text[: XLSX_MAX_CELL - len(TRUNCATED)] + TRUNCATED
    return neutralize(text)


def _amount_cell(sheet, amount: Decimal) -> WriteOnlyCell:
    # Any sheet of the workbook registers the cell's style.
    cell = WriteOnlyCell(sheet, value=amount)
    cell.number_format = "0.00"
    return cell


# --- Parquet -------------------------------------------------------------------------------------


def write_parquet(dataset: Dataset, batches: Batches, out: IO[bytes]) -> None:
    """Typed columns (dates as dates, amounts as decimal(14, 2)), a row group per batch of rows."""
    schema = arrow_schema(dataset)
    with pq.ParquetWriter(out, schema) as writer:
        for rows in batches:
            writer.write_batch(arrow_batch(schema, rows))
