"""Bad files write nothing and say which file, where and why; a folder import goes on past them."""

import shutil

import pytest

from registry.enums import ImportStatus
from registry.importers import import_jats_paths
from registry.models import Article, ImportRecord, Organization, Person

pytestmark = pytest.mark.django_db


def refused(path) -> str:
    summary = import_jats_paths([path])
    assert summary.files == 1
    assert len(summary.failures) == 1
    assert (Article.objects.count(), Person.objects.count(), Organization.objects.count()) == (0, 0, 0)
    return str(summary.failures[0])


def test_broken_xml(jats_dir):
    assert refused(jats_dir / "broken.xml") == (
        f"{jats_dir / 'broken.xml'}:line 6: not well-formed XML: "
        "Premature end of data in tag article line 2, line 6, column 1"
    )


def test_wrong_encoding(jats_dir):
    assert refused(jats_dir / "latin1.xml") == (
        f"{jats_dir / 'latin1.xml'}:line 4: not well-formed XML: Invalid bytes in character encoding, line 4, column 32"
    )


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml"])
def test_entity_declarations_are_refused(jats_dir, name):
    assert refused(jats_dir / name) == (
        f"{jats_dir / name}:line 3: the DOCTYPE declares entities; documents with entity declarations "
        "are refused (external entities and entity expansion are unsafe)"
    )


def test_invalid_orcid_names_the_contributor(jats_dir, variant):
    path = variant(jats_dir / "elife05256.xml", ("0000-0002-1731-9910", "0000-0002-1731-9911"))
    assert refused(path) == (
        f"{path}:/article/front/article-meta/contrib-group/contrib[1]: invalid ORCID iD: "
        "http://orcid.org/0000-0002-1731-9911 is not a valid ORCID iD: its check digit is 1 but should be 0."
    )


def test_invalid_doi(jats_dir, variant):
    path = variant(jats_dir / "elife05256.xml", ("10.7554/eLife.05256</article-id>", "eLife.05256</article-id>"))
    assert refused(path) == (
        f"{path}:/article/front/article-meta/article-id[2]: invalid DOI: eLife.05256 is not a DOI: "
        "expected a prefix 10.NNNN followed by a slash and a suffix, like 10.4045/tidsskr.26.0122."
    )


def test_missing_doi(jats_dir, variant):
    path = variant(jats_dir / "elife05256.xml", ('<article-id pub-id-type="doi">10.7554/eLife.05256</article-id>', ""))
    assert refused(path) == f"{path}:/article/front/article-meta: the article has no DOI"


def test_accepted_before_received(jats_dir, variant):
    path = variant(
        jats_dir / "elife00471.xml",
        (
            '<date date-type="accepted"><day>03</day><month>01</month><year>2013</year>',
            '<date date-type="accepted"><day>03</day><month>01</month><year>2012</year>',
        ),
    )
    assert refused(path) == (
        f"{path}:/article/front/article-meta/history: accepted 2012-01-03 is before received 2012-12-15"
    )


def test_impossible_date(jats_dir, variant):
    path = variant(
        jats_dir / "elife05256.xml",
        ("<day>28</day><month>10</month><year>2014</year>", "<day>31</day><month>02</month><year>2014</year>"),
    )
    assert refused(path) == (
        f"{path}:/article/front/article-meta/pub-date[1]: 2014-2-31 is not a date: day is out of range for month"
    )


def test_not_an_article(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text('<?xml version="1.0"?><record/>', encoding="utf-8")
    assert refused(path) == f"{path}:/: no <article> element: this is not a JATS article"


def test_an_error_late_in_the_file_rolls_back_everything_before_it(jats_dir, variant):
    # The first and the last author carry the same (valid) ORCID iD. The reader accepts the file; the
    # writer has already written the article and its organizations when it reaches the last author
    # and refuses to give one person two places: all of it must be rolled back.
    orcid = '<contrib-id contrib-id-type="orcid">0000-0002-1825-0097</contrib-id>'
    path = variant(
        jats_dir / "elife00471.xml",
        (
            "<name><surname>Jinek</surname><given-names>Martin</given-names></name><xref",
            f"<name><surname>Jinek</surname><given-names>Martin</given-names></name>{orcid}<xref",
        ),
        (
            '<name><surname>Doudna</surname><given-names>Jennifer</given-names></name><xref ref-type="aff"',
            f'<name><surname>Doudna</surname><given-names>Jennifer</given-names></name>{orcid}<xref ref-type="aff"',
        ),
    )
    assert refused(path).endswith("ORCID iD 0000-0002-1825-0097 is given to two authors")


def test_folder_import_reports_each_bad_file_and_imports_the_rest(jats_dir, tmp_path):
    for name in ["broken.xml", "elife05256.xml", "xxe.xml", "journal.pcbi.1004113.xml"]:
        shutil.copy(jats_dir / name, tmp_path / name)

    summary = import_jats_paths([tmp_path])

    assert [failure.file for failure in summary.failures] == [str(tmp_path / "broken.xml"), str(tmp_path / "xxe.xml")]
    assert (summary.files, summary.imported_files) == (4, 2)
    assert sorted(Article.objects.values_list("doi", flat=True)) == [
        "10.1371/journal.pcbi.1004113",
        "10.7554/elife.05256",
    ]
    assert list(ImportRecord.objects.order_by("file_name").values_list("file_name", "status")) == [
        (str(tmp_path / "broken.xml"), ImportStatus.FAILED),
        (str(tmp_path / "elife05256.xml"), ImportStatus.SUCCEEDED),
        (str(tmp_path / "journal.pcbi.1004113.xml"), ImportStatus.SUCCEEDED),
        (str(tmp_path / "xxe.xml"), ImportStatus.FAILED),
    ]
    assert ImportRecord.objects.get(file_name__endswith="broken.xml").error.endswith("column 1")
