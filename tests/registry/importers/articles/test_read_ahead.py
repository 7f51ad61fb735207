"""The files of the next batch are read in a child process while a batch is written: the registry, every
file's record and every refusal are what reading each batch in the importing process gives."""

import dataclasses
import os
import shutil

import pytest

from registry.enums import ImportKind
from registry.importers.articles import read_ahead
from registry.importers.articles.read_ahead import ReadAhead
from registry.importers.sources import SOURCES
from tests.registry.importers.test_jats_together import SAMPLES, _registry_after


def _process_id(data: bytes, *, file: str, warnings: list[str]) -> list[int]:
    warnings.append(f"{file} read")
    return [os.getpid()]


def test_the_files_asked_for_ahead_are_read_in_another_process(tmp_path):
    paths = [tmp_path / name for name in ("a.xml", "b.xml", "c.xml")]
    for path in paths:
        path.write_bytes(b"<a/>")
    reader = ReadAhead(_process_id, processes=True)
    try:
        reader.ahead(paths[:2])
        ahead = reader.files(paths[:2])
        here = reader.files(paths[2:])  # not asked for ahead: read here
    finally:
        reader.close()

    assert [file.data for file in ahead] == [b"<a/>", b"<a/>"]
    assert {pid for file in ahead for pid in file.records} != {os.getpid()}
    assert [file.warnings for file in ahead] == [[f"{paths[0]} read"], [f"{paths[1]} read"]]
    assert [file.records for file in here] == [[os.getpid()]]


def test_a_file_that_cannot_be_read_ahead_is_left_to_its_own_import(tmp_path):
    reader = ReadAhead(_process_id, processes=True)
    try:
        reader.ahead([tmp_path / "missing.xml"])
        (missing,) = reader.files([tmp_path / "missing.xml"])
    finally:
        reader.close()

    assert (missing.data, missing.records) == (None, [])


@pytest.fixture
def batches_of_three(monkeypatch):
    """JATS files imported three to a batch, so that a few files make several batches."""
    monkeypatch.setitem(SOURCES, ImportKind.JATS, dataclasses.replace(SOURCES[ImportKind.JATS], batch=3))
    return SOURCES[ImportKind.JATS]


@pytest.mark.django_db
def test_batches_read_ahead_give_the_registry_records_and_refusals_of_batches_read_in_turn(
    jats_dir, tmp_path, batches_of_three, monkeypatch
):
    for name in [*SAMPLES, "broken.xml"]:
        shutil.copy(jats_dir / name, tmp_path / name)
    summaries = {}

    def import_with(cpus: int):
        monkeypatch.setattr(read_ahead, "_cpus", lambda: cpus)
        summaries[cpus] = batches_of_three.import_paths([tmp_path])

    in_turn = _registry_after(lambda: import_with(1))
    ahead = _registry_after(lambda: import_with(2))

    assert ahead == in_turn
    assert len(ahead["articles"]) == len(SAMPLES)
    assert [str(failure) for failure in summaries[2].failures] == [str(f) for f in summaries[1].failures]
    assert len(summaries[2].failures) == 1
    assert (summaries[2].files, summaries[2].imported_files) == (len(SAMPLES) + 1, len(SAMPLES))


def test_files_are_read_here_when_no_process_can_be_started(tmp_path, monkeypatch):
    path = tmp_path / "a.xml"
    path.write_bytes(b"<a/>")

    def refused(*args, **kwargs):
        raise AssertionError("daemonic processes are not allowed to have children")

    monkeypatch.setattr(read_ahead, "ProcessPoolExecutor", refused)
    reader = ReadAhead(_process_id, processes=True)
    reader.ahead([path])
    (file,) = reader.files([path])
    reader.close()

    assert (file.records, reader.processes) == ([os.getpid()], False)
