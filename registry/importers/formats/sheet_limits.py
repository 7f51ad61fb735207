"""Size limits of imported spreadsheets, checked before pandas reads them.

An XLSX file is a zip: a 1 MB upload can hold millions of highly compressible rows, which pandas would
expand into gigabytes. So the zip's members are weighed by their declared uncompressed sizes (which
the zip reader also enforces while inflating), then the first sheet's declared dimension is read and
its rows are streamed and counted, stopping at the first one past a limit. The limits are settings
(`IMPORT_SHEET_MAX_*`, `IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES`).
"""

import io
import zipfile
from dataclasses import dataclass

import pandas as pd
from django.conf import settings
from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from registry.importers.errors import ImportFailure


@dataclass(frozen=True)
class SheetLimits:
    rows: int
    columns: int
    cell_chars: int
    uncompressed_bytes: int
    zip_members: int = 1000

    @classmethod
    def from_settings(cls) -> "SheetLimits":
        return cls(
            rows=settings.IMPORT_SHEET_MAX_ROWS,
            columns=settings.IMPORT_SHEET_MAX_COLUMNS,
            cell_chars=settings.IMPORT_SHEET_MAX_CELL_CHARS,
            uncompressed_bytes=settings.IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES,
        )

    def too_many_rows(self, file: str, counted: str) -> ImportFailure:
        return ImportFailure(
            f"the sheet has {counted} data rows; the limit is {self.rows:,} (IMPORT_SHEET_MAX_ROWS): "
            "split it into smaller files",
            file=file,
        )

    def too_many_columns(self, file: str, columns: int, location: str = "") -> ImportFailure:
        return ImportFailure(
            f"the sheet has {columns:,} columns; the limit is {self.columns:,} (IMPORT_SHEET_MAX_COLUMNS)",
            file=file,
            location=location,
        )

    def value_past_last_column(self, file: str, column: int, location: str) -> ImportFailure:
        return ImportFailure(
            f"a value in column {column:,}; the limit is {self.columns:,} columns (IMPORT_SHEET_MAX_COLUMNS)",
            file=file,
            location=location,
        )

    def cell_too_long(self, file: str, length: int, location: str) -> ImportFailure:
        return ImportFailure(
            f"a cell holds {length:,} characters; the limit is {self.cell_chars:,} (IMPORT_SHEET_MAX_CELL_CHARS)",
            file=file,
            location=location,
        )


def check_xlsx(data: bytes, file: str, limits: SheetLimits | None = None) -> None:
    """Refuse a workbook whose first sheet, expanded, would pass a limit; quickly, whatever it declares.

    openpyxl, even read-only, scans a whole sheet for its size when the sheet does not state one (a
    crafted file need not), so the sheet is streamed here first, stopping at the first row past a limit.
    """
    limits = limits or SheetLimits.from_settings()
    archive = _open_zip(data, file, limits)
    path = _first_sheet_path(data)
    if path is None or path not in archive.namelist():
        return  # pandas reports a workbook without sheets
    _check_rows(archive, path, file, limits)
    if SHARED_STRINGS in archive.namelist():
        _check_shared_strings(archive, file, limits)


MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SHARED_STRINGS = "xl/sharedStrings.xml"


