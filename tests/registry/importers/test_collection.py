"""The garbage collector during a bulk import: its threshold raised within and put back after, and
the rows a batch builds freed without it."""

import gc
import threading

import pytest
from django.db import models

from benchmark.pubmed import write_pubmed_file
from registry.importers.collection import YOUNG_THRESHOLD, young_collections_spaced
from registry.importers.pubmed.dispatch import import_pubmed_paths


def test_the_youngest_generation_is_collected_less_often_within_and_as_before_after():
    before = gc.get_threshold()
    with young_collections_spaced():
        assert gc.get_threshold() == (max(YOUNG_THRESHOLD, before[0]), *before[1:])
        with young_collections_spaced():  # nested: the same
            assert gc.get_threshold()[0] == max(YOUNG_THRESHOLD, before[0])
        assert gc.get_threshold()[0] == max(YOUNG_THRESHOLD, before[0])
    assert gc.get_threshold() == before


def test_the_threshold_is_put_back_after_a_failure_and_when_uses_overlap():
    before = gc.get_threshold()
    try:
        with young_collections_spaced():
            raise RuntimeError
    except RuntimeError:
        pass
    assert gc.get_threshold() == before
    # Two threads, the first leaving before the second: the last to leave puts back what the first found.
    entered, first_left = threading.Event(), threading.Event()

    def second():
        with young_collections_spaced():
            entered.set()
            first_left.wait(5)

    with young_collections_spaced():
        thread = threading.Thread(target=second)
        thread.start()
        entered.wait(5)
    assert gc.get_threshold()[0] == max(YOUNG_THRESHOLD, before[0])
    first_left.set()
    thread.join(5)
    assert gc.get_threshold() == before


@pytest.mark.django_db
def test_the_rows_of_a_bulk_import_are_freed_without_the_collector(tmp_path):
    # Rows in reference cycles (a one-to-one cached on both sides) would wait for the collector's
    # rare full passes, and memory would grow with the file between them.
    path = tmp_path / "pubmed99n0001.xml.gz"
    write_pubmed_file(path, 60)
    gc.collect()
    gc.disable()
    try:
        summary = import_pubmed_paths([path], workers=False, reading_process=False)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        in_cycles = [type(obj).__name__ for obj in gc.garbage if isinstance(obj, models.Model)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert summary.records == 60 and not summary.failures
    assert in_cycles == []
