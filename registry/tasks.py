"""Background tasks of the registry: PubMed files imported on workers."""

from pathlib import Path

from celery import shared_task

from registry.importers.pubmed.files import import_pubmed_file, new_pubmed_summary
from registry.models import ImportRecord
from registry.models.imports import ImportStatus


@shared_task(name="registry.import_pubmed_file", acks_late=True)
def import_pubmed_file_task(record_id: int, path: str) -> int:
    """Import one PubMed file into its waiting import record (which records the outcome either way).
    A task delivered again after its record was filled in does nothing."""
    record = ImportRecord.objects.select_related("actor").get(pk=record_id)
    if record.status == ImportStatus.PENDING:
        import_pubmed_file(Path(path), record=record, summary=new_pubmed_summary())
    return record_id
