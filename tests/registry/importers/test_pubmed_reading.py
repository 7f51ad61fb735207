"""A PubMed file read in a second process while this one writes leaves the registry exactly as one
read here: the same rows, history, warnings and import record; a reading process that dies refuses
the file with nothing written."""

import os
import re
import signal
import time

import pytest
from django.db import transaction

from benchmark.pubmed import write_pubmed_file
from registry.enums import ImportStatus
from registry.importers.pubmed import reading, store
from registry.importers.pubmed.dispatch import import_pubmed_paths
from registry.models import Article, ImportRecord
from tests.helpers import DATA
from tests.registry.importers.test_pubmed_bulk import COMPARED, history, rows

pytestmark = pytest.mark.django_db


def imported(paths, *, reading_process: bool) -> tuple[dict, dict, list]:
    """What importing the files writes (rows, history, and each file's import record); undone after."""
    with transaction.atomic():
        import_pubmed_paths(paths, workers=False, reading_process=reading_process)
        records = [
            (r.file_name, r.status, r.error, r.counts, r.warnings, r.sha256)
            for r in ImportRecord.objects.order_by("pk")
        ]
        written = rows(), history(), records
        transaction.set_rollback(True)
    return written


def test_a_reading_process_writes_the_same_registry_as_reading_here(tmp_path, monkeypatch):
    # The baseline sample, its update (a newer version, a deletion), then a generated file: some of its
    # authors are the samples' own, so later records find the people of earlier ones across batches.
    import_pubmed_paths([DATA / "pubmed" / "pubmed26n0001-sample.xml.gz"], workers=False, reading_process=False)
    generated = tmp_path / "pubmed99n0001.xml.gz"
    write_pubmed_file(generated, 300, same_people=True)
    paths = [DATA / "pubmed" / "pubmed26n0002-sample.xml.gz", generated]
    monkeypatch.setattr(reading, "READ_HERE_FIRST", False)  # every record through the reading process
    monkeypatch.setattr(store, "BATCH", 70)  # several batches, each from several of its messages

    piped = imported(paths, reading_process=True)
    here = imported(paths, reading_process=False)

    assert len(piped[0]["Article"]) > 300
    assert len(piped[0]["Disclosure"]) > 100
    for model in COMPARED:
        assert piped[0][model.__name__] == here[0][model.__name__], model.__name__
    assert piped[1:] == here[1:]


def test_a_large_file_s_first_records_are_read_here_and_the_rest_by_the_reading_process(tmp_path):
    path = tmp_path / "pubmed99n0001.xml.gz"
    write_pubmed_file(path, 2500)
    warnings, pmids = [], []
    with reading.ReadAhead(path, file=path.name) as read_ahead:
        for item in read_ahead.items(warnings):
            pmids.append(item.pmid)
            if len(pmids) == reading.START_AFTER + 1:
                # The writer stores its first batch here, while the reading process reads ahead.
                waited = time.monotonic()
                while not read_ahead.queue.full() and time.monotonic() - waited < 60:
                    time.sleep(0.05)
    assert pmids == [str(50_000_000 + n) for n in range(2500)]
    assert reading.START_AFTER < read_ahead.read_here < 2500
    assert len(read_ahead.sha256) == 64


def test_a_small_file_is_read_here_alone(tmp_path):
    path = tmp_path / "pubmed99n0001.xml.gz"
    write_pubmed_file(path, reading.START_AFTER)
    with reading.ReadAhead(path, file=path.name) as read_ahead:
        assert len(list(read_ahead.items([]))) == reading.START_AFTER
    assert (read_ahead.process, read_ahead.read_here) == (None, reading.START_AFTER)


def test_a_reading_process_that_dies_refuses_the_file_and_a_folder_goes_on(tmp_path, monkeypatch):
    folder = tmp_path / "pubmed"
    folder.mkdir()
    write_pubmed_file(folder / "pubmed99n0001.xml.gz", 3000)  # more than the reading process may hold ready
    write_pubmed_file(folder / "pubmed99n0002.xml.gz", 20, first=5000)
    monkeypatch.setattr(reading, "READ_HERE_FIRST", False)
    waiting = reading.ReadAhead._next
    killed = []

    def killing(read_ahead):
        if not killed:
            read_ahead.starting.join()
            os.kill(read_ahead.process.pid, signal.SIGKILL)
            read_ahead.process.join()
            killed.append(read_ahead.process.exitcode)
        return waiting(read_ahead)

    monkeypatch.setattr(reading.ReadAhead, "_next", killing)
    summary = import_pubmed_paths([folder], workers=False, reading_process=True)

    assert killed == [-9]
    assert (summary.files, summary.records, len(summary.failures)) == (2, 20, 1)
    refused = ImportRecord.objects.get(status=ImportStatus.FAILED)
    assert re.fullmatch(
        rf"{re.escape(str(folder))}/pubmed99n0001\.xml\.gz:after (the start of the file|PMID \d+): "
        r"the process reading the file stopped unexpectedly \(exit code -9\)",
        refused.error,
    ), refused.error
    assert sorted(Article.objects.values_list("pmid", flat=True)) == [str(50_005_000 + n) for n in range(20)]


@pytest.mark.parametrize(("cpus", "load", "helps"), [({0}, 0.0, False), ({0, 1}, 0.4, True), ({0, 1}, 1.5, False)])
def test_a_reading_process_is_used_when_a_second_cpu_is_idle(monkeypatch, cpus, load, helps):
    monkeypatch.setattr(reading.os, "sched_getaffinity", lambda pid: cpus)
    monkeypatch.setattr(reading.os, "getloadavg", lambda: (load, load, load))
    assert reading.reading_process_helps() is helps
