"""Bad PubMed files are refused whole, naming the file, the record and why; a folder goes on."""

import gzip
import zlib

import pytest

from registry.enums import ImportStatus
from registry.importers.pubmed import dispatch, reading
from registry.importers.pubmed.dispatch import import_pubmed_paths
from registry.models import Article, ImportRecord, Organization, Person
from tests.helpers import DATA

BASELINE = DATA / "pubmed" / "pubmed26n0001-sample.xml.gz"
XML = gzip.decompress(BASELINE.read_bytes())

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["read here", "read by a reading process"])
def reader(request, monkeypatch):
    """Every bad file is refused the same way whether this process reads it or a reading process does."""
    through_process = request.param != "read here"
    monkeypatch.setattr(dispatch, "reading_process_helps", lambda: through_process)
    monkeypatch.setattr(reading, "READ_HERE_FIRST", False)


def refused(path) -> str:
    summary = import_pubmed_paths([path])
    assert (summary.files, len(summary.failures)) == (1, 1)
    assert (Article.objects.count(), Person.objects.count(), Organization.objects.count()) == (0, 0, 0)
    record = ImportRecord.objects.get()
    assert (record.status, record.error) == (ImportStatus.FAILED, str(summary.failures[0]))
    return str(summary.failures[0])


def write(tmp_path, name: str, xml: bytes, *, zipped: bool = True):
    path = tmp_path / name
    path.write_bytes(gzip.compress(xml) if zipped else xml)
    return path


def test_a_truncated_gzip_file(tmp_path):
    path = tmp_path / "truncated.xml.gz"
    data = BASELINE.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    assert refused(path) == (
        f"{path}:after the start of the file: the gzip data is truncated or corrupt "
        "(Compressed file ended before the end-of-stream marker was reached)"
    )


def test_malformed_xml_names_the_record_before_it(tmp_path):
    path = write(tmp_path, "malformed.xml.gz", XML.replace(b"<ArticleTitle>Loss as", b"<ArticleTitle><i>Loss as"))
    assert refused(path).startswith(
        f"{path}:line 5: not well-formed XML after PMID 31839806: Opening and ending tag mismatch: i line 5"
    )


def test_a_record_without_a_pmid(tmp_path):
    path = write(tmp_path, "no-pmid.xml.gz", XML.replace(b'<PMID Version="1">31839755</PMID>', b""))
    assert refused(path) == f"{path}:line 5: a record without a PMID"


def test_an_unknown_date_format_names_the_record(tmp_path):
    xml = XML.replace(b"<MedlineDate>2019 Sep-Oct</MedlineDate>", b"<MedlineDate>sometime soon</MedlineDate>")
    path = write(tmp_path, "dates.xml.gz", xml)
    assert refused(path) == f"{path}:PMID 31839739/PubDate: a MedlineDate in no known format: 'sometime soon'"


def test_a_month_that_is_no_month(tmp_path):
    xml = XML.replace(b"<Month>08</Month><Day>09</Day>", b"<Month>Smarch</Month><Day>09</Day>", 1)
    path = write(tmp_path, "month.xml.gz", xml)
    assert refused(path) == f"{path}:PMID 31839806/PubMedPubDate: 'Smarch' is not a month"


def test_a_gigabyte_text_node_is_refused_without_reading_it_all(tmp_path):
    # 1 GiB of text in one statement, as 1,024 gzip members of 1 MiB: small on disk, and lxml (huge_tree
    # off) stops at 10 MB of text, so the test reads about 10 MB of it.
    head, tail = XML.split(b"<CoiStatement>", 1)
    member = gzip.compress(b"x" * (1 << 20))
    path = tmp_path / "huge.xml.gz"
    with path.open("wb") as out:
        out.write(gzip.compress(head + b"<CoiStatement>"))
        for _ in range(1024):
            out.write(member)
        out.write(gzip.compress(tail))
    reason = refused(path)
    assert reason.startswith(f"{path}:line 4: not well-formed XML after the start of the file: ")
    assert "huge text node" in reason or "Text node too long" in reason


def test_a_long_field_under_lxml_cap_is_refused_by_the_size_cap(tmp_path):
    xml = XML.replace(b"<CoiStatement>", b"<CoiStatement>" + b"y" * 200_000, 1)
    path = write(tmp_path, "long.xml.gz", xml)
    assert refused(path) == (
        f"{path}:PMID 31839806: the competing-interest statement holds 200,231 characters, "
        "more than the 100,000 kept; refused"
    )


def test_entity_declarations_are_refused(tmp_path):
    xml = XML.replace(
        b'pubmed_250101.dtd">',
        b'pubmed_250101.dtd" [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
    ).replace(b"<ArticleTitle>SB5", b"<ArticleTitle>&lol2;SB5")
    path = write(tmp_path, "entities.xml", xml, zipped=False)
    assert (
        refused(path) == f"{path}:line 1: the DOCTYPE declares entities; documents with entity declarations are refused"
    )


def test_not_gzip_and_not_xml(tmp_path):
    path = tmp_path / "garbage.xml.gz"
    path.write_bytes(b"\x1f\x8b" + zlib.compress(b"nothing"))
    assert refused(path).startswith(f"{path}:after the start of the file: the gzip data is truncated or corrupt")


def test_a_folder_goes_on_past_a_refused_file(tmp_path):
    folder = tmp_path / "pubmed"
    folder.mkdir()
    write(folder, "pubmed26n0001.xml.gz", XML.replace(b'<PMID Version="1">31839755</PMID>', b""))
    (folder / "pubmed26n0002.xml.gz").write_bytes(BASELINE.read_bytes())

    summary = import_pubmed_paths([folder])

    assert (summary.files, len(summary.failures), summary.records) == (2, 1, 5)
    assert str(summary.failures[0]) == f"{folder / 'pubmed26n0001.xml.gz'}:line 5: a record without a PMID"
    assert Article.objects.count() == 5
    assert list(ImportRecord.objects.order_by("pk").values_list("status", flat=True)) == [
        ImportStatus.FAILED,
        ImportStatus.SUCCEEDED,
    ]
