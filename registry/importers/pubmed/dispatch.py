"""Where PubMed files are imported: split across Celery workers (one file a task) when a broker is
configured and there is more than one file, otherwise one after the other in this process.

Above both the file importer and the task, so that neither imports the other's caller.
"""

import time
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.db import transaction
from tqdm import tqdm

from registry.enums import ImportKind, ImportStatus
from registry.importers.pubmed.files import (
    PubmedImportSummary,
    import_pubmed_file,
    new_pubmed_summary,
    pubmed_files,
    summary_from_records,
)
from registry.importers.pubmed.reading import reading_process_helps
from registry.importers.runner import new_record
from registry.models import ImportRecord
from registry.tasks import import_pubmed_file_task

POLL_SECONDS = 0.5


def import_pubmed_paths(
    paths: Iterable[Path | str],
    *,
    actor=None,
    progress: bool = False,
    workers: bool | None = None,
    reading_process: bool | None = None,
) -> PubmedImportSummary:
    """Import PubMed files and folders of them; a refused file writes nothing and the rest go on.

    `workers`: None chooses (workers when a broker is configured and there are several files).
    `reading_process`, in this process only: each file read in a second process while this one writes;
    None chooses (when this process may use more than one CPU)."""
    files = pubmed_files(paths)
    if workers is None:
        workers = bool(settings.CELERY_BROKER_URL) and len(files) > 1
    started = time.perf_counter()
    if workers:
        summary = _on_workers(files, actor=actor, progress=progress)
    else:
        reading_process = reading_process_helps() if reading_process is None else reading_process
        summary = _here(files, actor, progress, reading_process=reading_process)
    summary.seconds = time.perf_counter() - started
    return summary


def _here(files: list[Path], actor, progress: bool, *, reading_process: bool) -> PubmedImportSummary:
    summary = new_pubmed_summary()
    for path in tqdm(files, unit="file", disable=not progress, desc="Importing PubMed"):
        record = new_record(kind=ImportKind.PUBMED, name=str(path), actor=actor)
        import_pubmed_file(path, record=record, summary=summary, reading_process=reading_process)
    return summary


def _on_workers(files: list[Path], *, actor, progress: bool) -> PubmedImportSummary:
    """One task a file, each with an import record waiting for its worker; then wait for them all,
    showing progress as the records are filled in (workers need the files at the same paths)."""
    with transaction.atomic():
        records = []
        for path in files:
            record = new_record(kind=ImportKind.PUBMED, name=str(path.resolve()), actor=actor)
            record.status = ImportStatus.PENDING
            record.save()
            records.append(record)
        for record in records:
            transaction.on_commit(lambda pk=record.pk, name=record.file_name: import_pubmed_file_task.delay(pk, name))
    ids = [record.pk for record in records]
    with tqdm(total=len(ids), unit="file", disable=not progress, desc="Importing PubMed on workers") as bar:
        while True:
            waiting = ImportRecord.objects.filter(pk__in=ids, status=ImportStatus.PENDING).count()
            bar.update(len(ids) - waiting - bar.n)
            if not waiting:
                break
            time.sleep(POLL_SECONDS)
    done = ImportRecord.objects.filter(pk__in=ids).order_by("pk")
    return summary_from_records(done, new_pubmed_summary())
