"""PubMed files and folders of them: which files, and one file imported in its own transaction
with its import record (what it created, updated, withdrew and deleted, or why it was refused).
"""

from collections.abc import Iterable
from pathlib import Path

from registry.enums import ImportKind
from registry.importers.errors import ImportFailure
from registry.importers.hashing import HashingReader
from registry.importers.pubmed.reading import ReadAhead, buffered, opened
from registry.importers.pubmed.store import PubmedCounts, import_pubmed_stream, store_pubmed_items
from registry.importers.runner import COUNTED, ImportSummary, count_rows_since, last_ids, recorded
from registry.models import ImportRecord

SUFFIXES = (".xml.gz", ".xml")


def pubmed_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given, and the .xml.gz and .xml files under each folder, in name order: NLM's file
    names sort oldest first (baseline, then its updates)."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted((p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES)), key=_key)
        else:
            files.append(path)
    return files


def _key(path: Path) -> tuple[str, str]:
    return (path.name, str(path))


class PubmedImportSummary(ImportSummary):
    def lines(self) -> list[str]:
        done = PubmedCounts.LABELS.values()
        return [*super().lines(), "PubMed: " + ", ".join(f"{self.counts.get(what, 0)} {what}" for what in done) + "."]


def new_pubmed_summary() -> PubmedImportSummary:
    return PubmedImportSummary(kind=ImportKind.PUBMED)


def import_pubmed_file(
    path: Path, *, record: ImportRecord, summary: ImportSummary, reading_process: bool = False
) -> bool:
    """One file, streamed, in its own transaction; `record` is filled in whether it goes through or not.
    A record is named by the file's name alone (its source in history and version checks).
    `reading_process`: the file is read (and its statements parsed) in a second process while this
    one writes; the same rows, warnings and refusals either way."""

    def work(warnings: list[str]) -> tuple[int, dict[str, int]]:
        before = last_ids()
        stored = {"file": str(path), "source": path.name, "actor": record.actor, "warnings": warnings}
        if reading_process:
            with ReadAhead(path, file=str(path)) as reading:
                counts = store_pubmed_items(reading.items(warnings), **stored, bulk=True)
            record.sha256 = reading.sha256
        else:
            with opened(path, file=str(path)) as raw:
                hashing = HashingReader(raw)
                counts = import_pubmed_stream(buffered(hashing), **stored)
                record.sha256 = hashing.sha256.hexdigest()
        return counts.read["citations"], {**count_rows_since(before), **counts.as_record()}

    return recorded(record, work, name=str(path), summary=summary)


def summary_from_records(records: Iterable[ImportRecord], summary: ImportSummary) -> ImportSummary:
    """What the workers recorded, as the summary an in-process run would have printed."""
    for record in records:
        summary.files += 1
        if record.error or record.status != "succeeded":
            summary.failures.append(ImportFailure(record.error or f"{record.file_name}: not imported"))
            continue
        summary.records += record.counts.get(PubmedCounts.LABELS["citations"], 0)
        summary.counts.update(
            {k: v for k, v in record.counts.items() if k in COUNTED or k in PubmedCounts.LABELS.values()}
        )
        summary.warnings += record.warnings
    return summary
