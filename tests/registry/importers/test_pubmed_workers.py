"""A folder of PubMed files split across a real Celery worker (Redis), one task and one import
record a file, and in this process when no broker is configured."""

import gzip
import shutil

import pytest

from registry.enums import ImportStatus
from registry.importers.pubmed.dispatch import import_pubmed_paths
from registry.models import Article, ImportRecord
from tests.helpers import DATA

PUBMED = DATA / "pubmed"


@pytest.fixture
def folder(tmp_path):
    shutil.copy(PUBMED / "pubmed26n0001-sample.xml.gz", tmp_path)
    shutil.copy(PUBMED / "pubmed26n0002-sample.xml.gz", tmp_path)
    broken = gzip.decompress((PUBMED / "pubmed26n0001-sample.xml.gz").read_bytes()).replace(
        b'<PMID Version="1">31839806</PMID>', b""
    )
    (tmp_path / "pubmed26n0003-broken.xml.gz").write_bytes(gzip.compress(broken))
    return tmp_path


@pytest.mark.django_db(transaction=True)
def test_a_folder_is_split_across_workers_with_a_record_per_file(celery_worker, folder):
    summary = import_pubmed_paths([folder])

    records = list(ImportRecord.objects.order_by("pk"))
    assert [(r.file_name, r.status) for r in records] == [
        (str(folder / "pubmed26n0001-sample.xml.gz"), ImportStatus.SUCCEEDED),
        (str(folder / "pubmed26n0002-sample.xml.gz"), ImportStatus.SUCCEEDED),
        (str(folder / "pubmed26n0003-broken.xml.gz"), ImportStatus.FAILED),
    ]
    assert records[2].error == f"{folder / 'pubmed26n0003-broken.xml.gz'}:line 4: a record without a PMID"
    assert (summary.files, len(summary.failures), summary.records) == (3, 1, 6)
    assert str(summary.failures[0]) == records[2].error
    # One solo worker takes the files in name order; with several, the newer file still wins (its name sorts later).
    assert Article.objects.get(pmid="41588158").title.startswith("Corrected title: ")
    assert Article.objects.count() == 4


@pytest.mark.django_db
def test_without_a_broker_the_files_are_imported_here(settings, folder):
    settings.CELERY_BROKER_URL = ""
    summary = import_pubmed_paths([folder])

    assert (summary.files, len(summary.failures), summary.records) == (3, 1, 6)
    assert ImportRecord.objects.filter(status=ImportStatus.PENDING).count() == 0
    assert Article.objects.count() == 4
