"""Run an importer over files and folders: all or nothing per file, a record of each import,
failures reported as FILE:LOCATION: reason while the rest go on, and a summary at the end.
"""

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from tqdm import tqdm

from registry.enums import ImportStatus, MatchStatus
from registry.importers.errors import ImportFailure
from registry.models import (
    Article,
    Authorship,
    Disclosure,
    ImportRecord,
    Interest,
    Organization,
    Person,
    PersonMatch,
)

logger = logging.getLogger(__name__)

# What the summary counts, as rows the import created: (model, condition).
COUNTED = {
    "articles": (Article, ""),
    "persons": (Person, ""),
    "organizations": (Organization, ""),
    "authorships": (Authorship, ""),
    "disclosures": (Disclosure, ""),
    "interests": (Interest, ""),
    "matches to confirm": (PersonMatch, f"status = '{MatchStatus.PENDING}'"),
}


# Not a kind of row created: the history rows a file wrote, in every historical table. Every write
# records history, so a file that created nothing and wrote no history row changed nothing.
CHANGES = "changes"


def _history_models() -> list:
    return [model for model in apps.get_models() if getattr(model, "instance_type", None) is not None]


def _tables() -> dict[str, tuple[str, str, str]]:
    """(table, primary key column, condition) of each counted table and of each history table."""
    quote = connection.ops.quote_name
    tables = {label: (quote(model._meta.db_table), "id", condition) for label, (model, condition) in COUNTED.items()}
    for model in _history_models():
        tables[f"{CHANGES}:{model._meta.label}"] = (quote(model._meta.db_table), quote(model._meta.pk.column), "")
    return tables


def last_ids() -> dict[str, int]:
    """The highest id of each counted and history table, in one query of index look-ups (taken before a file)."""
    tables = _tables()
    parts = [f"(SELECT COALESCE(MAX({pk}), 0) FROM {table})" for table, pk, _ in tables.values()]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def count_rows_since(last: dict[str, int]) -> dict[str, int]:
    """Rows created since `last_ids()`: a range of the primary key, whatever the size of the table.
    The history rows of all tables are added up under CHANGES."""
    tables = _tables()
    parts = []
    for label, (table, pk, condition) in tables.items():
        extra = f" AND {condition}" if condition else ""
        parts.append(f"(SELECT COUNT(*) FROM {table} WHERE {pk} > {int(last[label])}{extra})")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        found = dict(zip(tables, cursor.fetchone(), strict=True))
    counts = {label: found[label] for label in COUNTED}
    counts[CHANGES] = sum(count for label, count in found.items() if label not in COUNTED)
    return counts


# (data, file name as reported, actor, warnings) -> number of records read (articles, rows, people)
FileImporter = Callable[[bytes, str, object, list[str]], int]
# For one import, a context giving `write(files, *, kind, actor, summary, one_by_one, upcoming)`: imports
# a batch's files in their order inside its transaction, writing some of them together (each with its
# own record and counts) and handing the others to one_by_one(files), the runner's import of a file in a
# savepoint of its own; `upcoming` are the next batch's files, which it may read meanwhile.
WriteTogether = Callable[[], AbstractContextManager[Callable[..., None]]]