def _open_zip(data: bytes, file: str, limits: SheetLimits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFailure(f"not a readable XLSX workbook: {exc}", file=file) from None
    members = archive.infolist()
    if len(members) > limits.zip_members:
        raise ImportFailure(f"the workbook holds {len(members):,} parts; a spreadsheet has far fewer", file=file)
    # The zip reader stops inflating a member at its declared size, so the declared sizes bind.
    expanded = sum(member.file_size for member in members)
    if expanded > limits.uncompressed_bytes:
        raise ImportFailure(
            f"the workbook expands to {expanded:,} bytes; the limit is {limits.uncompressed_bytes:,} "
            "(IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES): split it into smaller files",
            file=file,
        )
    return archive


def _first_sheet_path(data: bytes) -> str | None:
    """The zip path of the workbook's first sheet (the one pandas reads), from the workbook's manifest."""
    reader = ExcelReader(io.BytesIO(data), read_only=True, keep_links=False)
    reader.read_manifest()
    reader.read_workbook()
    first = next(iter(reader.parser.find_sheets()), None)
    return first[1].target.lstrip("/") if first and first[1] is not None else None


def _events(archive: zipfile.ZipFile, path: str, tags: tuple[str, ...]):
    with archive.open(path) as stream:
        for event, element in etree.iterparse(
            stream, events=("start", "end"), tag=tags, resolve_entities=False, no_network=True, load_dtd=False
        ):
            yield event, element
            if event == "end" and element.tag == tags[0]:
                element.clear(keep_tail=False)


def _check_rows(archive: zipfile.ZipFile, path: str, file: str, limits: SheetLimits) -> None:
    """The sheet's declared extent, then its rows, counted (never more than the limit and one)."""
    rows = 0
    column = 0
    tags = (f"{MAIN}row", f"{MAIN}dimension", f"{MAIN}c", f"{MAIN}v", f"{MAIN}t")
    for event, element in _events(archive, path, tags):
        tag = element.tag
        if tag == f"{MAIN}dimension" and event == "start":
            _check_dimension(element.get("ref", ""), file, limits)
        elif tag == f"{MAIN}row" and event == "start":
            rows += 1
            column = 0
            if rows - 1 > limits.rows:  # the first row names the columns
                raise limits.too_many_rows(file, f"more than {limits.rows:,}")
        elif tag == f"{MAIN}c" and event == "start":
            reference = element.get("r")
            column = column_index_from_string(reference.rstrip("0123456789")) if reference else column + 1
        elif tag in (f"{MAIN}v", f"{MAIN}t") and event == "end":
            # A value: its column must be within the limit, and its text no longer than a cell may hold.
            if column > limits.columns:
                raise limits.value_past_last_column(file, column, location=f"row {rows}")
            if element.text and len(element.text) > limits.cell_chars:
                raise limits.cell_too_long(file, len(element.text), location=f"row {rows}")


def _check_dimension(reference: str, file: str, limits: SheetLimits) -> None:
    """The sheet's own statement of its extent (<dimension ref="A1:N2000001"/>), when it makes one.

    Only the rows: a formatted but empty column can widen the dimension to the sheet's edge (XFD).
    """
    try:
        *_, max_row = range_boundaries(reference)
    except (ValueError, TypeError):
        return
    if max_row is not None and max_row - 1 > limits.rows:
        raise limits.too_many_rows(file, f"{max_row - 1:,}")


def _check_shared_strings(archive: zipfile.ZipFile, file: str, limits: SheetLimits) -> None:
    """Text that cells refer to by number is kept apart; none of it may be longer than a cell may hold."""
    for _, element in _events(archive, SHARED_STRINGS, (f"{MAIN}si", f"{MAIN}t")):
        if element.tag == f"{MAIN}t" and element.text and len(element.text) > limits.cell_chars:
            raise limits.cell_too_long(file, len(element.text), location="shared strings")


def check_frame(frame: pd.DataFrame, file: str, unit: str, limits: SheetLimits | None = None) -> None:
    """The same limits for a table once read (a CSV, read with at most `limits.rows + 1` rows)."""
    limits = limits or SheetLimits.from_settings()
    if len(frame) > limits.rows:
        raise limits.too_many_rows(file, f"more than {limits.rows:,}")
    if len(frame.columns) > limits.columns:
        raise limits.too_many_columns(file, len(frame.columns), location=f"{unit} 1")
    for column in frame.columns:
        lengths = frame[column].str.len()
        if len(lengths) and lengths.max() > limits.cell_chars:
            raise limits.cell_too_long(file, int(lengths.max()), location=f"{unit} {int(lengths.idxmax()) + 2}")
