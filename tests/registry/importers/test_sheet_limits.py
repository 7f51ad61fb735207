"""Spreadsheets past the size limits are refused before they are read, quickly, naming the file and
the limit: a small XLSX can expand to millions of rows."""

import csv
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from registry.importers import import_disclosure_paths
from registry.importers.formats import sheet_limits
from registry.models import Interest, Person

pytestmark = pytest.mark.django_db

HEADER = ("author_name", "category", "organization")
VALID = ("Ann Lee", "consulting", "Lundbeck")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def cell(value: str | int) -> str:
    if isinstance(value, int):
        return f"<c><v>{value}</v></c>"
    return f'<c t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def write_xlsx(path, rows: Iterable[tuple], *, dimension: str | None = None, repeat_last: int = 0):
    """A minimal workbook written row by row, as a generator of any size would make one (cells without
    references, which are optional, so that repeated rows compress as they would in a crafted file);
    the last row is written `repeat_last` more times."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?>')
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            chunk, last, encoded = [], None, ""
            for values in rows:
                if values != last:
                    cells = "".join(cell(value) for value in values)
                    last, encoded = values, f"<row>{cells}</row>"
                chunk.append(encoded)
                if len(chunk) == 50_000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write("".join(chunk).encode())
            block = encoded.encode() * 100_000
            for _ in range(repeat_last // 100_000):
                sheet.write(block)
            sheet.write(encoded.encode() * (repeat_last % 100_000))
            sheet.write(b"</sheetData></worksheet>")
    return path


def sheet(data_rows: int, values: tuple = VALID) -> Iterable[tuple]:
    yield HEADER
    for _ in range(data_rows):
        yield values


def refusal(path) -> str:
    (failure,) = import_disclosure_paths([path]).failures
    assert Person.objects.count() == 0
    return str(failure)


@pytest.fixture(scope="module")
def two_million_rows(tmp_path_factory):
    """2,000,000 rows in under a megabyte, with no dimension: only counting finds them."""
    rows = [HEADER, (1,)]
    return write_xlsx(tmp_path_factory.mktemp("bomb") / "bomb.xlsx", rows, repeat_last=1_999_999)


@pytest.fixture
def rows_read(monkeypatch):
    """How many rows the size check streamed from the sheet: the work it did, counted rather than timed
    (how long it takes belongs to the benchmark; a busy machine made a time limit here fail)."""
    read = []
    events = sheet_limits._events

    def counting(archive, path, tags):
        for event, element in events(archive, path, tags):
            if event == "start" and element.tag == f"{sheet_limits.MAIN}row":
                read.append(1)
            yield event, element

    monkeypatch.setattr(sheet_limits, "_events", counting)
    return read


def test_two_million_rows_in_under_a_megabyte_are_refused_after_the_limit_and_one(two_million_rows, rows_read):
    assert two_million_rows.stat().st_size < 1_200_000  # as the reported file: 1.17 MB

    message = refusal(two_million_rows)

    # It ran past 300 s (and 2.9 GB) before the limits, reading every row; now it stops at the first row
    # past the limit: the header, 50,000 data rows and one more.
    assert len(rows_read) == 1 + 50_000 + 1
    assert message == (
        f"{two_million_rows}: the sheet has more than 50,000 data rows; the limit is 50,000 (IMPORT_SHEET_MAX_ROWS): "
        "split it into smaller files"
    )


def test_a_sheet_declaring_two_million_rows_is_refused_before_its_rows_are_read(tmp_path, rows_read):
    path = write_xlsx(tmp_path / "declared.xlsx", [HEADER, (1,)], dimension="A1:C2000001", repeat_last=1_999_999)

    message = refusal(path)

    assert rows_read == []
    assert message == (
        f"{path}: the sheet has 2,000,000 data rows; the limit is 50,000 (IMPORT_SHEET_MAX_ROWS): "
        "split it into smaller files"
    )


def test_a_workbook_expanding_past_the_limit_is_refused_before_it_is_opened(two_million_rows, settings):
    settings.IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES = 10_000_000
    expanded = sum(member.file_size for member in zipfile.ZipFile(two_million_rows).infolist())

    assert refusal(two_million_rows) == (
        f"{two_million_rows}: the workbook expands to {expanded:,} bytes; the limit is 10,000,000 "
        "(IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES): split it into smaller files"
    )


def test_the_upload_page_refuses_the_same_workbook(editor_client, two_million_rows):
    path = two_million_rows

    response = editor_client.post(
        reverse("admin:registry_import_upload"),
        {"kind": "disclosures", "file": SimpleUploadedFile("bomb.xlsx", path.read_bytes())},
    )

    assert "bomb.xlsx: the sheet has more than 50,000 data rows; the limit is 50,000" in response.content.decode()
    assert Person.objects.count() == 0


def test_a_sheet_declaring_more_rows_than_the_limit_is_refused_before_its_rows_are_read(tmp_path, settings):
    settings.IMPORT_SHEET_MAX_ROWS = 100
    path = write_xlsx(tmp_path / "long.xlsx", sheet(101), dimension="A1:C102")

    assert refusal(path) == (
        f"{path}: the sheet has 101 data rows; the limit is 100 (IMPORT_SHEET_MAX_ROWS): split it into smaller files"
    )


@pytest.mark.parametrize("dimension", [None, "A1:C2"])
def test_rows_are_counted_when_the_sheet_declares_no_size_or_a_false_one(tmp_path, settings, dimension):
    settings.IMPORT_SHEET_MAX_ROWS = 100
    path = write_xlsx(tmp_path / "long.xlsx", sheet(101), dimension=dimension)

    assert refusal(path) == (
        f"{path}: the sheet has more than 100 data rows; the limit is 100 (IMPORT_SHEET_MAX_ROWS): "
        "split it into smaller files"
    )


def test_a_sheet_at_the_row_limit_is_imported(tmp_path, settings):
    settings.IMPORT_SHEET_MAX_ROWS = 3
    path = write_xlsx(tmp_path / "ok.xlsx", sheet(3), dimension="A1:C4")

    assert import_disclosure_paths([path]).ok
    assert Interest.objects.count() == 1  # the same interest, three times


def test_too_many_columns_are_refused(tmp_path):
    path = write_xlsx(tmp_path / "wide.xlsx", [HEADER + tuple(f"extra{i}" for i in range(60)), VALID])

    assert refusal(path) == f"{path}:row 1: a value in column 51; the limit is 50 columns (IMPORT_SHEET_MAX_COLUMNS)"


def test_a_csv_with_too_many_columns_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER + tuple(f"extra{i}" for i in range(60)), VALID + ("",) * 60])

    assert refusal(path) == f"{path}:line 1: the sheet has 63 columns; the limit is 50 (IMPORT_SHEET_MAX_COLUMNS)"


def test_a_cell_past_the_limit_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "big-cell.xlsx", [HEADER, VALID, ("Ann Lee", "consulting", "x" * 20_001)])

    assert refusal(path) == (
        f"{path}:row 3: a cell holds 20,001 characters; the limit is 20,000 (IMPORT_SHEET_MAX_CELL_CHARS)"
    )


def test_a_csv_past_the_row_limit_is_refused(tmp_path, settings):
    settings.IMPORT_SHEET_MAX_ROWS = 100
    path = tmp_path / "long.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(sheet(101))

    assert refusal(path) == (
        f"{path}: the sheet has more than 100 data rows; the limit is 100 (IMPORT_SHEET_MAX_ROWS): "
        "split it into smaller files"
    )


def test_a_csv_cell_past_the_limit_is_refused(tmp_path):
    path = tmp_path / "big-cell.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, VALID, ("Ann Lee", "consulting", "x" * 20_001)])

    assert refusal(path) == (
        f"{path}:line 3: a cell holds 20,001 characters; the limit is 20,000 (IMPORT_SHEET_MAX_CELL_CHARS)"
    )