@dataclass
class ImportSummary:
    kind: str
    files: int = 0
    records: int = 0
    counts: Counter = field(default_factory=Counter)
    failures: list[ImportFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    unchanged_files: int = 0  # imported, and nothing written: no row created, no history

    @property
    def ok(self) -> bool:
        return not self.failures

    def add(self, other: "ImportSummary") -> None:
        """Count another summary's files in this one (a batch's, once committed)."""
        self.files += other.files
        self.records += other.records
        self.counts.update(other.counts)
        self.failures += other.failures
        self.warnings += other.warnings
        self.unchanged_files += other.unchanged_files

    @property
    def imported_files(self) -> int:
        return self.files - len(self.failures)

    def lines(self) -> list[str]:
        """The summary as printed by the commands and shown on the upload page."""
        created = ", ".join(f"{self.counts.get(kind, 0)} {kind}" for kind in COUNTED)
        rate = f" in {self.seconds:.1f} s ({self.records / self.seconds:.0f} records/s)" if self.seconds else ""
        lines = [
            f"{self.imported_files} of {self.files} file(s) imported, {len(self.failures)} refused; "
            f"{self.records} record(s) read{rate}.",
            f"Created: {created}.",
        ]
        if self.unchanged_files:
            lines.append(f"{self.unchanged_files} of {self.imported_files} file(s) unchanged: nothing written.")
        return lines


def expand(paths: Iterable[Path | str], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Files as given, and the files with one of `suffixes` under each folder, in name order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            yield path


def import_paths(
    paths: Iterable[Path | str],
    *,
    kind: str,
    importer: FileImporter,
    suffixes: tuple[str, ...],
    actor=None,
    progress: bool = False,
    batch: int = 1,
    write_together: WriteTogether | None = None,
) -> ImportSummary:
    """Import each file all or nothing, and record it. With `batch`, up to that many files share a
    transaction, each file in a savepoint of its own: a refused file still writes nothing but its
    record, and the batch pays one commit (on PostgreSQL a wait for the disk, and the public set's
    recomputation) instead of one a file. Should the shared commit fail, the batch's files are
    imported again, one transaction each. `write_together` imports a batch's files, writing what it
    can of them at once."""
    files = list(expand(paths, suffixes))
    summary = ImportSummary(kind=kind)
    started = time.perf_counter()
    together = write_together() if write_together is not None and batch > 1 else nullcontext()
    with tqdm(total=len(files), unit="file", disable=not progress, desc=f"Importing {kind}") as bar, together as write:
        for start in range(0, len(files), batch):
            group = files[start : start + batch]
            upcoming = files[start + batch : start + 2 * batch]
            _import_group(
                group, kind=kind, importer=importer, actor=actor, summary=summary, write=write, upcoming=upcoming
            )
            bar.update(len(group))
    summary.seconds = time.perf_counter() - started
    return summary


def _import_group(
    files: list[Path],
    *,
    kind: str,
    importer: FileImporter,
    actor,
    summary: ImportSummary,
    write: Callable[..., None] | None = None,
    upcoming: list[Path] | None = None,
) -> None:
    if len(files) == 1:
        _import_file(files[0], kind=kind, importer=importer, actor=actor, summary=summary)
        return
    shared = ImportSummary(kind=kind)

    def one_by_one(paths: list[Path]) -> None:
        for path in paths:
            _import_file(path, kind=kind, importer=importer, actor=actor, summary=shared)

    try:
        with transaction.atomic():
            if write is None:
                one_by_one(files)
            else:
                write(files, kind=kind, actor=actor, summary=shared, one_by_one=one_by_one, upcoming=upcoming or [])
    except DatabaseError:
        logger.warning("A batch of %d %s files was not committed; importing them one by one", len(files), kind)
        for path in files:
            _import_file(path, kind=kind, importer=importer, actor=actor, summary=summary)
        return
    summary.add(shared)


def _import_file(path: Path, *, kind: str, importer: FileImporter, actor, summary: ImportSummary) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        summary.files += 1
        summary.failures.append(ImportFailure(f"cannot be read: {exc.strerror or exc}", file=str(path)))
        return
    import_data(data, name=str(path), kind=kind, importer=importer, actor=actor, summary=summary)


def import_data(
    data: bytes, *, name: str, kind: str, importer: FileImporter, actor=None, summary: ImportSummary
) -> bool:
    """Import one file's content in its own transaction; on failure nothing but the record is kept."""

    def work(warnings: list[str]) -> tuple[int, dict[str, int]]:
        before = last_ids()
        read = importer(data, name, actor, warnings)
        return read, count_rows_since(before)

    record = new_record(kind=kind, name=name, actor=actor)
    record.sha256 = hashlib.sha256(data).hexdigest()
    return recorded(record, work, name=name, summary=summary)


def new_record(*, kind: str, name: str, actor) -> ImportRecord:
    return ImportRecord(kind=kind, file_name=name[:500], actor=actor if getattr(actor, "pk", None) else None)


def recorded(
    record: ImportRecord,
    work: Callable[[list[str]], tuple[int, dict[str, int]]],
    *,
    name: str,
    summary: ImportSummary,
) -> bool:
    """Run one file's import, `work(warnings) -> (records read, counts)`, in its own transaction and
    keep its record, succeeded or failed (then with the reason, and nothing else written)."""
    summary.files += 1
    warnings: list[str] = []
    try:
        with transaction.atomic():
            read, counts = work(warnings)
            changes = counts.pop(CHANGES, None)
            record.status, record.counts, record.warnings = ImportStatus.SUCCEEDED, counts, warnings
            record.save()
    except Exception as exc:
        failure = as_failure(exc, name)
        summary.failures.append(failure)
        record.status, record.error, record.warnings = ImportStatus.FAILED, str(failure), warnings
        record.save()
        return False
    summary.records += read
    summary.counts.update(counts)
    if changes == 0 and not any(counts.values()):
        summary.unchanged_files += 1
    summary.warnings += warnings
    return True


def as_failure(exc: Exception, name: str) -> ImportFailure:
    if isinstance(exc, ImportFailure):
        return exc.in_file(name)
    if isinstance(exc, ValidationError):
        return ImportFailure("; ".join(exc.messages), file=name)
    if isinstance(exc, DatabaseError):
        return ImportFailure(f"the database refused a record: {exc}", file=name)
    logger.exception("Unexpected error importing %s", name)
    return ImportFailure(f"unexpected error ({type(exc).__name__}): {exc}", file=name)
