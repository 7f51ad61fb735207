"""An identical re-import writes nothing: no history row in any model, and the summary says so."""

import re

import pytest
from django.apps import apps

from registry.importers import import_disclosure_paths, import_jats_paths, import_orcid_paths
from tests.helpers import DATA

pytestmark = pytest.mark.django_db

_DOI = re.compile(r'(<article-id pub-id-type="doi">)([^<]+)(</article-id>)')
ARTICLES = ["elife00036.xml", "elife00471.xml", "elife05256.xml", "journal.pcbi.1004113.xml"]


def history_rows() -> int:
    return sum(model.objects.count() for model in apps.get_models() if model.__name__.startswith("Historical"))


def copies(jats_dir, tmp_path, *, times: int = 2) -> list:
    """Each article under several DOIs: the same authors declaring the same ties in several articles."""
    paths = []
    for name in ARTICLES:
        text = (jats_dir / name).read_text(encoding="utf-8")
        for copy in range(times):
            path = tmp_path / f"{copy}-{name}"
            path.write_text(_DOI.sub(lambda m, c=copy: f"{m[1]}{m[2]}.{c}{m[3]}", text, count=1), encoding="utf-8")
            paths.append(path)
    return paths


def test_reimporting_a_corpus_writes_no_history_and_says_unchanged(jats_dir, tmp_path):
    files = copies(jats_dir, tmp_path)
    assert import_jats_paths(files).ok
    before = history_rows()

    summary = import_jats_paths(files)

    assert summary.ok
    assert history_rows() == before
    assert summary.unchanged_files == len(files) == 8
    assert summary.lines()[-1] == "8 of 8 file(s) unchanged: nothing written."


def test_a_first_import_is_not_reported_unchanged(jats_dir):
    summary = import_jats_paths([jats_dir / "elife00471.xml"])

    assert summary.unchanged_files == 0
    assert summary.lines()[-1].startswith("Created: 1 articles")


def test_reimporting_orcid_records_writes_no_history():
    files = [DATA / "orcid" / "record-3.0.xml", DATA / "orcid" / "0000-0001-8254-7103.json"]
    assert import_orcid_paths(files).ok
    before = history_rows()

    summary = import_orcid_paths(files)

    assert summary.ok
    assert history_rows() == before
    assert summary.unchanged_files == 2


def test_reimporting_a_spreadsheet_of_disclosures_writes_no_history(jats_dir):
    assert import_jats_paths([jats_dir / "elife05256.xml"]).ok
    assert import_disclosure_paths([DATA / "disclosures" / "interests.csv"]).ok
    before = history_rows()

    summary = import_disclosure_paths([DATA / "disclosures" / "interests.csv"])

    assert summary.ok
    assert history_rows() == before
    assert summary.unchanged_files == 1
